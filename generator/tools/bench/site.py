"""The site: ``mkdocs build`` of the synthetic corpus in a subprocess, the sizes of its pages and
of the Pagefind search bundle, and a search for a person's name in Chromium: time to the first
results, bytes fetched, and whether the person's page comes first."""

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

from generator.search.pagefind import BUNDLE, indexed_pages
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


def serve_rebuild(
    work: Path, seeds: Path, article: Path, edits: int = 1, profile: Path | None = None
) -> dict[str, Any]:
    """`mkdocs serve --dirty`'s rebuild after one edited article, MkDocs included
    (``serve_runner``): its seconds and how many pages MkDocs rendered again; with ``edits``,
    the median of that many rebuilds in one serve process."""
    project = bench_project(work, seeds)
    report = work / "serve.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    options = ["--edits", str(edits)]
    if profile is not None:
        options += ["--profile", str(profile.resolve())]
    runner = [sys.executable, "-m", SERVE_RUNNER, str(report), str(work / "served")]
    proc = subprocess.run(
        [*runner, str(article), *options],
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
    pages = [p for p in pages if p.name != "404.html" and BUNDLE not in p.parts]
    sizes = [p.stat().st_size for p in pages]
    largest = sorted(zip(sizes, pages, strict=True), reverse=True)[:3]
    about = site / "about" / "index.html"
    bundle = site / BUNDLE
    bundle_files = [p for p in bundle.rglob("*") if p.is_file()]
    mkdocs_s = figures["total_s"] - figures["generator_s"] - figures.get("pagefind_s", 0.0)
    cpu = figures.get("total_cpu_s")
    if cpu is not None:  # CPU seconds of the building process, the same parts left out
        cpu -= figures.get("generator_cpu_s", 0.0) + figures.get("pagefind_cpu_s", 0.0)
    search, search_note = search_first_result(site)
    out = {
        "wall_s": wall,
        "total_s": figures["total_s"],
        "generator_s": figures["generator_s"],
        "mkdocs_s": mkdocs_s,
        "pages": len(pages),
        "ms_per_page": 1000 * mkdocs_s / max(len(pages), 1),
        "cpu_ms_per_page": 1000 * cpu / max(len(pages), 1) if cpu is not None else None,
        "median_page_bytes": statistics.median(sizes) if sizes else 0,
        "max_page_bytes": max(sizes) if sizes else 0,
        "about_page_bytes": about.stat().st_size if about.is_file() else 0,
        "largest_pages": [[p.parent.relative_to(site).as_posix(), n] for n, p in largest],
        # Pagefind's bundle: everything under pagefind/ (a browser fetches a few of its files)
        "search_index_bytes": sum(p.stat().st_size for p in bundle_files),
        "search_index_files": len(bundle_files),
        "pagefind_s": figures.get("pagefind_s"),
        "peak_mb": figures["peak_mb"],
        "warnings": sum("WARNING" in line for line in proc.stderr.splitlines()),
        "search_first_result_s": search.get("seconds"),
        "search_bytes_fetched": search.get("bytes"),
        "search_bundle_bytes_fetched": search.get("search_bytes"),
        "search_query": search.get("query"),
        "search_person_first": search.get("person_first"),
        "search_probe": search_note,  # why there is no time to a first result ("" when there is)
    }
    shutil.rmtree(site, ignore_errors=True)
    return out


def search_first_result(site: Path) -> tuple[dict[str, Any], str]:
    """A search in Chromium over a local server (``search_runner``) for the name of the person
    in the most articles: its figures with "" beside them; or {} with the reason there are
    none (no index, no Chromium, no Playwright, no result within ``SEARCH_TIMEOUT_S``)."""
    people = (
        [p for p in indexed_pages(site) if p["url"].startswith("/people/")]
        if (site / BUNDLE).is_dir()
        else []
    )
    if not people:
        return {}, "no search index"
    if not Path(CHROMIUM).is_file():
        return {}, "no Chromium"
    if importlib.util.find_spec("playwright") is None:
        return {}, "no Playwright"
    person = max(people, key=lambda page: _articles_named(page, site))
    query = person["meta"]["title"]
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
        return {}, f"no result in {SEARCH_TIMEOUT_S:g} s"
    try:
        found = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        if proc.returncode == 1 and "no search result within" in proc.stderr:
            return {}, f"no result in {SEARCH_TIMEOUT_S:g} s"
        lines = proc.stderr.strip().splitlines()
        return {}, f"search probe failed: {lines[-1] if lines else f'exit {proc.returncode}'}"
    return {**found, "query": query, "person_first": found["first"] == person["url"]}, ""


def _articles_named(page: dict[str, Any], site: Path) -> tuple[int, str]:
    """How many articles mention the person of an indexed page (its JSON record's mentions)."""
    record = site / "records" / f"{page['url'].strip('/')}.json"
    mentions = json.loads(record.read_text("utf-8")).get("mentions", []) if record.is_file() else []
    return (len(mentions), page["url"])
