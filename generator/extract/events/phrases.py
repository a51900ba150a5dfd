"""Words around an event's trigger: who leads a delegation, a verb's objects, a 'with' whose
object is a person, a call by phone, a gathering noun, an unnamed counterpart. Small readings of
the parse that the event rules share (``parse`` re-exports them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from generator.extract.events.indexes import GATHERINGS

if TYPE_CHECKING:
    from generator.extract.events.parse import Context


#: "a delegation led by X": X heads those who meet, and takes part.
LEADING = {"lead", "head", "chair", "host"}  # "a dinner hosted by X": the host is there


def leaders(noun: Token) -> set[int]:
    """The agent of a participle that says who leads the noun: "a delegation led by Filippo
    Grandi", "the team, headed by the minister", "a dinner hosted by X". Any other clause on the noun is cut."""
    out: set[int] = set()
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in LEADING and clause.tag_ == "VBN":
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                out |= {t.i for t in agent.subtree}
    return out


def direct_objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj"]


def objects(verb: Token) -> list[int]:
    out: list[int] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            out += [t.i for t in child.subtree]
    return out


def with_person(ctx: Context, verb: Token) -> bool:
    """'spoke with Lavrov': a 'with' whose object is a person."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        if ctx.people_in(t.i for t in prep.subtree) or unnamed_counterpart(
            {t.i for t in prep.subtree}, ctx
        ):
            return True
    return False


def by_phone(verb: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and any(g.lemma_.lower() in ("phone", "telephone", "video") for g in c.children)
        for c in verb.children
    )


def by_phone_noun(noun: Token) -> bool:
    """'a telephone conversation', 'a phone conversation', 'a video conversation'."""
    return any(
        c.lemma_.lower() in ("phone", "telephone", "video", "telephonic")
        for c in noun.children
        if c.dep_ in ("compound", "amod")
    )


def forums_in(ctx: Context, tokens) -> list[int]:
    return ctx.forums_at(tokens)


def has_trigger_noun(token: Token) -> bool:
    return any(t.lemma_.lower() in GATHERINGS and nominal(t) for t in token.subtree)


#: Gathering nouns a page capitalises as part of a name ("the 15th BRICS Summit"), which the
#: tagger then calls proper nouns.
NAMED_GATHERINGS = {"summit", "conference", "meeting", "session", "talks", "dialogue"}


def nominal(token: Token) -> bool:
    """A common noun, or a gathering noun capitalised in a name."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.lower_ in NAMED_GATHERINGS)


def unnamed_counterpart(tokens: set[int], ctx: Context) -> bool:
    """'a call with his Philippine counterpart': the other side is there, unnamed."""
    for i in tokens:
        token = ctx.doc[i]
        if token.lemma_.lower() != "counterpart":
            continue
        if token.i in ctx.person_at or token.head.i in ctx.person_at:
            continue  # "his Solomon Islands counterpart Manasseh Sogavare": named
        if _named_next(token, ctx):
            continue  # "A and Chinese counterpart Wang Yi met": named, however parsed
        if not ctx.people_in(t.i for t in token.subtree):
            return True
    return False


def _named_next(token: Token, ctx: Context) -> bool:
    """A name printed right after the word ('counterpart Wang Yi', 'counterpart, Wang Yi,')."""
    after = token.i + 1
    if after < len(ctx.doc) and ctx.doc[after].text == ",":
        after += 1
    return after in ctx.person_at


def of(token: Token) -> bool:
    """An 'of' phrase hung on a noun: 'leaders of the G7'."""
    return token.dep_ == "prep" and token.lower_ == "of"


#: A run of this many comma-separated items, most of them a few words long, is a list.
LIST_ITEMS = 6


def keyword_items(sentence: Span) -> set[int]:
    """Tokens of the verbless items of a keyword list ("S Jaishankar, Jaishankar Pakistan visit,
    Modi Pak visit, India Pakistan relations, ..."), which a scraped page prints as a sentence.
    The first item may open a real clause, and an item with a verb says something: both stay."""
    items: list[list[Token]] = [[]]
    for token in sentence:
        if token.text == ",":
            items.append([])
        else:
            items[-1].append(token)
    items = [i for i in items if i]
    sizes = sorted(len(i) for i in items)
    if len(items) < LIST_ITEMS or sizes[len(sizes) // 2] > 4:
        return set()
    verbless = [i for i in items[1:] if not any(t.pos_ in ("VERB", "AUX") for t in i)]
    return {t.i for item in verbless for t in item}
