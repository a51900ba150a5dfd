"""Running extraction over many articles: the model, then the rules, in one process or on several.

One loop (``_extract_range``) does the work for a run of consecutive articles: it reads cached Docs
or runs the model, stores new Docs, and runs the rules. In one process it covers every article. On
several cores the parent forks ``n`` workers that inherit the loaded model, the registry's matchers
and the articles; each takes a run of articles and sends back only the Extractions (and its
counts), in article order. spaCy's own ``nlp.pipe(n_process=2)`` would parallelise only the model,
leaving the rules in the parent to compete with both workers for two cores and receiving every Doc
(with its tensor) through a pipe.

Fork is required (Linux; the workers inherit the pipeline instead of unpickling it), and only
from a single-threaded process; otherwise ``forking_available()`` is false and extraction runs in
one process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field

from spacy.tokens import Doc

from generator.config import PARALLEL_MIN_ARTICLES
from generator.data import CleanArticle, Extraction
from generator.extract.article import extract_doc
from generator.extract.tools import Tools
from generator.memo.store import ExtractionCache

#: Articles per task: enough to batch the model, few enough to balance two workers.
CHUNK = 12


@dataclass
class _Job:
    """What the workers inherit at fork time."""

    articles: list[CleanArticle]
    tools: Tools
    cache: ExtractionCache | None
    keys: list[str]  # Doc keys, one per article (empty without a cache)
    todo: set[int]  # articles with no cached Doc


@dataclass
class ChunkResult:
    extractions: list[Extraction]
    ner: float = 0.0
    rules: float = 0.0
    doc_cache: float = 0.0
    doc_hits: int = 0
    doc_misses: int = 0
    corrupt: int = 0
    writes: int = 0
    errors: list[str] = field(default_factory=list)


# The job of the pool being started: set just before the fork, cleared after. A forked worker
# reads it from its copy of the parent's memory; nothing else does.
_JOB: _Job | None = None


def extract(
    articles: Iterable[CleanArticle],
    tools: Tools,
    n_process: int | None = 1,
    cache: ExtractionCache | None = None,
    timings: dict[str, float] | None = None,
    advance: Callable[[int], None] | None = None,
) -> list[Extraction]:
    """Run the model over every article body and read mentions, quotes and events from it.

    With a ``cache`` an article whose Doc is cached skips the model, and every new Doc is stored;
    the rules always run. ``n_process=None`` chooses: 2 processes when there are at least
    ``config.PARALLEL_MIN_ARTICLES`` articles on a machine with 2+ cores, else 1. ``timings`` (if
    given) gains the seconds spent waiting for the model (``ner``), reading and writing cached Docs
    (``doc_cache``) and in the rules (``rules``). ``advance`` (if given) is called in this process
    with the number of articles just done: after each article in one process, after each chunk
    a worker sends back on several."""
    articles = list(articles)
    start = time.perf_counter()
    keys: list[str] = []
    if cache is not None:
        context = cache.doc_context(tools.nlp, tools.model, tools.abbreviations)
        keys = [cache.doc_key(a.body, context) for a in articles]
        todo = {i for i, key in enumerate(keys) if not cache.has_doc(key)}
    else:
        todo = set(range(len(articles)))
    listing = time.perf_counter() - start
    if n_process is None:
        enough = len(articles) >= PARALLEL_MIN_ARTICLES and (os.cpu_count() or 1) >= 2
        n_process = 2 if enough else 1
    job = _Job(articles, tools, cache, keys, todo)
    forked = n_process > 1 and len(articles) > 1 and forking_available()
    if forked:
        results, wall = _run_forked(job, n_process, advance)
    else:
        start = time.perf_counter()
        results = [_extract_range(job, 0, len(articles), advance)]
        wall = time.perf_counter() - start
    spent = {"ner": 0.0, "rules": 0.0, "doc_cache": 0.0}
    for result in results:
        for name in spent:
            spent[name] += getattr(result, name)
    if forked:  # the workers' seconds overlap: split the wall time in proportion to them
        busy = sum(spent.values()) or 1.0
        spent = {name: wall * seconds / busy for name, seconds in spent.items()}
    spent["doc_cache"] += listing
    if timings is not None:
        for name, seconds in spent.items():
            timings[name] = timings.get(name, 0.0) + seconds
    return [e for result in results for e in result.extractions]


def forking_available() -> bool:
    """Fork is there, and safe: no other thread (``mkdocs serve``'s server and watcher) could
    hold a lock, say the logging module's, that a forked child would then wait on forever."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _run_forked(
    job: _Job, n_process: int, advance: Callable[[int], None] | None = None
) -> tuple[list[ChunkResult], float]:
    """Each chunk's result from ``n_process`` forked workers, in article order; the cache's
    counts gain the workers' counts (their copies of it are lost when they exit). Each chunk,
    as a worker sends it back, ``advance``s the parent's progress."""
    global _JOB
    start = time.perf_counter()
    n = len(job.articles)
    chunks = [(i, min(i + CHUNK, n)) for i in range(0, n, CHUNK)]
    results: list[ChunkResult] = []
    _JOB = job
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
            futures = [pool.submit(_work, chunk) for chunk in chunks]
            for future in as_completed(futures):
                if advance is not None:
                    advance(len(future.result().extractions))
            for future in futures:  # in article order
                result = future.result()
                results.append(result)
                if job.cache is not None:
                    stats = job.cache.stats
                    stats.doc_hits += result.doc_hits
                    stats.doc_misses += result.doc_misses
                    stats.corrupt += result.corrupt
                    stats.writes += result.writes
                    stats.errors += result.errors
    finally:
        _JOB = None
    return results, time.perf_counter() - start


