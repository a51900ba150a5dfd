"""Titles and roles read before a person's name (extract/candidates.py ``title_at``,
extract/mentions.py), on text written for these tests."""

from __future__ import annotations

from tests.extract.records import named_records


def roles_of(result, name: str) -> list[str]:
    return [r["title"] for r in named_records(result, "people")[name].get("roles") or []]


def test_a_chief_adviser_is_an_office_before_the_name(build_case):
    text = (
        "Talks in Lima\n\n"
        "Prime Minister Ana Quispe held talks with Chief Advisor Omar Salim in Lima on Monday.\n"
    )
    result = build_case({"a.txt": text})
    people = named_records(result, "people")
    assert "Omar Salim" in people, sorted(people)
    assert any("Chief Advisor" in r for r in roles_of(result, "Omar Salim"))


def test_a_role_is_the_office_without_the_writers_words(build_case):
    text = (
        "Coalition collapses\n\n"
        "The country faces a crisis with the collapse of Chancellor Mara Velden's coalition.\n\n"
        "Velden spoke after sacking her recalcitrant finance minister Tomas Lind on Wednesday.\n"
    )
    result = build_case({"a.txt": text})
    assert roles_of(result, "Mara Velden") == ["Chancellor"]
    assert roles_of(result, "Tomas Lind") == ["finance minister"]
