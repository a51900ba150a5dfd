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


#: Small words a body's name holds between its capitalised ones ("Government of National Unity").
_JOINERS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "al"})
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _spelled_out(text: str, bracket: int, short: str) -> tuple[int, int] | None:
    """Where the name before ``(SHORT)`` starts and ends, when its words hold the acronym's
    letters: the shortest run of capitalised words (and joiners) ending at the bracket."""
    words = list(_WORD.finditer(text, max(0, bracket - 120), bracket))
    if not words or text[words[-1].end() : bracket].strip():
        return None
    run: list[re.Match[str]] = []
    for word in reversed(words):
        if run and text[word.end() : run[0].start()].strip():
            break  # punctuation between words ends the name
        if not (word.group()[:1].isupper() or word.group() in _JOINERS):
            break
        run.insert(0, word)
        if len(run) > len(short) + 3:
            break
        if word.group()[:1].isupper() and len(run) >= 2:  # a name opens with a capital
            start, end = run[0].start(), run[-1].end()
            if stands_for(short, text[start:end]):
                return start, end
    return None


def _named_in_brackets(text: str, mentions: list[Mention]) -> list[Mention]:
    """Bodies the tagger missed but whose acronym it read as an organization: "the Libyan
    National Army (LNA)" gives the name before the brackets, typed as the acronym is."""
    defined = {m.text for m in mentions if m.label in _BODIES and _BRACKETED.match(text, m.end)}
    taken = [(m.start, m.end) for m in mentions if m.label not in ("country", "issue")]
    out = []
    for mention in mentions:
        if mention.label != "organization" or mention.entity_id or not is_acronym(mention.text):
            continue
        if mention.start < 1 or text[mention.start - 1] != "(" or mention.text in defined:
            continue
        found = _spelled_out(text, mention.start - 1, mention.text)
        if found is None or any(s < found[1] and found[0] < e for s, e in taken):
            continue
        start, end = found
        out.append(replace(mention, text=text[start:end], start=start, end=end, source="rule"))
        defined.add(mention.text)
    return out


def tie_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each organization mention that is an acronym the article defined stands for the body it
    was defined for: the same entity, named by its long form (the acronym stays an alias)."""
    mentions = sorted([*mentions, *_named_in_brackets(text, mentions)], key=lambda m: m.start)
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
