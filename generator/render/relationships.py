"""The relationship parts of the graph page and of each entity page, for the templates: the
interactive drawing's container (the script fills it from the JSON of ``graph_data``), the
static SVG it replaces when scripts do not run, and the table of relationships, the keyboard
and screen-reader way to the same facts. Every row is a relationship some sentence states, with
that sentence one click away (a ``<details>``) and its article linked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from generator import paths
from generator.data import Edge, Entity, Graph
from generator.render import graph_data, svg

if TYPE_CHECKING:  # pages imports this module
    from generator.render.pages import Site

#: Rows of the graph page's table and of an entity page's: a page must not grow with the corpus.
GRAPH_PAGE_ROWS = 300
ENTITY_PAGE_ROWS = 50
#: Evidence sentences shown when a row is opened (the edge keeps ``EVIDENCE_KEPT``).
SENTENCES_SHOWN = 3
SUMMARY_CHARS = 60


@dataclass
class Relationships:
    """What the templates ask about the graph; links, dates and escaping come from the pages'."""

    site: Site
    md: Callable[[object], str]
    entity_rows: int = ENTITY_PAGE_ROWS

    @property
    def graph(self) -> Graph:
        return self.site.graph

    def whole(self) -> str:
        """The graph page's drawing: the interactive one, and the SVG of the most connected
        entities when scripts do not run."""
        sub = graph_data.most_connected(self.graph, 120)
        drawing = svg.render(sub, None, "../", "Relationships between the most connected entities")
        shown = min(len(self.graph.nodes), graph_data.WHOLE_NODES)
        label = f"Graph of the {shown} most connected of {len(self.graph.nodes)} entities"
        return _widget(graph_data.WHOLE_FILE, None, label, drawing)

    def of(self, entity: Entity) -> str:
        """An entity page's drawing of its neighbourhood, or "" when it has no relationship."""
        key = paths.entity_stem(entity)
        if not graph_data.has_neighbourhood(self.graph, key):
            return ""
        near = self.graph.neighbourhood(key)
        drawing = svg.render(near, key, "../../", f"Relationships of {entity.name}")
        label = f"Graph of the relationships of {entity.name} and of its neighbours"
        return _widget(graph_data.data_file(key), key, label, drawing)

    def strongest(self) -> list[Edge]:
        return sorted(_stated(self.graph.edges), key=graph_data.strength)[:GRAPH_PAGE_ROWS]

    def edges_of(self, entity: Entity) -> list[Edge]:
        touching = _stated(self.graph.edges_of(paths.entity_stem(entity)))
        return sorted(touching, key=graph_data.strength)

    @property
    def total(self) -> int:
        return len(_stated(self.graph.edges))

    def statement(self, edge: Edge, here: str) -> str:
        """The relationship as a short sentence, "[Lloyd Austin](…) met [Wei Fenghe](…)", with
        links from a page at ``here``: one column reads well on a phone, where three did not."""
        return f"{self._end(edge.source, here)} {edge.kind} {self._end(edge.target, here)}"

    def _end(self, key: str, here: str) -> str:
        folder, _, ident = key.partition("/")
        return self.site.link(folder, ident, here)

    def evidence(self, edge: Edge, here: str) -> str:
        """A table cell: the first sentence's start, opening onto the sentences that state the
        relationship, each with its article linked."""
        first = edge.evidence[0].value
        summary = first if len(first) <= SUMMARY_CHARS else first[: SUMMARY_CHARS - 1] + "…"
        md = self.md
        quoted = []
        for claim in edge.evidence[:SENTENCES_SHOWN]:
            dated = self.site.dated(claim.article)
            source = self.site.link(paths.ARTICLES_FOLDER, claim.article, here)
            quoted.append(f"“{md(claim.value)}” — {source}{f', {dated}' if dated else ''}")
        more = len(edge.articles) - len({c.article for c in edge.evidence[:SENTENCES_SHOWN]})
        tail = f"<br>and {more} more article{'s' if more != 1 else ''}" if more > 0 else ""
        opened = "<br>".join(quoted) + tail
        head = f'<details class="dossier-evidence"><summary>“{md(summary)}”</summary>'
        return f"{head}{opened}</details>"


def _stated(edges: list[Edge]) -> list[Edge]:
    return [e for e in edges if e.evidence and e.articles]


def _widget(data: str, centre: str | None, label: str, drawing: str) -> str:
    """The container the script fills (addresses from the site's root), then the static drawing
    for browsers without scripts; the script also puts it back when the data cannot load."""
    centre_attr = f' data-centre="{escape(centre)}"' if centre else ""
    return (
        f'<div class="dossier-graph-live" data-graph="{escape(data)}"{centre_attr} '
        f'data-label="{escape(label)}"></div>\n\n'
        f'<noscript class="dossier-graph-static">\n<p>{svg.legend()}</p>\n{drawing}\n</noscript>'
    )
