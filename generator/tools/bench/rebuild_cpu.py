"""The generator's part of a `mkdocs serve` rebuild, in CPU seconds: ``python -m
generator.tools.bench.rebuild_cpu SEEDS ARTICLE [EDITS]`` builds SEEDS with a memo that keeps
its builds as the plugin's does under serve, loads the model and dateparser's data (serve
loads them in the background after its first build), then EDITS times (default 3) adds a
sentence to ARTICLE and builds again, printing each rebuild's wall and CPU seconds (of this
process), the load average and the stages. The article is left as it was found. Run it with two checkouts' code side by side (each
on its own copy of the seeds, the same ``DOSSIER_CACHE_DIR``) to compare them at the same load:
the machine's load moves CPU times too."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from generator import dates
from generator.build import build
from generator.config import BuildConfig
from generator.memo import BuildMemo


def main(argv: list[str]) -> int:
    seeds, article = Path(argv[0]), Path(argv[1])
    edits = int(argv[2]) if len(argv) > 2 else 3
    config = BuildConfig(seeds=seeds)
    memo = BuildMemo(config.cache_dir, keep_in_memory=True, keep_pages=True)
    started = time.perf_counter()
    first = build(config, memo=memo)
    print(f"first build: {time.perf_counter() - started:.1f} s", flush=True)
    if first.registry is not None:  # what the plugin loads ahead (``DossierPlugin._preload``)
        memo.tools(first.registry, config.model)
        dates.parse_printed_date("Tuesday 22 November 2022 09:54 GMT")
    text = article.read_text("utf-8")
    head, _, last = text.rstrip("\n").rpartition("\n\n")
    try:
        for edit in range(edits):
            sentence = f"The ministers are due to meet again in spring, for the {edit + 1}. time."
            article.write_text(f"{head}\n\n{sentence}\n\n{last}\n", encoding="utf-8")
            load = os.getloadavg()[0]
            wall, cpu = time.perf_counter(), time.process_time()
            result = build(config, memo=memo)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            stages = ", ".join(f"{k} {v:.2f}" for k, v in result.timings.items() if v >= 0.05)
            print(f"rebuild {edit + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU, load {load:.1f}; "
                  f"{stages}", flush=True)  # fmt: skip
    finally:
        article.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
