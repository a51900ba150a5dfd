"""A quotation that fills its own paragraph, its speaker named in the paragraph before."""

from __future__ import annotations

from generator import yamlio


def quotes(result):
    records = [yamlio.load(t) for p, t in result.records.items() if p.startswith("articles/")]
    return [(q["speaker"], q["text"]) for r in records for q in r["quotes"]]


def test_a_quotation_paragraph_goes_to_the_speaker_introduced_before(build_case):
    text = (
        "Title\n\nJuan Pérez, Panama's climate envoy, says the target is now out of reach.\n\n"
        "“I think the target was in intensive care and the bed just broke under it.”\n\n"
        "The conference ended on Sunday.\n"
    )
    found = quotes(build_case({"a.txt": text}))
    assert [s for s, q in found if q.startswith("I think the target")] == ["juan-perez"]


def test_a_quotation_paragraph_after_narration_has_no_speaker(build_case):
    text = (
        "Title\n\nJuan Pérez, Panama's climate envoy, arrived in Baku on Sunday.\n\n"
        "“I think the target was in intensive care and the bed just broke under it.”\n"
    )
    found = quotes(build_case({"a.txt": text}))
    assert not [q for _, q in found if q.startswith("I think the target")]


def test_a_quotation_opening_its_sentence_goes_to_the_speaker_of_the_sentence_before(
    build_case,
):
    text = (
        "Title\n\nRafael Grossi said he wanted real progress with Iran before October. "
        "“Of course, now we have to give content and substance to this,” he added later.\n\n"
        "Nuclear talks\n\nMaria Sousa said the talks had gone well. “We are not starting from "
        "zero on any of the technical questions now.”\n"
    )
    found = dict((q, s) for s, q in quotes(build_case({"a.txt": text})))
    assert found["We are not starting from zero on any of the technical questions now."] == (
        "maria-sousa"
    )


def test_a_paragraph_opening_with_a_dash_is_a_quotation(build_case):
    text = (
        "Summit\n\nNATO Secretary General Mark Rutte spoke in The Hague on Tuesday.\n\n"
        "–It is important that everyone takes their share of the burden, says Rutte.\n\n"
        "–We meet at a historic moment for our security, notes Rutte as he holds a press "
        "conference before the meeting in his hometown.\n"
    )
    found = quotes(build_case({"a.txt": text}))
    assert ("mark-rutte", "It is important that everyone takes their share of the burden") in found
    assert ("mark-rutte", "We meet at a historic moment for our security") in found
