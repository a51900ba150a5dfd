"""A cold build of the records with ``--dask local``, in a process of its own:
``python -m generator.tools.bench.dask_runner REPORT SEEDS CACHE MODEL WORKERS``.

Its own process, because a Dask client leaves threads behind in the process that ran it, and the
benchmark's other builds fork their model workers only from a single-threaded process. It empties
CACHE, builds with a LocalCluster of WORKERS processes of one thread each, and writes to REPORT
(JSON) the build's wall seconds (cluster start and model loads included, closing the cluster
not), the stage timings, the seconds closing the cluster, and a SHA-256 of each record's text,
YAML and JSON, for the benchmark to compare with its default build."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    report, seeds, cache = Path(argv[0]), Path(argv[1]), Path(argv[2])
    model, workers = argv[3], int(argv[4])
    import logging

    from generator.build import build, dask_engine
    from generator.config import BuildConfig

    logging.getLogger("dossier").setLevel(logging.CRITICAL)  # synthetic text: no warnings wanted
    shutil.rmtree(cache, ignore_errors=True)
    config = BuildConfig(
        seeds=seeds, model=model, cache_dir=cache, dask="local", dask_workers=workers
    )
    engine = dask_engine(config)
    try:
        start = time.perf_counter()
        result = build(config, with_pages=False, dask=engine)
        wall = time.perf_counter() - start
    finally:
        start = time.perf_counter()
        engine.close()
        closing = time.perf_counter() - start

    def digests(records: dict[str, str]) -> dict[str, str]:
        return {path: hashlib.sha256(text.encode()).hexdigest() for path, text in records.items()}

    figures = {
        "workers": workers,
        "wall_s": wall,
        "close_s": closing,
        "timings": result.timings,
        "model_articles": result.model_articles,
        "records": digests(result.records),
        "records_json": digests(result.records_json),
    }
    report.write_text(json.dumps(figures), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
