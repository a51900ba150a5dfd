"""Which issues an article is about (extract/cues.py, extract/place_topics.py, link.py; issue
#13), on text written for these tests, one case per file in ``cases/issues/``.

A case builds its ``texts`` (one article each) through the whole pipeline and checks:

- ``issues``: issues that must be found, each by its id (a curated issue) or its name (one found
  automatically): a list for the whole build, or a map from an article's number (1, 2, ...) to
  the issues of that article;
- ``not_issues``: ids or names no issue may have, in the same two forms.

``why`` says what the case is about and shows when it fails. Add a case by adding a file: its name
is the test's id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import yamlio

CASES = Path(__file__).parent / "cases" / "issues"
FILES = sorted(CASES.glob("*.yml"))
KEYS = {"why", "texts", "issues", "not_issues"}


def load_case(path: Path) -> dict[str, Any]:
    case = yamlio.load(path.read_text("utf-8"))
    assert set(case) <= KEYS, sorted(set(case) - KEYS)
    assert case.get("texts") and case.get("why")
    assert case.get("issues") or case.get("not_issues")
    return case


def issues_of(result) -> dict[str, str]:
    """Issue id -> name, for every issue the build published."""
    found = {}
    for path, text in result.records.items():
        if path.startswith("issues/"):
            record = yamlio.load(text)
            found[record["id"]] = record["name"]
    return found


def article_issues(result) -> dict[int, set[str]]:
    """Article number -> the ids and names of its issues."""
    names = issues_of(result)
    out: dict[int, set[str]] = {}
    for path, text in result.records.items():
        if path.startswith("articles/"):
            record = yamlio.load(text)
            number = int(Path(record["source"]["path"]).stem)
            ids = record.get("entities", {}).get("issues") or []
            out[number] = set(ids) | {names[i] for i in ids if i in names}
    return out


def by_article(wanted: Any, everywhere: set[str], per_article: dict[int, set[str]]):
    """(issue, where, the issues found there) for a list (the whole build) or a map (articles)."""
    if isinstance(wanted, dict):
        for number, items in wanted.items():
            for item in items:
                yield item, f"article {number}", per_article.get(int(number), set())
    else:
        for item in wanted or []:
            yield item, "the build", everywhere


def test_there_are_cases():
    assert len(FILES) >= 5


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_issue_case(path: Path, build_case):
    case = load_case(path)
    why = case["why"]
    result = build_case({f"{n:02d}.txt": text for n, text in enumerate(case["texts"], 1)})
    found = issues_of(result)
    everywhere = set(found) | set(found.values())
    per_article = article_issues(result)
    for wanted, where, known in by_article(case.get("issues"), everywhere, per_article):
        assert wanted in known, f"{wanted!r} is no issue of {where} ({sorted(known)}): {why}"
    for unwanted, where, known in by_article(case.get("not_issues"), everywhere, per_article):
        assert unwanted not in known, f"{unwanted!r} is an issue of {where}: {why}"
