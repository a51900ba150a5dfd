"""Names the tagger reads as something else, with its labels set by hand (its reading of such
spans varies with the words around them): an office's formal name is neither a person nor an
organization (extract/name_types.py); a party's owner is a person (extract/candidates.py)."""

from __future__ import annotations

from generator.extract.candidates import find_candidates
from generator.extract.name_types import NameTypes, person_read_as_organization, rest_of_an_office

TEXT = (
    "Those present were the Chief of Naval Staff, Vice Admiral Emeka Obi, Chief of Air Staff, "
    "Air Marshal Hassan Bello and the police chief."
)


def _doc(tools, labels: dict[str, str], text: str = TEXT):
    """The text with the tagger's labels set by hand: its reading of such lists varies."""
    doc = tools.nlp(text)
    spans = []
    for words, label in labels.items():
        start = doc.text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = sorted(spans, key=lambda s: s.start)
    return doc


def test_the_rest_of_an_office_in_a_list_of_people_is_no_person(tools):
    # 'Air Staff' stands before ', Air Marshal' read as a person: the list rule alone would
    # make it one of a list of people
    doc = _doc(tools, {"Air Staff": "ORG", "Air Marshal": "PERSON", "Hassan Bello": "PERSON"})
    types = NameTypes.from_registry(tools.registry)
    office_words = tools.gazetteer.office_words
    air_staff = next(e for e in doc.ents if e.text == "Air Staff")
    assert rest_of_an_office(doc, air_staff.start, office_words)
    assert not person_read_as_organization(doc, air_staff, types, office_words)


def test_a_name_in_a_list_of_people_is_still_a_person(tools):
    text = "Those present were Anna Kerr, Tom Bale and Ruth Ames."
    doc = _doc(tools, {"Anna Kerr": "PERSON", "Tom Bale": "ORG", "Ruth Ames": "PERSON"}, text)
    types = NameTypes.from_registry(tools.registry)
    office_words = tools.gazetteer.office_words
    bale = next(e for e in doc.ents if e.text == "Tom Bale")
    assert not rest_of_an_office(doc, bale.start, office_words)
    assert person_read_as_organization(doc, bale, types, office_words)


def _people(doc, tools) -> set[str]:
    return {doc[c.start : c.end].text for c in find_candidates(doc, tools) if c.label == "person"}


def test_the_owner_of_a_party_read_as_one_organization_is_a_person(tools):
    text = "He faces the challenge from Nigel Hartley’s Brexit party, which won in May."
    doc = _doc(tools, {"Nigel Hartley’s Brexit": "ORG"}, text)
    assert "Nigel Hartley" in _people(doc, tools)


def test_what_a_body_owns_is_no_person(tools):
    for owner in ("West Bengal", "New Zealand", "Hong Kong"):
        text = f"He faces the challenge from {owner}’s ruling party, which won in May."
        doc = _doc(tools, {f"{owner}’s ruling": "ORG"}, text)
        assert owner not in _people(doc, tools)
