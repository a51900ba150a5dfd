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

from generator import dates
from generator.data import CleanArticle, DroppedLine, SourceFile

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
#: 'us' in any case but 'US', the country ('the US financier ... pledged to donate' is news)
_FIRST_PLURAL = re.compile(r"\b(we|our|(?-i:(?!US\b))us)\b", re.IGNORECASE)
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
    caption: str | None = None  # what a dropped photo caption says of the story, without credit


def clean(source: SourceFile, rules: Rules) -> CleanArticle:
    """Turn one source file into a clean article."""
    lines = _lines(source)
    _drop_by_pattern(lines, rules)
    title = _title(source, lines)
    publisher = _publisher(source, lines)
    _drop_appeals(lines, rules, publisher)
    authors, published = _byline_and_date(source, lines)
    _drop_header_labels(lines)
    _drop_author_bios(lines, authors)
    paragraphs = tuple(line.text for line in lines if line.verdict is None)
    # Captions go after the body: their names and facts count, but placed where the picture
    # stood they would cut a quotation off from the paragraph that introduces its speaker.
    paragraphs += tuple(
        dict.fromkeys(
            line.caption
            for line in lines
            if line.caption and not _older_picture(line.caption, published)
        )
    )
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
    last = ""  # the last source line, as it was wrapped
    texts = [
        " ".join(raw.replace("\u00a0", " ").replace("\u200b", "").split())
        for raw in source.text.split("\n")
    ]
    wrapped = _wrapped_blocks(texts)
    for i, text in enumerate(texts):
        n = i + 1 + source.body_line_offset
        if not text:
            previous_blank = True
            continue
        joined = i in wrapped and not _SENTENCE_STOP.search(last) and text[:1] not in "-–—•*·"
        if out and not previous_blank and (joined or _runs_on(last, text)):
            out[-1].text = f"{out[-1].text} {text}"
        else:
            out.append(_Line(n, text))
        previous_blank = False
        last = text
    return out


#: A line that ends its sentence (a stop, maybe inside a closing mark or bracket).
_SENTENCE_STOP = re.compile(r"[.!?…][\"”’)\]]*$")


