"""Under `mkdocs serve` a rebuild takes its unchanged records from the last build: the same
objects (``aggregate.kept``) and their JSON and YAML text (``render.kept_records``). Its records
and pages must be, byte for byte, those of a build from scratch: after an edited article, an
added one and a removed one."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from generator.aggregate.kept import keep_corpus
from generator.build import BuildResult, build
from generator.config import BuildConfig
from generator.memo import BuildMemo
from tests.conftest import REPO, SEEDS

CORPUS = REPO / "tests" / "corpus" / "articles"


def _same_as_from_scratch(config: BuildConfig, memo: BuildMemo, tools) -> BuildResult:
    kept = build(config, tools=tools, memo=memo)
    scratch = build(config, tools=tools, memo=BuildMemo(None))
    assert kept.records == scratch.records
    assert kept.records_json == scratch.records_json
    assert list(kept.records) == list(scratch.records)  # in the same order, too
    assert list(kept.records_json) == list(scratch.records_json)
    assert kept.pages == scratch.pages
    return kept


def test_a_kept_rebuild_gives_the_records_of_a_build_from_scratch(tools, tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    more = sorted(CORPUS.glob("*.txt"))[:3]
    for path in more[:2]:
        shutil.copy(path, seeds / "articles" / path.name)
    config = BuildConfig(seeds=seeds, cache_dir=tmp_path / "cache")
    memo = BuildMemo(config.cache_dir, keep_in_memory=True, keep_pages=True)  # as serve's
    first = build(config, tools=tools, memo=memo)
    total = len(first.records_json)

    # an edited article: a sentence naming a person added to it
    article = sorted((seeds / "articles").glob("*.txt"))[0]
    text = article.read_text("utf-8")
    head, _, last = text.rstrip("\n").rpartition("\n\n")
    added = "Lloyd Austin spoke to reporters again after the talks ended that evening."
    article.write_text(f"{head}\n\n{added}\n\n{last}\n", encoding="utf-8")
    edited = _same_as_from_scratch(config, memo, tools)
    assert memo.records is not None and 0 < memo.records.made < total
    assert memo.corpus is not None and 0 < memo.corpus.changed < total
    changed = {p for p, t in edited.records_json.items() if first.records_json.get(p) != t}
    assert any(p.startswith("articles/") for p in changed)

    # an added article, then a removed one
    shutil.copy(more[2], seeds / "articles" / more[2].name)
    grown = _same_as_from_scratch(config, memo, tools)
    assert len(grown.records_json) > len(edited.records_json)
    assert 0 < memo.records.made < len(grown.records_json)
    (seeds / "articles" / more[0].name).unlink()
    shrunk = _same_as_from_scratch(config, memo, tools)
    assert not any(more[0].stem in p for p in shrunk.records_json)
    assert 0 < memo.records.made < len(shrunk.records_json)


def test_a_record_is_kept_only_when_its_values_and_their_types_are_the_same(seeds_build):
    corpus = copy.deepcopy(seeds_build.corpus)
    first = keep_corpus(corpus, None)
    again = copy.deepcopy(seeds_build.corpus)
    entity = again.entities[0]
    entity.confidence = int(entity.confidence) if entity.confidence == 1 else 1  # type: ignore[assignment]
    entity_before = corpus.entities[0]
    kept = keep_corpus(again, first)
    # equal records are the last build's objects, with their digests
    assert all(a is b for a, b in zip(again.articles, corpus.articles, strict=True))
    assert all(a is b for a, b in zip(again.events, corpus.events, strict=True))
    assert all(a is b for a, b in zip(again.entities[1:], corpus.entities[1:], strict=True))
    # 1 == 1.0, but a record writes them differently: a changed type is a changed record
    assert again.entities[0] is not entity_before and kept.changed == 1
    assert kept.digest(again.entities[0]) != first.digest(entity_before)
