"""A country's name inside the name of another country is not that country: "Sudan" in "South
Sudan", "Guinea" in "Equatorial Guinea" or "Papua New Guinea".

The list cues of the curated issues are words a sentence must hold together ("Sudan" + "war" is
the Sudan conflict). A plain word test finds "Sudan" in "South Sudan", and a story of South
Sudan's own crisis became Sudan's war. A word found exactly where a country mention the article
tags holds the name of another country (one that is not a name or alias of the mentioned country
itself, nor a short name curated as standing for several) is not counted; the mentioned
country's whole name ("South Sudan") still is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator import names
from generator.data import Mention


def inner_countries(
    offset: int, mentions: Iterable[Mention], by_key: dict[str, frozenset[str]]
) -> set[tuple[int, int]]:
    """(start, end), relative to ``offset``, of each name of another country inside a country
    mention ("sudan" in "South Sudan"): a word found exactly there is not that country.
    ``by_key``: each country's folded names (``Gazetteer.country_folded``)."""
    every = set().union(*by_key.values()) if by_key else set()
    out: set[tuple[int, int]] = set()
    for m in mentions:
        if m.label != "country" or not m.entity_id or " " not in m.text.strip():
            continue
        own = by_key.get(m.entity_id, frozenset())
        inner = names.fold(m.text)
        if len(inner) != m.end - m.start:
            continue  # folding changed the length: offsets would not line up
        for other in every - own:
            if other in inner and other != inner.strip():
                for hit in re.finditer(rf"(?<!\w){re.escape(other)}(?!\w)", inner):
                    out.add((m.start - offset + hit.start(), m.start - offset + hit.end()))
    return out
