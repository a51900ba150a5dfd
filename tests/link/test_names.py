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
        ("Hamad Al-Thani", "Hamad Al Thani"),  # a particle joined by a hyphen or apart
        ("Khalid bin Faisal", "Khalid bin Faisal"),
    ],
)
def test_same_person_keys(a, b):
    assert names.key(a) == names.key(b)


def test_different_people_differ():
    assert names.key("Joe Biden") != names.key("Hunter Biden")


def test_a_son_is_not_his_father():
    """Word order does not tell people apart, except across "bin"/"ibn": "Faisal bin Khalid" is
    Khalid's son, "Khalid bin Faisal" Faisal's; a longer form of the same name still contains
    the shorter."""
    assert names.key("Faisal bin Khalid") != names.key("Khalid bin Faisal")
    assert names.key("Khalid bin Faisal") <= names.key("Khalid bin Faisal Al Saud")
    assert not names.key("Faisal bin Khalid") <= names.key("Khalid bin Faisal Al Saud")


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
