"""Clean: split a raw article into title, byline, date, publisher and body; drop boilerplate.

Scraped text arrives one paragraph a line with the site's furniture around it. Lines are judged by
features that hold across sites — curated patterns (``seeds/curated/boilerplate.yml``), photo-credit
markers, reader-appeal vocabulary, the page footer after a tail marker — never by a list of one
site's sentences. HTML-oriented extractors (trafilatura, jusText) need the page's markup, which these
files no longer have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import dates
from .models import CleanArticle, DroppedLine, SourceFile

_NAME_WORD = r"(?:[A-Z][\w'’.\-]*|de|da|van|von|al|bin|el|la|le|du|dos)"
_BYLINE = re.compile(
    rf"^(?:by\s+)?(?P<names>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})*)"
    r"(?:\s*[,|–—-]\s*(?P<org>[A-Z][\w.&' ]{1,40}))?$"
)
_BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$|[\"”]$")
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)\s*,?\s*"
    r"(?P<name>[^|]+?)\s*(?:[.|]|all rights reserved|$)",
    re.IGNORECASE,
)
_NOTIFICATIONS = re.compile(r"notifications from\s+(?:the\s+)?(?P<name>.+?)\s*$", re.IGNORECASE)
_WIRE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z .,'-]{1,60}\((?P<name>Reuters|AP|AFP|Xinhua|Yonhap|Kyodo|Bloomberg)\)\s*[-–—]"
)
_FIRST_PLURAL = re.compile(r"\b(we|our|us)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(you|your)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate rules from the curated file."""

    lines: tuple[re.Pattern[str], ...]
    tail_markers: tuple[re.Pattern[str], ...]
    captions: tuple[re.Pattern[str], ...]
    appeal_words: tuple[str, ...]

    @classmethod
    def from_curated(cls, data: dict[str, list[str]]) -> Rules:
        def compiled(key: str) -> tuple[re.Pattern[str], ...]:
            return tuple(re.compile(p, re.IGNORECASE) for p in data.get(key, []))

        words = tuple(w.lower() for w in data.get("appeal_words", []))
        return cls(compiled("lines"), compiled("tail_markers"), compiled("captions"), words)


@dataclass
class _Line:
    number: int  # 1-based line in the source file
    text: str
    verdict: str | None = None  # None: keep; else the reason it was dropped


def clean(source: SourceFile, rules: Rules) -> CleanArticle:
    """Turn one source file into a clean article."""
    lines = _lines(source)
    _drop_by_pattern(lines, rules)
    publisher = _publisher(source, lines)
    _drop_appeals(lines, rules, publisher)
    title = _title(source, lines)
    authors, published = _byline_and_date(source, lines)
    paragraphs = tuple(line.text for line in lines if line.verdict is None)
    dropped = tuple(
        DroppedLine(line.number, line.text, line.verdict)
        for line in lines
        if line.verdict and line.verdict != "title"
    )
    return CleanArticle(
        source=source,
        title=title,
        publisher=publisher,
        authors=authors,
        published=published,
        paragraphs=paragraphs,
        dropped=dropped,
    )


def _lines(source: SourceFile) -> list[_Line]:
    """Non-empty lines; a hard-wrapped paragraph (a long line running on without a stop into
    the next line) is joined back into one."""
    out: list[_Line] = []
    previous_blank = True
    for n, raw in enumerate(source.text.split("\n"), start=1 + source.body_line_offset):
        text = " ".join(raw.replace("\u00a0", " ").replace("\u200b", "").split())
        if not text:
            previous_blank = True
            continue
        if out and not previous_blank and _runs_on(out[-1].text):
            out[-1].text = f"{out[-1].text} {text}"
        else:
            out.append(_Line(n, text))
        previous_blank = False
    return out


def _runs_on(text: str) -> bool:
    return len(text) >= 60 and not re.search(r"[.!?:;…\"”’)]$", text)


def _is_body_like(text: str) -> bool:
    return len(text.split()) >= 12 and bool(_SENTENCE_END.search(text))


def _drop_by_pattern(lines: list[_Line], rules: Rules) -> None:
    seen: set[str] = set()
    in_tail = False
    for line in lines:
        lowered = line.text.lower()
        if in_tail:
            line.verdict = "page footer"
        elif any(p.search(line.text) for p in rules.tail_markers):
            line.verdict = "page footer"
            in_tail = True
        elif any(p.search(line.text) for p in rules.lines):
            line.verdict = "site boilerplate"
        elif any(p.search(line.text) for p in rules.captions):
            line.verdict = "photo caption or credit"
        elif lowered in seen:
            line.verdict = "repeated line"
        seen.add(lowered)
    _drop_link_lists(lines)