def _work(bounds: tuple[int, int]) -> ChunkResult:
    """A forked worker's task: one chunk of the inherited job."""
    assert _JOB is not None, "extraction worker started without a job (fork required)"
    return _extract_range(_JOB, *bounds)


def _extract_range(
    job: _Job, lo: int, hi: int, advance: Callable[[int], None] | None = None
) -> ChunkResult:
    """Extractions of articles ``lo``..``hi`` of the job, with the time spent in each part and
    what this call added to the cache's counts; ``advance(1)`` after each article (in one
    process only: a worker reports by sending its chunk back)."""
    cache, nlp = job.cache, job.tools.nlp
    before = _counts(cache)
    errors_before = len(cache.stats.errors) if cache is not None else 0
    result = ChunkResult([])
    clock = time.perf_counter
    fresh_ids = [i for i in range(lo, hi) if i in job.todo]
    start = clock()
    fresh: Iterator[Doc] = iter(
        nlp.pipe((job.articles[i].body for i in fresh_ids), batch_size=16) if fresh_ids else ()
    )
    result.ner += clock() - start
    for i in range(lo, hi):
        article = job.articles[i]
        new = i in job.todo
        if new:
            start = clock()
            doc = next(fresh)
            result.ner += clock() - start
        else:
            assert cache is not None  # without a cache every article is to do
            start = clock()
            cached = cache.get_doc(job.keys[i], nlp)
            result.doc_cache += clock() - start
            if cached is None:  # went bad since it was listed: run the model on this one
                start = clock()
                cached = nlp(article.body)
                result.ner += clock() - start
                new = True
            doc = cached
        if new and cache is not None:
            start = clock()
            cache.put_doc(job.keys[i], doc)
            result.doc_cache += clock() - start
        start = clock()
        result.extractions.append(extract_doc(article, doc, job.tools))
        result.rules += clock() - start
        if advance is not None:
            advance(1)
    start = clock()
    if next(fresh, None) is not None:
        raise RuntimeError("the model returned more documents than it was given")
    result.ner += clock() - start
    after = _counts(cache)
    result.doc_hits, result.doc_misses, result.corrupt, result.writes = (
        a - b for a, b in zip(after, before, strict=True)
    )
    if cache is not None:
        result.errors = cache.stats.errors[errors_before:]
    return result


def _counts(cache: ExtractionCache | None) -> tuple[int, int, int, int]:
    if cache is None:
        return (0, 0, 0, 0)
    s = cache.stats
    return (s.doc_hits, s.doc_misses, s.corrupt, s.writes)
