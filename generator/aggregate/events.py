"""Merging event reports from many articles into events, keeping each source's date as a claim.

Two reports are one event when they have the same participants and kind and their dates agree: the
same day, or one of them says less (a month, or nothing). Meetings of the same people on two days
are two meetings; visits of one person to two places are two visits. Every report that ties an
event to a forum is also a report of that forum's session that year ("ADMM-Plus 2022"), so a forum
page shows each source's date for its meeting; the session becomes an event of its own when some
report is of the session itself (kind ``summit``: "the ADMM-Plus takes place ...", "Austin and Wei
are attending ...") and names someone there. A report is compared only with the clusters of its
very participants (or its forum and year), so merging stays linear in the number of reports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from generator.curated.registry import Registry
from generator.data import Claim, Entity, Event, EventClaim, LinkedArticle
from generator.slugs import slug, unique


@dataclass
class _Cluster:
    kind: str
    participants: set[str]
    forum: str | None
    claims: list[EventClaim] = field(default_factory=list)
    participant_ids: set[str] = field(default_factory=set)


def merge_events(
    linked: list[LinkedArticle],
    rekey: dict[str, str],
    id_of: dict[str, str],
    published: dict[str, Entity],
    registry: Registry,
) -> list[Event]:
    clusters: list[_Cluster] = []
    by_people: dict[frozenset[str], list[_Cluster]] = {}
    sessions: dict[tuple[str, str], list[_Cluster]] = {}
    for art in linked:
        for claim in art.events:
            people = {id_of[k] for k in (rekey.get(p, p) for p in claim.participants) if k in id_of}
            forum = id_of.get(claim.forum) if claim.forum else None
            if forum:
                year = _year(claim, art.article.published)
                same_year = sessions.setdefault((forum, year), [])
                session = next((c for c in same_year if _same_session(c, claim, year)), None)
                if session is None:
                    session = _Cluster("summit", set(), forum)
                    same_year.append(session)
                session.claims.append(claim)
                session.participant_ids |= people
            if not people or (claim.kind == "summit" and (forum or len(people) < 2)):
                continue  # a forum's session is the session's event; a summit of one is none
            if _one_left(claim, people, rekey, id_of):
                continue  # "Pope Francis received Sánchez", the Pope no entity: no meeting of one
            # only clusters with these very participants can take the claim (see _joins)
            same_people = by_people.setdefault(frozenset(people), [])
            target = next((c for c in same_people if _joins(c, claim, people, forum)), None)
            if target is None:
                target = _Cluster(claim.kind, people, forum)
                clusters.append(target)
                same_people.append(target)
            target.claims.append(claim)
            target.participant_ids |= people
            target.forum = target.forum or forum
    names = {e.id: e.name for e in published.values() if e.type.value == "person"}
    events: list[Event] = []
    taken: set[str] = set()
    for (forum, year), found in sorted(sessions.items(), key=lambda kv: kv[0]):
        found = [c for c in found if _reported_session(c)]
        for cluster in found:
            label = year or "(undated)"
            if len(found) > 1:
                label = _first_date(cluster) or label  # two sessions in a year: say which
            name = f"{_forum_short(forum, published, registry)} {label}"
            events.append(_event(cluster, name, taken, id_of, published, dated_id=False))
    for cluster in clusters:
        events.append(
            _event(
                cluster, _meeting_name(cluster, names, id_of, published), taken, id_of, published
            )
        )
    return sorted(events, key=lambda e: (e.date or "9999", e.id))


#: Reports of one forum's session whose dates lie further apart than this are different sessions.
SESSION_DAYS = 45


def _first_date(cluster: _Cluster) -> str | None:
    found = sorted(c.date.start for c in cluster.claims if c.date and c.date.start)
    return found[0] if found else None


def _as_day(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def _same_session(cluster: _Cluster, claim: EventClaim, year: str) -> bool:
    """Reports of a forum's session in one year are one session unless their dates lie far
    apart; with no year at all (no date in the report or on its article), only reports from the
    same article are."""
    if not year and not any(c.article == claim.article for c in cluster.claims):
        return False
    theirs = claim.date.start if claim.date and claim.date.start else None
    ours = [c.date.start for c in cluster.claims if c.date and c.date.start]
    if theirs is None or not ours:
        return True
    return any(abs((_as_day(o) - _as_day(theirs)).days) <= SESSION_DAYS for o in ours)


def _reported_session(cluster: _Cluster) -> bool:
    """Some report is of the session itself, and someone is named there. A forum only named as
    where two leaders met ("on the sidelines of the APEC summit") is no event of its own."""
    return bool(cluster.participant_ids) and any(c.kind == "summit" for c in cluster.claims)


def _year(claim: EventClaim, published: str | None) -> str:
    if claim.date and claim.date.start:
        return claim.date.start[:4]
    return published[:4] if published else ""


#: Reports of one visitor's trip to one place this many days apart are still one visit.
VISIT_DAYS = 3


def _joins(cluster: _Cluster, claim: EventClaim, people: set[str], forum: str | None) -> bool:
    """The claim reports the cluster's event. Within one article, the same people are the same
    meeting unless the dates differ. Across articles, only when both are dated and the dates,
    places and forums agree: the same two leaders meet again in another city months later."""
    if cluster.participants != people:
        return False
    if (cluster.kind == "visit") != (claim.kind == "visit"):
        return False
    if claim.kind == "visit" and not any(_same_place(c, claim) for c in cluster.claims):
        return False
    ours = [c.date.start for c in cluster.claims if c.date and c.date.start]
    theirs = claim.date.start if claim.date and claim.date.start else None
    if not any(c.article == claim.article for c in cluster.claims):
        if forum and cluster.forum and forum != cluster.forum:
            return False
        if not all(_same_place(c, claim) for c in cluster.claims):
            return False
        if theirs is None or not ours:
            return False
    if theirs is None or not ours:
        return True
    window = VISIT_DAYS if claim.kind == "visit" else 0
    return any(_dates_agree(o, theirs, window) for o in ours)


def _dates_agree(a: str, b: str, window: int) -> bool:
    """The same day (or within ``window`` days); with a month or a year only, the same one."""
    if len(a) == 10 and len(b) == 10:
        return abs((_as_day(a) - _as_day(b)).days) <= window
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _same_place(a: EventClaim, b: EventClaim) -> bool:
    """Places that can be one: either unknown, one inside the other, or in a common country."""
    if not a.place or not b.place:
        return True
    if a.place in b.place or b.place in a.place:
        return True
    return bool(set(a.place_countries) & set(b.place_countries))


def _forum_short(forum: str, published: dict[str, Entity], registry: Registry) -> str:
    entity = registry.get(f"forum:{forum}")
    if entity is None:
        return next((e.name for e in published.values() if e.id == forum), forum)
    acronyms = [
        a
        for a in entity.aliases
        if re.fullmatch(r"[A-Z0-9][A-Za-z0-9&+\-]{1,15}", a) and sum(ch.isupper() for ch in a) >= 2
    ]
    return min(acronyms, key=len) if acronyms else entity.name


def _meeting_name(cluster: _Cluster, names: dict[str, str], id_of, published) -> str:
    people = sorted(cluster.participant_ids, key=lambda i: names.get(i, i))
    who = [names.get(p, p) for p in people]
    if len(who) > 3:
        who = [*who[:2], f"{len(who) - 2} others"]
    joined = " and ".join([", ".join(who[:-1]), who[-1]]) if len(who) > 1 else who[0]
    if cluster.kind == "visit":
        places = [c.place for c in cluster.claims if c.place]
        countries = [
            published[k].name for c in cluster.claims for k in c.place_countries if k in published
        ]
        where = countries[0] if countries else (places[0] if places else None)
        return f"{joined} visit to {where}" if where else f"{joined} visit"
    return f"{joined} {cluster.kind}"


def _event(
    cluster: _Cluster, name: str, taken: set[str], id_of, published, dated_id: bool = True
) -> Event:
    claims = [c for c in cluster.claims if c.date and c.date.start]
    votes = {(c.article, c.date.start) for c in claims}  # a source that repeats a date: one vote
    counted = Counter(day for _, day in votes)
    best = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
    date = best[0][0] if best else None
    end = next((c.date.end for c in claims if c.date.start == date and c.date.end), None)
    by_article = sorted(cluster.claims, key=lambda c: c.article)
    # each distinct (value, article) once, in article order, with the first phrase that gave it
    # (a forum's session gathers a claim from every sentence of every article that reports it)
    dated: dict[tuple[str, str], str | None] = {}
    for c in by_article:
        if c.date and c.date.start:
            value = c.date.start + (f"/{c.date.end}" if c.date.end else "")
            dated.setdefault((value, c.article), c.date.phrase)
    date_claims = [Claim(value=v, article=a, phrase=p) for (v, a), p in dated.items()]
    base = slug(f"{name} {date or ''}".strip() if dated_id else name)
    ident = unique(base, taken, name + "|" + "|".join(sorted(c.article for c in cluster.claims)))
    taken.add(ident)
    countries = sorted({id_of[k] for c in cluster.claims for k in c.place_countries if k in id_of})
    sentences = [
        Claim(value=v, article=a)
        for v, a in dict.fromkeys((c.sentence, c.article) for c in by_article)
    ]
    return Event(
        id=ident,
        kind=cluster.kind,
        name=name,
        date=date,
        end=end,
        date_claims=date_claims,
        participants=sorted(cluster.participant_ids),
        place=next((c.place for c in by_article if c.place), None),
        countries=countries,
        forum=cluster.forum,
        articles=sorted({c.article for c in cluster.claims}),
        sentences=sentences,
    )


def _one_left(
    claim: EventClaim, people: set[str], rekey: dict[str, str], id_of: dict[str, str]
) -> bool:
    """A meeting, talks or a call whose other side the text named but no entity stands for
    (a single name the people stage did not keep): one person left would make a wrong event."""
    keys = {rekey.get(p, p) for p in claim.participants}
    lost = any(k not in id_of for k in keys)
    return lost and len(people) == 1 and claim.kind in ("meeting", "talks", "call")
