"""Text into Markdown, inert: whatever an article says is shown as text, never read as markup,
a link or a block (list, heading, quote)."""

from __future__ import annotations

import html
import re

from generator import yamlio

_MD_SPECIAL = re.compile(r"([\\`*_\[\](){}|#<>!~$])")


def md(text: object) -> str:
    """Inline text, inert: HTML-escaped and Markdown punctuation backslash-escaped."""
    if text is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def para(text: str) -> str:
    """A paragraph of article text: inline-escaped, and never read as a list, heading or quote."""
    return block_safe(md(text))


def spaced(text: str) -> str:
    """Escaped text that keeps one space at either end, so links sit between words."""
    if not text:
        return ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and text.strip() else ""
    return lead + md(text) + trail if text.strip() else " "


def block_safe(paragraph: str) -> str:
    """Never let a paragraph start read as a list item, heading, quote or rule."""
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-+=>*])", r"\\\1", paragraph))


#: Front-matter keys the theme prints as HTML: the header prints ``title``, the tags partial
#: prints ``chips`` and the search results print ``tags``, all unescaped.
_PRINTED_AS_HTML = ("title", "tags", "chips")


def front(data: dict[str, object]) -> str:
    """A page's YAML front matter, with what the theme prints as HTML escaped: a title, an
    alias or a role from an article stays text."""
    data = {k: _escaped(v) if k in _PRINTED_AS_HTML else v for k, v in data.items()}
    return yamlio.dump(data).strip()


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value
