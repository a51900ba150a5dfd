"""A newsroom's team credited in the text: 'analysis from the Guardian's A, B, C and D', and a
wire story's credit line: '(Reporting by A and B; Editing by C)'.

Several names listed after a news organisation's possessive are its reporters, credited for the
coverage: they are not the people the story is about. One name alone after it is often someone the
story quotes or discusses ('NPR's X explained on air'), and stays a person. Every name in a credit
line is a journalist's: the line may close a paragraph of the story, where cleaning keeps it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from spacy.tokens import Doc

from generator import names
from generator.curated.registry import Registry
from generator.extract.candidates import Candidate
from generator.extract.name_types import is_place

_POSSESSIVE = {"’s", "'s", "’", "'"}
#: What may stand between two names of one list.
_LINKS = {",", "and", "&"}
#: A list of at least this many names is a team, not one person under discussion.
MIN_TEAM = 2
#: Capitalised words that open a credit before 'by' ('Reporting by', 'Additional reporting by').
CREDIT_WORDS = {
    "reporting", "writing", "editing", "edited", "written", "compiled", "research", "additional",
    "photos", "photo", "photographs", "graphics", "video", "produced", "translated", "translation",
    "inputs", "text",
}  # fmt: skip
#: What ends a credit line: a closing bracket, a separator of page furniture, a new line.
_CREDIT_END = {")", "|", "]"}


def credit_openers(doc: Doc) -> list[int]:
    """Indexes of the capitalised credit words that a 'by' follows, directly or after another
    credit word ('Additional reporting by'), of a copyright sign and of a line's 'By:'. Lower
    case ('reporting by the BBC') is prose."""
    out = []
    for i, token in enumerate(doc[:-1]):
        if token.text == "©" or _byline_opener(doc, i):
            out.append(i)  # '© Handout / PRESS SERVICE / AFP', 'By: Press Trust of India'
            continue
        if _based_on_reporting(doc, i) or _image_source(doc, i):
            out.append(i)
            continue
        if token.lower_ not in CREDIT_WORDS or not token.text[:1].isupper():
            continue
        nxt = doc[i + 1]
        if nxt.lower_ == "by" or (
            nxt.lower_ in CREDIT_WORDS and i + 2 < len(doc) and doc[i + 2].lower_ == "by"
        ):
            out.append(i)
    return out


def _based_on_reporting(doc: Doc, i: int) -> bool:
    """'Based on reporting by dpa, TASS and Interfax': the agencies the copy came from."""
    words = [t.lower_ for t in doc[i : i + 4]]
    return doc[i].text == "Based" and words == ["based", "on", "reporting", "by"]


def _image_source(doc: Doc, i: int) -> bool:
    """'Image source, Reuters', 'Photo source: AFP': a picture's credit."""
    return (
        doc[i].lower_ in ("image", "photo", "picture")
        and i + 2 < len(doc)
        and doc[i + 1].lower_ == "source"
        and doc[i + 2].text in (",", ":")
    )


def _byline_opener(doc: Doc, i: int) -> bool:
    """'By:' opening a line: the byline, whatever names follow it."""
    at_line_start = i == 0 or "\n" in doc[i - 1].text
    return doc[i].text == "By" and at_line_start and doc[i + 1].text == ":"


