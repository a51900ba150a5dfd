"""Sites, places and offices the tagger reads as organizations (extract/not_organizations.py): a
temple, a name before 'area' or 'port', two capitals joined by a slash, an office of several
words ("Chargé d'Affaires"); a body that serves an office ("Office of the Spokesperson") stays
one. Texts written for this test."""

from __future__ import annotations

import pytest

from generator.extract.not_organizations import not_an_organization
from tests.extract.records import named_records

STORY = (
    "Ministers tour the capital\n\n"
    "The Foreign Ministry summoned the Danish Chargé d'Affaires on Tuesday over the remarks.\n\n"
    "Today the Prime Minister and I retraced his steps with a visit to the Temple of Harmony in "
    "Hanoi, the minister wrote.\n\n"
    "Relations between Dhaka/New Delhi have cooled, the Office of the Spokesperson said in a "
    "statement.\n"
)


def test_sites_places_and_offices_are_no_organizations(build_case):
    result = build_case({"a.txt": STORY})
    found = {name.casefold() for name in named_records(result, "organizations")}
    for wrong in ("temple of harmony", "dhaka", "affaires"):
        assert not any(wrong in name for name in found), sorted(found)
    assert "office of the spokesperson" in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "name", "ruled_out"),
    [
        ("Clashes broke out in the Koh Trala area on Monday.", "Koh Trala", True),
        ("The base gives access to Puntland's Qaran Dheer port.", "Qaran Dheer", True),
        ("The Koh Trala Council met on Monday.", "Koh Trala Council", False),
        ("The Tomb of the Kings drew visitors.", "Tomb of the Kings", True),
        ("He praised the robust Japan-US Alliance on Monday.", "Japan-US Alliance", True),
        (
            "The foreign minister of the self-declared Arvan Democratic Republic spoke.",
            "Arvan Democratic Republic",
            True,
        ),
        ("A coalition led by Marwan’s Islamist group took the city.", "Marwan’s Islamist", True),
        ("The Workers’ Party of Arvan met.", "Workers’ Party of Arvan", False),
    ],
)
def test_places_states_relations_and_fragments_are_no_organizations(tools, text, name, ruled_out):
    """A name a place noun follows; a site; two countries' alliance; a state; someone's
    possessive and an adjective the tagger stopped at; a party stays a body."""
    doc = tools.nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    types = tools.name_types
    assert not_an_organization(doc, span, name, tools.gazetteer, types) is ruled_out
