"""Words a tagger reads as a person's name that open a clause: 'Helping Pyongyang build up its
arsenal breaks the sanctions', 'Arming Kyiv is a duty'.

A gerund opening a sentence (or a quotation) takes its object right after it, and a capitalised
object looks to the tagger like a surname after a given name. No one's given name is a gerund
followed by a town's or a country's name, so such a span is the clause's verb and a place.
Given names that end in '-ing' ('Sterling', 'Manning') are tagged as names, not gerunds, and
keep their surnames.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from generator.extract.name_types import is_place

_OPENERS = {'"', "“", "‘", "'", "(", "—", "–", "-"}


def gerund_before_place(doc: Doc, start: int, end: int, countries: Mapping[str, str]) -> bool:
    """A span of a gerund that opens its sentence or a quotation, then one or two words naming
    a place ('Helping Pyongyang')."""
    first = doc[start]
    if first.tag_ != "VBG" or not first.text.endswith("ing") or not 2 <= end - start <= 3:
        return False
    before = doc[start - 1] if start > 0 else None
    if not (first.is_sent_start or before is None or before.text in _OPENERS):
        return False
    rest = doc[start + 1 : end].text
    return is_place(rest) or rest in countries
