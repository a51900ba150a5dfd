"""What a build may reuse, owned by whoever runs builds (the CLI for one build, the MkDocs plugin
for every rebuild under ``mkdocs serve``), never by a module.

Each stage that can be skipped asks its memo with a key made of the stage's input and the
fingerprint of the code that makes its output (``fingerprint.py``, derived from the imports):

- the curated data: kept in memory while no curated file changes;
- extraction: memory (the last build's), then the disk store (``store.py``), keyed by the source
  file, the curated data, the model and the extraction code; the Doc layer below it, keyed by the
  body, the model and the pipeline code, spares the model when only the rules must run again;
- link: the last build's linked articles under the same extraction key and curated data;
- records: the YAML of each record unchanged since the last build, under the rendering code;
- pages: in memory, each record page with what its template read, taken again while all of it
  is the same (``generator.render.reuse``).

``BuildMemo(None)`` reuses nothing; ``keep_in_memory=False`` (the CLI) uses the disk only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.curated.check import load_checked
from generator.curated.registry import Registry, curated_key
from generator.data import Corpus, Extraction, LinkedArticle, Problem, SourceFile
from generator.extract import Tools, load_tools
from generator.memo.fingerprint import code_fingerprint
from generator.memo.memory import Articles, LastBuild
from generator.memo.store import CacheStats, ExtractionCache, sha256
from generator.render.records import Rendered, render_all

#: The code that turns records into YAML text (and keeps it across builds of one process).
RECORDS_CODE = ("generator.render.records", "generator.render.kept_records")

__all__ = ["BuildMemo", "CacheStats", "ExtractionCache"]


class BuildMemo:
    def __init__(
        self, cache_dir: Path | None, keep_in_memory: bool = False, keep_pages: bool | None = None
    ) -> None:
        self.cache_dir = cache_dir
        #: whether a build keeps its record pages for the next (``render.reuse``); noting what
        #: each page reads costs a build that has no next one (``mkdocs build``)
        self.keep_pages = keep_in_memory if keep_pages is None else keep_pages
        self.store = ExtractionCache(cache_dir) if cache_dir is not None else None
        self.last = LastBuild() if keep_in_memory else None
        #: the article-name matchers of the last build's pages (``render.pages.Site.matchers``),
        #: kept in memory only, for the next build of this process
        self.matchers: dict = {}
        #: the last build's record pages with what each read, and its linked article bodies
        #: (``render.reuse.Kept``): a next build renders only the pages whose inputs changed.
        #: Not imported here: the extraction code imports this module, and code fingerprints
        #: follow imports, so a change to the renderer would make every article extract again.
        self.pages: Any = None
        #: the graph's files by a digest of their inputs (``render.graph_data.KeptGraphs``; not
        #: imported here, for the same reason)
        self.graphs: Any = None
        #: the last build's records, so a rebuild's unchanged ones are the same objects
        #: (``aggregate.kept.KeptCorpus``), and their JSON and YAML text
        #: (``render.kept_records.KeptRecords``); not imported here, for the same reason
        self.corpus: Any = None
        self.records: Any = None
        #: the last build's entities and article records with what each was made of
        #: (``aggregate.incremental.KeptAggregate``; not imported here, for the same reason)
        self.aggregate: Any = None
        self._records_context: str | None = None

    def start(self) -> None:
        """A new build: fresh counts (the store's fingerprint of the code is kept)."""
        if self.store is not None:
            self.store.stats = CacheStats()

    @property
    def stats(self) -> CacheStats | None:
        return self.store.stats if self.store is not None else None

    # --- curated data and tools -------------------------------------------------------------

    def registry(self, seeds: Path) -> tuple[Registry, list[Problem]]:
        """The curated data with every problem `check` finds in it; the last build's while no
        curated file changed."""
        if self.last is None:
            return load_checked(seeds)
        key = curated_key(seeds)
        kept = self.last.get("registry", key)
        if kept is None:
            registry, problems = load_checked(seeds)
            kept = (registry, tuple(problems))
            self.last.put("registry", key, kept)
        return kept[0], list(kept[1])

    def tools(self, registry: Registry, model: str) -> Tools:
        """The model and the registry's matchers; the last build's under the same curated data
        and model."""
        if self.last is None:
            return load_tools(registry, model)
        key = f"{registry.digest};{model}"
        tools = self.last.get("tools", key)
        if tools is None:
            tools = load_tools(registry, model)
            self.last.put("tools", key, tools)
        return tools

    # --- extraction -------------------------------------------------------------------------

    def extraction_keys(self, sources: list[SourceFile], digest: str, model: str) -> list[str]:
        """One key per source file (empty without a store)."""
        if self.store is None:
            return []
        context = self.store.extraction_context(digest, model)
        return [self.store.extraction_key(source, context) for source in sources]

    def extractions(self, sources: list[SourceFile], keys: list[str]) -> list[Extraction | None]:
        """The kept extraction of each source (None where there is none): from the last build
        in memory when it had the same key, else from the disk store."""
        if self.store is None:
            return [None] * len(sources)
        last = self.last.articles.extractions if self.last is not None else {}
        found: list[Extraction | None] = []
        for source, key in zip(sources, keys, strict=True):
            extraction = last.get(key)
            if extraction is not None:
                self.store.stats.extraction_hits += 1
                self.store.stats.memory_hits += 1
            else:
                extraction = self.store.get_extraction(source, key)
            found.append(extraction)
        return found

    def put_extraction(self, extraction: Extraction, key: str) -> None:
        if self.store is not None:
            self.store.put_extraction(extraction, key)

    # --- link -------------------------------------------------------------------------------

    def link(
        self,
        extractions: list[Extraction],
        keys: list[str],
        registry: Registry,
        link_one: Callable[[Extraction], LinkedArticle],
    ) -> list[LinkedArticle]:
        """Each article linked by ``link_one``, or the last build's under the same extraction
        key and curated data; this build's are then kept for the next."""
        last = self.last.articles if self.last is not None else Articles()
        if last.registry_digest != registry.digest:
            last = Articles()  # linked with other curated data: link everything anew
        linked = [
            (last.linked.get(keys[i]) if keys else None) or link_one(extraction)
            for i, extraction in enumerate(extractions)
        ]
        if self.last is not None and self.store is not None:
            self.last.articles = Articles(
                dict(zip(keys, extractions, strict=True)),
                dict(zip(keys, linked, strict=True)),
                registry.digest,
            )
            self.last.freeze()  # the articles just kept live on into the next build
        return linked

    # --- records ----------------------------------------------------------------------------

    def records_context(self) -> str:
        """The code that renders records, and PyYAML's version: what their text is made with.
        Derived once per memo, as the store derives the extraction code's (reading and parsing
        the modules again took ~0.1 s of every rebuild under serve)."""
        if self._records_context is None:
            self._records_context = sha256(yaml.__version__, code_fingerprint(*RECORDS_CODE))
        return self._records_context

    def render_records(self, corpus: Corpus, context: str | None = None) -> Rendered:
        """The records, reusing the YAML of those unchanged since the last build (under the
        same rendering code, ``context``)."""
        if self.store is None:
            return render_all(corpus)
        context = context or self.records_context()
        previous = self.store.get_rendered(context)
        rendered = render_all(corpus, previous)
        if rendered.memo.keys() != previous.keys():
            self.store.put_rendered(context, rendered.memo)
        return rendered
