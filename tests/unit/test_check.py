"""`python -m generator check`: one `file:line: message` per problem in curated data or articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check import check
from generator.models import EntityType
from generator.registry import load_registry
from tests.conftest import SEEDS, write_article


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def messages(seeds: Path) -> list[str]:
    return [str(p) for p in check(seeds)]


def test_the_repository_seeds_are_clean():
    assert messages(SEEDS) == []


def append(path: Path, text: str) -> int:
    """Append text to a file; return the line number the text starts on."""
    lines = path.read_text("utf-8").count("\n")
    with path.open("a", encoding="utf-8") as f:
        f.write(text)
    return lines + 1


def test_yaml_syntax_error(seeds):
    line = append(seeds / "curated/people.yml", "  - id: broken\n    name: [unclosed\n")
    assert messages(seeds) == [
        f"curated/people.yml:{line + 1}: YAML syntax error: did not find expected ',' or ']'"
    ]


def test_unknown_key(seeds):
    line = append(
        seeds / "curated/people.yml", "  - id: jane-roe\n    name: Jane Roe\n    nickname: JR\n"
    )
    count = len(load_registry(SEEDS)[0].of_type(EntityType.PERSON))
    assert messages(seeds) == [
        f"curated/people.yml:{line + 2}: people/{count}: unknown key 'nickname' (allowed: "
        "aliases, country, description, id, name, native_name, roles, wikidata)"
    ]


def test_wrong_type(seeds):
    line = append(
        seeds / "curated/people.yml", "  - id: jane-roe\n    name: Jane Roe\n    aliases: Jane\n"
    )
    found = messages(seeds)
    assert len(found) == 1
    assert found[0].startswith(f"curated/people.yml:{line + 2}: ")
    assert found[0].endswith("aliases: expected array, got str")


def test_alias_claimed_by_two_entities(seeds):
    line = append(
        seeds / "curated/forums.yml", "  - id: my-forum\n    name: My Forum\n    aliases: [ASEAN]\n"
    )
    found = messages(seeds)
    assert len(found) == 1
    assert found[0].startswith(
        f"curated/forums.yml:{line}: alias 'ASEAN' of 'my-forum' is also "
        "claimed by 'asean' (curated/forums.yml:"
    )


def test_merge_naming_missing_entity(seeds):
    (seeds / "curated/merges.yml").write_text(
        "merges:\n  - into: person:nobody-here\n    names: [Somebody]\n", encoding="utf-8"
    )
    assert messages(seeds) == [
        "curated/merges.yml:2: merge #1: 'into' names 'person:nobody-here', which is not a "
        "curated entity (add it to the curated file of its type first)"
    ]


def test_bad_front_matter_in_article(seeds):
    write_article(seeds, "x.txt", "---\ntitle: T\npublished: soon\n---\nBody text.\n")
    assert messages(seeds) == [
        "articles/x.txt:3: front matter: 'published' must be a date as YYYY-MM-DD"
    ]


def test_undecodable_article(seeds):
    write_article(seeds, "latin.txt", "Caf\u00e9".encode("latin-1"))
    assert messages(seeds) == [
        "articles/latin.txt: not UTF-8 (byte 0xe9 on line 1); re-save the file as UTF-8; skipped"
    ]


def test_broken_entries_are_dropped_but_the_rest_load(seeds):
    append(seeds / "curated/people.yml", "  - id: Bad Id\n    name: X\n")
    registry, problems = load_registry(seeds)
    assert problems
    assert registry.get("person:xi-jinping") is not None
