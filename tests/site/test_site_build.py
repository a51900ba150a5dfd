"""End to end: `mkdocs build --strict` of the real site, and what the built site holds."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from generator.render.feeds import FeedSite, render_feeds
from generator.search.pagefind import indexed_pages
from tests.conftest import REPO, write_article
from tests.render.test_feeds import channel_of

pytestmark = pytest.mark.slow


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def mkdocs_build(config_dir: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=config_dir,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    before = {name: tree_digest(REPO / name) for name in ("seeds", "docs")}
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, out)
    assert result.returncode == 0, result.stderr
    after = {name: tree_digest(REPO / name) for name in ("seeds", "docs")}
    assert before == after, "the build wrote into seeds/ or docs/"
    return out


def test_every_record_has_its_page(site, seeds_build):
    for path in seeds_build.records:
        if "/" not in path:
            continue
        assert (site / path[: -len(".yml")] / "index.html").is_file(), path
    for folder in (
        "articles",
        "people",
        "countries",
        "forums",
        "issues",
        "organizations",
        "events",
    ):
        assert (site / folder / "index.html").is_file()


def test_records_are_downloadable(site, seeds_build):
    for path, text in seeds_build.records.items():
        assert (site / "records" / path).read_text("utf-8") == text
    assert json.loads((site / "records/people/wei-fenghe.json").read_text())["id"] == "wei-fenghe"
    with zipfile.ZipFile(site / "records/dossier-records.zip") as archive:
        assert "dossier-records/people/wei-fenghe.yml" in archive.namelist()


def test_search_index_holds_aliases(site):
    """Pagefind's index, not Material's: the person's record carries every alias (searchable
    metadata and weighted text), the type filter and the reader's summary line."""
    assert not (site / "search" / "search_index.json").exists()  # no lunr index any more
    pages = {p["url"]: p for p in indexed_pages(site)}
    austin = pages["/people/lloyd-austin/"]
    assert "Lloyd J. Austin II" in austin["meta"]["aliases"].split(", ")
    assert austin["meta"]["title"] == "Lloyd Austin"  # no "¶" from the heading's permalink
    assert austin["meta"]["summary"] == "person · Secretary of Defense · United States"
    assert austin["filters"] == {"type": ["person"]}
    assert pages["/countries/china/"]["meta"]["aliases"].count("PRC") == 1


#: What an editor reads and a reader's search must never show: provenance lines, the "add it to
#: curated/..." hint, the record links, the lines dropped as boilerplate.
EDITOR_TEXT = re.compile(
    r"curated registry:|not curated|add it to|curated/\w+\.yml|confidence \d|Source file"
    r"|\w\.txt\b|YAML · JSON|Dropped as boilerplate|\(front matter\)"
)


def test_no_search_record_holds_editor_text(site):
    pages = indexed_pages(site)
    assert len(pages) > 20
    for page in pages:
        for field, text in [("content", page["content"]), *page["meta"].items()]:
            found = EDITOR_TEXT.search(text)
            assert not found, f"{page['url']} {field}: {found.group(0)!r} in {text[:300]!r}"
    # the pages that hold such text are indexed: it is left out, not missing
    built = (site / "articles/002-2f1f37a58d6b76d2/index.html").read_text("utf-8")
    assert "Source file" in built and "Dropped as boilerplate" in built
    person = (site / "people/lloyd-austin/index.html").read_text("utf-8")
    assert EDITOR_TEXT.search(re.sub(r"<[^>]+>", "", person)), "the check sees the infobox"
    assert any(p["url"] == "/articles/002-2f1f37a58d6b76d2/" for p in pages)


def test_developer_pages_and_listings_are_not_in_the_search(site):
    urls = {p["url"] for p in indexed_pages(site)}
    for path in ("dev/ids", "scaling", "reliability", "review", "timeline", "graph", "people"):
        assert (site / path / "index.html").is_file(), path  # built, and still in the site
        assert f"/{path}/" not in urls, f"/{path}/ is in the reader's search"
    assert "/" not in urls
    assert {"/about/", "/people/wei-fenghe/", "/events/admm-plus-2022/"} <= urls


def test_home_page_title_is_the_site_name_once(site):
    title = re.search(r"<title>([^<]*)</title>", (site / "index.html").read_text("utf-8"))
    assert title and title.group(1).strip() == "Dossier"
    person = (site / "people/wei-fenghe/index.html").read_text("utf-8")
    assert "<title>Wei Fenghe - Dossier</title>" in person


def test_search_assets_are_in_the_site(site):
    html = (site / "people/wei-fenghe/index.html").read_text("utf-8")
    assert 'src="../../assets/dossier/search.js"' in html
    assert 'href="../../assets/dossier/search.css"' in html
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json"):
        assert (site / "pagefind" / name).is_file(), name


def _article_paragraphs(site: Path) -> dict[str, list[str]]:
    """Each article page's paragraphs (text and quotes), as HTML."""
    out = {}
    for page in sorted((site / "articles").glob("*/index.html")):
        html = page.read_text("utf-8")
        content = html[html.index("<article") : html.index("</article>")]
        out[page.parent.name] = re.findall(r"<p>(.*?)</p>", content, re.S)
    return out


