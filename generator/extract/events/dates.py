"""Event dates: which date phrase of a sentence dates an event, and what it resolves to.

Every date phrase of a document is resolved once, in reading order (:class:`Timeline`), so that a
phrase pointing back ("that evening", "earlier in the day", "the next day") takes the day the text
last named. An event then takes the nearest phrase of its own clause or of a clause above it ("came
on Thursday, when Blinken spoke with Lavrov"), never one of a clause beside or below it ("Pezeshkian,
who took office in July"). A sentence without a usable phrase falls back on the present tense (the
publication date) and then on the day the narrative last named, a few sentences back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from generator import dates
from generator.data import DateClaim
from generator.extract.events import daymarks, undated

#: A phrase that names the day the text last named, or the day after or before it.
_SAME_DAY = re.compile(
    r"^(?:(?:later|earlier) )?(?:on )?(?:that|the same) (?:day|morning|afternoon|evening|night)$"
    r"|^(?:later|earlier) in the day$",
    re.IGNORECASE,
)
_NEXT_DAY = re.compile(
    r"^(?:on )?the (?:next|following) (?:day|morning|afternoon|evening)$|^a day later$",
    re.IGNORECASE,
)
_DAY_BEFORE = re.compile(
    r"^(?:on )?the (?:day before|previous day)$|^a day earlier$", re.IGNORECASE
)
#: "a day after X signed ...": the signing lies that many days before the outer clause's date.
_OFFSET = re.compile(
    r"^(?P<n>a|an|one|two|three|four|five|six|\d+) (?P<unit>day|week|month|year)s?$", re.I
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
#: Nouns a date may modify and still date: the event itself ("the 2023 G20 summit").
_EVENT_NOUNS = {"meeting", "summit", "talks", "talk", "conference", "session", "dialogue", "visit"}
_EVENT_NOUNS |= {"trip", "tour", "call", "negotiations", "forum", "gathering", "ceremony"}
_TIME_NOUNS = {"morning", "afternoon", "evening", "night", "week", "weekend", "day", "time"}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_RELATIVE_OFFSET = re.compile(
    r"\b(?:(?:just|about|nearly|almost|some|roughly) )?(?:over |under |more than |less than )?"
    r"(?P<n>a|an|one|two|three|four|five|six|\d+) (?P<unit>day|week|month|year)s? "
    r"(?P<dir>after|before|earlier|ago|later)\b",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(rf"\b{dates._MONTH_RE}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{dates._MONTH_RE}", re.I)
_SPAN_DAYS = re.compile(r"\b(?P<n>two|three|four|five|six|seven|\d+)\s*-\s*day\b", re.IGNORECASE)
_SPAN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
#: Verbs that report the end of a visit or summit: its date is the last day, not the first.
END_VERBS = {"end", "wrap", "conclude", "close", "leave", "finish", "complete", "cap"}
#: Paragraphs this far back can still date an event a later one reports without a date.
NARRATIVE_PARAGRAPHS = 3
#: Words before a day that bound an event, not start it: "through Tuesday", "until Friday".
_BOUNDS = {"since", "until", "by", "before", "through", "till", "thru"}
#: Clause-forming relations: a date inside one belongs to that clause.
_CLAUSES = {"relcl", "advcl", "ccomp", "xcomp", "acl", "csubj", "parataxis"}


@dataclass(frozen=True)
class Phrase:
    """A date phrase of the document and what it resolved to (``claim.start`` None if nothing)."""

    span: Span
    claim: DateClaim
    offset_days: int | None = None  # "a day" in "a day after ...": resolved against its clause
    coarse: str | None = None  # "month" / "year": an offset that gives only a month or a year


@dataclass(frozen=True)
class EventDate:
    claim: DateClaim | None
    inferred: bool = False  # taken from the narrative, not from the event's own sentence
    stated: bool = False  # a phrase of the event's own clauses names it
    own_clause: bool = False  # ... of the trigger's very clause, not of one above it


class Timeline:
    """The document's date phrases resolved in reading order, and the days the text names."""

    def __init__(self, doc: Doc, published: str | None, quoted: set[int]) -> None:
        self.published = published
        self.by_sentence: dict[int, list[Phrase]] = {}
        self._paragraphs = [0] + [
            t.i + 1 for t in doc[:-1] if (t.is_space and "\n" in t.text) or t.text.endswith("\n")
        ]
        self._days: list[tuple[int, str, str]] = []  # (token, ISO day, phrase)
        year: str | None = published[:4] if published else None
        last_day: str | None = None
        lines = [] if published else _date_lines(doc)
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME") or ent.start in quoted:
                continue
            # what "today" means: the article's date, else that of the date line above
            self._anchor = next((d for i, d in reversed(lines) if i <= ent.start), published)
            phrase = self._resolve(ent, last_day, year)
            if phrase is None:
                continue
            self.by_sentence.setdefault(ent.sent.start, []).append(phrase)
            start = phrase.claim.start
            if start and len(start) == 10 and not phrase.claim.approximate:
                last_day = start
                # "X, who arrived on Monday, met ...", "will be in Abu Dhabi on Saturday": not
                # a day the narrative has reached
                if _clause_of(ent.root).dep_ != "relcl" and not _future(ent):
                    self._days.append((ent.start, start, ent.text))
            if start and published is None and re.search(r"\b(?:19|20)\d{2}\b", ent.text):
                year = start[:4]  # no publication date: the year the text last printed

    def _resolve(self, ent: Span, last_day: str | None, year: str | None) -> Phrase | None:
        text = re.sub(r"^(?:on|in|at) ", "", " ".join(ent.text.split()), flags=re.IGNORECASE)
        if _in_wire_dateline(ent) or _before_word(ent) in _BOUNDS:
            return None
        if _modifies_other_noun(ent):
            return None  # "the 2020 clash": the date of that clash, never of an event beside it
        offset = _OFFSET.match(text)
        if offset and _offset_mark(ent) is not None:
            unit = offset.group("unit").lower()
            days = _NUMBERS.get(offset.group("n").lower()) or int(offset.group("n"))
            days *= _UNIT_DAYS[unit]
            sign = -1 if _offset_mark(ent) == "after" else 1
            coarse = unit if unit in ("month", "year") else None
            return Phrase(ent, DateClaim(ent.text, None), sign * days, coarse)
        shift = 0 if _SAME_DAY.match(text) else 1 if _NEXT_DAY.match(text) else None
        shift = -1 if _DAY_BEFORE.match(text) else shift
        if shift is not None:
            if last_day is None:
                return Phrase(ent, DateClaim(ent.text, None))
            day = date.fromisoformat(last_day) + timedelta(days=shift)
            return Phrase(ent, DateClaim(ent.text, day.isoformat()))
        weekday = any(re.search(rf"\b{w}\b", text, re.IGNORECASE) for w in dates.WEEKDAYS)
        if ent.label_ == "TIME" and not (dates.is_publication_day(text) or weekday):
            return None  # "four hours", "11 a.m.": not a day; "late Saturday" is one
        future = _future(ent)
        if self.published is None and year and _MONTH_DAY.search(text) and not dates.has_year(text):
            claim = dates.resolve(f"{text} {year}", None)
        elif daymarks.pinned_weekday(ent, self._anchor) is not None:  # "this Wednesday (20)"
            claim = daymarks.pinned_weekday(ent, self._anchor)
        elif _DAY_OF_MONTH.match(text):
            claim = _day_of_month(ent.text, self._anchor, future)
        else:
            claim = dates.resolve(text, self._anchor, future=future)
        if (claim is None or claim.start is None) and "," in text:
            # "in December 2019, months before ...": the parser ran the date into the offset
            head = dates.resolve(text.split(",")[0], self._anchor, future=future)
            claim = (
                DateClaim(ent.text, head.start, head.end, head.approximate)
                if head and head.start
                else claim
            )
        return Phrase(ent, claim) if claim is not None else None

    def phrases(self, sentence: Span) -> list[Phrase]:
        return self.by_sentence.get(sentence.start, [])

    def narrative(self, token: Token) -> DateClaim | None:
        """The last day the text named in a sentence before ``token``'s, in its paragraph or the
        ``NARRATIVE_PARAGRAPHS`` before it. A day of the token's own sentence dates it only from
        a clause above it (event_date): "Jaishankar, who arrived on Monday, met Raab in the
        morning" says nothing of the meeting's day."""
        position = bisect_right(self._paragraphs, token.i) - 1
        oldest = self._paragraphs[max(0, position - NARRATIVE_PARAGRAPHS)]
        found = [d for d in self._days if oldest <= d[0] < token.sent.start]
        if not found:
            return None
        _, day, phrase = found[-1]
        return DateClaim(f"{phrase} (in an earlier sentence)", day)


