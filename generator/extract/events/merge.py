"""Events reported more than once in one article become one: triggers of one sentence that name the
same event ("met ... for talks"), a visit named again without a day of its own, the sessions of one
forum. ``Report`` is one event as one sentence reports it, before merging."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Token

from generator.extract.events import headline, parse, places
from generator.extract.events.dates import EventDate

#: Travel verbs report a visit when a place follows: "travelled to Brazzaville", "arrived in Kyiv".
TRAVEL_VERBS = {"travel", "arrive", "fly", "land", "head", "go", "jet"}


@dataclass
class Report:
    """One event as one sentence reports it, before merging."""

    kind: str
    trigger: Token
    participants: list[int]  # person mentions
    guests: list[int]  # who travelled: the visitor, the hosted guest, else the subjects
    date: EventDate
    sentence_index: int
    place: str | None = None
    countries: list[int] = field(default_factory=list)
    forums: list[int] = field(default_factory=list)
    session: bool = False  # reports the forum's session itself, not a meeting beside it
    who: frozenset[str] = frozenset()  # the participants as people, not mentions
    unnamed_side: bool = False  # one person and an unnamed other side ("met Iranian officials")


def within_sentence(found: list[Report]) -> list[Report]:
    """Triggers of one sentence that name the same event ('met ... for talks') become one report:
    same kind family, participants one within the other, same day."""
    out: list[Report] = []
    for report in sorted(found, key=lambda r: -len(r.participants)):
        twin = next((o for o in out if _same_in_sentence(o, report)), None)
        if twin is None:
            out.append(report)
        else:
            out[out.index(twin)] = _combine(twin, report, union=twin.session)
    return sorted(out, key=lambda r: r.trigger.i)


def _same_in_sentence(a: Report, b: Report) -> bool:
    if _family(a) != _family(b) or a.session != b.session:
        return False
    if a.session:
        return bool(set(a.forums) & set(b.forums)) or not a.forums or not b.forums
    if not b.who <= a.who:
        return False
    if a.kind == "visit" and a.place and b.place and a.place != b.place:
        return False
    return _dates_fit(a.date, b.date, exact=True)


def during_trips(reports: list[Report], ctx: parse.Context) -> list[Report]:
    """'During the visit he met X', 'a visit to Muscat, during which he met X': a meeting of the
    visitor without a day of its own happened on the trip, so it takes the trip's date (and its
    place): the trip of the same sentence, else the visitor's last trip reported before."""
    out: list[Report] = []
    for report in reports:
        claim = report.date.claim
        own_day = claim and claim.start and not report.date.inferred
        if report.kind == "visit" or own_day or not _during_trip(report.trigger):
            out.append(report)
            continue
        trips = [
            r
            for r in reports
            if r.kind == "visit"
            and r.sentence_index <= report.sentence_index
            and r.who & report.who
            and r.date.claim
            and r.date.claim.start
        ]
        if not trips:
            out.append(report)
            continue
        trip = max(trips, key=lambda r: r.sentence_index)
        place, countries = report.place, report.countries
        if place is None:
            place, countries = trip.place, list(trip.countries)
        out.append(replace(report, date=trip.date, place=place, countries=countries))
    return out


def _during_trip(trigger: Token) -> bool:
    """The trigger's clause hangs on 'during the visit' or 'during which' (of a trip noun)."""
    for token in trigger.sent:
        if token.lower_ == "while" and token.dep_ == "mark" and _while_in(token):
            return True  # "While in Suva, the Prime Minister held a meeting with ..."
        if token.lower_ != "during":
            continue
        for pobj in (c for c in token.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() in parse.TRIPS:
                return True
            clause = token.head
            if pobj.lower_ == "which" and clause.dep_ == "relcl":
                return clause.head.lemma_.lower() in parse.TRIPS
    return False


def _while_in(mark: Token) -> bool:
    """'while in Suva', 'while visiting Fiji': a clause that places its verb on a trip."""
    verb = mark.head
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and c.i > mark.i and c.i < verb.i
        for c in verb.children
    ) or verb.lemma_.lower() in ("visit", "tour", "travel", "stay")


#: "It was joined by X", "the meeting was also attended by X": more people at an event told before.
JOINED = {"join", "attend"}


def joined_later(reports: list[Report], ctx: parse.Context, index: int) -> list[Report]:
    """'A meeting took place between A and B ... It was joined by C': C took part in the meeting
    the sentence before reported (never a visit). A bare 'the meeting' or 'it' as the subject
    refers back; a meeting named anew ('a meeting of X attended by C') is its own."""
    for verb in ctx.sentences[index]:
        if verb.lemma_.lower() not in JOINED or verb.tag_ != "VBN":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or not _refers_back(subject):
            continue
        agents = [t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree]
        people = ctx.people_in(agents)
        earlier = [
            r for r in reports if r.kind != "visit" and index - 1 <= r.sentence_index < index
        ]
        if not people or not earlier:
            continue
        target = earlier[-1]
        pair = headline.title_pair(ctx) if headline.also_attended(verb) else []
        if pair and {ctx.who(i) for i in people} <= target.who:
            # "X met A and B. The meeting is also attended by A and B": the headline's meeting
            reports = [_with_pair(r, pair, ctx, index, subject) for r in reports]
            continue
        joined = replace(
            target,
            participants=_union(target.participants, people),
            who=target.who | {ctx.who(i) for i in people},
        )
        reports = [
            joined if r is target else r
            for r in reports
            if not (r.sentence_index == index and r.trigger.i == subject.i)
        ]
    return reports


