"""Hostile text renders inert in pages and round-trips through records
(``docs/reliability.md``, parts 2 and 6).
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import meta as mkdocs_meta

from generator import yamlio
from generator.build import BuildResult
from generator.curated.registry import load_registry
from generator.extract import Tools, load_tools
from generator.render.blocks import CLOSE, OPEN
from generator.render.escape import front, md, para
from tests.conftest import make_seeds
from tests.robustness import FAST, build_seeds, good_articles

HOSTILE_TITLE = (
    "<script>alert('title')</script> ../../etc/passwd {{ 7*7 }} [x](javascript:alert(0))"
)
HOSTILE_ARTICLE = f"""\
---
title: {json.dumps(HOSTILE_TITLE)}
publisher: "<img src=x onerror=alert(2)>"
authors: ["<b>Jane</b> Roe-Smith", "Tom [x](javascript:alert(3)) Lee"]
published: 2022-11-22
---
U.S. Secretary of Defense Lloyd Austin met Chinese Defense Minister Wei Fenghe in Cambodia on \
Tuesday, officials said. <script>alert(1)</script>

Eve Evilson met Lloyd Austin in Tokyo on Monday, and Eve Evilson said the talks went well.

Wei Fenghe said <script>alert(10)</script> was not a threat to anyone in the region.

The talks covered Taiwan. <img src=x onerror=alert(1)> Officials from Japan followed closely.

A statement said readers could [click](javascript:alert(1)) or ![see](javascript:alert(1)) or \
visit <javascript:alert(1)> or <a href="javascript:alert(1)">here</a> for more.

[ref]: javascript:alert(1)

