"""Pages: the aggregated corpus as Markdown, one page per record plus section indexes and home.

Pure text out (``{path: markdown}``), rendered from Jinja2 templates in ``generator/render/templates/``;
nothing here knows about MkDocs or its theme. Every value from an article is escaped, so article
text can never inject markup or links into a page.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby

import jinja2

from generator import paths
from generator.config import BuildConfig
from generator.curated.registry import Registry
from generator.data import (
    ArticleRecord,
    Corpus,
    Entity,
    EntityType,
    Event,
    Graph,
    QuoteRecord,
)
from generator.paths import ARTICLES_FOLDER, EVENTS_FOLDER, FOLDERS, TYPE_FOLDERS, page_path
from generator.render import blocks, search_marks
from generator.render.edits import EditTarget, edit_targets
from generator.render.entity_page import (
    Quotation,
    Related,
    context_html,
    quotation,
    related_by_type,
    role_order,
)
from generator.render.escape import front, md
from generator.render.inputs import GRAPH, ReadLog, TrackedMap
from generator.render.linking import linked_key, linked_paragraphs
from generator.render.related import RelatedIndex, related_index
from generator.render.relationships import Relationships
from generator.render.reuse import Kept, PageReuse

SECTION_TITLES = {
    "articles": "Articles",
    "people": "People",
    "countries": "Countries",
    "forums": "Forums",
    "issues": "Issues",
    "organizations": "Organizations",
    "events": "Events",
}
#: Articles listed with their sentences on an entity page; the record keeps all of them.
MAX_MENTIONS_SHOWN = 50
#: Rows on one page of a listing (a section index, the timeline). Longer listings continue on
#: further pages, so no page grows with the corpus: at 1,000 articles the one-page timeline was
#: 0.7 MB, which MkDocs, Material's search indexer and the browser all paid for.
PAGE_ROWS = 200
#: Pages linked either side of the current one in a listing's pager.
PAGER_WINDOW = 3


@dataclass
class Site:
    """Lookups over the corpus shared by every template."""

    corpus: Corpus
    registry: Registry
    config: BuildConfig
    #: the name matchers of article bodies a last build compiled, by the names they match
    #: (owned by the caller, so that `mkdocs serve` compiles only an edited article's again),
    #: and those this build uses; the same for linked bodies, by their inputs (``linked_key``)
    matchers: dict = field(default_factory=dict)
    compiled: dict = field(default_factory=dict)
    bodies: dict = field(default_factory=dict)
    linked: dict = field(default_factory=dict)
    last_related: RelatedIndex | None = None  # the last build's (``related_index``)
    #: under serve: where the maps below note the keys each call reads (``render.inputs``)
    log: ReadLog | None = None

    def _map(self, name: str, items: dict) -> dict:
        return items if self.log is None else TrackedMap(name, self.log, items)

    @cached_property
    def entities(self) -> dict[tuple[str, str], Entity]:
        return self._map("entities", {(FOLDERS[e.type], e.id): e for e in self.corpus.entities})

    @cached_property
    def articles(self) -> dict[str, ArticleRecord]:
        return self._map("articles", {a.article.id: a for a in self.corpus.articles})

    @cached_property
    def events(self) -> dict[str, Event]:
        return self._map("events", {e.id: e for e in self.corpus.events})

    def name(self, folder: str, ident: str) -> str:
        if folder == ARTICLES_FOLDER:
            return self.articles[ident].article.title if ident in self.articles else ident
        if folder == EVENTS_FOLDER:
            return self.events[ident].name if ident in self.events else ident
        entity = self.entities.get((folder, ident))
        return entity.name if entity else ident

    def exists(self, folder: str, ident: str) -> bool:
        if folder == ARTICLES_FOLDER:
            return ident in self.articles
        if folder == EVENTS_FOLDER:
            return ident in self.events
        return (folder, ident) in self.entities

    def link(self, folder: str, ident: str, here: str = "section") -> str:
        """An HTML link (``blocks``) to a record's page from a page at depth ``here``."""
        key = (folder, ident, here == "home")
        found = self._links.get(key)
        if found is not None and self.log is not None:
            self.exists(folder, ident)  # the record read, noted as a first call notes it
        if found is None:  # a hub is linked from thousands of pages: escape its name once
            label = blocks.text(self.name(folder, ident))
            prefix = "" if here == "home" else "../"
            found = (
                blocks.link(f"{prefix}{paths.page_of(folder, ident)}", label)
                if self.exists(folder, ident)
                else label
            )
            self._links[key] = found
        return found

    @cached_property
    def _links(self) -> dict[tuple[str, str, bool], str]:
        return {}

    def title_of(self, entity: Entity) -> str:
        """The page title: the name, with its acronym when it has one ('... (ADMM-Plus)'), so a
        search for the short form finds the page by its title."""
        acronyms = [
            a
            for a in entity.aliases
            if re.fullmatch(r"[A-Z][A-Za-z0-9&+\-]{1,15}", a) and sum(c.isupper() for c in a) >= 2
        ]
        if entity.type in (EntityType.FORUM, EntityType.ORGANIZATION) and acronyms:
            short = min(acronyms, key=lambda a: (len(a), a))
            if short not in entity.name:
                return f"{entity.name} ({short})"
        return entity.name

    def mentions_shown(self, entity: Entity) -> list:
        """The latest ``MAX_MENTIONS_SHOWN`` articles' mentions: a page's size must not grow with
        the corpus (a country in 5,000 articles made a 7 MB page)."""
        if len(entity.mentions) <= MAX_MENTIONS_SHOWN:
            return entity.mentions
        ranked = sorted(
            entity.mentions, key=lambda m: (self.dated(m.article) or "", m.article), reverse=True
        )
        return ranked[:MAX_MENTIONS_SHOWN]

    def role_rows(self, entity: Entity) -> list[dict[str, object]]:
        """One row per title: curated ones first with their start date, then extracted ones by
        how many articles give them (a phrase from one garbled sentence comes last), each with
        the first and latest article that gives it. A title repeated in hundreds of articles
        stays one row."""
        rows: dict[str, dict[str, object]] = {}
        for role in entity.roles:
            row = rows.setdefault(
                role.title.casefold(),
                {"title": role.title, "since": role.date, "articles": [], "curated": False},
            )
            if role.article:
                row["articles"].append(role.article)  # type: ignore[union-attr]
            else:
                row["curated"] = True
        for row in rows.values():
            dated = sorted(
                row["articles"],  # type: ignore[arg-type]
                key=lambda a: (self.dated(a) or "", a),
            )
            row["first"], row["last"] = (dated[0], dated[-1]) if dated else (None, None)
            row["count"] = len(set(dated))
        return sorted(rows.values(), key=lambda row: role_order(row, self.dated))

    def links_capped(
        self, folder: str, idents: list[str], limit: int = 5, here: str = "section"
    ) -> str:
        """Links to the first ``limit`` records and a count of the rest: a row must not grow
        with the corpus."""
        shown = self.links(folder, idents[:limit], here)
        rest = len(idents) - limit
        return f"{shown} and {rest} more" if rest > 0 else shown

    def links(self, folder: str, idents: list[str], here: str = "section") -> str:
        return ", ".join(self.link(folder, ident, here) for ident in idents)

    def dated(self, article_id: str) -> str | None:
        record = self.articles.get(article_id)
        return record.article.published if record else None

    @cached_property
    def related_index(self) -> RelatedIndex:
        """Entity key → other entities ranked by the shared articles (``render.related``)."""
        return related_index(self.corpus.entities, self.last_related)

    @cached_property
    def related(self) -> dict[str, list[tuple[Entity, list[str]]]]:
        found = {e.key: e for e in self.corpus.entities}
        ranked = self.related_index.ranked
        related = {k: [(found[o], arts) for o, arts in kept] for k, (_, kept) in ranked.items()}
        return self._map("related", related)

    def related_groups(self, entity: Entity) -> Related:
        return related_by_type(self.related[entity.key])

    @property
    def graph(self) -> Graph:
        if self.log is not None:
            self.log.note(GRAPH)
        return self.corpus.relations

    def quotes_on(self, entity: Entity) -> list[tuple[str, str, Quotation]]:
        """(article, speaker id, quotation) of quotes said in a sentence that mentions this
        entity."""
        out = []
        for mention in entity.mentions:
            record = self.articles.get(mention.article)
            for quote in record.quotes if record else []:
                if (
                    quote.sentence in mention.sentences
                    and quote.speaker != entity.id
                    and not quote.fragment
                ):
                    out.append(
                        (mention.article, quote.speaker, self.quotation(mention.article, quote))
                    )
        return out

    def quotation(self, article_id: str, quote: QuoteRecord) -> Quotation:
        """The quote as the quoted words, whole, with the sentence around them."""
        record = self.articles.get(article_id)
        return quotation(quote.text, quote.sentence, record.article.body if record else "")

    def spellings(self, entity: Entity) -> list[tuple[str, list[str]]]:
        """For a person the sources name differently ('Lloyd J. Austin' / 'Lloyd J. Austin II'):
        each full spelling with the articles that use it; empty when they agree."""
        if entity.type is not EntityType.PERSON:
            return []
        full: dict[str, set[str]] = defaultdict(set)
        spellings = [a for a in [entity.name, *entity.aliases] if len(a.split()) >= 2]
        for mention in entity.mentions:
            for sentence in mention.sentences:
                present = [a for a in spellings if a in sentence]
                for alias in present:
                    # "Lloyd J. Austin" inside "Lloyd J. Austin II" is the longer spelling
                    if not any(alias != other and alias in other for other in present):
                        full[alias].add(mention.article)
        if len(full) < 2 or len({a for arts in full.values() for a in arts}) < 2:
            return []
        return [(name, sorted(arts)) for name, arts in sorted(full.items())]

    def short_roles(self, entity: Entity, trusted: bool = False) -> list[str]:
        """Role titles of at most five words, without the country the country chip gives
        ("President of Russia" → "President"), one per title however spelled, in
        ``role_rows`` order. ``trusted``: only the first, the curated ones and those two or
        more articles give (the theme sorts chips by name, so a phrase from one garbled
        sentence must not be a chip at all)."""
        rows = self.role_rows(entity)
        if trusted:
            rows = rows[:1] + [r for r in rows[1:] if r["curated"] or int(r["count"]) >= 2]
        titles = (self.corpus.titles.without_places(row["title"]) for row in rows)
        return _unique([t for t in titles if t and len(t.split()) <= 5])

    def tags(self, entity: Entity) -> list[str]:
        """The chips shown on the page (Material's tags plugin reads them from ``chips``, see
        mkdocs.yml): type, country and the trusted short role titles."""
        tags = [entity.type.value]
        if entity.country and ("countries", entity.country) in self.entities:
            tags.append(self.entities[("countries", entity.country)].name)
        return _unique([*tags, *self.short_roles(entity, trusted=True)])[:6]

    def people_named(self, name: str) -> list[Entity]:
        """The people a lone name could mean: one of the words of their name, or an alias."""
        return self._people_by_name.get(name, [])

    @cached_property
    def _people_by_name(self) -> dict[str, list[Entity]]:
        index: dict[str, list[Entity]] = defaultdict(list)
        for entity in self.corpus.entities:
            if entity.type is EntityType.PERSON:
                for key in dict.fromkeys([*entity.name.split(), *entity.aliases]):
                    index[key].append(entity)
        return self._map("people_by_name", dict(index))

    def quotes_by(self, person_id: str) -> list[tuple[str, Quotation]]:
        """The person's whole quotations: (article id, quotation)."""
        return [
            (a, self.quotation(a, q))
            for a, q in self._quotes_by_speaker.get(person_id, [])
            if not q.fragment
        ]

    def reported_by(self, person_id: str) -> list[tuple[str, Quotation]]:
        """Words of the person's quoted inside reported speech, kept apart from quotations:
        they read right only in the writer's sentence around them."""
        out: dict[tuple[str, str], tuple[str, Quotation]] = {}
        for a, q in self._quotes_by_speaker.get(person_id, []):
            if q.fragment:  # one line per sentence, however many pieces of it are quoted
                out.setdefault((a, q.sentence), (a, self.quotation(a, q)))
        return list(out.values())

    @cached_property
    def _quotes_by_speaker(self) -> dict[str, list[tuple[str, QuoteRecord]]]:
        """Speaker id → (article id, quote) in corpus order (built once, not once per person)."""
        index: dict[str, list[tuple[str, QuoteRecord]]] = defaultdict(list)
        for record in self.corpus.articles:
            for quote in record.quotes:
                index[quote.speaker].append((record.article.id, quote))
        return self._map("quotes_by_speaker", dict(index))

    @cached_property
    def _events_by_entity(self) -> dict[tuple[str, str], list[Event]]:
        index: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for event in sorted(self.corpus.events, key=lambda e: (e.date or "9999", e.id)):
            for person in event.participants:
                index[("people", person)].append(event)
            if event.forum:
                index[("forums", event.forum)].append(event)
            for country in event.countries:
                index[("countries", country)].append(event)
        return self._map("events_by_entity", dict(index))

    def events_of(self, entity: Entity) -> list[Event]:
        """The entity's events by date: as participant, as the forum, or as the host country."""
        return self._events_by_entity.get((FOLDERS[entity.type], entity.id), [])

    def linked_body(self, record: ArticleRecord) -> list[str]:
        """The cleaned body, paragraph by paragraph, each entity linked at its first mention in
        the paragraph, the longest name winning (``generator.render.linking``)."""
        key = linked_key(record, self.entities, self.registry)
        found = self.bodies.get(key)
        if found is None:
            found = tuple(
                linked_paragraphs(
                    record, self.entities, self.registry, self.matchers, self.compiled
                )
            )
        self.linked[key] = found
        return list(found)

    def seen(self, entity: Entity) -> tuple[str | None, str | None]:
        found = sorted(d for d in (self.dated(m.article) for m in entity.mentions) if d)
        return (found[0], found[-1]) if found else (None, None)


