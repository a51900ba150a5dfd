"""Small marks around a date phrase that change what it dates.

- "this Wednesday (20)": the day of the month printed after a weekday pins it, whatever the
  tense (a style of Brazilian and Spanish-language wires and their translations);
- "since being sworn in last week", "after talks on Monday": a day inside a clause or phrase that
  something comes after, before or since is that thing's day, never the day of a trip told
  around it; so is a day in a relative clause of another event ("the visit that Lula made in
  April 2023").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from generator import dates
from generator.data import DateClaim

#: Words that open what a day belongs to when it is not the event's: "since being sworn in".
_OTHER_TIME = {"since", "after", "before", "until", "following", "prior"}


def pinned_weekday(ent: Span, anchor: str | None) -> DateClaim | None:
    """'this Wednesday (20)', 'Friday (14)': the day named by both, nearest the anchor."""
    doc = ent.doc
    if anchor is None or len(anchor) != 10 or ent.end + 2 >= len(doc):
        return None
    weekday = next(
        (i for i, w in enumerate(dates.WEEKDAYS) if re.search(rf"\b{w}\b", ent.text, re.I)), None
    )
    opening, number, closing = doc[ent.end], doc[ent.end + 1], doc[ent.end + 2]
    if weekday is None or opening.text != "(" or closing.text != ")" or not number.is_digit:
        return None
    base = date.fromisoformat(anchor)
    for shift in sorted(range(-40, 41), key=abs):  # the nearest day with both names
        day = base + timedelta(days=shift)
        if day.weekday() == weekday and day.day == int(number.text):
            return DateClaim(ent.text, day.isoformat())
    return None


def in_other_time(phrase_root: Token, trigger: Token) -> bool:
    """The date sits under 'since', 'after', 'before' ... that does not also hold the trigger:
    'his first trip since being sworn in last week'."""
    for token in [phrase_root, *phrase_root.ancestors]:
        if token.i == trigger.i:
            return False
        marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in _OTHER_TIME]
        opener = token.lower_ in _OTHER_TIME and token.dep_ in ("prep", "mark")
        if (marks or opener) and trigger.i not in {t.i for t in token.subtree}:
            return True
    return False


#: Nouns of events: a relative clause on one of them tells that event's time.
_EVENT_NOUNS = {"visit", "trip", "tour", "meeting", "talks", "summit", "call", "journey"}


def of_another_event(phrase_root: Token, trigger: Token) -> bool:
    """The date is in a relative clause of another event noun ("Xi's visit follows the visit that
    Lula made to China in April 2023"), not of the trip's place ("flew to Hanoi, where he met To
    Lam on Thursday")."""
    for token in [phrase_root, *phrase_root.ancestors]:
        if token.dep_ == "relcl":
            noun = token.head
            return noun.i != trigger.i and noun.lemma_.lower() in _EVENT_NOUNS
    return False
