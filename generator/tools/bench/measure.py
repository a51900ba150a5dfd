"""Measuring: the floor (spaCy alone), then builds of the synthetic corpus stage by stage with
their memory, and the site. ``run_size`` runs every measurement of one corpus size.

What a build may reuse is its ``BuildMemo``: a fresh one is a new process (the model loaded again,
nothing kept in memory); one kept in memory across builds is the process of ``mkdocs serve``."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.tools.bench.corpus import REPO, write_corpus
from generator.tools.bench.dask_site import DASK_WORKERS, dask_build
from generator.tools.bench.site import mkdocs_build, serve_rebuild

if TYPE_CHECKING:
    from generator.build import BuildResult
    from generator.config import BuildConfig
    from generator.memo import BuildMemo

SAMPLER = "generator.tools.bench.sampler"


def _reset_peak() -> bool:
    """Reset this process's peak RSS (Linux: VmHWM), so the next reading is a stage's own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeMemory:
    """Samples the memory of this process and all its descendants (the model's worker
    processes) a few times a second: the peak of the summed PSS (what the tree really holds,
    pages shared after fork counted once) and of the summed RSS (shared pages counted in each).
    It samples from a separate process, so this one stays single-threaded (and free to fork)."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak_pss_mb = 0.0
        self.peak_rss_mb = 0.0
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> TreeMemory:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", SAMPLER, str(os.getpid()), str(self.interval)],
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        self._proc.stdout.readline()  # "ready"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        self._proc.stdin.write("stop\n")
        self._proc.stdin.flush()
        out, _ = self._proc.communicate(timeout=60)
        rss, pss = json.loads(out.strip().splitlines()[-1])
        self.peak_rss_mb, self.peak_pss_mb = rss, pss


class StageMeter:
    """build()'s stage hook: the peak RSS of this process in each stage."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        _reset_peak()
        try:
            yield
        finally:
            self.peaks[name] = _peak_mb()


def _timed_build(
    config: BuildConfig,
    memo: BuildMemo,
    meter: StageMeter | None = None,
    with_pages: bool = True,
) -> tuple[BuildResult, float]:
    """A build with what ``memo`` holds (its own model and matchers, loaded when needed), timed."""
    from generator.build import build

    gc.collect()
    start = time.perf_counter()
    result = build(config, with_pages=with_pages, stage_hook=meter, memo=memo)
    return result, time.perf_counter() - start


def _new_process(cache_dir: Path, keep_in_memory: bool = False) -> BuildMemo:
    """What a build in a new process may reuse: the disk cache only, no model loaded, nothing
    frozen away from the collector by an earlier memo. ``keep_in_memory``: the first build of a
    ``mkdocs serve`` process, whose memo the next build reuses."""
    from generator.memo import BuildMemo

    gc.unfreeze()
    gc.collect()
    return BuildMemo(cache_dir, keep_in_memory=keep_in_memory)


def _floor(model: str, texts: list[str]) -> dict[str, float]:
    """spaCy alone: load the model, pipe the texts, nothing else, one process."""
    import spacy

    gc.collect()
    _reset_peak()
    start = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter() - start
    for _doc in nlp.pipe(texts):
        pass
    total = time.perf_counter() - start
    peak = _peak_mb()
    del nlp
    gc.collect()
    return {"load_s": loaded, "pipe_s": total - loaded, "total_s": total, "peak_mb": peak}


def _summary(result: BuildResult, wall: float) -> dict[str, Any]:
    stats = result.cache
    return {
        "wall_s": wall,
        "timings": dict(result.timings),
        "model_articles": result.model_articles,
        "cache": {
            "extraction_hits": stats.extraction_hits,
            "extraction_misses": stats.extraction_misses,
            "doc_hits": stats.doc_hits,
            "corrupt": stats.corrupt,
        }
        if stats
        else None,
    }


