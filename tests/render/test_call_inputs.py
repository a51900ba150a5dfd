"""A `mkdocs serve` rebuild makes again only the kept calls whose inputs changed
(``generator.render.inputs``): each call a page's template made is kept with the records, map
entries and graph it read, and a call none of which changed is taken as it was. Here every call
taken so is also made again and must give the same result, over edits of several kinds, and
the pages stay those of a build from scratch."""

from __future__ import annotations

import dataclasses
import pickle
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.config import BuildConfig
from generator.data import Entity, EntityType
from generator.memo import BuildMemo
from generator.render.inputs import EVERY, Changes, ReadLog, TrackedMap, same
from generator.render.reuse import Reads
from tests.conftest import SEEDS

MARKER = "\n\nRelated Articles"


def _edits(seeds: Path) -> list[tuple[str, Path, str]]:
    """(what, article, its new text): edits a writer makes, one after the other."""
    first, second = sorted((seeds / "articles").glob("*.txt"))[:2]
    text = first.read_text("utf-8")
    assert MARKER in text
    plain = text.replace(MARKER, " The talks ended late that evening." + MARKER, 1)
    named = plain.replace(MARKER, " Lloyd Austin spoke to reporters again afterwards." + MARKER, 1)
    retitled = "A New Headline On Defense Talks\n\n" + named.split("\n\n", 1)[1]
    other = second.read_text("utf-8")
    return [
        ("a sentence naming no one", first, plain),
        ("a sentence naming a person", first, named),
        ("a new headline", first, retitled),
        ("another article edited", second, other.replace(MARKER, " Officials met." + MARKER, 1)),
        ("the first article as it was", first, text),
    ]


def test_a_call_taken_as_it_was_gives_what_it_gives_when_made_again(
    tools, tmp_path: Path, monkeypatch
):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    config = BuildConfig(seeds=seeds, cache_dir=tmp_path / "cache")
    memo = BuildMemo(config.cache_dir, keep_in_memory=True, keep_pages=True)  # as under serve
    build(config, tools=tools, memo=memo)
    taken: list = []
    unchanged, again = Reads.unchanged, Reads.again

    def checked(self: Reads, call, digest, inputs) -> None:
        assert again(self, call) == digest, f"{call[:2]} changed, but none of {inputs} did"
        taken.append(call)
        unchanged(self, call, digest, inputs)

    monkeypatch.setattr(Reads, "unchanged", checked)
    made: list = []
    monkeypatch.setattr(Reads, "again", lambda self, call: made.append(call) or again(self, call))
    for what, article, text in _edits(seeds):
        article.write_text(text, encoding="utf-8")
        taken.clear()
        made.clear()
        rebuilt = build(config, tools=tools, memo=memo)
        scratch = build(config, tools=tools, memo=BuildMemo(None))
        assert rebuilt.pages == scratch.pages, what
        assert rebuilt.site_files == scratch.site_files, what
        assert taken, f"{what}: every kept call was made again"
        assert len(made) == len(set(made)), f"{what}: a call was made twice"
        assert not set(made) & set(taken)
    # the plainest edit changes one article record: most calls are not made again
    article, text = _edits(seeds)[0][1:]
    article.write_text(text, encoding="utf-8")
    build(config, tools=tools, memo=memo)
    taken.clear()
    made.clear()
    article.write_text(text.replace("late that evening", "late that night"), encoding="utf-8")
    build(config, tools=tools, memo=memo)
    assert len(made) < len(taken) / 4, (len(made), len(taken))


def test_other_curated_data_makes_every_call_again(tools, tmp_path: Path, monkeypatch):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    config = BuildConfig(seeds=seeds, cache_dir=tmp_path / "cache")
    memo = BuildMemo(config.cache_dir, keep_in_memory=True, keep_pages=True)
    build(config, tools=tools, memo=memo)
    taken: list = []
    unchanged = Reads.unchanged
    monkeypatch.setattr(
        Reads, "unchanged", lambda self, *a: taken.append(a[0]) or unchanged(self, *a)
    )
    people = seeds / "curated" / "people.yml"
    people.write_text(people.read_text("utf-8") + "\n# an edit of the curated data\n", "utf-8")
    rebuilt = build(config, tools=tools, memo=memo)
    assert taken == []
    assert rebuilt.pages == build(config, tools=tools, memo=BuildMemo(None)).pages


def test_a_tracked_map_notes_each_key_read_and_a_pass_over_it():
    log = ReadLog()
    tracked = TrackedMap("m", log, {"a": 1, "b": 2})
    outer = log.start()
    assert tracked.get("a") == 1 and "z" not in tracked
    inner = log.start()
    assert tracked["b"] == 2
    assert log.stop(inner) == {("map", "m", "b")}
    assert log.stop(outer) == {("map", "m", "a"), ("map", "m", "z"), ("map", "m", "b")}
    read = log.start()
    assert sorted(tracked.values()) == [1, 2]
    assert log.stop(read) == {("map", "m", EVERY)}
    # it pickles as the plain dict it holds
    assert pickle.loads(pickle.dumps(tracked)) == {"a": 1, "b": 2}
    with pytest.raises(KeyError):
        tracked["missing"]


def test_inputs_are_the_same_only_as_the_same_records_and_equal_plain_values():
    entity = Entity("person:x", "x", EntityType.PERSON, "X", [], [], 1.0, curated=False)
    twin = Entity("person:x", "x", EntityType.PERSON, "X", [], [], 1.0, curated=False)
    assert entity == twin
    assert same([(entity, ["a"])], [(entity, ["a"])])
    assert not same([(entity, ["a"])], [(twin, ["a"])])  # equal, but another build's record
    assert not same([1], [1.0]) and not same({"a": 1}, {"a": 1, "b": 2})


def test_an_entry_holding_a_record_equal_to_its_last_version_but_new_is_changed():
    """A changed record equal by value to its last version (``1`` for ``1.0``) makes entries
    compare element by element: only the same objects are the same."""
    entity = Entity("person:x", "x", EntityType.PERSON, "X", [], [], 1.0, curated=False)
    other = Entity("person:y", "y", EntityType.PERSON, "Y", [], [], 1.0, curated=False)
    ref = ("entity", "person:x")
    then_maps = {"related": {"k": [(entity, ["a"])], "j": [(other, ["b"])]}}
    for new, changed in ((entity, False), (dataclasses.replace(entity, confidence=1), True)):
        now_maps = {"related": {"k": [(new, ["a"])], "j": [(other, ["b"])]}}
        changes = Changes(
            then_maps, now_maps.get, {ref: entity}, {ref: new}, None, lambda: b""
        )  # fmt: skip
        assert changes.any_changed(frozenset({("map", "related", "k")})) is changed
        assert not changes.any_changed(frozenset({("map", "related", "j")}))
        assert changes.any_changed(frozenset({("record", ref)})) is changed
