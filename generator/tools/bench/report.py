"""The report: each target checked on the figures of a run (see docs/scaling.md), and the table
with every time also as a ratio of the floor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.build import STAGES

# --- targets (checked on the figures of a run; see docs/scaling.md) --------------------------
TARGET_WORDS_PER_S = 10_000  # cold build, end to end
TARGET_OWN_MS = 2.0  # per article: everything but the NER model (and MkDocs)
TARGET_WARM_SHARE = 0.10  # warm rebuild of the records / cold
TARGET_ONE_CHANGE_S = 3.0  # one changed article, 1,000-article corpus
TARGET_SERVE_S = 5.0  # one edited article under `mkdocs serve --dirty`, MkDocs included
TARGET_MKDOCS_MS = 10.0  # per page
TARGET_RSS_MB = 1536  # peak, 5,000 articles
PAGE_SIZE_TOLERANCE = (
    0.10  # a fixed page's HTML may grow at most this much from smallest to largest N
)


EXTRACT_PARTS = [
    ("load_model", "load model + matchers"),
    ("ner", "NER (the model)"),
    ("doc_cache", "Doc cache read/write"),
    ("rules", "rules (extract_doc)"),
    ("extraction_cache", "extraction cache writes"),
]


def _own_seconds(run: dict[str, Any]) -> float:
    t = run["timings"]
    return run["wall_s"] - t.get("ner", 0.0) - t.get("load_model", 0.0)


def _records_seconds(run: dict[str, Any]) -> float:
    return run["wall_s"] - run["timings"].get("pages", 0.0)


def _search_seconds(mkdocs: dict[str, Any]) -> str:
    """The time to a first search result, or n/a with the reason there is none."""
    value = mkdocs.get("search_first_result_s")
    if value is None:
        return f"n/a ({mkdocs.get('search_probe') or 'no Chromium'})"
    return f"{value:.1f} s"


def _seconds_or_na(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} s"


def _search_bytes(mkdocs: dict[str, Any]) -> str:
    total, own = mkdocs.get("search_bytes_fetched"), mkdocs.get("search_bundle_bytes_fetched")
    if total is None:
        return "n/a"
    return f"{total / 1e6:,.2f} MB ({(own or 0) / 1e6:,.2f} MB)"


def _person_first(mkdocs: dict[str, Any]) -> str:
    first = mkdocs.get("search_person_first")
    if first is None:
        return "n/a"
    return f"{'yes' if first else 'NO'} ({mkdocs.get('search_query')})"


def evaluate(results: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target, per size where it applies, with PASS/FAIL."""
    targets: list[dict[str, Any]] = []
    sizes = sorted(results)

    def add(name: str, size: int | None, value: float, shown: str, ok: bool, note: str = ""):
        targets.append(
            {"target": name, "size": size, "value": value, "shown": shown, "pass": ok, "note": note}
        )

    for size in sizes:
        r = results[size]
        wps = r["words"] / r["cold"]["wall_s"]
        add(f"cold build ≥ {TARGET_WORDS_PER_S:,} words/s end to end", size, wps,
            f"{wps:,.0f} words/s", wps >= TARGET_WORDS_PER_S)  # fmt: skip
        own = 1000 * _own_seconds(r["cold"]) / r["articles"]
        add(f"generator's own work ≤ {TARGET_OWN_MS:g} ms/article (cold)", size, own,
            f"{own:.1f} ms/article", own <= TARGET_OWN_MS)  # fmt: skip
        share = _records_seconds(r["warm"]) / _records_seconds(r["cold"])
        add(f"warm rebuild of the records ≤ {TARGET_WARM_SHARE:.0%} of cold", size, share,
            f"{share:.1%} ({_records_seconds(r['warm']):.2f} s)", share <= TARGET_WARM_SHARE)  # fmt: skip
        one = r["one_change"]["wall_s"]
        note = "" if size >= 1000 else "(target set for 1,000 articles)"
        add(f"one changed article rebuilt ≤ {TARGET_ONE_CHANGE_S:g} s", size, one,
            f"{one:.2f} s (model ran on {r['one_change']['model_articles']})",
            one <= TARGET_ONE_CHANGE_S, note)  # fmt: skip
        served = r["one_change_served"]["wall_s"]
        add(f"  the same under `mkdocs serve` (model loaded) ≤ {TARGET_ONE_CHANGE_S:g} s", size,
            served, f"{served:.2f} s", served <= TARGET_ONE_CHANGE_S, note)  # fmt: skip
        if "serve" in r:
            targets.append(_serve_target(size, r["serve"]))
        targets.append(_build_target(size, r["mkdocs"]))
        peak = max(
            r["cold"]["tree_pss_mb"], r["curated_edit"]["tree_pss_mb"], r["mkdocs"]["peak_mb"]
        )
        rss = max(r["cold"]["tree_rss_mb"], r["curated_edit"]["tree_rss_mb"])
        note = "" if size >= 5000 else "(target set for 5,000 articles)"
        add(f"peak RSS ≤ {TARGET_RSS_MB / 1024:.1f} GB", size, peak,
            f"{peak:,.0f} MB (PSS of process + workers; RSS summed {rss:,.0f} MB)",
            peak <= TARGET_RSS_MB, note)  # fmt: skip
        run = r.get("dask", {})
        if "identical" in run:
            add(f"--dask local ({run['workers']} workers): records identical to the default path",
                size, float(run["identical"]), f"{run['identical']} ({run['wall_s']:.1f} s)",
                run["identical"])  # fmt: skip
        first = r["mkdocs"].get("search_person_first")
        if first is not None:  # a search in Chromium ran: the person's page must come first
            add("search for a person's name: their page first", size, float(first),
                _person_first(r["mkdocs"]), bool(first))  # fmt: skip
    if len(sizes) >= 2:
        small, large = results[sizes[0]]["mkdocs"], results[sizes[-1]]["mkdocs"]
        growth = large["about_page_bytes"] / max(small["about_page_bytes"], 1) - 1
        add("page size independent of the number of articles", sizes[-1], growth,
            f"about page {small['about_page_bytes']:,} → {large['about_page_bytes']:,} bytes "
            f"({growth:+.1%}), median page {small['median_page_bytes']:,.0f} → "
            f"{large['median_page_bytes']:,.0f}", growth <= PAGE_SIZE_TOLERANCE)  # fmt: skip
    return targets


