"""A build reuses a record page of the last build only while everything its template read is the
same (``generator.render.reuse``), and a rebuild that reuses pages gives the bytes a build from
scratch gives."""

from __future__ import annotations

import copy
import dataclasses
import shutil
from pathlib import Path

from generator import paths
from generator.build import build
from generator.config import BuildConfig
from generator.data import Corpus, EntityType
from generator.memo import BuildMemo
from generator.render.pages import render_pages
from tests.conftest import SEEDS

CONFIG = BuildConfig(seeds=SEEDS, cache_dir=None)


def _record_pages(corpus: Corpus) -> int:
    return len(corpus.articles) + len(corpus.entities) + len(corpus.events)


def test_unchanged_inputs_reuse_every_record_page_and_listing(seeds_build):
    corpus, registry = seeds_build.corpus, seeds_build.registry
    first = render_pages(corpus, registry, CONFIG, keep=True)
    again = render_pages(corpus, registry, CONFIG, kept=first.kept, keep=True)
    assert again.pages == first.pages == seeds_build.pages
    assert first.kept is not None and again.kept is not None
    assert first.kept.reused == 0
    # every page but the review page (which reads the whole corpus): records and listings
    assert again.kept.reused == len(first.pages) - 1 > _record_pages(corpus)


def test_a_changed_input_renders_the_pages_that_read_it_and_only_those(seeds_build):
    corpus, registry = seeds_build.corpus, seeds_build.registry
    first = render_pages(corpus, registry, CONFIG, keep=True)
    changed = copy.deepcopy(corpus)
    # a person other pages link to is renamed: only their own record changes, the pages that
    # link to them read the new name through the site
    person = max(
        (e for e in changed.entities if e.type is EntityType.PERSON),
        key=lambda e: len(e.mentions),
    )
    person.name = "Renamed Person"
    fresh = render_pages(changed, registry, CONFIG).pages
    reused = render_pages(changed, registry, CONFIG, kept=first.kept, keep=True)
    assert reused.pages == fresh
    mentioned = {m.article for m in person.mentions}
    for article in mentioned:
        page = f"articles/{article}.md"
        assert "Renamed Person" in reused.pages[page] and page != first.pages[page]
    records = [
        *(paths.article_page(r.article.id) for r in corpus.articles),
        *(paths.entity_page(e) for e in corpus.entities),
        *(paths.event_page(e.id) for e in corpus.events),
    ]
    untouched = [path for path in records if first.pages[path] == fresh[path]]
    assert untouched, "every record page changed"
    assert reused.kept is not None and 0 < reused.kept.reused < _record_pages(corpus)
    for path in untouched:  # the same text object: taken from the last build, not rendered
        assert reused.pages[path] is first.pages[path]


def test_a_value_read_through_a_lookup_renders_the_pages_again(seeds_build):
    corpus, registry = seeds_build.corpus, seeds_build.registry
    first = render_pages(corpus, registry, CONFIG, keep=True)
    changed = copy.deepcopy(corpus)
    record = changed.articles[0]
    # an article's date: entity pages show it ("First seen") through site.seen and site.dated
    record.article = dataclasses.replace(record.article, published="1999-12-31")
    fresh = render_pages(changed, registry, CONFIG).pages
    reused = render_pages(changed, registry, CONFIG, kept=first.kept, keep=True)
    assert reused.pages == fresh
    seen = [
        path
        for path, text in fresh.items()
        if "<td>First seen</td>\n<td>1999-12-31</td>" in text and path.split("/")[0] != "articles"
    ]
    assert seen, "no entity page shows the new date"
    for path in seen:
        assert first.pages[path] != fresh[path]


def test_a_rebuild_after_an_edit_equals_a_build_from_scratch(tools, tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    config = BuildConfig(seeds=seeds, cache_dir=tmp_path / "cache")
    memo = BuildMemo(config.cache_dir, keep_in_memory=True)  # as `mkdocs serve` keeps it
    before = build(config, tools=tools, memo=memo)
    article = sorted((seeds / "articles").glob("*.txt"))[0]
    text = article.read_text("utf-8")
    marker = "\n\nRelated Articles"
    assert marker in text
    added = " Lloyd Austin spoke to reporters again after the talks ended that evening."
    article.write_text(text.replace(marker, added + marker, 1), encoding="utf-8")
    rebuilt = build(config, tools=tools, memo=memo)
    scratch = build(config, tools=tools, memo=BuildMemo(None))
    assert rebuilt.pages == scratch.pages
    assert rebuilt.site_files == scratch.site_files
    assert memo.pages is not None and memo.pages.reused > 0
    changed = {p for p in scratch.pages if before.pages.get(p) != scratch.pages[p]}
    assert any(p.startswith("articles/") for p in changed)
    assert any(p.startswith("people/") for p in changed), "the person's page did not change"
