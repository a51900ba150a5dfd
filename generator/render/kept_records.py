"""The records' JSON and YAML text kept from one build to the next of the same process.

``records.render_all`` makes every record's data and JSON again and looks its YAML up by the
JSON's digest: at 1,000 articles ~7,000 records, 1.4-2.5 s of a one-article rebuild. Under
``mkdocs serve`` the unchanged records of a rebuild are the last build's objects
(``generator.aggregate.kept``), so their text is taken as it is: an article's and an event's
record is made from the record alone, an entity's from the entity and the relationships that
touch it, compared with the last build's. The review list is kept by its JSON. Everything else
is made as ``render_all`` makes it, in the same order, so the text is the same byte for byte
(``tests/render/test_kept_records.py``).

A :class:`KeptRecords` belongs to whoever keeps builds (the memo), under the rendering code it
was made with (``context``); it holds the last build's texts only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from generator import paths, yamlio
from generator.data import ArticleRecord, Corpus, Edge, Entity, Event
from generator.render.records import (
    Rendered,
    article_data,
    entity_data,
    event_data,
    relations_data,
    review_candidates,
    review_data,
)


@dataclass(frozen=True)
class KeptText:
    record: object  # the record it was made from (kept alive, so its identity means it)
    edges: list[Edge] | None  # an entity's relationships, as the text shows them
    json: str
    yaml: str


@dataclass
class KeptRecords:
    """One build's record texts by stem (``people/lloyd-austin``), and the review list's."""

    context: str  # the rendering code (and PyYAML's version) they were made with
    texts: dict[str, KeptText] = field(default_factory=dict)
    review: tuple[str, str] = ("", "")  # its JSON, its YAML
    made: int = 0  # records made in this build (the rest were taken from the last)


def _records(corpus: Corpus) -> list[tuple[str, ArticleRecord | Entity | Event, list | None]]:
    """(stem, record, its relationships or None) in the order ``records.record_data`` gives."""
    out: list[tuple[str, ArticleRecord | Entity | Event, list | None]] = []
    for record in corpus.articles:
        out.append((paths.article_stem(record.article.id), record, None))
    for entity in corpus.entities:
        stem = paths.entity_stem(entity)
        out.append((stem, entity, corpus.relations.edges_of(stem)))
    for event in corpus.events:
        out.append((paths.event_stem(event.id), event, None))
    # a stem is unique (``record_data`` keeps the last of a repeated one: none repeats)
    return sorted(out, key=lambda item: item[0])


def render_kept(corpus: Corpus, context: str, last: KeptRecords | None) -> KeptRecords:
    """Every record's JSON and YAML, those of records unchanged since ``last`` taken from it."""
    usable = last.texts if last is not None and last.context == context else {}
    now = KeptRecords(context)
    for stem, record, edges in _records(corpus):
        old = usable.get(stem)
        if old is None or old.record is not record or old.edges != edges:
            if isinstance(record, ArticleRecord):
                data = article_data(record)
            elif isinstance(record, Entity):
                data = entity_data(record, relations_data(stem, edges or []))
            else:
                data = event_data(record)
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
            shown = list(edges) if edges is not None else None
            old = KeptText(record, shown, text, yamlio.dump(data))
            now.made += 1
        now.texts[stem] = old
    review = _review(corpus)
    text = json.dumps(review, ensure_ascii=False)
    same = last is not None and last.context == context and last.review[0] == text
    now.review = (text, last.review[1] if same and last is not None else yamlio.dump(review))
    return now


def _review(corpus: Corpus) -> dict:
    """The review list's record, as ``records.render_all`` writes it."""
    return {
        "review": [review_data(item) for item in corpus.review],
        "issue_candidates": review_candidates(corpus),
    }


def rendered_records(kept: KeptRecords) -> Rendered:
    """The records as ``records.render_all`` returns them (without its YAML memo)."""
    out = Rendered({}, {})
    for stem, text in kept.texts.items():
        out.json[paths.record_path(stem, "json")] = text.json
        out.yaml[paths.record_path(stem, "yml")] = text.yaml
    out.yaml[paths.REVIEW_RECORD] = kept.review[1]
    out.reused = len(kept.texts) - kept.made
    return out


def kept_from(corpus: Corpus, context: str, made: Rendered) -> KeptRecords:
    """The texts ``records.render_all`` made for ``corpus`` (a first build, whose YAML comes
    from the disk's memo), kept for the next build."""
    now = KeptRecords(context, made=len(made.json))
    for stem, record, edges in _records(corpus):
        shown = list(edges) if edges is not None else None
        json_text = made.json[paths.record_path(stem, "json")]
        now.texts[stem] = KeptText(
            record, shown, json_text, made.yaml[paths.record_path(stem, "yml")]
        )
    now.review = (json.dumps(_review(corpus), ensure_ascii=False), made.yaml[paths.REVIEW_RECORD])
    return now
