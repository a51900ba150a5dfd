"""Whom an article calls "she" and whom "he" (extract/pronoun_gender.py), from its own words,
where the small model's parse leaves a possessive's clause without a subject of its own."""

from __future__ import annotations

import pytest

from generator.data import Mention
from generator.extract.pronoun_gender import genders


def people(text: str, names: list[str]) -> list[tuple[int, Mention]]:
    found = []
    for i, name in enumerate(names):
        start = text.index(name)
        found.append((i, Mention(name, "person", start, start + len(name), "", 0)))
    return found


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (  # a participle's phrase shares the subject of the clause it hangs on
            "Ana Ruiz said on the radio, following her meeting with the union: the strike ends.",
            ["Ana Ruiz"],
            {"ruiz": "she"},
        ),
        (  # the parser hangs the name on the opening phrase: the name before the verb is its
            # subject
            "Ahead of the meeting between Mayor Tom Hale and the union, Harbour Minister Ana "
            "Ruiz met with her Portuguese counterpart Rui Costa in Lisbon.",
            ["Tom Hale", "Ana Ruiz", "Rui Costa"],
            {"ruiz": "she"},
        ),
    ],
)
def test_a_possessive_names_the_one_whose_clause_it_stands_in(tools, text, names, expected):
    doc = tools.nlp(text)
    assert genders(doc, people(text, names)) == expected
