"""Who had a conversation the speaker reports: "Anwar said the agreement was reached after a
telephone conversation yesterday with A and B". The event noun says only whom it was with; the
person who tells of it, as the subject of the verb of saying the report hangs on, is the one who
had it (not A and B alone, who did not call each other)."""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.events.parse import Context

#: Verbs of saying whose subject tells of their own conversation.
_SAYING = {"say", "tell", "announce", "add", "note", "disclose", "reveal", "explain"}
#: How far up from the event noun the verb of saying may stand.
_REACH = 6


def with_speaker(ctx: Context, trigger: Token, people: list[int]) -> list[int]:
    """``people`` with the speaker who reports the conversation first; none without one."""
    token = trigger
    for _ in range(_REACH):
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in _SAYING:
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            found = ctx.people_in(t.i for s in subjects for t in s.subtree)
            speaker = [p for p in found if p not in people]
            return [speaker[0], *people] if len(speaker) == 1 and len(found) == 1 else []
        if token.head.i == token.i or token.dep_ in ("relcl", "parataxis"):
            return []
        token = token.head
    return []
