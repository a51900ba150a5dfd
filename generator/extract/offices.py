"""The offices the curated registry says a person held when the article was written, so that a
quotation's "said the Secretary General" or "the commission president declared" finds the one
person holding that office though the article never prints the title beside the name
(``generator.extract.referents.role_holder``, which asks only when no person the article names
is titled so). The nationality and party words of the person's curated description count too
("the Social Democrat leader").

On a dated article an office counts if held on that day. An undated one may be old: every
office the person ever held counts, so that a role two people named held at different times
("the president") stays ambiguous and names nobody.
"""

from __future__ import annotations

from generator.curated.registry import Registry
from generator.data import Mention
from generator.extract.referents import identity


def curated_offices(
    mentions: list[Mention], registry: Registry, published: str | None
) -> dict[frozenset[str], set[str]]:
    """Each curated person the article names (by identity, as ``referents`` keys people) -> the
    lower-cased words of the offices they held on ``published`` (an ISO date; None: ever)."""
    out: dict[frozenset[str], set[str]] = {}
    for m in mentions:
        entity = registry.get(m.entity_id) if m.label == "person" and m.entity_id else None
        if entity is None:
            continue
        words = _qualifiers(str(entity.get("description") or ""))
        for role in entity.get("roles") or []:
            if _held(role, published):
                words.update(str(role["title"]).lower().split())
        if words:
            out.setdefault(identity(m), set()).update(words)
    return out


def _qualifiers(description: str) -> set[str]:
    """The capitalised words of a curated description, lower-cased: the nationality and party
    that qualify a role ("German Social Democrat who was chancellor …" makes "the Social Democrat
    leader"); its common words ("politician", "who", "became") are not a title."""
    words = (w.strip(".,;()").removesuffix("'s").removesuffix("’s") for w in description.split())
    return {w.lower() for w in words if w[:1].isupper()}


def _held(role: dict[str, object], published: str | None) -> bool:
    """Whether the office was held on the article's day (any office, for an undated one)."""
    if published is None:
        return True
    start, end = role.get("from"), role.get("to")
    day = published[:10]
    return (start is None or str(start) <= day) and (end is None or day <= str(end))
