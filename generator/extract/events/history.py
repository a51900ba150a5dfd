"""Events of history are background, not news: "Gough Whitlam's historic visit to China in 1973"
in a story of 2023 tells why the visit of the day matters; it is no event the story reports.

An event dated this many years or more before the story's own year (its publication date, else the
latest year the text prints) is left out. Events without a year, and stories with no year at all,
keep everything.
"""

from __future__ import annotations

from generator.extract.events.dates import Timeline
from generator.extract.events.merge import Report

#: How many years before the story an event becomes history.
HISTORY_YEARS = 10


def news_only(reports: list[Report], timeline: Timeline) -> list[Report]:
    now = _story_year(timeline)
    if now is None:
        return reports
    return [r for r in reports if not _long_before(r, now)]


def _story_year(timeline: Timeline) -> int | None:
    if timeline.published:
        return int(timeline.published[:4])
    years = [
        int(p.claim.start[:4])
        for phrases in timeline.by_sentence.values()
        for p in phrases
        if p.claim.start and not p.claim.approximate
    ]
    return max(years) if years else None


def _long_before(report: Report, now: int) -> bool:
    claim = report.date.claim
    if claim is None or not claim.start:
        return False
    return int(claim.start[:4]) <= now - HISTORY_YEARS