def test_no_article_paragraph_links_one_entity_twice(site):
    paragraphs = _article_paragraphs(site)
    assert sum(len(p) for p in paragraphs.values()) > 20
    linked = 0
    for article, texts in paragraphs.items():
        for text in texts:
            pages = re.findall(r'<a href="\.\./\.\./([a-z]+/[^"]+)"', text)
            linked += bool(pages)
            twice = sorted({p for p in pages if pages.count(p) > 1})
            assert not twice, f"{article}: a paragraph links {twice} more than once: {text}"
    assert linked > 10  # the paragraphs do link


def test_south_china_sea_is_not_a_link_to_china(site):
    text = " ".join(" ".join(p) for p in _article_paragraphs(site).values())
    assert re.sub(r"<[^>]+>", "", text).count("South China Sea") >= 2  # both articles name it
    assert not re.search(r'South\s*<a href="[^"]*countries/china/"[^>]*>China</a>', text)
    assert not re.search(r'<a href="[^"]*countries/china/"[^>]*>South China Sea', text)


def test_nav_lists_sections_not_entity_pages(site):
    html = (site / "index.html").read_text("utf-8")
    assert 'href="people/"' in html
    assert "people/wei-fenghe/" not in html.split('class="md-nav')[1]


def test_no_external_font_or_script(site):
    html = (site / "people/wei-fenghe/index.html").read_text("utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_feeds_are_rss_with_one_item_per_dated_article(site, seeds_build):
    """``/feed.xml`` and each entity's feed, as built by MkDocs, are the RSS 2.0 documents the
    generator renders from the same seeds, byte for byte (no build time in them)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    feed_site = FeedSite(config["site_url"], config["site_name"], config["site_description"])
    expected = render_feeds(seeds_build.corpus, feed_site)
    dated = [a for a in seeds_build.corpus.articles if a.article.published]
    undated = [a for a in seeds_build.corpus.articles if not a.article.published]
    assert dated and undated  # the seeds have both: the undated one is left out
    channel = channel_of((site / "feed.xml").read_text("utf-8"))
    assert [i.findtext("title") for i in channel.findall("item")] == [
        a.article.title
        for a in sorted(
            sorted(dated, key=lambda a: a.article.id),
            key=lambda a: a.article.published,
            reverse=True,
        )
    ]
    for path, text in expected.items():
        assert (site / path).read_text("utf-8") == text, path
    person = next(e for e in seeds_build.corpus.entities if e.id == "lloyd-austin")
    mentioned = {m.article for m in person.mentions}
    channel = channel_of((site / "people/lloyd-austin/feed.xml").read_text("utf-8"))
    listed = channel.findall("item")
    assert len(listed) == len([a for a in dated if a.article.id in mentioned]) > 0
    assert listed[0].findtext("pubDate") == "Tue, 22 Nov 2022 00:00:00 +0000"


def test_pages_name_their_feeds_in_the_head(site):
    head = (site / "people/lloyd-austin/index.html").read_text("utf-8").split("</head>")[0]
    links = re.findall(r'<link rel="alternate" type="application/rss\+xml"[^>]*>', head)
    hrefs = [re.search(r'href="([^"]+)"', link)[1] for link in links]
    assert hrefs == ["feed.xml", "../../feed.xml"]  # its own, then the site's
    home = (site / "index.html").read_text("utf-8").split("</head>")[0]
    assert 'type="application/rss+xml" title="Dossier: latest articles" href="feed.xml"' in home
    # beside each feed a sitemap for Material's script to fetch (it follows rel="alternate")
    assert (site / "people/lloyd-austin/sitemap.xml").is_file()


def test_sitemap_lists_every_page(site):
    base = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["site_url"]
    listed = set(re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text("utf-8")))
    pages = set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        pages.add(base + rel.removesuffix("index.html"))
    assert len(pages) > 50  # generated pages too: articles, entities, events, listings
    assert listed == pages


def test_404_page_loads_from_the_project_path(site):
    """On a project Pages site (user.github.io/dossier/) the 404 page is served at any depth, so
    its links must start with the site's path, not with "/" alone."""
    html = (site / "404.html").read_text("utf-8")
    rooted = re.findall(r'(?:href|src)="(/[^"]*)"', html)
    assert rooted and all(url.startswith("/dossier/") for url in rooted), rooted
    assert '"/dossier/assets/stylesheets/' in html


def test_title_disagreement_note_is_rendered(tmp_path):
    """Two articles a week apart give one person different offices: the person page says so."""
    from tests.aggregate.test_roles import DEFENSE, FOREIGN

    project = tmp_path / "project"
    shutil.copytree(REPO / "seeds/curated", project / "seeds/curated")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    write_article(project / "seeds", "defense.txt", DEFENSE)
    write_article(project / "seeds", "foreign.txt", FOREIGN)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/people/maret-lindqvist/index.html").read_text("utf-8")
    heading = re.search(r"<h2[^>]*>Sources disagree on the title", html)
    assert heading, "the note has no heading of its own"
    start = html.index('<div class="admonition note">', heading.end())
    note = html[start : html.index("</div>", start)]
    for title, article in (
        ("Estonian Defense Minister", "defense"),
        ("Estonian Foreign Minister", "foreign"),
    ):
        assert re.search(
            rf"<strong>{title}</strong>: <a href=\"../../articles/{article}/\"", note
        ), f"{title} with a link to {article} is not in the note:\n{note}"
