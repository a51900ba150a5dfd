"""Extraction on several cores: forked workers each run the model *and* the rules on a share of
the articles.

spaCy's own ``nlp.pipe(n_process=2)`` parallelises only the model: the rules (``extract_doc``)
stay in the parent, which then competes with both workers for two cores and receives every Doc
through a pipe (with its 96-float-per-token tensor). Here the parent forks ``n`` workers that
inherit the loaded model, the registry's matchers and the articles; each takes a run of consecutive
articles, reads cached Docs or runs the model, stores new Docs in the cache itself (entries are
written atomically, so workers never collide), runs the rules, and sends back only the
Extractions. Results come back in article order.

Fork is required (Linux; the workers inherit the pipeline instead of unpickling it), and only
from a single-threaded process; otherwise ``available()`` is false and extraction runs in one
process.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

#: Articles per task: enough to batch the model, few enough to balance two workers.
CHUNK = 12

# What the workers inherit at fork time (set just before the pool starts, cleared after).
_JOB: _Job | None = None


@dataclass
class _Job:
    articles: list[Any]  # CleanArticle
    tools: Any  # extract.Tools
    cache: Any  # cache.ExtractionCache | None
    keys: list[str]
    todo: set[int]


@dataclass
class ChunkResult:
    extractions: list[Any]
    ner: float = 0.0
    rules: float = 0.0
    doc_cache: float = 0.0
    doc_hits: int = 0
    doc_misses: int = 0
    corrupt: int = 0
    writes: int = 0
    errors: list[str] = field(default_factory=list)


def available() -> bool:
    """Fork is there, and safe: no other thread (``mkdocs serve``'s server and watcher) could
    hold a lock, say the logging module's, that a forked child would then wait on forever."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def run(
    articles: list[Any],
    tools: Any,
    cache: Any,
    keys: list[str],
    todo: set[int],
    n_process: int,
    timings: dict[str, float],
) -> list[Any]:
    """Extractions of ``articles`` (in order), computed by ``n_process`` forked workers.

    ``timings`` gains ``ner``, ``rules`` and ``doc_cache``: the wall time of the parallel run split
    in proportion to the time the workers spent in each."""
    global _JOB
    start = time.perf_counter()
    chunks = [(i, min(i + CHUNK, len(articles))) for i in range(0, len(articles), CHUNK)]
    _JOB = _Job(articles, tools, cache, keys, todo)
    spent = {"ner": 0.0, "rules": 0.0, "doc_cache": 0.0}
    out: list[Any] = []
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
            for result in pool.map(_work, chunks):
                out.extend(result.extractions)
                for name in spent:
                    spent[name] += getattr(result, name)
                if cache is not None:
                    stats = cache.stats
                    stats.doc_hits += result.doc_hits
                    stats.doc_misses += result.doc_misses
                    stats.corrupt += result.corrupt
                    stats.writes += result.writes
                    stats.errors += result.errors
    finally:
        _JOB = None
    wall = time.perf_counter() - start
    busy = sum(spent.values()) or 1.0
    for name, seconds in spent.items():
        timings[name] = timings.get(name, 0.0) + wall * seconds / busy
    return out


def _work(bounds: tuple[int, int]) -> ChunkResult:
    from .extract import extract_doc

    job = _JOB
    assert job is not None, "parallel worker started without a job (fork required)"
    lo, hi = bounds
    cache, nlp = job.cache, job.tools.nlp
    before = _counts(cache)
    errors_before = len(cache.stats.errors) if cache is not None else 0
    result = ChunkResult([])
    clock = time.perf_counter
    fresh_ids = [i for i in range(lo, hi) if i in job.todo]
    start = clock()
    fresh: Iterator[Any] = iter(
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
            start = clock()
            doc = cache.get_doc(job.keys[i], nlp)
            result.doc_cache += clock() - start
            if doc is None:  # went bad since it was listed: run the model on this one
                start = clock()
                doc = nlp(article.body)
                result.ner += clock() - start
                new = True
        if new and cache is not None:
            start = clock()
            cache.put_doc(job.keys[i], doc)
            result.doc_cache += clock() - start
        start = clock()
        result.extractions.append(extract_doc(article, doc, job.tools))
        result.rules += clock() - start
    after = _counts(cache)
    result.doc_hits, result.doc_misses, result.corrupt, result.writes = (
        a - b for a, b in zip(after, before, strict=True)
    )
    if cache is not None:
        result.errors = cache.stats.errors[errors_before:]
    return result


def _counts(cache: Any) -> tuple[int, int, int, int]:
    if cache is None:
        return (0, 0, 0, 0)
    s = cache.stats
    return (s.doc_hits, s.doc_misses, s.corrupt, s.writes)
