"""Event rules (extract/events/) on sentences written for the purpose, one case per file in
``cases/events/``.

A case holds one article and what must be true of the events extracted from it::

    text: President Emmanuel Macron flew to Warsaw on Monday to meet Prime Minister Donald Tusk.
    published: '2024-05-08'        # the article's date, or null; quote it (YAML reads dates)
    title: Title                   # optional
    expect:
    - contains: {kind: visit, participants: [Emmanuel Macron], date: '2024-05-06'}
    - where: {kind: meeting}
      first: {participants: [Emmanuel Macron, Donald Tusk]}

An event has the fields ``kind``, ``participants`` (compared as a set; a short form counts as the
full name it stands for), ``date`` (the ISO start, or null), ``place`` and ``forums`` (the forum
mentions' text, in order). A pattern names some of them; an event matches it when every field
named is equal. Each expectation first selects events (all of them, or those matching ``where``,
in which a list of kinds means any of them, less those matching ``unless``), then asserts one of:

- ``contains: pattern`` — some selected event matches;
- ``first: pattern`` — there is a selected event, and the first one matches;
- ``all: pattern`` — every selected event matches;
- ``exactly: [pattern, ...]`` — the selected events, reduced to the fields the patterns name, are
  the patterns, in order (``any_order: true``: in any order); ``exactly: []`` — there are none;
- ``any_of: [expectation, ...]`` — one of the expectations holds.

``why`` is a note shown when the expectation fails. Add a case by adding a file: its name is the
test's id.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from generator import yamlio
from generator.data import CleanArticle, SourceFile
from generator.extract import extract_doc

CASES = Path(__file__).parent / "cases" / "events"
FIELDS = ("kind", "participants", "date", "place", "forums")
CHECKS = ("contains", "first", "all", "exactly", "any_of")


def events_of(tools, text: str, published: str | None, title: str) -> list[dict[str, Any]]:
    """The fields of each event one article reports."""
    paragraphs = tuple(p.strip() for p in text.strip().split("\n\n"))
    source = SourceFile("a", "articles/a.txt", "0" * 64, text, 0)
    article = CleanArticle(source, title, None, (), published, paragraphs, ())
    extraction = extract_doc(article, tools.nlp(article.body), tools)
    mentions = extraction.mentions

    def who(i: int) -> str:
        return mentions[i].refers_to or mentions[i].text

    return [
        {
            "kind": e.kind,
            "participants": frozenset(who(i) for i in e.participants),
            "date": e.date.start if e.date else None,
            "place": e.place,
            "forums": [mentions[i].text for i in e.forum_mentions],
        }
        for e in extraction.events
    ]


def _value(field: str, value: Any) -> Any:
    if isinstance(value, datetime.date):  # an unquoted date in a case file
        value = value.isoformat()
    if field == "participants":
        return frozenset(value)
    return value


def _pattern(pattern: dict[str, Any]) -> dict[str, Any]:
    unknown = set(pattern) - set(FIELDS)
    assert not unknown, f"unknown event fields {sorted(unknown)}"
    return {field: _value(field, value) for field, value in pattern.items()}


def _matches(event: dict[str, Any], pattern: dict[str, Any]) -> bool:
    return all(event[field] == value for field, value in _pattern(pattern).items())


def _selected(events: list[dict], where: dict | None, unless: dict | None) -> list[dict]:
    def chosen(event: dict) -> bool:
        for field, value in (where or {}).items():
            if field == "kind" and isinstance(value, list):
                if event["kind"] not in value:
                    return False
            elif not _matches(event, {field: value}):
                return False
        return not (unless and _matches(event, unless))

    return [e for e in events if chosen(e)]


def _sort_key(event: dict[str, Any]) -> str:
    return repr(sorted((k, sorted(v) if isinstance(v, frozenset) else v) for k, v in event.items()))


def failures(events: list[dict[str, Any]], expect: dict[str, Any]) -> list[str]:
    """What is wrong with the events for one expectation (nothing when it holds)."""
    known = {*CHECKS, "where", "unless", "any_order", "why"}
    assert not set(expect) - known, f"unknown keys {sorted(set(expect) - known)}"
    checks = [c for c in CHECKS if c in expect]
    assert len(checks) == 1, f"one of {CHECKS} per expectation: {expect}"
    check, wanted = checks[0], expect[checks[0]]
    if check == "any_of":
        found = [failures(events, alternative) for alternative in wanted]
        return [] if any(not f for f in found) else [f"none of: {found}"]
    chosen = _selected(events, expect.get("where"), expect.get("unless"))
    if check == "contains":
        ok = any(_matches(e, wanted) for e in chosen)
    elif check == "first":
        ok = bool(chosen) and _matches(chosen[0], wanted)
    elif check == "all":
        ok = all(_matches(e, wanted) for e in chosen)
    else:  # exactly
        patterns = [_pattern(p) for p in wanted]
        fields = sorted({f for p in patterns for f in p})
        reduced = [{f: e[f] for f in fields} for e in chosen]
        if expect.get("any_order"):
            reduced, patterns = sorted(reduced, key=_sort_key), sorted(patterns, key=_sort_key)
        ok = reduced == patterns
    if ok:
        return []
    note = f" ({expect['why']})" if "why" in expect else ""
    return [f"{check} {wanted} does not hold of {chosen}{note}"]


def load_case(path: Path) -> dict[str, Any]:
    case = yamlio.load(path.read_text("utf-8"))
    assert set(case) <= {"text", "published", "title", "expect"}, sorted(case)
    published = case.get("published")
    if isinstance(published, datetime.date):
        published = published.isoformat()
    return {
        "text": case["text"],
        "published": published,
        "title": case.get("title", "Title"),
        "expect": case["expect"],
    }


FILES = sorted(CASES.glob("*.yml"))


def test_there_are_cases():
    assert len(FILES) >= 58


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_event_case(tools, path: Path):
    case = load_case(path)
    events = events_of(tools, case["text"], case["published"], case["title"])
    problems = [problem for expect in case["expect"] for problem in failures(events, expect)]
    assert not problems, "\n".join(problems)
