"""A person's name the tagger glued to the body or country of their office.

'Head of the Sovereign Council of Sudan Abdel Fattah al-Burhan' and 'the Consul General to Haiti
Noor Gabow' come out of the tagger as one organization or place. The name is the tail of the span:
after the last word that ends a body's name ('Council', 'Mission', a curated organization word) or
names a country, two to four capitalised name words, in a span that an office word stands before
or opens ('head of', 'Consul General to'). The span is then the body or country, and the tail a
person. 'Bhutan PM Tshering Tobgay' is a country and an office before the name: the name is the
person, and the country and office alone ('Nepal PM', glued to no name) are no organization.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from generator import names
from generator.extract.candidates import Candidate
from generator.extract.gazetteer import Gazetteer
from generator.extract.name_types import NameTypes, is_place, office_titles

#: How far before the span an office word may stand ('the Kenyan Consul General to' + span).
_OFFICE_REACH = 5
#: Words before a country that ends an office's body ('of Sudan', 'to Haiti').
_BEFORE_COUNTRY = {"of", "to", "for", "in"}


def split_glued(doc: Doc, cand: Candidate, types: NameTypes, gaz: Gazetteer) -> list[Candidate]:
    """The candidate as it is, or its body or country and the person glued after it."""
    if cand.source != "ner-org" or cand.kind not in ("ORG", "GPE", "FAC", "NORP"):
        return [cand]
    span = doc[cand.start : cand.end]
    after_office = _country_office(span, gaz)
    if after_office == len(span):
        return []  # 'Nepal PM': a country's office, no body
    if after_office:
        tail = span[after_office:]
        if _person_tail(tail, types, gaz):
            return [Candidate(span[after_office].i, cand.end, "person", None, "ner-org-person")]
    cut = _name_tail(span, types, gaz)
    if cut is None or not _after_office(doc, span, cut, gaz):
        return [cand]
    head = Candidate(cand.start, cut, cand.label, cand.key, cand.source, cand.kind)
    person = Candidate(cut, cand.end, "person", None, "ner-org-person")
    return [head, person]


def _name_tail(span: Span, types: NameTypes, gaz: Gazetteer) -> int | None:
    """Where the glued name starts: after the span's last body word or country name, when two
    to four name words follow it to the span's end."""
    for i in range(len(span) - 3, -1, -1):
        token = span[i]
        ends_body = token.is_title and names.fold(token.text) in types.organization_words
        # 'Council of Sudan', 'Consul General to Haiti'; not 'Kenyan', not 'US Pacific Command'
        country = (
            token.text in gaz.country_names
            and token.pos_ == "PROPN"
            and token.i > 0
            and token.doc[token.i - 1].lower_ in _BEFORE_COUNTRY
        )
        if not (ends_body or country):
            continue
        return span[i + 1].i if _person_tail(span[i + 1 :], types, gaz) else None
    return None


def _person_tail(tail: Span, types: NameTypes, gaz: Gazetteer) -> bool:
    """Two to four name words that are no place, no body's name and no office."""
    if not 2 <= len(tail.text.split()) <= 4 or not all(_name_word(t) for t in tail):
        return False
    if not (tail[0].text[:1].isupper() and tail[-1].text[:1].isupper()):
        return False
    if is_place(tail.text) or tail.text in gaz.country_names:
        return False
    if names.fold(tail[-1].text) in types.organization_words:
        return False  # 'Cricket Board': the body's own name goes on
    titles = office_titles()
    # 'the Kenyan Consul General': an office, no name
    return not any(t.lower_ in gaz.office_words or t.lower_ in titles for t in tail)


def _country_office(span: Span, gaz: Gazetteer) -> int:
    """How many words of the span are a country's name and then office words ('Bhutan PM',
    'Kenya Foreign Minister'), or 0 when it does not open that way."""
    if not span or span[0].text not in gaz.country_names:
        return 0
    end = 1  # the curated office words only: nameparser's titles hold 'national', 'army'
    while end < len(span) and span[end].lower_.rstrip(".") in gaz.office_words:
        end += 1
    return end if end > 1 else 0


def _after_office(doc: Doc, span: Span, cut: int, gaz: Gazetteer) -> bool:
    """An office word opens the span or stands just before it ('head of', 'Consul General to')."""
    first = max(span.sent.start, span.start - _OFFICE_REACH)
    for token in [*doc[first : span.start], *doc[span.start : cut]]:
        if token.is_punct and token.i < span.start:
            first = token.i  # an office before a comma is another clause's
    words = [t for t in doc[first:cut] if t.is_alpha]
    titles = office_titles()
    return any(t.lower_ in gaz.office_words or t.lower_ in titles for t in words)


def _name_word(token) -> bool:
    """A token of 'Abdel Fattah al-Burhan' or 'Saint-Cyr': a capitalised word, a particle, or
    the hyphen between them."""
    text = token.text
    if text[:1].isupper():
        return (token.is_alpha or "-" in text) and not text.isupper()
    return text == "-" or names.fold(text.partition("-")[0]) in names.PARTICLES
