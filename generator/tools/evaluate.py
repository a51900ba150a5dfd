"""Evaluate: score built records against hand-made gold files, with a plain-spaCy baseline beside them.

Gold files are ``<stem>.yml`` in a gold folder, in the format of ``tests/corpus/README.md``; the gold
file ``<stem>.yml`` belongs to the article whose record has ``source.path: articles/<stem>.txt``.

Both the records and the baseline are first turned into one neutral form per article
(:class:`Prediction`); :func:`score` compares predictions with gold and returns a :class:`Report`:
TP/FP/FN per type micro-averaged over articles, metadata accuracy, violations, and per-article misses.

Matching rules (the functions below are small and tested one by one):

* people — :func:`person_match`: folded name keys (``names.key``: order-free significant words) equal,
  or one a subset of the other with at least two words in common; against an entity's name and aliases.
* countries, forums, issues — by id.
* organizations — :func:`org_match`: casefolded, accents and punctuation ignored, leading "the"
  dropped; equal, or one contains the other (whole words).
* quotes (recall only) — :func:`quote_text_match`: the predicted text contains the gold text's first
  five words (quotes, punctuation, whitespace and case normalised), and the speaker matches as a person.
* events — :func:`event_match`: participant sets match one-to-one as people (a gold event without
  participants matches on its forum), and :func:`dates_agree`.

People, organizations and events are paired one-to-one (maximum bipartite matching), so a person split
over two entities gives one TP and one FP.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from generator import names, yamlio

TYPES = ("people", "countries", "forums", "issues", "organizations", "quotes", "events")
#: Types scored for recall only: gold lists a quote by its opening words, not every quotation.
RECALL_ONLY = frozenset({"quotes"})
METADATA = ("title", "publisher", "authors", "published")
QUOTE_PREFIX_WORDS = 5

REPO = Path(__file__).resolve().parents[2]


# --- normalising and matching -------------------------------------------------------------------

_QUOTE_CHARS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‛": "'", "«": '"', "»": '"'}
)


def normalise(text: str) -> str:
    """Casefolded, accents and apostrophes dropped, periods dropped ('U.S.' = 'US'), other
    punctuation read as a space, whitespace collapsed."""
    text = names.fold(str(text).translate(_QUOTE_CHARS))
    text = text.replace(".", "")
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def _iso(value: Any) -> str | None:
    """A gold or record date as ISO text; a range 'A/B' gives its start."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text.split("/", 1)[0].strip() or None


def keys_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two name keys are one person: equal, or one inside the other sharing two or more words."""
    if not a or not b:
        return False
    if a == b:
        return True
    return (a <= b or b <= a) and len(a & b) >= 2


def person_match(gold: str, predicted_names: Iterable[str]) -> bool:
    """Does the gold name match the predicted person's name or any of its aliases?"""
    wanted = names.key(gold)
    return any(keys_match(wanted, names.key(n)) for n in predicted_names)


def _org_form(text: str) -> str:
    form = normalise(text)
    return form[4:] if form.startswith("the ") else form


def org_match(gold: str, predicted_names: Iterable[str]) -> bool:
    """Loose organization match: equal normalised forms, or one contained in the other as words."""
    wanted = _org_form(gold)
    if not wanted:
        return False
    for name in predicted_names:
        got = _org_form(name)
        if not got:
            continue
        if got == wanted or f" {wanted} " in f" {got} " or f" {got} " in f" {wanted} ":
            return True
    return False


def quote_text_match(gold_text: str, predicted_text: str, words: int = QUOTE_PREFIX_WORDS) -> bool:
    """The predicted quotation starts with, or contains, the gold text's first ``words`` words."""
    needle = " ".join(normalise(gold_text).split()[:words])
    if not needle:
        return False
    return f" {needle} " in f" {normalise(predicted_text)} "


