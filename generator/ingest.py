"""Ingest: read article files from ``seeds/articles/``, decode them and split off front matter.

A file that cannot be read is reported (file name and reason) and skipped; the others go on.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import yaml

from . import yamlio
from .models import Problem, SourceFile
from .slugs import slug

ARTICLE_SUFFIXES = (".txt",)
FRONT_MATTER_KEYS = {"title", "publisher", "authors", "published", "url", "language"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def ingest(seeds: Path, max_bytes: int) -> tuple[list[SourceFile], list[Problem]]:
    """Read every article under ``seeds/articles`` in sorted order."""
    articles_dir = seeds / "articles"
    problems: list[Problem] = []
    sources: list[SourceFile] = []
    if not articles_dir.is_dir():
        return [], [Problem("articles", None, "no articles/ folder in the seeds folder")]
    taken: dict[str, str] = {}
    for path in _article_paths(articles_dir):
        rel = path.relative_to(seeds).as_posix()
        source, problem = read_article(path, rel, seeds, max_bytes)
        if problem:
            problems.append(problem)
        if source is None:
            continue
        if source.id in taken:
            problems.append(
                Problem(
                    rel, None, f"article id {source.id!r} is already used by {taken[source.id]}"
                )
            )
            continue
        taken[source.id] = rel
        sources.append(source)
    return sources, problems


def _article_paths(articles_dir: Path) -> Iterable[Path]:
    return sorted(
        (p for p in articles_dir.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES),
        key=lambda p: p.as_posix(),
    )


def read_article(
    path: Path, rel: str, seeds: Path, max_bytes: int
) -> tuple[SourceFile | None, Problem | None]:
    """Read one article; return it, or ``None`` and the reason it was skipped."""
    if path.is_symlink() and not path.resolve().is_relative_to(seeds.resolve()):
        return None, Problem(rel, None, "symbolic link pointing outside the seeds folder; skipped")
    if not path.is_file():
        return None, Problem(rel, None, "not a regular file; skipped")
    size = path.stat().st_size
    if size > max_bytes:
        return None, Problem(
            rel, None, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; skipped"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Problem(rel, None, f"cannot be read: {exc.strerror}; skipped")
    text, reason = decode(raw)
    if text is None:
        return None, Problem(rel, None, f"{reason}; skipped")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body, offset, problem = split_front_matter(text, rel)
    if problem:
        return None, problem
    if not body.strip():
        return None, Problem(rel, None, "article is empty; skipped")
    return (
        SourceFile(
            id=slug(path.stem),
            path=rel,
            sha256=hashlib.sha256(raw).hexdigest(),
            text=body,
            body_line_offset=offset,
            front_matter=front,
        ),
        None,
    )


def decode(raw: bytes) -> tuple[str | None, str]:
    """Decode UTF-8, or UTF-16/32 when a byte-order mark says so; anything else is refused."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), ""
            except UnicodeDecodeError as exc:
                return None, f"starts with a {encoding} byte-order mark but does not decode: {exc}"
    if b"\x00" in raw:
        return None, "binary file (contains NUL bytes), not text"
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, (
            f"not UTF-8 (byte 0x{raw[exc.start]:02x} on line {line}); re-save the file as UTF-8"
        )


def split_front_matter(text: str, rel: str) -> tuple[dict[str, object], str, int, Problem | None]:
    """Split an optional ``---`` YAML block off the top; validate its keys and types."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0, None
    block = match.group(1)
    offset = match.group(0).count("\n")
    try:
        data = yamlio.load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        last = block.count("\n") + 1  # the block's last line in the file
        line = min(mark.line + 2, last) if mark else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        return {}, "", 0, Problem(rel, line, f"front matter: {problem}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, "", 0, Problem(rel, 2, "front matter must be a mapping of key: value")
    lines = {key: n + 2 for n, key in _top_level_keys(block)}
    for key in sorted(data, key=str):
        if key not in FRONT_MATTER_KEYS:
            allowed = ", ".join(sorted(FRONT_MATTER_KEYS))
            return (
                {},
                "",
                0,
                Problem(
                    rel,
                    lines.get(str(key)),
                    f"front matter: unknown key {key!r} (allowed: {allowed})",
                ),
            )
    front, message, key = normalise_front_matter(data)
    if message:
        return {}, "", 0, Problem(rel, lines.get(key or ""), f"front matter: {message}")
    return front, text[match.end() :], offset, None


def _top_level_keys(block: str) -> Iterable[tuple[int, str]]:
    for n, line in enumerate(block.split("\n")):
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if m:
            yield n, m.group(1)


def normalise_front_matter(data: dict) -> tuple[dict[str, object], str | None, str | None]:
    out: dict[str, object] = {}
    for key in ("title", "publisher", "url", "language"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            return {}, f"{key!r} must be a non-empty string", key
        out[key] = " ".join(value.split())
    if "authors" in data:
        authors = data["authors"]
        if isinstance(authors, str):
            authors = [authors]
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            return {}, "'authors' must be a list of names", "authors"
        out["authors"] = [" ".join(a.split()) for a in authors if a.strip()]
    if data.get("published") is not None:
        value = data["published"]
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            out["published"] = value.isoformat()
        elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                out["published"] = date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                return {}, f"'published' is not a real date: {value!r}", "published"
        else:
            return {}, "'published' must be a date as YYYY-MM-DD", "published"
    return out, None, None
