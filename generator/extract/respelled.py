"""A curated person's name spelled another way around a surname the registry knows: 'Foreign
Secretary Subrahmanyan Jaishankar' for the curated 'Subrahmanyam Jaishankar' (alias
'Jaishankar'). The registry finds only the surname; the tagger and the title rule read the whole
name. The whole name, one letter from the curated one in one long word, is that person as the
article spells it: the mention keeps the article's spelling (so the person's record lists it
among the aliases, for search and for readers) and the curated person's key."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator import names
from generator.curated.registry import Registry
from generator.spellings import spelling_variant

if TYPE_CHECKING:  # candidates.py calls this module
    from generator.extract.candidates import Candidate


def respelled(doc, candidates: list[Candidate], registry: Registry) -> list[Candidate]:
    """The registry's person hits widened to the name a tagger or a title read around them,
    when that name is another spelling of the curated person's."""
    read = [c for c in candidates if c.label == "person" and c.key is None]
    out = []
    for cand in candidates:
        if cand.source == "registry" and cand.label == "person" and cand.key:
            cand = _widened(doc, cand, read, registry)
        out.append(cand)
    return out


def _widened(doc, hit: Candidate, read: list[Candidate], registry: Registry) -> Candidate:
    entity = registry.get(hit.key)
    if entity is None:
        return hit
    written = {tuple(names.parts(n)) for n in [entity.name, *entity.aliases]}
    for other in read:
        if not (other.start < hit.start and other.end == hit.end):
            continue
        form = tuple(names.parts(doc[other.start : other.end].text))
        if form not in written and any(spelling_variant(form, w) for w in written):
            return replace(hit, start=other.start)
    return hit
