"""Robustness of reading articles: unreadable, oversized, odd and unsafe files are reported
and skipped, and every other article still builds (``docs/reliability.md``, part 1).
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator import yamlio
from generator.clean import Rules, clean
from generator.cli import main as cli_main
from generator.config import DEFAULT_MAX_ARTICLE_BYTES
from generator.curated.check import check
from generator.extract import Tools
from generator.ingest import ingest, read_article
from tests.conftest import REPO, make_seeds, write_article
from tests.robustness import (
    GOOD_ARTICLE,
    add_bad_articles,
    build_seeds,
    by_path,
    good_articles,
    ingest_one,
)


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


def test_article_over_the_size_limit_is_skipped(tmp_path: Path, monkeypatch):
    seeds = tmp_path / "seeds"
    write_article(seeds, "good.txt", GOOD_ARTICLE)
    big = seeds / "articles" / "huge.txt"
    with big.open("wb") as f:  # 20 MB of plausible text
        line = b"The minister met officials in Tokyo on Tuesday, a statement said.\n"
        f.write(line * (20 * 1024 * 1024 // len(line) + 1))
    read = Path.read_bytes
    opened: list[str] = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: opened.append(self.name) or read(self))
    sources, problems = ingest(seeds, DEFAULT_MAX_ARTICLE_BYTES)
    assert "huge.txt" not in opened and "good.txt" in opened  # refused on its size, not read
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
    seeds = make_seeds(
        tmp_path, {"long.txt": f"Patrol budget rises\n\n{line}\n", **good_articles()}
    )
    result = build_seeds(seeds, tools)  # its time is the benchmark's business, not a test's
    assert result.problems == []
    assert "articles/long.yml" in result.records and "articles/good.yml" in result.records
    assert "countries/japan.yml" in result.records  # the long line was read, not dropped
    record = yamlio.load(result.records["articles/long.yml"])
    assert record["title"] == "Patrol budget rises"


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
    seeds = make_seeds(tmp_path, good_articles())
    bad = add_bad_articles(seeds, tmp_path)
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
    seeds = make_seeds(tmp_path, good_articles())
    bad = add_bad_articles(seeds, tmp_path)
    problems = check(seeds)
    assert {p.path for p in problems} == set(bad)
    assert cli_main(["check", "--seeds", str(seeds)]) == 1
    out = capsys.readouterr().out
    for rel in bad:
        assert rel in out
    # A warning alone (Windows-1252 decoded) is printed but does not fail `check`; it does fail
    # `mkdocs build --strict` (see test_mkdocs_strict_build_fails_on_bad_articles).
    latin = make_seeds(tmp_path / "latin", {"latin.txt": "Café in Paris.\n", **good_articles()})
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
    bad = add_bad_articles(project / "seeds", tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "86400"}

    def mkdocs(site: Path, *options: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *options, "-d", str(site)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    failed = mkdocs(tmp_path / "failed", "--strict")
    assert failed.returncode != 0
    for rel, reason in bad.items():
        assert re.search(
            rf"WARNING\s+-\s+{re.escape(rel)}\S*: .*{re.escape(reason)}", failed.stderr
        ), rel
    output = failed.stdout + failed.stderr
    assert "Aborted with" in output and "Traceback" not in output

    # Without --strict the same project builds every other article, and no wall-clock time gets
    # into the site: MkDocs dates the sitemap (and the .gz header) from SOURCE_DATE_EPOCH, the
    # records archive has fixed timestamps, and nothing else is dated.
    site = tmp_path / "site"
    ok = mkdocs(site)
    assert ok.returncode == 0, ok.stderr[-4000:]
    assert (site / "people/wei-fenghe/index.html").is_file()
    assert (site / "articles/latin/index.html").is_file()  # decoded with a warning, and built
    assert not (site / "articles/cyrillic").exists()
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    # every page of the sitemap carries SOURCE_DATE_EPOCH's day (mkdocs.yml sets site_url)
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"1970-01-02"}
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