def dates_agree(gold: Any, predicted: Any, approximate: bool = False) -> bool:
    """Same ISO date; or the same month when either side has only month precision or the prediction
    is approximate. A null gold date agrees with anything; a year alone only with the same year alone."""
    g, p = _iso(gold), _iso(predicted)
    if g is None:
        return True
    if p is None:
        return False
    if g == p:
        return True
    if len(g) < 7 or len(p) < 7:
        return False
    if len(g) == 7 or len(p) == 7 or approximate:
        return g[:7] == p[:7]
    return False


def max_matching(
    n_left: int, n_right: int, edge: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """Maximum bipartite matching (Kuhn's augmenting paths); pairs (left, right) in left order."""
    adjacency = [[j for j in range(n_right) if edge(i, j)] for i in range(n_left)]
    owner: list[int | None] = [None] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in adjacency[i]:
            if j in seen:
                continue
            seen.add(j)
            if owner[j] is None or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i is not None)


def participants_match(gold: Sequence[str], predicted: Sequence[Sequence[str]]) -> bool:
    """Gold participant names and predicted participants (each a list of names) pair up one-to-one."""
    if len(gold) != len(predicted):
        return False
    pairs = max_matching(
        len(gold), len(predicted), lambda i, j: person_match(gold[i], predicted[j])
    )
    return len(pairs) == len(gold)


# --- gold ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    speaker: str
    text: str


@dataclass(frozen=True)
class GoldEvent:
    kind: str
    participants: tuple[str, ...]
    date: str | None
    place: str | None
    forum: str | None

    def describe(self) -> str:
        who = " + ".join(self.participants) or f"forum {self.forum}"
        return f"{self.kind} {who} {self.date or 'undated'}" + (
            f" @ {self.place}" if self.place else ""
        )


@dataclass(frozen=True)
class Gold:
    stem: str
    title: str | None
    publisher: str | None
    authors: tuple[str, ...]
    published: str | None
    people: tuple[str, ...]
    not_people: tuple[str, ...]
    countries: tuple[str, ...]
    forums: tuple[str, ...]
    organizations: tuple[str, ...]
    issues: tuple[str, ...]
    quotes: tuple[GoldQuote, ...]
    events: tuple[GoldEvent, ...]
    boilerplate: tuple[str, ...]


#: The keys of a gold file, in the order annotators write them.
GOLD_KEYS = tuple(f.name for f in fields(Gold) if f.name != "stem")


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or []))


def load_gold(gold_dir: Path) -> dict[str, Gold]:
    """Every ``*.yml`` in the folder, keyed by file stem."""
    out: dict[str, Gold] = {}
    for path in sorted(Path(gold_dir).glob("*.yml")):
        data = yamlio.load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a gold file must be a mapping")
        out[path.stem] = Gold(
            stem=path.stem,
            title=data.get("title"),
            publisher=data.get("publisher"),
            authors=_strings(data.get("authors")),
            published=_iso(data.get("published")),
            people=_strings(data.get("people")),
            not_people=_strings(data.get("not_people")),
            countries=_strings(data.get("countries")),
            forums=_strings(data.get("forums")),
            organizations=_strings(data.get("organizations")),
            issues=_strings(data.get("issues")),
            quotes=tuple(
                GoldQuote(str(q["speaker"]), str(q["text"])) for q in data.get("quotes") or []
            ),
            events=tuple(
                GoldEvent(
                    kind=str(e.get("kind")),
                    participants=_strings(e.get("participants")),
                    date=_iso(e.get("date")),
                    place=e.get("place"),
                    forum=e.get("forum"),
                )
                for e in data.get("events") or []
            ),
            boilerplate=_strings(data.get("boilerplate")),
        )
    return out


# --- predictions: the neutral form records and baseline are both read into ------------------------


@dataclass(frozen=True)
class PredictedEntity:
    id: str
    names: tuple[str, ...]  # display name first, then aliases

    @property
    def name(self) -> str:
        return self.names[0] if self.names else self.id


@dataclass(frozen=True)
class PredictedQuote:
    speaker: PredictedEntity | None
    text: str