The budget was {{{{ 7*7 }}}} million dollars {{% raw %}} in total {{# note #}}, officials said.

key: value

---

title: <script>alert(4)</script>

---

{{: onclick="alert(5)" }}

!!! danger "Injected admonition"

| a | b |

    indented code block line

# Not a heading

* not a list

<!-- comment --> &lt;script&gt; &#x3C;script&#x3E; \\<script> <<script>script> <svg/onload=alert(6)>
"""
LITERALS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "key: value",
    '{: onclick="alert(5)" }',
    "&lt;script&gt;",
]
DANGEROUS_TAGS = {
    "script", "img", "iframe", "object", "embed", "style", "link", "meta", "form", "input",
    "base", "video", "audio", "source", "frame", "frameset", "template",
}  # fmt: skip


class _Html(HTMLParser):
    """Tags, attributes and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


#: The site's Markdown extensions (mkdocs.yml) and the one the plugin adds for the generated
#: pages' HTML blocks; a page must be as inert without the latter (another reader of the files).
EXTENSIONS = ["tables", "admonition", "attr_list", "toc", "generator.markdown_blocks"]


def render_page(page: str, extensions: list[str] = EXTENSIONS) -> tuple[dict, _Html]:
    """A generated page as MkDocs reads it: front matter, then Markdown with the site's
    extensions to HTML."""
    body, meta = mkdocs_meta.get_data(page)
    out = markdown.markdown(body, extensions=extensions)
    parsed = _Html()
    parsed.feed(out)
    parsed.close()
    return meta, parsed


def assert_inert(path: str, parsed: _Html) -> None:
    for tag, attrs in parsed.tags:
        assert tag not in DANGEROUS_TAGS, f"{path}: <{tag}> element"
        for name, value in attrs:
            assert not name.startswith("on"), f"{path}: <{tag} {name}=...>"
            bare = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            assert not bare.startswith(("javascript:", "data:", "vbscript:")), (
                f"{path}: <{tag} {name}={value!r}>"
            )
    assert not any("comment" in c for c in parsed.comments), f"{path}: an HTML comment got through"


HOSTILE_NAME = "Eve <img src=x onerror=alert(7)> Evilson"
HOSTILE_CURATED = f"""\
  - id: eve-evilson
    name: {json.dumps(HOSTILE_NAME)}
    aliases: [Eve Evilson]
    description: "<script>alert(8)</script> [x](javascript:alert(9)) {{{{ 7*7 }}}}"
"""


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory, tools: Tools) -> BuildResult:
    """One hostile article, one good one, and a curated person whose name and description are
    hostile too (a contributor's mistake must not inject either)."""
    seeds = make_seeds(
        tmp_path_factory.mktemp("hostile"), {"hostile.txt": HOSTILE_ARTICLE, **good_articles()}
    )
    with (seeds / "curated" / "people.yml").open("a", encoding="utf-8") as f:
        f.write(HOSTILE_CURATED)
    registry, problems = load_registry(seeds)
    assert problems == []
    return build_seeds(seeds, load_tools(registry, tools.model))


def test_hostile_text_renders_inert_in_pages(hostile_build: BuildResult):
    assert hostile_build.errors == []
    assert "articles/hostile.md" in hostile_build.pages
    for path, page in hostile_build.pages.items():
        meta, parsed = render_page(page)
        assert set(meta) <= {"title", "search", "hide", "tags", "chips"}, (
            f"{path}: front matter {meta}"
        )
        assert_inert(path, parsed)
        assert_inert(path, render_page(page, EXTENSIONS[:-1])[1])
        assert "<script" not in page and "<img" not in page
        body, _ = mkdocs_meta.get_data(page)
        # outside the HTML blocks (where it is text), a title is not Markdown either
        markdown_part = re.sub(rf"{OPEN}.*?{CLOSE}", "", body, flags=re.S)
        assert "](javascript:" not in markdown_part
    meta, parsed = render_page(hostile_build.pages["articles/hostile.md"])
    shown = " ".join("".join(parsed.text).split())
    for literal in [*LITERALS, HOSTILE_TITLE]:
        assert literal in shown, f"{literal!r} is not shown as text"
    _, parsed = render_page(hostile_build.pages["people/eve-evilson.md"])
    shown = " ".join("".join(parsed.text).split())
    assert HOSTILE_NAME in shown and "<script>alert(8)</script>" in shown


def test_front_matter_title_with_script_is_escaped(hostile_build: BuildResult):
    meta, _ = render_page(hostile_build.pages["articles/hostile.md"])
    # Themes print the title as HTML (Material's header does, unescaped): it must be escaped.
    assert meta["title"] == html.escape(HOSTILE_TITLE, quote=False)
    assert "<" not in meta["title"]
    for path, page in hostile_build.pages.items():
        title = render_page(page)[0].get("title", "")
        assert "<" not in title and ">" not in title, path
    record = yamlio.load(hostile_build.records["articles/hostile.yml"])
    assert record["title"] == HOSTILE_TITLE  # the record keeps the text as written
    assert record["publisher"] == "<img src=x onerror=alert(2)>"
    assert record["authors"] == ["<b>Jane</b> Roe-Smith", "Tom [x](javascript:alert(3)) Lee"]


def test_records_round_trip_hostile_strings(hostile_build: BuildResult):
    records = hostile_build.records
    for path, text in records.items():
        data = yamlio.load(text)
        if path.endswith(".yml") and path[:-4] + ".json" in hostile_build.records_json:
            assert data == json.loads(hostile_build.records_json[path[:-4] + ".json"]), path
        assert yamlio.dump(data) == text, path
    strings = json.dumps([yamlio.load(t) for t in records.values()], ensure_ascii=False)
    for literal in ("<script>alert(10)</script>", "{{ 7*7 }}", "---", "[x](javascript:alert(3))"):
        assert json.dumps(literal, ensure_ascii=False)[1:-1] in strings, literal
    wei = yamlio.load(records["people/wei-fenghe.yml"])
    sentences = [s for m in wei["mentions"] for s in m["sentences"]]
    assert any("<script>alert(10)</script> was" in s for s in sentences), sentences


@pytest.mark.parametrize(
    "text",
    [
        "---\n---\n",
        "key: value\n---\nname: &x y\n",
        "- &a [*a]\n",
        "!!python/object/apply:os.system ['echo pwned']\n",
        "{{ 7*7 }} {% raw %}\n---\ntitle: <script>\n",
        "null\n~\nyes\nno\n2022-11-22\n0x1f\n",
        "\u2028\u2029\x85\ufeff\u202e",
    ],
)
def test_yaml_records_keep_any_string(text: str):
    data = {"title": text, "list": [text, {"k": text}], text.strip() or "k": text}
    assert yamlio.load(yamlio.dump(data)) == data


_ESCAPED = re.compile(r"(?<!\\)((?:\\\\)*)([`*_\[\](){}|#<>!~$])")


@FAST
@given(st.text(max_size=300))
def test_md_output_is_inert(text: str):
    for out in (md(text), para(text)):
        assert "<" not in out and ">" not in out
        # a link or template opener only ever stands escaped: "\\{%" renders as the text "{%"
        assert not re.search(r"(?<!\\)(\]\(|\{\{|\{%)", out), out
        assert "\n" not in out
        assert not _ESCAPED.search(out), f"unescaped special character in {out!r}"
    assert not re.match(r"[-+=>*]|\d+[.)]|#", para(text)), para(text)


@FAST
@given(st.text(max_size=200))
def test_front_matter_title_is_always_escaped(title: str):
    data = yamlio.load(front({"title": title, "search": {"boost": 1}}))
    assert data["title"] == html.escape(title, quote=False)
    assert "<" not in data["title"]
