"""Names one letter apart stand for one person (extract/referents.py): "Dbeibah" for "Dbeibeh"."""

from __future__ import annotations

import pytest

from generator.extract.referents import _one_letter_apart


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("dbeibah", "dbeibeh", True),  # a vowel transliterated two ways
        ("mutaqi", "muttaqi", True),  # a letter doubled
        ("muttaqi", "mutaqi", True),
        ("haddad", "haddad", False),  # the same spelling is matched as printed, not here
        ("haddad", "hadley", False),  # two letters apart
        ("grossi", "grossman", False),
    ],
)
def test_one_letter_apart(a: str, b: str, same: bool):
    assert _one_letter_apart(a, b) is same
