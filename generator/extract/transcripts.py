"""Transcripts and interviews: a paragraph that opens with its speaker's label.

Governments publish remarks and press conferences as transcripts, and interviews are printed the
same way:

    SECRETARY BLINKEN:  Good morning, everyone.  It's a pleasure to welcome ...
    FOREIGN MINISTER ÇAVUŞOĞLU:  Thank you very much, Secretary Blinken ...
    Donald Trump: "Better in the sense of lower?"

The paragraph after the label is what the speaker said. A label is a person's name as the
article prints it elsewhere, or a label in capitals whose last word is the surname of a person the
article names ("SECRETARY BLINKEN"), or an office ending with a person's full name ("President
of Russia Vladimir Putin:"); a label naming nobody ("QUESTION:", "MODERATOR:") is no
speaker, and its turn is not a quotation.
"""

from __future__ import annotations

import re

from generator import names
from generator.data import Mention
from generator.extract.tweets import Post

#: "LABEL:" or "Name:" at the very start of a paragraph (an opening quotation mark may stand
#: before it), then the words spoken. A label has at most five words and no sentence punctuation.
_TURN = re.compile(
    r"^[“\"]?(?P<label>[^\W\d_][\w.'’\- ]{1,80}?):[ \t]+(?P<text>\S.{8,})$",
)
#: A label of more than five words names its speaker at its end, after an office ("President
#: of the United States of America Donald Trump:").
MAX_LABEL_WORDS = 10
#: The lower-case words an office in a label may hold ("Minister of Foreign Affairs").
_OFFICE_JOINERS = frozenset({"of", "the", "for", "and", "on"})
#: A turn's text is at most this long: a long answer is kept whole up to here.
MAX_TURN_CHARS = 1500
_QUOTES = '“”"‘’'


def find_turns(text: str, mentions: list[Mention]) -> list[Post]:
    """Every paragraph that opens with the label of a person the article names: a turn is, like
    an embedded post, a passage with its speaker (its range in the body, its words)."""
    people = [(i, m) for i, m in enumerate(mentions) if m.label == "person"]
    if not people:
        return []
    out: list[Post] = []
    for para in re.finditer(r"[^\n]+", text):
        match = _TURN.match(para.group())
        if match is None or len(match["label"].split()) > MAX_LABEL_WORDS:
            continue
        speaker = _speaker(match["label"], para.start() + match.start("label"), people)
        if speaker is None:
            continue
        words = match["text"].strip().strip(_QUOTES).strip()
        start = para.start() + match.start("text")
        out.append(Post(start, para.end(), words[:MAX_TURN_CHARS], speaker))
    return out


def _speaker(label: str, at: int, people: list[tuple[int, Mention]]) -> int | None:
    """The person a label names: a person the article names by the label's words, or, for a
    label in capitals, the one person whose surname is the label's last word."""
    folded = names.fold(label)
    end = at + len(label.rstrip())
    for i, mention in people:
        if folded in (names.fold(mention.text), names.fold(mention.refers_to or "")):
            return i
        if mention.start == at and mention.end == end:
            return i
    office = all(w[:1].isupper() or w in _OFFICE_JOINERS for w in label.split())
    for i, mention in people:  # "President of Russia Vladimir Putin:": the name ends the label
        name = names.fold(mention.refers_to or mention.text)
        if office and len(name.split()) > 1 and folded.endswith(" " + name):
            return i
    if len(label.split()) > 5:
        return None
    if not label.isupper():
        return None
    last = names.fold(label.split()[-1])
    found = {
        names.fold(m.refers_to or m.text): i
        for i, m in people
        if names.fold((m.refers_to or m.text).split()[-1]) == last
    }
    return next(iter(found.values())) if len(found) == 1 else None