@dataclass(frozen=True)
class PredictedEvent:
    id: str
    kind: str
    participants: tuple[PredictedEntity, ...]
    dates: tuple[str | None, ...]  # this article's claims (or the event's date)
    forum: str | None
    approximate: bool = False

    def describe(self) -> str:
        who = " + ".join(p.name for p in self.participants) or f"forum {self.forum}"
        when = "/".join(d or "undated" for d in self.dates) or "undated"
        return f"{self.kind} {who} {when} [{self.id}]"


@dataclass
class Prediction:
    """What one system says about one article."""

    path: str  # source path relative to the seeds folder: articles/<name>.txt
    article_id: str
    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    people: list[PredictedEntity] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    forums: set[str] = field(default_factory=set)
    issues: set[str] = field(default_factory=set)
    organizations: list[PredictedEntity] = field(default_factory=list)
    quotes: list[PredictedQuote] = field(default_factory=list)
    events: list[PredictedEvent] = field(default_factory=list)
    # (where, text) for every sentence, quote and entity name, to look for boilerplate in
    texts: list[tuple[str, str]] = field(default_factory=list)
    has_metadata: bool = True


RecordsInput = Mapping[str, str] | Path | str | Any


def load_records(records: RecordsInput) -> dict[str, dict[str, Any]]:
    """Records as data keyed by 'folder/id', from a build's ``records`` dict, a ``BuildResult`` or an
    out folder on disk."""
    if hasattr(records, "records") and not isinstance(records, Mapping):
        records = records.records
    texts: dict[str, str] = {}
    if isinstance(records, (str, Path)):
        root = Path(records)
        for path in sorted(root.rglob("*.yml")):
            texts[path.relative_to(root).as_posix()] = path.read_text(encoding="utf-8")
    else:
        texts = dict(records)
    out: dict[str, dict[str, Any]] = {}
    for rel, text in texts.items():
        if "/" not in rel or not rel.endswith(".yml"):
            continue
        data = yamlio.load(text)
        if isinstance(data, dict):
            out[rel[: -len(".yml")]] = data
    return out


def predictions_from_records(records: RecordsInput) -> dict[str, Prediction]:
    """One :class:`Prediction` per article record, keyed by its source path."""
    data = load_records(records)

    def entity(folder: str, ident: str) -> PredictedEntity:
        record = data.get(f"{folder}/{ident}") or {}
        found = [record.get("name"), *(record.get("aliases") or [])]
        return PredictedEntity(ident, tuple(dict.fromkeys(str(n) for n in found if n)) or (ident,))

    by_article: dict[str, list[tuple[str, str]]] = {}
    for path, record in data.items():
        folder = path.split("/", 1)[0]
        if folder in ("articles", "events"):
            continue
        for mention in record.get("mentions") or []:
            where = by_article.setdefault(str(mention.get("article")), [])
            for sentence in mention.get("sentences") or []:
                where.append((f"{path} sentence", str(sentence)))
            for name in [record.get("name"), *(record.get("aliases") or [])]:
                if name:
                    where.append((f"{path} name", str(name)))
    events = {p.split("/", 1)[1]: d for p, d in data.items() if p.startswith("events/")}

    out: dict[str, Prediction] = {}
    for path, record in data.items():
        if not path.startswith("articles/"):
            continue
        article_id = str(record.get("id"))
        source = record.get("source") or {}
        entities = record.get("entities") or {}
        prediction = Prediction(
            path=str(source.get("path")),
            article_id=article_id,
            title=record.get("title"),
            publisher=record.get("publisher"),
            authors=_strings(record.get("authors")),
            published=_iso(record.get("published")),
            people=[entity("people", i) for i in entities.get("people") or []],
            countries=set(entities.get("countries") or []),
            forums=set(entities.get("forums") or []),
            issues=set(entities.get("issues") or []),
            organizations=[entity("organizations", i) for i in entities.get("organizations") or []],
            texts=list(by_article.get(article_id, [])),
        )
        for quote in record.get("quotes") or []:
            speaker = quote.get("speaker")
            prediction.quotes.append(
                PredictedQuote(
                    entity("people", speaker) if speaker else None, str(quote.get("text"))
                )
            )
            prediction.texts.append((f"{path} quote", str(quote.get("text"))))
        for ident in record.get("events") or []:
            event = events.get(ident)
            if event is None:
                continue
            claims = [c for c in event.get("date_claims") or [] if c.get("article") == article_id]
            dates = tuple(_iso(c.get("date")) for c in claims) or (_iso(event.get("date")),)
            approximate = bool(event.get("approximate")) or any(
                c.get("approximate") for c in claims
            )
            prediction.events.append(
                PredictedEvent(
                    id=str(ident),
                    kind=str(event.get("kind")),
                    participants=tuple(
                        entity("people", p) for p in event.get("participants") or []
                    ),
                    dates=dates,
                    forum=event.get("forum"),
                    approximate=approximate,
                )
            )
            for sentence in event.get("sentences") or []:
                if sentence.get("article") == article_id:
                    prediction.texts.append((f"events/{ident} sentence", str(sentence.get("text"))))
        out[prediction.path] = prediction
    return out


