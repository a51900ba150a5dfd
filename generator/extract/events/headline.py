"""The meeting a headline names ("The meeting between X and Y ended"): the two of the article's
people it names with a meeting word. "The meeting is also attended by A and B" after a meeting
that had A and B already ("X met with A and B") is another meeting, the headline's: 'also' says
it had others than A and B (merge.joined_later)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator import names
from generator.extract.events.parse import Context

_GATHERING = re.compile(r"\b(?:meeting|meetings|talks|summit|meet|meets|met)\b", re.IGNORECASE)


def title_pair(ctx: Context) -> list[int]:
    """The two people (mentions) the headline names with a meeting word, or none."""
    if not _GATHERING.search(ctx.title):
        return []
    words = set(re.findall(r"\w+", names.fold(ctx.title)))
    found: dict[str, int] = {}
    for i, mention in enumerate(ctx.mentions):
        surname = names.parts(ctx.who(i))[-1:] if mention.label == "person" else []
        if surname and surname[0] in words:  # "Kurti" for Albin Kurti
            found.setdefault(ctx.who(i), i)
    return list(found.values()) if len(found) == 2 else []


def also_attended(trigger: Token) -> bool:
    """'The meeting is also attended by A and B': a gathering already known, named with 'the'
    (the trigger is the verb or its subject)."""
    if trigger.dep_ == "nsubjpass":
        trigger = trigger.head
    if trigger.lemma_.lower() != "attend" or not any(
        c.dep_ == "advmod" and c.lower_ == "also" for c in trigger.children
    ):
        return False
    return any(
        c.dep_ == "nsubjpass" and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
        for c in trigger.children
    )
