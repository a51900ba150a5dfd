"""What ``python -m generator evaluate`` prints."""

from __future__ import annotations

import json
from pathlib import Path

from generator import yamlio
from generator.tools.evaluate.baseline import build_records, default_curated, evaluate_baseline
from generator.tools.evaluate.match import RECALL_ONLY, TYPES
from generator.tools.evaluate.score import ArticleReport, Report, Score, evaluate


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def format_report(report: Report, baseline: Report | None = None, details: bool = True) -> str:
    lines: list[str] = []
    totals = report.totals()
    head = f"{'type':<14}{'TP':>5}{'FP':>5}{'FN':>5}  {'prec':>5} {'recall':>6} {'F1':>5}"
    if baseline is not None:
        head += f"   | baseline{'TP':>5}{'FP':>5}{'FN':>5}  {'prec':>5} {'recall':>6} {'F1':>5}"
    lines.append(f"{report.name}: {len(report.articles)} gold articles")
    lines.append(head)
    lines.append("-" * len(head))
    base = baseline.totals() if baseline else {}
    for kind in TYPES:
        s = totals[kind]
        row = (
            f"{kind:<14}{s.tp:>5}{'-' if s.fp is None else s.fp:>5}{s.fn:>5}  "
            f"{_fmt(s.precision):>5} {_fmt(s.recall):>6} {_fmt(s.f1):>5}"
        )
        if baseline is not None:
            b = base[kind]
            row += (
                f"   | {'':8}{b.tp:>5}{'-' if b.fp is None else b.fp:>5}{b.fn:>5}  "
                f"{_fmt(b.precision):>5} {_fmt(b.recall):>6} {_fmt(b.f1):>5}"
            )
        lines.append(row)
    micro = Score()
    for kind in TYPES:
        if kind not in RECALL_ONLY:
            micro.add(totals[kind])
    lines.append(
        f"{'all but quotes':<14}{micro.tp:>5}{micro.fp:>5}{micro.fn:>5}  "
        f"{_fmt(micro.precision):>5} {_fmt(micro.recall):>6} {_fmt(micro.f1):>5}"
    )
    lines.append("(quotes: recall only; FP not counted)")
    lines.append("")
    lines.append(f"{'metadata':<14}{'correct':>9}  accuracy")
    for name, (correct, total) in report.metadata_accuracy().items():
        acc = correct / total if total else None
        lines.append(f"{name:<14}{f'{correct}/{total}':>9}  {_fmt(acc)}")
    lines.append("")
    violations = report.violations()
    base_v = baseline.violations() if baseline else {}
    lines.append("violations (fewer is better)")
    for name, count in violations.items():
        extra = f"   (baseline {base_v[name]})" if baseline is not None else ""
        lines.append(f"{name:<14}{count:>5}{extra}")
    if report.unscored:
        lines.append(f"\nnot scored (no gold): {', '.join(report.unscored)}")
    if details:
        lines.append("")
        lines.append("misses by article")
        for article in report.articles:
            body = _article_details(article)
            if body:
                lines.append(f"== {article.stem}" + ("" if article.article_id else " (NO RECORD)"))
                lines.extend(f"   {line}" for line in body)
    return "\n".join(lines)


def _article_details(article: ArticleReport) -> list[str]:
    out = []
    for kind in TYPES:
        if kind in article.missed:
            out.append(f"{kind} FN: " + "; ".join(article.missed[kind]))
        if kind in article.extra:
            label = "unmatched (not counted)" if kind in RECALL_ONLY else "FP"
            out.append(f"{kind} {label}: " + "; ".join(article.extra[kind]))
    for name in article.metadata:
        if not article.metadata_ok(name):
            gold, got = article.metadata[name]
            out.append(f"{name}: gold {gold!r}, got {got!r}")
    for v in article.not_people:
        out.append(f"not_people violation: {v}")
    for v in article.boilerplate:
        out.append(f"boilerplate violation: {v}")
    return out


def run(
    seeds: Path,
    gold: Path,
    curated: Path | None = None,
    model: str | None = None,
    baseline: bool = False,
    as_json: bool = False,
) -> str:
    """What ``python -m generator evaluate`` prints. When the gold folder's parent holds a
    ``manifest.yml`` whose entries have a ``split`` (``dev``, ``holdout``), each split is also
    scored on its own line: the held-out part is the honest figure."""
    result = build_records(seeds, curated, model)
    ours = evaluate(result.records, gold)
    theirs = None
    if baseline:
        theirs = evaluate_baseline(seeds, gold, curated or default_curated(seeds), model)
    splits = load_splits(gold)
    if as_json:
        data = {"ours": ours.as_dict()}
        if theirs is not None:
            data["baseline"] = theirs.as_dict()
        if splits:
            data["splits"] = {
                name: {
                    **{k: s.as_dict() for k, s in ours.subset(stems).totals().items()},
                    "relations": dict(
                        zip(
                            ("edges", "without_sentence"),
                            ours.subset(stems).relations(),
                            strict=True,
                        )
                    ),
                }
                for name, stems in splits.items()
            }
        return json.dumps(data, ensure_ascii=False, indent=2)
    text = format_report(ours, theirs)
    if splits:
        text += "\n\n" + format_splits(ours, splits)
    return text


def load_splits(gold: Path) -> dict[str, set[str]]:
    """Split name -> the gold stems in it, from ``<gold>/../manifest.yml`` (empty without one)."""
    manifest = Path(gold).parent / "manifest.yml"
    if not manifest.is_file():
        return {}
    entries = yamlio.load(manifest.read_text("utf-8")) or []
    if isinstance(entries, dict):
        entries = entries.get("articles") or []
    out: dict[str, set[str]] = {}
    for entry in entries:
        if isinstance(entry, dict) and entry.get("split") and entry.get("id"):
            out.setdefault(str(entry["split"]), set()).add(str(entry["id"]))
    return dict(sorted(out.items()))


def format_splits(report: Report, splits: dict[str, set[str]]) -> str:
    """F1 per type (recall for quotes) and events on the right day, one line per split."""
    head = f"{'split':<10}{'articles':>9}" + "".join(f"{k[:9]:>10}" for k in TYPES)
    head += f"{'right day':>12}{'edges (no sentence)':>22}"
    lines = ["by split (F1; quotes: recall)", head, "-" * len(head)]
    for name, stems in [("all", None), *splits.items()]:
        part = report if stems is None else report.subset(stems)
        totals = part.totals()
        cells = "".join(
            f"{_fmt(totals[k].recall if k in RECALL_ONLY else totals[k].f1):>10}" for k in TYPES
        )
        right, dated = part.right_day()
        day = f"{right}/{dated}" if dated else "-"
        edges, unstated = part.relations()
        lines.append(
            f"{name:<10}{len(part.articles):>9}{cells}{day:>12}{f'{edges} ({unstated})':>22}"
        )
    return "\n".join(lines)