def _drop_link_lists(lines: list[_Line]) -> None:
    """Headlines listed after a 'Read more' / 'Related:' line are other articles, not this one."""
    after_marker = False
    for line in lines:
        if line.verdict == "site boilerplate" and re.match(
            r"^(read more|see more|more stories|more news|related|see also|also read|read also)",
            line.text,
            re.IGNORECASE,
        ):
            after_marker = True
            continue
        if after_marker and line.verdict is None:
            if _is_body_like(line.text):
                after_marker = False
            else:
                line.verdict = "list of other articles"


def _publisher(source: SourceFile, lines: list[_Line]) -> str | None:
    given = source.front_matter.get("publisher")
    if isinstance(given, str):
        return given
    for line in lines:
        if line.verdict is None:
            continue
        for pattern in (_COPYRIGHT, _NOTIFICATIONS):
            match = pattern.search(line.text)
            if match and _COPYRIGHT_NAME_OK(match.group("name")):
                name = match.group("name").strip(" .,")
                if pattern is _NOTIFICATIONS and line.text.lower().find("from the ") >= 0:
                    name = "The " + name
                return _typographic(name)
    for line in lines[:12]:
        match = _WIRE_CREDIT.search(line.text)
        if match:
            return match.group("name")
    return None


def _COPYRIGHT_NAME_OK(name: str) -> bool:
    return 2 <= len(name.strip()) <= 80 and bool(re.search(r"[A-Za-z]", name))


def _typographic(name: str) -> str:
    """A spaced hyphen between words is a dash: 'IRIA - International ...' → 'IRIA – International ...'."""
    return re.sub(r"(?<=\w) - (?=\w)", " – ", name)


def _drop_appeals(lines: list[_Line], rules: Rules, publisher: str | None) -> None:
    publisher_names = _publisher_names(publisher)
    previous_appeal = False
    for line in lines:
        if line.verdict is not None:
            previous_appeal = line.verdict.startswith("reader appeal") or (
                previous_appeal and line.verdict == "site boilerplate"
            )
            if line.verdict == "site boilerplate" and re.match(r"^your support", line.text, re.I):
                previous_appeal = True
            continue
        lowered = line.text.lower()
        hits = sum(1 for w in rules.appeal_words if w in lowered)
        names_self = any(name in lowered for name in publisher_names)
        speaks = bool(_SECOND_PERSON.search(line.text) or _FIRST_PLURAL.search(line.text))
        appeal = (
            hits >= 2
            or (hits >= 1 and (speaks or names_self))
            or (names_self and bool(_FIRST_PLURAL.search(line.text)))
            or (
                previous_appeal
                and bool(_SECOND_PERSON.search(line.text))
                and len(line.text.split()) < 30
            )
        )
        if appeal:
            line.verdict = "reader appeal"
        previous_appeal = appeal


def _publisher_names(publisher: str | None) -> list[str]:
    if not publisher:
        return []
    names = {publisher.lower()}
    bare = re.sub(r"^the\s+", "", publisher.lower())
    if len(bare) > 3:
        names.add(bare)
    short = re.split(r"\s+[–-]\s+", publisher)[0].lower()
    if len(short) >= 3:
        names.add(short)
    return sorted(names)


def _title(source: SourceFile, lines: list[_Line]) -> str:
    given = source.front_matter.get("title")
    for line in lines:
        if line.verdict is not None:
            continue
        if isinstance(given, str):
            if line.text.lower() == given.lower():
                line.verdict = "title"
            break
        if len(line.text.split()) <= 30 and not re.search(r"[.;:]$", line.text):
            line.verdict = "title"
            return line.text
        break
    if isinstance(given, str):
        return given
    return source.id


def _byline_and_date(source: SourceFile, lines: list[_Line]) -> tuple[tuple[str, ...], str | None]:
    """Read byline and printed date from the header: the lines before the first body paragraph."""
    authors: list[str] = list(source.front_matter.get("authors", []) or [])  # type: ignore[arg-type]
    published = source.front_matter.get("published")
    header = []
    for line in lines:
        if line.verdict is None and _is_body_like(line.text):
            break
        if line.verdict is None:
            header.append(line)
    date_lines = [line for line in header if dates.looks_like_dateline(line.text)]
    for line in date_lines:
        printed = dates.parse_printed_date(line.text)
        if printed and not published:
            published = printed
        line.verdict = "dateline"
    for index, line in enumerate(header):
        if line.verdict is not None:
            continue
        names = _byline_names(line.text)
        if names is None:
            continue
        explicit = bool(_BY_PREFIX.match(line.text))
        near_date = any(abs(index - header.index(d)) <= 1 for d in date_lines)
        if explicit or near_date:
            line.verdict = "byline"
            if not source.front_matter.get("authors"):
                authors.extend(names)
    return tuple(dict.fromkeys(authors)), published if isinstance(published, str) else None


def _byline_names(text: str) -> list[str] | None:
    stripped = _BY_PREFIX.sub("", text).strip()
    if len(stripped.split()) > 12:
        return None
    match = _BYLINE.match(stripped)
    if not match:
        return None
    names = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))
    return [n.strip() for n in names if len(n.split()) >= 2]