def _with_pair(report: Report, pair: list[int], ctx: parse.Context, index: int, subject: Token):
    """The report of 'the meeting' at ``subject`` with the headline's two people in it."""
    if report.sentence_index != index or report.trigger.i not in (subject.i, subject.head.i):
        return report
    return replace(
        report,
        participants=_union(list(pair), report.participants),
        who=report.who | {ctx.who(i) for i in pair},
    )


def _refers_back(subject: Token) -> bool:
    if subject.lower_ == "it":
        return True
    children = list(subject.children)
    return (
        subject.lemma_.lower() in parse.GATHERINGS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children)
        and not any(c.dep_ in ("prep", "poss", "compound", "amod") for c in children)
    )


def refer_back(reports: list[Report], ctx: parse.Context, index: int) -> list[Report]:
    """'The visit comes a week before ...' with no visit reported so far: the visit of the guest
    of the last meeting held somewhere ('Grossi held talks in Tehran ...')."""
    for token in ctx.sentences[index]:
        if not (places.anaphoric(token, ctx) and token.lemma_.lower() in ("visit", "trip")):
            continue
        if any(r.kind == "visit" for r in reports):
            return reports
        host = next((r for r in reversed(reports) if r.kind != "visit" and r.place), None)
        if host is not None and host.guests:
            guest = host.guests[:1]
            visit = Report(
                "visit", token, guest, guest, host.date, index, host.place, host.countries
            )
            visit.who = frozenset(ctx.who(i) for i in guest)
            return [*reports, visit]
    return reports


def arrivals_at_sessions(reports: list[Report]) -> list[Report]:
    """Arriving in the city where the article's summit meets is attending it ('Orbán arrived in
    Washington' at the Washington summit)."""
    sessions = [r for r in reports if r.session and r.place]
    out = []
    for report in reports:
        session = next(
            (
                s
                for s in sessions
                if report.kind == "visit"
                and report.trigger.lemma_.lower() in TRAVEL_VERBS
                and report.place
                and (report.place in s.place or s.place in report.place)
            ),
            None,
        )
        if session is None:
            out.append(report)
            continue
        out.append(replace(report, kind="summit", forums=session.forums, session=True))
    return out


#: How many sentences apart a meeting with unnamed people and its fuller report may stand.
NAMED_LATER = 2


def named_later(reports: list[Report]) -> list[Report]:
    """'Grossi had meetings with Iranian officials ... Grossi, alongside Eslami, ...': a meeting
    of one person with an unnamed side is the fuller report of that person's meeting a sentence
    or two away, when there is one of that day."""
    out = list(reports)
    for report in reports:
        if not report.unnamed_side:
            continue
        fuller = [
            r
            for r in out
            if r is not report
            and _family(r) == _family(report) == "meeting"
            and (report.who < r.who or _named_again(report, r))
            and abs(r.sentence_index - report.sentence_index) <= NAMED_LATER
            and _dates_fit(r.date, report.date, exact=False)
        ]
        if fuller:
            target = fuller[0]
            out[out.index(target)] = _combine(target, report, union=True)
            out.remove(report)
    return out


def _named_again(first: Report, later: Report) -> bool:
    """'... has met with a US congressman. X was also present at the meeting with Y': the later
    report names the meeting with 'the', as one told before."""
    noun = later.trigger
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return later.sentence_index > first.sentence_index and parse.nominal(noun) and definite


def merge_within(reports: list[Report]) -> list[Report]:
    """One article's reports of one event become one: a session of one forum; meetings of the
    same people on the same day; one trip of one visitor (a visit named again without a day of its
    own joins the visit before it)."""
    merged: list[Report] = []
    for report in reports:
        target = next((m for m in merged if _same(m, report) or _week_apart(m, report)), None)
        if target is None:
            merged.append(report)
        else:
            fuller = _fuller_again(target, report)
            combined = _combine(target, report, union=target.session or fuller)
            if _week_apart(target, report):
                combined.date = (report if _present(target) else target).date
            merged[merged.index(target)] = combined
    _share_places(merged)
    return merged


def _same(a: Report, b: Report) -> bool:
    if a.session or b.session:
        return a.session and b.session and bool(set(a.forums) & set(b.forums))
    if _family(a) == _family(b) == "meeting" and (_again_with_fewer(a, b) or _fuller_again(a, b)):
        return True
    if _family(a) != _family(b) or a.who != b.who:
        return False
    if a.kind == "visit":
        if a.place and b.place and not (a.place in b.place or b.place in a.place):
            return False
        return b.date.inferred or _dates_fit(a.date, b.date, exact=not (a.place and b.place))
    return b.date.inferred or a.date.inferred or _dates_fit(a.date, b.date, exact=True)


