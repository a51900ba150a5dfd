"""Records: the aggregated corpus as YAML documents, one per article, entity and event.

The shapes follow ``RECORDS.md`` (the contract other tools rely on) and add fields beside the fixed
ones. ``render`` returns ``{relative path: text}``; ``write`` puts them on disk atomically: into a
temporary folder first, then swapped in, so a build killed midway leaves the old records whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import paths, yamlio
from generator.data import ArticleRecord, Corpus, Edge, Entity, Event, QuoteRecord, ReviewItem
from generator.paths import FOLDERS


def article_data(record: ArticleRecord) -> dict[str, Any]:
    article = record.article
    return {
        "id": article.id,
        "title": article.title,
        "source": {"path": article.source.path, "sha256": article.source.sha256},
        "publisher": article.publisher,
        "authors": list(article.authors),
        "published": article.published,
        "url": article.source.front_matter.get("url"),
        "entities": {folder: record.entities.get(folder, []) for folder in FOLDERS.values()},
        "quotes": [quote_data(q) for q in record.quotes],
        "events": list(record.events),
        "boilerplate": [
            {"line": d.line, "reason": d.reason, "text": d.text} for d in article.dropped
        ],
        # recurring topics the issue taxonomy lacks: for review, never among entities.issues
        "issue_candidates": [
            {"name": c.name, "count": c.count, "sentences": list(c.sentences)}
            for c in record.issue_candidates
        ],
    }


def quote_data(quote: QuoteRecord) -> dict[str, Any]:
    data = {"speaker": quote.speaker, "text": quote.text, "sentence": quote.sentence}
    if quote.fragment:  # words quoted inside reported speech: kept apart from quotations
        data["fragment"] = True
    return data


#: Relationships listed in an entity's record (the most supported first); the graph has all.
RELATIONS_IN_RECORD = 100


def relations_data(stem: str, edges: list[Edge]) -> list[dict[str, Any]]:
    """An entity's relationships, each with the sentences that state it."""
    ranked = sorted(edges, key=lambda e: (-len(e.articles), e.kind, e.source, e.target))
    out = []
    for edge in ranked[:RELATIONS_IN_RECORD]:
        other = edge.target if edge.source == stem else edge.source
        out.append(
            {
                "kind": edge.kind,
                "direction": "out" if edge.source == stem else "in",
                "with": other,
                "articles": len(edge.articles),
                "evidence": [{"article": c.article, "sentence": c.value} for c in edge.evidence],
            }
        )
    return out


def entity_data(entity: Entity, relations: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": entity.id,
        "type": entity.type.value,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "mentions": [
            {"article": m.article, "count": m.count, "sentences": list(m.sentences)}
            for m in entity.mentions
        ],
        "description": entity.description,
        "curated": entity.curated,
        "confidence": entity.confidence,
    }
    if entity.country:
        data["country"] = entity.country
    if entity.roles:
        data["roles"] = [
            {
                k: v
                for k, v in (
                    ("title", r.title),
                    ("article", r.article or None),
                    ("sentence", r.sentence or None),
                    ("since", r.date),
                )
                if v
            }
            for r in entity.roles
        ]
    if entity.disagreements:
        data["disagreements"] = [
            {"fact": d.fact, "claims": [{"value": c.value, "article": c.article} for c in d.claims]}
            for d in entity.disagreements
        ]
    for key in sorted(entity.extra):
        data[key] = entity.extra[key]
    if relations:
        data["relations"] = relations
    return data


def event_data(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": "event",
        "kind": event.kind,
        "name": event.name,
        "date": event.date,
        "end": event.end,
        "date_claims": [
            {"date": c.value, "article": c.article, "phrase": c.phrase} for c in event.date_claims
        ],
        "participants": list(event.participants),
        "place": event.place,
        "countries": list(event.countries),
        "forum": event.forum,
        "articles": list(event.articles),
        "sentences": [{"text": c.value, "article": c.article} for c in event.sentences],
    }


def review_data(item: ReviewItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "type": item.type,
        "name": item.name,
        "confidence": item.confidence,
        "articles": list(item.articles),
        "evidence": list(item.evidence),
    }


def review_candidates(corpus: Corpus) -> list[dict[str, Any]]:
    """The new-issue candidates across the corpus, as the review list gives them."""
    return [
        {
            "name": c.name,
            "count": c.count,
            "articles": list(c.articles),
            "sentences": [{"text": s.value, "article": s.article} for s in c.sentences],
            **({"issue": c.issue} if c.issue else {}),
        }
        for c in corpus.issue_candidates
    ]


def record_data(corpus: Corpus) -> dict[str, dict[str, Any]]:
    """Every record as plain data, keyed by its path in the out folder (without suffix)."""
    out: dict[str, dict[str, Any]] = {}
    for record in corpus.articles:
        out[paths.article_stem(record.article.id)] = article_data(record)
    for entity in corpus.entities:
        stem = paths.entity_stem(entity)
        out[stem] = entity_data(entity, relations_data(stem, corpus.relations.edges_of(stem)))
    for event in corpus.events:
        out[paths.event_stem(event.id)] = event_data(event)
    return dict(sorted(out.items()))


def render(corpus: Corpus) -> dict[str, str]:
    """``{'people/lloyd-austin.yml': '...'}`` for every record, plus the review list."""
    return render_all(corpus).yaml


def render_json(corpus: Corpus) -> dict[str, str]:
    """The same records as JSON."""
    return render_all(corpus).json


@dataclass
class Rendered:
    yaml: dict[str, str]  # path in the out folder -> YAML text
    json: dict[str, str]  # same, as JSON
    #: hash of a record's JSON text -> its YAML text, for the next build (see ``render_all``)
    memo: dict[str, str] = field(default_factory=dict)
    reused: int = 0  # records whose YAML came from the memo


def render_all(corpus: Corpus, memo: dict[str, str] | None = None) -> Rendered:
    """Every record as YAML and as JSON. JSON is one line per record: without ``indent`` the
    standard library's C encoder does the work. YAML goes through PyYAML's Python representer,
    which costs far more, so a record whose JSON text is the same as in the previous build takes
    its YAML from ``memo`` (the previous build's ``Rendered.memo``): a rebuild after a small edit
    re-renders only the records that changed."""
    memo = memo or {}
    out = Rendered({}, {})
    for path, fields in record_data(corpus).items():
        text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        key = hashlib.sha1(text.encode()).hexdigest()
        found = memo.get(key)
        if found is None:
            found = yamlio.dump(fields)
        else:
            out.reused += 1
        out.json[paths.record_path(path, "json")] = text + "\n"
        out.yaml[paths.record_path(path, "yml")] = out.memo[key] = found
    out.yaml[paths.REVIEW_RECORD] = yamlio.dump(
        {
            "review": [review_data(item) for item in corpus.review],
            "issue_candidates": review_candidates(corpus),
        }
    )
    return out


def write(files: dict[str, str], out: Path) -> None:
    """Write all files under ``out`` atomically (build in a sibling temp folder, then swap)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for rel, text in files.items():
            target = (staging / rel).resolve()
            if not target.is_relative_to(staging):
                raise ValueError(f"record path escapes the out folder: {rel}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        old = None
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            out.rename(old)
        try:
            staging.rename(out)
        except BaseException:
            if old is not None:
                old.rename(out)  # put the previous records back
            raise
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
