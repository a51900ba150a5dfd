"""Roles: where articles give one person different titles for the same time.

"Defense Minister" in one article and "Foreign Minister" in another, a week apart, is a
disagreement a reader should see. Most differences are not: a title that extends another
("Secretary" / "Secretary of Defense"), the same title reworded ("Defence Secretary" /
"Secretary of Defense"), a country said differently ("U.S. President" / "American President"),
or titles from clearly different dates (a change of office). Titles are compared as sets of
words after that normalisation; two conflict when they name the same kind of office (their head
word: minister, secretary, spokesperson...) with different words around it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from generator.curated.registry import Registry
from generator.data import Claim, Disagreement, Entity, EntityType, Role

#: Two articles dated further apart than this may report a change of office, not a disagreement.
SAME_PERIOD_DAYS = 90
#: Words that say the title is not the person's current one: it cannot contradict another.
NOT_CURRENT = frozenset(
    [
        "former",
        "ex",
        "then",
        "late",
        "incoming",
        "elect",
        "designate",
        "designated",
        "future",
        "previous",
        "past",
        "retired",
        "erstwhile",
        "onetime",
    ]
)
#: Words that change the rank of an office: "Vice President" is not "President" extended.
RANK_CHANGING = frozenset(["vice", "deputy", "assistant", "associate", "junior"])
#: Words that qualify a tenure without changing the office ("acting Defense Minister").
TENURE = frozenset(
    [
        "acting",
        "interim",
        "caretaker",
        "current",
        "incumbent",
        "new",
        "newly",
        "outgoing",
        "sitting",
    ]
)
_GRAMMAR = frozenset(["the", "a", "an", "of", "for", "and", "to", "on", "in", "at", "with", "s"])
#: A title's head sits before its first "of"/"for": "Secretary of State", "spokesman for NSC".
_HEAD_SPLIT = frozenset({"of", "for"})
_WORD = re.compile(r"[\w.]+")


@dataclass(frozen=True)
class TitleNormalizer:
    """Turns a printed title into comparable words, using the curated registry."""

    places: re.Pattern[str] | None  # country names, aliases, demonyms and capitals
    equivalents: tuple[tuple[re.Pattern[str], str], ...]  # abbreviations and variants
    office_heads: frozenset[str]  # last words of curated offices: what a head can be
    #: words of each title seen (the same few hundred titles recur across thousands of articles)
    _words: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_registry(cls, registry: Registry) -> TitleNormalizer:
        equivalents = tuple(
            (_phrase_pattern([variant], re.IGNORECASE), canonical.casefold())
            for variant, canonical in sorted(
                registry.title_equivalents.items(), key=lambda kv: (-len(kv[0]), kv[0])
            )
        )
        normalizer = cls(_places(registry), equivalents, frozenset())
        heads = {
            words[-1]
            for office in registry.titles.get("offices", [])
            if (words := normalizer.words(_before_head_split(office)))
        }
        return cls(normalizer.places, equivalents, frozenset(heads))

    def words(self, title: str) -> list[str]:
        """Lowercase words of a title, places removed and variants replaced, in order."""
        known = self._words.get(title)
        if known is None:
            known = self._words[title] = tuple(self._split(title))
        return list(known)

    def _split(self, title: str) -> list[str]:
        text = " ".join(title.split())
        if self.places is not None:
            text = self.places.sub(" ", text)
        # "ex-president", "Under-Secretary": hyphens split words, before variants are replaced
        text = re.sub(r"[-‐‑–]", " ", text.casefold())
        for pattern, canonical in self.equivalents:
            text = pattern.sub(lambda _m, c=canonical: c, text)
        return [w.strip(".") for w in _WORD.findall(text) if w.strip(".")]

    def without_places(self, title: str) -> str:
        """The title without its country ("President of the Philippines" → "President"), for a
        tag beside the country's own; empty when nothing else is left."""
        text = " ".join(title.split())
        if self.places is not None:
            text = " ".join(self.places.sub(" ", text).split())
        previous = None
        while previous != text:  # what a removed place leaves dangling: "President of the"
            previous = text
            text = re.sub(r"\s+(?:of|for|in|and)(?:\s+the)?$", "", text, flags=re.IGNORECASE)
            text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
        return text

    def key(self, title: str) -> TitleKey | None:
        """The comparable form of a title; None for a title that is not current."""
        words = self.words(title)
        if not words or NOT_CURRENT & set(words):
            return None
        before = words[: next((i for i, w in enumerate(words) if w in _HEAD_SPLIT), len(words))]
        content = [w for w in before if w not in _GRAMMAR and w not in TENURE]
        heads = [w for w in content if w in self.office_heads]
        head = heads[-1] if heads else (content[-1] if content else None)
        if head is None:
            return None
        return TitleKey(head, frozenset(w for w in words if w not in _GRAMMAR | TENURE))


