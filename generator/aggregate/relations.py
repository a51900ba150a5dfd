"""The typed relationship graph behind the graph page and each entity's neighbourhood.

Edges, each with the articles that support it and the sentences that state it (no edge
without one: a relationship the text does not state is not drawn):
- ``met``: two people who took part in one meeting, visit or call of at most
  ``MET_MAX_PARTICIPANTS`` people (a summit's hundred attendees did not each meet every other:
  they are tied to its forum by ``attended``, and pairing them made the graph grow with the
  square of a summit's attendance, 7 million article references at 2,500 articles); the
  evidence is the event's sentences;
- ``spoke on``: a person whose own quotation stands in a sentence that names the issue; the
  evidence is that sentence (being quoted in an article that discusses ten issues is not
  speaking on each of them);
- ``belongs to``: a person whose role, in the sentence that gives it, names an organization
  the article mentions; the evidence is that sentence;
- ``attended``: a person at a forum's session; the evidence is those of the event's sentences
  that name the forum.

A forum's curated members are listed on its page, from the registry; they are no edges here, as
no sentence states them.
"""

from __future__ import annotations

import re
from itertools import combinations

from generator.data import EVIDENCE_KEPT, Claim, Corpus, Edge, Entity, Graph, Node
from generator.paths import FOLDERS, entity_stem

#: The most people an event may have for each pair of them to count as having met.
MET_MAX_PARTICIPANTS = 8


def build_graph(corpus: Corpus) -> Graph:
    entities = {(FOLDERS[e.type], e.id): e for e in corpus.entities}
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}

    def node(entity: Entity) -> str:
        key = entity_stem(entity)
        nodes.setdefault(key, Node(key, entity.name, entity.type.value))
        return key

    def link(a: Entity, b: Entity, kind: str, evidence: list[Claim]) -> None:
        if not evidence:
            return  # nothing states it
        ka, kb = sorted((node(a), node(b))) if kind == "met" else (node(a), node(b))
        edge = edges.setdefault((ka, kb, kind), Edge(ka, kb, kind))
        edge.articles |= {c.article for c in evidence}
        for claim in evidence:
            if len(edge.evidence) >= EVIDENCE_KEPT:
                break
            if claim not in edge.evidence:
                edge.evidence.append(claim)

    said_in = _sentences_naming(corpus)
    for event in corpus.events:
        people = [entities[("people", p)] for p in event.participants if ("people", p) in entities]
        stated = [Claim(value=s.value, article=s.article) for s in event.sentences]
        for a, b in combinations(people if len(people) <= MET_MAX_PARTICIPANTS else (), 2):
            link(a, b, "met", stated)
        forum = entities.get(("forums", event.forum)) if event.forum else None
        if forum is not None:
            # a sentence of the event states attendance only where it names the forum (by a
            # name or a cue): "X held talks with Y" alone says nothing of the summit
            naming = [c for c in stated if c.value in said_in.get((forum.id, c.article), ())]
            for person in people:
                link(person, forum, "attended", naming)
    for record in corpus.articles:
        here = record.article.id
        issue_spans = [(s, e, i) for s, e, folder, i in record.mention_spans if folder == "issues"]
        for quote in record.quotes:
            speaker = entities.get(("people", quote.speaker))
            if speaker is None:
                continue
            named = _issues_in(record.article.body, quote.sentence, issue_spans)
            named += [
                i
                for i in record.entities["issues"]
                if i not in named and quote.sentence in said_in.get((i, here), ())
            ]
            for issue_id in named:
                issue = entities.get(("issues", issue_id))
                if issue is not None:
                    link(speaker, issue, "spoke on", [Claim(quote.sentence, here)])
        orgs = [entities[("organizations", o)] for o in record.entities["organizations"]]
        for person_id in record.entities["people"]:
            person = entities[("people", person_id)]
            for role in person.roles:
                if role.article != here or not role.sentence:
                    continue
                for org in orgs:
                    if _names_org(role.title, org, entities.get(("countries", org.country or ""))):
                        link(person, org, "belongs to", [Claim(role.sentence, here)])
    ordered = sorted(edges.values(), key=lambda e: (e.kind, e.source, e.target))
    return Graph(dict(sorted(nodes.items())), ordered)


def _sentences_naming(corpus: Corpus) -> dict[tuple[str, str], set[str]]:
    """(issue or forum id, article id) -> the sentences of the article that name it, by a name
    or by a cue phrase (cues have no span on the article's page, so ``_issues_in`` misses them)."""
    out: dict[tuple[str, str], set[str]] = {}
    for entity in corpus.entities:
        if FOLDERS[entity.type] in ("issues", "forums"):
            for mention in entity.mentions:
                out[(entity.id, mention.article)] = set(mention.sentences)
    return out


def _issues_in(body: str, sentence: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The issues named inside ``sentence`` (found in the article body), in order."""
    found: list[str] = []
    start = body.find(sentence)
    while start >= 0:
        end = start + len(sentence)
        found += [i for s, e, i in spans if start <= s and e <= end and i not in found]
        start = body.find(sentence, end)
    return found


def _names_org(role: str, org: Entity, country: Entity | None) -> bool:
    """Whether the title names the organization. A government body the build found and tied to
    a country ("Foreign Ministry" after "Qatar" in one sentence) has generic aliases; a title
    names that body only when it also names the country: "the group's foreign ministry
    spokesperson" is not Qatar's."""
    lowered = role.casefold()
    named = [n for n in [org.name, *org.aliases] if len(n) > 3 and n.casefold() in lowered]
    if not named or org.curated or country is None:
        return bool(named)
    places = [country.name, *country.aliases]
    return any(_has_word(lowered, p.casefold()) for p in places if len(p) > 2)


def _has_word(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None