def _again_with_fewer(a: Report, b: Report) -> bool:
    """'X met A, B and C in Brussels today. ... A and B at today's meeting in Brussels': a
    meeting named again with its day ('today's meeting', 'the meeting') and some of its people,
    the same day stated and no other place, is the one before."""
    day = a.date.claim.start if a.date.claim else None
    other = b.date.claim.start if b.date.claim else None
    if not (b.who < a.who and len(b.who) >= 2 and day and len(day) == 10 and day == other):
        return False
    if a.place and b.place and not (a.place in b.place or b.place in a.place):
        return False
    trigger = b.trigger
    return parse.nominal(trigger) and any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        or (c.dep_ == "poss" and c.ent_type_ == "DATE")
        for c in trigger.children
    )


def _fuller_again(a: Report, b: Report) -> bool:
    """'X arrived Thursday in Rabat, where he met Y. X held talks with Y ... Also present at the
    meeting in Rabat was Z': a later report of the same people and more, on the same stated day
    (or none of its own) and at no other place, is the same meeting told more fully."""
    if a.session or b.session or _family(a) != "meeting" or _family(b) != "meeting":
        return False
    day = a.date.claim.start if a.date.claim else None
    other = b.date.claim.start if b.date.claim else None
    if not (a.who < b.who and len(a.who) >= 2 and day and len(day) == 10):
        return False
    if other != day and not (b.date.inferred or other is None):
        return False
    return not (a.place and b.place and not (a.place in b.place or b.place in a.place))


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _week_apart(a: Report, b: Report) -> bool:
    """A caption's 'X meet with Y in Hanoi on Monday' (read as the Monday to come) and 'X held
    talks with Y on Monday': one weekday named for one meeting of the same people, its two
    readings a week apart, is one day: the one the past tense says (``merge_within``)."""
    if _family(a) != "meeting" or _family(b) != "meeting" or a.who != b.who:
        return False
    if a.date.claim is None or b.date.claim is None or _present(a) == _present(b):
        return False
    x, y = a.date.claim.start or "", b.date.claim.start or ""
    words = {c.phrase.split()[0].lower() if c.phrase else "" for c in (a.date.claim, b.date.claim)}
    if len(words) != 1 or not words <= _WEEKDAYS or len(x) != 10 or len(y) != 10:
        return False
    return abs((date.fromisoformat(x) - date.fromisoformat(y)).days) == 7


def _present(report: Report) -> bool:
    """Told in the present tense: its verb, or the verb its noun hangs on."""
    verb = report.trigger if not parse.nominal(report.trigger) else report.trigger.head
    return verb.tag_ in ("VBP", "VBZ")


def _family(report: Report) -> str:
    return "visit" if report.kind == "visit" else "meeting"


def _dates_fit(a: EventDate, b: EventDate, exact: bool) -> bool:
    """Same day; or one of them is coarser (or missing) and they share what it says."""
    x = a.claim.start if a.claim else None
    y = b.claim.start if b.claim else None
    if x is None or y is None:
        return True
    if len(x) == 10 and len(y) == 10 and exact:
        return x == y
    n = min(len(x), len(y), 7)
    return x[:n] == y[:n]


def _combine(a: Report, b: Report, union: bool = False) -> Report:
    people = _union(a.participants, b.participants) if union else a.participants or b.participants
    return replace(
        a,
        participants=people,
        who=a.who | b.who if union else a.who or b.who,
        guests=a.guests or b.guests,
        date=_better_date(a.date, b.date),
        place=_more_specific(a.place, b.place),
        countries=_union(a.countries, b.countries),
        forums=_union(a.forums, b.forums),
    )


def _better_date(a: EventDate, b: EventDate) -> EventDate:
    """A date the sentence states over one inferred; exact over approximate; a range over a day."""

    def rank(d: EventDate) -> tuple[int, int, int]:
        c = d.claim
        if c is None or c.start is None:
            return (0, 0, 0)
        return (1, int(not d.inferred), int(not c.approximate) + int(bool(c.end)))

    return b if rank(b) > rank(a) else a


def _share_places(reports: list[Report]) -> None:
    """Where were they that day: a report without a place takes the place of another report of
    the same day that shares a participant ('Austin and Wei are in Siem Reap ...'), and a meeting
    without a forum the forum of a session they attended that day."""
    for report in reports:
        if report.place or not report.date.claim or not report.date.claim.start:
            continue
        day = report.date.claim.start
        source = next(
            (
                o
                for o in reports
                if o is not report
                and o.place
                and o.date.claim
                and o.date.claim.start == day
                and o.who & report.who
                and o.kind != "visit"
            ),
            None,
        )
        if source is not None:
            report.place, report.countries = source.place, list(source.countries)
            if source.session and not report.forums and report.kind != "visit":
                report.forums = list(source.forums)


def _union(a: list[int], b: list[int]) -> list[int]:
    return list(dict.fromkeys([*a, *b]))


def _more_specific(a: str | None, b: str | None) -> str | None:
    """'Siem Reap, Cambodia' over 'Cambodia'; otherwise the first report's place."""
    if a and b and a in b:
        return b
    return a or b
