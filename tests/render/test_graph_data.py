"""The interactive graphs' data (``generator.render.graph_data``) and the relationship tables
(``generator.render.relationships``): every drawn edge and every table row is stated by a
sentence; the files an entity page loads, and the page itself, do not grow with the corpus."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from generator.config import BuildConfig
from generator.data import Claim, Corpus, Edge, Graph, Node
from generator.render import graph_data
from generator.render.graph_data import (
    NEIGHBOURHOOD,
    WHOLE_FILE,
    WHOLE_NODES,
    data_file,
    graph_files,
    neighbourhood,
)
from generator.render.pages import render_pages
from generator.render.relationships import ENTITY_PAGE_ROWS, GRAPH_PAGE_ROWS
from tests.conftest import SEEDS
from tests.render.markup import html_of, table_rows

HUB = "people/lloyd-austin"  # a person of the seeds, so the hub has a page to render


def corpus_with(graph: Graph) -> Corpus:
    return Corpus([], [], [], [], [], titles=None, relations=graph)  # type: ignore[arg-type]


def person(key: str) -> Node:
    return Node(key, key.split("/")[1].replace("-", " ").title(), "person")


def met(a: str, b: str, *articles: str, sentence: str = "They met.") -> Edge:
    return Edge(a, b, "met", set(articles), [Claim(sentence, art) for art in articles])


def star(spokes: int) -> Graph:
    """A hub who met ``spokes`` people, each of whom met two more (a two-hop fan)."""
    nodes = {HUB: person(HUB)}
    edges = []
    for i in range(spokes):
        near = f"people/near-{i:05d}"
        nodes[near] = person(near)
        edges.append(met(HUB, near, *[f"a{j}" for j in range(1 + i % 3)]))
        for k in range(2):
            far = f"people/far-{i:05d}-{k}"
            nodes[far] = person(far)
            edges.append(met(near, far, f"b{i}"))
    return Graph(dict(sorted(nodes.items())), edges)


# --- the JSON of the seeds' site --------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_files(seeds_build) -> dict[str, dict]:
    files = graph_files(seeds_build.corpus)
    assert files == seeds_build.site_files  # what the build hands the plugin
    return {path: json.loads(text) for path, text in files.items()}


def test_every_drawn_edge_is_stated_by_a_sentence_of_a_listed_article(seeds_files, seeds_build):
    pages = set(seeds_build.pages)
    for path, data in seeds_files.items():
        assert data["edges"], f"{path}: no edge drawn"
        keys = {n["id"] for n in data["nodes"]}
        for node in data["nodes"]:
            assert f"{node['url'].rstrip('/')}.md" in pages, f"{path}: {node['url']} has no page"
        for edge in data["edges"]:
            assert {edge["source"], edge["target"]} <= keys, f"{path}: {edge} ends off the graph"
            assert edge["evidence"] and edge["articles"] >= 1
            for claim in edge["evidence"]:
                article = data["articles"][claim["article"]]
                assert f"{article['url'].rstrip('/')}.md" in pages
                record = seeds_build.corpus.articles[
                    [a.article.id for a in seeds_build.corpus.articles].index(claim["article"])
                ]
                assert claim["sentence"] in record.article.body  # the article's own words


def test_the_seeds_files_are_the_whole_graph_and_one_per_connected_entity(seeds_files, seeds_build):
    graph = seeds_build.corpus.relations
    whole = seeds_files[WHOLE_FILE]
    assert whole["centre"] is None and len(whole["nodes"]) == len(graph.nodes) <= WHOLE_NODES
    assert len(whole["edges"]) == len(graph.edges) == whole["total_edges"]
    connected = {k for e in graph.edges for k in (e.source, e.target)}
    assert set(seeds_files) == {WHOLE_FILE} | {data_file(k) for k in connected}
    austin = seeds_files[data_file(HUB)]
    assert austin["centre"] == HUB
    hops = {n["id"]: n["hop"] for n in austin["nodes"]}
    assert hops[HUB] == 0 and 1 in hops.values()


def test_the_files_are_byte_stable(seeds_build):
    assert graph_files(seeds_build.corpus) == graph_files(seeds_build.corpus)


def test_entity_pages_point_at_their_own_file_and_embed_no_graph(seeds_build):
    page = seeds_build.pages["people/lloyd-austin.md"]
    assert f'data-graph="{data_file(HUB)}"' in page
    assert WHOLE_FILE not in page and '"edges"' not in page
    assert "<noscript" in page and 'class="dossier-graph"' in page  # the static fallback
    graph_page = seeds_build.pages["graph.md"]
    assert f'data-graph="{WHOLE_FILE}"' in graph_page


def test_relationship_rows_have_their_sentence_one_click_away(seeds_build):
    for path in ("graph.md", "people/lloyd-austin.md"):
        rows = table_rows(html_of(seeds_build.pages[path]), "Relationship")
        assert rows, f"{path}: no relationship rows"
        for statement, count, evidence in rows:
            assert int(count) >= 1, f"{path}: a row with no article: {statement}"
            assert re.search(r'<a href="(\.\./)?(people|countries|forums|issues)/', statement)
            assert evidence.startswith('<details class="dossier-evidence"><summary>')
            assert re.search(r'<a href="(\.\./)?articles/[^"]+\.md">', evidence), evidence


# --- neighbourhoods and sizes -------------------------------------------------------------------


def test_a_neighbourhood_is_one_hop_then_two(seeds_build):
    graph = star(5)
    sub, hops = neighbourhood(graph, HUB)
    assert hops[HUB] == 0
    assert {k for k, h in hops.items() if h == 1} == {f"people/near-{i:05d}" for i in range(5)}
    far = {k for k, h in hops.items() if h == 2}
    assert far and all(k.startswith("people/far-") for k in far)
    assert len(sub.nodes) == min(len(graph.nodes), NEIGHBOURHOOD)
    for edge in sub.edges:
        assert edge.source in sub.nodes and edge.target in sub.nodes


def test_a_hub_keeps_its_strongest_neighbours_and_a_bounded_file():
    graph = star(2000)
    sub, _ = neighbourhood(graph, HUB)
    assert len(sub.nodes) <= NEIGHBOURHOOD
    # the strongest ties first: each spoke's edge has 1-3 articles, the kept ones have 3
    kept = [e for e in sub.edges if HUB in (e.source, e.target)]
    assert kept and all(len(e.articles) == 3 for e in kept)
    files = graph_files(corpus_with(graph))
    whole = json.loads(files[WHOLE_FILE])
    assert len(whole["nodes"]) == WHOLE_NODES and whole["total_nodes"] == len(graph.nodes)
    small = graph_files(corpus_with(star(300)))
    # the hub's file is the same size for 300 spokes as for 2,000, give or take the totals
    assert abs(len(files[data_file(HUB)]) - len(small[data_file(HUB)])) < 20


def test_an_edge_no_sentence_states_is_neither_drawn_nor_listed(seeds_build):
    graph = Graph(
        {HUB: person(HUB), "people/wei-fenghe": person("people/wei-fenghe")},
        [Edge(HUB, "people/wei-fenghe", "met", set(), [])],
    )
    data = graph_data.graph_json(graph, corpus_with(graph), graph_data.degrees(graph))
    assert data["edges"] == []
    corpus = replace(seeds_build.corpus, relations=graph)
    pages = render_pages(corpus, seeds_build.registry, BuildConfig(seeds=SEEDS)).pages
    assert table_rows(html_of(pages["graph.md"]), "Relationship") == []
    assert "## Relationships" not in pages["people/lloyd-austin.md"]


def test_pages_do_not_grow_with_a_hubs_relationships(seeds_build):
    sizes = []
    for spokes in (1000, 4000):  # both with more than 300 edges of 3 articles to list
        corpus = replace(seeds_build.corpus, relations=star(spokes))
        pages = render_pages(corpus, seeds_build.registry, BuildConfig(seeds=SEEDS)).pages
        hub = pages["people/lloyd-austin.md"]
        rows = [line for line in hub.splitlines() if "dossier-evidence" in line]
        assert len(rows) == ENTITY_PAGE_ROWS
        assert f"The {ENTITY_PAGE_ROWS} relationships with the most articles, of" in hub
        graph_rows = [line for line in pages["graph.md"].splitlines() if "dossier-evidence" in line]
        assert len(graph_rows) == GRAPH_PAGE_ROWS
        sizes.append((len(hub), len(pages["graph.md"])))
    (hub_small, graph_small), (hub_big, graph_big) = sizes
    assert abs(hub_big - hub_small) < 200 and abs(graph_big - graph_small) < 2000


def test_table_cells_keep_article_text_inert(seeds_build):
    hostile = "He said <script>alert(1)</script> | [x](javascript:alert(1)) *ok*."
    graph = Graph(
        {HUB: person(HUB), "people/wei-fenghe": person("people/wei-fenghe")},
        [met(HUB, "people/wei-fenghe", "000-2011f7586461d12d", sentence=hostile)],
    )
    corpus = replace(seeds_build.corpus, relations=graph)
    page = render_pages(corpus, seeds_build.registry, BuildConfig(seeds=SEEDS)).pages["graph.md"]
    html = html_of(page)
    (row,) = [cells for cells in table_rows(html, "Relationship") if "alert" in cells[2]]
    assert len(row) == 3  # no cell break
    assert "<script>" not in html and "&lt;script&gt;" in row[2]
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and not [h for h in hrefs if h.startswith("javascript:")]  # no link
    assert "[x](javascript:alert(1)) *ok*." in row[2] and "<em>" not in row[2]


def test_the_static_assets_are_in_the_package():
    for path, source in graph_data.static_files().items():
        assert path.startswith(graph_data.ASSETS + "/")
        assert source.is_file() and source.stat().st_size > 0, source
    library = graph_data.static_files()[f"{graph_data.ASSETS}/vendor/cytoscape.min.js"]
    assert "cytoscape" in library.read_text(encoding="utf-8")[:2000].lower()
