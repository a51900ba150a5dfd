"""Typed records passed between pipeline stages.

Each stage takes records of one kind and returns records of the next; nothing is shared through a
mutable dict. Field docstrings are comments beside each field.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from itertools import combinations_with_replacement
from typing import Protocol


class EntityType(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    FORUM = "forum"
    ISSUE = "issue"
    ORGANIZATION = "organization"


def split_key(key: str) -> tuple[str, str]:
    """An entity key's type and id: ``"person:lloyd-austin"`` → ``("person", "lloyd-austin")``.
    A provisional id keeps its mark (``"person:?Austin"`` → ``("person", "?Austin")``)."""
    kind, _, ident = key.partition(":")
    return kind, ident


def entity_key(kind: str, ident: str) -> str:
    """``("person", "lloyd-austin")`` → ``"person:lloyd-austin"``: the stable identity of an
    entity, across articles and builds (page and record paths are ``generator.paths``)."""
    return f"{kind}:{ident}"


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file, reported as ``file:line: message``."""

    path: str  # path relative to the seeds folder (or as given)
    line: int | None  # 1-based line, when there is one
    message: str
    severity: str = "error"  # "error" fails check / --strict; "warning" is only reported

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


# --- ingest -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFile:
    """One article file as read from disk, decoded, with its front matter split off."""

    id: str  # article id: slug of the file stem
    path: str  # relative to the seeds folder, with forward slashes
    sha256: str  # hex digest of the file's bytes
    text: str  # decoded body text (front matter removed), line ends normalised to \n
    body_line_offset: int  # number of lines the front matter took, to report body line numbers
    front_matter: dict[str, object] = field(default_factory=dict)


# --- clean --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DroppedLine:
    """A line removed as boilerplate, kept so pages can say what was dropped."""

    line: int  # 1-based line in the source file
    text: str
    reason: str


@dataclass(frozen=True)
class CleanArticle:
    """An article split into metadata and body paragraphs, boilerplate removed."""

    source: SourceFile
    title: str
    publisher: str | None
    authors: tuple[str, ...]
    published: str | None  # ISO date, only when printed (or given in front matter)
    paragraphs: tuple[str, ...]  # body paragraphs in order
    dropped: tuple[DroppedLine, ...]

    @property
    def id(self) -> str:
        return self.source.id

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


# --- extract ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A name found in an article body, before linking to an entity."""

    text: str  # surface form as it stands, titles stripped
    label: str  # person | country | forum | issue | organization
    start: int  # character offset in CleanArticle.body
    end: int
    sentence: str  # the sentence it stands in
    sentence_index: int
    entity_id: str | None = None  # set when a rule or the registry already knows the entity
    titles: tuple[str, ...] = ()  # rank/office words that stood before a person's name
    role: str | None = (
        None  # office read from the words around the name ("Pentagon Press Secretary")
    )
    source: str = "ner"  # ner | registry | rule | cue — how it was found, for confidence
    refers_to: str | None = None  # the article's full name this short form stands for ("Austin")
    #: an issue cue said in passing (one item of a list of topics, or inside a time clause: "days
    #: after Trump won the election"): it counts only when the issue recurs
    passing: bool = False
    #: an issue cue naming what people talked about ("discussed terrorism", "talks on
    #: migration"): it counts for the article even when it is named once
    discussed: bool = False
    #: a lone word that does what only a person does here (the subject of 'said', 'met'): a
    #: surname, though no full name stands beside it
    acts: bool = False


@dataclass(frozen=True)
class QuoteCandidate:
    """A direct quotation with the mention (index into mentions) of its speaker."""

    text: str
    speaker: int  # index into Extraction.mentions
    sentence_index: int
    cue: str  # the attribution that decided the speaker, e.g. "X said"
    #: words quoted inside reported speech ('vowed "concrete action"', 'claiming the projectile
    #: "is believed to have landed"'): the speaker's words, but not a whole statement
    fragment: bool = False


@dataclass(frozen=True)
class IssueCandidate:
    """A recurring topic phrase of one article that the issue taxonomy does not cover."""

    name: str  # as printed most often ("grain corridor")
    key: str  # folded, singular form that groups spellings across articles
    count: int  # occurrences in the article
    sentences: tuple[str, ...]  # the sentences it stands in (the first few)


