"""Which of an article's issues it is about, and which it only names in background.

A news story says what it is about in its headline and its first sentences, and returns to it.
An issue it names once, late, in a sentence where nobody speaks or acts (no person named, no
quotation), while it keeps returning to another issue, is background: "the deficit was aggravated
by the pandemic and the war", "the conference's agenda includes the climate conference due later
this year". Such an issue is not one of the article's issues. What someone says or does in the
first half of a story still counts ("Putin said work on the gas pipeline was advancing"), and so
do a person's own quoted words anywhere; in the story's second half, a person said to do or say
something about a matter the story never returns to is background too (on the dev articles, 3
of 4 such issues were not the article's). An issue the article
discusses (``Mention.discussed``) or names beside the issue it returns to ("withdrew from the
nuclear deal and reimposed sanctions") still counts.

Used by the linker (``link.py``), after the rules that decide whether a cue counts at all.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from generator.data import Mention

#: The lede: a news story says what it is about in its first sentences.
LEDE_SENTENCES = 4
#: An issue the article returns to in this many sentences (or names in its headline) is one it
#: is about, against which an issue named once is measured.
RETURNED_TO = 2
#: Quotation marks: a quotation in a sentence is someone speaking.
_QUOTATION = re.compile(r"[\"“”]")


def background_issues(
    mentions: tuple[Mention, ...],
    sentences: tuple[str, ...],
    counted: AbstractSet[str],
    title_issues: AbstractSet[str],
    in_names: AbstractSet[int] = frozenset(),
) -> set[str]:
    """The issues of ``counted`` the article names only in background (see the module's text)."""
    where: dict[str, set[int]] = {}
    discussed: set[str] = set()
    for i, m in enumerate(mentions):
        if m.label == "issue" and m.entity_id in counted and i not in in_names:
            where.setdefault(m.entity_id, set()).add(m.sentence_index)
            if m.discussed:
                discussed.add(m.entity_id)
    returned_to = {
        key: found
        for key, found in where.items()
        if key in title_issues or len(found) >= RETURNED_TO
    }
    named = {m.sentence_index for m in mentions if m.label == "person"}
    quoted = {i for i, text in enumerate(sentences) if _QUOTATION.search(text)}
    out = set()
    for key, found in where.items():
        if len(found) != 1 or key in title_issues or key in discussed:
            continue
        (index,) = found
        if index < LEDE_SENTENCES or index in quoted:
            continue  # the lede, or someone's own words
        if index in named and 2 * index < len(sentences):
            continue  # someone named as acting in the story's first half
        if any(other != key and index not in at for other, at in returned_to.items()):
            out.add(key)
    return out
