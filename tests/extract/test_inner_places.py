"""A country's name inside another country's name is not that country (extract/inner_places.py),
on articles written for these tests."""

from __future__ import annotations

from generator import yamlio


def issues(result) -> set[str]:
    path = next(p for p in result.records if p.startswith("articles/"))
    return set(yamlio.load(result.records[path])["entities"]["issues"])


def test_sudan_inside_south_sudan_is_not_sudans_war(build_case):
    text = (
        "Rivals trade blame\n\n"
        "The arrest of a minister in South Sudan on Monday could push the young country back "
        "into war, officials warned.\n\n"
        "Diplomats in Juba urged calm.\n"
    )
    assert "sudan-conflict" not in issues(build_case({"a.txt": text}))


def test_sudan_named_alone_with_war_is_still_sudans_war(build_case):
    text = (
        "Rivals trade blame\n\n"
        "The arrest of a minister in Sudan on Monday could deepen the war, officials warned, "
        "as the army and its rivals fought on.\n\n"
        "Diplomats urged calm.\n"
    )
    assert "sudan-conflict" in issues(build_case({"a.txt": text}))
