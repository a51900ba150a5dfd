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
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import HTML_PLACEHOLDER, AtomicString

from generator.render.blocks import CLOSE, OPEN

#: A wrapped block: its lines (each with its line end) between a line ``OPEN`` and a line
#: ``CLOSE``. Matched line by line: a lazy ``(.*?)\n`` over the block tried the close marker
#: after every character (0.2 ms a page; 0.05 this way).
_BLOCK = re.compile(rf"^{re.escape(OPEN)}\n((?:.*\n)+?){re.escape(CLOSE)}$", re.M)
#: After Markdown's whitespace normalizer (30), which would strip the stash's placeholders, and
#: before its raw HTML parser (20).
PRIORITY = 25
#: A block that is one stored HTML block's placeholder and nothing else.
_PLACEHOLDER = re.compile(re.escape(HTML_PLACEHOLDER).replace("%s", r"\d+"))
#: Before every block processor of Markdown's and the site's (the admonition's is 105): a
#: placeholder alone, not indented, is what each of them hands on to the paragraph's (10).
BLOCK_PRIORITY = 110


class _KeepBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if OPEN not in source:
            return lines
        stash = self.md.htmlStash

        def keep(match: re.Match[str]) -> str:
            # its own paragraph, so Markdown puts the block back in place of that paragraph
            return f"\n{stash.store(match.group(1)[:-1])}\n"  # less the last line's end

        return _BLOCK.sub(keep, source).split("\n")


class _StoredBlock(BlockProcessor):
    """A stored block's placeholder becomes the paragraph Markdown makes of it (which its raw
    HTML then replaces), but with its text marked atomic: Markdown's inline patterns skip it
    rather than try each of their ~20 patterns on it (half the texts they read on a generated
    page were these placeholders)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        # in a tight list the paragraph's processor does something else: leave it that
        return _PLACEHOLDER.fullmatch(block) is not None and not self.parser.state.isstate("list")

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        etree.SubElement(parent, "p").text = AtomicString(blocks.pop(0))


class KeepBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_KeepBlocks(md), "dossier_blocks", PRIORITY)
        md.parser.blockprocessors.register(
            _StoredBlock(md.parser), "dossier_stored_block", BLOCK_PRIORITY
        )


def makeExtension(**kwargs: object) -> KeepBlocks:
    return KeepBlocks(**kwargs)
