"""Quotations and their speakers (extract/quotes.py, extract/tweets.py; issue #3), on text written
for these tests, one case per file in ``cases/quotes/``.

A case has a ``kind``:

- ``spans``: ``body`` and ``expect``, the texts of its quotations (``quoted_spans``), whitespace
  collapsed, in order;
- ``posts``: ``body``, ``people`` (person mentions to find in it: the first place each stands)
  and ``expect``, the embedded posts (``find_posts``) as ``{text, speaker}``, the speaker an
  index into ``people``;
- ``article``: ``text``, an article built through the whole pipeline; ``said_by``, for each
  quotation (``start``: how its text begins) the ids of its speakers (``[]``: no such quote); and
  ``not_quoted``, strings no quotation may hold.

``why`` beside an expectation is a note shown when it fails. Add a case by adding a file: its name
is the test's id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import yamlio
from generator.data import Mention
from generator.extract.quote_marks import quoted_spans
from generator.extract.tweets import find_posts

CASES = Path(__file__).parent / "cases" / "quotes"
FILES = sorted(CASES.glob("*.yml"))
KEYS = {
    "spans": {"kind", "body", "expect"},
    "posts": {"kind", "body", "people", "expect"},
    "article": {"kind", "text", "said_by", "not_quoted"},
}


def quotes_of(result) -> list[tuple[str, str]]:
    """(speaker id, text) of the one article's quotes."""
    path = next(p for p in result.records if p.startswith("articles/"))
    return [(q["speaker"], q["text"]) for q in yamlio.load(result.records[path])["quotes"]]


def said_by(quotes: list[tuple[str, str]], start: str) -> list[str]:
    return [speaker for speaker, text in quotes if text.startswith(start)]


def person(text: str, body: str, sentence: int = 0) -> Mention:
    start = body.index(text)
    return Mention(text, "person", start, start + len(text), "", sentence)


def load_case(path: Path) -> dict[str, Any]:
    case = yamlio.load(path.read_text("utf-8"))
    assert case.get("kind") in KEYS, f"kind must be one of {sorted(KEYS)}"
    assert set(case) <= KEYS[case["kind"]], sorted(set(case) - KEYS[case["kind"]])
    return case


def test_there_are_cases():
    assert len(FILES) >= 17


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_quote_case(path: Path, request):
    case = load_case(path)
    if case["kind"] == "spans":
        texts = [" ".join(q.text.split()) for q in quoted_spans(case["body"])]
        assert texts == case["expect"]
    elif case["kind"] == "posts":
        mentions = [person(name, case["body"]) for name in case["people"]]
        posts = find_posts(case["body"], mentions)
        assert [(p.text, p.speaker) for p in posts] == [
            (post["text"], post["speaker"]) for post in case["expect"]
        ]
    else:
        build_case = request.getfixturevalue("build_case")  # the model only for these
        quotes = quotes_of(build_case({"a.txt": case["text"]}))
        for expected in case["said_by"]:
            assert said_by(quotes, expected["start"]) == expected["speakers"], expected.get(
                "why", expected["start"]
            )
        for text in case.get("not_quoted", []):
            assert not any(text in q for _, q in quotes), text
