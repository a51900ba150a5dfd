from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.ingest import decode, ingest, read_article, split_front_matter
from tests.conftest import write_article


def test_reads_articles_in_sorted_order(tmp_path: Path):
    write_article(tmp_path, "b.txt", "Second.\n")
    write_article(tmp_path, "a.txt", "First.\n")
    sources, problems = ingest(tmp_path, 10_000)
    assert [s.id for s in sources] == ["a", "b"]
    assert problems == []
    assert sources[0].path == "articles/a.txt"
    assert len(sources[0].sha256) == 64


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (
            "\u041f\u0440\u0438\u0432\u0435\u0442".encode("cp1251"),
            "not UTF-8 (byte 0xcf on line 1)",
        ),
        (b"\x00\x01binary\x00", "binary file"),
    ],
)
def test_unreadable_articles_are_reported_and_skipped(tmp_path: Path, raw: bytes, reason: str):
    write_article(tmp_path, "bad.txt", raw)
    write_article(tmp_path, "good.txt", "Fine text.\n")
    sources, problems = ingest(tmp_path, 10_000)
    assert [s.id for s in sources] == ["good"]
    assert len(problems) == 1
    assert problems[0].path == "articles/bad.txt"
    assert reason in problems[0].message


def test_utf16_with_bom_is_decoded():
    raw = codecs.BOM_UTF16_LE + "Hello Wei Fenghe".encode("utf-16-le")
    text, _ = decode(raw)
    assert text == "Hello Wei Fenghe"


def test_crlf_line_ends_are_normalised(tmp_path: Path):
    write_article(tmp_path, "crlf.txt", b"Title\r\n\r\nBody line.\r\n")
    sources, _ = ingest(tmp_path, 10_000)
    assert sources[0].text == "Title\n\nBody line.\n"


def test_oversized_article_is_skipped(tmp_path: Path):
    write_article(tmp_path, "big.txt", "word " * 1000)
    sources, problems = ingest(tmp_path, 1000)
    assert sources == []
    assert "over the 1,000-byte limit" in problems[0].message


def test_symlink_outside_seeds_is_refused(tmp_path: Path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    seeds = tmp_path / "seeds"
    (seeds / "articles").mkdir(parents=True)
    (seeds / "articles" / "link.txt").symlink_to(outside)
    source, problem = read_article(seeds / "articles" / "link.txt", "articles/link.txt", seeds, 100)
    assert source is None
    assert "outside the seeds folder" in problem.message


def test_front_matter_is_split_and_validated():
    text = "---\ntitle: A title\npublished: 2023-03-07\nauthors: [Jane Doe]\n---\nBody.\n"
    front, body, offset, problem = split_front_matter(text, "articles/x.txt")
    assert problem is None
    assert front == {"title": "A title", "published": "2023-03-07", "authors": ["Jane Doe"]}
    assert body == "Body.\n"
    assert offset == 5


@pytest.mark.parametrize(
    ("block", "line", "message"),
    [
        ("title: ok\ncolour: red\n", 3, "unknown key 'colour'"),
        ("published: yesterday\n", 2, "'published' must be a date as YYYY-MM-DD"),
        ("title: [unclosed\n", 2, "front matter:"),
        ("- a list\n", 2, "must be a mapping"),
    ],
)
def test_bad_front_matter_names_file_and_line(block: str, line: int, message: str):
    _, _, _, problem = split_front_matter(f"---\n{block}---\nBody\n", "articles/x.txt")
    assert problem is not None
    assert problem.path == "articles/x.txt"
    assert problem.line == line
    assert message in problem.message
