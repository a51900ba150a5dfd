"""A guest's thanks for a host's welcome: "Mirziyoyev thanked Tokayev for the warm welcome", "the
minister thanked his host for the hospitality". Only one who was received thanks someone for a
welcome or hospitality, so the two met. The host is the verb's object, a person named there; thanks
for support, a call or an invitation report no meeting.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.events import parse

#: What a guest thanks a host for.
RECEPTION = {"welcome", "hospitality", "reception"}


def thanked_host(ctx: parse.Context, verb: Token) -> bool:
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "thank":
        return False
    hosts = [c for c in verb.children if c.dep_ == "dobj" and c.i in ctx.person_at]
    fors = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
    # "for the warm welcome and hospitality"
    things = [t for f in fors for o in f.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]
    return bool(hosts) and any(t.lemma_.lower() in RECEPTION for t in things)