def event_date(
    trigger: Token,
    kind: str,
    timeline: Timeline,
    sentence_starts: list[int],
    allow_below: bool = False,
) -> EventDate:
    """The date of the event reported by ``trigger``; ``allow_below`` lets a visit take the date of
    a clause below its own ("flew to Hanoi, where he met To Lam on Thursday")."""
    phrases = timeline.phrases(trigger.sent)
    chain = _clause_chain(trigger)
    phrases = [p for p in phrases if _offset_reaches(p, trigger)]
    own = [p for p in phrases if _clause_of(p.span.root).i in chain]
    if allow_below and not any(p.claim.start or p.offset_days for p in own):
        own = [
            p
            for p in phrases
            if p.offset_days is None  # "a month after X visited": X's date, never the trip's
            and chain[0] in _ancestors_or_self(_clause_of(p.span.root))
            and not daymarks.in_other_time(p.span.root, trigger)  # "since being sworn in ..."
            and not daymarks.of_another_event(p.span.root, trigger)  # "the visit that Lula made"
        ]
    best = _nearest(own, trigger, chain, timeline.published)
    if best is not None:
        inner = set(chain[: chain.index(_clause_of(trigger).i) + 1])
        very = any(_clause_of(p.span.root).i in inner and p.claim.start for p in own)
        return EventDate(_span_start(best, trigger, kind), stated=True, own_clause=very)
    offset = _RELATIVE_OFFSET.search(trigger.sent.text)
    if offset and timeline.published and _offset_covers(offset, trigger):
        return EventDate(_offset_claim(offset, timeline.published))
    if timeline.published and _present_tense(trigger) and not _before_or_after(trigger):
        return EventDate(
            DateClaim("(present tense, dated by publication)", timeline.published, approximate=True)
        )
    elsewhere = any(  # "visited ... as a president-elect in early April 2024": another time
        p.claim.start and dates.has_year(p.span.text) and not _other_relative(p, trigger)
        for p in phrases
    )
    narrative = None if _before_or_after(trigger) or elsewhere else timeline.narrative(trigger)
    if narrative is not None:
        return EventDate(narrative, inferred=True)
    unresolved = next((p.claim for p in own if p.offset_days is None), None)
    if unresolved is not None and undated.unplaced_day(unresolved.phrase, timeline.published):
        return EventDate(unresolved, stated=True, own_clause=True)  # "on Thursday", no page date
    if unresolved is None and not phrases:
        unresolved = undated.publication_month(trigger, timeline.published)
    return EventDate(unresolved, inferred=True)


