"""Link: resolve each mention to an entity key, within its article.

Keys are ``<type>:<id>`` for what the registry knows, and provisional keys for what it does not:
``person:~lloyd austin`` (a full name, order-free), ``person:?austin`` (a lone surname no full name
in the article explains), ``organization:~<folded name>``. Aggregate turns provisional keys into ids once
every article has been read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from generator import names
from generator.curated.registry import Registry
from generator.data import (
    EntityType,
    EventClaim,
    Extraction,
    IssueCandidate,
    LinkedArticle,
    LinkedMention,
    Mention,
    Quote,
)
from generator.extract.issue_salience import background_issues

_ORG_NOISE_SUFFIXES = ("region", "area", "sea", "ocean", "peninsula", "strait", "islands")


@dataclass
class Linker:
    """Lookup tables over the registry, built once per build."""

    registry: Registry
    people: dict[frozenset[str], str] = field(default_factory=dict)  # name key -> entity key
    person_aliases: dict[str, str] = field(default_factory=dict)  # exact alias -> entity key
    suppressed: set[tuple[str, str | None]] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)  # folded name -> entity key
    issue_names: set[str] = field(default_factory=set)  # casefolded names and aliases of issues

    @classmethod
    def build(cls, registry: Registry) -> Linker:
        linker = cls(registry)
        for entity in registry.of_type(EntityType.PERSON):
            for name in [entity.name, *entity.aliases]:
                if names.is_full(name):
                    linker.people.setdefault(names.key(name), entity.key)
                else:
                    linker.person_aliases.setdefault(name, entity.key)
        for entity in registry.of_type(EntityType.ISSUE):
            linker.issue_names.update(n.casefold() for n in [entity.name, *entity.aliases])
        for entry in registry.suppressions:
            linker.suppressed.add((names.fold(entry["name"]), entry.get("type")))
        for entry in registry.merges:
            for name in entry["names"]:
                linker.merged[names.fold(name)] = entry["into"]
        return linker

    def is_suppressed(self, text: str, label: str) -> bool:
        folded = names.fold(text)
        return (folded, None) in self.suppressed or (folded, label) in self.suppressed


def link(extractions: Iterable[Extraction], linker: Linker) -> list[LinkedArticle]:
    return [link_article(extraction, linker) for extraction in extractions]


#: An issue is one the article discusses when its cues stand in this many sentences, or in the lede.
ISSUE_MIN_SENTENCES = 2
LEDE_SENTENCES = 2


def link_article(extraction: Extraction, linker: Linker) -> LinkedArticle:
    in_names = _issues_in_names(extraction.mentions)
    passing = _discussed_issues(extraction.mentions, linker.issue_names, in_names)
    passing |= _in_title(extraction, in_names)
    passing -= background_issues(
        extraction.mentions,
        extraction.sentences,
        passing,
        set(extraction.title_issues),
        in_names,
    )
    keys: list[tuple[str, float] | None] = [
        _resolve(m, linker)
        if m.label != "issue" or (m.entity_id in passing and i not in in_names)
        else None
        for i, m in enumerate(extraction.mentions)
    ]
    linked = tuple(
        LinkedMention(m, k[0], k[1])
        for m, k in zip(extraction.mentions, keys, strict=True)
        if k is not None
    )
    quotes = []
    for q in extraction.quotes:
        resolved = keys[q.speaker]
        if resolved is None or not resolved[0].startswith("person:"):
            continue
        sentence = extraction.sentences[q.sentence_index]
        quotes.append(
            Quote(
                speaker=resolved[0],
                text=q.text,
                sentence=sentence,
                cue=q.cue,
                fragment=q.fragment,
            )
        )
    events = []
    for e in extraction.events:
        participants = tuple(
            dict.fromkeys(
                keys[i][0] for i in e.participants if keys[i] and keys[i][0].startswith("person:")
            )
        )
        forums = [keys[i][0] for i in e.forum_mentions if keys[i]]
        countries = tuple(dict.fromkeys(keys[i][0] for i in e.place_mentions if keys[i]))
        events.append(
            EventClaim(
                kind=e.kind,
                participants=participants,
                date=e.date,
                place=e.place,
                place_countries=countries,
                forum=_main_forum(forums, linker),
                sentence=e.sentence,
                article=extraction.article.id,
            )
        )
    return LinkedArticle(
        article=extraction.article,
        sentences=extraction.sentences,
        mentions=linked,
        quotes=tuple(quotes),
        events=tuple(events),
        issue_candidates=_new_issue_candidates(extraction, linker),
    )


#: Names an issue's name or cue may stand in without the article being about the issue.
_NAMES_HOLDING_ISSUES = ("organization", "forum")


def _issues_in_names(mentions: tuple[Mention, ...]) -> set[int]:
    """Issue mentions that are a part of a longer organization or forum name ("the Institute
    for Climate Change Studies"): a body, not the topic. A name that is only the issue's words
    (a tagger's "Indo-Pacific") does not hide it."""
    names = [
        (m.start, m.end)
        for m in mentions
        if m.label in _NAMES_HOLDING_ISSUES and m.source != "cue"  # a list cue spans a sentence
    ]
    return {
        i
        for i, m in enumerate(mentions)
        if m.label == "issue"
        and any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in names)
    }


def _discussed_issues(
    mentions: tuple[Mention, ...], issue_names: set[str], in_names: AbstractSet[int] = frozenset()
) -> set[str]:
    """Issues the article discusses, not ones it brushes past: a one-word cue ("sanction",
    "election") counts only when it recurs or stands in the lede; a phrase counts at once. A cue
    said in passing (``Mention.passing``: a list item, a time clause) or that is a person's name
    (a guest who stands for an issue) counts only when it recurs; one inside an organization's
    name (``in_names``) not at all."""
    sentences: dict[str, set[int]] = {}
    strong: set[str] = set()
    lede: set[str] = set()
    people = {(m.start, m.end) for m in mentions if m.label == "person"}
    for i, m in enumerate(mentions):
        if m.label == "issue" and m.entity_id and i not in in_names:
            sentences.setdefault(m.entity_id, set()).add(m.sentence_index)
            if m.passing or (m.start, m.end) in people:
                continue  # a person who stands for an issue is no topic named once
            if (
                m.discussed
                or len(re.split(r"[\s-]+", m.text)) >= 2
                or m.text.casefold() in issue_names
            ):
                strong.add(m.entity_id)
            if m.sentence_index < LEDE_SENTENCES:
                lede.add(m.entity_id)
    return {
        key
        for key, found in sentences.items()
        if key in strong or key in lede or len(found) >= ISSUE_MIN_SENTENCES
    }


def _in_title(extraction: Extraction, in_names: AbstractSet[int]) -> set[str]:
    """Issues the headline names that the body mentions at least once: what a headline names is
    what the article is about, even when the body names it once, in passing or by one word."""
    named = set(extraction.title_issues)
    return {
        m.entity_id
        for i, m in enumerate(extraction.mentions)
        if m.label == "issue" and m.entity_id in named and i not in in_names
    }


def _new_issue_candidates(extraction: Extraction, linker: Linker) -> tuple[IssueCandidate, ...]:
    """The article's new-issue candidates, less those a curator suppressed or already knows."""
    return tuple(
        c
        for c in extraction.issue_candidates
        if not linker.is_suppressed(c.name, "issue") and c.name.casefold() not in linker.issue_names
    )


def _main_forum(forums: list[str], linker: Linker) -> str | None:
    """The most specific forum: 'ADMM-Plus' rather than its parent 'ASEAN'."""
    if not forums:
        return None
    parents = set()
    for key in forums:
        entity = linker.registry.get(key)
        if entity is not None and entity.get("parent"):
            parents.add(f"forum:{entity.get('parent')}")
    specific = [k for k in forums if k not in parents]
    return (specific or forums)[0]


def _resolve(mention: Mention, linker: Linker) -> tuple[str, float] | None:
    if linker.is_suppressed(mention.text, mention.label):
        return None
    merged = linker.merged.get(names.fold(mention.refers_to or mention.text))
    if merged:
        return merged, 1.0
    if mention.label == "person":
        return _resolve_person(mention, linker)
    if mention.entity_id and not mention.entity_id.startswith("body:"):
        return mention.entity_id, {"cue": 0.9, "fuzzy": 0.8, "topic": 0.6}.get(mention.source, 1.0)
    if mention.entity_id and mention.entity_id.startswith("body:"):
        return _resolve_body(mention.entity_id, linker), 0.9
    if mention.label == "organization":
        # a short form ('LNA') refers to the name the article writes in full
        text = mention.refers_to or mention.text
        return _resolve_org(text, linker, mention.source in _TYPED_BODIES)
    return None


def _resolve_person(mention: Mention, linker: Linker) -> tuple[str, float]:
    if mention.entity_id:
        return mention.entity_id, 1.0
    name = mention.refers_to or mention.text
    if name in linker.person_aliases:
        return linker.person_aliases[name], 1.0
    if names.is_full(name):
        known = linker.people.get(names.key(name))
        if known:
            return known, 1.0
        return "person:~" + " ".join(sorted(names.key(name))), 0.9
    return "person:?" + names.lone(name), 0.4


def _resolve_body(key: str, linker: Linker) -> str:
    """'body:defense-ministry@china' → the curated ministry, or a new one named for the country."""
    body_id, country_id = key.removeprefix("body:").split("@", 1)
    for entity in linker.registry.of_type(EntityType.ORGANIZATION):
        if entity.get("body") == body_id and entity.get("country") == country_id:
            return entity.key
    return f"organization:{country_id}-{body_id}"


#: Mention sources of a name its context shows to be a party ('his Greens party') or a body
#: ('a X delegation': ``extract/lone_bodies.py``).
_TYPED_BODIES = ("typed-party", "ner-body")


def _resolve_org(text: str, linker: Linker, typed: bool = False) -> tuple[str, float] | None:
    """An organization the registry does not know: new, with a confidence by its shape, or by
    the context that typed it a party (one word is then enough: 'the Greens party')."""
    folded = names.fold(text)
    if folded.endswith(_ORG_NOISE_SUFFIXES):
        return None
    words = text.split()
    key = "organization:~" + " ".join(folded.split())  # the whole name: ids are minted later
    if len(words) == 1 and not (text.isupper() and len(text) >= 2) and not typed:
        return key, 0.3
    return key, 0.7
