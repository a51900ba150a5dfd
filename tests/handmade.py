"""Extraction records made by hand, for tests of link and aggregate that need no spaCy model.

``Draft`` holds one article's text; its methods add the mentions, events and quotes that extract
would have found, each placed at its words in the text, and ``extraction()`` returns the record::

    draft = Draft("a", "Foreign Minister Maria Duarte met Lloyd Austin. Duarte said ...")
    duarte = draft.mention("Maria Duarte")
    austin = draft.mention("Lloyd Austin")
    draft.event("meeting", [duarte, austin], date="2024-05-06")
    extraction = draft.extraction()
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.aggregate import aggregate
from generator.curated.registry import Registry, load_registry
from generator.data import (
    CleanArticle,
    Corpus,
    DateClaim,
    EventCandidate,
    Extraction,
    IssueCandidate,
    Mention,
    QuoteCandidate,
    SourceFile,
)
from generator.link import Linker, link
from tests.conftest import SEEDS

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def seeds_registry() -> Registry:
    """The repository's curated registry (``seeds/curated``)."""
    registry, problems = load_registry(Path(SEEDS))
    assert not [p for p in problems if p.severity == "error"], problems
    return registry


class Draft:
    """One article and what extract found in it, written by hand."""

    def __init__(self, ident: str, text: str, published: str | None = None, title: str = "Title"):
        paragraphs = tuple(p.strip() for p in text.strip().split("\n\n"))
        source = SourceFile(ident, f"articles/{ident}.txt", "0" * 64, text, 0)
        self.article = CleanArticle(source, title, None, (), published, paragraphs, ())
        self.body = self.article.body
        self.sentences: list[tuple[int, int, str]] = []  # start, end, text
        for paragraph in re.finditer(r"[^\n]+", self.body):
            start = paragraph.start()
            for part in _SENTENCE_END.split(paragraph.group()):
                begin = self.body.index(part, start)
                self.sentences.append((begin, begin + len(part), part))
                start = begin + len(part)
        self.mentions: list[Mention] = []
        self.events: list[EventCandidate] = []
        self.quotes: list[QuoteCandidate] = []
        self.candidates: list[IssueCandidate] = []

    def _sentence_at(self, offset: int) -> int:
        return next(i for i, (s, e, _) in enumerate(self.sentences) if s <= offset < e)

    def mention(
        self,
        text: str,
        label: str = "person",
        *,
        occurrence: int = 0,
        entity_id: str | None = None,
        refers_to: str | None = None,
        source: str = "ner",
        role: str | None = None,
    ) -> int:
        """Add the ``occurrence``-th (0-based) whole-word ``text`` of the body as a mention; returns
        its index, as events and quotes refer to it."""
        found = list(re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", self.body))
        assert len(found) > occurrence, f"{text!r} is not {occurrence + 1} times in the text"
        start = found[occurrence].start()
        index = self._sentence_at(start)
        self.mentions.append(
            Mention(
                text=text,
                label=label,
                start=start,
                end=start + len(text),
                sentence=self.sentences[index][2],
                sentence_index=index,
                entity_id=entity_id,
                source=source,
                refers_to=refers_to,
                role=role,
            )
        )
        return len(self.mentions) - 1

    def event(
        self,
        kind: str,
        participants: list[int],
        *,
        date: str | None = None,
        place: str | None = None,
        forums: tuple[int, ...] = (),
        places: tuple[int, ...] = (),
    ) -> None:
        """An event reported in the sentence of its first participant."""
        index = self.mentions[participants[0]].sentence_index
        self.events.append(
            EventCandidate(
                kind=kind,
                trigger=kind,
                participants=tuple(participants),
                sentence_index=index,
                sentence=self.sentences[index][2],
                date=DateClaim(date, date) if date else None,
                place=place,
                place_mentions=places,
                forum_mentions=forums,
            )
        )

    def quote(self, text: str, speaker: int, cue: str = "X said") -> None:
        index = self._sentence_at(self.body.index(text))
        self.quotes.append(QuoteCandidate(text, speaker, index, cue))

    def candidate(self, name: str, key: str) -> None:
        """A new-issue candidate: the phrase ``name`` (folded: ``key``) in every sentence that
        holds it."""
        found = [text for _, _, text in self.sentences if name in text]
        assert found, f"{name!r} is not in the text"
        self.candidates.append(IssueCandidate(name, key, len(found), tuple(found)))

    def extraction(self) -> Extraction:
        return Extraction(
            article=self.article,
            sentences=tuple(s for _, _, s in self.sentences),
            mentions=tuple(self.mentions),
            quotes=tuple(self.quotes),
            events=tuple(self.events),
            issue_candidates=tuple(self.candidates),
        )


def corpus_of(registry: Registry, *drafts: Draft) -> Corpus:
    """Link and aggregate hand-made articles, as the build does after extraction."""
    linked = link([d.extraction() for d in drafts], Linker.build(registry))
    return aggregate(linked, registry, [])
