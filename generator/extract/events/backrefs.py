"""A meeting named again by its bare noun, with a day or one more person: "A delegation met X. ...
In a statement after the meeting on Monday, ...", "Y also attended the meeting on Thursday",
"During Thursday's meeting, ...".

Such a noun is no event of its own (one person, or nobody, takes part in it); it is the meeting the
text reported in the sentences just before. Its day dates that meeting when the report had none,
and the person it names took part in it too. A meeting only planned or denied ("the meeting will
take place", "did not attend the meeting") says nothing of the one before.
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
