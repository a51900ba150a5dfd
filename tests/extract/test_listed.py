"""A name the tagger skipped inside a list of people (extract/listed.py; issue #13).

The tagger's misses cannot be provoked on demand, so the Doc's entities are set by hand: the
tagger read every listed name but one.
"""

from __future__ import annotations

from spacy.tokens import Span

from generator.extract.candidates import find_candidates
from generator.extract.listed import skipped_in_lists

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
