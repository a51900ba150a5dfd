"""A Python-Markdown extension: the generated pages' HTML blocks, kept as they are.

The generated pages write their tables, lists and quotes as HTML (``generator.render.blocks``),
each between ``OPEN`` and ``CLOSE``. Python-Markdown would pass such a raw block through anyway,
but only after reading every tag of it with its HTML parser (6 ms of a page's 15 ms in
Markdown, measured on a generated site): this stores each wrapped block in Markdown's store of
raw HTML as it is, so the page's Markdown is left with its headings and a few sentences. The
output is the same HTML either way; a page without the markers is untouched.

The MkDocs plugin adds it to ``markdown_extensions`` (``generator.mkdocs_plugin``).
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from generator.render.blocks import CLOSE, OPEN

_BLOCK = re.compile(rf"^{re.escape(OPEN)}\n(.*?)\n{re.escape(CLOSE)}$", re.S | re.M)
#: After Markdown's whitespace normalizer (30), which would strip the stash's placeholders, and
#: before its raw HTML parser (20).
PRIORITY = 25


class _KeepBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if OPEN not in source:
            return lines
        stash = self.md.htmlStash

        def keep(match: re.Match[str]) -> str:
            # its own paragraph, so Markdown puts the block back in place of that paragraph
            return f"\n{stash.store(match.group(1))}\n"

        return _BLOCK.sub(keep, source).split("\n")


class KeepBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_KeepBlocks(md), "dossier_blocks", PRIORITY)


def makeExtension(**kwargs: object) -> KeepBlocks:
    return KeepBlocks(**kwargs)
