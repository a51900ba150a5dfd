"""Under `mkdocs serve`, aggregate takes from the last build each entity and article record made
of the same inputs (``aggregate.incremental``). A rebuild after each of several edits must give,
byte for byte, the records and pages of a cold build of the edited seeds, with most records
taken and the changed ones made again."""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

from generator.aggregate.incremental import KeptAggregate, same, snapshot
from generator.build import BuildResult, build
from generator.config import BuildConfig
from generator.data import Entity, EntityType, Role
from generator.memo import BuildMemo
from tests.conftest import REPO, SEEDS

CORPUS = REPO / "tests" / "corpus" / "articles"


def _equals_cold_build(config: BuildConfig, memo: BuildMemo, tools) -> BuildResult:
    kept = build(config, tools=tools, memo=memo)
    cold = build(config, tools=tools, memo=BuildMemo(None))
    assert list(kept.records.items()) == list(cold.records.items())
    assert list(kept.records_json.items()) == list(cold.records_json.items())
    assert kept.pages == cold.pages
    assert kept.site_files == cold.site_files
    return kept


def _edit(article: Path, sentence: str) -> None:
    text = article.read_text("utf-8")
    head, _, last = text.rstrip("\n").rpartition("\n\n")
    article.write_text(f"{head}\n\n{sentence}\n\n{last}\n", encoding="utf-8")


def test_an_incremental_rebuild_equals_a_cold_build_after_each_edit(tools, tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    for path in sorted(CORPUS.glob("*.txt"))[:4]:
        shutil.copy(path, seeds / "articles" / path.name)
    config = BuildConfig(seeds=seeds, cache_dir=tmp_path / "cache")
    memo = BuildMemo(config.cache_dir, keep_in_memory=True, keep_pages=True)  # as serve's
    first = build(config, tools=tools, memo=memo)
    kept = memo.aggregate
    assert isinstance(kept, KeptAggregate) and kept.reused == 0  # nothing to take yet
    articles = sorted((seeds / "articles").glob("*.txt"))
    records = len(first.corpus.entities) + len(first.corpus.articles)

    # a sentence that names no one: only the article's own record is made again
    _edit(articles[0], "The talks were expected to go on for some time, officials said.")
    _equals_cold_build(config, memo, tools)
    assert kept.made >= 1 and kept.reused >= records - 10

    # a sentence naming a person and an office: that person's entity is made again too
    _edit(articles[1], "Lloyd Austin, the US defence secretary, spoke to reporters again.")
    edited = _equals_cold_build(config, memo, tools)
    austin = next(e for e in edited.corpus.entities if e.name == "Lloyd Austin")
    assert any(m.article == edited.corpus.articles[1].article.id for m in austin.mentions)
    assert kept.made >= 2 and kept.reused > 0

    # a new date on an article: its people's title disagreements are worked out again
    text = articles[2].read_text("utf-8")
    articles[2].write_text(text.replace("2022", "2019", 1), encoding="utf-8")
    _equals_cold_build(config, memo, tools)

    # an article removed, then put back
    removed = articles[3].read_text("utf-8")
    articles[3].unlink()
    _equals_cold_build(config, memo, tools)
    articles[3].write_text(removed, encoding="utf-8")
    _equals_cold_build(config, memo, tools)
    assert kept.reused > 0

    # other curated data: nothing is taken
    people = seeds / "curated" / "people.yml"
    people.write_text(people.read_text("utf-8") + "\n", encoding="utf-8")
    _equals_cold_build(config, memo, tools)


def test_inputs_are_the_same_only_as_equal_values_of_the_same_types():
    assert same([1, "a"], [1, "a"]) and not same([1], [1.0]) and not same(1, True)
    assert same(["a", "b"], ["a", "b"]) and not same(["a", "b"], ["a", "c"])
    # a Counter's key of count 0 is an alias kept: it is not the same as no key
    assert not same(Counter({"Austin": 0}), Counter())
    assert same(Counter({"Austin": 2}), Counter({"Austin": 2}))
    assert not same(Counter({"Austin": 2}), {"Austin": 2})
    mentions: defaultdict[str, list[str]] = defaultdict(list)
    mentions["a1"].append("He said.")
    assert same(mentions, defaultdict(list, {"a1": ["He said."]}))
    assert same(Role("minister", "a1", "s"), Role("minister", "a1", "s"))
    assert not same(Role("minister", "a1", "s"), Role("Minister", "a1", "s"))
    assert not same(object(), object())


def test_a_slot_is_copied_before_the_entity_adds_curated_roles_to_it():
    slot = {"roles": [Role("minister", "a1", "s")], "confidence": 0.9}
    copied = snapshot(slot)
    slot["roles"].insert(0, Role("curated", "", ""))
    assert copied["roles"] == [Role("minister", "a1", "s")] and copied["confidence"] == 0.9


def _person(name: str) -> Entity:
    return Entity("person:~x", "x", EntityType.PERSON, name, [], [], 0.9, curated=False)


def test_an_entity_is_taken_only_under_the_same_slot_dates_and_curated_data():
    kept = KeptAggregate()
    made: list[str] = []

    def build(slot: dict, dates: dict, registry: str = "r1") -> Entity:
        kept.start(registry)
        entity, _ = kept.entity(
            "person:~x", "x", slot, dates, lambda: made.append("x") or _person("X")
        )
        kept.finish()
        return entity

    def slot(confidence: float = 0.9) -> dict:
        return {
            "variants": Counter({"X": 1}),
            "mentions": defaultdict(list, {"a1": ["X said."]}),
            "confidence": confidence,
            "roles": [Role("minister", "a1", "X said.")],
            "titled": False,
        }

    first = build(slot(), {"a1": "2022-01-02"})
    assert build(slot(), {"a1": "2022-01-02", "a2": "2020-01-01"}) is first  # a2: no role's
    assert len(made) == 1
    # the date of an article one of its roles comes from: title disagreements may change
    assert build(slot(), {"a1": "2019-01-02"}) is not first and len(made) == 2
    # 0.9 and 1 are values of different types; other curated data takes nothing
    again = build(slot(), {"a1": "2019-01-02"})
    assert build(slot(1), {"a1": "2019-01-02"}) is not again
    assert build(slot(1), {"a1": "2019-01-02"}, registry="r2") is not again and len(made) == 4


def test_an_article_record_is_taken_only_for_the_same_linked_article_and_inputs():
    kept = KeptAggregate()
    linked = SimpleNamespace(article=SimpleNamespace(id="a1"))
    records: list[object] = []

    def build(art: object, inputs: tuple) -> object:
        kept.start("r1")
        record = kept.article(art, inputs, lambda: records.append(object()) or records[-1])
        kept.finish()
        return record

    first = build(linked, ([], [(EntityType.PERSON, "x")], [], ["e1"]))
    assert build(linked, ([], [(EntityType.PERSON, "x")], [], ["e1"])) is first
    assert build(linked, ([], [(EntityType.PERSON, "y")], [], ["e1"])) is not first
    other = SimpleNamespace(article=SimpleNamespace(id="a1"))  # the article edited
    assert build(other, ([], [(EntityType.PERSON, "y")], [], ["e1"])) is records[-1]
    assert len(records) == 3
