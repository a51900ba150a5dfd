"""The links of the generated pages' HTML blocks, turned into the site's addresses.

MkDocs rewrites a Markdown link to a source file (``[x](../people/y.md)``) into the address of
the page built from it (``../y/``, or ``../y.html`` without directory URLs) and warns when the
file does not exist; it does neither for the links of raw HTML, which is how the generated pages
write most of theirs (``generator.render.blocks``). This does the same for those, once the page
is rendered: each ``<a href>`` whose path, read from the page's source file, names a file of the
site becomes that file's address relative to the page's. Any other address (a page's final
address, a fragment, another site) is left as it is.
"""

from __future__ import annotations

import html
import posixpath
import re

from mkdocs.structure.files import File, Files

_HREF = re.compile(r'<a href="([^"#?:]*)(#[^"]*)?"')
#: Paths the generator links to: a page, or a record; one of these that names no file is a
#: broken link.
_CHECKED = (".md", ".yml", ".json", ".zip")


def site_links(
    content: str, page: File, files: Files, resolved: dict[tuple[str, str], File | None]
) -> tuple[str, list[str]]:
    """``content`` (a page's HTML) with its links to source files turned into addresses from
    the page, and the targets of those that name no file of the site. ``resolved``: the files
    a link from a folder names, kept by the caller for one build's pages."""
    base = posixpath.dirname(page.src_uri)
    missing: list[str] = []
    done: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        href = match.group(1)
        found = done.get(href)
        if found is None:
            key = (base, href)
            if key in resolved:
                file = resolved[key]
            else:
                target = posixpath.normpath(posixpath.join(base, html.unescape(href)))
                file = resolved[key] = files.src_uris.get(target) if href else None
            if file is None:
                target = posixpath.normpath(posixpath.join(base, html.unescape(href)))
                if target.endswith(_CHECKED) and not target.startswith("../"):
                    missing.append(target)
                found = href
            else:
                found = html.escape(file.url_relative_to(page))
            done[href] = found
        return f'<a href="{found}{match.group(2) or ""}"'

    return _HREF.sub(swap, content), missing
