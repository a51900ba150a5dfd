"""A meeting told in the passive, from the guest's side: "X was received by President Y", "was
welcomed by Y at the palace", "was greeted with a hug by Y". The guest is the subject, the host
the agent; both must be people ("the proposal was welcomed by Y" is no meeting), of different
countries when the text says whose they are: a minister received at the airport by his own
country's ambassador meets no one.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.events.parse import Context

#: Verbs whose passive subject is a guest and whose agent is the host.
_RECEIVED = {"receive", "welcome", "greet", "host"}


def received_by(ctx: Context, verb: Token) -> bool:
    """'X was received by Y': a person as the passive subject and a person as the agent."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or verb.lemma_.lower() not in _RECEIVED:
        return False
    guests = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = [c for c in verb.children if c.dep_ == "agent"]
    received = [p for g in guests for p in ctx.people_in(t.i for t in g.subtree)]
    hosts = [p for a in agents for p in ctx.people_in(t.i for t in a.subtree)]
    if not received or not hosts:
        return False
    homes = {ctx.nationality(p) for p in received + hosts}
    return None in homes or len(homes) > 1
