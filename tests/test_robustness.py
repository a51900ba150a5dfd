"""Robustness: bad files, hostile text, odd names, curated mistakes, determinism, atomic writes.

Every case listed on the site's Reliability page (``docs/reliability.md``) names its test here;
``test_reliability_page_names_existing_tests`` keeps the two in step.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import html
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from collections import Counter
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta as mkdocs_meta

from generator import names, yamlio
from generator.aggregate.corpus import _mint_ids
from generator.build import BuildResult, build
from generator.clean import Rules, clean
from generator.cli import main as cli_main
from generator.config import DEFAULT_MAX_ARTICLE_BYTES, BuildConfig
from generator.curated.check import check
from generator.curated.registry import CURATED_FILES, Registry, load_registry
from generator.data import Problem, SourceFile
from generator.extract import Tools, extract, load_tools
from generator.ingest import decode, ingest, read_article, split_front_matter
from generator.mkdocs_plugin import _archive
from generator.render.pages import front, md, para
from generator.render.records import write
from generator.slugs import MAX_LEN, is_safe, slug, unique
from tests.conftest import REPO, SEEDS, make_seeds, write_article

GOOD_ARTICLE = """\
Defense chiefs meet in Phnom Penh

U.S. Secretary of Defense Lloyd Austin met Chinese Defense Minister Wei Fenghe in Cambodia on \
Tuesday, officials in Washington and Beijing said.

