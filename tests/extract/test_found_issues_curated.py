"""An issue found automatically (a topic named by place, a country's government crisis) is
published as found, not curated, with its confidence; the curated data stays in charge of it: a
suppression removes it and a merge makes it a curated issue (issue #13)."""

from __future__ import annotations

from pathlib import Path

from generator import yamlio
from generator.build import build
from generator.config import BuildConfig
from tests.conftest import make_seeds

FALL = (
    "Government falls in Tallinn\n\n"
    "Estonia's government fell on Wednesday after lawmakers backed a motion of no confidence.\n\n"
    "The collapse of the ruling coalition leaves the Estonian president to name a caretaker "
    "cabinet.\n"
)


def _issues(result) -> dict[str, dict]:
    return {
        record["id"]: record
        for path, text in result.records.items()
        if path.startswith("issues/")
        for record in [yamlio.load(text)]
    }


def _curate(seeds: Path, file: str, empty: str, entry: str) -> None:
    path = seeds / "curated" / file
    path.write_text(path.read_text("utf-8").replace(empty, entry), "utf-8")


def test_an_issue_found_by_place_is_published_as_found(build_case):
    issue = _issues(build_case({"a.txt": FALL}))["estonia-government-crisis"]
    assert (issue["name"], issue["curated"], issue["confidence"]) == (
        "Estonia government crisis",
        False,
        0.6,
    )


def test_a_suppression_removes_an_issue_found_automatically(tmp_path, tools):
    seeds = make_seeds(tmp_path, {"a.txt": FALL})
    _curate(
        seeds,
        "suppressions.yml",
        "suppressions: []",
        "suppressions:\n  - name: Estonia government crisis\n    type: issue\n    reason: a test\n",
    )
    issues = _issues(build(BuildConfig(seeds=seeds), tools=tools))
    assert "estonia-government-crisis" not in issues


def test_a_merge_makes_an_issue_found_automatically_a_curated_one(tmp_path, tools):
    seeds = make_seeds(tmp_path, {"a.txt": FALL})
    _curate(
        seeds,
        "merges.yml",
        "merges: []",
        "merges:\n  - into: issue:elections-and-democracy\n"
        "    names: [Estonia government crisis]\n    reason: a test\n",
    )
    issues = _issues(build(BuildConfig(seeds=seeds), tools=tools))
    assert "estonia-government-crisis" not in issues
    assert issues["elections-and-democracy"]["curated"] is True
