"""`python -m generator check`: one `file:line: message` per problem in curated data or articles.

Every kind of problem `check` reports has a test here that asserts its exact message.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import pytest

from generator import cli, ingest
from generator.curated.check import check
from generator.curated.registry import CURATED_FILES, SCHEMA_LINE, load_registry
from generator.data import EntityType
from tests.conftest import SEEDS, write_article

PEOPLE_KEYS = "aliases, country, description, id, name, native_name, roles, wikidata"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def messages(seeds: Path, **kwargs) -> list[str]:
    return [str(p) for p in check(seeds, **kwargs)]


def append(path: Path, text: str) -> int:
    """Append text to a file; return the line number the text starts on."""
    lines = path.read_text("utf-8").count("\n")
    with path.open("a", encoding="utf-8") as f:
        f.write(text)
    return lines + 1


def line_of(path: Path, text: str) -> int:
    """1-based number of the first line of a file that equals ``text`` once stripped."""
    for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if line.strip() == text:
            return n
    raise AssertionError(f"{text!r} not in {path}")


def write_curated(seeds: Path, stem: str, body: str) -> Path:
    """Write a curated file with its schema line on top; the body starts on line 2."""
    path = seeds / "curated" / f"{stem}.yml"
    path.write_text(SCHEMA_LINE.format(stem=stem) + "\n" + body, encoding="utf-8")
    return path


@functools.cache  # the repository's seeds do not change during a run
def person_count() -> int:
    return len(load_registry(SEEDS)[0].of_type(EntityType.PERSON))


# --- the repository ---------------------------------------------------------------------------


def test_the_repository_seeds_are_clean():
    assert messages(SEEDS) == []


def test_every_curated_file_exists_with_its_schema_line_and_schema():
    schemas = Path(__file__).resolve().parents[2] / "generator" / "curated" / "schemas"
    for stem in CURATED_FILES:
        path = SEEDS / "curated" / f"{stem}.yml"
        assert path.is_file(), path
        assert path.read_text("utf-8").splitlines()[0] == SCHEMA_LINE.format(stem=stem)
        assert (schemas / f"{stem}.schema.json").is_file()


def test_cli_check_prints_problems_and_exits_non_zero(seeds, capsys):
    write_article(seeds, "x.txt", "---\ntitle: T\npublished: soon\n---\nBody text.\n")
    assert cli.main(["check", "--seeds", str(seeds)]) == 1
    out = capsys.readouterr()
    assert out.out == "articles/x.txt:3: front matter: 'published' must be a date as YYYY-MM-DD\n"
    assert "1 error(s), 0 warning(s)" in out.err
    assert cli.main(["check", "--seeds", str(SEEDS)]) == 0


# --- curated files: syntax and schema ---------------------------------------------------------


def test_yaml_syntax_error(seeds):
    line = append(seeds / "curated/people.yml", "  - id: broken\n    name: [unclosed\n")
    assert messages(seeds) == [
        f"curated/people.yml:{line + 1}: YAML syntax error: did not find expected ',' or ']'"
    ]


def test_curated_file_not_utf8(seeds):
    (seeds / "curated/titles.yml").write_bytes(
        SCHEMA_LINE.format(stem="titles").encode() + b"\nhonorifics: [Se\xf1or]\n"
    )
    assert messages(seeds) == ["curated/titles.yml:2: not UTF-8"]


def test_unknown_curated_file(seeds):
    (seeds / "curated/events.yml").write_text("events: []\n", encoding="utf-8")
    assert messages(seeds) == [
        "curated/events.yml: unknown curated file (expected one of: bodies.yml, "
        "boilerplate.yml, countries.yml, forums.yml, issues.yml, merges.yml, "
        "name_types.yml, organizations.yml, people.yml, suppressions.yml, titles.yml)"
    ]


def test_missing_schema_line(seeds):
    path = seeds / "curated/merges.yml"
    path.write_text("merges: []\n", encoding="utf-8")
    assert messages(seeds) == [
        "curated/merges.yml:1: the first line must be '# yaml-language-server: "
        "$schema=../../generator/curated/schemas/merges.schema.json', which ties the file to its schema"
    ]


def test_unknown_key(seeds):
    line = append(
        seeds / "curated/people.yml", "  - id: jane-roe\n    name: Jane Roe\n    nickname: JR\n"
    )
    assert messages(seeds) == [
        f"curated/people.yml:{line + 2}: people/{person_count()}: unknown key 'nickname' "
        f"(allowed: {PEOPLE_KEYS})"
    ]


def test_unknown_top_level_key(seeds):
    line = append(seeds / "curated/people.yml", "persons: []\n")
    assert messages(seeds) == [
        f"curated/people.yml:{line}: top level: unknown key 'persons' (allowed: people)"
    ]


def test_wrong_type(seeds):
    line = append(
        seeds / "curated/people.yml", "  - id: jane-roe\n    name: Jane Roe\n    aliases: Jane\n"
    )
    assert messages(seeds) == [
        f"curated/people.yml:{line + 2}: people/{person_count()}/aliases: expected array, got str"
    ]


def test_wrong_type_at_top_level(seeds):
    write_curated(seeds, "suppressions", "- name: Defense\n")
    assert messages(seeds) == ["curated/suppressions.yml:2: top level: expected object, got list"]


def test_missing_required_key(seeds):
    line = append(seeds / "curated/people.yml", "  - id: jane-roe\n")
    assert messages(seeds) == [
        f"curated/people.yml:{line}: people/{person_count()}: 'name' is a required property"
    ]


def test_value_not_matching_its_pattern(seeds):
    line = append(seeds / "curated/people.yml", "  - id: Jane Roe\n    name: Jane Roe\n")
    assert messages(seeds) == [
        f"curated/people.yml:{line}: people/{person_count()}/id: "
        "'Jane Roe' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'"
    ]


def test_value_not_in_its_enum(seeds):
    write_curated(seeds, "suppressions", "suppressions:\n  - name: Defense\n    type: ministry\n")
    assert messages(seeds) == [
        "curated/suppressions.yml:4: suppressions/0/type: 'ministry' is not one of "
        "['person', 'country', 'forum', 'issue', 'organization']"
    ]


def test_broken_entries_are_dropped_but_the_rest_load(seeds):
    append(seeds / "curated/people.yml", "  - id: Bad Id\n    name: X\n")
    registry, problems = load_registry(seeds)
    assert problems
    assert registry.get("person:xi-jinping") is not None


# --- curated files: entries and references ----------------------------------------------------


def test_duplicate_id(seeds):
    path = seeds / "curated/people.yml"
    first = line_of(path, "- id: xi-jinping")
    line = append(path, "  - id: xi-jinping\n    name: Another Xi\n")
    assert messages(seeds) == [
        f"curated/people.yml:{line}: id 'xi-jinping' is already used at curated/people.yml:{first}"
    ]


def test_alias_claimed_by_two_entities(seeds):
    path = seeds / "curated/forums.yml"
    asean = line_of(path, "- id: asean")
    line = append(path, "  - id: my-forum\n    name: My Forum\n    aliases: [ASEAN]\n")
    assert messages(seeds) == [
        f"curated/forums.yml:{line}: alias 'ASEAN' of 'my-forum' is also claimed by 'asean' "
        f"(curated/forums.yml:{asean})"
    ]


def test_key_given_twice(seeds):
    line = append(seeds / "curated/boilerplate.yml", "captions:\n  - 'x'\n")
    found = messages(seeds)
    assert len(found) == 1
    assert found[0].startswith(f"curated/boilerplate.yml:{line}: key 'captions' is given twice")


def test_bad_regular_expression(seeds):
    path = seeds / "curated/boilerplate.yml"
    path.write_text(path.read_text("utf-8").replace("captions:\n", "captions:\n  - '^(photo'\n"))
    assert messages(seeds) == [
        "curated/boilerplate.yml: captions: bad regular expression '^(photo': "
        "missing ), unterminated subpattern at position 1"
    ]


def test_unknown_country(seeds):
    line = append(
        seeds / "curated/people.yml",
        "  - id: jane-roe\n    name: Jane Roe\n    country: atlantis\n",
    )
    assert messages(seeds) == [
        f"curated/people.yml:{line}: jane-roe: country 'atlantis' is not in curated/countries.yml"
    ]


def test_unknown_forum_member(seeds):
    line = append(
        seeds / "curated/forums.yml",
        "  - id: my-forum\n    name: My Forum\n    members: [cambodia, atlantis]\n",
    )
    assert messages(seeds) == [
        f"curated/forums.yml:{line}: my-forum: member 'atlantis' is not a known country"
    ]


def test_unknown_country_a_short_name_stands_for(seeds):
    line = append(
        seeds / "curated/countries.yml",
        "  - id: guinea-land\n    name: Guinealand\n    stands_for: [guinea, atlantis]\n",
    )
    assert messages(seeds) == [
        f"curated/countries.yml:{line}: guinea-land: stands_for 'atlantis' is not a known country"
    ]


def test_unknown_forum_parent(seeds):
    line = append(
        seeds / "curated/forums.yml",
        "  - id: my-forum\n    name: My Forum\n    parent: nato-plus\n",
    )
    assert messages(seeds) == [
        f"curated/forums.yml:{line}: my-forum: parent 'nato-plus' is not in curated/forums.yml"
    ]


def test_unknown_body(seeds):
    line = append(
        seeds / "curated/organizations.yml",
        "  - id: my-ministry\n    name: My Ministry\n    kind: government\n    body: ministry-of-magic\n",
    )
    assert messages(seeds) == [
        f"curated/organizations.yml:{line}: my-ministry: body 'ministry-of-magic' is not in "
        "curated/bodies.yml"
    ]


# --- merges and suppressions ------------------------------------------------------------------


def test_merge_naming_missing_entity(seeds):
    write_curated(seeds, "merges", "merges:\n  - into: person:nobody-here\n    names: [Somebody]\n")
    assert messages(seeds) == [
        "curated/merges.yml:3: merge #1: 'into' names 'person:nobody-here', which is not a "
        "curated entity (add it to the curated file of its type first)"
    ]


def test_merge_taking_an_alias_of_another_entity(seeds):
    biden = line_of(seeds / "curated/people.yml", "- id: joe-biden")
    write_curated(
        seeds,
        "merges",
        "merges:\n  - into: person:xi-jinping\n    names: [Xi Jin-ping, Biden]\n",
    )
    assert messages(seeds) == [
        "curated/merges.yml:3: merge #1: 'Biden' is already a curated name of "
        f"'person:joe-biden' (curated/people.yml:{biden}); merging it into 'person:xi-jinping' "
        "would take it from that entity"
    ]


def test_merge_may_list_a_name_of_its_own_entity(seeds):
    write_curated(
        seeds, "merges", "merges:\n  - into: person:joe-biden\n    names: [Biden, Joe R Biden]\n"
    )
    assert messages(seeds) == []


def test_name_in_two_merges(seeds):
    write_curated(
        seeds,
        "merges",
        "merges:\n"
        "  - into: person:xi-jinping\n    names: [Xi Jin-ping]\n"
        "  - into: person:joe-biden\n    names: [xi jin-ping]\n",
    )
    assert messages(seeds) == [
        "curated/merges.yml:5: merge #2: 'xi jin-ping' is already listed in merge #1"
    ]


def test_merged_name_that_is_suppressed(seeds):
    write_curated(seeds, "suppressions", "suppressions:\n  - name: Xi Jin-ping\n")
    write_curated(
        seeds, "merges", "merges:\n  - into: person:xi-jinping\n    names: [Xi Jin-ping]\n"
    )
    assert messages(seeds) == [
        "curated/merges.yml:3: merge #1: 'Xi Jin-ping' is also suppressed by suppression #1 "
        "(curated/suppressions.yml:3), so the merge never applies"
    ]


def test_suppression_of_any_extracted_name_is_fine(seeds):
    write_curated(
        seeds,
        "suppressions",
        "suppressions:\n  - name: Defense\n    type: organization\n    reason: a word\n"
        "  - name: Siem Reap\n",
    )
    assert messages(seeds) == []


def test_suppression_of_a_curated_name(seeds):
    cambodia = line_of(seeds / "curated/countries.yml", "- id: cambodia")
    write_curated(seeds, "suppressions", "suppressions:\n  - name: Kingdom of Cambodia\n")
    assert messages(seeds) == [
        "curated/suppressions.yml:3: suppression #1: 'Kingdom of Cambodia' is a curated name of "
        f"'country:cambodia' (curated/countries.yml:{cambodia}); remove it from that entry "
        "instead of suppressing it"
    ]


def test_suppression_of_a_curated_name_for_another_type_is_fine(seeds):
    write_curated(
        seeds, "suppressions", "suppressions:\n  - name: Kingdom of Cambodia\n    type: person\n"
    )
    assert messages(seeds) == []


def test_repeated_suppression(seeds):
    write_curated(
        seeds,
        "suppressions",
        "suppressions:\n  - name: Defense\n    type: organization\n"
        "  - name: defense\n    type: organization\n",
    )
    assert messages(seeds) == ["curated/suppressions.yml:5: suppression #2: repeats suppression #1"]


# --- articles ---------------------------------------------------------------------------------


def test_bad_front_matter_in_article(seeds):
    write_article(seeds, "x.txt", "---\ntitle: T\npublished: soon\n---\nBody text.\n")
    assert messages(seeds) == [
        "articles/x.txt:3: front matter: 'published' must be a date as YYYY-MM-DD"
    ]


def test_front_matter_date_that_does_not_exist(seeds):
    write_article(seeds, "x.txt", "---\npublished: '2022-02-30'\n---\nBody text.\n")
    assert messages(seeds) == [
        "articles/x.txt:2: front matter: 'published' is not a real date: '2022-02-30'"
    ]


def test_front_matter_unknown_key(seeds):
    write_article(seeds, "x.txt", "---\ntitle: T\nauthor: Jane Roe\n---\nBody text.\n")
    assert messages(seeds) == [
        "articles/x.txt:3: front matter: unknown key 'author' (allowed: authors, language, "
        "published, publisher, title, url)"
    ]


def test_front_matter_empty_string(seeds):
    write_article(seeds, "x.txt", "---\npublisher: ''\n---\nBody text.\n")
    assert messages(seeds) == [
        "articles/x.txt:2: front matter: 'publisher' must be a non-empty string"
    ]


def test_front_matter_authors_not_a_list_of_names(seeds):
    write_article(seeds, "x.txt", "---\nauthors: {name: Jane}\n---\nBody text.\n")
    assert messages(seeds) == ["articles/x.txt:2: front matter: 'authors' must be a list of names"]


def test_front_matter_yaml_syntax_error(seeds):
    write_article(seeds, "x.txt", "---\ntitle: T\nauthors: [Jane\n---\nBody text.\n")
    assert messages(seeds) == ["articles/x.txt:3: front matter: did not find expected ',' or ']'"]


def test_front_matter_not_a_mapping(seeds):
    write_article(seeds, "x.txt", "---\n- title\n---\nBody text.\n")
    assert messages(seeds) == ["articles/x.txt:2: front matter must be a mapping of key: value"]


def test_undecodable_article(seeds):
    write_article(seeds, "cyrillic.txt", "\u041f\u0440\u0438\u0432\u0435\u0442".encode("cp1251"))
    assert messages(seeds) == [
        "articles/cyrillic.txt: not UTF-8 (byte 0xcf on line 1) and not readable as "
        "Windows-1252 (Latin-1) text either; re-save the file as UTF-8; skipped"
    ]


def test_article_with_a_broken_byte_order_mark(seeds):
    write_article(seeds, "bom.txt", b"\xff\xfeA\x00\x00\xd8")
    found = messages(seeds)
    assert found == [
        "articles/bom.txt: starts with a utf-16 byte-order mark but does not decode: "
        "'utf-16-le' codec can't decode bytes in position 4-5: unexpected end of data; skipped"
    ]


def test_binary_article(seeds):
    write_article(seeds, "bin.txt", b"PK\x03\x04\x00\x00")
    assert messages(seeds) == [
        "articles/bin.txt: binary file (contains NUL bytes), not text; skipped"
    ]


def test_empty_article(seeds):
    write_article(seeds, "empty.txt", "---\ntitle: Nothing\n---\n\n  \n")
    assert messages(seeds) == ["articles/empty.txt: article is empty; skipped"]


def test_article_over_the_size_limit(seeds):
    write_article(seeds, "big.txt", "word " * 100)
    found = [m for m in messages(seeds, max_bytes=400) if m.startswith("articles/big.txt")]
    assert found == ["articles/big.txt: file is 500 bytes, over the 400-byte limit; skipped"]


def test_two_articles_with_one_id(seeds):
    write_article(seeds, "a b.txt", "Body text.\n")
    write_article(seeds, "a-b.txt", "Body text.\n")
    assert messages(seeds) == [
        "articles/a-b.txt: article id 'a-b' is already used by articles/a b.txt"
    ]


def test_article_that_is_not_a_file(seeds):
    (seeds / "articles/folder.txt").mkdir()
    assert messages(seeds) == ["articles/folder.txt: not a regular file; skipped"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_article_linking_outside_the_seeds(seeds, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Body text.\n", encoding="utf-8")
    (seeds / "articles/link.txt").symlink_to(outside)
    assert messages(seeds) == [
        "articles/link.txt: symbolic link pointing outside the seeds folder; skipped"
    ]


def test_unreadable_article(seeds, monkeypatch):
    write_article(seeds, "locked.txt", "Body text.\n")
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(ingest.Path, "read_bytes", read_bytes)
    assert messages(seeds) == ["articles/locked.txt: cannot be read: Permission denied; skipped"]


def test_no_articles_folder(seeds):
    shutil.rmtree(seeds / "articles")
    assert messages(seeds) == ["articles: no articles/ folder in the seeds folder"]
