from __future__ import annotations

import pytest

from generator.dates import looks_like_dateline, parse_printed_date, resolve


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Tuesday 22 November 2022 09:54 GMT", "2022-11-22"),
        ("Published 5:01 AM EST, Tue March 7, 2023", "2023-03-07"),
        ("Updated: 07 Mar 2023", "2023-03-07"),
        ("2024-06-30", "2024-06-30"),
        ("14 July2017", "2017-07-14"),  # a scraper glued the year to the month
    ],
)
def test_printed_dates(line: str, iso: str):
    assert looks_like_dateline(line)
    assert parse_printed_date(line) == iso


@pytest.mark.parametrize("line", ["Copyright © 2014-2025 IRIA", "Heng Sinith", "March 3"])
def test_not_datelines(line: str):
    assert parse_printed_date(line) is None


@pytest.mark.parametrize(
    ("phrase", "anchor", "start", "end"),
    [
        ("Tuesday", "2022-11-22", "2022-11-22", None),  # the same day when published on a Tuesday
        ("on Monday", "2022-11-22", "2022-11-21", None),
        ("in August", "2022-11-22", "2022-08", None),
        ("December", "2022-11-22", "2021-12", None),  # a past month, never a future one
        ("June 2022", None, "2022-06", None),
        ("November 27 to December 1, 2022", None, "2022-11-27", "2022-12-01"),
        ("last year", "2022-11-22", "2021", None),
        ("last evening", "2024-10-16", "2024-10-15", None),
        ("early April 2024", "2025-01-24", "2024-04", None),  # a part of a month: the month
        ("the end of May 2021", None, "2021-05", None),
        ("April 24", "2014-04-04", "2014-04-24", None),  # nearest, not a year back
        ("December 20", "2015-01-05", "2014-12-20", None),
    ],
)
def test_resolve(phrase, anchor, start, end):
    claim = resolve(phrase, anchor)
    assert claim is not None
    assert (claim.start, claim.end) == (start, end)
    assert claim.phrase == phrase


@pytest.mark.parametrize("phrase", ["yesterday", "last night", "yesterday evening"])
def test_yesterday_is_exactly_the_day_before_publication(phrase):
    claim = resolve(phrase, "2024-10-16")
    assert claim is not None
    assert (claim.start, claim.approximate) == ("2024-10-15", False)


@pytest.mark.parametrize(
    ("phrase", "start"),
    [("last Thursday", "2023-12-07"), ("next Thursday", "2023-12-21"), ("Thursday", "2023-12-14")],
)
def test_last_or_next_weekday_on_that_weekday_is_a_week_away(phrase, start):
    assert resolve(phrase, "2023-12-14").start == start  # 14 December 2023 was a Thursday


def test_weekday_in_future_tense_looks_forward():
    assert resolve("Tuesday", "2022-11-20", future=True).start == "2022-11-22"


@pytest.mark.parametrize("phrase", ["six months", "just over a week", "two days"])
def test_durations_are_not_dates(phrase):
    assert resolve(phrase, "2022-11-22") is None


def test_relative_date_without_anchor_is_not_invented():
    claim = resolve("Tuesday", None)
    assert claim is not None and claim.start is None


@pytest.mark.parametrize(
    ("phrase", "anchor", "start", "end"),
    [
        ("March 14-15", "2025-03-17", "2025-03-14", "2025-03-15"),  # not the year 1915
        ("14-15 March", "2025-03-17", "2025-03-14", "2025-03-15"),
        ("Mar. 14–15", "2025-03-17", "2025-03-14", "2025-03-15"),
        ("from 14 to 15 March", "2025-03-17", "2025-03-14", "2025-03-15"),
        ("December 30 to January 2", "2025-01-05", "2024-12-30", "2025-01-02"),
        ("March 14-15, 2023", "2025-03-17", "2023-03-14", "2023-03-15"),
    ],
)
def test_day_ranges_take_the_publication_year(phrase, anchor, start, end):
    claim = resolve(phrase, anchor)
    assert (claim.start, claim.end) == (start, end)


@pytest.mark.parametrize(
    ("phrase", "anchor", "start"),
    [
        ("earlier this month", "2024-12-18", "2024-12"),
        ("later this month", "2024-12-18", "2024-12"),
        ("late last year", "2022-02-15", "2021"),
        ("early next month", "2024-12-18", "2025-01"),
        ("in late October", "2024-12-18", "2024-10"),
        ("in mid-October", "2024-12-18", "2024-10"),
        ("early 2024", None, "2024"),
        ("last weekend", "2024-12-18", "2024-12-14"),  # a Wednesday: the Saturday before
        ("over the weekend", "2024-12-16", "2024-12-14"),
    ],
)
def test_a_part_of_a_period_is_dated_by_the_period(phrase, anchor, start):
    claim = resolve(phrase, anchor)
    assert claim is not None and claim.start == start and claim.approximate


def test_a_part_of_a_period_without_an_anchor_is_not_invented():
    claim = resolve("earlier this month", None)
    assert claim is not None and claim.start is None
