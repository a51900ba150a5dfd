"""Those said to attend a gathering the text has just reported, named by its bare noun: "The
summit will be attended by A, B and C", "Eight leaders are attending the summit, including A and
B", "A and B took part in the talks", "C also participated in the meeting".

The noun names no gathering of its own (no forum, no "with X" or "between X and Y" phrase), so it
is the one reported in the sentences just before (never a visit), or else the last of its family
reported earlier ("the summit", told of again and again: the last summit), and its attendees take
part in it. Not when the attendance is denied, only hoped
for or kept from happening ("did not attend", "hoped to attend", "was barred from attending").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from generator.extract.events import parse
from generator.extract.events.merge import Report

#: Verbs of attending, and the preposition that takes the gathering ("participated in").
_ATTENDING = {"attend": None, "participate": "in", "join": None, "take": "in"}
#: Bare nouns that name a gathering already reported.
_GATHERINGS = {"summit", "meeting", "talks", "conference", "session", "negotiations", "gathering"}
_GATHERINGS |= {"discussion"}  # "also participated in the discussions": the talks just told
#: Gathering nouns of a forum's session: the attendees join a summit reported earlier.
_SUMMITS = {"summit", "conference", "session", "gathering"}
#: How many sentences back the gathering may have been reported.
WINDOW = 2
#: How far a list of attendees may run, in words.
LIST_REACH = 120
#: Verbs above the attending one that deny it or keep it from happening.
_KEPT_FROM = parse.NEGATING | parse.DESIRING | {"bar", "ban", "prevent", "exclude", "block"}


def join_attendees(reports: list[Report], ctx: parse.Context) -> list[Report]:
    out = list(reports)
    for index, sentence in enumerate(ctx.sentences):
        found = _attendees(ctx, sentence)
        if not found:
            continue
        noun, people = found
        earlier = [r for r in out if r.kind != "visit" and r.sentence_index <= index]
        near = [r for r in earlier if r.sentence_index >= index - WINDOW]
        # "the summit", told of again and again: the last summit reported, however far back
        same = [r for r in earlier if (r.kind == "summit") == (noun in _SUMMITS)]
        if not (near or same):
            continue
        target = (near or same)[-1]
        joined = replace(
            target,
            participants=list(dict.fromkeys([*target.participants, *people])),
            who=target.who | {ctx.who(p) for p in people},
        )
        out[out.index(target)] = joined
    return out


def _attendees(ctx: parse.Context, sentence: Span) -> tuple[str, list[int]] | None:
    """The gathering noun of the sentence's attending verb and the people said to attend."""
    out: list[int] = []
    noun = ""
    for verb in sentence:
        if verb.i in ctx.quoted or verb.pos_ != "VERB":
            continue
        gathering = _gathering(verb)
        if gathering is None or not _bare(gathering) or _kept_from(verb):
            continue
        if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
            agents = [c for c in verb.children if c.dep_ == "agent"]
            tokens = [i for a in agents for i in _list_from(a)]
        else:
            tokens = [t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
            tokens += [i for c in _included(gathering) for i in _list_from(c)]
        out += ctx.people_in(tokens)
        noun = noun or gathering.lemma_.lower()
    return (noun, list(dict.fromkeys(out))) if out else None


def _gathering(verb: Token) -> Token | None:
    """The gathering noun the verb attends: its object, its passive subject, or the object of
    its preposition ("participated in the meeting", "took part in the talks")."""
    lemma = verb.lemma_.lower()
    if lemma not in _ATTENDING:
        return None
    if lemma == "take" and not any(c.lower_ == "part" for c in verb.children):
        return None
    prep = _ATTENDING[lemma]
    if prep is None:
        nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep]
        preps += [c for p in verb.children if p.lower_ == "part" for c in p.children]
        nouns = [c for p in preps if p.lower_ == prep for c in p.children if c.dep_ == "pobj"]
    return next((n for n in nouns if n.lemma_.lower() in _GATHERINGS), None)


def _bare(noun: Token) -> bool:
    """'the summit', 'this meeting', 'Sunday's talks': no forum, no other side of its own."""
    children = list(noun.children)
    if not any(c.dep_ in ("det", "poss") for c in children):
        return False
    return not any(
        c.dep_ in ("compound", "nmod") or (c.dep_ == "prep" and c.lower_ in ("with", "between"))
        for c in children
    )


def _included(noun: Token) -> list[Token]:
    """'the summit, including A, B and C': where the list of its attendees opens."""
    return [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "including"]


def _list_from(opener: Token) -> list[int]:
    """The words of a list from ``opener`` ("by", "including") to the full stop or the first
    verb after it: a long list of names and titles ("by Dr A, the President of X; Dr
    B, ..., and C") is more than the parser hangs under its first word."""
    out = []
    for token in opener.doc[opener.i : opener.i + LIST_REACH]:
        if token.i > opener.i and token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            break
        if token.text in (".", "!", "?") or (token.is_space and "\n" in token.text):
            break  # the parser may end a sentence inside a long list; a full stop ends it
        out.append(token.i)
    return out


def _kept_from(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(a.lemma_.lower() in _KEPT_FROM for a in list(verb.ancestors)[:3])
