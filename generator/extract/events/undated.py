"""An event a dated news report tells without a day: the month the report was published.

"Aoun also met with Aboul-Gheit", "the two presidents held talks in Astana": a report dated
28 October 2025 that names no day for the event still places it in the news of that month, which
is what the corpus conventions write (``YYYY-MM``, approximate). Not when the text sets it apart
from the news: a pluperfect ("had visited"), a word that puts it earlier ("previously", "last
time", "first"), a plan ("will meet", "to visit"), or a clause that something came after or
before.

A plan is an event when it names its day ("are scheduled to visit China on Thursday"), even when
the day cannot be placed because the page prints no date of its own (``unplaced_day``): the
corpus conventions keep such a scheduled event, with a null date.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator import dates
from generator.data import DateClaim

#: Auxiliaries of a clause that is not the news of the day: a plan, a wish, a pluperfect.
_NOT_NEWS_AUX = {"will", "would", "shall", "should", "could", "may", "might", "must", "had", "'d"}
_NOT_NEWS_AUX |= {"'ll", "wo", "ca", "can", "to"}
#: Words that put an event before the news: "previously met", "first visited", "last met".
_EARLIER = {"previously", "earlier", "first", "last", "once", "formerly", "before", "ago", "since"}
_EARLIER |= {"after", "until", "already", "then", "former", "past", "recently"}
#: How many heads up from the trigger its governing verb may lie ("held talks", "during a visit").
_REACH = 4


def publication_month(trigger: Token, published: str | None) -> DateClaim | None:
    """The month of ``published`` for an event told in the simple past or the present perfect
    with no day of its own, or ``None``."""
    if published is None or len(published) < 7:
        return None
    verb = _governing_verb(trigger)
    if verb is None or not _news_tense(verb):
        return None
    scope = [trigger, *list(trigger.ancestors)[:_REACH]]
    if any(c.lower_ in _EARLIER for t in scope for c in (t, *t.children)):
        return None
    return DateClaim("(no day printed: the month of publication)", published[:7], approximate=True)


def _governing_verb(trigger: Token) -> Token | None:
    for token in [trigger, *list(trigger.ancestors)[:_REACH]]:
        if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            return token
    return None


def _news_tense(verb: Token) -> bool:
    """Simple past ("met"), present perfect ("has met"), or a passive of either ("was held")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _NOT_NEWS_AUX for a in auxes):
        return False
    if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _news_tense(verb.head) if verb.tag_ != "VBD" else True
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return any(a.lower_ in ("has", "have", "was", "were") for a in auxes)
    return False


#: A phrase that names one day: a weekday, "today", "tomorrow", "tonight", a month and a day.
_ONE_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight)\b"
    rf"|\b{dates._MONTH_RE}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{dates._MONTH_RE}",
    re.IGNORECASE,
)


def unplaced_day(phrase: str, published: str | None) -> bool:
    """A phrase naming one day, left unresolved because the page has no date to count from."""
    return published is None and _ONE_DAY.search(phrase) is not None
