"""Across articles, reports of a meeting merge only when their dates, places and forums agree
(aggregate/events.py); within one article an undated mention of the same meeting still joins."""

from __future__ import annotations

from generator import yamlio


def meetings(result):
    events = [yamlio.load(t) for p, t in result.records.items() if p.startswith("events/")]
    return [e for e in events if e["kind"] != "summit"]


def test_an_undated_report_does_not_join_a_meeting_months_earlier(build_case):
    dated = (
        "---\npublished: 2024-03-06\n---\nTitle\n\nPresident Ilham Aliyev met Prime Minister "
        "Nikol Pashinyan in Munich on Tuesday.\n"
    )
    undated = "Title\n\nPresident Ilham Aliyev met Prime Minister Nikol Pashinyan in Abu Dhabi.\n"
    found = meetings(build_case({"dated.txt": dated, "undated.txt": undated}))
    assert len(found) == 2
    assert sorted(len(e["articles"]) for e in found) == [1, 1]


def test_two_undated_reports_from_two_articles_stay_apart(build_case):
    text = "Title\n\nPresident Ilham Aliyev met Prime Minister Nikol Pashinyan in {}.\n"
    found = meetings(build_case({"a.txt": text.format("Brussels"), "b.txt": text.format("Prague")}))
    assert len(found) == 2


def test_two_dated_reports_of_one_day_merge(build_case):
    text = (
        "---\npublished: 2024-03-06\n---\nTitle\n\nPresident Ilham Aliyev met Prime Minister "
        "Nikol Pashinyan in Munich on Tuesday{}.\n"
    )
    found = meetings(build_case({"a.txt": text.format(""), "b.txt": text.format(", aides said")}))
    assert len(found) == 1 and len(found[0]["articles"]) == 2


def test_a_meeting_whose_other_side_is_no_entity_is_no_meeting_of_one(build_case):
    """The text names both sides, but one name (a lone 'Francis') becomes no entity: a meeting of
    Sánchez alone would be wrong; none is better."""
    text = (
        "---\npublished: 2024-10-12\n---\nTitle\n\nOn Friday, Pope Francis received in audience "
        "Mr. Pedro Sánchez Pérez-Castejón, President of the Government of Spain, in the Apostolic "
        "Palace.\n"
    )
    found = meetings(build_case({"a.txt": text}))
    assert all(len(e["participants"]) != 1 for e in found if e["kind"] != "visit"), found
