"""Shared pieces of the robustness tests (``tests/*/test_robustness_*.py``): a good article,
every kind of bad one, and small builders."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import settings

from generator.build import BuildResult, build
from generator.config import DEFAULT_MAX_ARTICLE_BYTES, BuildConfig
from generator.data import Problem, SourceFile
from generator.extract import Tools
from generator.ingest import ingest
from tests.conftest import write_article

GOOD_ARTICLE = """\
Defense chiefs meet in Phnom Penh

U.S. Secretary of Defense Lloyd Austin met Chinese Defense Minister Wei Fenghe in Cambodia on \
Tuesday, officials in Washington and Beijing said.

The talks covered Taiwan and the South China Sea, and officials from Japan followed them closely.
"""
SAFE_PAGE = re.compile(r"(?:[a-z]+/)?[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|yml|json)")
SAFE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Derandomised: the same examples on every run, so a property test never fails by chance.
FAST = settings(max_examples=200, deadline=None, derandomize=True)


def build_seeds(seeds: Path, tools: Tools | None = None) -> BuildResult:
    """A build without the extraction cache, so the model really runs every time."""
    return build(BuildConfig(seeds=seeds, cache_dir=None), tools=tools)


def by_path(problems: list[Problem]) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = {}
    for problem in problems:
        out.setdefault(problem.path, []).append(problem)
    return out


def ingest_one(tmp_path: Path, name: str, raw: str | bytes) -> tuple[list, list[Problem]]:
    seeds = tmp_path / "seeds"
    write_article(seeds, name, raw)
    return ingest(seeds, DEFAULT_MAX_ARTICLE_BYTES)


def good_articles() -> dict[str, str]:
    return {"good.txt": GOOD_ARTICLE}


def add_bad_articles(seeds: Path, tmp_path: Path) -> dict[str, str]:
    """Every kind of bad article beside the good ones; returns {path: part of the reason}."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    write_article(seeds, "empty.txt", b"")
    write_article(seeds, "blank.txt", b" \n\t\r\n")
    write_article(seeds, "latin.txt", "Café in Paris, officials in Tokyo said.\n".encode("latin-1"))
    write_article(seeds, "cyrillic.txt", "Министр иностранных дел".encode("cp1251"))
    write_article(seeds, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write_article(seeds, "alias-bomb.txt", "---\n" + BILLION_LAUGHS + "---\nBody.\n")
    write_article(seeds, "tick`.txt", GOOD_ARTICLE)
    with (seeds / "articles" / "huge.txt").open("wb") as f:
        f.write(b"The minister met officials in Tokyo. " * (20 * 1024 * 1024 // 37 + 1))
    (seeds / "articles" / "passwd.txt").symlink_to(secret)
    return {
        "articles/empty.txt": "article is empty",
        "articles/blank.txt": "article is empty",
        "articles/latin.txt": "decoded as Windows-1252",
        "articles/cyrillic.txt": "not UTF-8",
        "articles/binary.txt": "binary file",
        "articles/alias-bomb.txt": "anchors and aliases",
        "articles/tick`.txt": "file name",
        "articles/huge.txt": "over the 2,000,000-byte limit",
        "articles/passwd.txt": "outside the seeds folder",
    }


BILLION_LAUGHS = "".join(
    [
        'title: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n',
        *(
            f"k{n}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n"
            for n in range(8)  # 9 ** 9 lols once expanded
        ),
    ]
)


def prop_source(text: str, front_matter: dict | None = None) -> SourceFile:
    return SourceFile(
        id="prop",
        path="articles/prop.txt",
        sha256="0" * 64,
        text=text,
        body_line_offset=0,
        front_matter=front_matter or {},
    )
