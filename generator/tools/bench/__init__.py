"""Benchmark: synthetic corpora through the whole pipeline, measured against spaCy alone.

``python -m generator.tools.bench [--sizes 100,1000] [--json FILE]`` generates, for each size, a corpus
of ~600-word articles from templates (curated names from ``seeds/curated/`` and invented ones, a
fixed random seed, so every run reads the same text), writes it into a temporary seeds folder beside
the repository's curated data, and measures in one process:

* the floor: ``spacy.load`` + ``nlp.pipe`` over the same cleaned bodies, nothing else, one process;
* a cold build (empty extraction cache), stage by stage: wall time and peak RSS;
* a cold build of the records with ``--dask local`` (2 worker processes), in a process of its
  own, and whether its records equal the default cold build's byte for byte;
* a warm rebuild of the records (everything cached), a curated edit (Docs cached, rules re-run),
  and one changed article;
* ``mkdocs build`` of the resulting site in a subprocess (a copy of ``mkdocs.yml`` and ``docs/``
  with ``seeds:`` pointing at the synthetic folder), with the size of Material's search index and
  the time to a first search result in Chromium.

It prints a table with every time also as a ratio of the floor, then each target with PASS/FAIL.
``--json FILE`` writes the figures. The 5,000-article corpus runs only when asked for
(``--sizes 100,1000,5000``); it takes the better part of an hour on two cores.

``--only serve`` measures the ``mkdocs serve --dirty`` rebuild alone: the corpus is written again
(the same text for the same seed) into ``--keep DIR``, whose extraction cache a first run fills,
so a later run costs the serve process's first build and the rebuilds (7–15 minutes at 1,000
articles on the shared 2-core machine, against 18 for the whole benchmark). ``--edits N``
rebuilds N times in that process and reports the median; ``--profile FILE`` writes a cProfile
of the rebuilds.

Modules: ``corpus`` (the synthetic corpus), ``measure`` (the floor, the builds, their stages and
memory), ``site`` (``mkdocs build`` and the search probe), ``report`` (targets and the table). The
programs run in processes of their own: ``sampler`` (memory of the process tree),
``mkdocs_runner`` (``mkdocs build`` timed from inside), ``search_runner`` (Chromium) and
``dask_runner`` (the ``--dask local`` build; ``dask_site`` runs it and compares the records).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator import __version__
from generator.tools.bench.corpus import SEED, Corpus, write_corpus
from generator.tools.bench.measure import run_build_only, run_serve_only, run_size
from generator.tools.bench.report import (
    evaluate,
    evaluate_build,
    evaluate_serve,
    render,
    render_build,
    render_serve,
)
from generator.tools.bench.site import CHROMIUM, SEARCH_TIMEOUT_S

__all__ = [
    "CHROMIUM",
    "DEFAULT_SIZES",
    "SEARCH_TIMEOUT_S",
    "SEED",
    "Corpus",
    "evaluate",
    "main",
    "render",
    "run_size",
    "write_corpus",
]

DEFAULT_SIZES = (100, 1000)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator.tools.bench",
        description="Benchmark the pipeline on synthetic corpora against spaCy alone.",
    )
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="corpus sizes in articles, comma-separated (default: 100,1000; 5000 on request)",
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--model", help="spaCy pipeline (default: $DOSSIER_SPACY_MODEL or ours)")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed of the corpus")
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary one)"
    )
    parser.add_argument(
        "--only",
        choices=["serve", "build"],
        help="measure only this: serve = the `mkdocs serve --dirty` rebuild after one edit, "
        "build = `mkdocs build` of the corpus (with --keep, the extraction cache of an earlier "
        "run is used again)",
    )
    parser.add_argument(
        "--edits", type=int, default=1, help="--only serve: rebuilds to time, median reported"
    )
    parser.add_argument("--profile", type=Path, help="--only serve: cProfile of the rebuilds")
    return parser


def _meta(args, model: str, version: str, started: float, load_before: str) -> dict[str, Any]:
    import spacy

    return {
        "generator": __version__,
        "model": model,
        "model_version": version,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
        "seed": args.seed,
        "elapsed_s": time.perf_counter() - started,
        "command": "python -m generator.tools.bench " + " ".join(args.argv),
    }


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.argv = list(argv if argv is not None else sys.argv[1:])
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        print(f"error: --sizes wants numbers like 100,1000, not {args.sizes!r}", file=sys.stderr)
        return 2
    if not sizes or min(sizes) < 1:
        print("error: --sizes needs at least one size of 1 or more", file=sys.stderr)
        return 2
    import logging

    import spacy

    from generator.config import model_name

    logging.getLogger("dossier").setLevel(logging.CRITICAL)  # synthetic text: no warnings wanted
    os.environ.pop("DOSSIER_CACHE", None)  # the benchmark measures the cache: never off here
    os.environ.pop("DOSSIER_CACHE_DIR", None)
    model = model_name(args.model)
    version = spacy.util.get_package_version(model) or "?"

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    root = args.keep or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    if args.only == "serve":
        return _serve_only(args, sizes, root, log, (model, version, started, load_before))
    if args.only == "build":
        return _build_only(args, sizes, root, log, (model, version, started, load_before))
    results: dict[int, dict[str, Any]] = {}
    try:
        for size in sizes:
            results[size] = run_size(size, root / f"n{size}", model, args.seed, log)
            partial_meta = {**_meta(args, model, version, started, load_before), "targets": []}
            partial_meta["targets"] = evaluate(results)
            log(render(results, partial_meta))
            if args.json:  # as each size finishes, so a long run leaves its figures behind
                partial = {
                    "meta": {"partial": True},
                    "sizes": {str(k): v for k, v in results.items()},
                }
                args.json.parent.mkdir(parents=True, exist_ok=True)
                args.json.write_text(json.dumps(partial, indent=2, default=str) + "\n", "utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    meta = _meta(args, model, version, started, load_before)
    meta["targets"] = evaluate(results)
    print(render(results, meta), end="")
    _write_json(args, meta, results)
    return 0


def _write_json(args, meta: dict, results: dict[int, dict[str, Any]]) -> None:
    """``--json``: the figures and the run's facts, for another program."""
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"meta": meta, "sizes": {str(k): v for k, v in results.items()}}
        args.json.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")


def _serve_only(args, sizes: list[int], root: Path, log, about: tuple) -> int:
    """``--only serve``: the serve rebuild of each size, nothing else."""

    def run(size: int, work: Path) -> dict[str, Any]:
        return run_serve_only(size, work, args.seed, log, args.edits, args.profile)

    return _only(args, sizes, root, about, run, evaluate_serve, render_serve)


def _build_only(args, sizes: list[int], root: Path, log, about: tuple) -> int:
    """``--only build``: `mkdocs build` of each size, nothing else."""

    def run(size: int, work: Path) -> dict[str, Any]:
        return run_build_only(size, work, args.seed, log)

    return _only(args, sizes, root, about, run, evaluate_build, render_build)


def _only(
    args,
    sizes: list[int],
    root: Path,
    about: tuple,
    run: Callable[[int, Path], dict[str, Any]],
    evaluate: Callable[[dict[int, dict[str, Any]]], Any],
    render: Callable[[dict[int, dict[str, Any]], dict[str, Any]], str],
) -> int:
    """One ``--only`` measurement of each size: run, judge the targets, print, write the JSON."""
    results: dict[int, dict[str, Any]] = {}
    try:
        for size in sizes:
            results[size] = run(size, root / f"n{size}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    meta = _meta(args, *about)
    meta["targets"] = evaluate(results)
    print(render(results, meta), end="")
    _write_json(args, meta, results)
    return 0
