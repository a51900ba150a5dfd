"""A country's government crisis: "France's government fell", "the collapse of the chancellor's
ruling coalition", "a vote of no confidence".

The fall of a government is a story of its own in any country, and no taxonomy names each one.
A sentence that tells of it and names one country (by its name or demonym: "the French
government") gives an issue mention "<Country> government crisis", which links to a curated
issue of that country's trouble where one exists ("Haiti crisis") and otherwise to an issue
found automatically. As with other topics named by place, it counts only where the article is
about it: named in the headline or the lede, or in two sentences or more.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from generator.curated.registry import Registry
from generator.data import Mention
from generator.extract.mentions import make_mention
from generator.extract.place_topics import topic_key

#: The lede, where a story says what it is about.
LEDE_SENTENCES = 2
MIN_SENTENCES = 2
_BODY = r"(?:government|coalition|cabinet)"
#: The fall of a government or coalition, and the vote that brings it down.
FALL = re.compile(
    rf"\b(?:collapse|fall|downfall|break-?up)\s+of\s+(?:the\s+|a\s+)?(?:[\w’'.-]+\s+){{0,4}}?{_BODY}\b"
    rf"|\b{_BODY}\s+(?:has\s+|had\s+)?(?:collapsed|collapses|fell|falls|fallen|crumbled|"
    r"unravell?(?:s|ed|ing)?)\b"
    r"|\b(?:vote|motion)\s+of\s+no[- ]confidence\b|\bno[- ]confidence\s+(?:vote|motion)\b",
    re.IGNORECASE,
)


def government_crises(
    doc: Doc,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    registry: Registry,
    title: str = "",
) -> list[Mention]:
    """Issue mentions of a country's government crisis that the article is about."""
    countries: dict[int, set[str]] = {}
    for m in mentions:
        if m.label == "country" and m.entity_id:
            entity = registry.get(m.entity_id)
            countries.setdefault(m.sentence_index, set()).add(entity.name if entity else m.text)
    out: list[Mention] = []
    for index, sent in enumerate(sentences):
        named = countries.get(index, set())
        match = FALL.search(sent.text)
        if len(named) != 1 or match is None:
            continue
        start = sent.start_char + match.start()
        span = doc.char_span(start, start + len(match[0]), alignment_mode="expand")
        if span is None:
            continue
        (country,) = named
        name = f"{country} government crisis"
        key = topic_key(name, (country,), registry)
        out.append(make_mention(doc, span, name, "issue", key, sentences, sent_index, "topic"))
    in_title = bool(title) and FALL.search(title) is not None
    by_key: dict[str | None, set[int]] = {}
    for m in out:
        by_key.setdefault(m.entity_id, set()).add(m.sentence_index)
    return [
        m
        for m in out
        if in_title
        or min(by_key[m.entity_id]) < LEDE_SENTENCES
        or len(by_key[m.entity_id]) >= MIN_SENTENCES
    ]