def _unique(texts: list[str]) -> list[str]:
    """The texts in order, each once however capitalised."""
    first: dict[str, str] = {}
    for text in texts:
        first.setdefault(text.casefold(), text)
    return list(first.values())


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        autoescape=False,  # Markdown and HTML blocks out; values escaped explicitly: |md, |h
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["h"] = blocks.text
    env.filters["code"] = blocks.code
    env.filters["html"] = blocks.wrap
    env.filters["groupby_month"] = lambda events: groupby(events, _month)
    env.filters["front"] = front
    env.filters["context"] = context_html
    env.filters["article_page"] = paths.article_page
    env.filters["unindexed"] = search_marks.unindexed
    env.globals["entity_summary"] = search_marks.entity_summary
    env.globals["kind_filter"] = search_marks.kind_filter
    return env


@dataclass(frozen=True)
class Listing:
    """One page of a listing: its rows, where it is and how to reach the others."""

    rows: list
    path: str
    number: int
    pages: int
    first_row: int  # 1-based position of its first row in the whole listing
    total: int
    pager: str  # Markdown: "Page 2 of 9: [1](…) [2] [3](…) … [9](…)"; empty for a single page

    @property
    def prefix(self) -> str:
        """From this page up to its section's folder: ``../`` on ``people/list/2.md``."""
        return "../" * max(self.path.count("/") - 1, 0)

    @property
    def depth(self) -> str:
        """``site.link``'s ``here`` for this page: ``home`` at the top level, else ``section``."""
        return "home" if "/" not in self.path else "section"


