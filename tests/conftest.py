"""Shared fixtures: one model load and one build of the seeds per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import BuildResult, build
from generator.config import BuildConfig, model_name
from generator.curated.registry import load_registry
from generator.extract import Tools, load_tools

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from the current build (review the diff before committing)",
    )


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


@pytest.fixture
def build_articles(tmp_path: Path, tools: Tools):
    """Build records from articles given as {file name: text}; returns the BuildResult."""

    def run(articles: dict[str, str]) -> BuildResult:
        return build(BuildConfig(seeds=make_seeds(tmp_path, articles)), tools=tools)

    return run
