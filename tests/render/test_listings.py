"""Listing pages (section indexes, the timeline) continue on further pages instead of growing
with the corpus; every link between and out of them resolves."""

from __future__ import annotations

import posixpath
import re

import pytest

from generator.config import BuildConfig
from generator.paths import first_page, page_path
from generator.render import pages as pages_module
from generator.render.pages import paginate, render_pages
from tests.conftest import SEEDS

#: A Markdown link (the pager) or an HTML one (the rows, ``generator.render.blocks``).
LINK = re.compile(r'(?:\]\(|<a href=")([^)"#]+\.md)[)"]')


@pytest.mark.parametrize(
    ("first", "number", "path"),
    [
        ("people/index.md", 1, "people/index.md"),
        ("people/index.md", 2, "people/list/2.md"),
        ("events/index.md", 12, "events/list/12.md"),
        ("timeline.md", 3, "timeline/3.md"),
    ],
)
def test_page_paths_and_back(first, number, path):
    assert page_path(first, number) == path
    assert first_page(path) == first


@pytest.mark.parametrize("page", ["people/lloyd-austin.md", "graph.md", "people/list.md"])
def test_pages_that_continue_nothing_are_their_own_first(page):
    assert first_page(page) == page


def test_paginate_cuts_rows_and_links_a_bounded_window(monkeypatch):
    monkeypatch.setattr(pages_module, "PAGE_ROWS", 10)
    listings = paginate(list(range(95)), "people/index.md")
    assert [len(x.rows) for x in listings] == [10] * 9 + [5]
    assert [row for x in listings for row in x.rows] == list(range(95))
    assert listings[3].first_row == 31 and listings[3].total == 95
    middle = listings[5].pager  # page 6 of 10: 1 … 3 4 5 6 7 8 9 10
    assert "**6**" in middle and "[1](../index.md)" in middle and "…" in middle
    assert "[2](2.md)" not in middle  # outside the window
    assert "[← Previous](5.md)" in middle and "[Next →](7.md)" in middle
    assert paginate(list(range(10)), "people/index.md")[0].pager == ""  # one page: no pager


def test_every_link_of_a_paginated_site_resolves(seeds_build, monkeypatch):
    """With one row a page, the seeds' listings run over many pages: each page's links (pager,
    rows, entity links) must point at a page the site has."""
    monkeypatch.setattr(pages_module, "PAGE_ROWS", 1)
    result = seeds_build
    out = render_pages(result.corpus, result.registry, BuildConfig(seeds=SEEDS)).pages
    continued = [p for p in out if first_page(p) != p]
    assert any(p.startswith("timeline/") for p in continued)
    assert any(p.startswith("people/list/") for p in continued)
    listings = [p for p in out if first_page(p) != p or p.endswith("index.md")]
    for page in [*listings, "timeline.md"]:
        assert len(LINK.findall(out[page])) > 2, page  # the rows' links are counted too
        for target in LINK.findall(out[page]):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            assert resolved in out, f"{page}: link to {target} ({resolved}) has no page"
