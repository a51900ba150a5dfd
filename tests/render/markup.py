"""A generated page as a reader's browser gets it: its Markdown through Python-Markdown with the
site's extensions (``mkdocs.yml``) and the generator's (``generator.markdown_blocks``, which the
plugin adds), and the cells of its tables."""

from __future__ import annotations

import re

import markdown

EXTENSIONS = ["tables", "admonition", "attr_list", "toc", "generator.markdown_blocks"]
_ROW = re.compile(r"<tr>\n(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>\n", re.S)


def html_of(page: str) -> str:
    """The page's HTML (its front matter left out)."""
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS)


def table_rows(html: str, first_header: str) -> list[list[str]]:
    """The body rows' cells of each table whose first header cell is ``first_header``."""
    out = []
    for table in re.findall(r"<table>\n(.*?)</table>", html, re.S):
        rows = [_CELL.findall(row) for row in _ROW.findall(table)]
        if rows and rows[0] and rows[0][0] == first_header:
            out += rows[1:]
    return out
