"""Events reported by several articles merge into one (aggregate/events.py), built from articles
through the whole pipeline."""

from __future__ import annotations

from generator import yamlio


def event_records(result):
    return [yamlio.load(t) for p, t in result.records.items() if p.startswith("events/")]


def test_reports_of_one_meeting_merge_and_two_days_stay_two(build_case):
    one = (
        "---\npublished: 2023-03-22\n---\nTitle\n\nPresident Xi Jinping and President Vladimir "
        "Putin held talks in Moscow on Monday.\n"
    )
    two = (
        "---\npublished: 2023-03-23\n---\nTitle\n\nPresident Xi Jinping met President Vladimir "
        "Putin on Monday in Moscow. The two leaders held formal talks in the Kremlin on Tuesday.\n"
    )
    events = event_records(build_case({"one.txt": one, "two.txt": two}))
    pairs = [e for e in events if len(e["participants"]) == 2]
    assert sorted(e["date"] for e in pairs) == ["2023-03-20", "2023-03-21"]
    monday = next(e for e in pairs if e["date"] == "2023-03-20")
    assert len(monday["articles"]) == 2


def test_visits_to_two_places_stay_two(build_case):
    text = (
        "---\npublished: 2024-06-21\n---\nTitle\n\nPresident Vladimir Putin flew to Pyongyang "
        "on Wednesday.\n\nFrom there, Putin flew to Hanoi on Thursday.\n"
    )
    events = event_records(build_case({"a.txt": text}))
    visits = sorted((e["place"], e["date"]) for e in events if e["kind"] == "visit")
    assert visits == [("Hanoi", "2024-06-20"), ("Pyongyang", "2024-06-19")]


def test_a_forum_only_named_as_a_venue_has_no_session_event(build_case):
    text = (
        "---\npublished: 2024-11-18\n---\nTitle\n\nPresident Joe Biden met President Xi Jinping "
        "on the sidelines of the APEC summit in Lima on Saturday.\n"
    )
    events = event_records(build_case({"a.txt": text}))
    assert [e["kind"] for e in events] == ["meeting"]


def test_everyone_at_the_summit_is_in_its_session(build_case):
    text = (
        "---\ntitle: NATO summit opens in Vilnius\npublished: 2023-07-12\n---\nTitle\n\n"
        "NATO leaders opened a two-day summit in Vilnius on Tuesday.\n\n"
        "President Volodymyr Zelensky, attending as a guest, met President Joe Biden on "
        "Wednesday.\n\n"
        "Prime Minister Viktor Orbán arrived in Vilnius on Tuesday.\n\n"
        "President Recep Tayyip Erdoğan met Biden on the sidelines on Tuesday.\n"
    )
    events = event_records(build_case({"a.txt": text}))
    session = [e for e in events if e["forum"] == "nato" and e["kind"] == "summit"]
    assert len(session) == 1
    assert len(session[0]["participants"]) == 4  # Zelensky, Biden, Orbán, Erdoğan
    assert not any(e["kind"] == "visit" for e in events)  # Orbán came for the summit
