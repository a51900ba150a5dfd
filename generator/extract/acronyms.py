"""Acronyms an article defines: "the Rapid Support Forces (RSF) ... the RSF" name one body.

News style spells a body out once with its acronym in brackets and uses the acronym after that.
Without this rule the two forms become two organizations. The test that the brackets hold an
acronym *of* the name before them is Schwartz and Hearst's (2003): every letter of the short form
appears in the long form, in order, the first one opening a word.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.data import Mention

#: "(RSF)", "(ECOWAS)", "(M23)", "(PKK)": a capital, then up to nine letters, digits, '&' or '-'.
_BRACKETED = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&-]{1,9})\s*\)")
#: Kinds of names an acronym may stand for.
_BODIES = ("organization", "forum")


def stands_for(short: str, long: str) -> bool:
    """Schwartz-Hearst: the short form's letters and digits occur in the long form in order,
    matched from the end, and its first one opens a word of the long form."""
    if not short or not long or short[0].casefold() != long[0].casefold():
        return False
    s, lo = len(short) - 1, len(long) - 1
    while s >= 0:
        char = short[s].casefold()
        if not char.isalnum():
            s -= 1
            continue
        while lo >= 0 and (
            long[lo].casefold() != char or (s == 0 and lo > 0 and long[lo - 1].isalnum())
        ):
            lo -= 1
        if lo < 0:
            return False
        lo -= 1
        s -= 1
    return True


def is_acronym(text: str) -> bool:
    """'RSF', 'M23', 'EUFOR': one word with two capitals or more."""
    if " " in text or not text[:1].isupper():
        return False
    capitals = sum(c.isupper() or c.isdigit() for c in text)
    return capitals >= 2 and sum(c.islower() for c in text) <= capitals


def defined_acronyms(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronym -> the mention of the body it was defined for, first definition first."""
    defined: dict[str, Mention] = {}
    for mention in mentions:
        if mention.label not in _BODIES:
            continue
        match = _BRACKETED.match(text, mention.end)
        if match is None:
            continue
        short = match.group(1)
        if is_acronym(short) and short != mention.text and stands_for(short, mention.text):
            defined.setdefault(short, mention)
    return defined


def tie_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each organization mention that is an acronym the article defined stands for the body it
    was defined for: the same entity, named by its long form (the acronym stays an alias)."""
    defined = defined_acronyms(text, mentions)
    if not defined:
        return mentions
    out = []
    for mention in mentions:
        long = defined.get(mention.text.removeprefix("the "))
        if (
            long is not None
            and long is not mention
            and mention.label == "organization"
            and mention.entity_id is None
        ):
            mention = replace(
                mention, label=long.label, entity_id=long.entity_id, refers_to=long.text
            )
        out.append(mention)
    return out
