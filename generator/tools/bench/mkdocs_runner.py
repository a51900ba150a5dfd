"""``mkdocs build`` timed from inside: ``python -m generator.tools.bench.mkdocs_runner REPORT
SITE``, run in the project folder, builds the site into SITE quietly and writes to REPORT (JSON)
the total seconds (from before the generator and MkDocs are imported), the seconds spent in the
generator (importing it, and its ``build``) and in Pagefind's indexing after it, MkDocs' exit
code and the peak RSS in MB (of this process: Pagefind's own process is not counted).

MkDocs' own modules are imported first, so that the generator's import (spaCy's among them:
about 2 s, 1.2 ms a page at 250 articles) counts as the generator's, not as MkDocs'."""

from __future__ import annotations

import json
import resource
import sys
import time


def main(argv: list[str]) -> int:
    report, site = argv[0], argv[1]
    start = time.perf_counter()
    from mkdocs.__main__ import cli

    importing = time.perf_counter()
    import generator.mkdocs_plugin as plugin

    spent = [time.perf_counter() - importing]
    original = plugin.build

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    plugin.build = timed  # the generator's share of the time, apart from MkDocs' own
    indexing = [0.0]
    run_pagefind = plugin.search.run_pagefind

    def timed_pagefind(*args, **kwargs):
        started = time.perf_counter()
        try:
            return run_pagefind(*args, **kwargs)
        finally:
            indexing[0] += time.perf_counter() - started

    plugin.search.run_pagefind = timed_pagefind

    code = 0
    try:
        cli(["build", "-q", "-d", site], standalone_mode=False)
    except SystemExit as exc:
        code = exc.code or 0
    figures = {
        "total_s": time.perf_counter() - start,
        "generator_s": spent[0],
        "pagefind_s": indexing[0],
        "code": code,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    with open(report, "w") as out:
        json.dump(figures, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
