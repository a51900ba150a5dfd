"""Scoring: predictions against gold, TP/FP/FN per type micro-averaged over articles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.tools.evaluate.gold import Gold, GoldEvent, GoldQuote, load_gold
from generator.tools.evaluate.match import (
    _QUOTE_CHARS,
    METADATA,
    RECALL_ONLY,
    TYPES,
    _iso,
    dates_agree,
    max_matching,
    org_match,
    participants_match,
    person_match,
    quote_text_match,
    topic_match,
)
from generator.tools.evaluate.predict import (
    PredictedEvent,
    Prediction,
    RecordsInput,
    predictions_from_records,
)


@dataclass
class Score:
    tp: int = 0
    fp: int | None = 0  # None: not counted (recall-only types)
    fn: int = 0

    @property
    def precision(self) -> float | None:
        if self.fp is None or self.tp + self.fp == 0:
            return None
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return None if self.tp + self.fn == 0 else self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp = None if self.fp is None or other.fp is None else self.fp + other.fp

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class ArticleReport:
    stem: str
    article_id: str | None  # None: no record for this gold file
    scores: dict[str, Score] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)  # FN, by type
    extra: dict[str, list[str]] = field(default_factory=dict)  # FP, by type
    metadata: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (gold, predicted)
    not_people: list[str] = field(default_factory=list)  # violations
    boilerplate: list[str] = field(default_factory=list)  # violations
    #: (gold events with a full date found on that very day, gold events with a full date)
    right_day: tuple[int, int] = (0, 0)
    #: (relationship edges, of them without a sentence that states them)
    relations: tuple[int, int] = (0, 0)

    def metadata_ok(self, name: str) -> bool:
        gold, got = self.metadata[name]
        return _same_metadata(name, gold, got)

    def as_dict(self) -> dict[str, Any]:
        return {
            "stem": self.stem,
            "article": self.article_id,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "missed": self.missed,
            "extra": self.extra,
            "metadata": {
                k: {"gold": g, "predicted": p, "ok": self.metadata_ok(k)}
                for k, (g, p) in self.metadata.items()
            },
            "violations": {"not_people": self.not_people, "boilerplate": self.boilerplate},
            "relations": {"edges": self.relations[0], "without_sentence": self.relations[1]},
        }


@dataclass
class Report:
    name: str
    articles: list[ArticleReport]
    unscored: list[str] = field(default_factory=list)  # predicted articles without gold
    scores_metadata: bool = True

    def totals(self) -> dict[str, Score]:
        out = {t: Score(fp=None if t in RECALL_ONLY else 0) for t in TYPES}
        for article in self.articles:
            for kind, score in article.scores.items():
                out[kind].add(score)
        return out

    def metadata_accuracy(self) -> dict[str, tuple[int, int]]:
        if not self.scores_metadata:
            return {}
        return {
            name: (
                sum(1 for a in self.articles if name in a.metadata and a.metadata_ok(name)),
                sum(1 for a in self.articles if name in a.metadata),
            )
            for name in METADATA
        }

    def subset(self, stems: set[str]) -> Report:
        """The same report over the articles whose gold stem is in ``stems``."""
        articles = [a for a in self.articles if a.stem in stems]
        return Report(self.name, articles, [], scores_metadata=self.scores_metadata)

    def relations(self) -> tuple[int, int]:
        """(relationship edges, of them without a sentence that states them)."""
        return (
            sum(a.relations[0] for a in self.articles),
            sum(a.relations[1] for a in self.articles),
        )

    def right_day(self) -> tuple[int, int]:
        """(gold events with a full date matched by an event on that very day, gold events
        with a full date)."""
        return (
            sum(a.right_day[0] for a in self.articles),
            sum(a.right_day[1] for a in self.articles),
        )

    def violations(self) -> dict[str, int]:
        return {
            "not_people": sum(len(a.not_people) for a in self.articles),
            "boilerplate": sum(len(a.boilerplate) for a in self.articles),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "articles": len(self.articles),
            "totals": {k: v.as_dict() for k, v in self.totals().items()},
            "metadata": {
                k: {"correct": c, "total": n, "accuracy": c / n if n else None}
                for k, (c, n) in self.metadata_accuracy().items()
            },
            "violations": self.violations(),
            "per_article": [a.as_dict() for a in self.articles],
            "unscored": self.unscored,
        }


def _norm_meta(value: Any) -> str | None:
    if value is None:
        return None
    return " ".join(str(value).translate(_QUOTE_CHARS).split())


def _same_metadata(name: str, gold: Any, got: Any) -> bool:
    if name == "authors":
        return sorted(_norm_meta(a) for a in gold or ()) == sorted(_norm_meta(a) for a in got or ())
    if name == "published":
        return _iso(gold) == _iso(got)
    return _norm_meta(gold) == _norm_meta(got)


def _score_people(gold: Gold, pred: Prediction, out: ArticleReport) -> None:
    pairs = max_matching(
        len(gold.people),
        len(pred.people),
        lambda i, j: person_match(gold.people[i], pred.people[j].names),
    )
    _record(out, "people", pairs, gold.people, [p.name for p in pred.people])


def _record(
    out: ArticleReport,
    kind: str,
    pairs: list[tuple[int, int]],
    gold: Sequence[str],
    predicted: Sequence[str],
) -> None:
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    out.scores[kind] = Score(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
    missed = [g for i, g in enumerate(gold) if i not in matched_gold]
    extra = [p for j, p in enumerate(predicted) if j not in matched_pred]
    if missed:
        out.missed[kind] = missed
    if extra:
        out.extra[kind] = extra


def _score_ids(kind: str, gold: Sequence[str], predicted: set[str], out: ArticleReport) -> None:
    wanted = list(dict.fromkeys(gold))
    got = sorted(predicted)
    pairs = [(i, got.index(g)) for i, g in enumerate(wanted) if g in predicted]
    _record(out, kind, pairs, wanted, got)


def _score_issues(gold: Gold, pred: Prediction, out: ArticleReport) -> None:
    """Issue ids match by id; a gold topic outside the taxonomy by name (``topic_match``)."""
    got = sorted(pred.issues)

    def same(i: int, j: int) -> bool:
        wanted = gold.issues[i]
        if isinstance(wanted, str):
            return wanted == got[j]
        names = (wanted.topic, *wanted.also)
        return topic_match(names, (got[j], *pred.issue_names.get(got[j], ())))

    pairs = max_matching(len(gold.issues), len(got), same)
    _record(out, "issues", pairs, [str(i) for i in gold.issues], got)


def _score_organizations(gold: Gold, pred: Prediction, out: ArticleReport) -> None:
    pairs = max_matching(
        len(gold.organizations),
        len(pred.organizations),
        lambda i, j: org_match(gold.organizations[i], pred.organizations[j].names),
    )
    _record(out, "organizations", pairs, gold.organizations, [o.name for o in pred.organizations])


def _quote_found(quote: GoldQuote, pred: Prediction) -> tuple[bool, str | None]:
    """(found, the wrong speaker it was found under when it was found only so)."""
    wrong = None
    for candidate in pred.quotes:
        if not quote_text_match(quote.text, candidate.text):
            continue
        if candidate.speaker is not None and person_match(quote.speaker, candidate.speaker.names):
            return True, None
        wrong = candidate.speaker.name if candidate.speaker else "no speaker"
    return False, wrong


def _score_quotes(gold: Gold, pred: Prediction, out: ArticleReport) -> None:
    score = Score(fp=None)
    for quote in gold.quotes:
        found, wrong = _quote_found(quote, pred)
        if found:
            score.tp += 1
            continue
        score.fn += 1
        reason = f"text found under speaker {wrong}" if wrong else "text not found"
        out.missed.setdefault("quotes", []).append(f"{quote.speaker}: “{quote.text}” ({reason})")
    out.scores["quotes"] = score
    unmatched = [
        q for q in pred.quotes if not any(quote_text_match(g.text, q.text) for g in gold.quotes)
    ]
    if unmatched:  # not counted (recall only), listed for debugging
        out.extra["quotes"] = [
            f"{q.speaker.name if q.speaker else '?'}: “{q.text[:70]}”" for q in unmatched
        ]


def event_match(gold: GoldEvent, pred: PredictedEvent) -> bool:
    if gold.participants:
        if not participants_match(gold.participants, [p.names for p in pred.participants]):
            return False
    elif gold.forum is None or gold.forum != pred.forum:
        return False
    return any(dates_agree(gold.date, d, pred.approximate) for d in pred.dates)


def _score_events(gold: Gold, pred: Prediction, out: ArticleReport) -> None:
    dated = [e for e in gold.events if e.date and len(e.date) == 10]
    on_day = sum(
        1
        for e in dated
        if any(
            e.date in p.dates
            and (
                participants_match(e.participants, [x.names for x in p.participants])
                if e.participants
                else e.forum is not None and e.forum == p.forum
            )
            for p in pred.events
        )
    )
    out.right_day = (on_day, len(dated))
    pairs = max_matching(
        len(gold.events), len(pred.events), lambda i, j: event_match(gold.events[i], pred.events[j])
    )
    _record(
        out,
        "events",
        pairs,
        [e.describe() for e in gold.events],
        [e.describe() for e in pred.events],
    )
    # Say why a missed event was missed when a predicted one has the same participants.
    matched = {i for i, _ in pairs}
    notes = []
    for i, event in enumerate(gold.events):
        if i in matched:
            continue
        near = [
            p
            for p in pred.events
            if event.participants
            and participants_match(event.participants, [x.names for x in p.participants])
        ]
        note = event.describe()
        if near:
            note += f" (same participants, dated {', '.join('/'.join(map(str, p.dates)) for p in near)})"
        notes.append(note)
    if notes:
        out.missed["events"] = notes


def _score_violations(gold: Gold, pred: Prediction, out: ArticleReport) -> None:
    for person in pred.people:
        if any(person_match(g, person.names) for g in gold.people):
            continue
        for bad in gold.not_people:
            if person_match(bad, person.names):
                out.not_people.append(f"{bad!r} became person {person.id!r}")
                break
    for bad in gold.boilerplate:
        needle = " ".join(bad.translate(_QUOTE_CHARS).casefold().split())
        for where, text in pred.texts:
            if needle and needle in " ".join(text.translate(_QUOTE_CHARS).casefold().split()):
                out.boilerplate.append(f"{bad!r} in {where}")
                break


def score_article(gold: Gold, pred: Prediction | None, with_metadata: bool = True) -> ArticleReport:
    """Score one article; ``pred`` None means the system produced no record for it."""
    out = ArticleReport(gold.stem, pred.article_id if pred else None)
    if pred is None:
        pred = Prediction(path=f"articles/{gold.stem}.txt", article_id="")
    out.relations = pred.relations
    _score_people(gold, pred, out)
    _score_ids("countries", gold.countries, pred.countries, out)
    _score_ids("forums", gold.forums, pred.forums, out)
    _score_issues(gold, pred, out)
    _score_organizations(gold, pred, out)
    _score_quotes(gold, pred, out)
    _score_events(gold, pred, out)
    if with_metadata:
        for name in METADATA:
            out.metadata[name] = (getattr(gold, name), getattr(pred, name))
    _score_violations(gold, pred, out)
    return out


def score(
    predictions: Mapping[str, Prediction], golds: Mapping[str, Gold], name: str = "ours"
) -> Report:
    """Compare predictions (keyed by source path) with gold (keyed by stem)."""
    with_metadata = all(p.has_metadata for p in predictions.values())
    articles = [
        score_article(gold, predictions.get(f"articles/{stem}.txt"), with_metadata)
        for stem, gold in sorted(golds.items())
    ]
    wanted = {f"articles/{stem}.txt" for stem in golds}
    unscored = sorted(p for p in predictions if p not in wanted)
    return Report(name, articles, unscored, scores_metadata=with_metadata)


def evaluate(records: RecordsInput, gold_dir: Path | str) -> Report:
    """Score records (a build's ``records`` dict, a ``BuildResult`` or an out folder) against gold."""
    return score(predictions_from_records(records), load_gold(Path(gold_dir)), name="ours")


# --- seeds folders --------------------------------------------------------------------------------
