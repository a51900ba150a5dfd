"""A name the tagger skipped inside a list of people: 'Khaled A, Khalil B, Zaher C, and D'.

Between two people of one comma (or semicolon) list, two or three capitalised words the tagger
gave no label, or only a thing's label (a facility, a product, a work: labels it gives names it
does not know), after a country's possessive or its demonym ('Togolese A'), are one more person:
a list joins things of one kind. Nothing else about the words is guessed; a country, a title or
any word the tagger labelled a place, a body or a person keeps the list from growing.
"""

from __future__ import annotations

from spacy.tokens import Doc

from generator.extract.candidates import Candidate
from generator.extract.gazetteer import Gazetteer

#: What may stand between the skipped name and the next person of the list ('and', 'Eng.').
_LINKS = {",", ";", "and"}
#: Labels a tagger gives a person's name it does not know, which a list of people overrides
#: ('Tanzania's A B C' read as a facility between two presidents).
_MISREAD = {"", "FAC", "PRODUCT", "WORK_OF_ART"}
_POSSESSIVE = {"’s", "'s"}
_MAX_LINK = 6


def skipped_in_lists(doc: Doc, chosen: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """Person candidates for unlabelled names standing between two listed people."""
    misread = [c for c in chosen if c.source == "ner-org" and c.kind in _MISREAD]
    taken = {i for c in chosen if c not in misread for i in range(c.start, c.end)}
    ends = {c.end for c in chosen if c.label == "person"}
    starts = {c.start for c in chosen if c.label == "person"}
    out = []
    for person_end in sorted(ends):
        start = person_end + 1
        if person_end >= len(doc) or doc[person_end].text not in (",", ";"):
            continue
        start += _country_possessive(doc, start, gaz)  # 'China's A, Uzbekistan's B'
        if start < len(doc) and doc[start].text in gaz.country_names:
            start += 1  # 'Togolese A', the name's country before it
        end = start
        while end < len(doc) and end - start < 3 and _bare_name_word(doc[end], taken, gaz):
            end += 1
        if not 2 <= end - start <= 3 or end >= len(doc) or doc[end].text not in _LINKS:
            continue
        if _next_person(doc, end, starts, gaz):
            out.append(Candidate(start, end, "person", None, "ner-person", "name"))
    return out


def _bare_name_word(token, taken: set[int], gaz: Gazetteer) -> bool:
    return (
        token.i not in taken
        and token.ent_type_ in _MISREAD
        and token.is_alpha
        and token.is_title
        and token.lower_ not in gaz.title_first_words
        and token.text not in gaz.country_names
    )


def _country_possessive(doc: Doc, i: int, gaz: Gazetteer) -> int:
    """2 when a country's possessive stands at ``i`` ('Pakistan's'), else 0."""
    if i + 1 < len(doc) and doc[i].text in gaz.country_names and doc[i + 1].text in _POSSESSIVE:
        return 2
    return 0


def _next_person(doc: Doc, i: int, starts: set[int], gaz: Gazetteer) -> bool:
    """A listed person follows after ', and' and perhaps a title ('Eng.')."""
    for k in range(i, min(len(doc), i + _MAX_LINK)):
        if k in starts:
            return True
        token = doc[k]
        abbreviation = token.is_title and k + 1 < len(doc) and doc[k + 1].text == "."
        link = token.text in _LINKS or token.text.endswith(".") or token.text in _POSSESSIVE
        link = link or _country_possessive(doc, k, gaz) > 0
        # the next person's title: 'and SCO Secretary General X'
        link = link or token.lower_ in gaz.title_first_words or (token.is_upper and token.ent_type_)
        if not (link or abbreviation):
            return False
    return False