def _serve_target(size: int, serve: dict[str, Any]) -> dict[str, Any]:
    seconds = serve["rebuild_s"]
    return {
        "target": f"`mkdocs serve --dirty` after one edited article ≤ {TARGET_SERVE_S:g} s",
        "size": size,
        "value": seconds,
        "shown": f"{seconds:.2f} s ({serve['pages_rendered']:,} of {serve['pages']:,} pages "
        "rendered)",
        "pass": seconds <= TARGET_SERVE_S,
        "note": "" if size >= 1000 else "(target set for 1,000 articles)",
    }


def evaluate_serve(results: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The serve target alone, for ``--only serve``."""
    return [_serve_target(size, results[size]["serve"]) for size in sorted(results)]


def render(results: dict[int, dict[str, Any]], meta: dict[str, Any]) -> str:
    sizes = sorted(results)
    width = 16
    lines = [
        f"Dossier benchmark — generator {meta['generator']}, model {meta['model']} "
        f"({meta['model_version']}), spaCy {meta['spacy']}, Python {meta['python']}",
        f"{meta['cpus']} CPUs; load average {meta['load_before']} before, {meta['load_after']} "
        f"after; seed {meta['seed']}; {meta['elapsed_s']:.0f} s in all",
        "Times are wall seconds, with the ratio to the floor (spaCy load + pipe of the same texts, "
        "one process) beside them; RSS is the peak of the stage in MB.",
        "",
    ]
    head = f"{'':44}" + "".join(f"{f'{s:,} articles':>{width * 2}}" for s in sizes)
    lines.append(head)

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"{label:44}" + "".join(f"{c:>{width * 2}}" for c in cells))

    def secs(size: int, seconds: float, rss: float | None = None) -> str:
        floor = results[size]["floor"]["total_s"]
        text = f"{seconds:8.2f} s {seconds / floor:5.2f}×"
        return text + (f" {rss:6,.0f} MB" if rss is not None else " " * 10)

    row("words", [f"{results[s]['words']:,}" for s in sizes])
    row(
        "floor: spacy.load + nlp.pipe (1 process)",
        [
            f"{results[s]['floor']['total_s']:8.2f} s {results[s]['floor']['peak_mb']:6,.0f} MB"
            for s in sizes
        ],
    )
    row(
        "  floor words/s (pipe only)",
        [f"{results[s]['words'] / results[s]['floor']['pipe_s']:,.0f}" for s in sizes],
    )
    row("cold build (empty cache), total", [secs(s, results[s]["cold"]["wall_s"]) for s in sizes])
    for stage in STAGES:
        row(
            f"  {stage}",
            [
                secs(
                    s,
                    results[s]["cold"]["timings"].get(stage, 0.0),
                    results[s]["cold"]["peak_mb"].get(stage),
                )
                for s in sizes
            ],
        )
        if stage == "extract":
            for key, label in EXTRACT_PARTS:
                row(
                    f"    {label}",
                    [secs(s, results[s]["cold"]["timings"].get(key, 0.0)) for s in sizes],
                )

    row(
        "  peak memory, process + workers: PSS / RSS",
        [
            f"{results[s]['cold']['tree_pss_mb']:,.0f} / {results[s]['cold']['tree_rss_mb']:,.0f} MB"
            for s in sizes
        ],
    )
    row(
        "  words/s end to end",
        [f"{results[s]['words'] / results[s]['cold']['wall_s']:,.0f}" for s in sizes],
    )
    row(
        "  own work (all but model load + NER)",
        [
            f"{_own_seconds(results[s]['cold']):8.2f} s "
            f"{1000 * _own_seconds(results[s]['cold']) / results[s]['articles']:6.2f} ms/art"
            for s in sizes
        ],
    )

    _dask_rows(results, sizes, row, secs)

    def identical_and_model(run: str) -> None:
        """Whether a rebuild gave the cold build's records, and how many articles it ran NER on."""
        row(
            "  identical records / model ran on",
            [
                f"{results[s][run]['identical']} / {results[s][run]['model_articles']} articles"
                for s in sizes
            ],
        )

    row("warm rebuild (records only)", [secs(s, results[s]["warm"]["wall_s"]) for s in sizes])
    identical_and_model("warm")
    row(
        "curated edit: Docs cached, rules re-run",
        [secs(s, results[s]["curated_edit"]["wall_s"]) for s in sizes],
    )
    row(
        "  rules, wall time per article",
        [
            f"{1000 * results[s]['curated_edit']['timings'].get('rules', 0) / results[s]['articles']:.1f} ms"
            for s in sizes
        ],
    )
    identical_and_model("curated_edit")
    row(
        "one changed article (model reloaded)",
        [secs(s, results[s]["one_change"]["wall_s"]) for s in sizes],
    )
    row(
        "  model ran on",
        [f"{results[s]['one_change']['model_articles']} article(s)" for s in sizes],
    )
    row(
        "one changed article, model kept loaded (serve)",
        [secs(s, results[s]["one_change_served"]["wall_s"]) for s in sizes],
    )
    if all("serve" in results[s] for s in sizes):
        row(
            "`mkdocs serve --dirty`: one edited article, MkDocs included",
            [secs(s, results[s]["serve"]["rebuild_s"]) for s in sizes],
        )
        row(
            "  the search index whole again after",
            [secs(s, results[s]["serve"].get("search_ready_s", 0.0)) for s in sizes],
        )
        row(
            "  pages rendered again / all",
            [
                f"{results[s]['serve']['pages_rendered']:,} / {results[s]['serve']['pages']:,}"
                for s in sizes
            ],
        )
        row(
            "  pages' Markdown taken from the last build",
            [f"{results[s]['serve'].get('record_pages_reused', 0):,}" for s in sizes],
        )
        # where the rebuild's seconds went (``serve_runner._PARTS``), the largest first
        labels = {k for s in sizes for k in results[s]["serve"].get("parts", {})}
        for label in sorted(
            labels, key=lambda k: -results[sizes[-1]]["serve"].get("parts", {}).get(k, 0)
        ):
            row(
                f"  {label}",
                [secs(s, results[s]["serve"].get("parts", {}).get(label, 0.0)) for s in sizes],
            )
    row(
        "mkdocs build (subprocess), total", [secs(s, results[s]["mkdocs"]["wall_s"]) for s in sizes]
    )
    row(
        "  of which the generator (warm cache)",
        [secs(s, results[s]["mkdocs"]["generator_s"]) for s in sizes],
    )
    row("  of which MkDocs + Material", [secs(s, results[s]["mkdocs"]["mkdocs_s"]) for s in sizes])
    row("  pages", [f"{results[s]['mkdocs']['pages']:,}" for s in sizes])
    row("  ms per page", [f"{results[s]['mkdocs']['ms_per_page']:.1f}" for s in sizes])
    row("  CPU ms per page (the building process)", [_cpu_ms(results[s]["mkdocs"]) for s in sizes])
    row(
        "  page bytes: about / median / max",
        [
            f"{results[s]['mkdocs']['about_page_bytes']:,} / "
            f"{results[s]['mkdocs']['median_page_bytes']:,.0f} / "
            f"{results[s]['mkdocs']['max_page_bytes']:,}"
            for s in sizes
        ],
    )
    row(
        "  largest page",
        [
            "{} {:,.0f} kB".format(*results[s]["mkdocs"]["largest_pages"][0][:1],
                                    results[s]["mkdocs"]["largest_pages"][0][1] / 1000)
            if results[s]["mkdocs"]["largest_pages"] else "" for s in sizes
        ],
    )  # fmt: skip
    row("  peak RSS", [f"{results[s]['mkdocs']['peak_mb']:,.0f} MB" for s in sizes])
    row(
        "search: Pagefind bundle (pagefind/)",
        [
            f"{results[s]['mkdocs']['search_index_bytes'] / 1e6:,.1f} MB, "
            f"{results[s]['mkdocs'].get('search_index_files', 0):,} files"
            for s in sizes
        ],
    )
    row(
        "  Pagefind indexing",
        [_seconds_or_na(results[s]["mkdocs"].get("pagefind_s")) for s in sizes],
    )
    row(
        "  first search result in Chromium",
        [_search_seconds(results[s]["mkdocs"]) for s in sizes],
    )
    row(
        "  bytes fetched to it (Pagefind's)",
        [_search_bytes(results[s]["mkdocs"]) for s in sizes],
    )
    row(
        "  person's page first",
        [_person_first(results[s]["mkdocs"]) for s in sizes],
    )
    return "\n".join(lines + _targets(meta)) + "\n"


def _dask_rows(results: dict[int, dict[str, Any]], sizes: list[int], row, secs) -> None:
    """The ``--dask local`` cold build of the records beside the default one."""

    def cells(figure) -> list[str]:
        return [
            figure(results[s]["dask"]) if "wall_s" in results[s].get("dask", {})
            else results[s].get("dask", {}).get("skipped", "not run")
            for s in sizes
        ]  # fmt: skip

    def the_map(run: dict[str, Any]) -> float:
        return run["timings"].get("extract", 0.0) - run["timings"].get("load_model", 0.0)

    row("cold records, default path (all but pages)",
        [secs(s, _records_seconds(results[s]["cold"])) for s in sizes])  # fmt: skip
    row("cold records, --dask local", cells(lambda run: f"{run['wall_s']:8.2f} s ({run['workers']} workers)"))  # fmt: skip
    row("  cluster start + model loads", cells(lambda run: f"{run['timings'].get('load_model', 0.0):8.2f} s"))  # fmt: skip
    row("  the map over articles (wall)", cells(lambda run: f"{the_map(run):8.2f} s"))
    row("  per article: wall / worker-seconds",
        cells(lambda run: f"{1000 * the_map(run) / max(run['model_articles'], 1):.0f} / "
              f"{1000 * run['workers'] * the_map(run) / max(run['model_articles'], 1):.0f} ms"))  # fmt: skip
    row("  closing the cluster", cells(lambda run: f"{run['close_s']:8.2f} s"))
    row("  records identical to the default path", cells(lambda run: str(run["identical"])))


def _cpu_ms(mkdocs: dict[str, Any]) -> str:
    value = mkdocs.get("cpu_ms_per_page")
    return f"{value:.1f}" if value is not None else "n/a"


def _build_target(size: int, mkdocs: dict[str, Any]) -> dict[str, Any]:
    ms = mkdocs["ms_per_page"]
    return {
        "target": f"mkdocs build ≤ {TARGET_MKDOCS_MS:g} ms/page",
        "size": size,
        "value": ms,
        "shown": f"{ms:.1f} ms/page ({mkdocs['pages']:,} pages; CPU {_cpu_ms(mkdocs)} ms/page)",
        "pass": ms <= TARGET_MKDOCS_MS,
        "note": "",
    }


def evaluate_build(results: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """The `mkdocs build` target alone, for ``--only build``."""
    return [_build_target(size, results[size]["mkdocs"]) for size in sorted(results)]


def _only_report(
    what: str, sizes: list[int], meta: dict[str, Any]
) -> tuple[list[str], Callable[[str, list[str]], None]]:
    """The head of an ``--only`` report, and the function that adds a row of cells to it."""
    lines = [
        f"Dossier benchmark, {what} only — generator {meta['generator']}, "
        f"Python {meta['python']}, {meta['cpus']} CPUs; load average {meta['load_before']} "
        f"before, {meta['load_after']} after; seed {meta['seed']}; {meta['elapsed_s']:.0f} s in all",
        "",
        f"{'':48}" + "".join(f"{f'{s:,} articles':>20}" for s in sizes),
    ]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"{label:48}" + "".join(f"{c:>20}" for c in cells))

    return lines, row


def render_build(results: dict[int, dict[str, Any]], meta: dict[str, Any]) -> str:
    """The report of ``--only build``: `mkdocs build` of the corpus, MkDocs' share a page."""
    sizes = sorted(results)
    lines, row = _only_report("`mkdocs build`", sizes, meta)
    built = {s: results[s]["mkdocs"] for s in sizes}
    row("`mkdocs build`, in all", [f"{built[s]['total_s']:.2f} s" for s in sizes])
    row(
        "  of which the generator (warm cache)", [f"{built[s]['generator_s']:.2f} s" for s in sizes]
    )
    row("  of which Pagefind", [f"{built[s].get('pagefind_s') or 0:.2f} s" for s in sizes])
    row("  of which MkDocs + Material", [f"{built[s]['mkdocs_s']:.2f} s" for s in sizes])
    row("  pages", [f"{built[s]['pages']:,}" for s in sizes])
    row("  ms per page", [f"{built[s]['ms_per_page']:.1f}" for s in sizes])
    row("  CPU ms per page (the building process)", [_cpu_ms(built[s]) for s in sizes])
    row("  peak RSS of the building process", [f"{built[s]['peak_mb']:,.0f} MB" for s in sizes])
    return "\n".join(lines + _targets(meta)) + "\n"


def render_serve(results: dict[int, dict[str, Any]], meta: dict[str, Any]) -> str:
    """The report of ``--only serve``: the serve rebuild's seconds, its parts and stages."""
    sizes = sorted(results)
    lines, row = _only_report("`mkdocs serve --dirty`", sizes, meta)
    serve = {s: results[s]["serve"] for s in sizes}
    row("first build of the serve process", [f"{serve[s]['first_s']:.2f} s" for s in sizes])
    row(
        "rebuild after one edited article (median)",
        [f"{serve[s]['rebuild_s']:.2f} s" for s in sizes],
    )
    for s in sizes:
        each = ", ".join(f"{x:.2f}" for x in serve[s].get("rebuilds_s", []))
        cpu = ", ".join(f"{x:.2f}" for x in serve[s].get("rebuilds_cpu_s", []))
        lines.append(f"  {s:,} articles: each rebuild {each} s; CPU {cpu} s")
    row("  pages rendered again / all",
        [f"{serve[s]['pages_rendered']:,} / {serve[s]['pages']:,}" for s in sizes])  # fmt: skip
    row("  pages' Markdown taken from the last build",
        [f"{serve[s].get('record_pages_reused', 0):,}" for s in sizes])  # fmt: skip
    row("  the search index whole again after",
        [f"{serve[s].get('search_ready_s', 0.0):.2f} s" for s in sizes])  # fmt: skip
    lines.append("  where the median rebuild's seconds went:")
    labels = {k for s in sizes for k in serve[s].get("parts", {})}
    for label in sorted(labels, key=lambda k: -serve[sizes[-1]].get("parts", {}).get(k, 0)):
        row(f"    {label}", [f"{serve[s].get('parts', {}).get(label, 0.0):.2f} s" for s in sizes])
    lines.append("  the generator's stages in it:")
    stages = {k for s in sizes for k in serve[s].get("stages", {})}
    for stage in [x for x in STAGES if x in stages]:
        row(f"    {stage}", [f"{serve[s].get('stages', {}).get(stage, 0.0):.2f} s" for s in sizes])
    return "\n".join(lines + _targets(meta)) + "\n"


def _targets(meta: dict) -> list[str]:
    """Each target with PASS or FAIL and the figure it was judged on."""
    lines = ["", "Targets"]
    for target in meta["targets"]:
        verdict = "PASS" if target["pass"] else "FAIL"
        size = f"{target['size']:,}" if target["size"] else ""
        note = f"  {target['note']}" if target["note"] else ""
        lines.append(f"  {verdict}  {target['target']:52} {size:>6}: {target['shown']}{note}")
    return lines
