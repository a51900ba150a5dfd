"""A military exercise's code name is no organization either (extract/exercise_names.py)."""

from __future__ import annotations

from tests.extract.records import named_records

STORY = (
    "Allies begin drills\n\n"
    "South Korea and the United States began their annual Iron Lantern military exercise on "
    "Monday, the defence ministry said.\n"
)


def test_a_code_name_before_exercise_is_no_organization(build_case):
    found = set(named_records(build_case({"a.txt": STORY}), "organizations"))
    assert "Iron Lantern" not in found, sorted(found)
