"""The memory sampler ``TreeMemory`` runs beside a build: ``python -m
generator.tools.bench.sampler PID INTERVAL`` samples the process PID and all its descendants
(less itself) every INTERVAL seconds until a line arrives on stdin, then prints the peaks of the
summed RSS and PSS in MB as a JSON list. It prints "ready" once it samples."""

from __future__ import annotations

import json
import os
import select
import sys
from pathlib import Path


def descendants(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
        for child in children:
            out += [child, *descendants(child)]
    return out


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; zeros when it is gone."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except (OSError, ValueError):
        pass
    return rss, pss


def main(argv: list[str]) -> int:
    root, interval, me = int(argv[0]), float(argv[1]), os.getpid()
    peak = [0, 0]

    def sample() -> None:
        totals = [memory_kb(p) for p in [root, *descendants(root)] if p != me]
        peak[0] = max(peak[0], sum(r for r, _ in totals))
        peak[1] = max(peak[1], sum(p for _, p in totals))

    print("ready", flush=True)
    while not select.select([sys.stdin], [], [], interval)[0]:
        sample()
    sample()
    print(json.dumps([peak[0] / 1024, peak[1] / 1024]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
