"""Who attended a forum's session, told apart from the sentence that reports the session: "Among
the attendees were Chinese Premier Li Qiang and Russian Prime Minister Mikhail Mishustin", "India
was represented by External Affairs Minister S. Jaishankar". They join the session the article
reports (the last one told before them, else the first): a list of attendees with no session to
attend is no event.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from generator.extract.events import attending, parse
from generator.extract.events.merge import Report

#: Nouns for those present: "among the attendees were ...".
ATTENDEES = {"attendee", "participant", "delegate", "guest", "leader", "dignitary"}


def add_attendees(reports: list[Report], ctx: parse.Context) -> list[Report]:
    reports = attending.join_attendees(reports, ctx)  # "the summit will be attended by A and B"
    sessions = [r for r in reports if r.session and r.forums]
    if not sessions:
        return reports
    out = list(reports)
    for index, sentence in enumerate(ctx.sentences):
        people = _attendees(ctx, sentence)
        if not people:
            continue
        before = [s for s in sessions if s.sentence_index <= index]
        session = before[-1] if before else sessions[0]
        position = out.index(session)
        joined = replace(
            session,
            participants=list(dict.fromkeys([*session.participants, *people])),
            who=session.who | {ctx.who(p) for p in people},
        )
        out[position] = joined
        sessions[sessions.index(session)] = joined
    return out


def _attendees(ctx: parse.Context, sentence: Span) -> list[int]:
    out: list[int] = []
    for token in sentence:
        if token.i in ctx.quoted:
            continue
        if token.lemma_.lower() == "be" and _among_attendees(token):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "attr")]
            out += ctx.people_in(t.i for s in subjects for t in _listed(s))
        elif token.lemma_.lower() == "represent" and token.tag_ == "VBN":
            out += _representatives(ctx, token)
    return out


def _among_attendees(verb: Token) -> bool:
    """'Among the attendees were ...', 'Among those present were ...'."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "among"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() in ATTENDEES or noun.lower_ == "those":
                return not _of_something_else(noun)
    return False


def _of_something_else(noun: Token) -> bool:
    """'the attendees of the concert': present at something that is no gathering."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "at")):
        for target in (c for c in prep.children if c.dep_ == "pobj"):
            if not parse.has_trigger_noun(target):
                return True
    return False


def _listed(noun: Token) -> list[Token]:
    """A noun and the nouns coordinated with it, without their clauses."""
    return [t for t in noun.subtree if t.dep_ not in ("relcl", "acl")]


def _representatives(ctx: parse.Context, verb: Token) -> list[int]:
    """'India was represented by External Affairs Minister S. Jaishankar': a country's
    representative at the session (not 'represented by a lawyer')."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not any(t.i in ctx.country_at for s in subjects for t in s.subtree):
        return []
    agents = [t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    return ctx.people_in(agents)
