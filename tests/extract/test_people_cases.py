"""Which names are people (extract/name_types.py, aggregate/name_types.py; issue #13), on text
written for these tests, one case per file in ``cases/people/``.

A case builds its ``texts`` (one article each) through the whole pipeline and checks:

- ``people``: names that must each be the name of a person;
- ``not_people``: strings no person may be named or aliased as (casefolded);
- ``aliases_not``: for a person, aliases it must not have;
- ``aliases_of``: for a person, aliases it must have (another form joined to it);
- ``articles_of``: for a person, in how many articles it must be found.

``why`` says what the case is about and shows when it fails. Add a case by adding a file: its name
is the test's id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import yamlio

CASES = Path(__file__).parent / "cases" / "people"
FILES = sorted(CASES.glob("*.yml"))
KEYS = {"why", "texts", "people", "not_people", "aliases_not", "aliases_of", "articles_of"}


def load_case(path: Path) -> dict[str, Any]:
    case = yamlio.load(path.read_text("utf-8"))
    assert set(case) <= KEYS, sorted(set(case) - KEYS)
    assert case.get("texts") and case.get("why")
    return case


def people_of(result) -> dict[str, dict[str, Any]]:
    """Person records by name."""
    found = {}
    for path, text in result.records.items():
        if path.startswith("people/"):
            record = yamlio.load(text)
            found[record["name"]] = record
    return found


def test_there_are_cases():
    assert len(FILES) >= 7


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_people_case(path: Path, build_case):
    case = load_case(path)
    why = case["why"]
    result = build_case({f"{n:02d}.txt": text for n, text in enumerate(case["texts"], 1)})
    people = people_of(result)
    for name in case.get("people", []):
        assert name in people, f"{name!r} is no person ({sorted(people)}): {why}"
    written = {
        n.casefold(): name
        for name, record in people.items()
        for n in [name, *(record.get("aliases") or [])]
    }
    for text in case.get("not_people", []):
        assert text.casefold() not in written, f"{text!r} names {written[text.casefold()]}: {why}"
    for name, aliases in (case.get("aliases_not") or {}).items():
        assert not set(aliases) & set(people[name].get("aliases") or []), why
    for name, aliases in (case.get("aliases_of") or {}).items():
        missing = set(aliases) - set(people[name].get("aliases") or [])
        assert not missing, f"{name!r} lacks {sorted(missing)} ({sorted(people)}): {why}"
    for name, count in (case.get("articles_of") or {}).items():
        assert len(people[name]["mentions"]) == count, why