def credit_lines(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each credit line: from its first credit word to the closing bracket, the
    page furniture's '|', the end of the line or of the sentence ('; Editing by' continues it)."""
    out: list[tuple[int, int]] = []
    for start in credit_openers(doc):
        if out and out[-1][0] <= start < out[-1][1]:
            continue  # '; Editing by' inside the line already found
        end = start + 1
        while end < len(doc) and doc[end].text not in _CREDIT_END and "\n" not in doc[end].text:
            new_sentence = doc[end].is_sent_start and doc[end].lower_ not in CREDIT_WORDS
            if new_sentence and doc[start].text != "©":
                break  # 'Written by A. The president said ...': the story goes on
            end += 1
        out.append((start, end))
    return out


def in_credit_line(cand: Candidate, lines: list[tuple[int, int]]) -> bool:
    return any(start <= cand.start and cand.end <= end for start, end in lines)


def credited_reporters(
    doc: Doc, chosen: list[Candidate], registry: Registry, publisher: str | None
) -> set[tuple[int, int]]:
    """(start, end) of person candidates listed, several together, after the possessive of a news
    organisation the registry knows as one (``kind: media``) or of the article's publisher."""
    by_start = {c.start: c for c in chosen if c.label == "person"}
    out: set[tuple[int, int]] = set()
    for cand in chosen:
        if not _is_newsroom(doc, cand, registry, publisher):
            continue
        i = cand.end
        if i >= len(doc) or doc[i].text not in _POSSESSIVE:
            continue
        team, names_listed = [], 0
        i += 1
        while True:
            if i in by_start:
                team.append((by_start[i].start, by_start[i].end))
                i = by_start[i].end
            else:
                end = _untagged_name_end(doc, i)  # a name the tagger missed: 'Mira Castellane'
                if end == i:
                    break
                i = end
            names_listed += 1
            if i >= len(doc) or doc[i].lower_ not in _LINKS:
                break
            while i < len(doc) and doc[i].lower_ in _LINKS:
                i += 1
        if names_listed >= MIN_TEAM:
            out.update(team)
    return out


def _untagged_name_end(doc: Doc, i: int) -> int:
    """The end of two to four capitalised words from ``i`` (``i`` itself if there are none)."""
    end = i
    while end < len(doc) and end - i < 4 and doc[end].is_alpha and doc[end].is_title:
        end += 1
    return end if end - i >= 2 else i


def _is_newsroom(doc: Doc, cand: Candidate, registry: Registry, publisher: str | None) -> bool:
    if cand.label != "organization":
        return False
    if cand.key:
        entity = registry.get(cand.key)
        return entity is not None and entity.get("kind") == "media"
    text = doc[cand.start : cand.end].text.removeprefix("the ").removeprefix("The ")
    return bool(publisher) and text.casefold() == (publisher or "").casefold()


#: Parts of a host name that name no publisher.
_HOST_NOISE = {"www", "m", "amp", "en", "english", "com", "net", "org", "co", "news", "edition"}


def publisher_hosts(url: str | None) -> tuple[str, ...]:
    """The labels of a page's host that may spell its publisher ('english.alarabiya.net' →
    ('alarabiya',)); a CDN's random label spells nothing, and is kept: it matches no name."""
    if not url:
        return ()
    host = urlsplit(url).hostname or ""
    return tuple(label for label in host.split(".") if label and label not in _HOST_NOISE)


def names_the_publisher(text: str, hosts: tuple[str, ...]) -> bool:
    """'Al Arabiya' on alarabiya.net, 'The PUNCH' on punchng.com: the site naming itself, which is
    no organization of the story. A short name must be a whole label ('cgtn'); a longer one may
    open or sit inside it ('punch' in 'punchng', 'guardian' in 'theguardian')."""
    compact = re.sub(r"[^a-z0-9]", "", names.fold(text).removeprefix("the "))
    if len(compact) < 3:
        return False
    return any(compact == h or (len(compact) >= 4 and compact in h) for h in hosts)


def _is_dash(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and set(doc[i].text) <= {"-", "—", "–"}


#: A dateline's words before an agency's bracket: places in capitals or title case, commas.
_DATELINE_WORDS = 6


def _dateline_before(doc: Doc, bracket: int) -> bool:
    """Only a dateline's place names ('GENEVA, Switzerland') stand before the bracket, back to
    the line's start or to a place written in capitals (cleaning may have joined the headline)."""
    i = bracket - 1
    while i >= 0 and not _line_edge(doc, i) and bracket - i <= _DATELINE_WORDS:
        token = doc[i]
        if token.text != "," and not (token.is_alpha and token.text[:1].isupper()):
            return False
        if token.text.isupper() and len(token.text) >= 3 and is_place(token.text):
            return True
        i -= 1
    return i < bracket - 1 and (i < 0 or _line_edge(doc, i))


def _line_edge(doc: Doc, i: int) -> bool:
    """Token ``i`` is outside the text or a line break: a line starts or ends there."""
    return i < 0 or i >= len(doc) or "\n" in doc[i].text


def is_wire_credit(doc: Doc, start: int, end: int) -> bool:
    """'(CGTN)' on a line of its own, 'Kabul/Doha, Feb 15 (IANS) A Taliban ...' after a dateline,
    '--IANS' signing a story off: an agency credited for the copy, not named by the story. A
    bracketed name after another name ('the Rapid Support Forces (RSF)') is its short form."""
    before, after = start - 1, end
    if before >= 0 and after < len(doc) and doc[before].text == "(" and doc[after].text == ")":
        if _line_edge(doc, before - 1) or _line_edge(doc, after + 1):
            return True
        if _dateline_before(doc, before) and _is_dash(doc, after + 1):
            return True  # 'GENEVA, Switzerland (AFP) — A last round ...'
        return doc[before - 1].ent_type_ == "DATE"  # the dateline's date
    dashes = before >= 0 and set(doc[before].text) <= {"-", "—", "–"}
    return dashes and _line_edge(doc, before - 1) and _line_edge(doc, after)