@dataclass(frozen=True)
class DateClaim:
    """A date as an article states it, resolved where possible."""

    phrase: str  # as printed: "Tuesday", "November 27 to December 1, 2022"
    start: str | None  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD), None if unresolved
    end: str | None = None  # for ranges
    approximate: bool = False


@dataclass(frozen=True)
class EventCandidate:
    """A meeting, visit, summit or talks reported in one sentence (or merged sentences)."""

    kind: str  # meeting | visit | summit | talks | call
    trigger: str
    participants: tuple[int, ...]  # indexes into Extraction.mentions (people)
    sentence_index: int
    sentence: str
    date: DateClaim | None
    place: str | None  # as printed ("Siem Reap, Cambodia")
    place_mentions: tuple[int, ...] = ()  # country mentions that locate it
    forum_mentions: tuple[int, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article, before linking."""

    article: CleanArticle
    sentences: tuple[str, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[QuoteCandidate, ...]
    events: tuple[EventCandidate, ...]
    issue_candidates: tuple[IssueCandidate, ...] = ()  # new issues for review
    #: curated issues the headline names by a name or cue ("Sanctions on Iran tightened")
    title_issues: tuple[str, ...] = ()


# --- link ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkedMention:
    """A mention resolved to an entity key (ids are fixed in aggregate)."""

    mention: Mention
    key: str  # "<type>:<id>" — stable identity of the entity
    confidence: float


@dataclass(frozen=True)
class Quote:
    speaker: str  # entity key of the speaker
    text: str
    sentence: str
    cue: str
    fragment: bool = False  # words quoted inside reported speech (QuoteCandidate.fragment)


@dataclass(frozen=True)
class EventClaim:
    """An event as one article reports it, with participants as entity keys."""

    kind: str
    participants: tuple[str, ...]
    date: DateClaim | None
    place: str | None
    place_countries: tuple[str, ...]
    forum: str | None  # entity key of the forum
    sentence: str
    article: str


@dataclass(frozen=True)
class LinkedArticle:
    article: CleanArticle
    sentences: tuple[str, ...]
    mentions: tuple[LinkedMention, ...]
    quotes: tuple[Quote, ...]
    events: tuple[EventClaim, ...]
    issue_candidates: tuple[IssueCandidate, ...] = ()  # new issues for review


# --- aggregate ----------------------------------------------------------------------------


@dataclass
class Role:
    title: str
    article: str
    sentence: str
    date: str | None = None


@dataclass
class EntityMention:
    article: str
    count: int
    sentences: list[str]


@dataclass
class Entity:
    """One person, country, forum, issue or organization across all articles."""

    key: str
    id: str
    type: EntityType
    name: str
    aliases: list[str]
    mentions: list[EntityMention]
    confidence: float
    curated: bool  # true when the registry knows it
    description: str | None = None
    country: str | None = None  # country id
    roles: list[Role] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)  # curated fields shown as-is
    disagreements: list[Disagreement] = field(default_factory=list)  # facts sources differ on


@dataclass
class Claim:
    """One article's value for a fact, so disagreements can be shown with their sources."""

    value: str
    article: str
    phrase: str | None = None


@dataclass
class Disagreement:
    """Articles that give one fact different values, each value with its article."""

    fact: str  # what the values are of: "title"
    claims: list[Claim]  # at least two articles, sorted by value then article


@dataclass
class Event:
    id: str
    kind: str
    name: str
    date: str | None
    end: str | None
    date_claims: list[Claim]
    participants: list[str]  # person ids
    place: str | None
    countries: list[str]  # country ids where it happened
    forum: str | None  # forum id
    articles: list[str]
    sentences: list[Claim]


@dataclass
class CandidateIssue:
    """A new-issue candidate across the corpus: one phrase and every article it recurs in."""

    name: str
    key: str  # IssueCandidate.key
    count: int  # occurrences over all articles
    articles: list[str]
    sentences: list[Claim]  # evidence: sentence and the article it is from
    #: the issue published for it when it recurs across articles (``aggregate.auto_issues``):
    #: its key while aggregating, its id once ids are minted
    issue: str | None = None


@dataclass(frozen=True)
class QuoteRecord:
    """A quote of an article's record, its speaker a published person."""

    speaker: str  # person id
    text: str
    sentence: str  # the sentence it stands in
    fragment: bool = False  # words quoted inside reported speech, not a whole statement


@dataclass
class ReviewItem:
    """A name the build was unsure of, listed for review instead of published."""

    kind: str  # "unresolved name" | "low confidence"
    type: str  # the entity type (an unresolved name: the mention's label)
    name: str
    confidence: float
    articles: list[str]
    evidence: list[str]  # the sentence it was found in


@dataclass
class ArticleRecord:
    """The article as written to articles/<id>.yml."""

    article: CleanArticle
    entities: dict[str, list[str]]  # folder -> ids
    quotes: list[QuoteRecord]
    events: list[str]
    mention_spans: list[tuple[int, int, str, str]]  # start, end, folder, id — for linking body text
    issue_candidates: list[IssueCandidate] = field(default_factory=list)  # new issues for review


# --- the relationship graph (aggregate/relations.py builds it) ---------------------------------

#: Evidence sentences kept per relationship edge.
EVIDENCE_KEPT = 5


@dataclass(frozen=True)
class Node:
    key: str  # "people/lloyd-austin"
    name: str
    type: str  # person | country | forum | issue | organization


@dataclass
class Edge:
    source: str  # node key
    target: str
    kind: str  # met | spoke on | belongs to | attended
    articles: set[str] = field(default_factory=set)
    #: the sentences that state the relationship (value: the sentence, article: where), at most
    #: ``EVIDENCE_KEPT``: an edge has one at least, and its articles count the rest
    evidence: list[Claim] = field(default_factory=list)


@dataclass
class Graph:
    nodes: dict[str, Node]
    edges: list[Edge]

    @cached_property
    def _touching(self) -> dict[str, list[Edge]]:
        """Node key → its edges, in the graph's edge order (built once: a page per entity asks)."""
        out: dict[str, list[Edge]] = defaultdict(list)
        for edge in self.edges:
            out[edge.source].append(edge)
            out[edge.target].append(edge)
        return out

    def edges_of(self, key: str) -> list[Edge]:
        """The edges touching node ``key`` (an entity's stem, ``people/lloyd-austin``)."""
        return self._touching.get(key, [])

    def neighbourhood(self, key: str, limit: int = 16) -> Graph:
        """The node, its strongest neighbours and the edges among them."""
        touching = sorted(
            self._touching.get(key, []),
            key=lambda e: (-len(e.articles), e.kind, e.source, e.target),
        )
        keep = {key}
        for edge in touching:
            if len(keep) > limit:
                break
            keep.update((edge.source, edge.target))
        kept = sorted(keep)
        return Graph({k: self.nodes[k] for k in kept}, self.edges_among(kept))

    def edges_among(self, keys: list[str]) -> list[Edge]:
        """The edges joining two of ``keys``, in graph order: looked up pair by pair, as a hub
        has thousands of edges."""
        kept = sorted(keys)
        found = [
            i
            for a, b in combinations_with_replacement(kept, 2)
            for i in self._between.get((a, b), ())
        ]
        return [self.edges[i] for i in sorted(found)]

    @cached_property
    def _between(self) -> dict[tuple[str, str], list[int]]:
        """(node, node) in sorted order → the positions of the edges joining them."""
        index: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, edge in enumerate(self.edges):
            a, b = sorted((edge.source, edge.target))
            index[(a, b)].append(i)
        return index


class Titles(Protocol):
    """Reads role titles. Aggregate builds one from the registry (``roles.TitleNormalizer``) and
    pages use it again. It is not imported here: code fingerprints follow imports, and the
    extraction cache must not depend on aggregate code."""

    def without_places(self, title: str) -> str: ...


@dataclass
class Corpus:
    """The aggregated knowledge: what records and pages are made from."""

    articles: list[ArticleRecord]
    entities: list[Entity]
    events: list[Event]
    review: list[ReviewItem]  # low-confidence entities and unresolved names
    problems: list[Problem]
    #: compares and shortens role titles (built once from the registry, for aggregate and pages)
    titles: Titles
    #: new-issue candidates across articles, for the review page (never published as issues)
    issue_candidates: list[CandidateIssue] = field(default_factory=list)
    #: the typed relationships between entities, each with the articles that support it
    relations: Graph = field(default_factory=lambda: Graph({}, []))
