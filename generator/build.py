"""The whole pipeline, top to bottom: ingest → clean → extract → link → aggregate → records → pages.

The CLI and the MkDocs plugin both call ``build``; nothing else runs the stages.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import recent, yamlio
from . import records as records_stage
from .aggregate import aggregate
from .cache import CacheStats, ExtractionCache, sha256
from .clean import Rules, clean
from .config import BuildConfig
from .extract import Tools, extract, load_tools
from .ingest import ingest
from .link import Linker, link_article
from .models import CleanArticle, Corpus, Extraction, LinkedArticle, Problem, SourceFile
from .pages import render_pages
from .records import Rendered, render_all
from .registry import Registry, curated_key, load_registry

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
    registry: Registry | None = None  # the curated data the build read (for edit links)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def build(
    config: BuildConfig,
    tools: Tools | None = None,
    with_pages: bool = True,
    stage_hook: StageHook | None = None,
) -> BuildResult:
    timings: dict[str, float] = {}

    @contextmanager
    def stage(name: str) -> Iterator[None]:
        start = time.perf_counter()
        with stage_hook(name) if stage_hook else _nothing():
            yield
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start

    # Curated knowledge first: every later stage reads it.
    with stage("registry"):
        registry, problems = _registry(config)
    # ingest: files → decoded sources; unreadable files are reported and skipped.
    with stage("ingest"):
        sources, ingest_problems = ingest(config.seeds, config.max_article_bytes)
        problems += ingest_problems
    # The extraction cache: an article whose extraction is cached is neither cleaned nor extracted
    # again (the cached extraction carries its clean article).
    cache = ExtractionCache(config.cache_dir) if config.cache_dir is not None else None
    with stage("cache"):
        found, keys = _cached(sources, registry, config, tools, cache)
    # clean: boilerplate out; title, byline, date and publisher read.
    with stage("clean"):
        rules = Rules.from_curated(registry.boilerplate)
        articles = [
            cached.article if cached is not None else clean(source, rules)
            for source, cached in zip(sources, found, strict=True)
        ]
    # extract: NER + registry + rules → mentions, quotes, events per article.
    with stage("extract"):
        extractions, model_articles = _extract(
            articles, found, registry, config, tools, cache, keys, timings
        )
    # link: mentions → entity keys within each article.
    with stage("link"):
        linked = _link(extractions, registry, cache, keys)
        if cache is not None:  # the articles just kept live on into the next build
            recent.freeze_kept()
    # aggregate: one entity per real-world thing across articles; ids minted; events merged.
    with stage("aggregate"):
        corpus = aggregate(linked, registry, problems)
    # records and pages: rendered in memory; the caller decides where they go.
    with stage("records"):
        rendered = _render_records(corpus, cache)
        records, records_json = rendered.yaml, rendered.json
    with stage("pages"):
        pages = render_pages(corpus, registry, config) if with_pages else {}
    for problem in problems:
        log.log(logging.ERROR if problem.severity == "error" else logging.WARNING, "%s", problem)
    return BuildResult(
        corpus,
        records,
        records_json,
        pages,
        problems,
        timings=timings,
        cache=cache.stats if cache else None,
        model_articles=model_articles,
        registry=registry,
    )


def _registry(config: BuildConfig) -> tuple[Registry, list[Problem]]:
    """The curated data, validated; with the cache on, the last build's while no curated file
    changed (``mkdocs serve`` rebuilds after every save of an article)."""
    if config.cache_dir is None:
        return load_registry(config.seeds)
    key = curated_key(config.seeds)
    kept = recent.get("registry", key)
    if kept is None:
        registry, problems = load_registry(config.seeds)
        kept = (registry, tuple(problems))
        recent.put("registry", key, kept)
    return kept[0], list(kept[1])


def _cached(
    sources: list[SourceFile],
    registry: Registry,
    config: BuildConfig,
    tools: Tools | None,
    cache: ExtractionCache | None,
) -> tuple[list[Extraction | None], list[str]]:
    """The cached extraction of each source file (None where there is none): from the last build
    in this process when it had the same key, else from disk; and the keys (empty without a
    cache). A key covers the source file, the curated data, the model and the generator's code."""
    if cache is None:
        return [None] * len(sources), []
    digest = (tools.registry if tools else registry).digest
    context = cache.extraction_context(digest, tools.model if tools else config.model)
    keys = [cache.extraction_key(source, context) for source in sources]
    last = recent.articles(str(cache.root)).extractions
    found: list[Extraction | None] = []
    for source, key in zip(sources, keys, strict=True):
        extraction = last.get(key)
        if extraction is not None:
            cache.stats.extraction_hits += 1
            cache.stats.memory_hits += 1
        else:
            extraction = cache.get_extraction(source, key)
        found.append(extraction)
    return found, keys


