"""Mistakes in curated files are problems, not tracebacks, and leave the rest loaded
(``docs/reliability.md``, part 4).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.curated.check import check
from generator.curated.registry import CURATED_FILES, Registry, load_registry
from tests.conftest import SEEDS, write_article
from tests.robustness import GOOD_ARTICLE

CURATED_MISTAKES = {
    "top-level-list": "- a\n- b\n",
    "top-level-scalar": "just a sentence\n",
    "top-level-number": "42\n",
    "mapping-instead-of-list": "{stem}:\n  id: x\n  name: X\n",
    "list-of-scalars": "{stem}:\n  - 1\n  - two\n",
    "null-entries": "{stem}:\n  - null\n  - ~\n",
    "duplicate-ids": "{stem}:\n  - id: dup\n    name: Dup One\n  - id: dup\n    name: Dup Two\n",
    "tab-indentation": "{stem}:\n\t- id: x\n",
    "non-utf8": "{stem}:\n  - id: cafe\n    name: Caf\xe9\n",
    "binary": "\x00\x01\x02\x89PNG",
    "integer-keys": "{stem}:\n  - {{1: 2}}\n",
    "unknown-top-level-key": "{stem}: []\nsurprise: 1\n",
}
# duplicate ids only mean something in the files whose entries have ids
_NO_IDS = {"titles", "boilerplate", "merges", "suppressions"}


def _curated_cases():
    for stem in CURATED_FILES:
        for case, text in CURATED_MISTAKES.items():
            if case == "duplicate-ids" and stem in _NO_IDS:
                continue
            yield pytest.param(stem, text, id=f"{stem}-{case}")
    for case, patterns in {
        "unclosed-group": ["([unclosed"],
        "nothing-to-repeat": ["*star"],
        "duplicate-group-name": ["(?P<x>a)(?P<x>b)"],
        "bad-escape": ["\\p{L}"],
    }.items():
        text = "lines:\n" + "".join(f"  - {json.dumps(p)}\n" for p in patterns)
        yield pytest.param("boilerplate", text, id=f"boilerplate-regex-{case}")


@pytest.fixture(scope="module")
def seeds_template(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("curated") / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def _seeds_with_only(tmp_path: Path, stem: str, raw: bytes) -> Path:
    """A small seeds folder: one good article and one curated file (the broken one), so the
    matrix of mistakes × files stays fast; the full files are broken in the next test."""
    seeds = tmp_path / "seeds"
    write_article(seeds, "good.txt", GOOD_ARTICLE)
    (seeds / "curated").mkdir()
    (seeds / "curated" / f"{stem}.yml").write_bytes(raw)
    return seeds


@pytest.mark.parametrize(("stem", "text"), list(_curated_cases()))
def test_curated_mistakes_are_problems_not_tracebacks(tmp_path: Path, stem: str, text: str):
    rel = f"curated/{stem}.yml"
    seeds = _seeds_with_only(tmp_path, stem, text.replace("{stem}", stem).encode("latin-1"))
    registry, problems = load_registry(seeds)  # must not raise
    checked = check(seeds)  # must not raise
    assert problems and checked, f"{rel}: the mistake was not reported"
    ours = [p for p in checked if p.path == rel]
    assert ours, [str(p) for p in checked]
    for problem in ours:
        assert "\n" not in str(problem) and problem.message
    assert len({str(p) for p in ours}) == len(ours), "one message per problem, no repeats"
    assert isinstance(registry, Registry)


def test_curated_mistakes_leave_the_rest_loaded(tmp_path: Path, seeds_template: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_template, seeds)
    curated = seeds / "curated"
    with (curated / "people.yml").open("a", encoding="utf-8") as f:
        f.write("  - null\n  - id: xi-jinping\n    name: Second Xi\n  - [not, a, mapping]\n")
    with (curated / "countries.yml").open("a", encoding="utf-8") as f:
        f.write("  - id: Bad Id\n    name: 7\n")
    boilerplate = (curated / "boilerplate.yml").read_text("utf-8")
    boilerplate = boilerplate.replace("\nlines:\n", "\nlines:\n  - '(unclosed'\n  - '[z-a]'\n", 1)
    (curated / "boilerplate.yml").write_text(boilerplate, encoding="utf-8")
    (curated / "titles.yml").write_bytes(b"honorifics: [Caf\xe9]\n")
    registry, problems = load_registry(seeds)
    checked = check(seeds)
    files = {p.path for p in checked}
    broken = ("people", "countries", "titles", "boilerplate")
    assert {f"curated/{stem}.yml" for stem in broken} <= files
    assert len([p for p in checked if "bad regular expression" in p.message]) == 2
    assert {str(p) for p in problems} <= {str(p) for p in checked}
    assert len({str(p) for p in checked}) == len(checked)
    # the valid entries of every broken file still load
    assert registry.get("person:xi-jinping").name == "Xi Jinping"
    assert registry.get("person:lloyd-austin") is not None
    assert registry.get("country:japan") is not None
    assert registry.boilerplate["lines"]


@pytest.mark.parametrize(
    "text",
    ["honorifics: &a [*a]\n", "a: &a [x, x]\nb: &b [*a, *a]\nranks: [*b, *b]\n"],
    ids=["recursive anchor", "alias bomb"],
)
def test_curated_yaml_aliases_are_problems_not_tracebacks(
    tmp_path: Path, seeds_template: Path, text: str
):
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_template, seeds)
    (seeds / "curated" / "titles.yml").write_text(text, encoding="utf-8")
    _, problems = load_registry(seeds)
    assert [str(p) for p in problems] == [
        "curated/titles.yml:1: YAML anchors and aliases (& and *) are not allowed"
    ]
