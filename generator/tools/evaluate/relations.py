"""Relationship edges per article, and those without a sentence that states them.

#13 asks for zero edges without an evidence sentence on real articles. An edge is counted once,
from its ``direction: out`` side. An edge whose evidence names articles counts for each of them;
an edge with no evidence at all names no article, so it counts for every article that mentions
both of its ends (the articles that could have stated it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any


def relation_counts(
    data: Mapping[str, Mapping[str, Any]],
) -> tuple[Counter[str], Counter[str]]:
    """(edges stated per article id, edges lacking a sentence per article id) from records keyed
    by 'folder/id'."""
    mentioned: dict[str, set[str]] = {}
    for path, record in data.items():
        mentioned[path] = {str(m.get("article")) for m in record.get("mentions") or []}
    stated: Counter[str] = Counter()
    unstated: Counter[str] = Counter()
    for path, record in data.items():
        for relation in record.get("relations") or []:
            if relation.get("direction", "out") != "out":
                continue
            evidence = relation.get("evidence") or []
            articles = {str(e.get("article")) for e in evidence}
            for article in articles:
                stated[article] += 1
                if any(e.get("article") == article and not e.get("sentence") for e in evidence):
                    unstated[article] += 1
            if not evidence:
                ends = mentioned.get(path, set()) & mentioned.get(str(relation.get("with")), set())
                for article in ends:
                    stated[article] += 1
                    unstated[article] += 1
    return stated, unstated
