"""Predictions: built records and the plain-spaCy baseline, read into one neutral form per article."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import yamlio
from generator.tools.evaluate.gold import _strings
from generator.tools.evaluate.match import _iso
from generator.tools.evaluate.relations import relation_counts


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
    #: issue id -> its name and aliases (a gold topic outside the taxonomy is matched on them)
    issue_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    organizations: list[PredictedEntity] = field(default_factory=list)
    quotes: list[PredictedQuote] = field(default_factory=list)
    events: list[PredictedEvent] = field(default_factory=list)
    # (where, text) for every sentence, quote and entity name, to look for boilerplate in
    texts: list[tuple[str, str]] = field(default_factory=list)
    has_metadata: bool = True
    #: (relationship edges this article states or could state, of them without a sentence)
    relations: tuple[int, int] = (0, 0)


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
    stated, unstated = relation_counts(data)

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
            issue_names={i: entity("issues", i).names for i in entities.get("issues") or []},
            organizations=[entity("organizations", i) for i in entities.get("organizations") or []],
            texts=list(by_article.get(article_id, [])),
            relations=(stated[article_id], unstated[article_id]),
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
