"""What an entity page shows beyond its record: roles in the order a reader trusts them, quotes as
the quoted words, and the entities it shares articles with, grouped by type.

Pure functions over records; ``generator.render.pages.Site`` calls them and the templates print
their results.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.data import Entity, EntityType

#: Types in the order the "Related" section lists them.
TYPE_ORDER = (
    EntityType.PERSON,
    EntityType.COUNTRY,
    EntityType.FORUM,
    EntityType.ISSUE,
    EntityType.ORGANIZATION,
)
#: Related entities listed per type: a country in every article must not crowd out the people.
RELATED_PER_TYPE = 8
_TRAILING = " \t,;:"
_DASHES = "—–-"


def role_order(row: dict[str, object], dated: Callable[[str], str | None]) -> tuple:
    """Curated titles first, as curated; then extracted ones by how many articles give them,
    the earliest first on a tie. A title one garbled sentence produced never leads."""
    if row["curated"]:
        return (0,)
    first = row["first"]
    return (1, -int(row["count"]), (dated(first) if first else None) or "9999", row["title"])  # type: ignore[arg-type]


@dataclass(frozen=True)
class Quotation:
    words: str  # the quoted words, whole, without the sentence's punctuation around them
    context: str  # the sentence (or sentences) they stand in


def quotation(text: str, sentence: str, body: str) -> Quotation:
    """The quotation ``text`` as said: widened to its quotation marks in the article when it
    starts or ends inside them (a quote the sentence splitter cut), with the comma the
    sentence put after it dropped."""
    words = text.strip()
    at = body.find(sentence) if sentence else -1
    start = body.find(words, max(at, 0)) if words else -1
    if at < 0 or start < 0:
        return Quotation(_bare(words), sentence)
    end = start + len(words)
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    start = _opening(body, line_start, start)
    end = _closing(body, end, line_end)
    context = sentence
    if start < at or end > at + len(sentence):  # the quotation runs over sentences
        context = body[_sentence_start(body, line_start, min(start, at)) : line_end]
    return Quotation(_bare(body[start:end]), context)


def _opening(body: str, line_start: int, start: int) -> int:
    """Where the quotation holding ``start`` opens: ``start`` itself unless the last double
    quotation mark before it (in its paragraph) opens one."""
    before = body[line_start:start].rstrip()
    if not before or before[-1] in '“"‘':
        return start
    marks = [i for i in range(start - 1, line_start - 1, -1) if body[i] in '“”"']
    if marks and _opens(body, marks[0], line_start):
        return marks[0] + 1
    return start


def _closing(body: str, end: int, line_end: int) -> int:
    after = body[end:line_end].lstrip(_TRAILING + ".?!")
    if not after or after[0] in '”"’':
        return end
    marks = [i for i in range(end, line_end) if body[i] in '“”"']
    if marks and not _opens(body, marks[0], 0):
        return marks[0]
    return end


def _opens(body: str, index: int, floor: int) -> bool:
    mark = body[index]
    if mark != '"':
        return mark == "“"
    return index == floor or body[index - 1].isspace() or body[index - 1] in "([" + _DASHES


def _sentence_start(body: str, line_start: int, index: int) -> int:
    found = [m.end() for m in re.finditer(r"[.!?][”\"]?\s+", body[line_start:index])]
    return line_start + (found[-1] if found else 0)


def _bare(words: str) -> str:
    """The words without the marks and the sentence's comma around them."""
    words = words.strip().rstrip(_TRAILING).strip()
    words = words.strip('“”"').strip().rstrip(_TRAILING)
    return " ".join(words.split())


def context_html(quote: Quotation, label: str = "The sentence it stands in") -> str:
    """The quotation's sentence, one click away: a ``<details>`` block (raw HTML, so the
    sentence is escaped here; Markdown leaves a block of HTML alone)."""
    sentence = html.escape(" ".join(quote.context.split()), quote=False)
    return (
        f'<details class="dossier-context"><summary>{html.escape(label)}</summary>'
        f"<p>{sentence}</p></details>"
    )


#: Shared articles listed on a row by number; a row sharing more gives their count.
RELATED_ARTICLES_LISTED = 3


@dataclass(frozen=True)
class RelatedGroup:
    """Entities of one type that share the same articles with the page's entity."""

    entities: list[Entity]
    articles: list[str]  # empty when more than RELATED_ARTICLES_LISTED: see ``count``
    count: int


@dataclass(frozen=True)
class Related:
    """The "Related" section: rows by type, and the shared articles they cite by number, each
    title printed once ("[1], [2]" on twelve rows, not the same two titles twelve times)."""

    by_type: list[tuple[EntityType, list[RelatedGroup]]]
    articles: list[str]  # article number n is articles[n - 1]

    def number(self, article: str) -> int:
        return self.articles.index(article) + 1


def related_by_type(ranked: list[tuple[Entity, list[str]]]) -> Related:
    """The related entities by type, and within a type one row per set of shared articles."""
    by_type = []
    cited: dict[str, None] = {}
    for kind in TYPE_ORDER:
        rows: dict[tuple[str, ...], list[Entity]] = {}
        for other, shared in [r for r in ranked if r[0].type is kind][:RELATED_PER_TYPE]:
            rows.setdefault(tuple(shared), []).append(other)
        if not rows:
            continue
        groups = []
        for arts, entities in sorted(rows.items(), key=lambda kv: -len(kv[0])):  # stable
            listed = list(arts) if len(arts) <= RELATED_ARTICLES_LISTED else []
            cited.update(dict.fromkeys(listed))
            groups.append(RelatedGroup(entities, listed, len(arts)))
        by_type.append((kind, groups))
    return Related(by_type, list(cited))
