"""Roles: when articles give one person different titles for the same period."""

from __future__ import annotations

import pytest

from generator import yamlio
from generator.aggregate.roles import TitleNormalizer, title_disagreements
from generator.curated.registry import load_registry
from generator.data import Role
from generator.render.blocks import OPEN
from tests.conftest import SEEDS

A, B = "a-week-one", "b-week-two"
DATES = {A: "2024-03-04", B: "2024-03-11", "later": "2025-06-01", "undated": None}


@pytest.fixture(scope="module")
def normalizer() -> TitleNormalizer:
    registry, problems = load_registry(SEEDS)
    assert not [p for p in problems if p.severity == "error"]
    return TitleNormalizer.from_registry(registry)


def found(normalizer, *claims: tuple[str, str]) -> list[list[tuple[str, str]]]:
    roles = [Role(title, article, f"{title} X said.") for title, article in claims]
    return [
        [(c.value, c.article) for c in d.claims]
        for d in title_disagreements(roles, DATES, normalizer)
    ]


def test_different_offices_in_the_same_week_disagree(normalizer):
    assert found(normalizer, ("Defense Minister", A), ("Foreign Minister", B)) == [
        [("Defense Minister", A), ("Foreign Minister", B)]
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Secretary", "Secretary of Defense"),  # extends
        ("Defence Secretary", "Secretary of Defense"),  # reworded, British spelling
        ("Sec. of Defense", "U.S. Secretary of Defense"),  # abbreviation, country
        ("U.S. President", "American President"),  # the country said two ways
        ("PM", "Prime Minister"),
        ("India's External Affairs Minister", "Foreign Minister"),
        ("Minister of Foreign Affairs of China", "Chinese Foreign Minister"),
        ("Defense Minister", "Minister of National Defense"),
        ("acting Defense Minister", "Defense Minister"),
        ("Kremlin spokesman", "Kremlin spokeswoman"),
        ("Under-Secretary of State", "Undersecretary of State"),
        ("President", "General Secretary of the Communist Party"),  # offices held together
        ("former Defense Minister", "Foreign Minister"),  # not current: no contradiction
    ],
)
def test_same_or_compatible_titles_agree(normalizer, first, second):
    assert found(normalizer, (first, A), (second, B)) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("President", "Vice President"),  # a rank word changes the office
        ("Foreign Minister", "Deputy Foreign Minister"),
        ("Secretary of State", "Defense Secretary"),
        ("Defense Ministry spokesperson", "Foreign Ministry spokesman"),
    ],
)
def test_different_offices_of_one_kind_disagree(normalizer, first, second):
    assert len(found(normalizer, (first, A), (second, B))) == 1


def test_change_of_office_undated_and_single_article_are_not_disagreements(normalizer):
    # more than SAME_PERIOD_DAYS apart: a change of office
    assert found(normalizer, ("Defense Minister", A), ("Foreign Minister", "later")) == []
    # an undated article cannot be placed in the same period
    assert found(normalizer, ("Defense Minister", A), ("Foreign Minister", "undated")) == []
    # one article: not two sources
    assert found(normalizer, ("Defense Minister", A), ("Foreign Minister", A)) == []


def test_curated_roles_are_not_sources(normalizer):
    curated = Role("Foreign Minister", "", "", "2020-01-01")
    assert title_disagreements([curated, Role("Defense Minister", A, "")], DATES, normalizer) == []


def test_one_note_lists_every_conflicting_title(normalizer):
    groups = found(
        normalizer,
        ("Defense Minister", A),
        ("Foreign Minister", B),
        ("Defence Minister", B),  # same office as A's, but conflicts with B's other title
        ("Minister", A),  # extends both: not listed
    )
    assert groups == [[("Defence Minister", B), ("Defense Minister", A), ("Foreign Minister", B)]]


DEFENSE = """\
---
title: Officials discuss Baltic security
publisher: Test Wire
published: 2024-03-04
---
Estonian Defense Minister Maret Lindqvist met Finnish officials in Helsinki on Monday.

Lindqvist said the two countries would expand joint patrols.
"""
FOREIGN = """\
---
title: Ministers agree on patrol plan
publisher: Other Wire
published: 2024-03-11
---
Estonian Foreign Minister Maret Lindqvist told reporters in Tallinn on Monday that the plan would
start in the spring.
"""


def test_build_records_and_page_carry_the_disagreement(build_articles):
    result = build_articles({"defense.txt": DEFENSE, "foreign.txt": FOREIGN})
    person = yamlio.load(result.records["people/maret-lindqvist.yml"])
    claims = {(c["value"], c["article"]) for c in person["disagreements"][0]["claims"]}
    assert person["disagreements"][0]["fact"] == "title"
    assert claims == {
        ("Estonian Defense Minister", "defense"),
        ("Estonian Foreign Minister", "foreign"),
    }
    page = result.pages["people/maret-lindqvist.md"]
    # the note sits under its own heading
    heading = "## Sources disagree on the title { data-search-exclude }\n\n"
    note = page[page.index(heading + f'{OPEN}\n<div class="admonition note">') :]
    assert (
        '<strong>Estonian Defense Minister</strong>: <a href="../articles/defense.md">Officials discuss Baltic security</a>'
        in note
    )
    assert (
        '<strong>Estonian Foreign Minister</strong>: <a href="../articles/foreign.md">Ministers agree on patrol plan</a>'
        in note
    )


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Secretary of Defense of the United States", "Secretary of Defense"),
        ("President of the Philippines", "President"),
        ("Japan's Foreign Minister", "Foreign Minister"),
        ("U.S. House Speaker", "House Speaker"),
        ("Pentagon Press Secretary", "Pentagon Press Secretary"),  # not a country: kept
    ],
)
def test_without_places_leaves_the_office(normalizer, title, short):
    assert normalizer.without_places(title) == short
