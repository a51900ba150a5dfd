"""A one-word organization name the article writes as a body ('a X delegation', 'X fighters')
is published; a stray one-word name and a generic body word are not (extract/lone_bodies.py)."""

from __future__ import annotations

from generator import yamlio

STORY = (
    "Envoys meet in the Gulf\n\n"
    "A Kataibun delegation headed by its acting foreign minister met Gulf envoys on Sunday, "
    "officials said.\n\n"
    "Kataibun fighters had seized the town in May. The talks with Kataibun will resume.\n\n"
    "The Ministry spokesman declined to comment. The Channel said the report was false.\n"
)


def organizations(result) -> set[str]:
    return {
        yamlio.load(text)["name"]
        for path, text in result.records.items()
        if path.startswith("organizations/")
    }


def test_a_one_word_body_with_a_delegation_or_fighters_is_published(build_case):
    found = organizations(build_case({"a.txt": STORY}))
    assert "Kataibun" in found
    assert not {"Ministry", "Channel"} & found
