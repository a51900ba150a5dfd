"""Which part of a built page the reader's search indexes, as Pagefind attributes in its HTML.

Pagefind indexes only what sits inside ``data-pagefind-body`` once any page has one, so a page
left unmarked is out of the search: that is how developer notes and listings stay out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

BODY = "data-pagefind-body"
IGNORE = "data-pagefind-ignore"
#: An element carrying the body mark (text that merely reads "data-pagefind-body" is escaped,
#: so it never opens a tag).
_MARKED = re.compile(r"<[a-zA-Z][^<>]*\s" + BODY + r"[\s=>]")
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>")
#: Material's mark for a section its own search leaves out; Dossier's templates use it on the
#: sections that repeat other pages' text (mentions, quotes, related entities, dropped lines).
_SECTION_EXCLUDED = re.compile(r"\sdata-search-exclude\b")


def excluded(meta: Mapping[str, object]) -> bool:
    """Whether a page's front matter keeps it out of the search: ``search: {exclude: true}``,
    the key Material's own search reads."""
    search = meta.get("search")
    return isinstance(search, Mapping) and bool(search.get("exclude"))


def mark_for_index(html: str) -> str:
    """A page's content HTML with its searchable part marked. A page that marks its own part
    (an entity page's summary) is left as it is; any other is indexed whole, except each
    section under a heading marked ``data-search-exclude``, up to the next heading of its level
    or higher. Headings are read at the top level of the content, where Markdown puts them."""
    if _MARKED.search(html):
        return html
    headings = [
        (m.start(), int(m.group(1)), bool(_SECTION_EXCLUDED.search(m.group(2))))
        for m in _HEADING.finditer(html)
    ]
    out: list[str] = []
    done = 0
    i = 0
    while i < len(headings):
        start, level, skip = headings[i]
        if not skip:
            i += 1
            continue
        after = next((j for j in range(i + 1, len(headings)) if headings[j][1] <= level), None)
        end = headings[after][0] if after is not None else len(html)
        out += [html[done:start], f"<div {IGNORE}>", html[start:end], "</div>"]
        done = end
        i = after if after is not None else len(headings)
    out.append(html[done:])
    return f"<div {BODY}>{''.join(out)}</div>"
