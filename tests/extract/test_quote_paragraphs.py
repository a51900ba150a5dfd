"""A quotation that fills its own paragraph, its speaker named in the paragraph before."""

from __future__ import annotations

from generator import yamlio


def quotes(result):
    records = [yamlio.load(t) for p, t in result.records.items() if p.startswith("articles/")]
    return [(q["speaker"], q["text"]) for r in records for q in r["quotes"]]


def test_a_quotation_paragraph_goes_to_the_speaker_introduced_before(build_articles):
    text = (
        "Title\n\nJuan Pérez, Panama's climate envoy, says the target is now out of reach.\n\n"
        "“I think the target was in intensive care and the bed just broke under it.”\n\n"
        "The conference ended on Sunday.\n"
    )
    found = quotes(build_articles({"a.txt": text}))
    assert [s for s, q in found if q.startswith("I think the target")] == ["juan-perez"]


def test_a_quotation_paragraph_after_narration_has_no_speaker(build_articles):
    text = (
        "Title\n\nJuan Pérez, Panama's climate envoy, arrived in Baku on Sunday.\n\n"
        "“I think the target was in intensive care and the bed just broke under it.”\n"
    )
    found = quotes(build_articles({"a.txt": text}))
    assert not [q for _, q in found if q.startswith("I think the target")]