def paginate(rows: list, first: str) -> list[Listing]:
    """``rows`` cut into pages of ``PAGE_ROWS`` (one page, with no pager, when they fit)."""
    chunks = [rows[i : i + PAGE_ROWS] for i in range(0, len(rows), PAGE_ROWS)] or [[]]
    out = []
    for number, chunk in enumerate(chunks, 1):
        path = page_path(first, number)
        out.append(
            Listing(
                chunk,
                path,
                number,
                len(chunks),
                (number - 1) * PAGE_ROWS + 1,
                len(rows),
                _pager(first, path, number, len(chunks)),
            )
        )
    return out


def _pager(first: str, here: str, number: int, pages: int) -> str:
    if pages == 1:
        return ""
    base = posixpath.dirname(here) or "."

    def link(n: int, label: str | None = None) -> str:
        target = posixpath.relpath(page_path(first, n), base)
        return f"[{label or n}]({target})"

    shown = sorted(
        {1, pages}
        | set(range(max(1, number - PAGER_WINDOW), min(pages, number + PAGER_WINDOW) + 1))
    )
    parts: list[str] = []
    for previous, n in zip([0, *shown], shown, strict=False):
        if n - previous > 1:
            parts.append("…")
        parts.append(f"**{n}**" if n == number else link(n))
    ends = []
    if number > 1:
        ends.append(link(number - 1, "← Previous"))
    if number < pages:
        ends.append(link(number + 1, "Next →"))
    return f"Page {number} of {pages}: " + " ".join(parts) + " · " + " · ".join(ends)


