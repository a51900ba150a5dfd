"""Edit targets: the file behind each generated page, for its "Edit this page" button.

An article's page opens its ``.txt``. A curated entity's page opens its entry (``#L<line>``). An
extracted entity's page opens the curated file it would be added to. A listing page opens the
template that renders it. A page is given a file relative to the seeds folder, or the name of a
template. Turning either into a URL is the MkDocs plugin's job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import paths
from generator.curated.registry import Registry
from generator.data import Corpus

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Listing pages made from many files: "Edit this page" opens the template that renders them
#: (any other top-level page ``<name>.md``: ``templates/<name>.md.j2``, when there is one).
TEMPLATE_PAGES = {
    paths.HOME_PAGE: "home.md.j2",
    paths.index_page(paths.ARTICLES_FOLDER): "section.md.j2",
    paths.index_page(paths.EVENTS_FOLDER): "section.md.j2",
    paths.REVIEW_PAGE: "review.md.j2",
}


@dataclass(frozen=True)
class EditTarget:
    """The file behind a generated page."""

    path: str  # relative to the seeds folder; with ``template``, a name under ``TEMPLATES``
    anchor: str = ""  # "L12": the line of a curated entry
    template: bool = False

    def file(self, seeds: Path) -> Path:
        """The file itself, for a build of the seeds folder ``seeds``."""
        return (TEMPLATES if self.template else seeds) / self.path


def edit_targets(pages: Iterable[str], corpus: Corpus, registry: Registry) -> dict[str, EditTarget]:
    """Each of ``pages`` that has one → its edit target. A listing's later pages edit like its
    first page."""
    sources = edit_sources(corpus, registry)
    out: dict[str, EditTarget] = {}
    for page in pages:
        first = paths.first_page(page)
        source = sources.get(page, sources.get(first))
        if source is not None:
            path, _, anchor = source.partition("#")
            out[page] = EditTarget(path, anchor)
        elif template := template_of(first):
            out[page] = EditTarget(template, template=True)
    return out


def edit_sources(corpus: Corpus, registry: Registry) -> dict[str, str]:
    """Generated page -> the file behind it, relative to the seeds folder.

    An article's page: its ``.txt``. An entity's page: its curated entry (``file#L<line>``) when
    it is curated, else the curated file of its type, where it would be added. An event's page:
    the first article that reports it (events are read from articles only). An entity section's
    index: the curated file of its type. Listing pages made from everything (home, articles and
    events indexes, review) are left out: see ``TEMPLATE_PAGES``.
    """
    out: dict[str, str] = {}
    sources = {record.article.id: record.article.source.path for record in corpus.articles}
    for ident, path in sources.items():
        out[paths.article_page(ident)] = path
    for entity in corpus.entities:
        entry = registry.get(entity.key)
        page = paths.entity_page(entity)
        out[page] = f"{entry.file}#L{entry.line}" if entry else registry.file_for(entity.type)
    for event in corpus.events:
        first = next((sources[a] for a in event.articles if a in sources), None)
        if first:
            out[paths.event_page(event.id)] = first
    for kind, folder in paths.FOLDERS.items():
        out[paths.index_page(folder)] = registry.file_for(kind)
    return out


def template_of(page: str) -> str | None:
    """The template behind a listing page (home, review, ...), by name under ``templates/``."""
    if page in TEMPLATE_PAGES:
        return TEMPLATE_PAGES[page]
    name = f"{page.removesuffix('.md')}.md.j2"
    return name if "/" not in page and (TEMPLATES / name).is_file() else None
