"""Command line: a thin shell over the pipeline (``python -m generator --help``)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.config import BuildConfig, model_name


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Turn news articles into YAML records and Markdown pages.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    records = sub.add_parser("records", help="write the records for a seeds folder")
    records.add_argument("--seeds", type=Path, default=Path("seeds"), help="seeds folder")
    records.add_argument("--out", type=Path, required=True, help="out folder (replaced whole)")
    records.add_argument("--model", help="spaCy pipeline name")
    records.add_argument("--strict", action="store_true", help="exit non-zero on any problem")
    _dask_options(records)

    check = sub.add_parser("check", help="validate everything a contributor can edit")
    check.add_argument("--seeds", type=Path, default=Path("seeds"), help="seeds folder")

    pages = sub.add_parser("pages", help="write the generated Markdown pages (for inspection)")
    pages.add_argument("--seeds", type=Path, default=Path("seeds"))
    pages.add_argument("--out", type=Path, required=True)
    pages.add_argument("--model")
    _dask_options(pages)

    evaluate = sub.add_parser(
        "evaluate", help="score the records of a seeds folder against hand-made gold files"
    )
    evaluate.add_argument("--seeds", type=Path, default=Path("seeds"), help="seeds folder")
    evaluate.add_argument(
        "--gold", type=Path, required=True, help="gold folder: <article file stem>.yml per article"
    )
    evaluate.add_argument(
        "--curated",
        type=Path,
        help="curated folder (default: <seeds>/curated if it exists, else seeds/curated)",
    )
    evaluate.add_argument("--model", help="spaCy pipeline name")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluate.add_argument(
        "--baseline", action="store_true", help="also score plain spaCy NER, printed beside ours"
    )
    suggest = sub.add_parser(
        "suggest", help="draft curated entries for review into a new file (never edits seeds/)"
    )
    suggest.add_argument("--seeds", type=Path, default=Path("seeds"), help="seeds folder")
    suggest.add_argument("--out", type=Path, required=True, help="new file (never overwritten)")
    suggest.add_argument("--model", help="spaCy pipeline name")
    sub.add_parser("bench", help="benchmark synthetic corpora (see: python -m generator bench -h)")
    return parser


def _dask_options(parser: argparse.ArgumentParser) -> None:
    dask = parser.add_argument_group("extraction on Dask distributed (pip install 'dossier[dask]')")
    dask.add_argument(
        "--dask",
        metavar="local|ADDRESS",
        help="run the model on Dask: 'local' starts a LocalCluster on this machine; "
        "tcp://HOST:8786 joins a running scheduler (see docs/scaling.md)",
    )
    dask.add_argument("--dask-workers", type=int, default=2, help="LocalCluster worker processes")
    dask.add_argument("--dask-threads", type=int, default=1, help="threads per LocalCluster worker")


def _quiet_dask() -> None:
    """Dask's warnings, not each step of its scheduler and workers. Importing distributed sets
    its loggers' levels, so the level is set after it."""
    try:
        import distributed  # noqa: F401
    except ModuleNotFoundError:
        return  # the build says what to install
    logging.getLogger("distributed").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:  # the benchmark has its own options: python -m generator bench -h
        from generator.tools.bench import main as bench

        return bench(argv[1:])
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    if getattr(args, "dask", None):
        _quiet_dask()
    try:
        return _run(args)
    except Exception as exc:  # one line for users; the traceback with --debug
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if not args.seeds.is_dir():
        print(f"error: seeds folder not found: {args.seeds}", file=sys.stderr)
        return 2
    if args.command == "check":
        from generator.curated.check import check

        problems = check(args.seeds)
        for problem in problems:
            print(problem)
        errors = [p for p in problems if p.severity == "error"]
        print(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)", file=sys.stderr)
        return 1 if errors else 0
    if args.command == "suggest":
        from generator.tools.suggest import run as suggest

        return suggest(args.seeds, args.out, model=args.model)
    if args.command == "evaluate":
        from generator.tools.evaluate import run

        if not args.gold.is_dir():
            print(f"error: gold folder not found: {args.gold}", file=sys.stderr)
            return 2
        print(
            run(
                args.seeds,
                args.gold,
                curated=args.curated,
                model=args.model,
                baseline=args.baseline,
                as_json=args.json,
            )
        )
        return 0
    from generator.build import build
    from generator.progress import ProgressReporter
    from generator.render.records import write

    config = BuildConfig(
        seeds=args.seeds,
        model=model_name(args.model),
        dask=args.dask,
        dask_workers=args.dask_workers,
        dask_threads=args.dask_threads,
    )
    # a bar per stage on a terminal, a few lines on stderr otherwise (CI logs, pipes)
    progress = ProgressReporter(logging.getLogger("dossier"))
    result = build(config, with_pages=args.command == "pages", progress=progress)
    if args.command == "records":
        write(result.records, args.out)
        print(f"wrote {len(result.records)} records to {args.out}", file=sys.stderr)
        return 1 if (args.strict and result.problems) else 0
    write(result.pages, args.out)
    return 0