@dataclass
class RenderedPages:
    pages: dict[str, str]  # path under the docs root -> Markdown
    #: page -> the file behind it, for "Edit this page" (see ``generator.render.edits``)
    edits: dict[str, EditTarget] = field(default_factory=dict)
    #: the article-name matchers this build compiled or reused (``Site.compiled``)
    matchers: dict = field(default_factory=dict)
    #: with ``keep``: what a next build may reuse (``generator.render.reuse``)
    kept: Kept | None = None


def render_pages(
    corpus: Corpus,
    registry: Registry,
    config: BuildConfig,
    matchers: dict | None = None,
    kept: Kept | None = None,
    keep: bool = False,
    digests: Callable[[object], bytes | None] | None = None,
) -> RenderedPages:
    """Every page, with the file behind each; ``matchers``, ``kept``: what a last build made
    (``Site.matchers``, ``reuse``); ``keep``: make what a next build may reuse; ``digests``:
    the records' digests where they are known (``aggregate.kept``)."""
    site = Site(corpus, registry, config, matchers or {}, bodies=kept.bodies if kept else {})
    site.last_related = kept.related if kept else None
    env = kept.env if kept is not None and kept.env is not None else _environment()
    graphs = Relationships(site, blocks.text)
    reuse = PageReuse.of_site(env, site, graphs, kept, digests) if keep else None
    pages = _render(site, env, reuse)
    now = None
    if reuse is not None:
        now = Kept(reuse.finish(), site.linked, reuse.reused, site.related_index, env)
    return RenderedPages(pages, edit_targets(pages, corpus, registry), site.compiled, now)