def days_by_person(
    trigger: Token, timeline: Timeline, people: dict[int, int]
) -> dict[int, DateClaim]:
    """For people named in the trigger's phrase ({token: person}), the day named nearest to each,
    when the phrase names more than one day ("talks with A on Tuesday and with B on Wednesday")."""
    chain = _clause_chain(trigger)
    days = [
        p
        for p in timeline.phrases(trigger.sent)
        if p.offset_days is None
        and p.claim.start
        and len(p.claim.start) == 10
        and _clause_of(p.span.root).i in chain
    ]
    if len({p.claim.start for p in days}) < 2:
        return {}
    out = {}
    for token, person in people.items():
        near = min(days, key=lambda p: abs(p.span.root.i - token))
        out[person] = near.claim
    return out


def _nearest(
    phrases: list[Phrase], trigger: Token, chain: list[int], published: str | None
) -> DateClaim | None:
    ranked = sorted(phrases, key=lambda p: abs(p.span.root.i - trigger.i))
    if chain and trigger.doc[chain[0]].dep_ == "conj":
        # "arrived on Monday and met Biden on Tuesday": a verb coordinated with another takes
        # its own clause's day before the day of the verb it is coordinated with
        ranked.sort(key=lambda p: _clause_of(p.span.root).i != chain[0])
    for phrase in ranked:
        if phrase.offset_days is not None:
            anchor = _outer_date(phrase, ranked, chain, published)
            if anchor is None:
                continue
            coarse = phrase.coarse or ("month" if len(anchor) == 7 else None)
            anchor = anchor if len(anchor) == 10 else f"{anchor}-15"  # mid-month
            day = date.fromisoformat(anchor) + timedelta(days=phrase.offset_days)
            if coarse == "year":
                return DateClaim(phrase.span.text, f"{day.year:04d}", approximate=True)
            if coarse == "month":
                return DateClaim(phrase.span.text, day.isoformat()[:7], approximate=True)
            return DateClaim(phrase.span.text, day.isoformat())
        if phrase.claim.start:
            return phrase.claim
    return None


