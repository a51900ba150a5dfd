"""Ingest: read article files from ``seeds/articles/``, decode them and split off front matter.

A file that cannot be read is reported (file name and reason) and skipped; the others go on.

- Text is UTF-8, or UTF-16/32 with a byte-order mark. Text that is not UTF-8 but reads as
  plausible Windows-1252 (Latin-1) text is decoded with a warning; anything else is refused.
- NUL bytes, or many control characters, mean a binary file; a few stray control characters in
  text are removed. Line ends are normalised to ``\n``.
- Files over the size limit, file names that could break a page (control characters, backticks,
  bytes that are not UTF-8), and links that lead outside the seeds folder are refused.
- Front matter is a plain YAML mapping at the very top; YAML anchors and aliases are refused, so
  an alias bomb cannot expand.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import yaml

from generator import yamlio
from generator.data import Problem, SourceFile
from generator.slugs import slug

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
#: Control characters that have no place in article text (tab, line ends, form feed and vertical
#: tab are whitespace and stay).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
#: More control characters than this share of the text means a binary file.
_BINARY_SHARE = 0.01
#: Characters refused in an article's file name: they could end the code span or the table row
#: the path is printed in, or reorder the text around it (bidi controls).
_UNSAFE_NAME = re.compile(r"[`\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: A valid multi-byte UTF-8 sequence (in a file that as a whole is not UTF-8).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def ingest(seeds: Path, max_bytes: int) -> tuple[list[SourceFile], list[Problem]]:
    """Read every article under ``seeds/articles`` in sorted order."""
    articles_dir = seeds / "articles"
    problems: list[Problem] = []
    sources: list[SourceFile] = []
    if not articles_dir.is_dir():
        return [], [Problem("articles", None, "no articles/ folder in the seeds folder")]
    taken: dict[str, str] = {}
    root = seeds.resolve()  # once: resolving it for every file was half of ingest's time
    for path in _article_paths(articles_dir):
        rel = path.relative_to(seeds).as_posix()
        source, problem = read_article(path, rel, root, max_bytes)
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
    """Read one article; return it, or ``None`` and the reason it was skipped.

    A file that is read but needed a fallback (Windows-1252) comes back with a warning Problem.
    """
    shown = printable_path(rel)
    if shown != rel or _UNSAFE_NAME.search(rel):
        return None, Problem(
            shown,
            None,
            "file name holds characters a page cannot show safely (control characters, "
            "backticks, bidi controls or bytes that are not UTF-8); rename it; skipped",
        )
    try:
        target = path.resolve()
        inside = target.is_relative_to(seeds.resolve()) or target.is_relative_to(
            (seeds / "articles").resolve()
        )
    except (OSError, RuntimeError):  # a symlink loop
        return None, Problem(rel, None, "symbolic link that cannot be resolved (a loop?); skipped")
    if not inside:
        return None, Problem(rel, None, "symbolic link pointing outside the seeds folder; skipped")
    if not path.is_file():
        what = "broken symbolic link" if path.is_symlink() else "not a regular file"
        return None, Problem(rel, None, f"{what}; skipped")
    try:
        size = path.stat().st_size
        raw = b"" if size > max_bytes else path.read_bytes()
    except OSError as exc:
        return None, Problem(rel, None, f"cannot be read: {exc.strerror or exc}; skipped")
    size = max(size, len(raw))  # the file may have grown since stat
    if size > max_bytes:
        return None, Problem(
            rel, None, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; skipped"
        )
    text, reason = decode(raw)
    if text is None:
        return None, Problem(rel, None, f"{reason}; skipped")
    warning = Problem(rel, None, reason, severity="warning") if reason else None
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
        warning,
    )


def printable_path(rel: str) -> str:
    """``rel`` with bytes that were not UTF-8 (surrogate escapes) shown as ``\\xNN``."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return rel


def decode(raw: bytes) -> tuple[str | None, str]:
    """Decode an article's bytes: ``(text, note)``, or ``(None, reason)`` when refused.

    UTF-8, or UTF-16/32 when a byte-order mark says so. Bytes that are not UTF-8 are decoded as
    Windows-1252 only when the result reads as Latin-script text (see ``plausible_cp1252``); the
    note then says so, and the caller reports it as a warning. Control characters: many mean a
    binary file, a few are removed.
    """
    note = ""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                return None, f"starts with a {encoding} byte-order mark but does not decode: {exc}"
            break
    else:
        if b"\x00" in raw:
            return None, "binary file (contains NUL bytes), not text"
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            where = f"byte 0x{raw[exc.start]:02x} on line {line}"
            fallback = plausible_cp1252(raw)
            if fallback is None:
                return None, (
                    f"not UTF-8 ({where}) and not readable as Windows-1252 (Latin-1) text either; "
                    "re-save the file as UTF-8"
                )
            text = fallback
            note = (
                f"not UTF-8 ({where}); decoded as Windows-1252 (Latin-1), which reads as "
                "plausible text; re-save the file as UTF-8 to silence this warning"
            )
    controls = len(_CONTROL.findall(text))
    if controls and (controls > _BINARY_SHARE * len(text) or "\x00" in text):
        return None, f"binary file ({controls:,} control characters), not text"
    if controls:
        text = _CONTROL.sub("", text)
    return text.replace("\x85", "\n"), note


def plausible_cp1252(raw: bytes) -> str | None:
    """``raw`` decoded as Windows-1252 when that reads as Latin-script text, else ``None``.

    The rule, on bytes that are not UTF-8:

    - every byte is defined in Windows-1252, so the text holds no C1 control characters;
    - no byte sequence in it is valid multi-byte UTF-8 (that would be a file of mixed encodings,
      which no single decoding reads right);
    - letters are mostly ASCII (at least 70 %), and the non-ASCII ones mostly sit inside words;
    - Windows-1252 punctuation and symbols are a small share of the text.

    Latin-1 French, German, Spanish or English passes; Cyrillic or Greek in a Windows code page,
    Shift-JIS, UTF-16 without a byte-order mark and binary data do not.
    """
    if _UTF8_SEQUENCE.search(raw):
        return None
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = non_ascii_letters = isolated = symbols = visible = 0
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        visible += 1
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if not ch.isalpha():
            symbols += 1
            continue
        letters += 1
        non_ascii_letters += 1
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        isolated += not (before.isalpha() or after.isalpha())
    if letters == 0 or non_ascii_letters > 0.3 * letters:
        return None
    if isolated > 1 + 0.5 * non_ascii_letters:
        return None
    if symbols > min(letters, 5 + 0.05 * visible):
        return None
    return text


def split_front_matter(text: str, rel: str) -> tuple[dict[str, object], str, int, Problem | None]:
    """Split an optional ``---`` YAML block off the top; validate its keys and types."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0, None
    block = match.group(1)
    offset = match.group(0).count("\n")
    try:
        refused = yamlio.structure_problem(block, first_line=2)
        if refused is not None:
            return {}, "", 0, Problem(rel, refused[0] + 2, f"front matter: {refused[1]}")
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
