"""Feeds: RSS 2.0 of the latest articles (``feed.xml``) and of the articles that mention each
entity (``<folder>/<id>/feed.xml``, beside the entity's page), newest first.

Pure text out (``{path in the site: XML}``). Readers need absolute links, so the caller gives the
site's address (MkDocs' ``site_url``). Dates are the articles' own publication dates, never the
build's: an article without one is left out of the feeds (a reader sorts by date, and an undated
item would be shown as new on every visit). The same corpus gives the same bytes.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime

from generator import paths
from generator.data import ArticleRecord, Corpus, Entity

#: Items per feed: a feed reader needs the latest, and the file stays the same size whatever the
#: corpus's.
MAX_ITEMS = 50
FEED_NAME = "feed.xml"
#: The words of an item's description taken from the article's first paragraph.
LEAD_CHARS = 280
ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/elements/1.1/"
ET.register_namespace("atom", ATOM)
ET.register_namespace("dc", DC)
#: Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class FeedSite:
    """What a feed says about the site it belongs to."""

    url: str  # the site's address, ending in "/" (MkDocs' site_url)
    name: str
    description: str = ""
    directory_urls: bool = True  # MkDocs' use_directory_urls: articles/x/ or articles/x.html

    def page_url(self, page: str) -> str:
        """The absolute address of the page built from ``page`` (``articles/x.md``)."""
        stem = page.removesuffix(".md")
        return self.url + (f"{stem}/" if self.directory_urls else f"{stem}.html")


def site_feed() -> str:
    """The path of the site's feed of the latest articles."""
    return FEED_NAME


def entity_feed(entity: Entity) -> str:
    """``people/lloyd-austin/feed.xml``: beside the entity's page (``people/lloyd-austin/``)."""
    return f"{paths.entity_stem(entity)}/{FEED_NAME}"


@dataclass
class FeedCache:
    """The last build's feeds, each with everything it was written from, owned by whoever builds
    again (the MkDocs plugin under `mkdocs serve`): writing every entity's feed took ~3.6 s of
    a rebuild at 1,000 articles, after an edit that changes a few."""

    feeds: dict[str, tuple[tuple, str]] = field(default_factory=dict)
    written: int = 0  # feeds the last build wrote (the others were kept)


def render_feeds(corpus: Corpus, site: FeedSite, cache: FeedCache | None = None) -> dict[str, str]:
    """Every feed: the site's, and one per entity that some dated article mentions. With
    ``cache``, a feed whose inputs are those of the last build's is taken from it."""
    dated = _newest_first(corpus.articles)
    read = {record.article.id: _read(record) for record in dated}
    kept = cache.feeds if cache is not None else {}
    now: dict[str, tuple[tuple, str]] = {}
    written = 0

    def feed(path: str, title: str, link: str, description: str, articles: list) -> None:
        nonlocal written
        key = (title, link, description, site, tuple(read[r.article.id] for r in articles))
        old = kept.get(path)
        if old is None or old[0] != key:
            old = (key, _feed(title=title, link=link, description=description,
                              articles=articles, self_url=site.url + path, site=site))  # fmt: skip
            written += 1
        now[path] = old

    feed(
        site_feed(),
        site.name,
        site.url,
        site.description or f"The latest articles in {site.name}.",
        dated[:MAX_ITEMS],
    )
    rank = {record.article.id: i for i, record in enumerate(dated)}
    for entity in corpus.entities:
        order = sorted({m.article for m in entity.mentions if m.article in rank}, key=rank.get)
        if not order:
            continue
        feed(
            entity_feed(entity),
            f"{site.name}: {entity.name}",
            site.page_url(paths.entity_page(entity)),
            f"Articles that mention {entity.name}, newest first.",
            [dated[rank[a]] for a in order[:MAX_ITEMS]],
        )
    if cache is not None:
        cache.feeds, cache.written = now, written
    return {path: text for path, (_, text) in now.items()}


def _read(record: ArticleRecord) -> tuple:
    """What an article's item is written from (``_item``)."""
    article = record.article
    original = article.source.front_matter.get("url")
    lead = article.paragraphs[0] if article.paragraphs else ""
    url = original if isinstance(original, str) else None
    return (article.id, article.title, article.published, article.publisher,
            tuple(article.authors), lead, url)  # fmt: skip


