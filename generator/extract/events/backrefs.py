"""A meeting named again by its bare noun, with a day or one more person: "A delegation met X. ...
In a statement after the meeting on Monday, ...", "Y also attended the meeting on Thursday",
"During Thursday's meeting, ...".

Such a noun is no event of its own (one person, or nobody, takes part in it); it is the meeting the
text reported in the sentences just before. Its day dates that meeting when the report had none,
and the person it names took part in it too. A meeting only planned or denied ("the meeting will
take place", "did not attend the meeting") says nothing of the one before.

A three-sided ("trilateral") meeting that names two people has as its third the one who, in the
sentences just before, brokers, hosts or chairs such meetings (``third_sides``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from generator.extract.events import parse
from generator.extract.events.dates import Timeline, event_date
from generator.extract.events.merge import Report

#: Nouns that name again a meeting reported before.
MEETING_NOUNS = {"meeting", "talks", "talk", "negotiations", "discussions", "session"}
#: How many sentences back the meeting may have been reported.
WINDOW = 2


def refers_back(ctx: parse.Context, trigger: Token) -> bool:
    """'the meeting', 'this meeting', 'Thursday's meeting', 'today's talks': definite, with no
    phrase of its own that names another meeting ('the meeting with X', 'the meeting of Y')."""
    if not parse.nominal(trigger) or trigger.lower_ not in MEETING_NOUNS:
        return False
    children = list(trigger.children)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children)
    dated = any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in children)
    named = [c for c in children if c.dep_ in ("prep", "compound") and c.lower_ not in ("on", "in")]
    return (definite or dated) and not named


def join_back(
    reports: list[Report],
    ctx: parse.Context,
    timeline: Timeline,
    index: int,
    trigger: Token,
    triggers: set[int],
) -> list[Report]:
    """The reports, with the meeting ``trigger`` names again dated and joined by its person."""
    chain = parse.climb(ctx, trigger, triggers)
    if chain.negated or chain.speculative:
        return reports
    people = list(dict.fromkeys(chain.people + ctx.people_in(parse.phrase(trigger, triggers))))
    if len({ctx.who(p) for p in people}) > 1:
        return reports  # two people or more make a report of their own
    earlier = [
        r for r in reports if r.kind != "visit" and index - WINDOW <= r.sentence_index < index
    ]
    if not earlier:
        return reports
    target = earlier[-1]
    date = event_date(trigger, target.kind, timeline, ctx.starts)
    claim = target.date.claim
    undated = claim is None or claim.start is None or target.date.inferred
    day = date.claim.start if date.claim and date.stated else None
    if not people and not (undated and day):
        return reports
    joined = replace(
        target,
        participants=list(dict.fromkeys([*target.participants, *people])),
        who=target.who | {ctx.who(p) for p in people},
        date=date if undated and day else target.date,
    )
    return [joined if r is target else r for r in reports]


#: Words that count the sides of a meeting: two people named at a "trilateral summit" leave one.
THREE_SIDED = {"trilateral", "three-way", "tripartite"}


def third_sides(reports: list[Report], ctx: parse.Context) -> list[Report]:
    """'Michel has brokered two previous trilateral meetings with the leaders. During a trilateral
    summit on April 6, Pashinyan and Aliyev agreed ...': a three-sided meeting that names two
    people has as its third the one who convenes such meetings in the sentences just before."""
    out = []
    for report in reports:
        third = _convener(ctx, report) if len(report.who) == 2 else None
        if third is None or ctx.who(third) in report.who:
            out.append(report)
            continue
        out.append(
            replace(
                report,
                participants=[*report.participants, third],
                who=report.who | {ctx.who(third)},
            )
        )
    return out


def _three_sided(noun: Token) -> bool:
    return parse.nominal(noun) and any(
        c.dep_ == "amod" and c.lower_ in THREE_SIDED for c in noun.children
    )


def _convener(ctx: parse.Context, report: Report) -> int | None:
    """The one person who brokers, hosts or chairs three-sided meetings just before."""
    if report.kind == "visit" or not _three_sided(report.trigger):
        return None
    index = report.sentence_index
    found: list[int] = []
    for sentence in ctx.sentences[max(0, index - WINDOW) : index]:
        for noun in (t for t in sentence if _three_sided(t)):
            tokens: list[int] = []
            if noun.dep_ == "dobj":  # "Michel has brokered trilateral meetings"
                tokens += [t.i for c in noun.head.children if c.dep_ == "nsubj" for t in c.subtree]
            for clause in (c for c in noun.children if c.dep_ == "acl"):  # "hosted by Michel"
                tokens += [t.i for c in clause.children if c.dep_ == "agent" for t in c.subtree]
            found += ctx.people_in(tokens)
    people = {ctx.who(p): p for p in found}
    return next(iter(people.values())) if len(people) == 1 else None
