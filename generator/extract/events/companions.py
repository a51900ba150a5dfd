"""Those who went with the subject of an event: "arrived in Syria along with B", "travelled to
Kyiv together with B and C", "received A in the company of B", "A, accompanied by B, met C",
"came to Tunis with B and C for meetings with D". They travelled or met as the subject did, so
they take part in the visit (as visitors) and in the meeting (as participants). The third party
of talks ("mediated by C", "brokered by C", "chaired by C") sat at them, but travelled with
nobody: a meeting's participant only.

A plain "with" says that only after a verb of travel: "met with B" names the other side, which
the event's own phrase reads already. A possessive is nobody's company ("flew to Moscow with
Putin's envoy" names the envoy, not Putin).
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.events.indexes import GATHERINGS
from generator.extract.events.merge import TRAVEL_VERBS
from generator.extract.events.parse import Chain, Context

#: Verbs of travel after which "with" names a fellow traveller.
TRAVELLING = TRAVEL_VERBS | {"come", "return", "travel", "tour", "visit"}
#: Words before "with" that make it company whatever the verb: "along with", "together with".
_ALONG = {"along", "together"}
#: Nouns of an event a "with" after them belongs to: "for a working visit with X".
GATHERING_NOUNS = GATHERINGS | {"visit", "trip", "tour", "meetings"}


def companions(ctx: Context, trigger: Token, chain: Chain, travel: bool = False) -> list[int]:
    """The people who came with the event's subject, through the trigger, the verbs its
    subject was reached by and the subject itself ('X, accompanied by Y'); for a meeting
    (not ``travel``) also its third party ('talks mediated by Z')."""
    verbs = _TRAVELLING_WITH if travel else _ALONGSIDE
    if not chain.people:
        return []  # company is someone's: a subject that names nobody has none
    tokens: list[int] = []
    for verb in dict.fromkeys([trigger, *chain.verbs]):
        for child in verb.children:
            tokens += _company(child, verb, verbs)
    for i in chain.subject_tokens:
        for child in ctx.doc[i].children:
            if child.dep_ in ("acl", "appos") and _accompanying(child, verbs):
                tokens += _agents(child)
    found = ctx.people_in(tokens)
    return [p for p in found if p not in chain.people]


def _company(child: Token, verb: Token, verbs: set[str]) -> list[int]:
    """The tokens of the people a verb's child says came along."""
    travelling = verb.pos_ == "VERB" and verb.lemma_.lower() in TRAVELLING  # not "a visit with"
    if child.dep_ == "prep" and child.lower_ == "with" and travelling:
        return [] if _after_a_gathering(child, verb) else _people_words(child)
    if child.dep_ in ("prep", "advmod") and child.lower_ in _ALONG:
        return [t for w in child.children if w.lower_ == "with" for t in _people_words(w)]
    if child.dep_ == "prep" and child.lower_ == "alongside":
        return _people_words(child)
    if child.dep_ == "prep" and child.lower_ == "in":
        company = [o for o in child.children if o.dep_ == "pobj" and o.lower_ == "company"]
        return [
            t for c in company for w in c.children if w.lower_ == "of" for t in _people_words(w)
        ]
    if child.dep_ in ("advcl", "acl") and _accompanying(child, verbs):
        return _agents(child)
    return []


def _after_a_gathering(with_: Token, verb: Token) -> bool:
    """'arrived for a working visit with Captain X': a "with" after the verb's gathering noun
    is the gathering's other side, whatever the parser hung it on."""
    return any(
        c.i < with_.i and any(t.lemma_.lower() in GATHERING_NOUNS for t in c.subtree)
        for c in verb.children
        if c.dep_ == "prep"
    )


def _accompanying(token: Token, verbs: set[str]) -> bool:
    """'accompanied by B'; at a meeting 'mediated by C', 'brokered by C' too."""
    return token.lemma_.lower() in verbs and token.tag_ == "VBN"


#: Participles whose agent came along ("accompanied by B"), or sat at the meeting as its third
#: party ("mediated by C"; a host travels nowhere).
_TRAVELLING_WITH = {"accompany"}
_ALONGSIDE = _TRAVELLING_WITH | {"mediate", "broker", "facilitate", "moderate", "chair", "host"}


def _agents(participle: Token) -> list[int]:
    return [t for a in participle.children if a.dep_ == "agent" for t in _people_words(a)]


def _people_words(prep: Token) -> list[int]:
    """The words of a preposition's object and those coordinated with it, without clauses and
    possessives."""
    out: list[int] = []
    stack = [c for c in prep.children if c.dep_ == "pobj"]
    while stack:
        token = stack.pop()
        out.append(token.i)
        stack += [c for c in token.children if c.dep_ not in ("relcl", "acl", "poss", "prep")]
    return out
