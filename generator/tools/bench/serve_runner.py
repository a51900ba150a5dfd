"""A `mkdocs serve --dirty` rebuild timed from inside: ``python -m
generator.tools.bench.serve_runner REPORT SITE ARTICLE``, run in the project folder, builds the
site into SITE as `mkdocs serve --dirty` does its first build, waits for its search index and the
model the plugin loads meanwhile, edits ARTICLE (a sentence added before its last paragraph),
builds again in the same process, as `serve` does on a save, and writes to REPORT (JSON) the
seconds of each build (the second: until the browser may reload), the seconds until its search
index is whole too, the pages MkDocs rendered in the second, all pages, the record pages the
generator took from its last build, the second build's stages, and the peak RSS in MB. The
article is left as it was found.

``--edits N`` edits and rebuilds N times in the same process (a new sentence each time, each
edit once the last rebuild's search index is whole) and reports the median rebuild, with every
rebuild's seconds under ``rebuilds_s``; ``--profile FILE`` writes a cProfile of the median
rebuilds into FILE (``pstats`` reads it), which slows them."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator.tools.bench.serve_runner")
    parser.add_argument("report", help="the JSON file the figures go to")
    parser.add_argument("site", help="the site folder (as serve's temporary one)")
    parser.add_argument("article", type=Path, help="the article edited")
    parser.add_argument("--edits", type=int, default=1, help="rebuilds, each after an edit")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the rebuilds here")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    report, site, article = args.report, args.site, args.article
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.config import load_config

    rendered = [0]
    original = mkdocs_build._build_page

    def counted(page, *args, **kwargs):
        rendered[0] += page.file.is_modified()  # MkDocs skips the rest under --dirty
        return original(page, *args, **kwargs)

    mkdocs_build._build_page = counted
    parts = _time_parts(mkdocs_build)

    cpu = [0.0]

    def build() -> float:
        parts.clear()
        started, cpu_started = time.perf_counter(), time.process_time()
        # as `serve` does on each rebuild: the config is loaded again, the plugins are kept
        loaded = load_config(site_dir=site)
        parts[CONFIG_PART] = time.perf_counter() - started
        mkdocs_build.build(loaded, dirty=True)
        cpu[0] = time.process_time() - cpu_started
        return time.perf_counter() - started

    config = load_config(site_dir=site)
    config.plugins.on_startup(command="serve", dirty=True)  # as `mkdocs serve --dirty` starts
    first = build()
    pages = rendered[0]
    # A writer edits once the site is up, its search index whole and the model loaded (both
    # made in the background under serve; a rebuild waits for them, so they would be counted)
    for background in (_dossier(config).indexer, _dossier(config).loader):
        if background is not None:
            background.join()
    text = article.read_text("utf-8")
    head, _, last = text.rstrip("\n").rpartition("\n\n")
    profile = None
    if args.profile is not None:
        import cProfile

        profile = cProfile.Profile()
    runs: list[dict] = []  # each rebuild's seconds, CPU seconds, pages rendered and parts
    try:
        for edit in range(max(args.edits, 1)):
            plugin = _dossier(config)
            for background in (plugin.indexer, plugin.loader):  # as in the first build's wait
                if background is not None:
                    background.join()
            sentence = "The ministers are due to meet again in the spring."
            if edit:  # another sentence each time, so that each rebuild has a change to show
                sentence = f"The ministers are due to meet again, for the {edit + 1}. time."
            article.write_text(f"{head}\n\n{sentence}\n\n{last}\n", encoding="utf-8")
            rendered[0] = 0
            if profile is not None:
                profile.enable()
            seconds = build()
            if profile is not None:
                profile.disable()
            stages = dict(plugin.result.timings) if plugin.result is not None else {}
            runs.append(
                {"s": seconds, "cpu": cpu[0], "rendered": rendered[0], "parts": dict(parts)}
                | {"stages": stages}
            )
        median = sorted(runs, key=lambda run: run["s"])[(len(runs) - 1) // 2]
        rebuild = median["s"]
        started = time.perf_counter()
        config.plugins.on_shutdown()  # waits for the search index the rebuild started
        search_ready = runs[-1]["s"] + time.perf_counter() - started
    finally:
        article.write_text(text, encoding="utf-8")
    if profile is not None:
        profile.dump_stats(str(args.profile))
    parts.clear()
    parts.update(median["parts"])
    rendered[0] = median["rendered"]
    cpu[0] = median["cpu"]
    plugin = _dossier(config)
    kept = plugin.memo.pages if plugin.memo is not None else None
    figures = {
        "first_s": first,
        "rebuild_s": rebuild,  # the median of the rebuilds
        "rebuilds_s": [run["s"] for run in runs],
        "rebuilds_cpu_s": [run["cpu"] for run in runs],
        "rebuild_cpu_s": cpu[0],  # of this process (its background threads included)
        "search_ready_s": search_ready,
        "pages": pages,
        "pages_rendered": rendered[0],
        "record_pages_reused": kept.reused if kept is not None else 0,
        "stages": median["stages"],  # the median rebuild's
        # where the second build's seconds went, MkDocs' parts and the plugin's (see _PARTS)
        "parts": {**parts, "other": rebuild - sum(v for k, v in parts.items() if k in _TOP)},
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    Path(report).write_text(json.dumps(figures), encoding="utf-8")
    return 0


#: The parts of a build timed by ``_time_parts``: (label, module, attribute). The plugin's
#: ``build`` is the generator's pipeline, inside its ``on_files``; the others follow each other.
_PARTS = (
    ("mkdocs: list the docs folder", "mkdocs.commands.build", "get_files"),
    ("plugin: on_files (the generator and its files)", "generator.mkdocs_plugin", "DossierPlugin.on_files"),
    ("  of which the generator's build()", "generator.mkdocs_plugin", "build"),
    ("mkdocs: navigation (a Page per file)", "mkdocs.commands.build", "get_navigation"),
    ("mkdocs: read and convert changed pages", "mkdocs.commands.build", "_populate_page"),
    ("mkdocs: copy changed static files", "mkdocs.structure.files", "Files.copy_static_files"),
    ("mkdocs: theme's own pages (404, sitemap)", "mkdocs.commands.build", "_build_theme_template"),
    ("mkdocs: write changed pages", "mkdocs.commands.build", "_build_page"),
    ("plugin: on_post_build (search index started)", "generator.mkdocs_plugin", "DossierPlugin.on_post_build"),
)  # fmt: skip
CONFIG_PART = "mkdocs: load mkdocs.yml and the theme"
_TOP = {CONFIG_PART} | {label for label, _, _ in _PARTS if not label.startswith(" ")}


def _time_parts(mkdocs_build) -> dict[str, float]:
    """Wrap each of ``_PARTS`` to add its seconds to the returned dict, by label."""
    import importlib

    totals: dict[str, float] = {}
    for label, module_name, attribute in _PARTS:
        owner = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for step in path:
            owner = getattr(owner, step)
        if owner is importlib.import_module("mkdocs.commands.build"):
            owner = mkdocs_build  # the counted _build_page is wrapped, not replaced
        original = getattr(owner, name)

        def timed(*args, _original=original, _label=label, **kwargs):
            started = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                totals[_label] = totals.get(_label, 0.0) + time.perf_counter() - started

        setattr(owner, name, timed)
    return totals


def _dossier(config):
    """The dossier plugin of the loaded config (kept across rebuilds, as serve keeps it)."""
    from generator.mkdocs_plugin import DossierPlugin

    return next(p for p in config.plugins.values() if isinstance(p, DossierPlugin))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
