"""Words quoted inside reported speech are kept apart from quotations (``fragment: true``)."""

from __future__ import annotations

from generator import yamlio

TEXT = """Tokyo protests the launch

Prime Minister Kenji Arakawa said the launch was "a clear violation of the resolutions" and vowed to respond.

Arakawa said: "We will never accept these repeated provocations."

Foreign Minister Aiko Mori said "we are in close contact with our partners on the next steps."

Arakawa said that "we will answer every launch with new measures." Mori said that "close partners" would be told first.

Mori told reporters on Tuesday that "the ministry has summoned the ambassador for an explanation."
"""


def test_words_quoted_inside_reported_speech_are_a_fragment(build_case):
    result = build_case({"a.txt": TEXT})
    path = next(p for p in result.records if p.startswith("articles/"))
    quotes = {q["text"][:12]: q for q in yamlio.load(result.records[path])["quotes"]}
    assert quotes["a clear viol"].get("fragment") is True
    assert "fragment" not in quotes["We will neve"]
    assert "fragment" not in quotes["we are in cl"], "after 'said', lower case is still a statement"
    assert "fragment" not in quotes["we will answ"], "after 'said that', to the sentence's end"
    assert "fragment" not in quotes["the ministry"], "'told reporters on Tuesday that' too"
