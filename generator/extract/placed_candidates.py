"""A recurring matter said without its place is the matter of the place the article is about:
"the stalled reunification talks" in a story that names one country far more than any other is
that country's reunification talks.

Reporters name the place of a matter once (or only in the dateline) and then say "the peace
deal", "reunification talks", "the dam talks". As a bare phrase, the candidate (``topics``)
groups across articles with the same words about any other place ("peace deal" of two different
wars), and its name tells a reader nothing of where it is. Where the article has one leading
country (named in at least ``MIN_LEAD`` sentences and in at least twice as many sentences as any
other country), a candidate whose head names a matter of dispute, negotiation or law
(``topics.TOPIC_HEADS``) and whose words name no country is renamed "<Country> <phrase>" and
keyed with the country, so that only articles about the same place's matter group into one issue
found automatically. Without one leading country the candidate is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator import names
from generator.curated.registry import Registry
from generator.data import EntityType, IssueCandidate, Mention
from generator.extract.topics import TOPIC_HEADS

#: The leading country is named in at least this many sentences ...
MIN_LEAD = 3
#: ... and in at least this many times as many sentences as the next country.
LEAD_RATIO = 2


def leading_country(mentions: Iterable[Mention], registry: Registry) -> str | None:
    """The curated name of the one country the article names far more than any other, or None.
    A demonym right before another country's ("Turkish Cypriot leader") names a community of
    that other country: only the second counts."""
    countries = sorted(
        (m for m in mentions if m.label == "country" and m.entity_id), key=lambda m: m.start
    )
    sentences: dict[str, set[int]] = {}
    for m, after in zip(countries, [*countries[1:], None], strict=False):
        if after is not None and after.entity_id != m.entity_id and 0 < after.start - m.end <= 1:
            continue
        entity = registry.get(m.entity_id)
        name = entity.name if entity else m.text
        sentences.setdefault(name, set()).add(m.sentence_index)
    ranked = sorted(sentences.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if not ranked or len(ranked[0][1]) < MIN_LEAD:
        return None
    if len(ranked) > 1 and len(ranked[0][1]) < LEAD_RATIO * len(ranked[1][1]):
        return None
    return ranked[0][0]


def _country_words(registry: Registry) -> set[str]:
    """Folded country names, aliases and demonyms: a phrase holding one has its own place."""
    out: set[str] = set()
    for entity in registry.of_type(EntityType.COUNTRY):
        for name in (entity.name, *entity.aliases, *(entity.data.get("demonyms") or [])):
            out.add(names.fold(str(name)))
    return out


def placed_candidates(
    candidates: Iterable[IssueCandidate], mentions: Iterable[Mention], registry: Registry
) -> list[IssueCandidate]:
    """The candidates, a placeless matter named and keyed with the article's leading country."""
    candidates = list(candidates)
    lead = leading_country(mentions, registry)
    if lead is None:
        return candidates
    countries = _country_words(registry)
    out = []
    for c in candidates:
        words = names.fold(c.name).replace("-", " ").split()
        own_place = any(
            " ".join(words[i:j]) in countries
            for i in range(len(words))
            for j in range(i + 1, len(words) + 1)
        )
        if c.key.split()[-1] not in TOPIC_HEADS or own_place:
            out.append(c)
            continue
        first, _, rest = c.name.partition(" ")
        # "Reunification talks" opened a sentence; an acronym or a name keeps its capitals
        if first[1:].islower():
            first = first.lower()
        name = f"{lead} {first} {rest}".strip()
        out.append(
            IssueCandidate(
                name=name,
                key=f"{names.fold(lead)} {c.key}",
                count=c.count,
                sentences=c.sentences,
            )
        )
    return out
