"""Dates: printed publication dates, and event dates resolved against the publication date.

Nothing is invented: a phrase that cannot be tied to a calendar date resolves to ``None``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from generator.data import DateClaim

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_PRINTED = re.compile(
    rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s*\d{{4}}\b"  # "14 July2017": glued
    rf"|\b{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b)",
    re.IGNORECASE,
)
_ORD = r"(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|to|through|till|until|and)\s*"
_YEAR_TAIL = r"(?:,?\s+(?P<y>\d{4}))?"
#: Day ranges, month first ("January 26-27", "Nov. 30 to Dec. 2, 2022") or day first ("26-27
#: January", "from 30 November to 2 December"); the year is optional.
_RANGES = (
    re.compile(
        rf"(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}}){_ORD}{_TO}"
        rf"(?:(?P<m2>{_MONTH_RE})\s+)?(?P<d2>\d{{1,2}}){_ORD}\b{_YEAR_TAIL}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<d1>\d{{1,2}}){_ORD}(?:\s+(?P<m1>{_MONTH_RE}))?{_TO}"
        rf"(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m2>{_MONTH_RE}){_YEAR_TAIL}",
        re.IGNORECASE,
    ),
)
_RELATIVE_WORDS = re.compile(
    r"\b(ago|earlier|before|after|later|last|next|this|yesterday|today|tomorrow|previous|past)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
#: "early April 2024", "the end of May 2021": a part of a month, dated by the month.
_PART_OF_MONTH = re.compile(
    r"(?:early|late|mid-?|the (?:start|end|beginning|middle) of)\s*(?P<rest>.+)", re.IGNORECASE
)
#: A day and its month without a year ("April 24", "on 24th April"): the nearest such day.
_MONTH_AND_DAY = re.compile(
    rf"(?:on )?(?:(?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}}){_ORD}"
    rf"|(?:the )?(?P<d2>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<m2>{_MONTH_RE}))",
    re.IGNORECASE,
)
#: Phrases that name the publication day itself ("later today", "this afternoon").
_TODAY = re.compile(
    r"^(?:(?:later|earlier) )?(?:today|tonight|this (?:morning|afternoon|evening))$", re.IGNORECASE
)


#: Phrases that name the day before publication: exactly that day, not an approximation.
_YESTERDAY = re.compile(
    r"^(?:yesterday(?: (?:morning|afternoon|evening))?|last (?:night|evening))$", re.IGNORECASE
)


def is_publication_day(phrase: str) -> bool:
    return bool(_TODAY.match(" ".join(phrase.split())))


def has_year(phrase: str) -> bool:
    return bool(_YEAR.search(phrase))


@lru_cache(maxsize=256)
def _parser(base: date | None, future: bool) -> DateDataParser:
    """One parser per (publication date, direction): building one costs far more than parsing."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "future" if future else "past"}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, base: date | None, future: bool = False):
    parser = _parser(base, future)
    return parser.get_date_data(text)


def parse_printed_date(line: str) -> str | None:
    """The ISO date printed on a dateline such as 'Tuesday 22 November 2022 09:54 GMT'."""
    match = _PRINTED.search(line)
    if not match:
        return None
    data = _parse(match.group(0), None)
    if data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date().isoformat()


#: "Published: 4 March 2015", "Updated: March 4, 2015 11:29 am", "Posted on 2024-05-02".
_LABELLED = re.compile(
    r"\b(?P<label>first published|published|posted|last updated|updated)\s*(?:on)?\s*:?\s*"
    rf"(?:(?:{'|'.join(WEEKDAYS)})\w*,?\s+)?(?P<date>{_PRINTED.pattern})",
    re.IGNORECASE,
)


def labelled_date(line: str) -> tuple[str, str] | None:
    """A date a line labels as the page's publication or update ("Updated: March 4, 2015"),
    anywhere in the line: ("published" or "updated", the ISO date)."""
    match = _LABELLED.search(line)
    if match is None:
        return None
    day = parse_printed_date(match["date"])
    if day is None:
        return None
    return ("updated" if "updated" in match["label"].lower() else "published"), day


def looks_like_dateline(line: str) -> bool:
    """A short header line that is mostly a date (with weekday, time, zone, 'Published' ...)."""
    match = _PRINTED.search(line)
    if not match:
        return False
    if match.start() <= 24 and len(line.split()) <= 14 and not line.rstrip().endswith("."):
        return True  # "March 4, 2024 6:12 AM GMT+9 Updated 2 hours ago"
    rest = _PRINTED.sub("", line)
    rest = re.sub(r"\b[ap]\.m\.", "", rest, flags=re.IGNORECASE)
    rest = re.sub(
        r"\b(published|updated|posted|last|modified|on|at|am|pm|gmt|utc|et|[a-z]{2,4}t|"
        + "|".join(WEEKDAYS)
        + r"|mon|tue|wed|thu|fri|sat|sun)\b",
        "",
        rest,
        flags=re.IGNORECASE,
    )
    rest = re.sub(r"[\d:.,|/()\-–—\s]+", " ", rest).strip()
    return len(rest.split()) <= 2


