"""What the reader's search indexes on a page, written into the page as Pagefind attributes.

The site's search is Pagefind (``generator.search``), which reads the built HTML. These helpers
give the templates the few HTML snippets that steer it; they mean nothing to a theme or to a
site built without Pagefind:

- ``entity_summary``: an entity page's searchable part, a short reader summary (name, type, main
  role, country, description, every other name) hidden from view. It is the page's only indexed
  text (``data-pagefind-body``), so the fact table, the provenance lines and the article sentences
  quoted below never come up in a result; the name and the aliases carry the highest weight and
  are metadata too, so a search for a name or an alias puts the entity page first.
- ``kind_filter``: the type a result is filtered by (``person``, ``article``, ``event``, ...).
- ``unindexed``: text a reader's search must not show: provenance and editor notes.

Every value is HTML-escaped: an alias from an article stays text, in an attribute too.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.data import Entity
    from generator.render.pages import Site

#: Pagefind's highest content weight (1 is body text, an h1 is 7): names and aliases.
NAME_WEIGHT = 10
_WORD = re.compile(r"[\w'’.&+-]+")


#: Markdown's punctuation as character references too: the summary is a raw HTML block, which
#: Markdown leaves alone, and stays inert even where it would not.
_MARKDOWN = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]()+!|~$"})


def _attr(text: str) -> str:
    return escape(" ".join(text.split()), quote=True).translate(_MARKDOWN)


def _text(text: str) -> str:
    return escape(" ".join(text.split()), quote=False).translate(_MARKDOWN)


def main_role(site: Site, entity: Entity) -> str | None:
    """The role a reader knows the entity by: a curated one first, else the title the most
    articles give, without the country the summary names beside it."""
    rows = site.role_rows(entity)
    if not rows:
        return None
    best = min(rows, key=lambda r: (not r["curated"], -len(r["articles"])))  # type: ignore[arg-type]
    title = str(best["title"])
    return site.corpus.titles.without_places(title) or title


def summary_line(site: Site, entity: Entity) -> str:
    """``person · Secretary of Defense · United States``: what a result shows under the name."""
    parts = [entity.type.value]
    role = main_role(site, entity)
    if role:
        parts.append(role)
    if entity.country and ("countries", entity.country) in site.entities:
        parts.append(site.entities[("countries", entity.country)].name)
    return " · ".join(dict.fromkeys(parts))


def entity_summary(site: Site, entity: Entity) -> str:
    """The hidden, indexed reader summary of an entity page (one raw HTML block)."""
    title = site.title_of(entity)
    others = [a for a in entity.aliases if a != entity.name and a != title]
    line = summary_line(site, entity)
    parts = [
        f'<div class="dossier-search-summary" hidden data-pagefind-body '
        f'data-pagefind-filter="type:{_attr(entity.type.value)}">',
        f'<p data-pagefind-weight="{NAME_WEIGHT}">{_text(title)}</p>',
        f'<p data-pagefind-meta="summary:{_attr(line)}">{_text(line)}.</p>',
    ]
    if others:
        # Each word of the other names once, weighted like the name: a forum whose twenty
        # aliases all say "ASEAN" must not outweigh ASEAN itself. The full list is metadata
        # (searched too), which the result shows when a query matched an alias.
        said = {w.casefold() for w in _WORD.findall(title)}
        words: dict[str, str] = {}
        for word in _WORD.findall(" ".join(others)):
            if word.casefold() not in said:
                words.setdefault(word.casefold(), word)
        parts.append(
            f'<p data-pagefind-weight="{NAME_WEIGHT}" '
            f'data-pagefind-meta="aliases:{_attr(", ".join(others))}">'
            f"Also known as: {_text(' '.join(words.values()))}</p>"
        )
    if entity.description:
        description = _attr(entity.description)
        parts.append(f'<p data-pagefind-meta="description:{description}">{description}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def kind_filter(kind: str) -> str:
    """An empty block carrying the page's type for the search's filter."""
    return f'<div hidden data-pagefind-filter="type:{_attr(kind)}"></div>'


def unindexed(text: str) -> str:
    """Inline Markdown kept on the page but out of the search index."""
    return f"<span data-pagefind-ignore>{text}</span>"
