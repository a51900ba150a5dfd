"""One name written two ways by one letter: 'Muttqai' for 'Muttaqi', a transliteration's
'Subrahmanyan' for 'Subrahmanyam'. Shared by extraction (a curated person's name spelled
otherwise around a known surname) and aggregation (two spellings across articles)."""

from __future__ import annotations

#: A differing word shorter than this is too often another person's name ('Ahmed' / 'Ahmad').
MIN_VARIANT_LETTERS = 6


def spelling_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same (folded) words but one, that one a letter apart ('muttqai' / 'muttaqi'), six
    letters or more and with the same first letter."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    return min(len(x), len(y)) >= MIN_VARIANT_LETTERS and x[0] == y[0] and one_edit(x, y)


def one_edit(x: str, y: str) -> bool:
    """One letter changed, added or dropped, or two neighbours swapped."""
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and x[diff[0]] == y[diff[1]]
            and x[diff[1]] == y[diff[0]]
        )
    short, long = sorted((x, y), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
