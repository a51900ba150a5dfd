from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean import Rules, clean
from generator.curated.registry import load_registry
from generator.data import SourceFile
from generator.ingest import split_front_matter

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def rules() -> Rules:
    registry, _ = load_registry(SEEDS)
    return Rules.from_curated(registry.boilerplate)


def source(text: str) -> SourceFile:
    front, body, offset, problem = split_front_matter(text, "articles/t.txt")
    assert problem is None
    return SourceFile("t", "articles/t.txt", "0" * 64, body, offset, front)


BODY = (
    "The foreign ministers of Japan and India met in Tokyo on Monday to discuss maritime security "
    "in the Indian Ocean, officials said."
)


def test_title_byline_and_date(rules):
    text = f"Ministers meet in Tokyo\n\nBy Jane Roe and John Poe\nMarch 6, 2023\n\n{BODY}\n"
    article = clean(source(text), rules)
    assert article.title == "Ministers meet in Tokyo"
    assert article.authors == ("Jane Roe", "John Poe")
    assert article.published == "2023-03-06"
    assert article.paragraphs == (BODY,)


def test_front_matter_overrides(rules):
    text = f"---\ntitle: Given title\npublisher: Example Wire\npublished: 2023-01-02\n---\n{BODY}\n"
    article = clean(source(text), rules)
    assert (article.title, article.publisher, article.published) == (
        "Given title",
        "Example Wire",
        "2023-01-02",
    )


@pytest.mark.parametrize(
    "line",
    [
        "An official website of the United States government",
        "Here's how you know",
        "Subscribe to our newsletter",
        "Leave a comment",
        "Share this article",
        "Advertisement",
        "Copyright © 2024 Example News. All rights reserved.",
        "(Photo by Sgt. Jane Roe)",
        "Secretary Blinken speaks in Delhi. (Image credit: State Department)",
    ],
)
def test_boilerplate_lines_are_dropped(rules, line):
    article = clean(source(f"Title here\n\n{BODY}\n\n{line}\n"), rules)
    assert line not in article.paragraphs
    assert any(d.text == line for d in article.dropped)


def test_footer_after_related_articles_is_dropped(rules):
    text = (
        f"Title\n\n{BODY}\n\nRelated Articles\n\nPutin meets Kim in Pyongyang\n\nMore text here.\n"
    )
    article = clean(source(text), rules)
    assert article.paragraphs == (BODY,)
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Putin meets Kim in Pyongyang"] == "page footer"


def test_donation_appeal_is_dropped_but_news_with_we_is_kept(rules):
    op_ed = "We must support Ukraine for as long as it takes, the prime minister told parliament."
    text = (
        "Stay up to date with notifications from The Daily Example\n\nTitle\n\n"
        f"{BODY}\n\nThe Daily Example is on the ground; your donation keeps our journalists "
        "reporting.\n\nYour support makes all the difference.\n\n"
        f"{op_ed}\n"
    )
    article = clean(source(text), rules)
    assert article.publisher == "The Daily Example"
    assert article.paragraphs == (BODY, op_ed)


def test_copyright_names_the_publisher(rules):
    text = f"Title\n\n{BODY}\n\nCopyright © 2014-2025 IRIA - International Relations Analysis\n"
    article = clean(source(text), rules)
    assert article.publisher == "IRIA – International Relations Analysis"
    assert article.published is None


def test_dropped_lines_keep_source_line_numbers(rules):
    text = "---\ntitle: T\n---\nT\n\nAdvertisement\n\n" + BODY + "\n"
    article = clean(source(text), rules)
    assert [(d.line, d.text) for d in article.dropped] == [(6, "Advertisement")]