def _link(
    extractions: list[Extraction],
    registry: Registry,
    cache: ExtractionCache | None,
    keys: list[str],
) -> list[LinkedArticle]:
    """Each article's mentions resolved to entity keys. With the cache on, an article the last
    build in this process linked under the same key (which covers the curated data) is reused;
    this build's articles are then kept for the next."""
    last = recent.articles(str(cache.root)) if cache is not None else recent.Articles()
    if last.registry_digest != registry.digest:
        last = recent.Articles()  # linked with other curated data: link everything anew
    linker: Linker | None = None
    linked: list[LinkedArticle] = []
    for i, extraction in enumerate(extractions):
        article = last.linked.get(keys[i]) if keys else None
        if article is None:
            linker = linker or Linker.build(registry)
            article = link_article(extraction, linker)
        linked.append(article)
    if cache is not None:
        kept = recent.Articles(
            dict(zip(keys, extractions, strict=True)),
            dict(zip(keys, linked, strict=True)),
            registry.digest,
        )
        recent.keep_articles(str(cache.root), kept)
    return linked


def _extract(
    articles: list[CleanArticle],
    found: list[Extraction | None],
    registry: Registry,
    config: BuildConfig,
    tools: Tools | None,
    cache: ExtractionCache | None,
    keys: list[str],
    timings: dict[str, float],
) -> tuple[list[Extraction], int]:
    """The cached extractions, and the others from the rules, over cached Docs where there are
    some and the model for the rest. The model (and the registry's matchers) are loaded only when
    some article's extraction is not cached."""
    found = list(found)
    missing = [i for i, extraction in enumerate(found) if extraction is None]
    if not missing:
        return [e for e in found if e is not None], 0
    start = time.perf_counter()
    tools = tools or _tools(registry, config)
    timings["load_model"] = time.perf_counter() - start
    fresh = extract(
        [articles[i] for i in missing],
        tools,
        n_process=config.n_process,
        cache=cache,
        timings=timings,
    )
    start = time.perf_counter()
    for i, extraction in zip(missing, fresh, strict=True):
        found[i] = extraction
        if cache is not None:
            cache.put_extraction(extraction, keys[i])
    timings["extraction_cache"] = time.perf_counter() - start
    # articles the model ran on: those without a cached Doc (or with an unreadable one)
    model_articles = len(missing) - (cache.stats.doc_hits if cache else 0)
    return [e for e in found if e is not None], model_articles


def _tools(registry: Registry, config: BuildConfig) -> Tools:
    """The model and the registry's matchers; with the cache on, the last build's while the
    curated data and the model are the same."""
    if config.cache_dir is None:
        return load_tools(registry, config.model)
    key = f"{registry.digest};{config.model}"
    tools = recent.get("tools", key)
    if tools is None:
        tools = load_tools(registry, config.model)
        recent.put("tools", key, tools)
    return tools


def _render_records(corpus: Corpus, cache: ExtractionCache | None) -> Rendered:
    """The records, reusing the YAML of those unchanged since the last build. The memo is kept
    under a context of the code that renders YAML, so a change to it renders everything anew."""
    if cache is None:
        return render_all(corpus)
    context = sha256(
        yaml.__version__, *(Path(m.__file__).read_bytes() for m in (records_stage, yamlio))
    )
    previous = cache.get_rendered(context)
    rendered = render_all(corpus, previous)
    if rendered.memo.keys() != previous.keys():
        cache.put_rendered(context, rendered.memo)
    return rendered


@contextmanager
def _nothing() -> Iterator[None]:
    yield
