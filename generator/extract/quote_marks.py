"""Where quotations stand in an article's text, whatever a publisher's marks.

Double curly or straight marks; single marks in a paragraph without double ones (many British,
Irish, Australian and Indian papers); a quotation left open at its paragraph's end running on
into the next paragraph that opens with a mark; a paragraph opening with a dash ("–We meet at a
historic moment, says Rutte."); a paragraph whose first mark closes a quotation it never opened.
Words quoted inside the writer's own sentence, opening in lower case, are fragments of reported
speech (``is_fragment``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = '“"'


CLOSERS = '”"'


MIN_WORDS = 4


_QUOTE = re.compile(r"[“\"](?P<text>[^“”\"\n]{2,2000}?)[”\"]")


#: A paragraph that opens with a dash is a quotation in many publishers' style ("–We meet at a
#: historic moment, says Rutte."): the words up to the comma before the speech verb.
_DASHED = re.compile(
    r"^[–—]\s?(?P<text>(?:[^–—“”\"\n]|(?<=\s)[–—](?=\s)){10,1500}?)[,:]?\s+"
    r"(?=(?:says|said|adds|added|notes|noted|"
    r"writes|wrote|tells|told|stresses|stressed|explains|explained)\b[^.!?]{1,160}[.!?]?\s*$)"
)


#: A paragraph whose first quotation mark closes a quotation it never opened ("Today, we agree
#: to ...,” read a statement by Michel."): a typing slip; the quotation opens the paragraph.
_UNOPENED = re.compile(r"^(?P<text>[^“”\"\n]{10,1500}?)”(?=\s*,?\s*\w)")


@dataclass(frozen=True)
class Quoted:
    """A quotation as it stands in the text: character range (marks included) and its words."""

    start: int
    end: int
    text: str


#: What stands right before a quotation that is a whole statement though it opens in lower case:
#: a speech verb ('Babayev said "we have reached ..."') or a colon.
_VERBS = (
    r"say|says|said|saying|tell|tells|told|add|adds|added|adding|state|states|stated|"
    r"write|writes|wrote|declare|declared|warn|warned|note|noted|insist|insisted"
)
_INTRODUCED = re.compile(rf"(?:\b(?:{_VERBS})\s*,?|:)\s*$", re.IGNORECASE)
#: 'said that “…”', 'told reporters on Tuesday that “…”': a whole statement when the quotation
#: runs to its sentence's end.
_SAID_THAT = re.compile(rf"\b(?:{_VERBS})\b[^.!?;“”\"]{{0,40}}?\s+that\s*$", re.IGNORECASE)


def is_fragment(text: str, start: int, quote: str, end: int) -> bool:
    """Words quoted inside reported speech: the quotation (``start``..``end``, marks included)
    opens in lower case, in the middle of the writer's own sentence ('vowed "concrete action"',
    'claiming the projectile "is believed to have landed"'), not after a speech verb or a colon,
    nor after 'said that' when it runs to the sentence's end ('said that "it is with regret
    that we heard ..."')."""
    if not quote[:1].islower():
        return False
    before = text[max(0, start - 80) : start]
    if _INTRODUCED.search(before) is not None:
        return False
    ends_sentence = quote.rstrip()[-1:] in ".!?" or text[end : end + 1] in (".", "!", "?")
    return not (ends_sentence and _SAID_THAT.search(before) is not None)


def quoted_spans(text: str) -> list[Quoted]:
    """Every quotation, paragraph by paragraph; one left open at a paragraph's end runs on when
    the next paragraph opens with a quotation mark (the convention for a multi-paragraph quote)."""
    out: list[Quoted] = []
    # start, pieces and end so far of a quotation running on
    pending: tuple[int, list[str], int] | None = None
    for start, end in _paragraphs(text):
        para = text[start:end]
        pos = 0
        if pending is not None and para[:1] in OPENERS:
            close = _closing(para, 1)
            if close < 0:
                pending[1].append(para[1:])
                pending = (pending[0], pending[1], end)
                continue
            pending[1].append(para[1:close])
            out.append(Quoted(pending[0], start + close + 1, " ".join(pending[1])))
            pos = close + 1
        elif pending is not None:  # left open and not taken up: it ran to its paragraph's end
            out.append(Quoted(pending[0], pending[2], " ".join(pending[1])))
        pending = None
        dashed = _DASHED.match(para) if pos == 0 else None
        if dashed is not None:  # "–It is important that ..., says Rutte."
            out.append(
                Quoted(start + dashed.start("text"), start + dashed.end("text"), dashed["text"])
            )
            continue
        unopened = _UNOPENED.match(para) if pos == 0 else None
        if unopened is not None:  # "Today, we agree to ...,” read a statement by Michel."
            out.append(Quoted(start, start + unopened.end("text") + 1, unopened["text"]))
            pos = unopened.end("text") + 1
        for match in _quotes_in(para, pos):
            out.append(Quoted(start + match.start(), start + match.end(), match.group("text")))
            pos = match.end()
        opener = _dangling_opener(para, pos)
        if opener >= 0:
            pending = (start + opener, [para[opener + 1 :]], end)
    if pending is not None:
        out.append(Quoted(pending[0], pending[2], " ".join(pending[1])))
    return out


#: A quotation closed by a single mark after its last word's punctuation ("“… could deliver,’ he
#: said"): a typing slip for ”, which would otherwise run the quotation on to the next one.
_QUOTE_SLIP = re.compile(r"“(?P<text>[^“”\"\n]{2,2000}?[,.!?])’(?=\s)")


#: A quotation in single marks, the house style of many British, Irish, Australian and Indian
#: papers ("‘We have made progress,’ Ms Marsh said"): it opens a word with a capital and closes
#: right after its last punctuation, so an apostrophe ("We’re", "the ministers’ plans") never
#: closes it and a title in single marks ('Black Panther') is none. Read only in a paragraph with
#: no double marks, where single marks would be quotations inside a quotation.
_SINGLE = re.compile(
    r"(?:^|(?<=[\s(\[—–-]))[‘'](?P<text>[A-Z][^‘“”\"\n]{8,2000}?[,.!?])[’'](?=\s|$)"
)


def _quotes_in(para: str, pos: int) -> list[re.Match[str]]:
    """The paragraph's quotations from ``pos`` on, in order."""
    if not any(mark in para for mark in '“”"'):
        return list(_SINGLE.finditer(para, pos))
    found: list[re.Match[str]] = []
    while True:
        match = _QUOTE.search(para, pos)
        slip = _QUOTE_SLIP.search(para, pos)
        if slip is not None and (match is None or slip.start() < match.start()):
            match = slip  # its opener comes first: no regular quotation closes it
        if match is None:
            return found
        found.append(match)
        pos = match.end()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _closing(para: str, pos: int) -> int:
    found = [i for i in (para.find(c, pos) for c in CLOSERS) if i >= 0]
    return min(found) if found else -1


def _dangling_opener(para: str, pos: int) -> int:
    """An opening mark after the last closed quotation that nothing closes, else -1."""
    for i in range(pos, len(para)):
        if para[i] in OPENERS:
            rest = para[i + 1 :]
            return i if _closing(rest, 0) < 0 and len(rest.split()) >= MIN_WORDS else -1
    return -1
