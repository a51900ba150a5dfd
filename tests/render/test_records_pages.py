"""Records (shapes, atomic writes) and pages (escaping, links), without the model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import yamlio
from generator.render.escape import md, para
from generator.render.records import write


def test_contract_fields(seeds_build):
    for path, text in seeds_build.records.items():
        data = yamlio.load(text)
        if path.startswith("articles/"):
            assert {
                "id",
                "title",
                "source",
                "publisher",
                "authors",
                "published",
                "entities",
                "quotes",
                "events",
            } <= set(data)
            assert set(data["entities"]) == {
                "people",
                "countries",
                "forums",
                "issues",
                "organizations",
            }
            assert set(data["source"]) == {"path", "sha256"}
        elif path.startswith("events/"):
            assert {
                "id",
                "type",
                "name",
                "date",
                "participants",
                "place",
                "forum",
                "articles",
            } <= set(data)
            assert data["type"] == "event"
        elif "/" in path:
            assert {"id", "type", "name", "aliases", "mentions"} <= set(data)
            for mention in data["mentions"]:
                assert set(mention) == {"article", "count", "sentences"}
        if "/" in path:
            assert path == f"{path.split('/')[0]}/{data['id']}.yml"


def test_ids_are_safe_slugs_and_unique(seeds_build):
    import re

    seen = set()
    for path in seeds_build.records:
        if "/" in path:
            folder, name = path.split("/")
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.yml", name), path
            assert (folder, name) not in seen
            seen.add((folder, name))


def test_cross_links_resolve(seeds_build):
    records = {p[:-4]: yamlio.load(t) for p, t in seeds_build.records.items() if "/" in p}
    for path, data in records.items():
        if path.startswith("articles/"):
            for folder, ids in data["entities"].items():
                for ident in ids:
                    assert f"{folder}/{ident}" in records
                    mentioned = {m["article"] for m in records[f"{folder}/{ident}"]["mentions"]}
                    assert data["id"] in mentioned  # both ways
            for event in data["events"]:
                assert data["id"] in records[f"events/{event}"]["articles"]


def test_write_is_atomic(tmp_path: Path):
    out = tmp_path / "out"
    write({"people/a.yml": "id: a\n"}, out)
    with pytest.raises(ValueError):
        write({"people/b.yml": "id: b\n", "../escape.yml": "x"}, out)
    assert (out / "people/a.yml").read_text() == "id: a\n"  # the old records are intact
    assert not (tmp_path / "escape.yml").exists()
    write({"people/c.yml": "id: c\n"}, out)
    assert sorted(p.name for p in out.rglob("*.yml")) == ["c.yml"]


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<img src=x onerror="alert(1)">', "<img"),
        ("[click](javascript:alert(1))", "](javascript:"),
        ("{{ 7*7 }} {% raw %}", "{{"),
    ],
)
def test_markdown_escaping(text, forbidden):
    assert forbidden not in md(text)


@pytest.mark.parametrize("text", ["1. not a list", "- not a list", "# not a heading", "> no"])
def test_paragraph_starts_are_inert(text):
    assert para(text).startswith(text[0]) is False or para(text)[1] == "\\"


def test_article_page_links_mentions(seeds_build):
    page = seeds_build.pages["articles/002-2f1f37a58d6b76d2.md"]
    assert '<a href="../people/wei-fenghe.md">Wei Fenghe</a>' in page
    assert "Heng Sinith" in page  # the byline, in the header
    assert "Dropped as boilerplate" in page


def test_entity_page_has_aliases_evidence_and_related(seeds_build):
    page = seeds_build.pages["people/lloyd-austin.md"]
    assert "Lloyd J. Austin II" in page  # aliases are rendered, so search finds them
    assert "## Mentions" in page and "## Related" in page
    assert "../articles/000-2011f7586461d12d.md" in page


def test_entity_front_matter_shows_chips_not_every_alias(seeds_build):
    """``chips`` is what the page shows: type, country and roles without the country, at most
    six; the aliases are searchable (the page's search summary) but not drawn."""
    front = yamlio.load(seeds_build.pages["people/lloyd-austin.md"].split("---")[1])
    assert "tags" not in front and "search" not in front
    assert front["chips"][:2] == ["person", "United States"]
    assert "Secretary of Defense" in front["chips"]  # "... of the United States" left to the chip
    assert not any("United States" in chip for chip in front["chips"][2:])
    assert not any("Austin" in chip for chip in front["chips"])
    assert all(len(yamlio.load(page.split("---")[1]).get("chips", [])) <= 6
               for page in seeds_build.pages.values())  # fmt: skip


def search_summary(page: str) -> str:
    found = re.search(r'<div class="dossier-search-summary".*?</div>', page, re.S)
    assert found, "no search summary on the page"
    return found.group(0)


def test_entity_page_marks_its_search_summary(seeds_build):
    """The entity page's only indexed part: name and aliases weighted highest, the reader's
    summary line and the description as metadata, the type as a filter; no editor text."""
    summary = search_summary(seeds_build.pages["people/lloyd-austin.md"])
    assert "data-pagefind-body" in summary and "hidden" in summary.split(">")[0]
    assert 'data-pagefind-filter="type:person"' in summary
    assert '<p data-pagefind-weight="10">Lloyd Austin</p>' in summary
    assert 'data-pagefind-meta="summary:person · Secretary of Defense · United States"' in summary
    aliases = re.search(r'data-pagefind-meta="aliases:([^"]*)"', summary).group(1)
    assert {"Lloyd J. Austin II", "Lloyd J. Austin III", "Austin"} <= set(aliases.split(", "))
    assert 'data-pagefind-meta="description:American retired Army general' in summary
    for editor in ("curated registry", "curated/", "not curated", "confidence", "Record"):
        assert editor not in summary
    china = search_summary(seeds_build.pages["countries/china.md"])
    assert "PRC" in china and 'data-pagefind-filter="type:country"' in china


def test_provenance_and_listings_stay_out_of_search(seeds_build):
    article = seeds_build.pages["articles/000-2011f7586461d12d.md"]
    assert 'data-pagefind-filter="type:article"' in article
    assert "<td><span data-pagefind-ignore>Source file</span></td>" in article
    assert "<td><span data-pagefind-ignore>Record</span></td>" in article
    event = next(page for path, page in seeds_build.pages.items() if path.startswith("events/")
                 and not path.endswith("index.md"))  # fmt: skip
    assert 'data-pagefind-filter="type:event"' in event
    for path in ("index.md", "people/index.md", "timeline.md", "graph.md", "review.md"):
        front = yamlio.load(seeds_build.pages[path].split("---")[1])
        assert front["search"] == {"exclude": True}, path
    # The home page has no title of its own: the theme titles it with the site's name alone,
    # not "Dossier - Dossier".
    assert "title" not in yamlio.load(seeds_build.pages["index.md"].split("---")[1])


def test_record_memo_reuses_unchanged_records_only(seeds_build):
    from generator.render.records import render_all

    first = render_all(seeds_build.corpus)
    assert first.reused == 0 and first.yaml == seeds_build.records
    again = render_all(seeds_build.corpus, first.memo)
    assert again.reused == len(first.memo) and again.yaml == first.yaml
    # a memo whose entries do not fit the records (stale YAML under the same key cannot happen:
    # the key is the record's JSON text) is simply not used
    stale = {key: "stale: true\n" for key in ("0" * 40, "f" * 40)}
    assert render_all(seeds_build.corpus, stale).yaml == first.yaml
    # an edited record misses the memo and is rendered anew; the others are reused
    person = next(e for e in seeds_build.corpus.entities if e.type.value == "person")
    original = person.name
    person.name = original + " Jr."
    try:
        edited = render_all(seeds_build.corpus, first.memo)
    finally:
        person.name = original
    assert edited.reused == len(first.memo) - 1
    changed = [p for p in edited.yaml if edited.yaml[p] != first.yaml[p]]
    assert changed == [f"people/{person.id}.yml"]
    assert yamlio.load(edited.yaml[changed[0]])["name"] == original + " Jr."


def test_build_reuses_rendered_records_from_the_cache(tmp_path, tools):
    import shutil

    from generator.build import build
    from generator.config import BuildConfig

    seeds = tmp_path / "seeds"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seeds", seeds)
    config = BuildConfig(seeds=seeds, cache_dir=tmp_path / "cache")
    cold = build(config, tools, with_pages=False)
    memo = next((tmp_path / "cache").rglob("rendered.pickle"))
    stamp = memo.stat().st_mtime_ns
    warm = build(config, tools, with_pages=False)
    assert warm.records == cold.records and warm.records_json == cold.records_json
    assert memo.stat().st_mtime_ns == stamp  # nothing changed: the memo is not written again
