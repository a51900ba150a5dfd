"""Paths: where every record and page lives. This is the one place the scheme is written down.

A record is ``<folder>/<id>.yml`` (and ``.json``) in the records folder. Its page is
``<folder>/<id>.md`` under the docs root. RECORDS.md fixes the folders: one per entity type,
plus ``articles`` and ``events``. ``<folder>/<id>`` without a suffix (a *stem*) also keys the
relationship graph's nodes. A listing that does not fit on one page continues on numbered pages
(``page_path``, ``first_page``).

Entity keys (``"person:lloyd-austin"``) are identities, not paths: ``generator.data.split_key``
reads them.
"""

from __future__ import annotations

import re

from generator.data import Entity, EntityType

ARTICLES_FOLDER = "articles"
EVENTS_FOLDER = "events"
#: Record folder for each entity type, as fixed by RECORDS.md.
FOLDERS: dict[EntityType, str] = {
    EntityType.PERSON: "people",
    EntityType.COUNTRY: "countries",
    EntityType.FORUM: "forums",
    EntityType.ISSUE: "issues",
    EntityType.ORGANIZATION: "organizations",
}
#: The same, by the type's name ("person" → "people"), for templates and review items.
TYPE_FOLDERS: dict[str, str] = {kind.value: folder for kind, folder in FOLDERS.items()}
#: The records of what the build was unsure of, beside the folders.
REVIEW_RECORD = "review.yml"
#: Top-level pages, beside the folders' pages.
HOME_PAGE = "index.md"
REVIEW_PAGE = "review.md"
GRAPH_PAGE = "graph.md"
TIMELINE_PAGE = "timeline.md"
#: Where the site publishes the records (``records/people/lloyd-austin.yml``).
RECORDS_FOLDER = "records"

_CONTINUATION = re.compile(r"^(?:(?P<folder>[a-z]+)/list|(?P<top>[a-z]+))/(?P<number>[0-9]+)\.md$")


# --- records and their pages ------------------------------------------------------------------


def stem(folder: str, ident: str) -> str:
    """``people/lloyd-austin``: a record's path without its suffix (also its graph node key)."""
    return f"{folder}/{ident}"


def entity_stem(entity: Entity) -> str:
    return stem(FOLDERS[entity.type], entity.id)


def article_stem(ident: str) -> str:
    return stem(ARTICLES_FOLDER, ident)


def event_stem(ident: str) -> str:
    return stem(EVENTS_FOLDER, ident)


def record_path(record_stem: str, suffix: str = "yml") -> str:
    """``people/lloyd-austin.yml``: the record at ``record_stem`` in the records folder."""
    return f"{record_stem}.{suffix}"


def page_of(folder: str, ident: str) -> str:
    """``people/lloyd-austin.md``: the page of the record ``ident`` of ``folder``."""
    return f"{stem(folder, ident)}.md"


def entity_page(entity: Entity) -> str:
    return page_of(FOLDERS[entity.type], entity.id)


def article_page(ident: str) -> str:
    return page_of(ARTICLES_FOLDER, ident)


def event_page(ident: str) -> str:
    return page_of(EVENTS_FOLDER, ident)


def index_page(folder: str) -> str:
    """``people/index.md``: the first page of a section's listing."""
    return f"{folder}/index.md"


# --- listings over several pages --------------------------------------------------------------


def page_path(first: str, number: int) -> str:
    """Page ``number`` (from 1) of the listing whose first page is ``first``. A section's
    ``people/index.md`` continues at ``people/list/2.md`` (entity ids are slugs without a slash,
    so they are never ``list/…``), and ``timeline.md`` at ``timeline/2.md``."""
    if number == 1:
        return first
    folder, _, name = first.rpartition("/")
    if name == "index.md":
        return f"{folder}/list/{number}.md"
    return f"{first.removesuffix('.md')}/{number}.md"


def first_page(page: str) -> str:
    """The first page of the listing that ``page`` continues (``page`` itself if it continues
    none)."""
    found = _CONTINUATION.match(page)
    if found is None or found["number"] == "1":
        return page
    if found["folder"]:
        return index_page(found["folder"])
    return f"{found['top']}.md"
