"""Feeds (``generator/render/feeds.py``): RSS 2.0 of the latest articles and of each entity's."""

from __future__ import annotations

import copy
import dataclasses
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from generator.build import BuildResult
from generator.paths import FOLDERS
from generator.render import feeds
from generator.render.feeds import FeedSite, render_feeds

SITE = FeedSite(url="https://example.org/dossier/", name="Dossier", description="News, linked.")
DC = "{http://purl.org/dc/elements/1.1/}"


def article(title: str, published: str | None, body: str, publisher: str = "Example News") -> str:
    date = f"published: {published}\n" if published else ""
    return f"---\ntitle: {title!r}\npublisher: {publisher!r}\n{date}---\n{body}\n"


AUSTIN = (
    "U.S. Secretary of Defense Lloyd Austin met Chinese Defense Minister Wei Fenghe on Tuesday."
)
ARTICLES = {
    "a.txt": article("Austin in Cambodia", "2022-11-22", AUSTIN),
    "b.txt": article("Talks & tensions <again>", "2024-01-05", AUSTIN, publisher="A & B Wire"),
    "c.txt": article("Wei alone", "2023-03-01", "Chinese Defense Minister Wei Fenghe spoke."),
    "d.txt": article("Undated Austin", None, AUSTIN),
}


@pytest.fixture
def corpus_build(build_articles) -> BuildResult:
    return build_articles(ARTICLES)


def channel_of(text: str) -> ET.Element:
    """The channel of an RSS 2.0 document; fails unless it is one."""
    root = ET.fromstring(text)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None
    for tag in ("title", "link", "description"):
        assert (channel.findtext(tag) or "").strip(), tag
    return channel


def items(channel: ET.Element) -> list[ET.Element]:
    return channel.findall("item")


def test_site_feed_lists_dated_articles_newest_first(corpus_build):
    out = render_feeds(corpus_build.corpus, SITE)
    channel = channel_of(out["feed.xml"])
    assert channel.findtext("link") == SITE.url
    assert channel.findtext("title") == "Dossier"
    listed = items(channel)
    assert [i.findtext("title") for i in listed] == [
        "Talks & tensions <again>",  # escaped in the file, read back as written
        "Wei alone",
        "Austin in Cambodia",
    ]
    days = [parsedate_to_datetime(i.findtext("pubDate")) for i in listed]  # RFC 822
    assert days == sorted(days, reverse=True)
    assert listed[0].findtext("pubDate") == "Fri, 05 Jan 2024 00:00:00 +0000"
    assert listed[0].findtext(f"{DC}publisher") == "A & B Wire"
    for item in listed:
        link = item.findtext("link")
        assert link.startswith(SITE.url + "articles/") and link.endswith("/")
        assert item.findtext("guid") == link
        assert item.find("guid").get("isPermaLink") == "true"
    assert "&amp;" in out["feed.xml"] and "&lt;again&gt;" in out["feed.xml"]


def test_entity_feed_lists_the_articles_that_mention_it(corpus_build):
    corpus = corpus_build.corpus
    austin = next(e for e in corpus.entities if e.name.startswith("Lloyd"))
    out = render_feeds(corpus, SITE)
    path = f"{FOLDERS[austin.type]}/{austin.id}/feed.xml"
    channel = channel_of(out[path])
    assert channel.findtext("link") == f"{SITE.url}people/{austin.id}/"
    # the two dated articles that mention him, newest first; the undated one is left out
    assert [i.findtext("title") for i in items(channel)] == [
        "Talks & tensions <again>",
        "Austin in Cambodia",
    ]
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == SITE.url + path and self_link.get("rel") == "self"


def test_feeds_are_capped_and_byte_stable(corpus_build, monkeypatch):
    first = render_feeds(corpus_build.corpus, SITE)
    assert render_feeds(corpus_build.corpus, SITE) == first
    monkeypatch.setattr(feeds, "MAX_ITEMS", 1)
    capped = render_feeds(corpus_build.corpus, SITE)
    assert all(len(items(channel_of(text))) == 1 for text in capped.values())


def test_without_directory_urls_links_name_the_html_file(corpus_build):
    flat = FeedSite(url=SITE.url, name="Dossier", directory_urls=False)
    channel = channel_of(render_feeds(corpus_build.corpus, flat)["feed.xml"])
    assert all(i.findtext("link").endswith(".html") for i in items(channel))


def test_alternate_links_escape_their_titles():
    html = feeds.alternate_links([('A "B" <C>', "../x/feed.xml?a&b")])
    assert html == (
        '<link rel="alternate" type="application/rss+xml" title="A &quot;B&quot; &lt;C&gt;" '
        'href="../x/feed.xml?a&amp;b">'
    )


def test_each_feed_folder_has_an_empty_sitemap(corpus_build):
    out = render_feeds(corpus_build.corpus, SITE)
    stubs = feeds.sitemap_stubs(out)
    assert "sitemap.xml" not in stubs  # the root's is MkDocs'
    assert set(stubs) == {p.replace("feed.xml", "sitemap.xml") for p in out if "/" in p}
    root = ET.fromstring(feeds.EMPTY_SITEMAP)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset" and len(root) == 0


def test_kept_feeds_are_those_written_from_scratch(corpus_build):
    """Under `mkdocs serve` a rebuild writes again only the feeds whose articles changed."""
    corpus = corpus_build.corpus
    cache = feeds.FeedCache()
    first = render_feeds(corpus, SITE, cache)
    assert cache.written == len(first)
    assert render_feeds(corpus, SITE, cache) == first and cache.written == 0
    changed = copy.deepcopy(corpus)
    record = next(r for r in changed.articles if r.article.title == "Wei alone")
    record.article = dataclasses.replace(record.article, title="Wei, alone again")
    again = render_feeds(changed, SITE, cache)
    assert again == render_feeds(changed, SITE)
    rewritten = {path for path in again if again[path] != first[path]}
    assert "feed.xml" in rewritten and "people/wei-fenghe/feed.xml" in rewritten
    assert "people/lloyd-austin/feed.xml" not in rewritten  # Austin is not in that article
    assert cache.written == len(rewritten)
