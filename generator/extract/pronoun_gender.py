"""Whom an article itself calls "he" and whom "she", so that a quotation's "she said" never goes to
a man it calls "he" (``referents.antecedent``).

The evidence is the article's own words, never a guess from a given name (given-name lists
misgender many names outside Europe and North America):
- an honorific printed before the name ("Mr Tan", "Ms Okafor");
- a possessive pronoun in a clause whose subject is the person ("Wong met her counterpart");
- a pronoun subject of a clause reporting the person's words or acts ("Wong said she would…");
- a possessive in a participle's phrase, which shares its clause's subject ("Wong said, following
  her meeting…"), or after a name the parser left without its verb ("…, Wong met with her…").
A person with evidence both ways has none.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from generator.data import Mention

#: A pronoun's words -> the pronoun a quotation's speaker is called by.
_GENDERED = {
    "he": "he",
    "his": "he",
    "him": "he",
    "himself": "he",
    "she": "she",
    "her": "she",
    "hers": "she",
    "herself": "she",
}
_HONORIFIC = re.compile(
    r"\b(?:(?P<he>Mr|Sir|Lord)|(?P<she>Mrs|Ms|Miss|Madam|Dame|Baroness))\.?\s+$"
)
#: Clauses whose subject pronoun stands for the subject of the clause above ("X said she…").
_REPORTED = frozenset({"ccomp", "xcomp", "advcl", "conj"})


def person_key(mention: Mention) -> str:
    """One key for every mention of a person: the last word of the name as printed ("Penny Wong"
    and "Wong" are one person)."""
    return mention.text.split()[-1].lower() if mention.text.split() else ""


def genders(doc: Doc, people: list[tuple[int, Mention]]) -> dict[str, str]:
    """Person key -> "he" or "she", where the article's evidence points one way only."""
    text = doc.text
    votes: dict[str, set[str]] = {}
    for _, m in people:
        honorific = _HONORIFIC.search(text[max(0, m.start - 12) : m.start])
        if honorific:
            votes.setdefault(person_key(m), set()).add("he" if honorific["he"] else "she")
    by_start = {m.start: m for _, m in people}
    for token in doc:
        gender = _GENDERED.get(token.lower_)
        if gender is None:
            continue
        owner = _subject_person(_clause_subject(token), by_start, people)
        if owner is not None:
            votes.setdefault(person_key(owner), set()).add(gender)
    return {key: next(iter(found)) for key, found in votes.items() if len(found) == 1}


def _clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause the pronoun refers back to: for a possessive or an object, its
    own clause's subject; for a subject pronoun, the subject of the clause that reports it."""
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        clause = pronoun.head
        if clause.dep_ not in _REPORTED or clause.head == clause:
            return None
        clause = clause.head
    else:
        clause = pronoun.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head
        if pronoun.dep_ == "poss":
            clause = _subject_clause(clause)
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and pronoun.dep_ == "poss" and clause.i > 0:
        # "…, Australian Foreign Minister Penny Wong met with her counterpart" parsed without a
        # subject: the name right before the verb is its subject in English word order
        before = clause.doc[clause.i - 1]
        return before if before.pos_ == "PROPN" and clause.pos_ == "VERB" else None
    if not subjects or subjects[0].lower_ in _GENDERED or subjects[0] == pronoun:
        return None
    if any(c.dep_ == "conj" for c in subjects[0].children):
        return None  # "Albanese and I retraced his steps": whose steps, the words do not say
    return subjects[0]


def _subject_clause(clause: Token) -> Token:
    """The clause whose subject a participle's phrase shares ("Wong said on X, following her
    meeting with Wang": "following" has none of its own; "said" has Wong)."""
    while (
        clause.dep_ in ("prep", "advcl")
        and clause.head != clause
        and clause.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    ):
        clause = clause.head
    return clause


def _subject_person(
    subject: Token | None, by_start: dict[int, Mention], people: list[tuple[int, Mention]]
) -> Mention | None:
    """The person mention the subject token is part of, when it names one person."""
    if subject is None:
        return None
    inside = [m for _, m in people if m.start <= subject.idx < m.end]
    return inside[0] if len(inside) == 1 else by_start.get(subject.idx)