@lru_cache(maxsize=4096)  # one phrase against one publication date recurs across a corpus
def resolve(phrase: str, anchor: str | None, future: bool = False) -> DateClaim | None:
    """Resolve a date phrase from the text against the publication date ``anchor``."""
    text = " ".join(phrase.split())
    base = date.fromisoformat(anchor) if anchor else None
    rng = _day_range(text, base, future)
    if rng is not None:
        return rng
    if _TODAY.match(text):  # the publication day itself, not an approximation of it
        return DateClaim(text, base.isoformat() if base else None)
    if _YESTERDAY.match(text):
        return DateClaim(text, (base - timedelta(days=1)).isoformat() if base else None)
    day = _MONTH_AND_DAY.fullmatch(text)
    if day is not None and base is not None:  # "April 24" written on 4 April: this year's
        month = _month_number(day.group("m1") or day.group("m2"))
        number = int(day.group("d1") or day.group("d2"))
        try:
            return DateClaim(
                text, date(_nearest_year(base, month, number, future), month, number).isoformat()
            )
        except ValueError:
            return None
    lowered = text.lower()
    has_year = bool(_YEAR.search(text))
    coarse = _part_of_a_period(text, anchor, future)
    if coarse is not None:
        return coarse
    weekday = next((i for i, w in enumerate(WEEKDAYS) if re.search(rf"\b{w}\b", lowered)), None)
    if weekday is not None and not has_year and not re.search(r"\d", text):
        if base is None:
            return DateClaim(text, None)
        return DateClaim(text, _nearest_weekday(base, weekday, future, lowered).isoformat())
    month_only = re.fullmatch(
        rf"(?:in |on |since |by |during |early |late |mid-?)?({_MONTH_RE})", lowered
    )
    if month_only and not has_year:
        if base is None:
            return DateClaim(text, None)
        month = _month_number(month_only.group(1))
        year = base.year
        if future and month < base.month:
            year += 1
        elif not future and month > base.month:
            year -= 1
        return DateClaim(text, f"{year:04d}-{month:02d}")
    if not has_year and not _RELATIVE_WORDS.search(text) and not re.search(_MONTH_RE, lowered):
        return None  # a duration such as "six months" is not a date
    if not has_year and base is None:
        return DateClaim(text, None)
    part = _PART_OF_MONTH.fullmatch(text)
    if part is not None and has_year:  # "early April 2024": that month
        whole = resolve(part.group("rest"), anchor, future)
        if whole is not None and whole.start and len(whole.start) == 7:
            return DateClaim(text, whole.start)
    data = _parse(text, base, future)
    if data.date_obj is None:
        return DateClaim(text, None)
    when = data.date_obj.date()
    if data.period == "year":
        return DateClaim(text, f"{when.year:04d}", approximate=not has_year)
    if data.period == "week":
        return DateClaim(text, when.isoformat(), approximate=True)
    if data.period == "month":
        return DateClaim(text, f"{when.year:04d}-{when.month:02d}", approximate=not has_year)
    return DateClaim(text, when.isoformat(), approximate=bool(_RELATIVE_WORDS.search(text)))


#: A part of a period the text names without its year: "earlier this month", "late last year",
#: "in mid-October", "early next week". The period dates it, approximately.
_PART_OF_PERIOD = re.compile(
    r"(?:in |on |at |during )?(?:earlier|later|early|late|mid-?|the (?:start|end|beginning|middle)"
    r" of)\s*(?P<rest>(?:(?:this|last|next|the past) (?:week|month|year))|\w+)",
    re.IGNORECASE,
)
#: "last weekend", "over the weekend", "this past weekend": the Saturday of that weekend.
_WEEKEND = re.compile(
    r"(?:over |at |during |on )?(?P<which>this past|last|this|the|next|the past) weekend",
    re.IGNORECASE,
)


def _part_of_a_period(text: str, anchor: str | None, future: bool) -> DateClaim | None:
    """'earlier this month', 'late last year', 'in late October', 'over the weekend' against the
    publication date: the month, year or weekend they lie in, marked approximate."""
    weekend = _WEEKEND.fullmatch(text)
    if weekend is not None:
        if anchor is None:
            return DateClaim(text, None)
        base = date.fromisoformat(anchor)
        ahead = weekend["which"].lower() == "next" or (
            future and weekend["which"].lower() != "last"
        )
        shift = (5 - base.weekday()) % 7 if ahead else -((base.weekday() - 5) % 7)
        if weekend["which"].lower() == "last" and base.weekday() >= 5:
            shift -= 7  # "last weekend" written on a Sunday: the one before
        return DateClaim(text, (base + timedelta(days=shift)).isoformat(), approximate=True)
    part = _PART_OF_PERIOD.fullmatch(text)
    if part is None:
        return None
    if _YEAR.fullmatch(part["rest"]):
        return DateClaim(text, part["rest"], approximate=True)  # "early 2024", "mid-2023"
    if _YEAR.search(text):
        return None  # "early April 2024": a month of a year, read below
    whole = resolve(part["rest"], anchor, future)
    if whole is None:
        return None
    if whole.start is None or len(whole.start) <= 7 or whole.approximate:
        return DateClaim(text, whole.start, approximate=whole.start is not None)
    return None


