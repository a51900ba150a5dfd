"""Roles standing for people in event reports: "the Prime Minister held talks", "The Sultan of
Oman began his visit ... He is visiting": a role named with "the" is the one person the article
has named with that title before, and nobody when several or none are."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token

from generator.data import Mention

#: Head nouns of a person's role: a sentence whose subject is one ("The Sultan of Oman began
#: his visit") has a person as its subject, though no name stands there.
ROLE_NOUNS = {"president", "minister", "king", "queen", "sultan", "emir", "prince", "leader"}
ROLE_NOUNS |= {"envoy", "secretary", "chancellor", "premier", "ambassador", "chief", "head"}
ROLE_NOUNS |= {"chairman", "chairperson", "spokesperson", "spokesman", "dignitary", "guest"}

#: Offices held "to" a body: "ambassador to the UN", "envoy to NATO", "representative to the EU".
OFFICE_NOUNS = {"ambassador", "envoy", "representative", "delegate", "observer", "emissary"}

#: Words that put a title in the past.
PAST = {"former", "ex", "ex-", "late", "then", "outgoing", "erstwhile"}


def unnamed_subject(sentence: Span, person_at: dict[int, int]) -> str | None:
    """The role noun that is the sentence's main subject without a name ("The Sultan of Oman",
    "the external affairs minister")."""
    root = sentence.root
    for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lemma_.lower() in ROLE_NOUNS and not any(
            t.i in person_at for t in subject.subtree
        ):
            return subject.lemma_.lower()
    return None


def role_phrase(subject: Token) -> str | None:
    """'the Prime Minister' → 'prime minister': a role named with 'the' and nothing else."""
    if subject.lemma_.lower() not in ROLE_NOUNS:
        return None
    children = list(subject.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return None
    if any(c.dep_ not in ("det", "compound", "amod") for c in children):
        return None
    # "the visiting president", "the new prime minister": the title without what is said of it
    words = [t for t in subject.subtree if t.dep_ != "det" and not _passing(t)]
    return " ".join(t.lower_ for t in words)


#: Words said of a title holder that are no part of the title.
_PASSING = {"new", "current", "incumbent", "sitting", "visiting", "incoming"}


def _passing(token: Token) -> bool:
    return token.dep_ == "amod" and (token.lower_ in _PASSING or token.tag_ in ("VBG", "VBN"))


def titled(
    mentions: list[Mention], doc: Doc, who: Callable[[int], str], role: str, before: int
) -> int | None:
    """The one person named before token ``before`` with ``role`` in their title ("Oman Sultan
    Haitham bin Tarik" for "the Sultan"); None when nobody or several are."""
    found: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.label != "person" or m.start >= doc[before].idx:
            continue
        words = " ".join([m.role or "", *m.titles]).lower()
        if any(w in words.split() for w in PAST):
            continue  # "former prime minister Scott Morrison" is not "the Prime Minister"
        if f" {role} " in f" {words} ":
            found[who(i)] = i
    return next(iter(found.values())) if len(found) == 1 else None


def holder(ctx: Any, role: str, before: int) -> int | None:
    """The person 'the <role>' stands for at token ``before``: the one named with that title
    before; else, when nobody was, the one person who is the subject of the sentence just
    before the text first calls someone that ('..., Anthony Albanese says. The Prime Minister
    left Suva on Friday')."""
    found = titled(ctx.mentions, ctx.doc, ctx.who, role, before)
    if found is not None:
        return found
    for position, sentence in enumerate(ctx.sentences):
        if sentence.start > before:
            break
        subjects = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if position and any(role_phrase(s) == role for s in subjects):
            return _subject_of(ctx, ctx.sentences[position - 1], role)
    return None


def _subject_of(ctx: Any, sentence: Span, role: str) -> int | None:
    """The one person who is the sentence's subject (a name, not a pronoun), and whom the
    article gave no title or role: one described otherwise ('Opposition leader X said …') is not
    the one 'the Prime Minister' goes on to mean."""
    found: dict[str, int] = {}
    for token in sentence:
        head = token
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        if token.i in ctx.person_at and head.dep_ in ("nsubj", "nsubjpass"):
            person = ctx.person_at[token.i]
            found.setdefault(ctx.who(person), person)
    if len(found) != 1:
        return None
    person = next(iter(found.values()))
    described = [
        m
        for i, m in enumerate(ctx.mentions)
        if ctx.who(i) == ctx.who(person)
        and any(_other_office(t, role) for t in [*m.titles, *([m.role] if m.role else [])])
    ]
    return None if described else person


def _other_office(title: str, role: str) -> bool:
    """A title naming an office other than ``role``; an honorific names none."""
    folded = title.rstrip(".").casefold()
    return folded not in _HONORIFICS and role.casefold() not in folded


#: Titles that say nothing of an office ('Mr Albanese' may be the prime minister).
_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof"}


def lost_role(
    ctx: Any, subject_tokens: set[int], people: list[int], chain_people: list[int]
) -> bool:
    """The subject is a title ("the visiting president") that named nobody, and the people left
    are all on the other side ("met Parolín, who was accompanied by Gallagher"): the event would
    lack its main participant and join two who did not meet each other."""
    if chain_people or not subject_tokens or len(people) > 2:
        return False
    heads = [ctx.doc[i] for i in subject_tokens if ctx.doc[i].dep_ in ("nsubj", "nsubjpass")]
    heads = [h for h in heads if h.tag_ in ("NN", "NNP")]  # one holder: not "the two leaders"
    return any(h.lemma_.lower() in ROLE_NOUNS and h.i not in ctx.person_at for h in heads)


#: Prepositions that say whose an event is: "between A and B", "by A".
_WHOSE = {"between", "by", "among"}


def no_subject(ctx: Any, trigger: Token, people: list[int], chain_people: list[int]) -> bool:
    """'The agreement was reached after a telephone conversation with A and B': the event noun
    says whom it was with, and no word says who had it. Those it was with did not meet each
    other (the one who had it met each of them): no event of theirs alone."""
    if chain_people or not people or trigger.pos_ != "NOUN":
        return False
    if any(
        c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") or c.lower_ in _WHOSE
        for c in trigger.children
    ):
        return False  # "their conversation", "the Biden-Xi call", "a call between A and B"
    withs = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"]
    named = {p for w in withs for p in ctx.people_in(t.i for t in w.subtree)}
    return set(people) <= named