def _outer_date(
    phrase: Phrase, ranked: list[Phrase], chain: list[int], published: str | None
) -> str | None:
    """The day of the clause an offset phrase is measured from: the clause above its own, or the
    publication date."""
    here = _clause_of(phrase.span.root).i
    above = chain[chain.index(here) + 1 :] if here in chain else chain
    word = _offset_word(phrase)
    if word is not None and word.dep_ == "prep":
        above = [here, *above]  # "in July, two weeks after talks": measured from July
    for other in ranked:
        start = other.claim.start
        clause = _clause_of(other.span.root).i
        if other.offset_days is None and start and len(start) in (7, 10) and clause in above:
            return start  # a day, or a month ("in July")
    return published


def _span_start(claim: DateClaim, trigger: Token, kind: str) -> DateClaim:
    """'ended a three-day visit on Saturday': the visit began two days before. Without a length,
    an end date gives only the month."""
    if kind not in ("visit", "summit", "meeting", "talks") or not claim.start:
        return claim
    if not _ends(trigger) or len(claim.start) != 10 or claim.end:
        return claim
    left = trigger.doc[trigger.left_edge.i : trigger.i + 1].text
    span = _SPAN_DAYS.search(left)
    if span is None:
        return DateClaim(claim.phrase, claim.start[:7], approximate=True)
    n = _SPAN_NUMBERS.get(span.group("n").lower()) or int(span.group("n"))
    end = date.fromisoformat(claim.start)
    return DateClaim(claim.phrase, (end - timedelta(days=n - 1)).isoformat(), end.isoformat())


def _ends(trigger: Token) -> bool:
    """The trigger is what an end verb ends ('wrapped up a state visit', 'left Moscow after a
    visit')."""
    head = trigger.head
    if trigger.lemma_.lower() == "leave" and trigger.pos_ == "VERB":
        return True  # "left Suva on Friday": the last day of a stay
    if trigger.dep_ == "pobj" and head.lower_ in ("after", "following"):
        return head.head.lemma_.lower() in END_VERBS or head.head.pos_ == "VERB"
    return trigger.dep_ in ("dobj", "nsubj", "nsubjpass") and head.lemma_.lower() in END_VERBS


#: How far into the text a wire dateline may stand.
WIRE_DATELINE_REACH = 400
#: "on the 27th": a day of the month the story is written in (or of the one before).
_DAY_OF_MONTH = re.compile(r"^(?:the )?(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$", re.IGNORECASE)


def _day_of_month(phrase: str, anchor: str | None, future: bool) -> DateClaim:
    """'on the 27th' written on 28 October is 27 October; written on 3 November (of a past
    event), 27 October; of a coming one, the next 27th."""
    match = _DAY_OF_MONTH.match(re.sub(r"^(?:on|in|at) ", "", phrase.strip(), flags=re.I))
    if anchor is None or match is None or len(anchor) != 10:
        return DateClaim(phrase, None)
    base = date.fromisoformat(anchor)
    day = int(match.group("day"))
    year, month = base.year, base.month
    if future and day < base.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif not future and day > base.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        return DateClaim(phrase, date(year, month, day).isoformat())
    except ValueError:
        return DateClaim(phrase, None)  # "the 31st" of a month of 30 days


def _date_lines(doc: Doc) -> list[tuple[int, str]]:
    """(first token, ISO day) of each sentence that is only a full date with its month named: the
    date line above a release or a post in a page that prints no date of its own; and of each line
    that opens with a wire dateline ("Paris, 26 October 2022 (dpa) - ..."), the story's own day."""
    out = _wire_datelines(doc)
    for sentence in doc.sents:
        text = " ".join(sentence.text.split())
        if len(text) > 40 or not _MONTH_DAY.search(text) or not dates.has_year(text):
            continue
        day = dates.parse_printed_date(text)
        if day and len(day) == 10:
            out.append((sentence.start, day))
    return sorted(out)


