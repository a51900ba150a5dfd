"""Shared fixtures: one model load and one build of the seeds per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import BuildResult, build
from generator.config import BuildConfig, model_name
from generator.curated.registry import load_registry
from generator.extract import Tools, load_tools
from generator.memo import BuildMemo

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from the current build (review the diff before committing)",
    )
    parser.addoption(
        "--screenshots",
        action="store_true",
        help="also take the full-page screenshots of every page type (test-artifacts/screenshots)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Screenshots are for a person to look at and assert only that a file was written, so the
    default run leaves them out (80 test-seconds); ``--screenshots`` takes them."""
    if not config.getoption("--screenshots"):
        kept = [item for item in items if not item.get_closest_marker("screenshots")]
        if len(kept) < len(items):
            config.hook.pytest_deselected(items=[i for i in items if i not in kept])
            items[:] = kept
    _heavy_files_first(items)


def _heavy_files_first(items: list[pytest.Item]) -> None:
    """Files that build sites or drive the browser run first, the quick unit tests last.

    ``-n 2 --dist loadfile`` hands whole files to the two workers in collection order (with
    ``--no-loadscope-reorder``; xdist would otherwise order files by their number of tests, which
    put the one-test benchmark smoke run last). A heavy file handed out last keeps one worker busy
    for a minute while the other waits: the longest jobs first is the classic fix for that tail.
    The sort is stable: the order within a file is kept."""
    heavy = {
        item.path
        for item in items
        if item.get_closest_marker("slow") or item.get_closest_marker("browser")
    }
    items.sort(key=lambda item: item.path not in heavy)


@pytest.fixture(scope="session")
def tools() -> Tools:
    registry, _ = load_registry(SEEDS)
    return load_tools(registry, model_name())


@pytest.fixture(scope="session")
def seeds_build(tools: Tools) -> BuildResult:
    return build(BuildConfig(seeds=SEEDS), tools=tools)


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seeds folder a test may change."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def write_article(seeds: Path, name: str, text: str | bytes) -> Path:
    path = seeds / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def make_seeds(tmp_path: Path, articles: dict[str, str]) -> Path:
    """A seeds folder with the repository's curated data and the given articles."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS / "curated", seeds / "curated")
    for name, text in articles.items():
        write_article(seeds, name, text)
    return seeds


@pytest.fixture(scope="session")
def case_memo() -> BuildMemo:
    """One memo for a worker's extraction cases, as ``mkdocs serve`` keeps one: the curated data
    is loaded and checked once; each case's articles are new to it, so they run every stage."""
    return BuildMemo(None, keep_in_memory=True, keep_pages=False)


@pytest.fixture
def build_case(tmp_path: Path, tools: Tools, case_memo: BuildMemo):
    """Build the records (no pages) of articles given as {file name: text}."""

    def run(articles: dict[str, str]) -> BuildResult:
        config = BuildConfig(seeds=make_seeds(tmp_path, articles), cache_dir=None)
        return build(config, tools=tools, with_pages=False, memo=case_memo)

    return run


@pytest.fixture
def build_articles(tmp_path: Path, tools: Tools):
    """Build records from articles given as {file name: text}; returns the BuildResult."""

    def run(articles: dict[str, str]) -> BuildResult:
        return build(BuildConfig(seeds=make_seeds(tmp_path, articles)), tools=tools)

    return run


def rerun_alone(test_file: str, test_name: str) -> None:
    """Run one test again in a pytest process of its own, and assert it passed. For the tests of
    forked extraction: an earlier test of this worker may have left a thread (a served site, a
    Dask client), and forking is then refused (``workers.forking_available``)."""
    assert not os.environ.get("DOSSIER_FORK_TEST_ALONE"), "a thread even when alone"
    here = f"{Path(test_file).resolve().relative_to(REPO)}::{test_name}"
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", here],
        cwd=REPO,
        env={**os.environ, "DOSSIER_FORK_TEST_ALONE": "1"},
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "1 passed" in proc.stdout
