"""Robustness of front matter: YAML that is refused, text that only looks like front matter,
and property tests of decoding and splitting (``docs/reliability.md``, parts 2 and 6).
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.clean import Rules, clean
from generator.ingest import decode, split_front_matter
from generator.render.escape import para
from tests.robustness import BILLION_LAUGHS, FAST, ingest_one


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
        sources, problems = ingest_one(tmp_path / str(n), "bomb.txt", f"---\n{block}---\nBody.\n")
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
