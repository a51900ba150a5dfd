"""The generated pages' tables, lists, quotes and links as final HTML blocks.

Python-Markdown spent most of a generated page's `mkdocs build` time in its inline patterns:
every link and every escaped character of our pages was an inline match (`_findBracketEnds`
alone 15 %). So the templates write everything but headings and plain sentences as HTML,
the very HTML Python-Markdown wrote for the same Markdown (its ``tables`` and ``admonition``
output), so the theme styles it as before. Each block is wrapped in ``OPEN`` and ``CLOSE``:
the ``generator.markdown_blocks`` extension (which the MkDocs plugin adds) hands a wrapped
block to Python-Markdown's store of raw HTML as it is, without even its HTML parser; anything
else that reads the Markdown sees an ordinary raw HTML block between two comments.

Links point at source files (``../people/x.md``), as Markdown links do; the plugin turns them
into the site's addresses (``generator.mkdocs_links``), as MkDocs does for Markdown links.
Every value is HTML-escaped here: an article's text stays text.
"""

from __future__ import annotations

import html

OPEN = "<!-- dossier:html -->"
CLOSE = "<!-- /dossier:html -->"


def text(value: object) -> str:
    """Text inside HTML, inert, its whitespace collapsed (what ``escape.md`` gave after
    Python-Markdown)."""
    if value is None:
        return ""
    return html.escape(" ".join(str(value).split()), quote=False)


def spaced(value: str) -> str:
    """Escaped text that keeps one space at either end, so links sit between words."""
    if not value.strip():
        return " " if value else ""
    lead = " " if value[0].isspace() else ""
    trail = " " if value[-1].isspace() else ""
    return lead + text(value) + trail


def link(href: str, label: str) -> str:
    """``<a>`` to ``href`` (a path from the page's source file) around ``label`` (HTML)."""
    return f'<a href="{html.escape(href)}">{label}</a>'


def code(value: object) -> str:
    return f"<code>{text(value)}</code>"


def wrap(block: str) -> str:
    """A raw HTML block as the Markdown of a page carries it (see the module's comment), a line
    of its own."""
    return f"{OPEN}\n{block.strip()}\n{CLOSE}\n"