def _render(site: Site, env: jinja2.Environment, reuse: PageReuse | None) -> dict[str, str]:
    corpus = site.corpus
    pages: dict[str, str] = {}
    constants = {"TYPE_FOLDERS": TYPE_FOLDERS, "SECTION_TITLES": SECTION_TITLES}
    common = {"site": site, "graphs": Relationships(site, blocks.text), **constants}

    def record_page(path: str, template: str, **context: object) -> None:
        if reuse is None:
            pages[path] = env.get_template(template).render(**common, **context)
        else:
            pages[path] = reuse.render(path, template, **constants, **context)

    latest = sorted(
        corpus.articles, key=lambda a: (a.article.published or "", a.article.id), reverse=True
    )[:10]
    recent = sorted(corpus.events, key=lambda e: (e.date or "", e.id), reverse=True)[:10]
    # the listings are kept as the record pages are: a rebuild renders again the few an edit
    # changed (~60 pages, ~1 s at 1,000 articles)
    record_page(
        paths.HOME_PAGE,
        "home.md.j2",
        stats=_stats(corpus),
        top=_top_entities(corpus),
        latest=latest,
        recent=recent,
    )
    for record in corpus.articles:
        record_page(paths.article_page(record.article.id), "article.md.j2", record=record)
    for entity in corpus.entities:
        record_page(
            paths.entity_page(entity), "entity.md.j2", entity=entity, folder=FOLDERS[entity.type]
        )
    for event in corpus.events:
        record_page(
            paths.event_page(event.id), "event.md.j2", event=event, max_shown=MAX_MENTIONS_SHOWN
        )
    for folder, title in SECTION_TITLES.items():
        for listing in paginate(_section_rows(site, folder), paths.index_page(folder)):
            record_page(listing.path, "section.md.j2", folder=folder, title=title, listing=listing)
    # the names in the most articles first: what fixes the most, and what a capped page keeps
    review = sorted(corpus.review, key=lambda r: (-len(r.articles), r.name))
    pages[paths.REVIEW_PAGE] = env.get_template("review.md.j2").render(
        **common, review=review, cap=PAGE_ROWS
    )
    record_page(paths.GRAPH_PAGE, "graph.md.j2")
    timeline = sorted(corpus.events, key=lambda e: (e.date or "0000", e.id), reverse=True)
    for listing in paginate(timeline, paths.TIMELINE_PAGE):
        record_page(listing.path, "timeline.md.j2", listing=listing)
    return dict(sorted(pages.items()))