def run_size(
    size: int, work: Path, model: str, seed: int, log: Callable[[str], None]
) -> dict[str, Any]:
    from generator.clean import Rules, clean
    from generator.config import BuildConfig
    from generator.curated.registry import load_registry
    from generator.ingest import ingest

    seeds = work / "seeds"
    cache_dir = work / ".cache" / "dossier"  # where the plugin looks by default, too
    shutil.rmtree(cache_dir, ignore_errors=True)
    start = time.perf_counter()
    write_corpus(seeds, size, seed)
    generated = time.perf_counter() - start
    config = BuildConfig(seeds=seeds, model=model, cache_dir=cache_dir)

    registry, _ = load_registry(seeds)
    sources, _ = ingest(seeds, config.max_article_bytes)
    rules = Rules.from_curated(registry.boilerplate)
    bodies = [clean(source, rules).body for source in sources]
    words = sum(len(body.split()) for body in bodies)
    out: dict[str, Any] = {"articles": len(bodies), "words": words, "generate_s": generated}

    log(f"[{size}] floor: spacy.load + nlp.pipe over {words:,} words …")
    out["floor"] = _floor(model, bodies)
    del bodies, sources
    gc.collect()

    log(f"[{size}] cold build …")
    memo = _new_process(cache_dir)
    meter = StageMeter()
    with TreeMemory() as tree:
        cold, wall = _timed_build(config, memo, meter)
    out["cold"] = _summary(cold, wall)
    out["cold"]["peak_mb"] = dict(meter.peaks)
    out["cold"]["tree_pss_mb"] = tree.peak_pss_mb
    out["cold"]["tree_rss_mb"] = tree.peak_rss_mb
    cold_records = dict(cold.records)
    cold_json = dict(cold.records_json)
    del cold
    gc.collect()

    log(f"[{size}] cold build with --dask local ({DASK_WORKERS} workers) …")
    out["dask"] = dask_build(work, seeds, model, cold_records, cold_json)
    del cold_json

    log(f"[{size}] warm rebuild …")
    memo = _new_process(cache_dir)  # from the disk cache, as a new process reads it
    meter = StageMeter()
    warm, wall = _timed_build(config, memo, meter, with_pages=False)
    out["warm"] = _summary(warm, wall)
    out["warm"]["peak_mb"] = dict(meter.peaks)
    out["warm"]["identical"] = warm.records == cold_records
    del warm

    log(f"[{size}] curated edit (people.yml) …")
    people = seeds / "curated" / "people.yml"
    original = people.read_bytes()
    people.write_bytes(original + b"\n# benchmark: an edit that changes no entry\n")
    memo = _new_process(cache_dir)  # the model is loaded again: its matchers are the registry's
    try:
        with TreeMemory() as tree:
            edited, wall = _timed_build(config, memo, with_pages=False)
        out["curated_edit"] = _summary(edited, wall)
        out["curated_edit"]["tree_pss_mb"] = tree.peak_pss_mb
        out["curated_edit"]["tree_rss_mb"] = tree.peak_rss_mb
        out["curated_edit"]["identical"] = edited.records == cold_records
        del edited
    finally:
        people.write_bytes(original)

    log(f"[{size}] one changed article …")
    victim = sorted((seeds / "articles").glob("*.txt"))[size // 2]
    text = victim.read_text("utf-8")
    marker = "\n\nRelated Articles"
    victim.write_text(
        text.replace(marker, " The ministers are due to meet again in the spring." + marker, 1),
        encoding="utf-8",
    )
    # as a new `python -m generator records` would: the model is loaded again. Its memo is kept
    # in memory, as the first build of a `mkdocs serve` process keeps it for the next
    memo = _new_process(cache_dir, keep_in_memory=True)
    changed, wall = _timed_build(config, memo, with_pages=False)
    out["one_change"] = _summary(changed, wall)
    del changed
    # as `mkdocs serve` does on a save: the same process and memo, the model still loaded
    victim.write_text(
        text.replace(marker, " The ministers are due to meet again in the autumn." + marker, 1),
        encoding="utf-8",
    )
    changed, wall = _timed_build(config, memo, with_pages=False)
    out["one_change_served"] = _summary(changed, wall)
    del changed, cold_records, memo
    gc.collect()

    log(f"[{size}] mkdocs build …")
    out["mkdocs"] = mkdocs_build(work, seeds)
    log(f"[{size}] mkdocs serve --dirty: one edited article …")
    out["serve"] = serve_rebuild(work, seeds, victim)
    # leave the corpus as generated for a later look
    victim.write_text(text, encoding="utf-8")
    return out


def run_serve_only(
    size: int,
    work: Path,
    seed: int,
    log: Callable[[str], None],
    edits: int = 1,
    profile: Path | None = None,
) -> dict[str, Any]:
    """The serve rebuild alone (``--only serve``): the corpus written again (the same text, so
    the extraction cache kept in ``work`` from an earlier run still answers), the article
    ``run_size`` edits edited ``edits`` times."""
    seeds = work / "seeds"
    write_corpus(seeds, size, seed)
    victim = sorted((seeds / "articles").glob("*.txt"))[size // 2]
    log(f"[{size}] mkdocs serve --dirty: one edited article, {edits} rebuild(s) …")
    return {"articles": size, "serve": serve_rebuild(work, seeds, victim, edits, profile)}


def run_build_only(size: int, work: Path, seed: int, log: Callable[[str], None]) -> dict[str, Any]:
    """`mkdocs build` alone (``--only build``): the corpus written again (the same text, so the
    extraction cache kept in ``work`` from an earlier run still answers), then built."""
    seeds = work / "seeds"
    write_corpus(seeds, size, seed)
    log(f"[{size}] mkdocs build …")
    return {"articles": size, "mkdocs": mkdocs_build(work, seeds)}
