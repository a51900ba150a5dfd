"""Determinism: two builds give the same output, and no wall-clock time gets into it
(``docs/reliability.md``, part 5).
"""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from generator.build import BuildResult
from generator.extract import Tools
from generator.render.archive import MemberCache
from tests.conftest import REPO, SEEDS
from tests.robustness import build_seeds


def _archive(result: BuildResult) -> bytes:
    """The records archive the plugin publishes, made from scratch."""
    return MemberCache().archive({**result.records, **result.records_json})


def test_two_builds_give_identical_records_and_pages(
    tmp_path: Path, tools: Tools, seeds_build: BuildResult
):
    again = build_seeds(SEEDS, tools)
    moved = tmp_path / "elsewhere" / "seeds"
    shutil.copytree(SEEDS, moved)
    elsewhere = build_seeds(moved, tools)  # another folder: no absolute path leaks into output
    for other in (again, elsewhere):
        assert other.records == seeds_build.records
        assert other.records_json == seeds_build.records_json
        assert other.pages == seeds_build.pages
    assert _archive(again) == _archive(seeds_build)


def test_no_wall_clock_time_in_the_output(seeds_build: BuildResult):
    # The generator never reads the clock for what it writes (timings are measured, not written).
    for source in sorted((REPO / "generator").glob("*.py")):
        if source.name in ("bench.py", "evaluate.py"):  # reports for people, not the site
            continue
        text = source.read_text("utf-8")
        for call in ("datetime.now(", "date.today(", "datetime.today(", "utcnow(", "time.time("):
            assert call not in text, f"{source.name} calls {call}"
    # The records archive has fixed timestamps, so it is byte-stable.
    with zipfile.ZipFile(io.BytesIO(_archive(seeds_build))) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    for path, text in {**seeds_build.records, **seeds_build.pages}.items():
        assert today not in text, path
