"""The whole pipeline, top to bottom: ingest → clean → extract → link → aggregate → render.

The CLI and the MkDocs plugin both call ``build``; nothing else runs the stages. What a build may
reuse from an earlier one is the memo's business (``generator.memo``), not this file's.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.aggregate import aggregate
from generator.aggregate.incremental import KeptAggregate
from generator.aggregate.kept import keep_corpus
from generator.clean import Rules, clean
from generator.config import BuildConfig
from generator.curated.registry import Registry
from generator.data import CleanArticle, Corpus, Extraction, Problem
from generator.extract import Tools, extract
from generator.ingest import ingest
from generator.link import Linker, link_article
from generator.memo import BuildMemo, CacheStats
from generator.progress import NoProgress, Progress
from generator.render.edits import EditTarget
from generator.render.graph_data import KeptGraphs, graph_files
from generator.render.kept_records import kept_from, render_kept, rendered_records
from generator.render.pages import RenderedPages, render_pages
from generator.render.records import Rendered

if TYPE_CHECKING:
    from generator.extract.dask_client import DaskEngine

log = logging.getLogger("dossier")

#: Optional hook around each stage (the benchmark measures memory with it): name -> context.
StageHook = Callable[[str], AbstractContextManager[object]]


@dataclass
class BuildResult:
    corpus: Corpus
    records: dict[str, str]  # path in the out folder -> YAML text
    records_json: dict[str, str]  # same, as JSON
    pages: dict[str, str]  # path under the docs root -> Markdown
    problems: list[Problem]
    #: Wall seconds per stage (registry, ingest, cache, clean, extract, link, aggregate, records,
    #: pages) and within extract: load_model, ner (the model), doc_cache, rules,
    #: extraction_cache (writing).
    timings: dict[str, float] = field(default_factory=dict)
    cache: CacheStats | None = None  # hits and misses, when the extraction cache is on
    model_articles: int = 0  # articles the NER model ran on
    registry: Registry | None = None  # the curated data the build read
    #: page -> the file behind it, for "Edit this page" (``generator.render.edits``)
    edits: dict[str, EditTarget] = field(default_factory=dict)
    #: path under the site root -> text: the interactive graphs' data (``render.graph_data``)
    site_files: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


#: The stages in the order a build runs them (the names its progress and timings use).
STAGES = (
    "registry",
    "ingest",
    "cache",
    "clean",
    "extract",
    "link",
    "aggregate",
    "records",
    "pages",
)


def build(
    config: BuildConfig,
    tools: Tools | None = None,
    with_pages: bool = True,
    stage_hook: StageHook | None = None,
    memo: BuildMemo | None = None,
    progress: Progress | None = None,
    dask: DaskEngine | None = None,
) -> BuildResult:
    """Run every stage. ``memo`` is what this build may reuse (by default the disk cache of
    ``config``); ``tools`` are a model and matchers already loaded; ``progress`` is told which
    stage runs and how many articles of how many it has done. With ``config.dask`` the model
    runs on a Dask cluster: ``dask``'s, kept by the caller across builds, or one for this build
    only."""
    memo = memo or BuildMemo(config.cache_dir)
    memo.start()
    timings: dict[str, float] = {}
    progress = progress or NoProgress()

    @contextmanager
    def stage(name: str, total: int = 0) -> Iterator[None]:
        progress.start(name, total)
        start = time.perf_counter()
        with stage_hook(name) if stage_hook else nullcontext():
            yield
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
        progress.end()

    # Curated knowledge first, with everything `check` finds in it: every later stage reads it.
    with stage("registry"):
        registry, problems = memo.registry(config.seeds)
    # ingest: files → decoded sources; unreadable files are reported and skipped.
    with stage("ingest"):
        sources, ingest_problems = ingest(config.seeds, config.max_article_bytes)
        problems += ingest_problems
    # An article whose extraction is kept is neither cleaned nor extracted again (the kept
    # extraction carries its clean article).
    n = len(sources)
    with stage("cache", n):
        digest = (tools.registry if tools else registry).digest
        keys = memo.extraction_keys(sources, digest, tools.model if tools else config.model)
        found = memo.extractions(sources, keys)
    # clean: boilerplate out; title, byline, date and publisher read.
    with stage("clean", n):
        rules = Rules.from_curated(registry.boilerplate)
        articles = [
            kept.article if kept is not None else clean(source, rules)
            for source, kept in zip(sources, found, strict=True)
        ]
    # extract: NER + registry + rules → mentions, quotes, events per article.
    with stage("extract", n):
        extractions, model_articles = _extract(
            articles, found, keys, registry, config, tools, memo, timings, progress, dask
        )
    # link: mentions → entity keys within each article.
    with stage("link", n):
        linkers: list[Linker] = []

        def link_one(extraction: Extraction):
            if not linkers:
                linkers.append(Linker.build(registry))
            return link_article(extraction, linkers[0])

        linked = memo.link(extractions, keys, registry, link_one)
    # A rebuild in a process that keeps its builds (`mkdocs serve`) allocates a new corpus and
    # its records and pages: the cyclic collector's passes over them, again and again as they
    # grow, took 5-6 of a rebuild's ~20 s at 1,000 articles. Paused there, it collects the
    # few cycles left once the build is done; a first build keeps it running (it renders every
    # page, and its garbage would pile up).
    paused = _collector_paused(memo.last is not None and memo.pages is not None)
    # aggregate: one entity per real-world thing across articles; ids minted; events merged;
    # the relationship graph with its evidence.
    with paused, stage("aggregate", n):
        if memo.keep_pages and memo.aggregate is None:
            memo.aggregate = KeptAggregate()
        corpus = aggregate(linked, registry, problems, memo.aggregate if memo.keep_pages else None)
        if memo.keep_pages:  # the records equal to the last build's become its objects
            memo.corpus = keep_corpus(corpus, memo.corpus)
            memo.aggregate.finish(memo.corpus.final)
    # records and pages: rendered in memory; the caller decides where they go.
    with paused, stage("records", n):
        rendered = _render_records(corpus, memo)
    pages = RenderedPages({})
    site_files: dict[str, str] = {}
    if with_pages:
        with paused, stage("pages", n):
            keep = memo.keep_pages  # a process that builds again (`mkdocs serve`)
            digests = memo.corpus.digest if keep and memo.corpus is not None else None
            pages = render_pages(corpus, registry, config, memo.matchers, memo.pages, keep, digests)
            # this build's only: an edit's old ones drop out
            memo.matchers, memo.pages = pages.matchers, pages.kept
            graphs = KeptGraphs() if keep else None
            site_files = graph_files(corpus, memo.graphs, graphs)
            memo.graphs = graphs
    for problem in problems:
        log.log(logging.ERROR if problem.severity == "error" else logging.WARNING, "%s", problem)
    return BuildResult(
        corpus,
        rendered.yaml,
        rendered.json,
        pages.pages,
        problems,
        timings=timings,
        cache=memo.stats,
        model_articles=model_articles,
        registry=registry,
        edits=pages.edits,
        site_files=site_files,
    )


def _render_records(corpus: Corpus, memo: BuildMemo) -> Rendered:
    """The records' text: under a memo that keeps builds, each unchanged record's taken from the
    last build (``render.kept_records``); else made again, the YAML from the disk's memo."""
    if not memo.keep_pages:
        return memo.render_records(corpus)
    context = memo.records_context()
    if memo.records is None or memo.records.context != context:
        made = memo.render_records(corpus, context)
        memo.records = kept_from(corpus, context, made)
        return made
    memo.records = render_kept(corpus, context, memo.records)
    return rendered_records(memo.records)


