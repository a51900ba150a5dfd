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
    subject_people = ctx.people_in(subject_tokens)
    subjects = {ctx.who(p) for p in subject_people}
    offices = {o for p in subject_people for o in _offices(ctx, p)}
    found: dict[str, int] = {}
    for person in ctx.person_at.values():
        who = ctx.who(person)
        if who not in subjects and who not in found and ctx.nationality(person) in countries:
            found[who] = person
    if len(found) != 1:
        return None
    person = next(iter(found.values()))
    # a counterpart holds the same office: "Foreign Minister Wang ... his Philippine counterpart"
    # is no Philippine undersecretary the article names
    return person if offices & _offices(ctx, person) else None


#: Heads of state or government are each other's counterparts, whatever their title.
_LEADERS = ("president", "prime minister", "premier", "chancellor", "king", "emir", "sultan")


def _offices(ctx: Context, person: int) -> set[str]:
    """The offices the article gives a person: 'leader' for a head of state or government, else
    each title as written ('foreign minister')."""
    who = ctx.who(person)
    out: set[str] = set()
    for i, m in enumerate(ctx.mentions):
        if m.label != "person" or ctx.who(i) != who:
            continue
        for title in (m.role or "", *m.titles):
            words = " ".join(title.lower().replace("-", " ").split())
            if not words or any(w in roles.PAST for w in words.split()):
                continue
            deputy = any(w in words for w in ("vice", "deputy", "under", "assistant", "state"))
            leader = any(f" {t} " in f" {words} " for t in _LEADERS) and not deputy
            out.add("leader" if leader else words)
    return out
