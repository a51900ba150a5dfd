"""The generated pages' HTML blocks: Python-Markdown gives the same HTML with the extension that
keeps them (``generator.markdown_blocks``) as without it, and the plugin's rewrite of their links
(``generator.mkdocs_links``) gives the addresses MkDocs gives Markdown links."""

from __future__ import annotations

import re

import markdown
import pytest
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
