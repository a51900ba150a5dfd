"""The site: ``mkdocs build`` of the synthetic corpus in a subprocess, the sizes of its pages and
of Material's search index, and the time to a first search result in Chromium."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from generator.tools.bench.corpus import REPO

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
#: The search probe's budget for all its waits in the browser together (``search_runner``); the
#: process gets a minute more to start and stop Chromium.
SEARCH_TIMEOUT_S = 60
MKDOCS_RUNNER = "generator.tools.bench.mkdocs_runner"
SEARCH_RUNNER = "generator.tools.bench.search_runner"
SERVE_RUNNER = "generator.tools.bench.serve_runner"


def bench_project(work: Path, seeds: Path) -> Path:
    """A copy of the site's config and docs/ in ``work/project``, its seeds the synthetic ones."""
    project = work / "project"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(REPO / "docs", project / "docs")
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    config, count = re.subn(r"(?m)^(\s*)seeds:.*$", rf"\g<1>seeds: {seeds.as_posix()}", config)
    if count != 1:
        raise RuntimeError("mkdocs.yml: no single 'seeds:' option to point at the corpus")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def serve_rebuild(work: Path, seeds: Path, article: Path) -> dict[str, Any]:
    """`mkdocs serve --dirty`'s rebuild after one edited article, MkDocs included
    (``serve_runner``): its seconds and how many pages MkDocs rendered again."""
    project = bench_project(work, seeds)
    report = work / "serve.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", SERVE_RUNNER, str(report), str(work / "served"), str(article)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0 or not report.is_file():
        raise RuntimeError(f"mkdocs serve rebuild failed:\n{proc.stderr[-3000:]}")
    shutil.rmtree(work / "served", ignore_errors=True)
    return json.loads(report.read_text())


def mkdocs_build(work: Path, seeds: Path) -> dict[str, Any]:
    """``mkdocs build`` of a copy of the site's config and docs/ over the synthetic seeds."""
    project = bench_project(work, seeds)
    site = work / "site"
    report = work / "mkdocs.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", MKDOCS_RUNNER, str(report), str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0 or not report.is_file():
        raise RuntimeError(f"mkdocs build failed:\n{proc.stderr[-3000:]}")
    figures = json.loads(report.read_text())
    if figures["code"]:
        raise RuntimeError(f"mkdocs build exited {figures['code']}:\n{proc.stderr[-3000:]}")
    pages = sorted(site.rglob("*.html"))
    pages = [p for p in pages if p.name != "404.html"]
    sizes = [p.stat().st_size for p in pages]
    largest = sorted(zip(sizes, pages, strict=True), reverse=True)[:3]
    about = site / "about" / "index.html"
    index = site / "search" / "search_index.json"
    mkdocs_s = figures["total_s"] - figures["generator_s"]
    search_s, search_note = search_first_result(site)
    out = {
        "wall_s": wall,
        "total_s": figures["total_s"],
        "generator_s": figures["generator_s"],
        "mkdocs_s": mkdocs_s,
        "pages": len(pages),
        "ms_per_page": 1000 * mkdocs_s / max(len(pages), 1),
        "median_page_bytes": statistics.median(sizes) if sizes else 0,
        "max_page_bytes": max(sizes) if sizes else 0,
        "about_page_bytes": about.stat().st_size if about.is_file() else 0,
        "largest_pages": [[p.parent.relative_to(site).as_posix(), n] for n, p in largest],
        "search_index_bytes": index.stat().st_size if index.is_file() else 0,
        "peak_mb": figures["peak_mb"],
        "warnings": sum("WARNING" in line for line in proc.stderr.splitlines()),
        "search_first_result_s": search_s,
        "search_probe": search_note,  # why there is no time to a first result ("" when there is)
    }
    shutil.rmtree(site, ignore_errors=True)
    return out


def search_first_result(site: Path) -> tuple[float | None, str]:
    """Seconds from opening the home page to the first search result, in Chromium over a local
    server (``search_runner``), with "" beside them; or None with the reason there is none (no
    search index, no Chromium, no Playwright, no result within ``SEARCH_TIMEOUT_S``). The query
    is the title of the site's first person page, so it has results."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return None, "no search index"
    if not Path(CHROMIUM).is_file():
        return None, "no Chromium"
    if importlib.util.find_spec("playwright") is None:
        return None, "no Playwright"
    docs = json.loads(index.read_text("utf-8")).get("docs", [])
    query = next((d["title"] for d in docs if d["location"].startswith("people/")), "Dossier")
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                SEARCH_RUNNER,
                str(site),
                query,
                CHROMIUM,
                str(SEARCH_TIMEOUT_S),
            ],
            env={**os.environ, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            timeout=SEARCH_TIMEOUT_S + 60,
        )
    except subprocess.TimeoutExpired:
        return None, f"no result in {SEARCH_TIMEOUT_S:g} s"
    try:
        return float(proc.stdout.strip().splitlines()[-1]), ""
    except (ValueError, IndexError):
        if proc.returncode == 1 and "no search result within" in proc.stderr:
            return None, f"no result in {SEARCH_TIMEOUT_S:g} s"
        lines = proc.stderr.strip().splitlines()
        return None, f"search probe failed: {lines[-1] if lines else f'exit {proc.returncode}'}"
