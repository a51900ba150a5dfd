"""Embedded posts: a tweet (or a post on X, Bluesky, Threads, Mastodon) pasted into an article.

Sites render an embed as its text followed by a signature line, or under a header line:

    Productive discussions with my partners ... pic.twitter.com/xQ7dLm2Pzk
    — Antony Blinken (@SecBlinken) March 4, 2023

    Antony Blinken @SecBlinken · Mar 4, 2023
    Productive discussions with my partners ...

A post may also follow a line that introduces it ("After the meeting, Bale posted on X:", "Bale's
post on X read:"), printed without quotation marks, below it or after the colon on the same line.

The post's text is the paragraph beside the signature, header or introduction (links and "pic.twitter.com"
stubs dropped); its author is the person named there. A post signed by an account that is not a
person ("— NATO (@NATO)") or by a bare handle has no speaker and is not read as a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.data import Mention

_HANDLE = r"\(?@(?P<handle>[A-Za-z0-9_](?:[\w.]{0,38}\w)?)\)?"
_NAME = r"(?P<name>[^@()\n·•|—–]{2,80}?)"
_ON = r"(?:\s+on\s+(?:X|Twitter|Bluesky|Threads|Mastodon))?"
_TAIL = r"(?P<tail>[\w\s,.:·•|/-]{0,50})"
#: "— Name (@handle) March 4, 2023", alone on its line or closing the post's own paragraph.
_SIGNATURE = re.compile(rf"(?:^|\s)(?:—|–|--|-(?=\s))\s*{_NAME}\s*{_ON}\s*{_HANDLE}{_TAIL}$")
#: "Name (@handle) March 4, 2023" without the dash, on its own line, dated (a header has no
#: brackets round the handle and a "·" before the date).
_BARE = (
    rf"{_NAME}{_ON}\s*\(@(?P<handle>\w{{1,40}})\)\s*,?\s*(?P<tail>(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?)[\w\s,.:]{0,30})$"
)
_BARE_SIGNATURE = re.compile(rf"^{_BARE}")
#: The same signature after the post's last sentence, on the post's own line, with a full date
#: (the page's next sentence may follow on that line), its name capitalised words only, so that
#: no sentence of the post is taken for it: "… in Beijing. Senator Jane Doe
#: (@SenatorDoe) November 6, 2023 Doe said…" (an embed whose line breaks were lost).
_BARE_AFTER_SENTENCE = re.compile(
    r"(?<=[.!?…”\"])\s+(?P<name>[A-Z][\w’'.-]*(?:\s+(?:[a-z]{1,3}\s+)*[A-Z][\w’'.-]*){0,5})"
    rf"{_ON}\s*\(@(?P<handle>\w{{1,40}})\)\s*,?\s*"
    r"(?P<tail>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
    r"(?=\s+[A-Z]|\s*$)"
)
#: "Name @handle · Mar 4" (the post follows); the name may stand on the line before.
_HEADER = re.compile(rf"^(?:{_NAME}\s*)?{_HANDLE}\s*(?:[·•]\s*(?P<tail>[\w\s,.:/-]{{1,40}}))?$")
_LINK = re.compile(r"(?:pic\.twitter\.com|https?://|t\.co/|www\.)\S*")
_QUOTES = "“”\"‘’'"
#: A post's text is at most this long (X allows 280 characters; long posts and threads more).
MAX_POST_CHARS = 4000


@dataclass(frozen=True)
class Post:
    """An embedded post: the range of its text in the body, the text, and its author."""

    start: int
    end: int
    text: str
    speaker: int  # index into the article's mentions


def find_posts(text: str, mentions: list[Mention]) -> list[Post]:
    """Every embedded post in the body whose signature or header names a person."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    people = [(i, m) for i, m in enumerate(mentions) if m.label == "person"]
    out: list[Post] = []
    for k, (start, end) in enumerate(paragraphs):
        line = text[start:end]
        post = (
            _signed(text, paragraphs, k, line, people)
            or _headed(text, paragraphs, k, line, people)
            or _introduced(text, paragraphs, k, line, people)
        )
        if post is not None and not any(p.start == post.start for p in out):
            out.append(post)
    return out


def _signed(
    text: str,
    paragraphs: list[tuple[int, int]],
    k: int,
    line: str,
    people: list[tuple[int, Mention]],
) -> Post | None:
    """A post above (or before, on the same line) its '— Name (@handle) date' signature."""
    start = paragraphs[k][0]
    match = (
        _SIGNATURE.search(line) or _BARE_SIGNATURE.match(line) or _BARE_AFTER_SENTENCE.search(line)
    )
    if match is None:
        return None
    speaker = _person_in(start + match.start("name"), start + match.end("name"), people)
    if speaker is None:
        return None
    own = line[: match.start()].strip()
    if own:  # the text and its signature on one line
        return _post(start, start + match.start(), own, speaker)
    if k == 0:
        return None
    before_start, before_end = paragraphs[k - 1]
    return _post(before_start, before_end, text[before_start:before_end], speaker)