def _wire_datelines(doc: Doc) -> list[tuple[int, str]]:
    """The wire dateline near the head of the story ("... defence Paris, 26 October 2022 (dpa) -"),
    where a scraped page may have run the headline into it."""
    head = doc.text[:WIRE_DATELINE_REACH]
    for word in re.finditer(r"(?<![\w'’])[A-Z]", head):
        line = doc.text[word.start() : word.start() + 120]
        opening = dates.DATELINE_PLACE.match(line)
        day = dates.leading_date(line) if opening is not None else None
        if day and len(day) == 10:
            token = doc.char_span(word.start(), word.start() + 1, alignment_mode="expand")
            return [(token.start, day)] if token is not None else []
    return []


def _clause_of(token: Token) -> Token:
    while token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", "amod"):
            return token
        if token.dep_ in _CLAUSES:
            return token
        token = token.head
    return token


def _clause_chain(trigger: Token) -> list[int]:
    """The clauses that describe the trigger's event, innermost first: a relative clause of the
    event noun ('the summit, which opened on Tuesday'), its own clause and every clause above."""
    chain = []
    if trigger.pos_ in ("NOUN", "PROPN"):
        chain += [c.i for c in trigger.children if c.dep_ in ("relcl", "acl")]
    clause = _clause_of(trigger)
    while True:
        chain.append(clause.i)
        if clause.head.i == clause.i:
            return chain
        clause = _clause_of(clause.head)


def _ancestors_or_self(token: Token) -> list[int]:
    return [token.i, *(t.i for t in token.ancestors)]


#: Words that put the infinitive under them in the future: "is due to meet", "set to travel".
_SCHEDULED = {"due", "set", "schedule", "slate", "expect", "plan", "poise", "likely", "go"}
_SCHEDULED |= {"intend", "prepare", "aim"}
_FUTURE_AUX = {"will", "would", "'ll", "shall", "wo"}
_GUESS_AUX = {"may", "might", "could"}


def _future(ent: Span) -> bool:
    """The phrase's clause speaks of the future: 'will meet on Tuesday', 'next week', 'is due to
    meet on Thursday', 'is scheduled to travel on Monday', 'is to meet', 'travels on Monday' (a
    present tense with a day announces it)."""
    if any(t.lower_ in ("next", "upcoming", "coming") for t in ent):
        return True
    clause = _clause_of(ent.root)
    if _present(clause):
        return True
    verb = clause
    for _ in range(3):  # the clause and the two above it: "is expected to be held on Monday"
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in _FUTURE_AUX for c in auxiliaries):
            return True
        if any(c.lower_ in _GUESS_AUX for c in auxiliaries) and not any(
            c.lower_ == "have" for c in auxiliaries
        ):
            return True  # "may arrive on April 23"; but "may have met on Monday"
        head = verb.head
        if verb.dep_ != "xcomp" or not any(c.lower_ == "to" for c in auxiliaries):
            break
        if head.lemma_.lower() in _SCHEDULED or head.lemma_.lower() == "be":
            return True  # "is due to meet", "are set to hold talks", "is to meet"
        verb = head
    return False


