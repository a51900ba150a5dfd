"""evaluate on the real-article sets: topics outside the taxonomy, splits, events on the day."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.tools.evaluate.gold import GoldTopic, load_gold
from generator.tools.evaluate.match import topic_match
from generator.tools.evaluate.report import format_splits, load_splits
from generator.tools.evaluate.score import ArticleReport, Report, Score

REPO = Path(__file__).resolve().parents[2]


def test_a_topic_matches_an_issue_by_any_of_its_names():
    names = ("haiti gang violence", "gang violence in haiti", "haiti crisis")
    assert topic_match(names, ["haiti-gangs", "Gang violence in Haiti"])
    assert topic_match(("war in sudan", "sudan war"), ["sudan-conflict", "Sudan war"])
    assert not topic_match(names, ["haiti-elections", "Elections in Haiti"])
    assert not topic_match(("sudan war",), ["Ukraine war"])


def test_a_country_named_by_its_demonym_is_the_same_place():
    """An issue found automatically is named after the country ("Germany government crisis");
    a gold topic may use the demonym ("german government crisis"): the same thing. A wrong
    country or a wrong kind of topic still fails."""
    gold = ("german government crisis", "collapse of the german coalition")
    assert topic_match(gold, ["germany-government-crisis", "Germany government crisis"])
    assert topic_match(("turkish-american relations",), ["x", "Türkiye–United States relations"])
    assert not topic_match(gold, ["france-government-crisis", "France government crisis"])
    assert not topic_match(gold, ["germany-relations", "Germany–France relations"])
    assert not topic_match(("german government crisis",), ["germany", "Germany"])


def test_gold_reads_topics_beside_ids(tmp_path):
    (tmp_path / "a.yml").write_text(
        yaml.safe_dump(
            {
                "issues": ["trade", {"topic": "haiti gang violence", "also": ["haiti crisis"]}],
                "quotes": [],
                "events": [],
            }
        ),
        "utf-8",
    )
    gold = load_gold(tmp_path)["a"]
    assert gold.issues == ("trade", GoldTopic("haiti gang violence", ("haiti crisis",)))


def test_splits_come_from_the_manifest_and_each_gets_its_line(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "manifest.yml").write_text(
        yaml.safe_dump([{"id": "a", "split": "dev"}, {"id": "b", "split": "holdout"}]), "utf-8"
    )
    splits = load_splits(tmp_path / "gold")
    assert splits == {"dev": {"a"}, "holdout": {"b"}}
    a = ArticleReport("a", "a", scores={"people": Score(2, 0, 0)}, right_day=(1, 2))
    b = ArticleReport("b", "b", scores={"people": Score(0, 1, 1)}, right_day=(0, 1))
    text = format_splits(Report("ours", [a, b]), splits)
    lines = {line.split()[0]: line for line in text.splitlines()[3:]}
    assert "1.00" in lines["dev"] and "1/2" in lines["dev"]
    assert "0.00" in lines["holdout"] and "0/1" in lines["holdout"]
    assert "1/3" in lines["all"]


def test_the_real_development_set_is_split_with_a_third_held_out():
    splits = load_splits(REPO / "tests/realworld/gold")
    total = sum(len(s) for s in splits.values())
    assert set(splits) == {"dev", "holdout"}
    assert len(splits["holdout"]) * 3 >= total >= 60
    gold = load_gold(REPO / "tests/realworld/gold")
    assert set(gold) == splits["dev"] | splits["holdout"]


@pytest.mark.parametrize("script", ["tests/realworld/check.py", "tests/fulltext/check.py"])
def test_the_real_sets_manifests_and_gold_are_well_formed(script):
    """Run as a contributor would; without the texts (not in git) the gold's form is checked."""
    result = subprocess.run(
        [sys.executable, script], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
