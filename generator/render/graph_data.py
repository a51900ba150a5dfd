"""The relationship graph as JSON files for the interactive drawings (``assets/graph/graph.js``).

One file for the graph page (the most connected entities, at most ``WHOLE_NODES``) and one per
entity in the graph (its neighbourhood: one hop, then two), so no page and no file an entity page
loads grows with the corpus. Each edge carries the sentences that state it and the articles they
come from, for the drawing to show on hover or tap. Addresses are relative to the site's root
(``people/lloyd-austin/``); the script resolves them against its own address, so the files work
wherever the site is served. The text is plain data: the script only ever sets it as text.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.data import CleanArticle, Corpus, Edge, Graph
from generator.paths import ARTICLES_FOLDER

#: Where the script, its style sheet, the vendored library and the data live on the site.
ASSETS = "assets/graph"
SCRIPT = f"{ASSETS}/graph.js"
STYLE = f"{ASSETS}/graph.css"
DATA = f"{ASSETS}/data"
WHOLE_FILE = f"{DATA}/all.json"
_PACKAGE_ASSETS = Path(__file__).resolve().parents[1] / "assets"
#: The most entities drawn on the graph page: a few hundred stay readable and lay out in about a
#: second on a phone; the rest are reached from each other's neighbourhoods.
WHOLE_NODES = 300
#: A neighbourhood: the strongest ``FIRST_HOP`` neighbours, then theirs up to ``NEIGHBOURHOOD``.
FIRST_HOP = 20
NEIGHBOURHOOD = 36
#: Edges a second-hop node is looked for among, per first-hop neighbour (a hub has thousands).
SECOND_HOP_SCAN = 30


def data_file(key: str) -> str:
    """``assets/graph/data/people/lloyd-austin.json``: the neighbourhood file of node ``key``."""
    return f"{DATA}/{key}.json"


def strength(edge: Edge) -> tuple[int, str, str, str]:
    """Sort key, strongest first: more articles, then a stable order."""
    return (-len(edge.articles), edge.kind, edge.source, edge.target)


def degrees(graph: Graph) -> Counter[str]:
    """Node key → the number of articles behind its relationships (at least one per edge)."""
    out: Counter[str] = Counter()
    for edge in graph.edges:
        out[edge.source] += len(edge.articles) or 1
        out[edge.target] += len(edge.articles) or 1
    return out


def most_connected(graph: Graph, limit: int) -> Graph:
    """The ``limit`` nodes with the strongest relationships and the edges among them."""
    degree = degrees(graph)
    keep = sorted(k for k, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])
    return Graph({k: graph.nodes[k] for k in keep}, graph.edges_among(keep))


def neighbourhood(
    graph: Graph, key: str, first: int = FIRST_HOP, limit: int = NEIGHBOURHOOD
) -> tuple[Graph, dict[str, int]]:
    """The node, its strongest ``first`` neighbours, then the nodes most strongly tied to those
    up to ``limit`` nodes, with the edges among them; and each node's hops from ``key``."""
    hops = {key: 0}
    for edge in sorted(graph.edges_of(key), key=strength):
        if len(hops) > first:
            break
        hops.setdefault(edge.target if edge.source == key else edge.source, 1)
    ties: Counter[str] = Counter()
    for near in [k for k, hop in hops.items() if hop == 1]:
        for edge in sorted(graph.edges_of(near), key=strength)[:SECOND_HOP_SCAN]:
            other = edge.target if edge.source == near else edge.source
            if other not in hops:
                ties[other] += len(edge.articles) or 1
    for other, _ in sorted(ties.items(), key=lambda kv: (-kv[1], kv[0]))[: limit - len(hops)]:
        hops[other] = 2
    kept = sorted(hops)
    return Graph({k: graph.nodes[k] for k in kept}, graph.edges_among(kept)), hops


def graph_json(
    sub: Graph,
    corpus: Corpus,
    degree: Counter[str],
    centre: str | None = None,
    hops: dict[str, int] | None = None,
    titles: Mapping[str, CleanArticle] | None = None,
) -> dict[str, object]:
    """The drawing's data: nodes (name, type, page, weight), edges with their evidence, and the
    articles the evidence comes from (title, date, page), each listed once. ``titles``: the
    articles by id, when the caller has them (made once, not once per file)."""
    if titles is None:
        titles = article_titles(corpus)
    nodes = [
        {
            "id": key,
            "name": node.name,
            "type": node.type,
            "url": f"{key}/",
            "degree": degree.get(key, 0),
            **({"hop": hops.get(key, 2)} if hops is not None else {}),
        }
        for key, node in sub.nodes.items()
    ]
    used: dict[str, dict[str, str | None]] = {}
    edges = []
    for edge in sorted(sub.edges, key=strength):
        evidence = [{"sentence": c.value, "article": c.article} for c in edge.evidence]
        if not evidence:
            continue  # nothing states it: not drawn
        for claim in edge.evidence:
            article = titles.get(claim.article)
            used.setdefault(
                claim.article,
                {
                    "title": article.title if article else claim.article,
                    "date": article.published if article else None,
                    "url": f"{ARTICLES_FOLDER}/{claim.article}/",
                },
            )
        edges.append(
            {
                "id": f"e{len(edges)}",
                "source": edge.source,
                "target": edge.target,
                "kind": edge.kind,
                "articles": len(edge.articles),
                "evidence": evidence,
            }
        )
    return {
        "centre": centre,
        "nodes": nodes,
        "edges": edges,
        "articles": dict(sorted(used.items())),
        "total_nodes": len(corpus.relations.nodes),
        "total_edges": len(corpus.relations.edges),
    }


