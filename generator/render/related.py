"""The entities each entity shares articles with, ranked: the "Related" section of its page.

Each entity's list is worked out from the entities named in its articles. Working out all of them
took ~3.5 s of a `mkdocs serve` rebuild at 1,000 articles, after an edit that changes the
entities of one article. So a :class:`RelatedIndex` keeps, with each entity's list, what it was
worked out from: the entity's articles, and for each article the entities it names (key, name,
type: the ranking reads names and types). A next build (``previous``) takes an entity's list as
it is when its articles and what each of them names are the same, and works out the others. The
index holds keys and article ids only, never a build's records: the lists are resolved to this
build's entities by the caller. It belongs to whoever keeps builds (``generator.render.reuse``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.data import Entity, EntityType
from generator.render.entity_page import RELATED_PER_TYPE

#: An article's named entities as the ranking reads them: (key, name, type) each.
Named = tuple[tuple[str, str, EntityType], ...]
#: An entity's related entities: (other key, the shared articles, sorted), best first.
Ranked = list[tuple[str, list[str]]]


@dataclass
class RelatedIndex:
    named: dict[str, Named] = field(default_factory=dict)  # article -> what it names
    #: entity key -> (its articles, in mention order; its ranked list)
    ranked: dict[str, tuple[tuple[str, ...], Ranked]] = field(default_factory=dict)
    worked_out: int = 0  # entities whose list this build worked out (the others were kept)


def related_index(entities: Iterable[Entity], previous: RelatedIndex | None = None) -> RelatedIndex:
    """Every entity's related entities, taken from ``previous`` where nothing they come from
    changed."""
    entities = list(entities)
    by_key = {e.key: e for e in entities}
    by_article: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            by_article[m.article].append(entity)
    index = RelatedIndex(
        {a: tuple((e.key, e.name, e.type) for e in es) for a, es in by_article.items()}
    )
    old = previous or RelatedIndex()
    same = {a for a, named in index.named.items() if old.named.get(a) == named}
    for entity in entities:
        articles = tuple(m.article for m in entity.mentions)
        kept = old.ranked.get(entity.key)
        if kept is not None and kept[0] == articles and same.issuperset(articles):
            index.ranked[entity.key] = kept
            continue
        index.ranked[entity.key] = (articles, _ranked(entity, by_article, by_key))
        index.worked_out += 1
    return index


def _ranked(
    entity: Entity, by_article: dict[str, list[Entity]], by_key: dict[str, Entity]
) -> Ranked:
    shared: dict[str, list[str]] = defaultdict(list)
    for m in entity.mentions:
        for other in by_article[m.article]:
            if other.key != entity.key:
                shared[other.key].append(m.article)
    ranked = sorted(shared.items(), key=lambda kv: (-len(kv[1]), by_key[kv[0]].name))
    per_type: Counter[EntityType] = Counter(by_key[k].type for k, _ in ranked)
    kept, left = [], dict.fromkeys(per_type, RELATED_PER_TYPE)
    for k, v in ranked:  # the best of each type: countries must not crowd out people
        if left[by_key[k].type] > 0:
            left[by_key[k].type] -= 1
            kept.append((k, sorted(set(v))))
    return kept
