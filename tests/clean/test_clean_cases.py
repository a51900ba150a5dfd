"""Cleaning (clean.py): an article's text in, its metadata, paragraphs and dropped lines out, one
case per file in ``cases/``.

A case has ``text`` (the article file, front matter and all) and ``expect``, any of:

- ``title``, ``publisher``, ``published`` (null: no date), ``authors``, ``paragraphs``: equal;
- ``dropped``: the dropped lines as ``{line, text}``, all of them, in order;
- ``dropped_includes``: lines that are among the dropped ones (``{text}``), with the reason
  given when there is one (``{text, reason}``);
- ``not_in_paragraphs``: lines that are no paragraph.

Add a case by adding a file: its name is the test's id.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator import yamlio
from generator.clean import Rules, clean
from generator.curated.registry import load_registry
from generator.data import SourceFile
from generator.ingest import split_front_matter
from tests.conftest import SEEDS

CASES = Path(__file__).parent / "cases"
FILES = sorted(CASES.glob("*.yml"))
FIELDS = ("title", "publisher", "published", "authors", "paragraphs")
CHECKS = {*FIELDS, "dropped", "dropped_includes", "not_in_paragraphs"}


@pytest.fixture(scope="module")
def rules() -> Rules:
    registry, _ = load_registry(SEEDS)
    return Rules.from_curated(registry.boilerplate)


def source(text: str) -> SourceFile:
    front, body, offset, problem = split_front_matter(text, "articles/t.txt")
    assert problem is None
    return SourceFile("t", "articles/t.txt", "0" * 64, body, offset, front)


def test_there_are_cases():
    assert len(FILES) >= 15


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_clean_case(rules, path: Path):
    case = yamlio.load(path.read_text("utf-8"))
    assert set(case) == {"text", "expect"}, sorted(case)
    expect = case["expect"]
    assert set(expect) <= CHECKS, sorted(set(expect) - CHECKS)
    article = clean(source(case["text"]), rules)
    for field in FIELDS:
        if field in expect:
            wanted = expect[field]
            if isinstance(wanted, datetime.date):  # an unquoted date in a case file
                wanted = wanted.isoformat()
            if isinstance(wanted, list):
                wanted = tuple(wanted)
            assert getattr(article, field) == wanted, field
    if "dropped" in expect:
        assert [(d.line, d.text) for d in article.dropped] == [
            (d["line"], d["text"]) for d in expect["dropped"]
        ]
    reasons = {d.text: d.reason for d in article.dropped}
    for dropped in expect.get("dropped_includes", []):
        assert dropped["text"] in reasons, dropped["text"]
        if "reason" in dropped:
            assert reasons[dropped["text"]] == dropped["reason"], dropped["text"]
    for line in expect.get("not_in_paragraphs", []):
        assert line not in article.paragraphs, line
