"""Links in an article's text: one per entity per paragraph, the longest name winning.

The spans extract and link found are kept (they carry decisions made in context: "Chinese" is
China, "Wei" is Wei Fenghe), and every name the article's entities go by (name, aliases, and
those names with a part that is another entity of the article written out, "Association of
Southeast Asian Nations" for "ASEAN") is matched again over the text. The curated cue phrases of
its issues and forums are matched too: one that names the topic links to it ("South China Sea"),
one that only signals it ("sanctions", "Huawei") links nowhere, but no name inside either is the
name meant. Then, longest first, spans that overlap a longer one are dropped: "China" in "South
China Sea" stays text, the ADMM-Plus's long name is one link, "Russia-Ukraine war" is the issue.
In each paragraph only an entity's first surviving span is a link: a page of underlines helps
nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from generator.curated.registry import Registry
from generator.data import ArticleRecord, Entity, EntityType
from generator.paths import page_of
from generator.render import blocks

#: Typographic marks folded to their plain forms before matching, one character for one, so
#: offsets in the folded text are offsets in the text ("Ministers’ Meeting" is "Ministers'").
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "–": "-", "‑": "-", "‐": "-", "\xa0": " "})
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'-]*) $")
_WORD_AFTER = re.compile(r"^ ([A-Za-z][\w.'-]*)")

Target = tuple[str, str]  # folder, id


@dataclass(frozen=True)
class Name:
    """A way the article may write an entity; ``cased`` names match only as written. A name
    with no target (a cue phrase, a name two entities go by) only keeps shorter names out."""

    text: str
    target: Target | None
    cased: bool


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    target: Target | None


def fold(text: str) -> str:
    return text.translate(_FOLD)


def entity_names(target: Target, name: str, aliases: list[str], person: bool) -> list[Name]:
    """An entity's names: a person's and any one-word name match only as written ("US" is not
    "us"), longer names in any case ("Russia-Ukraine War" in a headline-cased sentence)."""
    return [Name(text, target, person or " " not in text) for text in (name, *aliases)]


def cue_names(target: Target, cues: Iterable[object]) -> list[Name]:
    """An issue's or forum's curated cue phrases (the plain ones; a list is a rule, not a
    phrase). One of several words with a proper name in it names the topic and links to it
    ("South China Sea", "war in Ukraine"); any other only signals it ("sanctions", "Huawei",
    "full-scale invasion") and links nowhere."""
    return [
        Name(cue, target if _names_something(cue) else None, False)
        for cue in cues
        if isinstance(cue, str)
    ]


def _names_something(phrase: str) -> bool:
    return " " in phrase.strip() and any(word[:1].isupper() for word in phrase.split())


def expand_names(names: list[Name]) -> list[Name]:
    """The names, plus each multi-word name with a one-word name of another entity in it written
    out in that entity's other names: "ASEAN Defence Ministers' Meeting-Plus" is also written
    "Association of Southeast Asian Nations Defence Ministers' Meeting-Plus"."""
    by_target: dict[Target, list[str]] = {}
    one_word: dict[str, Target] = {}
    for name in names:
        if name.target is not None:
            by_target.setdefault(name.target, []).append(name.text)
            if " " not in name.text and len(name.text) >= 2:
                one_word.setdefault(name.text, name.target)
    out = list(names)
    for name in names:
        if name.target is None or " " not in name.text:
            continue
        for part in dict.fromkeys(re.findall(r"[\w.&]+", name.text)):
            other = one_word.get(part)
            if other is None or other == name.target:
                continue
            pattern = re.compile(rf"(?<![\w.]){re.escape(part)}(?!\w)")
            for spelled in by_target[other]:
                if " " in spelled:
                    text = pattern.sub(lambda _m, s=spelled: s, name.text)
                    out.append(Name(text, name.target, name.cased))
    return out


class Matcher:
    """Every occurrence of the names in a text, at word boundaries. A name two entities of the
    article go by links nowhere: the span extract placed there decides."""

    def __init__(self, names: Iterable[Name]):
        targets: dict[tuple[str, bool], set[Target | None]] = {}
        for name in names:
            text = fold(" ".join(name.text.split()))
            if len(text) < 2:
                continue
            key = (text if name.cased else text.casefold(), name.cased)
            targets.setdefault(key, set()).add(name.target)
        self._cased = {k: _one(v) for (k, cased), v in targets.items() if cased}
        self._uncased = {k: _one(v) for (k, cased), v in targets.items() if not cased}
        # Names by their first word, longest first: looked up at each word of a text. A regular
        # expression of all the names took 24 ms an article to compile (a third of the pages
        # stage at 1,000 articles) for texts matched against it once or twice.
        self._tables = [
            (_by_first_word(self._cased), self._cased, False),
            (_by_first_word(self._uncased), self._uncased, True),
        ]

    def spans(self, text: str) -> list[Span]:
        folded = fold(text)
        out = []
        for index, table, uncased in self._tables:
            if not index:
                continue
            subject = _lower_keeping_length(folded) if uncased else folded
            # at every word, the longest name that starts there and ends at a word's end
            for word in _WORD.finditer(subject):
                start = word.start()
                for name in index.get(word.group(), ()):
                    end = start + len(name)
                    if subject.startswith(name, start) and not _WORD_CHAR.match(subject, end):
                        found = folded[start:end]
                        target = table[found.casefold() if uncased else found]
                        out.append(Span(start, end, target))
                        break
        return out


_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


def _by_first_word(table: dict[str, Target | None]) -> dict[str, list[str]]:
    """The names by their first word, each list longest first (then alphabetically)."""
    index: dict[str, list[str]] = {}
    for name in sorted(table, key=lambda t: (-len(t), t)):
        first = _WORD.match(name)
        if first is not None:  # a name opening with a sign ('(…') is never looked for
            index.setdefault(first.group(), []).append(name)
    return index


def _lower_keeping_length(text: str) -> str:
    """``text`` in lower case, letter for letter (a letter whose lower case is longer stays)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _one(targets: set[Target | None]) -> Target | None:
    named = targets - {None}
    return next(iter(named)) if len(named) == 1 else None