def _headed(
    text: str,
    paragraphs: list[tuple[int, int]],
    k: int,
    line: str,
    people: list[tuple[int, Mention]],
) -> Post | None:
    """A post below its 'Name @handle · date' header (the name may be the line above)."""
    match = _HEADER.match(line)
    if match is None or k + 1 >= len(paragraphs):
        return None
    start = paragraphs[k][0]
    if match.group("name"):
        if not match.group("tail"):
            return None  # "Name @handle" without a date is a credit or a follow line
        speaker = _person_in(start + match.start("name"), start + match.end("name"), people)
    elif k > 0 and len(text[slice(*paragraphs[k - 1])].split()) <= 6:
        speaker = _person_in(*paragraphs[k - 1], people)
    else:
        speaker = None
    if speaker is None:
        return None
    after_start, after_end = paragraphs[k + 1]
    return _post(after_start, after_end, text[after_start:after_end], speaker)


#: "After the meeting, Bale posted on X:" — a line that introduces the post printed below it,
#: often without quotation marks.
_INTRO = re.compile(
    r"\b(?P<verb>posted|wrote|tweeted|shared|said|declared|announced)\b[^:“”\"]{0,60}?"
    r"\b(?:on|in)\s+(?:X|Twitter|Facebook|Instagram|Telegram|Truth Social|Bluesky|Threads|"
    r"LinkedIn|(?:a|his|her|their)\s+(?:post|statement|message|tweet))\b[^:“”\"]{0,40}:\s*$"
)


#: "After the call, Modi tweeted:", "In a post on X, Kishida said:": a verb of saying right before
#: the colon that ends the line; the paragraph below is what was said.
_INTRO_BARE = re.compile(r"\b(?P<verb>posted|wrote|tweeted|said|says|added|declared)\s*:\s*$")
#: "Kallas wrote on X: Europe stands with Ukraine." — the post printed on the introducing line
#: itself, after the colon, without quotation marks: only a platform's name introduces it (words
#: after "said in a statement:" may be the writer's summary).
_INTRO_INLINE = re.compile(
    r"\b(?P<verb>posted|wrote|tweeted|shared)\b[^:“”\"]{0,60}?"
    r"\b(?:on|in)\s+(?:X|Twitter|Facebook|Instagram|Telegram|Truth Social|Bluesky|Threads|"
    r"LinkedIn)\b[^:“”\"]{0,40}:\s+(?P<post>[^“”\"]{20,})$"
)


#: "Hale's post on Facebook read:" — a person's post, message or statement whose words follow.
_POST_READ = re.compile(
    r"(?P<owner>['’]s)\s+(?:post|tweet|message|statement)\b[^:“”\"]{0,50}?"
    r"\b(?P<verb>read|reads|said|says)\s*:\s*$"
)


def _introduced(
    text: str,
    paragraphs: list[tuple[int, int]],
    k: int,
    line: str,
    people: list[tuple[int, Mention]],
) -> Post | None:
    """The paragraph after 'X posted on X:' or 'X wrote in a statement:', when it holds no
    quotation marks of its own (those are read as quotations); or the words after the colon of
    'X wrote on X: …' on the same line."""
    start = paragraphs[k][0]
    inline = _INTRO_INLINE.search(line)
    if inline is not None:
        speaker = _introducer(text, start, start + inline.start("verb"), people)
        if speaker is None:
            return None
        return _post(start + inline.start("post"), start + len(line), inline["post"], speaker)
    match = _INTRO.search(line) or _INTRO_BARE.search(line)
    owned = _POST_READ.search(line) if match is None else None
    if (match is None and owned is None) or k + 1 >= len(paragraphs):
        return None
    if owned is not None:  # the person whose name ends right at the possessive
        at = start + owned.start("owner")
        speaker = next((i for i, m in reversed(people) if m.start < at <= m.end), None)
    else:
        speaker = _introducer(text, start, start + match.start("verb"), people)
    after_start, after_end = paragraphs[k + 1]
    raw = text[after_start:after_end]
    if speaker is None or any(q in raw for q in '“”"'):
        return None
    return _post(after_start, after_end, raw, speaker)


def _post(start: int, end: int, raw: str, speaker: int) -> Post | None:
    """The post's words: links dropped, wrapping quotation marks removed."""
    if raw.rstrip().endswith(":") or len(raw) > MAX_POST_CHARS:
        return None  # the line introducing the post, not the post
    words = " ".join(_LINK.sub(" ", raw).split()).strip(" —–-")
    if len(words) >= 2 and words[0] in _QUOTES and words[-1] in _QUOTES:
        words = words[1:-1].strip()
    if not words or _SIGNATURE.search(words) or _HEADER.match(words):
        return None
    return Post(start, end, words, speaker)


def _person_in(lo: int, hi: int, people: list[tuple[int, Mention]]) -> int | None:
    inside = [i for i, m in people if m.start >= lo and m.end <= hi]
    return inside[-1] if inside else None


def _introducer(text: str, lo: int, hi: int, people: list[tuple[int, Mention]]) -> int | None:
    """The person named before the verb of an introducing line: the last one the model tagged,
    else the one person of the article whose surname stands there untagged ("After the call,
    Modi tweeted:")."""
    found = _person_in(lo, hi, people)
    if found is not None:
        return found
    words = set(re.findall(r"\w[\w'’-]*", text[lo:hi]))
    owners: dict[str, int] = {}
    for i, m in people:
        name = (m.refers_to or m.text).split()
        if len(name) > 1 and m.start < hi and name[-1] in words:
            owners.setdefault(m.refers_to or m.text, i)
    return next(iter(owners.values())) if len(owners) == 1 else None