def _wrapped_blocks(texts: list[str]) -> set[int]:
    """The lines (indexes) that continue the line above in a block printed hard-wrapped at any
    width, as wire copy often is ("President X and" / "Ethiopian Prime Minister Y stressed ..."):
    a block of four lines or more, without blank lines, in which sentences run on into a next
    line that starts in lower case at least twice, and at a quarter of its line breaks, its lines
    mostly 30 characters or more. A menu or a list of headlines never runs on in lower case."""
    out: set[int] = set()
    start = 0
    while start < len(texts):
        end = start
        while end < len(texts) and texts[end]:
            end += 1
        breaks = range(start + 1, end)
        running = [
            i
            for i in breaks
            if len(texts[i - 1].split()) >= 4
            and re.search(r"[\w,]$", texts[i - 1])
            and texts[i][:1].islower()
        ]
        lengths = sorted(len(texts[i]) for i in range(start, end))
        prose = bool(lengths) and lengths[len(lengths) // 2] >= 30  # no menu, no key: value
        if end - start >= 4 and prose and len(running) >= max(2, len(breaks) / 4):
            out.update(breaks)
        start = end + 1
    return out


#: A wrapped line is no longer than the line above it by more than a long word.
_WRAP_SLACK = 15


def _runs_on(text: str, following: str) -> bool:
    """A hard-wrapped paragraph: a long line with no stop at the end, and a next line that
    continues the sentence (starts in lower case, or is itself a long line rather than a menu
    item) and is no wider than it. A headline without its stop above a longer paragraph, or a
    line above one opening with a dash or a bullet (a post above its signature, a list's items),
    is a paragraph of its own: joined, a headline's unpaired quotation mark would swallow the
    next paragraph's quotation, and a post its signature and the paragraph after."""
    if re.search(r"[.!?:;…\"”’)]$", text) or len(text) < 60:
        return False
    if len(following) > len(text) + _WRAP_SLACK or following[:1] in "-–—•*·":
        return False
    return following[:1].islower() or len(following) >= 40


def _is_body_like(text: str) -> bool:
    return len(text.split()) >= 12 and bool(_SENTENCE_END.search(text))


def _drop_by_pattern(lines: list[_Line], rules: Rules) -> None:
    seen: set[str] = set()
    in_tail = False
    body_started = False
    for line in lines:
        lowered = line.text.lower()
        if in_tail:
            line.verdict = "page footer"
        elif body_started and any(p.search(line.text) for p in rules.tail_markers):
            line.verdict = "page footer"
            in_tail = True
        elif _is_navigation(line.text):
            line.verdict = "navigation"
        elif any(p.search(line.text) for p in rules.lines):
            line.verdict = "site boilerplate"
        elif any(p.search(line.text) for p in rules.captions):
            line.verdict = "photo caption or credit"
            line.caption = _caption_description(line.text, rules)
        elif lowered in seen:
            line.verdict = "repeated line"
        seen.add(lowered)
        if line.verdict is None and _is_body_like(line.text):
            body_started = True
    _drop_link_lists(lines)


_FILE_PHOTO = re.compile(r"\b(file|archive)\b", re.IGNORECASE)


def _caption_description(text: str, rules: Rules) -> str | None:
    """What a caption says before its credit ('Leaders pose at the summit in Johannesburg on
    August 23. Picture: NAME / POOL / AFP'): a sentence about the article's own story, kept as
    body text while the credit goes. None for a bare credit, a fragment, or a file photo's
    caption (an older picture: what it shows is not this story's news). The line itself is still
    reported as dropped, for its credit."""
    if _FILE_PHOTO.search(text):
        return None
    start = min(m.start() for p in rules.captions if (m := p.search(text)))
    described = _ICON_LABEL.sub("", text[:start]).rstrip(" -–—|(")
    if len(described.split()) < 8 or not _SENTENCE_END.search(described):
        return None
    if not any(w not in _LABEL_WORDS for w in re.findall(r"\b[a-z]{4,}\b", described)):
        return None  # a label ('Minister of National Defense General X'): names and titles only
    return described


#: Lower-case words a caption that only labels its picture with names and titles may hold.
_LABEL_WORDS = {
    "with",
    "from",
    "into",
    "their",
    "this",
    "that",
    "left",
    "right",
    "centre",
    "center",
}
_ICON_LABEL = re.compile(r"^(?:\w+ )?icon\s+", re.IGNORECASE)  # 'Camera Icon', an image's label
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _older_picture(caption: str, published: str | None) -> bool:
    """A caption that names a year before the article's shows an older picture."""
    years = [int(m.group()) for m in _YEAR.finditer(caption)]
    return bool(published and years and min(years) < int(published[:4]))


_SEPARATORS = re.compile(r"\s(?:\||·|›|»|•)\s")


def _is_navigation(text: str) -> bool:
    """'Home | Politics | Business', 'News · Analysis · Caucasus': menus and section bars."""
    parts = _SEPARATORS.split(text)
    if len(parts) < 3 or dates.looks_like_dateline(text):
        return False
    return all(len(p.split()) <= 5 for p in parts)


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


_CORPORATE = re.compile(
    r"(?:,?\s+(?:LLC|Ltd\.?|Limited|Inc\.?|plc|GmbH|S\.A\.|Media|Group|Holdings|Company|Co\.))+$"
)


def _publisher(source: SourceFile, lines: list[_Line]) -> str | None:
    """Front matter, else the notification banner's or masthead's name, else the copyright
    holder (without 'Media Ltd'), else a wire credit."""
    given = source.front_matter.get("publisher")
    if isinstance(given, str):
        return given
    for line in lines:
        match = _NOTIFICATIONS.search(line.text)
        if line.verdict is not None and match:
            prefix = "The " if re.search(r"from the ", line.text, re.IGNORECASE) else ""
            return _typographic(prefix + match.group("name").strip(" ."))
    masthead = _masthead(lines)
    if masthead:
        return masthead
    for line in lines:
        if line.verdict is None:
            continue
        match = _COPYRIGHT.search(line.text)
        if match and _copyright_name_ok(match.group("name")):
            name = _CORPORATE.sub("", match.group("name").strip(" .,"))
            return _typographic(name.strip(" ,"))
    for line in lines[:12]:
        match = _WIRE_CREDIT.search(line.text)
        if match:
            return match.group("name")
    return None


def _masthead(lines: list[_Line]) -> str | None:
    """The site's name on the first line of the page, when the headline comes later."""
    first = next((line for line in lines if line.verdict in (None, "navigation", "title")), None)
    if first is None or first.verdict == "title":
        return None  # the page starts with its headline: no masthead
    name = re.split(r"\s+[|·›]\s+", first.text)[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 5 or re.search(r"[.!?:]$", name) or dates.looks_like_dateline(name):
        return None
    small = {"of", "the", "and", "for", "on", "in", "&"}
    if not all(w[:1].isupper() or not w[:1].isalpha() or w in small for w in words):
        return None
    first.verdict = first.verdict or "masthead"
    shouting = name.isupper() and len(name) > 4 and all(w.isalpha() for w in words)
    return name.title() if shouting else name


def _copyright_name_ok(name: str) -> bool:
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
    """The headline: among the header lines, the one that reads like a headline and sits where
    headlines sit — right above the byline, the dateline or the standfirst."""
    given = source.front_matter.get("title")
    header = _header(lines)
    if isinstance(given, str):
        for line in header:
            if line.text.lower() == given.lower():
                line.verdict = "title"
        return given
    best: tuple[int, int] | None = None
    kept = [line for line in lines if line.verdict is None]
    for index, line in enumerate(header):
        words = line.text.split()
        if not 3 <= len(words) <= 24 or re.search(r"[.;:,]$", line.text) or line.text.isupper():
            continue
        if dates.looks_like_dateline(line.text) or _SEPARATORS.search(line.text):
            continue
        if re.match(
            r"^(from|by|published|updated|posted|source|filed|date|tags?|topics?)\s*:",
            line.text,
            re.IGNORECASE,
        ):
            continue  # a label line: "From: ...", "Updated: ..."
        position = kept.index(line)
        after = [k.text for k in kept[position + 1 : position + 3]]
        score = 1
        if _byline_names(line.text) is not None:
            score -= 3  # reads like a list of names: a byline, not a headline
        if after and _byline_names(after[0]) is not None:
            score += 3
        elif (after and dates.looks_like_dateline(after[0])) or (
            len(after) > 1 and dates.looks_like_dateline(after[1])
        ):
            score += 2
        elif after and re.search(r"[.!?]$", after[0]) and len(after[0].split()) >= 8:
            score += 2  # a standfirst follows
        elif after and len(after[0].split()) >= max(10, len(words) + 4):
            score += 2  # a standfirst without its full stop, as many sites print it
        if len(after) > 1 and len(after[0].split()) >= 10 and _byline_or_date(after[1]):
            score += 3  # a standfirst, then the byline
        if len(words) >= 4:
            score += 1
        if best is None or score > best[0]:
            best = (score, index)
    if best is None:
        fallback = next(
            (h for h in header if len(h.text.split()) <= 30 and not re.search(r"[.;:]$", h.text)),
            None,
        )
        if fallback is None:
            return source.id
        fallback.verdict = "title"
        return _without_date_stamp(fallback.text)
    header[best[1]].verdict = "title"
    return _without_date_stamp(header[best[1]].text)


#: A scraper's date stamp glued before the headline: "date 2021-10-05 Southern Africa: ...".
_DATE_STAMP = re.compile(
    r"^\s*(?:date|published|updated|posted)\s*:?\s*(?:19|20)\d{2}-\d{2}-\d{2}\s+", re.IGNORECASE
)


def _without_date_stamp(title: str) -> str:
    """The headline without a date stamp before it (the date is read from the line apart)."""
    rest = _DATE_STAMP.sub("", title, count=1).strip()
    return rest if len(rest.split()) >= 2 else title.strip()


def _byline_or_date(text: str) -> bool:
    return _byline_names(text) is not None or dates.looks_like_dateline(text)


def _header(lines: list[_Line]) -> list[_Line]:
    """Kept lines before the body: the first dozen, up to the second body-like paragraph (a
    standfirst may stand between the headline and the byline)."""
    out = []
    body_like = 0
    for line in lines:
        if line.verdict is not None:
            continue
        if _is_body_like(line.text):
            body_like += 1
            if body_like == 2 or len(out) >= 12:
                break
        out.append(line)
    return out


def _byline_and_date(source: SourceFile, lines: list[_Line]) -> tuple[tuple[str, ...], str | None]:
    """Read byline and printed date from the header: the lines before the first body paragraph."""
    authors: list[str] = list(source.front_matter.get("authors", []) or [])  # type: ignore[arg-type]
    published = source.front_matter.get("published")
    title_index = next((i for i, line in enumerate(lines) if line.verdict == "title"), -1)
    header = _header(lines)
    date_lines = [line for line in header if dates.looks_like_dateline(line.text)]
    for line in date_lines:
        printed = dates.parse_printed_date(line.text)
        if printed and not published:
            published = printed
        line.verdict = "dateline"
    if not source.front_matter.get("published"):
        published = _labelled_or(published, header)
    if not published:  # a date at the head of the text, then one in the page's address
        # the headline too: a scraped page may print the date on the headline's own line
        kept = [line for line in lines if line.verdict in (None, "title")][:3]
        found = (dates.leading_date(line.text) for line in kept)
        published = next((d for d in found if d), None) or dates.date_in_url(
            str(source.front_matter.get("url") or "")
        )
    for index, line in enumerate(header):
        if line.verdict is not None:
            continue
        names = _byline_names(line.text)
        if names is None:
            continue
        explicit = bool(_BY_PREFIX.match(line.text))
        near_date = any(abs(index - header.index(d)) <= 1 for d in date_lines)
        after_title = title_index >= 0 and lines.index(line) == title_index + 1
        if explicit or near_date or after_title:
            line.verdict = "byline"
            if not source.front_matter.get("authors"):
                authors.extend(names)
    return tuple(dict.fromkeys(authors)), published if isinstance(published, str) else None


def _labelled_or(printed: str | None, header: list[_Line]) -> str | None:
    """A date the header labels "Published" wins over an unlabelled one (a site's header often
    prints today's date); so does one labelled "Updated" that is earlier than it, since a page
    is never published after its last update."""
    labelled = [found for line in header if (found := dates.labelled_date(line.text))]
    published = next((day for label, day in labelled if label == "published"), None)
    if published:
        return published
    updated = min((day for _, day in labelled), default=None)
    if updated and (printed is None or updated < printed):
        return updated
    return printed


_NOT_NAMES = re.compile(
    r"\b(staff|report|reports|bureau|desk|editors?|team|correspondents?|agency|news|reporters?|"
    r"newsroom|wire|services?|press)\b",
    re.IGNORECASE,
)


#: A line ending with a verb of saying and a colon introduces the words below it.
_INTRODUCES = re.compile(
    r"\b(?:said|says|say|wrote|writes|tweeted|tweets|posted|posts|added|adds|stated|states|"
    r"declared|shared|announced|noted|replied|responded|told \w+)\s*:$",
    re.IGNORECASE,
)


def _drop_header_labels(lines: list[_Line]) -> None:
    """Short lines above the body that are not the headline, byline or date: section labels and
    kickers ("ANALYSIS", "Press release", "Senior Fellow, Maritime Security Program"). A line
    introducing what someone said below it ("Modi tweeted:") is body: the post needs it."""
    for line in _header(lines):
        if _is_body_like(line.text) or line.verdict is not None or _INTRODUCES.search(line.text):
            continue
        if len(line.text.split()) <= 5 and not re.search(r"[.!?\"”]$", line.text):
            line.verdict = "section label"


def _drop_author_bios(lines: list[_Line], authors: tuple[str, ...]) -> None:
    """'Jonathan Reyes is a former State Department official ...': about the author, not news."""
    for line in lines:
        if line.verdict is None and any(
            re.match(rf"{re.escape(author)}\s+(is|was|has|writes|covers|reports)\b", line.text)
            for author in authors
        ):
            line.verdict = "author bio"


def _byline_names(text: str) -> list[str] | None:
    stripped = _BY_PREFIX.sub("", text).strip()
    # "Ana Ribeiro in Rio de Janeiro and Tom Whitcombe in London"
    stripped = re.sub(r"\s+in\s+[A-Z][\w'.-]*(?:\s+(?:de|da|do|[A-Z][\w'.-]*))*", "", stripped)
    if len(stripped.split()) > 12:
        return None
    match = _BYLINE.match(stripped)
    if not match:
        return None
    names = re.split(r"\s*(?:,|\band\b|&)\s*", match.group("names"))
    found = [n.strip() for n in names if len(n.split()) >= 2 and not _NOT_NAMES.search(n)]
    return found or None