def choose(text: str, spans: Iterable[Span]) -> list[tuple[Span, bool]]:
    """Non-overlapping spans in text order, each with whether it is its entity's first in the
    text (the one to link). Longer spans win over the spans inside or across them; among spans
    of one length the earlier wins, and a span extract placed wins over a name match."""
    kept: list[Span] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(dict.fromkeys(spans), key=lambda s: (s.start - s.end, s.start)):
        if span.start >= span.end or any(span.start < e and s < span.end for s, e in taken):
            continue
        if _inside_longer_name(text, span):
            continue
        kept.append(span)
        taken.append((span.start, span.end))
    kept.sort(key=lambda s: s.start)
    seen: set[Target | None] = {None}
    out = []
    for span in kept:
        out.append((span, span.target not in seen))
        seen.add(span.target)
    return out


def _inside_longer_name(text: str, span: Span) -> bool:
    """A one-word name between two capitalised words is part of a longer name nobody listed
    ("East China Sea"), unless the word before it only opens a sentence ("The China ...")."""
    if " " in text[span.start : span.end].strip():
        return False
    before = _WORD_BEFORE.search(text, 0, span.start)
    after = _WORD_AFTER.match(text[span.end :])
    if (
        not before
        or not after
        or not before.group(1)[0].isupper()
        or not after.group(1)[0].isupper()
    ):
        return False
    opener = text[: before.start()].rstrip()
    return bool(opener) and opener[-1] not in ".!?:;\"“”'‘’(—"


def link_text(
    text: str,
    spans: Iterable[Span],
    link: Callable[[str, Target], str],
    plain: Callable[[str], str],
) -> str:
    """``text`` with its chosen spans replaced by ``link(label, target)`` (the first of each
    entity) or kept as text; the rest through ``plain``."""
    pieces: list[str] = []
    cursor = 0
    for span, first in choose(text, spans):
        if not first:
            continue
        pieces.append(plain(text[cursor : span.start]))
        pieces.append(link(text[span.start : span.end], span.target))  # type: ignore[arg-type]
        cursor = span.end
    pieces.append(plain(text[cursor:]))
    return "".join(pieces)


def linked_paragraphs(
    record: ArticleRecord,
    entities: Mapping[Target, Entity],
    registry: Registry,
    previous: Mapping[tuple[Name, ...], Matcher] | None = None,
    compiled: dict[tuple[Name, ...], Matcher] | None = None,
) -> list[str]:
    """The article's body as HTML paragraphs (``generator.render.blocks``), each entity linked at its first mention in
    the paragraph (``entities``: the published entities by folder and id). The matcher of the
    article's names is taken from ``previous`` (a last build's) when it is there, and put in
    ``compiled``."""
    body = record.article.body
    placed = [Span(s, e, (folder, ident)) for s, e, folder, ident in record.mention_spans]
    names = tuple(article_names(record, placed, entities, registry))
    matcher = (previous or {}).get(names) or Matcher(names)
    if compiled is not None:
        compiled[names] = matcher
    out: list[str] = []
    offset = 0
    for paragraph in record.article.paragraphs:
        first, last = offset, offset + len(paragraph)
        offset = last + 2  # paragraphs are joined by a blank line
        text = body[first:last]
        spans = [
            Span(s.start - first, s.end - first, s.target)
            for s in placed
            if first <= s.start and s.end <= last
        ]
        linked = link_text(text, [*spans, *matcher.spans(text)], _html_link, blocks.spaced).strip()
        if linked:
            out.append(f"<p>{linked}</p>")
    return out


def linked_key(
    record: ArticleRecord, entities: Mapping[Target, Entity], registry: Registry
) -> tuple:
    """Everything ``linked_paragraphs`` reads, as a key to keep its result by: the body, the
    spans extract placed, each entity of the article as it is named, the curated data (the cue
    phrases; a registry without a digest is never the same)."""
    named = tuple(
        (folder, ident, e.key, e.type, e.name, tuple(e.aliases)) if e else (folder, ident)
        for folder, idents in record.entities.items()
        for ident in idents
        for e in [entities.get((folder, ident))]
    )
    return (
        record.article.paragraphs,
        tuple(record.mention_spans),
        named,
        registry.digest or object(),
    )


def article_names(
    record: ArticleRecord,
    placed: list[Span],
    entities: Mapping[Target, Entity],
    registry: Registry,
) -> list[Name]:
    """Every name the article's entities go by, the words extract linked among them."""
    body = record.article.body
    names = [Name(body[s.start : s.end], s.target, True) for s in placed]
    for folder, idents in record.entities.items():
        for ident in idents:
            entity = entities.get((folder, ident))
            if entity is None:
                continue
            person = entity.type is EntityType.PERSON
            names += entity_names((folder, ident), entity.name, entity.aliases, person)
            curated = registry.get(entity.key)
            names += cue_names((folder, ident), curated.get("cues", []) or [] if curated else [])
    return expand_names(names)


def _html_link(label: str, target: Target) -> str:
    return blocks.link(f"../{page_of(*target)}", blocks.text(label))