def _day_range(text: str, base: date | None, future: bool) -> DateClaim | None:
    """'January 26-27', '26 to 27 January 2025': a start and an end day. Without a printed year
    the range takes the year that puts it nearest the publication date, never a year read off
    the second day ('26-27' is no year)."""
    match = next((m for r in _RANGES if (m := r.search(text))), None)
    if match is None:
        return None
    m1 = _month_number(match.group("m1") or match.group("m2"))
    m2 = _month_number(match.group("m2") or match.group("m1"))
    d1, d2 = int(match.group("d1")), int(match.group("d2"))
    if match.group("y"):
        year = int(match.group("y"))
    elif base is not None:
        year = _nearest_year(base, m1, d1, future)
    else:
        return DateClaim(text, None)
    try:
        start = date(year, m1, d1)
        end = date(year + (m2 < m1), m2, d2)  # "December 30 to January 2" runs into a new year
    except ValueError:
        return None
    if end <= start:
        return None  # not a range of days after all
    return DateClaim(text, start.isoformat(), end.isoformat())


def _nearest_year(base: date, month: int, day: int, future: bool) -> int:
    """The year that puts a day without one nearest the publication date; a day on the side the
    tense points to counts half as far ('will meet on March 3' looks forward)."""

    def cost(year: int) -> float:
        try:
            delta = (date(year, month, day) - base).days
        except ValueError:
            return float("inf")
        ahead = delta > 0
        return abs(delta) * (1 if ahead == future or delta == 0 else 2)

    return min((base.year - 1, base.year, base.year + 1), key=cost)


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(key) + 1


def _nearest_weekday(base: date, weekday: int, future: bool, phrase: str) -> date:
    if "next" in phrase:
        future = True
    if "last" in phrase:
        future = False
    # "last Thursday" written on a Thursday is a week before, "next Thursday" a week after
    week = 7 if "last" in phrase or "next" in phrase else 0
    if future:
        delta = (weekday - base.weekday()) % 7 or week
        return base + timedelta(days=delta)
    delta = (base.weekday() - weekday) % 7 or week
    return base - timedelta(days=delta)


_LEAD = re.compile(
    r"^\s*(?:(?:date|published|updated|posted|last updated)\s*:?\s*)?"
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
    r"\.?,?\s+)?",
    re.IGNORECASE,
)
#: The place of a wire dateline, before its date: "BRUSSELS, ", "KABUL/DOHA, ", "Siem Reap,
#: Cambodia, " (each word capitalised, a comma after it).
DATELINE_PLACE = re.compile(r"^\s*(?:[A-Z][\w.'’/-]*(?:\s+[A-Z][\w.'’/-]*){0,3},\s+){1,2}")
_NUMERIC_DAY = re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>(?:19|20)\d{2})\b")


def leading_date(line: str) -> str | None:
    """The date a line opens with, as scraped pages print it above or at the head of the text:
    "date 2024-09-10 The abrupt departure ...", "July 8, 2024 -Haitian Prime Minister ...",
    "31-10-2022 at 5 PM Aden Time". A numeric day is read day first unless that is impossible,
    and not at all when both readings are possible."""
    dateline = DATELINE_PLACE.match(line)
    printed = _PRINTED.match(line, dateline.end()) if dateline is not None else None
    if printed is not None and line[printed.end() :].lstrip()[:1] in ("-", "–", "—", ":", "("):
        line = line[dateline.end() :]  # "BRUSSELS, March 4, 2024 — ..." (a wire dateline)
    rest = line[_LEAD.match(line).end() :]
    match = _PRINTED.match(rest)
    if match:
        return parse_printed_date(match.group(0))
    match = _NUMERIC_DAY.match(rest)
    if not match:
        return None
    a, b, year = int(match["a"]), int(match["b"]), int(match["y"])
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None  # 05-06-2024: May or June
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_URL_DAY = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"),  # /2025/04/26/
    re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)"),  # 2025-08-16-kenyan-team
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{0,6})(?:[/.?#-]|$)"),  # /202411140323
    # /20220114095255154631.html: a whole clock time (hhmmss) after the day, then a serial
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:[01]\d|2[0-3])[0-5]\d[0-5]\d\d*(?:[/.?#-]|$)"),
    re.compile(  # ?yyyy=2022&mm=08&dd=18
        r"[?&](?:yyyy|year|y)=((?:19|20)\d{2})&(?:amp;)?(?:mm|month|m)=(\d{1,2})"
        r"&(?:amp;)?(?:dd|day|d)=(\d{1,2})(?!\d)"
    ),
)


def date_in_url(url: str | None) -> str | None:
    """The publication day a page's address carries, if it carries one whole (year, month and
    day) and it is a real day. (Never compared with today: the same seeds give the same records
    on any day.)"""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/?]+", "", url.strip(), flags=re.IGNORECASE)
    for pattern in _URL_DAY:
        for match in pattern.finditer(path):
            try:
                return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
            except ValueError:
                continue
    return None
