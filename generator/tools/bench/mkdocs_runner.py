"""``mkdocs build`` timed from inside: ``python -m generator.tools.bench.mkdocs_runner REPORT
SITE``, run in the project folder, builds the site into SITE quietly and writes to REPORT (JSON)
the total seconds (from before the generator and MkDocs are imported), the seconds spent in the
generator (importing it, setting up its cache, its ``build``) and in Pagefind's indexing after
it, the same as CPU seconds of this process (``*_cpu_s``: what a loaded machine moves least),
MkDocs' exit code and the peak RSS in MB (of this process: Pagefind's own process is not
counted).

MkDocs' own modules are imported first, so that the generator's import (spaCy's among them:
about 2 s, 1.2 ms a page at 250 articles) counts as the generator's, not as MkDocs'."""

from __future__ import annotations

import json
import resource
import sys
import time


def main(argv: list[str]) -> int:
    report, site = argv[0], argv[1]
    start, start_cpu = time.perf_counter(), time.process_time()
    from mkdocs.__main__ import cli

    importing, importing_cpu = time.perf_counter(), time.process_time()
    import generator.mkdocs_plugin as plugin

    # [wall, CPU] seconds
    spent = [time.perf_counter() - importing, time.process_time() - importing_cpu]
    indexing = [0.0, 0.0]

    def timed(function, into: list[float]):
        def run(*args, **kwargs):
            started, started_cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                into[0] += time.perf_counter() - started
                into[1] += time.process_time() - started_cpu

        return run

    # The generator's share of the time, apart from MkDocs' own: its build, and its cache's
    # set-up (a fingerprint of the extraction code's sources, ~0.5 s) that the plugin makes
    # before the first build.
    plugin.build = timed(plugin.build, spent)
    plugin.BuildMemo = timed(plugin.BuildMemo, spent)
    plugin.search.run_pagefind = timed(plugin.search.run_pagefind, indexing)

    code = 0
    try:
        cli(["build", "-q", "-d", site], standalone_mode=False)
    except SystemExit as exc:
        code = exc.code or 0
    figures = {
        "total_s": time.perf_counter() - start,
        "generator_s": spent[0],
        "pagefind_s": indexing[0],
        "total_cpu_s": time.process_time() - start_cpu,
        "generator_cpu_s": spent[1],
        "pagefind_cpu_s": indexing[1],  # this process's, waiting: Pagefind runs in its own
        "code": code,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    with open(report, "w") as out:
        json.dump(figures, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
