"""The article's own date when no front matter gives it: a date at the head of the text, else
one in the page's address (clean.py, dates.py)."""

from __future__ import annotations

import pytest

from generator import dates
from generator.clean import Rules, clean
from generator.data import SourceFile


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("date 2024-09-10 The abrupt departure of the envoy", "2024-09-10"),
        ("July 8, 2024  -The prime minister addressed the council", "2024-07-08"),
        ("31-10-2022 at 5 PM local time", "2022-10-31"),
        ("Published: Tuesday, 3 June 2025", "2025-06-03"),
        ("05-06-2024 Ministers met", None),  # May or June: not read at all
        ("The talks on March 4, 2024 were long", None),  # a date inside the text is no dateline
        ("Kabul, Feb 15 (Agency) Ministers met", None),  # no year
        ("BRUSSELS, March 4, 2024 — Ministers met", "2024-03-04"),  # a wire dateline
        ("Siem Reap, Cambodia, Nov 22, 2022 (Agency) - Ministers met", "2022-11-22"),
        ("Earlier, March 4, 2024 was the day they met", None),  # no dateline's dash after it
    ],
)
def test_a_leading_date(line, expected):
    assert dates.leading_date(line) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2025/04/26/world/talks/index.html", "2025-04-26"),
        ("https://paper.example/news/2025-08-16-delegation-meets-president", "2025-08-16"),
        ("https://wire.example/en/202411140323", "2024-11-14"),
        ("https://site.example/story-1852802-2021-09-14", "2021-09-14"),
        ("https://site.example/article/1852802", None),
        (
            "https://site.example/politics/20220114095255154631.html",
            "2022-01-14",
        ),  # + clock, serial
        ("https://site.example/politics/20220114995255154631.html", None),  # no clock: a serial
        ("https://site.example/eng/news.php?yyyy=2022&mm=08&dd=18&nav_id=1", "2022-08-18"),
        ("https://site.example/news.php?yyyy=2022&mm=08&nav_id=1", None),  # no day
        ("https://site.example/2025/13/40/nonsense", None),
    ],
)
def test_a_date_in_the_address(url, expected):
    assert dates.date_in_url(url) == expected


def source(text: str, front: dict[str, object]) -> SourceFile:
    return SourceFile(
        id="a",
        path="articles/a.txt",
        sha256="0" * 64,
        text=text,
        body_line_offset=0,
        front_matter=front,
    )


RULES = Rules.from_curated({})


def test_the_printed_date_wins_over_the_address():
    text = "Ministers meet\n\nMarch 4, 2024\n\nThe ministers met on Monday in Lisbon to talk.\n"
    article = clean(source(text, {"url": "https://x.example/2020/01/01/a"}), RULES)
    assert article.published == "2024-03-04"


def test_a_date_on_the_headlines_own_line_dates_the_article():
    text = "date 2022-02-15 Ministers meet in Doha\n\nThe ministers met on Monday in Doha.\n"
    assert clean(source(text, {}), RULES).published == "2022-02-15"


def test_the_address_dates_an_article_that_prints_no_date():
    text = "Ministers meet\n\nThe ministers met on Monday in Lisbon to talk about trade.\n"
    article = clean(source(text, {"url": "https://x.example/2024/03/06/ministers"}), RULES)
    assert article.published == "2024-03-06"
    assert clean(source(text, {}), RULES).published is None
