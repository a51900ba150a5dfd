"""Events a sentence only looks ahead to: what comes before, or is looked forward to, has not
happened yet.

"Held talks ahead of Trump's state visit", "in the run-up to the summit", "was looking forward to
meeting Naruhito": the visit, the summit and the meeting are still to come, whatever the tense of
the verb above them. So is a destination the trip "will also take him to": "a tour that will also
take him to Seoul" tells of a plan, not of a visit. Such an event is a plan: it counts only with a
day of its own, in its own phrase (see ``find._reports``), like "will meet on Tuesday".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

#: "ahead of", "in the run-up to", "in preparation for", "in advance of": before the event.
_BEFORE_NOUNS = {"run-up", "preparation", "advance", "eve", "lead-up", "prelude"}
#: Auxiliaries that make a clause a plan or a guess.
_MODALS = {"will", "would", "may", "might", "could", "shall", "'ll", "wo"}


def upcoming(trigger: Token) -> bool:
    """The event noun is what something comes before ('ahead of his visit', 'in the run-up to the
    summit', 'on the eve of the talks'), with no day in its own phrase: the day of the clause
    above is that of what came first."""
    if trigger.dep_ != "pobj" or any(t.ent_type_ == "DATE" for t in trigger.subtree):
        return False
    prep = trigger.head
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":
        return True
    return prep.lower_ in ("to", "for", "of") and prep.head.lower_ in _BEFORE_NOUNS


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
