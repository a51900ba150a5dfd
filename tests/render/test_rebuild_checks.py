"""What a `mkdocs serve` rebuild checks, and how often: each call the kept pages made is made
once (``KeptPages.readers``), however many pages made it; the graph's files are taken whole
while the graph and its cited articles are the same (``graph_data.KeptGraphs``); the templates'
environment is kept. The pages and files stay those of a build from scratch."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import gc

import pytest

from generator.build import build
from generator.config import BuildConfig
from generator.data import Corpus, EntityType
from generator.memo import BuildMemo
from generator.render import graph_data
from generator.render.graph_data import KeptGraphs, graph_files
from generator.render.pages import render_pages
from generator.render.reuse import KeptPages, Reads
from tests.conftest import SEEDS

CONFIG = BuildConfig(seeds=SEEDS, cache_dir=None)


def _consistent(kept: KeptPages) -> None:
    """Every kept page is a reader of each call it made, under the digest it noted, and every
    reader is a kept page."""
    for path, page in kept.pages.items():
        for call, digest in page.reads:
            assert kept.readers[call][0] == digest
            assert path in kept.readers[call][1]
    for _, paths in kept.readers.values():
        assert paths <= kept.pages.keys()


def _renamed(corpus: Corpus) -> Corpus:
    """The corpus with its most mentioned person renamed (their record and the pages that
    name them change)."""
    changed = copy.deepcopy(corpus)
    person = max(
        (e for e in changed.entities if e.type is EntityType.PERSON),
        key=lambda e: len(e.mentions),
    )
    person.name = "Renamed Person"
    return changed


def test_a_rebuild_makes_each_kept_call_once(seeds_build, monkeypatch):
    corpus, registry = seeds_build.corpus, seeds_build.registry
    first = render_pages(corpus, registry, CONFIG, keep=True)
    assert first.kept is not None
    kept = first.kept.pages
    _consistent(kept)
    reads = sum(len(page.reads) for page in kept.pages.values())
    assert len(kept.readers) < reads  # pages share calls: a site lookup is read by many
    made: list = []
    again = Reads.again
    monkeypatch.setattr(Reads, "again", lambda self, call: made.append(call) or again(self, call))
    taken: list = []  # calls none of whose inputs changed (``render.inputs``): not made again
    unchanged = Reads.unchanged
    monkeypatch.setattr(
        Reads, "unchanged", lambda self, *a: taken.append(a[0]) or unchanged(self, *a)
    )
    changed = _renamed(corpus)
    rebuilt = render_pages(changed, registry, CONFIG, kept=first.kept, keep=True)
    assert len(made) == len(set(made)) and not set(made) & set(taken)
    assert len(made) + len(taken) == len(kept.readers)
    assert rebuilt.pages == render_pages(changed, registry, CONFIG).pages
    assert rebuilt.kept is not None and 0 < rebuilt.kept.reused < len(kept.pages)
    _consistent(rebuilt.kept.pages)
    # the last build's pages are not changed by the next: a failed build leaves them whole
    _consistent(first.kept.pages)
    assert first.kept.pages.readers is not rebuilt.kept.pages.readers
    # and the templates' environment goes on to the next build, its templates compiled
    assert rebuilt.kept.env is first.kept.env


def test_the_graph_files_are_taken_whole_while_the_graph_is_the_same(seeds_build, monkeypatch):
    corpus = seeds_build.corpus
    first = KeptGraphs()
    files = graph_files(corpus, None, first)
    assert files == seeds_build.site_files and first.whole
    worked_out: list[str] = []
    neighbourhood = graph_data.neighbourhood
    monkeypatch.setattr(
        graph_data,
        "neighbourhood",
        lambda graph, key, *a: worked_out.append(key) or neighbourhood(graph, key, *a),
    )
    same = KeptGraphs()
    assert graph_files(copy.deepcopy(corpus), first, same) == files
    assert worked_out == [] and same.whole == first.whole
    # an article the graph cites is retitled: the files are worked out again, as from scratch
    changed = copy.deepcopy(corpus)
    cited = corpus.relations.edges[0].evidence[0].article
    record = next(r for r in changed.articles if r.article.id == cited)
    record.article = dataclasses.replace(record.article, title="A New Title")
    now = KeptGraphs()
    rebuilt = graph_files(changed, first, now)
    assert worked_out and now.whole != first.whole
    assert rebuilt == graph_files(changed) != files
    assert any("A New Title" in text for text in rebuilt.values())


@pytest.mark.parametrize("keep", [False, True])
def test_graph_files_are_the_same_kept_or_not(seeds_build, keep):
    corpus = seeds_build.corpus
    assert graph_files(corpus, None, KeptGraphs() if keep else None) == seeds_build.site_files


def _collections_by_stage(config: BuildConfig, tools, memo: BuildMemo) -> set[str]:
    """The stages of a build during which Python's cyclic collector ran."""
    current = ["-"]
    seen: set[str] = set()

    @contextlib.contextmanager
    def hook(name: str):
        current[0] = name
        try:
            yield
        finally:
            current[0] = "-"

    def noted(phase: str, info: dict) -> None:
        if phase == "start":
            seen.add(current[0])

    gc.callbacks.append(noted)
    try:
        build(config, tools=tools, memo=memo, stage_hook=hook)
    finally:
        gc.callbacks.remove(noted)
    return seen


def test_a_rebuild_pauses_the_cyclic_collector_while_it_makes_the_site(tools):
    memo = BuildMemo(None, keep_in_memory=True)  # as `mkdocs serve` keeps its builds
    first = _collections_by_stage(CONFIG, tools, memo)
    assert "pages" in first  # a first build renders every page: the collector keeps running
    again = _collections_by_stage(CONFIG, tools, memo)
    assert not again & {"aggregate", "records", "pages"}, again
    assert gc.isenabled()
