"""The typed relationship graph behind the graph page and each entity's neighbourhood.

Edges, each with the articles that support it:
- ``met``: two people who took part in one meeting, visit or call of at most
  ``MET_MAX_PARTICIPANTS`` people (a summit's hundred attendees did not each meet every other:
  they are tied to its forum by ``attended``, and pairing them made the graph grow with the
  square of a summit's attendance, 7 million article references at 2,500 articles);
- ``spoke on``: a person quoted in an article that discusses an issue;
- ``member of``: a country in a forum (curated membership);
- ``belongs to``: a person whose role names an organization mentioned in the same article;
- ``attended``: a person at a forum's session.
"""

from __future__ import annotations

from itertools import combinations

from generator.curated.registry import Registry
from generator.data import Corpus, Edge, Entity, EntityType, Graph, Node
from generator.paths import FOLDERS, entity_stem

#: The most people an event may have for each pair of them to count as having met.
MET_MAX_PARTICIPANTS = 8


def build_graph(corpus: Corpus, registry: Registry) -> Graph:
    entities = {(FOLDERS[e.type], e.id): e for e in corpus.entities}
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}

    def node(entity: Entity) -> str:
        key = entity_stem(entity)
        nodes.setdefault(key, Node(key, entity.name, entity.type.value))
        return key

    def link(a: Entity, b: Entity, kind: str, articles: set[str]) -> None:
        ka, kb = sorted((node(a), node(b))) if kind == "met" else (node(a), node(b))
        edge = edges.setdefault((ka, kb, kind), Edge(ka, kb, kind))
        edge.articles |= articles

    for event in corpus.events:
        people = [entities[("people", p)] for p in event.participants if ("people", p) in entities]
        for a, b in combinations(people if len(people) <= MET_MAX_PARTICIPANTS else (), 2):
            link(a, b, "met", set(event.articles))
        forum = entities.get(("forums", event.forum)) if event.forum else None
        if forum is not None:
            for person in people:
                link(person, forum, "attended", set(event.articles))
    for record in corpus.articles:
        issues = [entities[("issues", i)] for i in record.entities["issues"]]
        for quote in record.quotes:
            speaker = entities.get(("people", quote.speaker))
            for issue in issues if speaker else []:
                link(speaker, issue, "spoke on", {record.article.id})
        orgs = [entities[("organizations", o)] for o in record.entities["organizations"]]
        for person_id in record.entities["people"]:
            person = entities[("people", person_id)]
            for role in person.roles:
                if role.article != record.article.id:
                    continue
                for org in orgs:
                    if _names_org(role.title, org):
                        link(person, org, "belongs to", {record.article.id})
    for forum in (e for e in corpus.entities if e.type is EntityType.FORUM):
        curated = registry.get(forum.key)
        for member in (curated.get("members", []) if curated else []) or []:
            country = entities.get(("countries", member))
            if country is not None:
                link(country, forum, "member of", set())
    ordered = sorted(edges.values(), key=lambda e: (e.kind, e.source, e.target))
    return Graph(dict(sorted(nodes.items())), ordered)


def _names_org(role: str, org: Entity) -> bool:
    lowered = role.casefold()
    return any(len(n) > 3 and n.casefold() in lowered for n in [org.name, *org.aliases])
