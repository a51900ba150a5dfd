"""The records of the last build, so that a rebuild's unchanged records are the same objects.

``aggregate`` makes the whole corpus again on every build: it reads across articles (spellings,
settled names, merged events), so what one edited article changes cannot be told before it
runs. What follows it can be spared, though: under ``mkdocs serve`` a rebuild after one edit
gives the same article, entity and event records as the last build for all but a few. Here each
new record is compared with the last build's of the same key by the digest of its pickle (equal
pickles are equal values, of the same types: ``1`` and ``1.0`` are equal but write differently),
and where they are equal the last build's object takes its place. The stages after it then tell
an unchanged record by identity, and take what they made of it last time: its JSON and YAML
(``generator.render.kept_records``), its digest for the page checks (``render.reuse.Reads``).

A :class:`KeptCorpus` belongs to whoever keeps builds (the memo under ``mkdocs serve``), never
to a module; it holds the last build's records only.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.data import ArticleRecord, Corpus, Entity, Event

Record = ArticleRecord | Entity | Event


def record_ref(record: object) -> tuple[str, str] | None:
    """A record's kind and key: what identifies it from one build to the next."""
    if isinstance(record, Entity):
        return ("entity", record.key)
    if isinstance(record, ArticleRecord):
        return ("article", record.article.id)
    if isinstance(record, Event):
        return ("event", record.id)
    return None


def record_digest(record: object) -> bytes:
    """The digest of a record's pickle (``render.reuse`` digests records the same way)."""
    return hashlib.blake2b(pickle.dumps(record, pickle.HIGHEST_PROTOCOL), digest_size=16).digest()


@dataclass
class KeptCorpus:
    """One build's records by kind and key, with their digests (by the record's identity)."""

    records: dict[tuple[str, str], Record] = field(default_factory=dict)
    digests: dict[int, bytes] = field(default_factory=dict)
    changed: int = 0  # records of this build that were not the last build's

    def final(self, record: object) -> object:
        """The object this build holds for ``record``: itself, or the last build's equal one."""
        ref = record_ref(record)
        return self.records.get(ref, record) if ref is not None else record

    def digest(self, record: object) -> bytes | None:
        """The digest of one of this build's records (None: not one of them)."""
        return self.digests.get(id(record))


def keep_corpus(corpus: Corpus, last: KeptCorpus | None) -> KeptCorpus:
    """Put the last build's record in place of each record of ``corpus`` equal to it (in its
    lists of articles, entities and events, in order), and return this build's records for the
    next. Nothing else of the corpus refers to those objects yet: the relationship graph names
    entities by their keys."""
    now = KeptCorpus()
    corpus.articles = _kept(corpus.articles, last, now)
    corpus.entities = _kept(corpus.entities, last, now)
    corpus.events = _kept(corpus.events, last, now)
    return now


def _kept(records: Iterable[Record], last: KeptCorpus | None, now: KeptCorpus) -> list:
    out = []
    for record in records:
        ref = record_ref(record)
        assert ref is not None
        old = last.records.get(ref) if last is not None else None
        if old is record and last is not None:  # taken from the last build (``incremental``)
            digest = last.digests[id(old)]
        else:
            digest = record_digest(record)
            if old is not None and last is not None and last.digests.get(id(old)) == digest:
                record = old
            else:
                now.changed += 1
        now.records[ref] = record
        now.digests[id(record)] = digest
        out.append(record)
    return out
