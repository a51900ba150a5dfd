from __future__ import annotations

import pytest

from generator import names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lloyd J. Austin", "Lloyd J. Austin II"),
        ("Lloyd Austin", "Lloyd J. Austin III"),
        ("Kishida Fumio", "Fumio Kishida"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ],
)
def test_same_person_keys(a, b):
    assert names.key(a) == names.key(b)


def test_different_people_differ():
    assert names.key("Joe Biden") != names.key("Hunter Biden")


def test_id_base_drops_initials_and_suffixes():
    assert names.id_base("Lloyd J. Austin III") == "Lloyd Austin"


@pytest.mark.parametrize("text", ["Wei Fenghe", "Luiz Inácio Lula da Silva", "Xi"])
def test_looks_like_name(text):
    assert names.looks_like_name(text)


@pytest.mark.parametrize("text", ["the minister", "COVID-19", "@SecBlinken", "a" * 70])
def test_does_not_look_like_name(text):
    assert not names.looks_like_name(text)


def test_display_choice_prefers_fullest_form():
    assert names.display_choice([("Austin", 5), ("Lloyd J. Austin II", 1)]) == "Lloyd J. Austin II"