def _newest_first(articles: list[ArticleRecord]) -> list[ArticleRecord]:
    """The dated articles, newest first; one day's articles by id, so the order is stable."""
    dated = [a for a in articles if _day(a.article.published) is not None]
    dated.sort(key=lambda a: a.article.id)
    dated.sort(key=lambda a: _day(a.article.published), reverse=True)
    return dated


def _day(published: str | None) -> date | None:
    """The publication day, or None when the article gives none (or only a month or a year)."""
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


def rfc822(day: date) -> str:
    """``Tue, 22 Nov 2022 00:00:00 +0000``: RSS 2.0's date form (RFC 822), at midnight UTC."""
    return format_datetime(datetime(day.year, day.month, day.day, tzinfo=UTC))


def _feed(
    *,
    title: str,
    link: str,
    description: str,
    articles: list[ArticleRecord],
    self_url: str,
    site: FeedSite,
) -> str:
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", title)
    _text(channel, "link", link)
    _text(channel, "description", description)
    ET.SubElement(
        channel, f"{{{ATOM}}}link", {"href": self_url, "rel": "self", "type": "application/rss+xml"}
    )
    _text(channel, "language", "en")
    _text(channel, "generator", "Dossier")
    for record in articles:
        _item(channel, record, site)
    ET.indent(rss, space="  ")
    return ET.tostring(rss, encoding="unicode", xml_declaration=True) + "\n"


def _item(channel: ET.Element, record: ArticleRecord, site: FeedSite) -> None:
    article = record.article
    day = _day(article.published)
    assert day is not None  # only dated articles are listed
    url = site.page_url(paths.article_page(article.id))
    item = ET.SubElement(channel, "item")
    _text(item, "title", article.title)
    _text(item, "link", url)
    _text(item, "description", _description(record, day))
    _text(item, "pubDate", rfc822(day))
    ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
    if article.publisher:
        _text(item, f"{{{DC}}}publisher", article.publisher)
    for author in article.authors:
        _text(item, f"{{{DC}}}creator", author)
    original = article.source.front_matter.get("url")
    if isinstance(original, str) and original.startswith(("http://", "https://")):
        _text(item, f"{{{DC}}}source", original)  # where the article was first published


def _description(record: ArticleRecord, day: date) -> str:
    """Who published it and when, then the start of its first paragraph (plain text)."""
    article = record.article
    head = " · ".join(p for p in (article.publisher, day.isoformat()) if p)
    lead = " ".join(article.paragraphs[0].split()) if article.paragraphs else ""
    if len(lead) > LEAD_CHARS:
        lead = lead[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"
    return f"{head}. {lead}".strip() if lead else head


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = _NOT_XML.sub("", text)


def page_feeds(corpus: Corpus, feeds: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Entity page (``people/x.md``) -> (the entity's name, its feed), for the feeds there are."""
    return {
        paths.entity_page(e): (e.name, entity_feed(e))
        for e in corpus.entities
        if entity_feed(e) in feeds
    }


def alternate_links(feeds: list[tuple[str, str]]) -> str:
    """``<link rel="alternate">`` tags for a page's <head>, one per (title, address of the feed):
    how browsers and feed readers find a page's feeds, whatever the theme."""
    return "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{html.escape(title)}" '
        f'href="{html.escape(href)}">'
        for title, href in feeds
    )


#: An empty sitemap. Material for MkDocs (9.x) fetches ``sitemap.xml`` beside the target of
#: every ``<link rel="alternate">`` of a page (its language selector reads alternates from it;
#: the same code in Zensical is zensical/zensical#908), so without one beside each entity feed
#: every entity page would log a 404. An empty one lists nothing and is read as nothing.
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def sitemap_stubs(feeds: dict[str, str]) -> dict[str, str]:
    """An empty ``sitemap.xml`` in each folder of a feed but the site's root (which has MkDocs'
    sitemap), for Material's fetch (``EMPTY_SITEMAP``)."""
    folders = sorted({path.rpartition("/")[0] for path in feeds} - {""})
    return {f"{folder}/sitemap.xml": EMPTY_SITEMAP for folder in folders}