The talks covered Taiwan and the South China Sea, and officials from Japan followed them closely.
"""
SAFE_PAGE = re.compile(r"(?:[a-z]+/)?[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|yml|json)")
SAFE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FAST = settings(max_examples=200, deadline=None)


def build_seeds(seeds: Path, tools: Tools | None = None) -> BuildResult:
    """A build without the extraction cache, so the model really runs every time."""
    return build(BuildConfig(seeds=seeds, cache_dir=None), tools=tools)


def by_path(problems: list[Problem]) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = {}
    for problem in problems:
        out.setdefault(problem.path, []).append(problem)
    return out


def ingest_one(tmp_path: Path, name: str, raw: str | bytes) -> tuple[list, list[Problem]]:
    seeds = tmp_path / "seeds"
    write_article(seeds, name, raw)
    return ingest(seeds, DEFAULT_MAX_ARTICLE_BYTES)


# =============================================================================================
# 1. Unreadable articles
# =============================================================================================


@pytest.mark.parametrize(
    "raw",
    [b"", b"   \n\t\n\r\n", "\ufeff\n".encode(), b"---\ntitle: Only front matter\n---\n\n \n"],
    ids=["empty", "whitespace", "bom-only", "front-matter-only"],
)
def test_empty_article_is_reported(tmp_path: Path, raw: bytes):
    sources, problems = ingest_one(tmp_path, "empty.txt", raw)
    assert sources == []
    assert [str(p) for p in problems] == ["articles/empty.txt: article is empty; skipped"]
    assert problems[0].severity == "error"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Café in Paris.\n", "latin-1"),
        ("Der Außenminister traf in Köln ein. Grüße aus Genf!\n", "latin-1"),
        ("José Núñez habló en Bogotá sobre la región.\n", "latin-1"),
        (
            "Le ministre a rencontré son homologue à Genève. « Très bien », dit-il – 5 €.\n",
            "cp1252",
        ),
        ("“Hello,” said the minister’s aide…\r\nIt was — he said — fine.\r\n", "cp1252"),
    ],
    ids=["cafe", "german", "spanish", "french-cp1252", "smart-quotes-crlf"],
)
def test_latin1_article_is_decoded_with_a_warning(tmp_path: Path, text: str, encoding: str):
    raw = text.encode(encoding)
    sources, problems = ingest_one(tmp_path, "latin.txt", raw)
    assert [s.text for s in sources] == [text.replace("\r\n", "\n")]
    assert sources[0].sha256 == hashlib.sha256(raw).hexdigest()
    assert len(problems) == 1
    warning = problems[0]
    assert warning.path == "articles/latin.txt"
    assert warning.severity == "warning"
    assert "not UTF-8" in warning.message and "decoded as Windows-1252" in warning.message


@pytest.mark.parametrize(
    "raw",
    [
        "Министр иностранных дел встретился с коллегой".encode("cp1251"),
        "The minister said: Министр иностранных дел".encode("cp1251"),
        "Ο υπουργός Εξωτερικών".encode("cp1253"),
        "日本の外務大臣が会談した".encode("shift_jis"),
        "Café ".encode("latin-1") + "Zoë Ångström".encode(),  # two encodings in one file
        b"Latin-1 bytes with an undefined \x81 byte",
        bytes(range(0x80, 0x100)) * 4,
    ],
    ids=["cyrillic", "cyrillic-in-english", "greek", "shift-jis", "mixed", "c1-byte", "high"],
)
def test_text_in_another_encoding_is_reported(tmp_path: Path, raw: bytes):
    sources, problems = ingest_one(tmp_path, "legacy.txt", raw)
    assert sources == []
    assert len(problems) == 1
    assert problems[0].path == "articles/legacy.txt"
    assert problems[0].severity == "error"
    assert re.search(r"not UTF-8 \(byte 0x[0-9a-f]{2} on line 1\)", problems[0].message)
    assert "re-save the file as UTF-8; skipped" in problems[0].message


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF8, "utf-8"),
    ],
    ids=["utf16-le", "utf16-be", "utf32-le", "utf8-sig"],
)
def test_utf16_with_bom_is_decoded(tmp_path: Path, bom: bytes, encoding: str):
    text = (
        "---\r\ntitle: Wei Fenghe in Phnom Penh\r\n---\r\nWei Fenghe met Zoë Ångström 习近平.\r\n"
    )
    sources, problems = ingest_one(tmp_path, "wide.txt", bom + text.encode(encoding))
    assert problems == []
    assert sources[0].front_matter == {"title": "Wei Fenghe in Phnom Penh"}
    assert sources[0].text == "Wei Fenghe met Zoë Ångström 习近平.\n"
    assert sources[0].body_line_offset == 3


def test_utf16_with_a_broken_bom_is_reported(tmp_path: Path):
    raw = codecs.BOM_UTF16_LE + "odd".encode("utf-16-le") + b"\x00"  # odd length
    sources, problems = ingest_one(tmp_path, "odd.txt", raw)
    assert sources == []
    assert "byte-order mark but does not decode" in problems[0].message


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
        ("Hello Wei Fenghe".encode("utf-16-le"), "binary file (contains NUL bytes)"),
        (bytes(range(1, 32)) * 20 + b" some text", "binary file ("),
        (codecs.BOM_UTF16_LE + "a\x00b\x01c".encode("utf-16-le"), "binary file ("),
    ],
    ids=["png", "utf16-without-bom", "control-characters", "nul-in-utf16"],
)
def test_binary_article_is_reported(tmp_path: Path, raw: bytes, reason: str):
    sources, problems = ingest_one(tmp_path, "blob.txt", raw)
    assert sources == []
    assert problems[0].path == "articles/blob.txt"
    assert reason in problems[0].message
    assert problems[0].message.endswith("; skipped")


def test_stray_control_characters_are_removed(tmp_path: Path):
    text = "Title\n\n" + "Wei Fenghe met Lloyd Austin in Cambodia, officials said. " * 5
    raw = (text + "\x1b[31mred\x1b[0m\x07 and a NEL\x85line\n").encode()
    sources, problems = ingest_one(tmp_path, "ansi.txt", raw)
    assert problems == []
    body = sources[0].text
    assert "[31mred[0m and a NEL\nline" in body
    assert not re.search(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]", body)


def test_article_over_the_size_limit_is_skipped(tmp_path: Path):
    seeds = tmp_path / "seeds"
    write_article(seeds, "good.txt", GOOD_ARTICLE)
    big = seeds / "articles" / "huge.txt"
    with big.open("wb") as f:  # 20 MB of plausible text
        line = b"The minister met officials in Tokyo on Tuesday, a statement said.\n"
        f.write(line * (20 * 1024 * 1024 // len(line) + 1))
    start = time.perf_counter()
    sources, problems = ingest(seeds, DEFAULT_MAX_ARTICLE_BYTES)
    assert time.perf_counter() - start < 5  # refused on its size, not read
    assert [s.id for s in sources] == ["good"]
    assert [p.path for p in problems] == ["articles/huge.txt"]
    assert f"over the {DEFAULT_MAX_ARTICLE_BYTES:,}-byte limit; skipped" in problems[0].message


def test_one_100000_character_line_builds(tmp_path: Path, tools: Tools):
    sentence = (
        "The ministry in Tokyo said the budget for coastal patrols would rise, according to a "
        "statement from officials. Analysts in Singapore expected criticism from neighbours. "
    )
    line = (sentence * (100_000 // len(sentence) + 1))[:100_000]
    assert "\n" not in line and len(line) == 100_000
    seeds = make_seeds(tmp_path, {"long.txt": f"Patrol budget rises\n\n{line}\n", **_good()})
    start = time.perf_counter()
    result = build_seeds(seeds, tools)
    elapsed = time.perf_counter() - start
    assert result.problems == []
    assert "articles/long.yml" in result.records and "articles/good.yml" in result.records
    assert "countries/japan.yml" in result.records  # the long line was read, not dropped
    record = yamlio.load(result.records["articles/long.yml"])
    assert record["title"] == "Patrol budget rises"
    assert elapsed < 90, f"a 100,000-character line took {elapsed:.0f} s"


def test_crlf_line_ends_are_normalised(tmp_path: Path):
    raw = b"---\r\ntitle: T\r\npublished: soon\r\n---\r\nBody.\r\n"
    sources, problems = ingest_one(tmp_path, "crlf.txt", raw)
    assert [str(p) for p in problems] == [
        "articles/crlf.txt:3: front matter: 'published' must be a date as YYYY-MM-DD"
    ]
    sources, problems = ingest_one(tmp_path, "crlf.txt", b"Title\r\n\r\nOne.\r\rTwo.\rThree.\r\n")
    assert problems == []
    assert sources[0].text == "Title\n\nOne.\n\nTwo.\nThree.\n"
    article = clean(sources[0], Rules((), (), (), ()))
    assert article.paragraphs == ("One.", "Two.", "Three.")  # "Title" became the title


def test_symlink_outside_seeds_is_reported(tmp_path: Path):
    seeds = tmp_path / "seeds"
    articles = seeds / "articles"
    write_article(seeds, "good.txt", GOOD_ARTICLE)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    outside_dir = tmp_path / "elsewhere"
    (outside_dir / "deep").mkdir(parents=True)
    (outside_dir / "deep" / "inner.txt").write_text("An article kept elsewhere.\n")
    (articles / "passwd.txt").symlink_to(secret)
    (articles / "absolute.txt").symlink_to("/etc/hostname")
    (articles / "linked-dir").symlink_to(outside_dir, target_is_directory=True)
    (articles / "loop-a.txt").symlink_to(articles / "loop-b.txt")
    (articles / "loop-b.txt").symlink_to(articles / "loop-a.txt")
    (articles / "dangling.txt").symlink_to(articles / "missing.txt")
    (articles / "alias.txt").symlink_to(articles / "good.txt")  # inside: fine, but one id each
    sources, problems = ingest(seeds, DEFAULT_MAX_ARTICLE_BYTES)
    assert [s.id for s in sources] == ["alias", "good"]
    found = {p.path: p.message for p in problems}
    assert "outside the seeds folder" in found["articles/passwd.txt"]
    assert "outside the seeds folder" in found["articles/absolute.txt"]
    assert "cannot be resolved" in found["articles/loop-a.txt"]
    assert "cannot be resolved" in found["articles/loop-b.txt"]
    assert "broken symbolic link" in found["articles/dangling.txt"]
    # A symlinked folder is not followed; if it were, its files would still be refused.
    inner = articles / "linked-dir" / "deep" / "inner.txt"
    assert "articles/linked-dir/deep/inner.txt" not in found
    source, problem = read_article(inner, "articles/linked-dir/deep/inner.txt", seeds, 10_000)
    assert source is None and "outside the seeds folder" in problem.message
    assert all(p.severity == "error" for p in problems)


@pytest.mark.parametrize(
    "name",
    [
        "tick`<img src=x onerror=alert(1)>`.txt",
        "new\nline <script>alert(1)</script>.txt",
        "bidi\u202etxt.exe.txt",
        os.fsdecode(b"caf\xe9.txt"),  # bytes that are not UTF-8
    ],
    ids=["backtick", "newline", "bidi-override", "not-utf8"],
)
def test_unsafe_file_names_are_reported(tmp_path: Path, name: str):
    seeds = tmp_path / "seeds"
    write_article(seeds, "good.txt", GOOD_ARTICLE)
    write_article(seeds, name, GOOD_ARTICLE)
    sources, problems = ingest(seeds, DEFAULT_MAX_ARTICLE_BYTES)
    assert [s.id for s in sources] == ["good"]
    assert len(problems) == 1
    assert "file name holds characters a page cannot show safely" in problems[0].message
    str(problems[0]).encode("utf-8")  # printable: never a UnicodeEncodeError on output


def test_every_other_article_still_builds(tmp_path: Path, tools: Tools):
    seeds = make_seeds(tmp_path, _good())
    bad = _add_bad_articles(seeds, tmp_path)
    result = build_seeds(seeds, tools)
    found = by_path(result.problems)
    for rel, reason in bad.items():
        assert rel in found, f"{rel} is not reported"
        assert reason in " ".join(p.message for p in found[rel]), (rel, found[rel])
    assert set(found) == set(bad)
    assert "articles/good.yml" in result.records and "articles/good.md" in result.pages
    assert "articles/latin.yml" in result.records  # decoded with a warning, and built
    assert found["articles/latin.txt"][0].severity == "warning"
    assert all(
        p.severity == "error"
        for rel, ps in found.items()
        if rel != "articles/latin.txt"
        for p in ps
    )
    assert "people/wei-fenghe.yml" in result.records


def test_check_fails_on_reported_articles(tmp_path: Path, capsys):
    seeds = make_seeds(tmp_path, _good())
    bad = _add_bad_articles(seeds, tmp_path)
    problems = check(seeds)
    assert {p.path for p in problems} == set(bad)
    assert cli_main(["check", "--seeds", str(seeds)]) == 1
    out = capsys.readouterr().out
    for rel in bad:
        assert rel in out
    # A warning alone (Windows-1252 decoded) is printed but does not fail `check`; it does fail
    # `mkdocs build --strict` (see test_mkdocs_strict_build_fails_on_bad_articles).
    latin = make_seeds(tmp_path / "latin", {"latin.txt": "Café in Paris.\n", **_good()})
    (latin / "articles" / "latin.txt").write_bytes("Café in Paris.\n".encode("latin-1"))
    assert cli_main(["check", "--seeds", str(latin)]) == 0
    assert "articles/latin.txt: not UTF-8" in capsys.readouterr().out


@pytest.mark.slow
def test_mkdocs_strict_build_fails_on_bad_articles(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "seeds", project / "seeds")
    bad = _add_bad_articles(project / "seeds", tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "86400"}

    def mkdocs(site: Path) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    failed = mkdocs(tmp_path / "failed")
    assert failed.returncode != 0
    for rel in bad:
        assert re.search(rf"WARNING\s+-\s+{re.escape(rel)}", failed.stderr), rel
    output = failed.stdout + failed.stderr
    assert "Aborted with" in output and "Traceback" not in output

    # Without the bad files the same project builds, and no wall-clock time gets into the site:
    # MkDocs dates the sitemap (and the .gz header) from SOURCE_DATE_EPOCH, the records archive
    # has fixed timestamps, and nothing else is dated.
    for rel in bad:
        path = project / "seeds" / rel
        path.unlink()
    site = tmp_path / "site"
    ok = mkdocs(site)
    assert ok.returncode == 0, ok.stderr[-4000:]
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    # mkdocs.yml sets no site_url, so the sitemap lists no pages; if it did, they would carry
    # SOURCE_DATE_EPOCH's day.
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) <= {"1970-01-02"}
    raw_gz = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw_gz[4:8], "little") == 86400  # the gzip header's MTIME
    assert gzip.decompress(raw_gz).decode("utf-8") == sitemap
    with zipfile.ZipFile(site / "records" / "dossier-records.zip") as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    today = datetime.now(UTC)
    stamps = {today.strftime("%Y-%m-%d"), today.strftime("%B %-d, %Y"), today.strftime("%d %B %Y")}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".yml", ".md"):
            text = path.read_text("utf-8", errors="replace")
            assert not any(s in text for s in stamps), f"{path} holds today's date"


def _good() -> dict[str, str]:
    return {"good.txt": GOOD_ARTICLE}


def _add_bad_articles(seeds: Path, tmp_path: Path) -> dict[str, str]:
    """Every kind of bad article beside the good ones; returns {path: part of the reason}."""
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n")
    write_article(seeds, "empty.txt", b"")
    write_article(seeds, "blank.txt", b" \n\t\r\n")
    write_article(seeds, "latin.txt", "Café in Paris, officials in Tokyo said.\n".encode("latin-1"))
    write_article(seeds, "cyrillic.txt", "Министр иностранных дел".encode("cp1251"))
    write_article(seeds, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write_article(seeds, "alias-bomb.txt", "---\n" + BILLION_LAUGHS + "---\nBody.\n")
    write_article(seeds, "tick`.txt", GOOD_ARTICLE)
    with (seeds / "articles" / "huge.txt").open("wb") as f:
        f.write(b"The minister met officials in Tokyo. " * (20 * 1024 * 1024 // 37 + 1))
    (seeds / "articles" / "passwd.txt").symlink_to(secret)
    return {
        "articles/empty.txt": "article is empty",
        "articles/blank.txt": "article is empty",
        "articles/latin.txt": "decoded as Windows-1252",
        "articles/cyrillic.txt": "not UTF-8",
        "articles/binary.txt": "binary file",
        "articles/alias-bomb.txt": "anchors and aliases",
        "articles/tick`.txt": "file name",
        "articles/huge.txt": "over the 2,000,000-byte limit",
        "articles/passwd.txt": "outside the seeds folder",
    }


# =============================================================================================
# 2. Hostile text
# =============================================================================================

BILLION_LAUGHS = "".join(
    [
        'title: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n',
        *(
            f"k{n}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n"
            for n in range(8)  # 9 ** 9 lols once expanded
        ),
    ]
)

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


def render_page(page: str) -> tuple[dict, _Html]:
    """A generated page as MkDocs reads it: front matter, then Markdown with the site's
    extensions (mkdocs.yml) to HTML."""
    body, meta = mkdocs_meta.get_data(page)
    out = markdown.markdown(body, extensions=["tables", "admonition", "attr_list", "toc"])
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
        tmp_path_factory.mktemp("hostile"), {"hostile.txt": HOSTILE_ARTICLE, **_good()}
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
        assert "<script" not in page and "<img" not in page
        body, _ = mkdocs_meta.get_data(page)
        assert "](javascript:" not in body  # a title is not Markdown: there it is plain text
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


def test_front_matter_not_at_the_top_is_body_text(tmp_path: Path):
    text = "\n---\ntitle: <script>alert(1)</script>\n---\nBody text.\n"
    front_matter, body, offset, problem = split_front_matter(text, "articles/x.txt")
    assert (front_matter, body, offset, problem) == ({}, text, 0, None)
    middle = "Title\n\nFirst paragraph.\n\n---\ntitle: Injected\nurl: javascript:x\n---\n\nEnd.\n"
    sources, problems = ingest_one(tmp_path, "middle.txt", middle)
    assert problems == [] and sources[0].front_matter == {}
    article = clean(sources[0], Rules((), (), (), ()))
    assert article.title == "Title"
    kept = [*article.paragraphs, *(d.text for d in article.dropped)]
    assert "title: Injected" in kept and "url: javascript:x" in kept  # text, kept as text
    assert para("---") == "\\---" and para("title: x") == "title: x"


def test_yaml_alias_bomb_in_front_matter_is_refused(tmp_path: Path):
    for n, block in enumerate(
        [
            BILLION_LAUGHS,
            "title: &a [*a]\n",  # recursive
            "title: T\nauthors: &x [Jane Doe]\npublisher: *x\n",
            "base: &b {title: T}\n<<: *b\n",
        ]
    ):
        start = time.perf_counter()
        sources, problems = ingest_one(tmp_path / str(n), "bomb.txt", f"---\n{block}---\nBody.\n")
        assert time.perf_counter() - start < 2
        assert sources == []
        assert problems[0].path == "articles/bomb.txt"
        assert "front matter: YAML anchors and aliases (& and *) are not allowed" in str(
            problems[0]
        )
        assert problems[0].line is not None and 2 <= problems[0].line <= block.count("\n") + 1


def test_duplicate_front_matter_keys_are_refused():
    text = "---\ntitle: Harmless\npublisher: P\ntitle: <script>alert(1)</script>\n---\nBody\n"
    _, _, _, problem = split_front_matter(text, "articles/x.txt")
    assert (
        str(problem) == "articles/x.txt:4: front matter: key 'title' is given twice (lines 2 and 4)"
    )


def test_yaml_tags_in_front_matter_are_refused():
    block = "title: !!python/object/apply:os.system ['touch /tmp/dossier-pwned']\n"
    _, _, _, problem = split_front_matter(f"---\n{block}---\nBody\n", "articles/x.txt")
    assert problem is not None and problem.message.startswith("front matter:")
    assert not Path("/tmp/dossier-pwned").exists()


# =============================================================================================
# 3. Names
# =============================================================================================

NAMES_ARTICLE = """\
---
title: Leaders meet in Riyadh
published: 2023-12-07
---
Crown Prince Mohammed bin Salman (محمد بن سلمان) met Chinese President Xi Jinping (习近平) in \
Riyadh on Thursday, officials said.

