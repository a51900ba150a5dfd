"""The other side of a meeting named by office, not by name: "held talks with the President",
"met the Prime Minister" (the one person the article titled so before, as for a subject), and
"met his South Korean counterpart" (the one person of that country the article names, whoever
else it names). Nobody when several or none fit: a wrong participant costs more than a missing
one."""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.events import roles
from generator.extract.events.parse import Context

_OBJECTS = {"pobj", "dobj"}


def holders(ctx: Context, phrase: set[int], subject_tokens: set[int]) -> list[int]:
    """The people the office nouns among the trigger's objects stand for."""
    out: list[int] = []
    for i in sorted(phrase - subject_tokens):
        token = ctx.doc[i]
        if token.dep_ not in _OBJECTS or ctx.people_in(t.i for t in token.subtree):
            continue
        role = roles.role_phrase(token)
        found = ctx.titled(role, token.i) if role else _counterpart(ctx, token, subject_tokens)
        if found is not None:
            out.append(found)
    return out


def _counterpart(ctx: Context, noun: Token, subject_tokens: set[int]) -> int | None:
    """'his South Korean counterpart': the one person of that country the article names who is
    not the subject."""
    if noun.lemma_.lower() != "counterpart":
        return None
    countries = {
        ctx.mentions[ctx.country_at[t.i]].entity_id or ctx.mentions[ctx.country_at[t.i]].text
        for t in noun.subtree
        if t.i in ctx.country_at and t.i != noun.i
    }
    if len(countries) != 1:
        return None
    subjects = {ctx.who(p) for p in ctx.people_in(subject_tokens)}
    found: dict[str, int] = {}
    for person in ctx.person_at.values():
        who = ctx.who(person)
        if who not in subjects and who not in found and ctx.nationality(person) in countries:
            found[who] = person
    return next(iter(found.values())) if len(found) == 1 else None