def _month(event: Event) -> str:
    return (event.date or "undated")[:7]


def _stats(corpus: Corpus) -> dict[str, int]:
    counts = Counter(FOLDERS[e.type] for e in corpus.entities)
    counts[ARTICLES_FOLDER] = len(corpus.articles)
    counts[EVENTS_FOLDER] = len(corpus.events)
    return {folder: counts.get(folder, 0) for folder in SECTION_TITLES}


def _top_entities(corpus: Corpus) -> list[Entity]:
    ranked = sorted(
        (e for e in corpus.entities if e.type is not EntityType.COUNTRY),
        key=lambda e: (-len(e.mentions), -sum(m.count for m in e.mentions), e.name),
    )
    return ranked[:10]


def _section_rows(site: Site, folder: str) -> list[dict[str, object]]:
    if folder == ARTICLES_FOLDER:
        records = sorted(
            site.corpus.articles,
            key=lambda a: (a.article.published or "", a.article.id),
            reverse=True,
        )
        return [
            {
                "id": a.article.id,
                "name": a.article.title,
                "date": a.article.published,
                "extra": a.article.publisher or "",
            }
            for a in records
        ]
    if folder == EVENTS_FOLDER:
        return [
            {"id": e.id, "name": e.name, "date": e.date, "extra": e.kind}
            for e in sorted(site.corpus.events, key=lambda e: (e.date or "", e.id), reverse=True)
        ]
    entities = [e for e in site.corpus.entities if FOLDERS[e.type] == folder]
    entities.sort(key=lambda e: (-len(e.mentions), e.name.casefold()))
    return [
        {
            "id": e.id,
            "name": e.name,
            "date": None,
            "extra": len(e.mentions),
            "aliases": e.aliases,
            "role": next(iter(site.short_roles(e)), ""),  # the curated title when there is one
            "country": e.country if site.exists("countries", e.country or "") else None,
        }
        for e in entities
    ]
