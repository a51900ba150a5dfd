"""The generated pages' HTML blocks: Python-Markdown gives the same HTML with the extension that
keeps them (``generator.markdown_blocks``) as without it, and the plugin's rewrite of their links
(``generator.mkdocs_links``) gives the addresses MkDocs gives Markdown links."""

from __future__ import annotations

import re

import markdown
import pytest
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from mkdocs.structure.files import File, Files

from generator.mkdocs_links import site_links
from generator.render.blocks import CLOSE, OPEN, link, text, wrap
from tests.render.markup import EXTENSIONS


def _normalized(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def test_every_seeds_page_renders_the_same_with_and_without_the_extension(seeds_build):
    kept = 0
    for path, page in seeds_build.pages.items():
        body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
        fast = markdown.markdown(body, extensions=EXTENSIONS)
        plain = markdown.markdown(body, extensions=EXTENSIONS[:-1])
        plain = re.sub(rf"{OPEN}|{CLOSE}", "", plain)  # as comments, where nothing reads them
        assert _normalized(fast) == _normalized(plain), path
        assert OPEN not in fast and CLOSE not in fast
        kept += OPEN in body
    assert kept > len(seeds_build.pages) / 2  # most pages have HTML blocks


def test_a_wrapped_block_is_not_read_as_markdown():
    block = wrap(f"<p>{text('*not emphasis* [no link](x.md) <b>')}</p>")
    out = markdown.markdown(f"# T\n\n{block}\n\nAfter *this*.", extensions=EXTENSIONS)
    assert "<p>*not emphasis* [no link](x.md) &lt;b&gt;</p>" in out
    assert "<em>this</em>" in out  # the Markdown around it is still Markdown


@pytest.mark.parametrize(
    "source",
    [
        "Before.\n{block}\nAfter.",  # no blank lines around the block
        "- item\n\n{block}\n- next",  # between the items of a list
        "- item\n{block}",  # in a tight list's item
        "!!! note\n    Inside.\n\n{block}",  # after an admonition
        "> Quoted.\n\n{block}\n\n{block}",  # after a quote, two in a row
    ],
)
def test_a_block_anywhere_renders_as_without_the_extension(source):
    body = source.format(block=wrap('<p class="x">kept <a href="a.md">a</a></p>'))
    fast = markdown.markdown(body, extensions=EXTENSIONS)
    plain = markdown.markdown(body, extensions=EXTENSIONS[:-1])
    plain = re.sub(rf"{OPEN}|{CLOSE}", "", plain)
    assert _normalized(fast) == _normalized(plain)


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("{o}\n<p>a</p>\n<p>b</p>\n{c}", ["<p>a</p>\n<p>b</p>"]),
        ("{o}\n\n{c}", [""]),  # an empty block
        ("{o}\n{c}\n<p>a</p>\n{c}", ["{c}\n<p>a</p>"]),  # no line between the markers
        ("{o}\n<p>a</p>\n{c} x\n {c}\n{c}", ["<p>a</p>\n{c} x\n {c}"]),  # markers in a line
        ("{o}\n<p>a</p>\n{c}\n\n{o}\n<p>b</p>\n{c}\n", ["<p>a</p>", "<p>b</p>"]),
        ("x {o}\n<p>a</p>\n{c}", []),  # the opening marker not on a line of its own
        ("{o}\n<p>a</p>", []),  # never closed
    ],
)
def test_a_block_is_what_stands_between_its_markers_on_lines_of_their_own(source, kept):
    source = source.format(o=OPEN, c=CLOSE)
    md = markdown.Markdown(extensions=EXTENSIONS)
    out = md.convert(source)
    assert md.htmlStash.rawHtmlBlocks[: len(kept)] == [k.format(c=CLOSE) for k in kept]
    if not kept:  # left to Markdown, as without the extension
        assert out == markdown.markdown(source, extensions=EXTENSIONS[:-1])


class _Paragraphs(Treeprocessor):
    """Each paragraph's text as the inline patterns get it, and whether they may read it."""

    def __init__(self, md: markdown.Markdown, seen: list[tuple[str, bool]]) -> None:
        super().__init__(md)
        self.seen = seen

    def run(self, root):
        self.seen += [(p.text, isinstance(p.text, AtomicString)) for p in root.iter("p")]


def test_a_stored_block_is_not_handed_to_the_inline_patterns():
    md = markdown.Markdown(extensions=EXTENSIONS)
    seen: list[tuple[str, bool]] = []
    md.treeprocessors.register(_Paragraphs(md, seen), "seen", 21)  # just before the inline's
    out = md.convert(f"Some *text*.\n\n{wrap('<p>kept</p>')}\nMore.")
    assert out.count("<p>kept</p>") == 1 and "<em>text</em>" in out
    placeholders = [atomic for text, atomic in seen if "wzxhzdk" in text]
    assert placeholders == [True]  # the block's placeholder: skipped by the inline patterns
    assert [atomic for text, atomic in seen if "wzxhzdk" not in text] == [False, False]


def _files(directory_urls: bool) -> tuple[Files, dict[str, File]]:
    paths = ["index.md", "people/a.md", "people/b.md", "countries/c.md", "records/people/a.yml"]
    made = {p: File(p, "/docs", "/site", directory_urls) for p in paths}
    return Files(list(made.values())), made


@pytest.mark.parametrize(
    ("directory_urls", "expected"),
    [
        (True, ["./", "../b/", "../../countries/c/#x", "../../records/people/a.yml"]),
        (False, ["a.html", "b.html", "../countries/c.html#x", "../records/people/a.yml"]),
    ],
)
def test_links_to_source_files_become_the_sites_addresses(directory_urls, expected):
    files, made = _files(directory_urls)
    html = " ".join(
        link(href, "x")
        for href in ["a.md", "b.md", "../countries/c.md#x", "../records/people/a.yml"]
    )
    untouched = '<a href="https://example.org/a.md">x</a> <a href="../../forums/f/">x</a>'
    out, missing = site_links(f"{html} {untouched}", made["people/a.md"], files, {})
    assert re.findall(r'href="([^"]*)"', out) == [
        *expected,
        "https://example.org/a.md",
        "../../forums/f/",
    ]
    assert missing == []


def test_a_link_to_no_file_is_reported_and_left_as_it_is():
    files, made = _files(True)
    out, missing = site_links(link("../people/gone.md", "x"), made["people/a.md"], files, {})
    assert missing == ["people/gone.md"]
    assert out == '<a href="../people/gone.md">x</a>'
