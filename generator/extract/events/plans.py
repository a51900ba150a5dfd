"""Events a sentence only looks ahead to: what comes before, or is looked forward to, has not
happened yet.

"Held talks ahead of Trump's state visit", "in the run-up to the summit", "was looking forward to
meeting Naruhito": the visit, the summit and the meeting are still to come, whatever the tense of
the verb above them. So is a destination the trip "will also take him to": "a tour that will also
take him to Seoul" tells of a plan, not of a visit. Such an event is a plan: it counts only with a
day of its own, in its own phrase (see ``find._reports``), like "will meet on Tuesday".
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

#: "ahead of", "in the run-up to", "in preparation for", "in advance of": before the event.
_BEFORE_NOUNS = {"run-up", "preparation", "advance", "eve", "lead-up", "prelude"}
#: Verbs whose object is an event still being talked over or got ready: "to discuss Trump's
#: state visit", "prepared the summit".
_READYING = {"discuss", "prepare", "plan", "arrange", "organise", "organize", "finalise"}
_READYING |= {"finalize", "review"}
#: "four-day", "two days", "a week": how long, not when.
_LENGTH = re.compile(r"^(?:a|an|\w+)(?:\s*-\s*|\s+)(?:day|days|week|weeks|month|months)$", re.I)
#: Auxiliaries that make a clause a plan or a guess.
_MODALS = {"will", "would", "may", "might", "could", "shall", "'ll", "wo"}


def upcoming(trigger: Token) -> bool:
    """The event noun is what something comes before ('ahead of his visit', 'in the run-up to the
    summit', 'on the eve of the talks'), with no day in its own phrase: the day of the clause
    above is that of what came first."""
    if trigger.dep_ != "pobj" or own_day(trigger):
        return False
    prep = trigger.head
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        return True
    return prep.lower_ in ("to", "for", "of") and prep.head.lower_ in _BEFORE_NOUNS


def own_day(trigger: Token) -> bool:
    """A day in the event noun's own phrase ('his visit on Friday'), not a length ('four-day')."""
    starts = {t.i for t in trigger.subtree if t.ent_type_ == "DATE" and t.ent_iob_ == "B"}
    spans = [e for e in trigger.doc.ents if e.start in starts]
    return any(not _LENGTH.search(e.text) for e in spans)


def readied(trigger: Token) -> bool:
    """The event noun is what is being discussed or prepared ('met to discuss Trump's four-day
    state visit', 'preparing the summit'), with no day in its own phrase."""
    if trigger.dep_ != "dobj" or own_day(trigger):
        return False
    return trigger.head.lemma_.lower() in _READYING


def headline_infinitive(verb: Token) -> bool:
    """'Sisi to travel to Addis Ababa on Saturday for summit', 'Abe to visit U.S.': an
    infinitive with a subject of its own announces what is to come (or what someone wants); no
    finite verb says it happened."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return True
    head = verb.head  # "Sisi to visit ...", parsed as a clause of the noun
    return verb.dep_ in ("acl", "advcl", "relcl") and head.dep_ == "ROOT" and nominal_root(head)


def nominal_root(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and not any(
        c.pos_ in ("VERB", "AUX") and c.dep_ not in ("acl", "advcl", "relcl")
        for c in token.children
    )


def looked_forward_to(trigger: Token) -> bool:
    """'looking forward to meeting Naruhito', 'looks forward to the visit': wished for."""
    for token in list(trigger.ancestors)[:3]:
        if token.lower_ == "forward" or (
            token.lemma_.lower() == "look" and any(c.lower_ == "forward" for c in token.children)
        ):
            return True
    return False


def planned_destination(place: Span, trigger: Token) -> bool:
    """The destination comes in a clause of the future or of a guess below the trip ('a tour that
    will also take him to Seoul', 'may go on to Hanoi'), not in the trip's own clause."""
    token = place.root
    for _ in range(6):
        if token.i == trigger.i or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.i != trigger.i:
            auxiliaries = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            return bool(auxiliaries & _MODALS)
    return False
