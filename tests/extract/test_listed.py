"""A name the tagger skipped inside a list of people (extract/listed.py; issue #13).

The tagger's misses cannot be provoked on demand, so the Doc's entities are set by hand: the
tagger read every listed name but one.
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.extract.candidates import find_candidates
from generator.extract.listed import skipped_in_lists
from generator.extract.name_types import NameTypes, person_read_as_organization

TEXT = (
    "The delegation included senior figures, among them Khalid Marwan, Samir Qudsi, "
    "Zaher Jabarani, and Eng. Nidal Farouk."
)


def _doc_without(tools, skipped: str, text: str = TEXT):
    doc = tools.nlp(text)
    ents = []
    for name in ("Khalid Marwan", "Samir Qudsi", "Zaher Jabarani", "Nidal Farouk"):
        if name == skipped:
            continue
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label="PERSON")
        ents.append(Span(doc, span.start, span.end, label="PERSON"))
    doc.set_ents(ents, default="outside")
    return doc


def _names(doc, tools) -> list[str]:
    chosen = find_candidates(doc, tools)
    return [doc[c.start : c.end].text for c in skipped_in_lists(doc, chosen, tools.gazetteer)]


def test_a_name_between_two_listed_people_is_one_more(tools):
    assert _names(_doc_without(tools, "Zaher Jabarani"), tools) == ["Zaher Jabarani"]


def test_nothing_is_added_when_the_tagger_read_every_name(tools):
    assert _names(_doc_without(tools, ""), tools) == []


def test_a_list_that_goes_on_to_no_person_does_not_grow(tools):
    text = "Among them Khalid Marwan, Samir Qudsi, Zaher Jabarani, and the Grand Hotel."
    doc = tools.nlp(text)
    ents = []
    for name in ("Khalid Marwan", "Samir Qudsi"):
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label="PERSON")
        ents.append(Span(doc, span.start, span.end, label="PERSON"))
    doc.set_ents(ents, default="outside")
    assert _names(doc, tools) == []


COUNTRIES = (
    "Among them China’s Qin Wei, Pakistan’s Bilal Zardani, Uzbekistan’s Bakhtiyor Saidov and "
    "Kenya’s Ruth Otieno."
)


def _doc_with(tools, text: str, labels: dict[str, str]):
    doc = tools.nlp(text)
    ents = []
    for name, label in labels.items():
        start = text.index(name)
        span = doc.char_span(start, start + len(name))
        ents.append(Span(doc, span.start, span.end, label=label))
    doc.set_ents(ents, default="outside")
    return doc


def test_a_list_of_names_after_their_countries_possessives(tools):
    labels = {n: "GPE" for n in ("China", "Pakistan", "Uzbekistan", "Kenya")}
    labels |= {"Qin Wei": "PERSON", "Bilal Zardani": "PERSON", "Ruth Otieno": "PERSON"}
    assert _names(_doc_with(tools, COUNTRIES, labels), tools) == ["Bakhtiyor Saidov"]


def test_a_listed_name_after_its_countrys_possessive_read_as_an_organization(tools):
    labels = {n: "GPE" for n in ("China", "Pakistan", "Uzbekistan", "Kenya")}
    labels |= {"Qin Wei": "PERSON", "Bilal Zardani": "ORG", "Bakhtiyor Saidov": "PERSON"}
    doc = _doc_with(tools, COUNTRIES, labels)
    span = next(e for e in doc.ents if e.text == "Bilal Zardani")
    types = NameTypes.from_registry(tools.registry)
    assert person_read_as_organization(doc, span, types, tools.gazetteer.office_words)
    office = "Among them China’s Qin Wei, Iran’s Foreign Affairs Minister Ali Rezaei."
    labels = {"China": "GPE", "Iran": "GPE", "Qin Wei": "PERSON", "Foreign Affairs": "ORG"}
    doc = _doc_with(tools, office, labels | {"Ali Rezaei": "PERSON"})
    span = next(e for e in doc.ents if e.text == "Foreign Affairs")
    assert not person_read_as_organization(doc, span, types, tools.gazetteer.office_words)


def test_a_listed_name_after_its_countrys_demonym(tools):
    text = "Among them China’s Qin Wei, Togolese Kodjo Amega, and Kenya’s Ruth Otieno."
    labels = {"China": "GPE", "Kenya": "GPE", "Qin Wei": "PERSON", "Ruth Otieno": "PERSON"}
    assert _names(_doc_with(tools, text, labels), tools) == ["Kodjo Amega"]