def dumps(data: dict[str, object]) -> str:
    """Compact, byte-stable JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def article_titles(corpus: Corpus) -> dict[str, CleanArticle]:
    return {a.article.id: a.article for a in corpus.articles}


@dataclass
class KeptGraphs:
    """What a build of the graph's files keeps for the next (``graph_files``): the files with a
    digest of the whole graph they came from, and each neighbourhood's text by a digest of its
    inputs."""

    whole: bytes = b""
    files: dict[str, str] = field(default_factory=dict)
    parts: dict[bytes, str] = field(default_factory=dict)


def graph_files(
    corpus: Corpus, last: KeptGraphs | None = None, now: KeptGraphs | None = None
) -> dict[str, str]:
    """Site path → JSON text: the graph page's file and one per entity with a neighbour. With
    ``now``, what a next build may take is put in it: the files under a digest of the whole
    graph with its cited articles' titles and dates (an edit that changes no relationship
    takes every file from ``last`` without working out a neighbourhood), and each
    neighbourhood's text under a digest of everything it is made from."""
    graph = corpus.relations
    titles = article_titles(corpus)
    whole_inputs = _whole_inputs(graph, titles) if now is not None else b""
    if now is not None and last is not None and last.whole == whole_inputs:
        now.whole, now.files, now.parts = last.whole, last.files, last.parts
        return dict(last.files)
    degree = degrees(graph)
    whole = most_connected(graph, WHOLE_NODES)
    files = {WHOLE_FILE: dumps(graph_json(whole, corpus, degree, titles=titles))}
    edges: dict[int, bytes] = {}  # an edge's digest, by identity: it is in many neighbourhoods
    for key in graph.nodes:
        if has_neighbourhood(graph, key):  # the same test as the page's (relationships.py)
            sub, hops = neighbourhood(graph, key)
            digest = (
                _inputs(sub, corpus, degree, key, hops, titles, edges) if now is not None else None
            )
            text = (last.parts if last else {}).get(digest) if digest else None
            if text is None:
                text = dumps(graph_json(sub, corpus, degree, key, hops, titles))
            if now is not None and digest:
                now.parts[digest] = text
            files[data_file(key)] = text
    files = dict(sorted(files.items()))
    if now is not None:
        now.whole, now.files = whole_inputs, files
    return dict(files)


def _whole_inputs(graph: Graph, titles: Mapping[str, CleanArticle]) -> bytes:
    """A digest of everything the files are made from: the graph, and the title and date of
    each article its evidence cites (the totals and every degree, neighbourhood and hop follow
    from the graph)."""
    cited = sorted({c.article for edge in graph.edges for c in edge.evidence})
    articles = [(a, titles[a].title, titles[a].published) if a in titles else a for a in cited]
    # every field of each edge, its set of articles in order (a set pickles in its own order)
    edges = [vars(edge) | {"articles": sorted(edge.articles)} for edge in graph.edges]
    return _digest((list(graph.nodes.items()), edges, articles))


def _inputs(
    sub: Graph,
    corpus: Corpus,
    degree: Counter[str],
    centre: str,
    hops: dict[str, int],
    titles: Mapping[str, CleanArticle],
    edges: dict[int, bytes],
) -> bytes:
    """A digest of everything ``graph_json`` reads for a neighbourhood (equal pickles are equal
    values; an article no longer there stands as its id). ``edges``: the digests of the edges
    digested so far in this build, by identity (the graph holds them for the whole build)."""
    for edge in sub.edges:
        if id(edge) not in edges:
            edges[id(edge)] = _digest(edge)
    cited = sorted({c.article for edge in sub.edges for c in edge.evidence})
    articles = [(a, titles[a].title, titles[a].published) if a in titles else a for a in cited]
    totals = (len(corpus.relations.nodes), len(corpus.relations.edges))
    nodes = [(k, n, degree.get(k, 0)) for k, n in sub.nodes.items()]
    return _digest((centre, nodes, [edges[id(e)] for e in sub.edges], hops, articles, totals))


def _digest(value: object) -> bytes:
    pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return hashlib.blake2b(pickled, digest_size=16).digest()


def has_neighbourhood(graph: Graph, key: str) -> bool:
    """Whether ``key``'s page gets a drawing: a sentence states a relationship of it with
    something else."""
    return any(
        edge.source != edge.target and edge.evidence and edge.articles
        for edge in graph.edges_of(key)
    )


def static_files() -> dict[str, Path]:
    """Site path → the package file it is copied from: the script, its style sheet and the
    vendored Cytoscape.js with its licence (``generator/assets/vendor/cytoscape/README.md``)."""
    vendor = _PACKAGE_ASSETS / "vendor" / "cytoscape"
    return {
        SCRIPT: _PACKAGE_ASSETS / "graph" / "graph.js",
        STYLE: _PACKAGE_ASSETS / "graph" / "graph.css",
        f"{ASSETS}/vendor/cytoscape.min.js": vendor / "cytoscape.min.js",
        f"{ASSETS}/vendor/LICENSE-cytoscape.txt": vendor / "LICENSE",
    }