José Núñez, a spokesman, and Zoë Ångström of the ministry said the talks went well 🙂🇺🇳.

Jose Nunez later said Núñez had been misquoted. Xi said China valued the partnership.

Ana María Fernández de la Cruz y Sánchez-Villalobos Montenegro spoke for the delegation.
"""


@pytest.fixture(scope="module")
def names_build(tmp_path_factory, tools: Tools) -> BuildResult:
    seeds = make_seeds(tmp_path_factory.mktemp("names"), {"names.txt": NAMES_ARTICLE})
    return build_seeds(seeds, tools)


def test_cjk_name_slugs_and_ids():
    assert slug("习近平") == "xi-jin-ping"
    assert names.key("习近平") == frozenset({"习近平"})
    assert names.fold("习近平") == "习近平"
    assert slug("李明") == slug("黎明") == "li-ming"  # two different names, one transliteration
    assert names.key("李明") != names.key("黎明")


def test_curated_native_names_survive(names_build: BuildResult):
    assert names_build.errors == []
    xi = yamlio.load(names_build.records["people/xi-jinping.yml"])
    assert xi["native_name"] == "习近平"
    mbs = yamlio.load(names_build.records["people/mohammed-bin-salman.yml"])
    assert mbs["native_name"] == "محمد بن سلمان"
    assert "| Native name | 习近平 (curated) |" in names_build.pages["people/xi-jinping.md"]
    assert "محمد بن سلمان" in names_build.pages["people/mohammed-bin-salman.md"]
    text = names_build.pages["articles/names.md"]
    for literal in ("习近平", "محمد بن سلمان", "Zoë Ångström", "🙂🇺🇳"):
        assert literal in text


def test_arabic_names_slug_and_key():
    name = "محمد بن سلمان"
    assert slug(name) == "mhmd-bn-slmn"
    assert names.key(name) == frozenset({"محمد", "بن", "سلمان"})
    assert names.looks_like_name(name) is False  # no capitals: never taken as a name by shape
    assert slug("\u202eevil\u202c") == "evil"  # bidi controls never reach an id


def test_diacritics_and_emoji_names():
    assert names.key("José Núñez") == names.key("Jose Nunez") == frozenset({"jose", "nunez"})
    assert slug("José Núñez") == slug("Jose Nunez") == "jose-nunez"
    assert slug("Zoë Ångström") == "zoe-angstrom"
    assert re.fullmatch(r"x-[0-9a-f]{10}", slug("🙂🇺🇳"))
    assert slug("🙂🇺🇳") == slug("🙂🇺🇳") != slug("🙃")
    assert slug("Ali 🙂") == "ali"


def test_names_in_text_build_safe_ids(names_build: BuildResult):
    people = sorted(p for p in names_build.records if p.startswith("people/"))
    assert "people/xi-jinping.yml" in people
    assert "people/mohammed-bin-salman.yml" in people
    nunez = [p for p in people if "nunez" in p]
    assert len(nunez) <= 1, f"José Núñez and Jose Nunez are one person: {nunez}"
    for path in [*names_build.records, *names_build.pages]:
        assert SAFE_PAGE.fullmatch(path), path


def test_very_long_names():
    long_name = " ".join(["Bartholomew-Maximilian"] * 12)
    s = slug(long_name)
    assert len(s) <= MAX_LEN and SAFE_ID.fullmatch(s)
    assert slugify_full(long_name).startswith(s)  # a prefix: words never skipped or reordered
    assert slug("x" * 300) == "x" * MAX_LEN
    assert slug("x" * 100 + " Smith") == "x" * MAX_LEN  # not "smith"
    assert names.looks_like_name(long_name) is False  # longer than any extracted name


def slugify_full(text: str) -> str:
    from slugify import slugify

    return slugify(text)


def test_colliding_slugs_get_unique_stable_ids():
    stem = " ".join(["Bartholomew-Maximilian"] * 4)
    keys = {
        "person:~李明": "李明",
        "person:~黎明": "黎明",
        "person:~li ming": "Li Ming",
        f"person:~{stem} alpha": f"{stem} Alpha",  # same first 80 characters of slug
        f"person:~{stem} beta": f"{stem} Beta",
        "organization:~x-1": "🙂",
        "organization:~x-2": "🙂",  # same name, two things: the key tells them apart
    }

    def slots(order):
        return {
            k: {"variants": Counter({keys[k]: 1}), "mentions": {}, "confidence": 1.0, "roles": []}
            for k in order
        }

    registry = Registry()
    first = _mint_ids(slots(list(keys)), registry)
    again = _mint_ids(slots(list(reversed(keys))), registry)
    assert first == again
    for kind in ("person", "organization"):
        ids = [v for k, v in first.items() if k.startswith(kind)]
        assert len(ids) == len(set(ids)), ids
    assert all(is_safe(i) for i in first.values())
    assert first["person:~li ming"] == "li-ming"  # sorted first, keeps the plain slug
    assert first["person:~李明"].startswith("li-ming-")
    assert first["person:~黎明"].startswith("li-ming-")


SMITHS = {  # two people whose names differ (keys) but slugify alike: mary-jane-smith
    "smith-1.txt": "Envoys meet\n\nBritish envoy Mary-Jane Smith met Lloyd Austin in London on "
    "Tuesday, officials said. Mary-Jane Smith said the talks were useful.\n",
    "smith-2.txt": "Trade talks\n\nAustralian trade negotiator Mary Jane Smith met officials in "
    "Canberra on Friday. Mary Jane Smith said a deal was close.\n",
}


def test_ids_are_stable_across_builds(tmp_path: Path, tools: Tools):
    seeds = make_seeds(tmp_path, {"names.txt": NAMES_ARTICLE, **SMITHS, **_good()})
    first, second = build_seeds(seeds, tools), build_seeds(seeds, tools)
    assert sorted(first.records) == sorted(second.records)
    ids = {e.key: e.id for e in first.corpus.entities}
    assert ids == {e.key: e.id for e in second.corpus.entities}
    smiths = sorted(i for k, i in ids.items() if k.startswith("person:") and "smith" in k)
    assert len(smiths) == 2 and smiths[0] == "mary-jane-smith", smiths
    assert re.fullmatch(r"mary-jane-smith-[0-9a-f]{6}", smiths[1])


def test_no_metadata_escapes_the_output_folder(tmp_path: Path, tools: Tools):
    seeds = make_seeds(
        tmp_path,
        {
            "...txt": GOOD_ARTICLE,
            ".. ..txt": "---\ntitle: ../../etc/passwd\n---\n" + GOOD_ARTICLE,
            "%2e%2e%2fetc%2fpasswd.txt": "---\ntitle: /etc/passwd\n---\n" + GOOD_ARTICLE,
            "CON.txt": GOOD_ARTICLE,
        },
    )
    with (seeds / "curated" / "people.yml").open("a", encoding="utf-8") as f:
        f.write('  - id: "../../etc/passwd"\n    name: Path Traversal\n')
        f.write('  - id: "a/b"\n    name: Slash Person\n')
    registry, problems = load_registry(seeds)
    assert len([p for p in problems if "does not match" in p.message]) == 2
    assert registry.get("person:../../etc/passwd") is None
    result = build_seeds(seeds, load_tools(registry, tools.model))
    for path in [*result.records, *result.records_json, *result.pages]:
        assert SAFE_PAGE.fullmatch(path) or path == "review.yml", path
    titles = {yamlio.load(t)["title"] for p, t in result.records.items() if p.startswith("art")}
    assert "../../etc/passwd" in titles  # a title is text, never a path
    out = tmp_path / "out"
    write(result.records, out)
    assert all(p.resolve().is_relative_to(out) for p in out.rglob("*"))
    with pytest.raises(ValueError, match="escapes the out folder"):
        write({"../escape.yml": "x"}, tmp_path / "out2")
    assert not (tmp_path / "escape.yml").exists()


def test_curated_id_with_a_trailing_newline_gets_a_safe_id(tmp_path: Path, tools: Tools):
    # The schemas' "pattern" is matched with re.search, whose "$" also matches before a final
    # newline, so check lets "jane-roe\n" through; aggregate must not use it as a path.
    seeds = make_seeds(
        tmp_path,
        {
            "roe.txt": "Roe meets Austin\n\nForeign Minister Jane Roe met U.S. Secretary of "
            "Defense Lloyd Austin in Tokyo on Tuesday, officials said. Roe said the talks were "
            "useful.\n"
        },
    )
    with (seeds / "curated" / "people.yml").open("a", encoding="utf-8") as f:
        f.write('  - id: "jane-roe\\n"\n    name: Jane Roe\n    aliases: [Roe]\n')
    registry, _ = load_registry(seeds)
    assert registry.get("person:jane-roe\n") is not None
    result = build_seeds(seeds, load_tools(registry, tools.model))
    assert "people/jane-roe.yml" in result.records
    for path in [*result.records, *result.pages]:
        assert SAFE_PAGE.fullmatch(path) or path == "review.yml", repr(path)


# =============================================================================================
# 4. Curated-data mistakes
# =============================================================================================

CURATED_MISTAKES = {
    "top-level-list": "- a\n- b\n",
    "top-level-scalar": "just a sentence\n",
    "top-level-number": "42\n",
    "mapping-instead-of-list": "{stem}:\n  id: x\n  name: X\n",
    "list-of-scalars": "{stem}:\n  - 1\n  - two\n",
    "null-entries": "{stem}:\n  - null\n  - ~\n",
    "duplicate-ids": "{stem}:\n  - id: dup\n    name: Dup One\n  - id: dup\n    name: Dup Two\n",
    "tab-indentation": "{stem}:\n\t- id: x\n",
    "non-utf8": "{stem}:\n  - id: cafe\n    name: Caf\xe9\n",
    "binary": "\x00\x01\x02\x89PNG",
    "integer-keys": "{stem}:\n  - {{1: 2}}\n",
    "unknown-top-level-key": "{stem}: []\nsurprise: 1\n",
}
# duplicate ids only mean something in the files whose entries have ids
_NO_IDS = {"titles", "boilerplate", "merges", "suppressions"}


def _curated_cases():
    for stem in CURATED_FILES:
        for case, text in CURATED_MISTAKES.items():
            if case == "duplicate-ids" and stem in _NO_IDS:
                continue
            yield pytest.param(stem, text, id=f"{stem}-{case}")
    for case, patterns in {
        "unclosed-group": ["([unclosed"],
        "nothing-to-repeat": ["*star"],
        "duplicate-group-name": ["(?P<x>a)(?P<x>b)"],
        "bad-escape": ["\\p{L}"],
    }.items():
        text = "lines:\n" + "".join(f"  - {json.dumps(p)}\n" for p in patterns)
        yield pytest.param("boilerplate", text, id=f"boilerplate-regex-{case}")


@pytest.fixture(scope="module")
def seeds_template(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("curated") / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def _seeds_with_only(tmp_path: Path, stem: str, raw: bytes) -> Path:
    """A small seeds folder: one good article and one curated file (the broken one), so the
    matrix of mistakes × files stays fast; the full files are broken in the next test."""
    seeds = tmp_path / "seeds"
    write_article(seeds, "good.txt", GOOD_ARTICLE)
    (seeds / "curated").mkdir()
    (seeds / "curated" / f"{stem}.yml").write_bytes(raw)
    return seeds


@pytest.mark.parametrize(("stem", "text"), list(_curated_cases()))
def test_curated_mistakes_are_problems_not_tracebacks(tmp_path: Path, stem: str, text: str):
    rel = f"curated/{stem}.yml"
    seeds = _seeds_with_only(tmp_path, stem, text.replace("{stem}", stem).encode("latin-1"))
    registry, problems = load_registry(seeds)  # must not raise
    checked = check(seeds)  # must not raise
    assert problems and checked, f"{rel}: the mistake was not reported"
    ours = [p for p in checked if p.path == rel]
    assert ours, [str(p) for p in checked]
    for problem in ours:
        assert "\n" not in str(problem) and problem.message
    assert len({str(p) for p in ours}) == len(ours), "one message per problem, no repeats"
    assert isinstance(registry, Registry)


def test_curated_mistakes_leave_the_rest_loaded(tmp_path: Path, seeds_template: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_template, seeds)
    curated = seeds / "curated"
    with (curated / "people.yml").open("a", encoding="utf-8") as f:
        f.write("  - null\n  - id: xi-jinping\n    name: Second Xi\n  - [not, a, mapping]\n")
    with (curated / "countries.yml").open("a", encoding="utf-8") as f:
        f.write("  - id: Bad Id\n    name: 7\n")
    boilerplate = (curated / "boilerplate.yml").read_text("utf-8")
    boilerplate = boilerplate.replace("\nlines:\n", "\nlines:\n  - '(unclosed'\n  - '[z-a]'\n", 1)
    (curated / "boilerplate.yml").write_text(boilerplate, encoding="utf-8")
    (curated / "titles.yml").write_bytes(b"honorifics: [Caf\xe9]\n")
    registry, problems = load_registry(seeds)
    checked = check(seeds)
    files = {p.path for p in checked}
    broken = ("people", "countries", "titles", "boilerplate")
    assert {f"curated/{stem}.yml" for stem in broken} <= files
    assert len([p for p in checked if "bad regular expression" in p.message]) == 2
    assert {str(p) for p in problems} <= {str(p) for p in checked}
    assert len({str(p) for p in checked}) == len(checked)
    # the valid entries of every broken file still load
    assert registry.get("person:xi-jinping").name == "Xi Jinping"
    assert registry.get("person:lloyd-austin") is not None
    assert registry.get("country:japan") is not None
    assert registry.boilerplate["lines"]


@pytest.mark.parametrize(
    "text",
    ["honorifics: &a [*a]\n", "a: &a [x, x]\nb: &b [*a, *a]\nranks: [*b, *b]\n"],
    ids=["recursive anchor", "alias bomb"],
)
def test_curated_yaml_aliases_are_problems_not_tracebacks(
    tmp_path: Path, seeds_template: Path, text: str
):
    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_template, seeds)
    (seeds / "curated" / "titles.yml").write_text(text, encoding="utf-8")
    _, problems = load_registry(seeds)
    assert [str(p) for p in problems] == [
        "curated/titles.yml:1: YAML anchors and aliases (& and *) are not allowed"
    ]


# =============================================================================================
# 5. Determinism and atomicity
# =============================================================================================


def test_two_builds_give_identical_records_and_pages(
    tmp_path: Path, tools: Tools, seeds_build: BuildResult
):
    again = build_seeds(SEEDS, tools)
    moved = tmp_path / "elsewhere" / "seeds"
    shutil.copytree(SEEDS, moved)
    elsewhere = build_seeds(moved, tools)  # another folder: no absolute path leaks into output
    for other in (again, elsewhere):
        assert other.records == seeds_build.records
        assert other.records_json == seeds_build.records_json
        assert other.pages == seeds_build.pages
    assert _archive(again) == _archive(seeds_build)


def test_no_wall_clock_time_in_the_output(seeds_build: BuildResult):
    # The generator never reads the clock for what it writes (timings are measured, not written).
    for source in sorted((REPO / "generator").glob("*.py")):
        if source.name in ("bench.py", "evaluate.py"):  # reports for people, not the site
            continue
        text = source.read_text("utf-8")
        for call in ("datetime.now(", "date.today(", "datetime.today(", "utcnow(", "time.time("):
            assert call not in text, f"{source.name} calls {call}"
    # The records archive has fixed timestamps, so it is byte-stable.
    with zipfile.ZipFile(io.BytesIO(_archive(seeds_build))) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    for path, text in {**seeds_build.records, **seeds_build.pages}.items():
        assert today not in text, path


def test_records_write_failure_midway_keeps_previous_records(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    old = {f"people/p{n}.yml": f"id: p{n}\n" for n in range(5)}
    write(old, out)
    new = {f"people/q{n}.yml": f"id: q{n}\n" for n in range(10)}
    real = Path.write_text
    calls = {"n": 0}

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 4:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)
    with pytest.raises(OSError, match="No space left"):
        write(new, out)
    monkeypatch.setattr(Path, "write_text", real)
    assert _tree(out) == old
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left behind


def test_records_write_interrupted_keeps_previous_records(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    old = {"people/a.yml": "id: a\n"}
    write(old, out)
    real = Path.write_text

    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_text", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write({"people/b.yml": "id: b\n"}, out)
    monkeypatch.setattr(Path, "write_text", real)
    assert _tree(out) == old


def test_records_swap_failure_restores_previous_records(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    old = {"people/a.yml": "id: a\n"}
    write(old, out)
    real = Path.rename

    def rename(self, target):
        staging = self.name.startswith(".out.") and ".old-" not in self.name
        if Path(target) == out.resolve() and staging:
            raise OSError(5, "Input/output error")  # the staging folder cannot be swapped in
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="Input/output"):
        write({"people/b.yml": "id: b\n"}, out)
    monkeypatch.setattr(Path, "rename", real)
    assert _tree(out) == old
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_records_write_killed_midway_keeps_previous_records(tmp_path: Path):
    out = tmp_path / "out"
    old = {f"people/p{n}.yml": f"id: p{n}\n" for n in range(3)}
    write(old, out)
    ready = tmp_path / "ready"
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from generator.render.records import write
        real = Path.write_text
        count = 0
        def slow(self, *args, **kwargs):
            global count
            count += 1
            if count == 5:
                Path({str(ready)!r}).write_bytes(b"")
                time.sleep(60)
            return real(self, *args, **kwargs)
        Path.write_text = slow
        write({{f"people/q{{n}}.yml": "id: q\\n" for n in range(20)}}, Path({str(out)!r}))
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert proc.poll() is None, "the writer exited before it was killed"
            assert time.monotonic() < deadline, "the writer never got halfway"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert _tree(out) == old  # the half-written records are in a hidden staging folder


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8") for p in root.rglob("*") if p.is_file()
    }


# =============================================================================================
# 6. Property-based tests
# =============================================================================================

_RULES: Rules | None = None


def _rules() -> Rules:
    global _RULES
    if _RULES is None:
        registry, _ = load_registry(SEEDS)
        _RULES = Rules.from_curated(registry.boilerplate)
    return _RULES


def _source(text: str, front_matter: dict | None = None) -> SourceFile:
    return SourceFile(
        id="prop",
        path="articles/prop.txt",
        sha256="0" * 64,
        text=text,
        body_line_offset=0,
        front_matter=front_matter or {},
    )


LINES = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(
            [
                "By Jane Doe and John Roe",
                "Tuesday 22 November 2022 09:54 GMT",
                "© 2022 Example News. All rights reserved.",
                "Read more:",
                "Share",
                "Please support our journalism; your donation helps us.",
                "U.S. Secretary of Defense Lloyd Austin met Wei Fenghe in Cambodia on Tuesday.",
                "",
                "---",
                "key: value",
            ]
        ),
    ),
    max_size=30,
)


@FAST
@given(LINES, st.one_of(st.none(), st.text(min_size=1, max_size=40)))
def test_clean_never_crashes(lines: list[str], title: str | None):
    source = _source("\n".join(lines), {"title": title} if title else {})
    article = clean(source, _rules())
    assert isinstance(article.title, str) and article.title
    for paragraph in article.paragraphs:
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
    total = len(source.text.split("\n"))
    assert all(1 <= d.line <= total for d in article.dropped)


@FAST
@given(st.text(max_size=300))
def test_slug_is_always_safe(text: str):
    s = slug(text)
    assert re.fullmatch(r"[a-z0-9-]+", s) and SAFE_ID.fullmatch(s)
    assert len(s) <= MAX_LEN and is_safe(s)
    assert slug(text) == s


@FAST
@given(
    st.lists(st.text(max_size=20), max_size=8),
    st.sets(st.text(alphabet="ab-0", min_size=1, max_size=12), max_size=30),
    st.text(max_size=40),
)
def test_unique_never_returns_a_taken_id(words: list[str], taken: set[str], disambiguator: str):
    base = slug(" ".join(words))
    taken = taken | {base, f"{base}-{'0' * 6}"}
    result = unique(base, taken, disambiguator)
    assert result not in taken
    assert result.startswith(base) and is_safe(result)
    assert unique(base, taken, disambiguator) == result
    many = set(taken)
    for n in range(5):  # five things with one slug: five ids
        many.add(unique(base, many, f"{disambiguator}{n}"))
    assert len(many) == len(taken) + 5


@FAST
@given(st.text(max_size=120))
def test_names_functions_never_crash(text: str):
    key = names.key(text)
    assert isinstance(key, frozenset) and all(isinstance(p, str) and p for p in key)
    assert names.key(text) == key
    folded = names.fold(text)
    assert names.fold(folded) == names.fold(folded)
    assert isinstance(names.looks_like_name(text), bool)
    assert isinstance(names.id_base(text), str)
    assert isinstance(names.is_full(text), bool)
    if text:
        assert names.display_choice([(text, 1), (text.upper(), 2)]) in (text, text.upper())
    assert SAFE_ID.fullmatch(slug(names.id_base(text)))


_ESCAPED = re.compile(r"(?<!\\)((?:\\\\)*)([`*_\[\](){}|#<>!~$])")


@FAST
@given(st.text(max_size=300))
def test_md_output_is_inert(text: str):
    for out in (md(text), para(text)):
        assert "<" not in out and ">" not in out
        assert "](" not in out and "{{" not in out and "{%" not in out
        assert "\n" not in out
        assert not _ESCAPED.search(out), f"unescaped special character in {out!r}"
    assert not re.match(r"[-+=>*]|\d+[.)]|#", para(text)), para(text)


@FAST
@given(st.text(max_size=200))
def test_front_matter_title_is_always_escaped(title: str):
    data = yamlio.load(front({"title": title, "search": {"boost": 1}}))
    assert data["title"] == html.escape(title, quote=False)
    assert "<" not in data["title"]


@FAST
@given(st.binary(max_size=400))
def test_decode_never_crashes(raw: bytes):
    text, note = decode(raw)
    assert isinstance(note, str)
    if text is not None:
        assert not re.search(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]", text)
        text.encode("utf-8")  # no lone surrogates


@FAST
@given(st.text(max_size=300))
def test_split_front_matter_never_crashes(text: str):
    front_matter, body, _, problem = split_front_matter(f"---\n{text}\n---\nBody\n", "a.txt")
    if problem is None:
        assert isinstance(front_matter, dict) and body.endswith("Body\n")
    else:
        assert problem.path == "a.txt" and (front_matter, body) == ({}, "")


SENTENCE = st.builds(
    "{} {} {} in {} on {}{}".format,
    st.sampled_from(["Lloyd Austin", "Wei Fenghe", "José Núñez", "Xi Jinping", "Zoë Ångström"]),
    st.sampled_from(["met", "said", "visited", "called", "criticised"]),
    st.sampled_from(["Wei Fenghe", "the minister", "Japan", "ASEAN", "officials", "习近平"]),
    st.sampled_from(["Cambodia", "Tokyo", "Riyadh", "the South China Sea", "Geneva"]),
    st.sampled_from(["Tuesday", "22 November 2022", "the next day", "March"]),
    st.one_of(st.just("."), st.text(max_size=30).map(lambda t: f" {t}.")),
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SENTENCE, min_size=1, max_size=6), st.text(max_size=40))
def test_extractor_on_generated_text(tools: Tools, sentences: list[str], noise: str):
    source = _source("Generated title\n\n" + " ".join(sentences) + f"\n\n{noise}\n")
    article = clean(source, Rules.from_curated(tools.registry.boilerplate))
    (extraction,) = extract([article], tools)
    body = article.body
    for mention in extraction.mentions:
        assert 0 <= mention.start < mention.end <= len(body)
        assert mention.label in ("person", "country", "forum", "issue", "organization")
    for quote in extraction.quotes:
        assert 0 <= quote.speaker < len(extraction.mentions)
    for event in extraction.events:
        assert all(0 <= i < len(extraction.mentions) for i in event.participants)


# =============================================================================================
# 7. The Reliability page
# =============================================================================================


def test_reliability_page_names_existing_tests():
    page = (REPO / "docs" / "reliability.md").read_text("utf-8")
    bullets: list[str] = []
    for line in page.splitlines():
        if re.match(r"^[-*] ", line):
            bullets.append(line)
        elif bullets and line.startswith("  ") and line.strip():
            bullets[-1] += " " + line.strip()  # a wrapped bullet
    assert len(bullets) >= 30
    defined = set()
    for source in (REPO / "tests").rglob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)\(", source.read_text("utf-8"), re.M))
    named = []
    for bullet in bullets:
        match = re.search(r"`(test_\w+)`\.?\s*$", bullet)
        assert match, f"the bullet does not end with a test name: {bullet}"
        named.append(match.group(1))
    missing = sorted(set(named) - defined)
    assert not missing, f"docs/reliability.md names tests that do not exist: {missing}"
    here = set(re.findall(r"^def (test_\w+)\(", Path(__file__).read_text("utf-8"), re.M))
    unlisted = sorted(here - set(named) - {"test_reliability_page_names_existing_tests"})
    assert not unlisted, f"tests not on docs/reliability.md: {unlisted}"
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_IgnoreTags)
    nav = [next(iter(item)) for item in config["nav"]]
    assert nav.index("Reliability") == nav.index("About") + 1
    assert config["nav"][nav.index("Reliability")]["Reliability"] == "reliability.md"


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name or !ENV tags; they do not matter here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