# --- scoring -------------------------------------------------------------------------------------


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
    _score_people(gold, pred, out)
    _score_ids("countries", gold.countries, pred.countries, out)
    _score_ids("forums", gold.forums, pred.forums, out)
    _score_ids("issues", gold.issues, pred.issues, out)
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


def default_curated(seeds: Path) -> Path:
    """``<seeds>/curated`` when it exists, else ``seeds/curated`` (here, then in the repository)."""
    for candidate in (seeds / "curated", Path("seeds/curated"), REPO / "seeds" / "curated"):
        if candidate.is_dir():
            return candidate
    return seeds / "curated"


@contextlib.contextmanager
def prepared_seeds(seeds: Path, curated: Path | None = None) -> Iterator[Path]:
    """A seeds folder with ``articles/`` from ``seeds`` and ``curated/`` from ``curated``.

    When ``seeds`` already has that curated folder it is used as it is. Otherwise a temporary seeds
    folder is made: the articles are copied (ingest refuses files that link outside the seeds folder)
    and the curated folder is linked (copied where links are not allowed).
    """
    seeds = Path(seeds)
    curated = Path(curated) if curated is not None else default_curated(seeds)
    if not (seeds / "articles").is_dir():
        raise FileNotFoundError(f"no articles/ folder in {seeds}")
    own = seeds / "curated"
    if own.is_dir() and own.resolve() == curated.resolve():
        yield seeds
        return
    if not curated.is_dir():
        raise FileNotFoundError(f"curated folder not found: {curated}")
    with tempfile.TemporaryDirectory(prefix="dossier-eval-") as tmp:
        root = Path(tmp)
        shutil.copytree(seeds / "articles", root / "articles")
        try:
            (root / "curated").symlink_to(curated.resolve(), target_is_directory=True)
        except OSError:
            shutil.copytree(curated, root / "curated")
        yield root


def build_records(seeds: Path, curated: Path | None = None, model: str | None = None, tools=None):
    """Build the records (no pages) of a seeds folder; returns the ``BuildResult``."""
    from generator.build import build
    from generator.config import BuildConfig, model_name

    with prepared_seeds(seeds, curated) as folder:
        return build(
            BuildConfig(seeds=folder, model=model_name(model)), tools=tools, with_pages=False
        )


# --- baseline: plain spaCy NER ---------------------------------------------------------------------