def _present(verb: Token) -> bool:
    """'hosts X on Thursday', 'is meeting X on Friday': a present tense names a coming day (a
    past event is told in the past). Verbs of saying are told in the present of past days."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in ("say", "tell", "be"):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in ("VBD", "VBN") or c.lower_ in ("has", "have") for c in auxiliaries):
        return False  # "was meeting", "has met"
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    present = any(c.tag_ in ("VBZ", "VBP") for c in auxiliaries)
    return present and verb.tag_ in ("VBG", "VBN")  # "is meeting", "is held"


def _modifies_other_noun(ent: Span) -> bool:
    """'the 2020 clash', 'the May 2023 election': a date that names another noun's time; but
    'the 2023 G20 summit' dates the summit."""
    root = ent.root
    head = root.head
    if root.dep_ not in ("nummod", "compound", "amod", "poss", "nmod") or head.i in range(
        ent.start, ent.end
    ):
        return False
    if head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in _TIME_NOUNS:
        return False  # "Tuesday evening", "the 2024 session"
    return head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in _EVENT_NOUNS


def _offset_word(phrase: Phrase) -> Token | None:
    doc = phrase.span.doc
    end = phrase.span.end
    return doc[end] if phrase.offset_days is not None and end < len(doc) else None


def _offset_reaches(phrase: Phrase, trigger: Token) -> bool:
    """'flew to Delhi four years after the clash': an offset before a preposition measures only
    what its object names (the clash), not the clause it hangs on."""
    word = _offset_word(phrase)
    if word is None or word.dep_ != "prep":
        return True
    return trigger.i in {t.i for t in word.subtree}


def _offset_covers(match: re.Match[str], trigger: Token) -> bool:
    """'a month after Lavrov visited ...' dates Lavrov's visit, not the sentence's main event:
    an 'after'/'before' offset counts only for an event inside what it introduces. An offset
    inside a relative clause dates only that clause ('Naruhito, who took the throne three weeks
    ago')."""
    sent = trigger.sent
    first = next((t for t in sent if t.idx >= sent.start_char + match.start()), None)
    if first is not None and any(
        t.dep_ == "relcl" and trigger.i not in {s.i for s in t.subtree}
        for t in [first, *first.ancestors]
    ):
        return False
    if match.group("dir").lower() not in ("after", "before"):
        return True
    at = sent.start_char + match.start("dir")
    word = next((t for t in sent if t.idx == at), None)
    if word is None:
        return False
    scope = word.head if word.dep_ == "mark" else word
    return trigger.i in {t.i for t in scope.subtree}


def _before_word(ent: Span) -> str:
    return ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""


def _offset_mark(ent: Span) -> str | None:
    """'a day after ...', 'two days before ...': the word that makes the phrase an offset."""
    root = ent.root
    if root.dep_ != "npadvmod":
        return None
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and following.lower_ in ("after", "before"):
        return following.lower_
    return None


def _in_wire_dateline(ent: Span) -> bool:
    """'TOKYO, March 6 (Reuters) -': the filing date of the story, not the event's."""
    doc = ent.doc
    return (
        ent.start - ent.sent.start <= 4
        and ent.end < len(doc)
        and doc[ent.end].text in ("(", "-", "–", "—")
    )


def _offset_claim(match: re.Match[str], published: str) -> DateClaim:
    n = _NUMBERS.get(match.group("n").lower()) or int(match.group("n"))
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[match.group("unit").lower()] * n
    sign = 1 if match.group("dir").lower() == "later" else -1
    when = date.fromisoformat(published) + timedelta(days=sign * days)
    if match.group("unit").lower() == "year":
        return DateClaim(match.group(0), f"{when.year:04d}", approximate=True)
    return DateClaim(match.group(0), f"{when.year:04d}-{when.month:02d}", approximate=True)


def _other_relative(phrase: Phrase, trigger: Token) -> bool:
    """The phrase is in a relative clause that does not hold the trigger ('X, who took office in
    July 2024, met Y')."""
    clause = _clause_of(phrase.span.root)
    return clause.dep_ == "relcl" and trigger.i not in {t.i for t in clause.subtree}


def _before_or_after(trigger: Token) -> bool:
    """The trigger's clause is what something came after or before ("comes less than 24 hours
    after Muttaqi discussed ..."): the day the text last named is the other event's, not its."""
    for token in [trigger, *trigger.ancestors][:4]:
        marked = any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in token.children)
        if token.lower_ in ("after", "before") or marked:
            return token.head.lemma_.lower() in ("come", "follow")
    return False


def _present_tense(trigger: Token) -> bool:
    """The trigger's clause, or one just above it, is in the present tense; not when a past
    tense or an 'after'/'before' comes first ("comes a day after Muttaqi discussed ...")."""
    head = trigger
    for _ in range(3):
        if head.tag_ == "VBD" or head.lower_ in ("after", "before", "since"):
            return False
        if head.tag_ in ("VBP", "VBZ"):
            return True
        if any(c.tag_ in ("VBP", "VBZ") and c.dep_ in ("aux", "auxpass") for c in head.children):
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return head.tag_ in ("VBP", "VBZ")
