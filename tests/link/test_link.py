"""Link (link.py) on extraction records made by hand: no spaCy model is loaded."""

from __future__ import annotations

import pytest

from generator.link import Linker, link, link_article
from tests.handmade import Draft, seeds_registry

DUARTE = (
    "Foreign Minister Maria Duarte met her Spanish counterpart in Lisbon on Monday. "
    "Duarte said the talks had gone well."
)


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.build(seeds_registry())


def keys(linked) -> list[str]:
    return [lm.key for lm in linked.mentions]


def test_a_surname_links_to_the_full_name_of_the_same_article(linker):
    draft = Draft("a", DUARTE)
    full = draft.mention("Maria Duarte")
    short = draft.mention("Duarte", occurrence=1, refers_to="Maria Duarte")
    draft.quote("the talks had gone well", short)
    draft.event("meeting", [full, short], date="2024-05-06")
    linked = link_article(draft.extraction(), linker)
    assert keys(linked) == ["person:~duarte maria", "person:~duarte maria"]
    assert [lm.confidence for lm in linked.mentions] == [0.9, 0.9]
    assert [q.speaker for q in linked.quotes] == ["person:~duarte maria"]
    # the two mentions are one participant
    assert [e.participants for e in linked.events] == [("person:~duarte maria",)]


def test_a_surname_no_full_name_explains_stays_provisional(linker):
    draft = Draft("a", DUARTE)
    draft.mention("Duarte", occurrence=1)
    (mention,) = link_article(draft.extraction(), linker).mentions
    assert mention.key == "person:?duarte"
    assert mention.confidence < 0.5


def test_a_full_name_in_another_order_is_the_same_person(linker):
    draft = Draft("a", "Wei Fenghe met Fenghe Wei.")
    draft.mention("Wei Fenghe")
    draft.mention("Fenghe Wei")
    first, second = keys(link_article(draft.extraction(), linker))
    assert first == second == "person:~fenghe wei"


def test_a_curated_alias_links_to_its_id(linker):
    draft = Draft(
        "a",
        "Blinken met Tony Blinken, also called Antony J. Blinken, and Lloyd J. Austin III. "
        "Blinken's host was Antony Blinken.",
    )
    for name in ("Blinken", "Tony Blinken", "Antony J. Blinken", "Lloyd J. Austin III"):
        draft.mention(name)
    draft.mention("Antony Blinken")
    linked = link_article(draft.extraction(), linker)
    assert keys(linked) == [
        "person:antony-blinken",
        "person:antony-blinken",
        "person:antony-blinken",
        "person:lloyd-austin",
        "person:antony-blinken",
    ]
    assert all(lm.confidence == 1.0 for lm in linked.mentions)


def test_an_unknown_name_is_not_a_curated_person(linker):
    draft = Draft("a", "Antony Blinkenberg met officials.")
    draft.mention("Antony Blinkenberg")
    assert keys(link_article(draft.extraction(), linker)) == ["person:~antony blinkenberg"]


def test_a_forum_and_its_parent_take_the_more_specific_forum(linker):
    draft = Draft(
        "a",
        "Lloyd Austin met Antony Blinken at the ADMM-Plus, which ASEAN convenes, on Monday.",
    )
    austin = draft.mention("Lloyd Austin")
    blinken = draft.mention("Antony Blinken")
    asean = draft.mention("ASEAN", "forum", entity_id="forum:asean", source="registry")
    admm = draft.mention("ADMM-Plus", "forum", entity_id="forum:admm-plus", source="registry")
    draft.event("meeting", [austin, blinken], date="2024-05-06", forums=(asean, admm))
    (article,) = link([draft.extraction()], linker)
    (event,) = article.events
    assert event.participants == ("person:lloyd-austin", "person:antony-blinken")
    assert event.forum == "forum:admm-plus"
    assert event.article == "a"