def _collector_paused(pause: bool) -> AbstractContextManager[object]:
    """A context that pauses Python's cyclic garbage collector (``pause``), or does nothing."""
    return _PausedCollector() if pause else nullcontext()


class _PausedCollector:
    """Reusable: each ``with`` pauses the collector and starts it again."""

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self._was_enabled:
            gc.enable()


def _extract(
    articles: list[CleanArticle],
    found: list[Extraction | None],
    keys: list[str],
    registry: Registry,
    config: BuildConfig,
    tools: Tools | None,
    memo: BuildMemo,
    timings: dict[str, float],
    progress: Progress,
    dask: DaskEngine | None = None,
) -> tuple[list[Extraction], int]:
    """The kept extractions, and the others from the rules, over cached Docs where there are
    some and the model for the rest. The model (and the registry's matchers) are loaded only when
    some article's extraction is not kept. Also: the number of articles the model ran on."""
    missing = [i for i, extraction in enumerate(found) if extraction is None]
    out = list(found)
    done = len(articles) - len(missing)  # the kept ones are done
    progress.update(done)

    def advance(more: int) -> None:
        nonlocal done
        done += more
        progress.update(done)

    if missing:
        doc_hits = memo.stats.doc_hits if memo.stats else 0
        if config.dask is not None or dask is not None:  # the model is on the cluster's workers
            fresh = _extract_on_dask(
                [articles[i] for i in missing], registry, config, tools, memo, timings, dask
            )
            advance(len(missing))
        else:
            start = time.perf_counter()
            tools = tools or memo.tools(registry, config.model)
            timings["load_model"] = time.perf_counter() - start
            fresh = extract(
                [articles[i] for i in missing],
                tools,
                n_process=config.n_process,
                cache=memo.store,
                timings=timings,
                advance=advance,
            )
        start = time.perf_counter()
        for i, extraction in zip(missing, fresh, strict=True):
            out[i] = extraction
            if keys:
                memo.put_extraction(extraction, keys[i])
        timings["extraction_cache"] = time.perf_counter() - start
        # the model ran on the articles without a (readable) cached Doc
        doc_hits = (memo.stats.doc_hits if memo.stats else 0) - doc_hits
        return [e for e in out if e is not None], len(missing) - doc_hits
    return [e for e in out if e is not None], 0


def _extract_on_dask(
    articles: list[CleanArticle],
    registry: Registry,
    config: BuildConfig,
    tools: Tools | None,
    memo: BuildMemo,
    timings: dict[str, float],
    dask: DaskEngine | None,
) -> list[Extraction]:
    """``extract`` on the Dask cluster of ``config.dask`` (``generator.extract.dask_client``):
    the given engine's, or one started for this build and closed after it."""
    with nullcontext(dask) if dask is not None else dask_engine(config) as engine:
        return engine.extract(
            articles,
            tools.registry if tools else registry,
            tools.model if tools else config.model,
            cache=memo.store,
            timings=timings,
        )


def dask_engine(config: BuildConfig) -> DaskEngine:
    """An engine for ``config.dask``, started at its first use; close it when done."""
    try:
        from generator.extract.dask_client import DaskEngine, DaskSettings
    except ModuleNotFoundError as exc:  # an optional extra
        raise RuntimeError(
            f"extraction on Dask needs Dask distributed ({exc}): pip install 'dossier[dask]'"
        ) from exc
    return DaskEngine(DaskSettings(config.dask or "", config.dask_workers, config.dask_threads))
