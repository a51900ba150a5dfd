"""Quotation marks of other publishers' styles read as “…” (extract/publisher_marks.py)."""

from __future__ import annotations

import pytest

from generator.extract.publisher_marks import english_marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Nous restons», dit-il.", "“Nous restons”, dit-il."),
        ("»Wir bleiben«, sagte er.", "“Wir bleiben”, sagte er."),
        ("„Wir bleiben“, sagte er.", "“Wir bleiben”, sagte er."),
        ("„Ostajemo”, rekao je.", "“Ostajemo”, rekao je."),
        ("”Vi är redo”, sade hon. ”Nu.”", "“Vi är redo”, sade hon. “Nu.”"),
        ("He said “we will win,“ today.", "He said “we will win,” today."),
        ("Ali said ‘‘we are close’’ today.", "Ali said  “we are close”  today."),
        ("He said, ``We will win,'' and left.", "He said,  “We will win,”  and left."),
    ],
)
def test_paired_marks_of_any_style_become_curly_double_marks(text, expected):
    assert english_marks(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Read More »Observers in Ankara believe the talks went well.",  # a chevron, no pair
        "“Since then, people doubted,’ he said, adding that they “hosted the",  # two openers
        "A quotation “left open\nand one closed” in the next paragraph.",  # pairs stay in one
        "Plain “English” marks are left as they are.",
    ],
)
def test_a_mark_that_pairs_with_nothing_is_left_alone(text):
    assert english_marks(text) == text


def test_offsets_do_not_move():
    text = "Intro.\n\n«Nous restons ici», dit-il. »Wir bleiben«\n\n„Da“ und ”Ja”"
    assert len(english_marks(text)) == len(text)
