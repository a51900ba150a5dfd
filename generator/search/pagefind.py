"""Running Pagefind over a built site: the binary the ``pagefind[extended]`` wheel ships (the
extended build segments Chinese and Japanese text too), else one on ``PATH``.

It runs as a subprocess, not through the ``pagefind`` package's asyncio service: one command
over the site folder is all a build needs, and a subprocess cannot disturb an event loop a
caller (``mkdocs serve``) may run.
"""

from __future__ import annotations

import gzip
import importlib
import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

#: The folder of the search bundle in the site, Pagefind's default (``pagefind/pagefind.js``).
BUNDLE = "pagefind"
#: The wheels that carry the binary, best first (``pagefind[extended]``, then ``pagefind[bin]``).
_WHEELS = ("pagefind_bin_extended", "pagefind_bin")
#: Left out of the index: the "¶" permalinks Python-Markdown's toc adds to headings, which would
#: end every result's title (Pagefind takes it from the page's first h1).
EXCLUDE_SELECTORS = (".headerlink",)
_INDEXED = re.compile(r"Indexed (\d+) pages?", re.I)


class PagefindMissing(RuntimeError):
    """No Pagefind binary: ``pip install 'pagefind[extended]'``."""


@dataclass(frozen=True)
class PagefindRun:
    pages: int  # pages indexed
    seconds: float
    bundle_bytes: int  # everything Pagefind wrote into the site


def pagefind_binary() -> Path | None:
    for wheel in _WHEELS:
        try:
            module = importlib.import_module(wheel)
            return Path(module.get_executable())
        except (ImportError, FileNotFoundError):
            continue
    found = shutil.which("pagefind_extended") or shutil.which("pagefind")
    return Path(found) if found else None


def run_pagefind(site: Path, *, timeout_s: float = 1800) -> PagefindRun:
    """Index the built site in ``site`` into ``site/pagefind/``; raise ``PagefindMissing``
    without a binary and ``RuntimeError`` when Pagefind fails, with its output."""
    binary = pagefind_binary()
    if binary is None:
        raise PagefindMissing(
            "the Pagefind binary is not installed (pip install 'pagefind[extended]')"
        )
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [
                str(binary),
                *("--site", str(site), "--output-subdir", BUNDLE),
                *("--exclude-selectors", ",".join(EXCLUDE_SELECTORS)),
                *("--force-language", "en"),  # one index: the pages' lang is the theme's
            ],
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"pagefind did not finish in {timeout_s:g} s") from exc
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(
            f"pagefind exited {proc.returncode}:\n{(proc.stdout + proc.stderr)[-3000:]}"
        )
    found = _INDEXED.search(proc.stdout)
    bundle = site / BUNDLE
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    return PagefindRun(int(found.group(1)) if found else 0, seconds, size)


def indexed_pages(site: Path) -> list[dict]:
    """What Pagefind stored of each indexed page (its fragment: url, content, meta, filters), for
    tests and the benchmark. A fragment is gzip'd JSON after a short signature."""
    pages = []
    for path in sorted((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        pages.append(json.loads(data[data.index(b"{") :]))
    return pages
