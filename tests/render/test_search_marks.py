"""What the reader's search indexes of a page (``generator.search.marks``), and a build without
the Pagefind binary: a clear warning, and the site without its index."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from generator import search
from generator.mkdocs_plugin import DossierPlugin
from generator.search import marks
from generator.search import pagefind as pagefind_module

PAGE = (
    '<h1 id="t">Title</h1><p>Text.</p>'
    '<h2 id="q" data-search-exclude>Quotes</h2><p>quoted</p><h3 id="a">inner</h3><p>more</p>'
    '<h2 id="n">Notes</h2><p>kept</p>'
    '<h2 id="d" data-search-exclude>Dropped</h2><p>boilerplate</p>'
)


def test_a_page_is_indexed_whole_but_its_excluded_sections():
    marked = marks.mark_for_index(PAGE)
    assert marked.startswith("<div data-pagefind-body>") and marked.endswith("</div>")
    assert (
        '<div data-pagefind-ignore><h2 id="q" data-search-exclude>Quotes</h2><p>quoted</p>'
        '<h3 id="a">inner</h3><p>more</p></div><h2 id="n">Notes</h2><p>kept</p>'
    ) in marked
    assert marked.endswith(
        '<div data-pagefind-ignore><h2 id="d" data-search-exclude>Dropped</h2>'
        "<p>boilerplate</p></div></div>"
    )


def test_a_page_marking_its_own_part_is_left_alone():
    own = "<h1>X</h1><div hidden data-pagefind-body><p>X</p></div><p>facts</p>"
    assert marks.mark_for_index(own) == own
    # text that merely reads like the mark (escaped, from an article) does not count
    text = "<p>&lt;div data-pagefind-body&gt; in a sentence</p>"
    assert marks.mark_for_index(text).startswith("<div data-pagefind-body>")


def test_front_matter_excludes_a_page():
    assert marks.excluded({"search": {"exclude": True}})
    assert not marks.excluded({"search": {"boost": 2}})
    assert not marks.excluded({"title": "x"})


def test_without_the_binary_the_build_warns_and_goes_on(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(pagefind_module, "pagefind_binary", lambda: None)
    with pytest.raises(search.PagefindMissing, match=r"pip install 'pagefind\[extended\]'"):
        search.run_pagefind(tmp_path)
    plugin = DossierPlugin()
    plugin.load_config({})
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dossier"):
        plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    assert "the site has no search" in caplog.text
    assert not (tmp_path / "pagefind").exists()


def test_search_off_runs_nothing(monkeypatch, tmp_path):
    def fail(*args, **kwargs):
        raise AssertionError("Pagefind ran with search: false")

    monkeypatch.setattr(search, "run_pagefind", fail)
    plugin = DossierPlugin()
    plugin.load_config({"search": False})
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    page = SimpleNamespace(meta={}, file=SimpleNamespace(generated_by=None))
    assert plugin.on_page_content("<p>x</p>", page=page, config=None, files=None) == "<p>x</p>"