@dataclass(frozen=True)
class TitleKey:
    """A title reduced to its head word and its set of content words."""

    head: str
    words: frozenset[str]

    @property
    def order(self) -> tuple[str, list[str]]:
        return (self.head, sorted(self.words))

    def conflicts_with(self, other: TitleKey) -> bool:
        """Same kind of office, different office: neither extends the other, or one only
        extends the other by a rank ("Vice President" / "President")."""
        if self.head != other.head or self.words == other.words:
            return False
        if self.words < other.words:
            return bool(RANK_CHANGING & (other.words - self.words))
        if other.words < self.words:
            return bool(RANK_CHANGING & (self.words - other.words))
        return True


class _Claim(NamedTuple):
    """One article's title for the person, placed in time."""

    day: date
    article: str
    title: str  # as printed, whitespace collapsed


def title_disagreements(
    roles: list[Role], published: dict[str, str | None], normalizer: TitleNormalizer
) -> list[Disagreement]:
    """Groups of titles that articles give one person for the same period and that conflict.

    Only titles read from articles count (curated roles carry their own dates); two articles
    conflict only when both are dated within ``SAME_PERIOD_DAYS`` of each other, since an
    undated article may be from before or after a change of office. Claims are compared per
    distinct title, not per pair of articles: a person in thousands of articles has few titles.
    """
    by_key: dict[TitleKey, list[_Claim]] = defaultdict(list)
    for role in roles:
        key = normalizer.key(role.title) if role.article else None
        day = _day(published.get(role.article)) if key else None
        if key and day:
            by_key[key].append(_Claim(day, role.article, " ".join(role.title.split())))
    keys = sorted(by_key, key=lambda k: k.order)
    for key in keys:
        by_key[key].sort()
    involved: dict[TitleKey, set[_Claim]] = defaultdict(set)
    linked: dict[TitleKey, set[TitleKey]] = defaultdict(set)
    for i, first in enumerate(keys):
        for second in keys[i + 1 :]:
            if not first.conflicts_with(second):
                continue
            hits = _near_other_article(by_key[first], by_key[second])
            if hits:
                involved[first] |= hits
                involved[second] |= _near_other_article(by_key[second], by_key[first])
                linked[first].add(second)
                linked[second].add(first)
    disagreements = []
    for group in _components(linked, keys):
        # Every article of the period that gives one of these titles is a source for it too.
        listed = {
            claim
            for key in group
            for claim in _near_other_article(by_key[key], sorted(involved[key]), same_ok=True)
        }
        values = sorted({(c.title, c.article) for c in listed})
        disagreements.append(Disagreement("title", [Claim(v, a) for v, a in values]))
    return disagreements


def _near_other_article(
    claims: list[_Claim], others: list[_Claim], same_ok: bool = False
) -> set[_Claim]:
    """The claims that have one of ``others`` (sorted by day) within ``SAME_PERIOD_DAYS``, from
    another article unless ``same_ok``."""
    days = [o.day for o in others]
    window = timedelta(days=SAME_PERIOD_DAYS)
    found = set()
    for claim in claims:
        lo = bisect_left(days, claim.day - window)
        hi = bisect_right(days, claim.day + window)
        if any(same_ok or o.article != claim.article for o in others[lo:hi]):
            found.add(claim)
    return found


def add_title_disagreements(
    entities: list[Entity], published: dict[str, str | None], normalizer: TitleNormalizer
) -> None:
    """Set ``disagreements`` on every person whose articles give conflicting titles."""
    for entity in entities:
        if entity.type is EntityType.PERSON and len(entity.roles) > 1:
            entity.disagreements.extend(title_disagreements(entity.roles, published, normalizer))


def _components(linked: dict[TitleKey, set[TitleKey]], order: list[TitleKey]) -> list[set]:
    """Connected groups of linked titles, in ``order`` of their first member."""
    seen: set[TitleKey] = set()
    groups = []
    for start in order:
        if start in seen or start not in linked:
            continue
        group, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node not in group:
                group.add(node)
                stack.extend(linked[node] - group)
        seen |= group
        groups.append(group)
    return groups


def _day(published: str | None) -> date | None:
    """A full ISO date; a year or month alone is too coarse to place a title in time."""
    try:
        return date.fromisoformat(published) if published and len(published) == 10 else None
    except ValueError:
        return None


def _before_head_split(title: str) -> str:
    return re.split(r"\s+(?:of|for)\s+", title, maxsplit=1)[0]


def _places(registry: Registry) -> re.Pattern[str] | None:
    """Country names, aliases, demonyms and capitals, with a possessive: a title's country
    is said in many ways ("U.S.", "American", "Washington's") and is not the office."""
    phrases = set()
    for country in registry.of_type(EntityType.COUNTRY):
        phrases.update([country.name, *country.aliases])
        for field_name in ("demonyms", "capitals"):
            phrases.update(country.get(field_name) or [])
    phrases = {p for p in phrases if p and p.strip()}
    # Case-sensitive, as the registry matches names: the alias "US" is not the word "us".
    return _phrase_pattern(sorted(phrases, key=lambda p: (-len(p), p))) if phrases else None


def _phrase_pattern(phrases: list[str], flags: int = 0) -> re.Pattern[str]:
    """Whole phrases, with an optional possessive ("Japan's")."""
    body = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![\w.])(?:{body})(?:['’]s)?(?!\w)", flags)
