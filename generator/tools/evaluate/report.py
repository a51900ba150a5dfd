"""What ``python -m generator evaluate`` prints."""

from __future__ import annotations

import json
from pathlib import Path

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
    """What ``python -m generator evaluate`` prints."""
    result = build_records(seeds, curated, model)
    ours = evaluate(result.records, gold)
    theirs = None
    if baseline:
        theirs = evaluate_baseline(seeds, gold, curated or default_curated(seeds), model)
    if as_json:
        data = {"ours": ours.as_dict()}
        if theirs is not None:
            data["baseline"] = theirs.as_dict()
        return json.dumps(data, ensure_ascii=False, indent=2)
    return format_report(ours, theirs)