def _strip_the(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text.lower().startswith("the ") else text


def _cluster_people(texts: list[str]) -> list[PredictedEntity]:
    """Distinct PERSON strings as people; a name whose key lies inside exactly one longer name's key
    ('Austin' in 'Lloyd Austin') is folded into it, as any reader would."""
    by_key: dict[frozenset[str], list[str]] = {}
    for text in texts:
        k = names.key(names.strip_possessive(text))
        if k:
            by_key.setdefault(k, []).append(names.strip_possessive(text))
    keys = sorted(by_key, key=lambda k: (-len(k), sorted(k)))
    owner: dict[frozenset[str], frozenset[str]] = {}
    for k in keys:
        bigger = [b for b in keys if len(b) > len(k) and k < b and owner.get(b) == b]
        owner[k] = bigger[0] if len(bigger) == 1 else k
    groups: dict[frozenset[str], list[str]] = {}
    for k in keys:
        groups.setdefault(owner[k], []).extend(by_key[k])
    return [
        PredictedEntity(" ".join(sorted(k)), tuple(dict.fromkeys(sorted(v, key=lambda n: -len(n)))))
        for k, v in groups.items()
    ]


def _curated_lookup(curated: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Country names/aliases/demonyms -> id; forum names/aliases (casefolded) -> id."""
    countries: dict[str, str] = {}
    forums: dict[str, str] = {}
    path = curated / "countries.yml"
    if path.is_file():
        for entry in (yamlio.load(path.read_text(encoding="utf-8")) or {}).get("countries") or []:
            for n in [entry["name"], *(entry.get("aliases") or []), *(entry.get("demonyms") or [])]:
                countries.setdefault(n.casefold(), entry["id"])
    path = curated / "forums.yml"
    if path.is_file():
        for entry in (yamlio.load(path.read_text(encoding="utf-8")) or {}).get("forums") or []:
            for n in [entry["name"], *(entry.get("aliases") or [])]:
                forums.setdefault(n.casefold(), entry["id"])
    return countries, forums


def baseline_predictions(
    seeds: Path, curated: Path | None = None, model: str | None = None
) -> dict[str, Prediction]:
    """Plain spaCy NER on the article texts (front matter off, nothing else cleaned, no registry)."""
    from generator.config import DEFAULT_MAX_ARTICLE_BYTES, model_name
    from generator.ingest import ingest

    curated = Path(curated) if curated is not None else default_curated(Path(seeds))
    countries, forums = _curated_lookup(curated)
    sources, _ = ingest(Path(seeds), DEFAULT_MAX_ARTICLE_BYTES)
    nlp = _plain_model(model_name(model))
    out: dict[str, Prediction] = {}
    for source, doc in zip(sources, nlp.pipe(s.text for s in sources), strict=True):
        pred = Prediction(path=source.path, article_id=source.id, has_metadata=False)
        people: list[str] = []
        orgs: dict[str, str] = {}
        for ent in doc.ents:
            text = " ".join(ent.text.split())
            used = False
            if ent.label_ == "PERSON":
                people.append(text)
                used = True
            elif ent.label_ == "GPE":
                ident = countries.get(_strip_the(text).casefold())
                if ident:
                    pred.countries.add(ident)
                    used = True
            elif ent.label_ in ("ORG", "NORP", "FAC", "EVENT"):
                ident = forums.get(text.casefold()) or forums.get(_strip_the(text).casefold())
                if ident:
                    pred.forums.add(ident)
                    used = True
                elif ent.label_ == "ORG":
                    orgs.setdefault(_org_form(text), _strip_the(text))
                    used = True
            if used:
                pred.texts.append((f"{ent.label_} {text!r} sentence", ent.sent.text))
                pred.texts.append((f"{ent.label_} name", text))
        pred.people = _cluster_people(people)
        pred.organizations = [PredictedEntity(k, (v,)) for k, v in orgs.items() if k]
        out[pred.path] = pred
    return out


def _plain_model(name: str):
    import spacy

    return spacy.load(name)


def evaluate_baseline(
    seeds: Path, gold_dir: Path | str, curated: Path | None = None, model: str | None = None
) -> Report:
    return score(
        baseline_predictions(seeds, curated, model), load_gold(Path(gold_dir)), "spaCy NER"
    )


# --- output -----------------------------------------------------------------------------------------


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
