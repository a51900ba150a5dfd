"""Event rules (events.py, eventparse.py, eventdates.py) on sentences written for the purpose."""

from __future__ import annotations

import pytest

from generator import yamlio
from generator.data import CleanArticle, SourceFile
from generator.extract import extract_doc


def events_of(tools, text: str, published: str | None = "2024-05-08", title: str = "Title"):
    """(kind, participants, date, place, forums) of each event one article reports."""
    paragraphs = tuple(p.strip() for p in text.strip().split("\n\n"))
    source = SourceFile("a", "articles/a.txt", "0" * 64, text, 0)
    article = CleanArticle(source, title, None, (), published, paragraphs, ())
    extraction = extract_doc(article, tools.nlp(article.body), tools)
    mentions = extraction.mentions

    def who(i: int) -> str:
        return mentions[i].refers_to or mentions[i].text

    return [
        (
            e.kind,
            frozenset(who(i) for i in e.participants),
            e.date.start if e.date else None,
            e.place,
            [mentions[i].text for i in e.forum_mentions],
        )
        for e in extraction.events
    ]


def people(found) -> list[frozenset[str]]:
    return [e[1] for e in found]


# --- participants ------------------------------------------------------------------------------


def test_visit_and_meeting_from_one_sentence(tools):
    found = events_of(
        tools,
        "President Emmanuel Macron flew to Warsaw on Monday to meet Prime Minister Donald Tusk.",
    )
    assert ("visit", frozenset({"Emmanuel Macron"}), "2024-05-06", "Warsaw", []) in found
    meeting = [e for e in found if e[0] == "meeting"]
    assert meeting and meeting[0][1] == {"Emmanuel Macron", "Donald Tusk"}
    assert meeting[0][2] == "2024-05-06"


def test_travel_for_talks_the_host_does_not_travel(tools):
    found = events_of(
        tools,
        "Kenyan President William Ruto travelled to Kampala on Tuesday for talks with Ugandan "
        "President Yoweri Museveni.",
    )
    visit = [e for e in found if e[0] == "visit"]
    assert visit and visit[0][1] == {"William Ruto"}
    assert any(e[0] == "talks" and e[1] == {"William Ruto", "Yoweri Museveni"} for e in found)


def test_hosting_a_guest_in_a_city_is_the_guest_visiting(tools):
    found = events_of(
        tools, "Chancellor Olaf Scholz hosted President Emmanuel Macron in Berlin on Tuesday."
    )
    assert ("visit", frozenset({"Emmanuel Macron"}), "2024-05-07", "Berlin", []) in found
    assert any(e[0] == "meeting" and e[1] == {"Olaf Scholz", "Emmanuel Macron"} for e in found)


def test_relative_pronoun_stands_for_its_noun(tools):
    found = events_of(
        tools,
        "Dutch Prime Minister Mark Rutte, who met Chancellor Olaf Scholz on Monday, said Europe "
        "must spend more.",
    )
    assert people(found) == [{"Mark Rutte", "Olaf Scholz"}]


def test_relative_clause_of_the_subject_adds_nobody(tools):
    found = events_of(
        tools,
        "Foreign Minister Penny Wong, who travelled with Prime Minister Anthony Albanese last "
        "year, hosted her counterpart Wang Yi for talks on Monday.",
    )
    talks = [e for e in found if e[0] in ("talks", "meeting")]
    assert talks and talks[0][1] == {"Penny Wong", "Wang Yi"}


def test_personal_pronoun_takes_the_earlier_subject(tools):
    found = events_of(
        tools,
        "President Cyril Ramaphosa arrived in Washington on Monday.\n\n"
        "He and President Joe Biden held talks at the White House on Tuesday.",
    )
    assert any(e[0] == "talks" and e[1] == {"Cyril Ramaphosa", "Joe Biden"} for e in found)


def test_possessive_of_the_visit_is_the_visitor(tools):
    found = events_of(
        tools,
        "Prime Minister Narendra Modi met President Vladimir Putin in Moscow on Monday, his first "
        "visit to Russia since the war began.",
    )
    assert any(e[0] == "visit" and e[1] == {"Narendra Modi"} for e in found)


def test_possessive_inside_a_subject_is_not_a_participant(tools):
    found = events_of(
        tools,
        "President Donald Trump praised the deal. His envoy, Steve Witkoff, met Prime Minister "
        "Benjamin Netanyahu in Jerusalem on Saturday.",
    )
    assert people(found) == [{"Steve Witkoff", "Benjamin Netanyahu"}]


def test_a_verb_that_does_not_carry_the_event_adds_no_subject(tools):
    found = events_of(
        tools,
        "Prime Minister Kishida Fumio, accompanied by Foreign Minister Kamikawa Yoko, addressed "
        "a joint meeting of Congress on Thursday.",
    )
    assert found == []


def test_joining_people_for_a_meeting_makes_them_all_participants(tools):
    found = events_of(
        tools,
        "On Friday, Secretary of State Antony Blinken joined Foreign Minister Penny Wong and "
        "Foreign Minister Yoko Kamikawa for a meeting in Tokyo.",
    )
    assert people(found) == [{"Antony Blinken", "Penny Wong", "Yoko Kamikawa"}]


def test_a_coordinated_verb_shares_its_subject(tools):
    found = events_of(
        tools,
        "Director General Rafael Grossi held talks with Foreign Minister Abbas Araghchi in Tehran "
        "on Thursday and later met President Masoud Pezeshkian, who took office in July.",
    )
    assert {"Rafael Grossi", "Abbas Araghchi"} in people(found)
    assert {"Rafael Grossi", "Masoud Pezeshkian"} in people(found)
    assert all(e[2] == "2024-05-02" for e in found)  # not July: that date is Pezeshkian's


def test_two_partners_on_two_days_are_two_events(tools):
    found = events_of(
        tools,
        "Prime Minister Anthony Albanese held talks with President Joko Widodo on Monday and with "
        "Prime Minister Pham Minh Chinh on Tuesday.",
    )
    dated = {(e[1], e[2]) for e in found}
    assert (frozenset({"Anthony Albanese", "Joko Widodo"}), "2024-05-06") in dated
    assert (frozenset({"Anthony Albanese", "Pham Minh Chinh"}), "2024-05-07") in dated


def test_the_two_leaders_are_the_article_s_two_people(tools):
    found = events_of(
        tools,
        "President Joe Biden and President Xi Jinping spoke about trade. Biden said the talks "
        "were useful, and Xi agreed.\n\n"
        "The two leaders last met in Bali, Indonesia, in November 2022.",
    )
    assert ("meeting", frozenset({"Joe Biden", "Xi Jinping"}), "2022-11") in [e[:3] for e in found]


def test_joint_signing_by_two_leaders_is_a_meeting(tools):
    found = events_of(
        tools, "President Vladimir Putin and Kim Jong Un signed a treaty in Pyongyang on Wednesday."
    )
    assert people(found) == [{"Vladimir Putin", "Kim Jong Un"}]
    assert events_of(tools, "President Joe Biden signed the defense bill on Monday.") == []


def test_phone_call_with_an_unnamed_counterpart(tools):
    found = events_of(
        tools, "Foreign Minister Wang Yi spoke by phone with his Philippine counterpart on Friday."
    )
    assert found and found[0][0] == "call" and found[0][1] == {"Wang Yi"}


def test_courtesy_call_is_a_meeting_but_calls_for_are_nothing(tools):
    found = events_of(
        tools,
        "Secretary of Defense Lloyd Austin paid a courtesy call on President Ferdinand Marcos Jr. "
        "in Manila on Thursday. Austin called for restraint in the South China Sea.",
    )
    assert [(e[0], e[1]) for e in found] == [
        ("meeting", frozenset({"Lloyd Austin", "Ferdinand Marcos Jr."}))
    ]


# --- what is not an event ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "President Emmanuel Macron and Chancellor Olaf Scholz are expected to meet soon.",
        "If President Vladimir Putin and President Volodymyr Zelensky were to meet, it would "
        "be in Istanbul.",
        "Foreign Minister Penny Wong, who skipped the meeting with Foreign Minister Wang Yi, "
        "flew home.",
        "President Joe Biden did not meet President Xi Jinping on Monday.",
        "Prime Minister Mohammed Al Thani cancelled a planned trip to Cairo, where he was to "
        "have met President Abdel Fattah el-Sisi.",
        "Officials said President Joe Biden and President Xi Jinping had directed their "
        "envoys, Antony Blinken and Wang Yi, to meet at an early date.",
        "“I will meet President Xi Jinping soon,” President Joe Biden told reporters.",
        "The bill had been negotiated for months by Senator Chuck Schumer and Senator Mitch "
        "McConnell.",
    ],
)
def test_not_events(tools, text):
    assert events_of(tools, text) == []


def test_a_planned_meeting_with_a_date_is_scheduled(tools):
    found = events_of(
        tools,
        "Prime Minister Kishida Fumio will meet President Joe Biden in Washington on 10 April.",
        published="2024-04-01",
    )
    assert [(e[1], e[2]) for e in found] == [
        (frozenset({"Kishida Fumio", "Joe Biden"}), "2024-04-10")
    ]


# --- dates -------------------------------------------------------------------------------------


def test_a_date_phrase_pointing_back_takes_the_day_named_before(tools):
    found = events_of(
        tools,
        "Prime Minister Irakli Kobakhidze met on Tuesday evening with Assistant Secretary James "
        "O'Brien, who had arrived in Tbilisi earlier in the day.",
    )
    assert ("visit", frozenset({"James O'Brien"}), "2024-05-07", "Tbilisi", []) in found


def test_that_evening_and_the_next_day_are_two_talks(tools):
    found = events_of(
        tools,
        "President Xi Jinping arrived in Moscow on Monday.\n\n"
        "He and President Vladimir Putin held informal talks over dinner that evening, followed "
        "on Tuesday by formal negotiations in the Kremlin.",
    )
    talks = sorted(e[2] for e in found if e[1] == {"Xi Jinping", "Vladimir Putin"})
    assert talks == ["2024-05-06", "2024-05-07"]


def test_a_visit_ended_on_a_day_began_its_length_before(tools):
    found = events_of(
        tools,
        "Secretary of State Antony Blinken ended a three-day visit to India on Saturday.",
        published="2023-03-04",
    )
    assert ("visit", frozenset({"Antony Blinken"}), "2023-03-02") in [e[:3] for e in found]


def test_a_visit_ended_without_a_length_gives_the_month(tools):
    found = events_of(
        tools,
        "Prime Minister Kishida Fumio wrapped up a state visit to the United States on Thursday.",
        published="2024-04-12",
    )
    assert ("visit", frozenset({"Kishida Fumio"}), "2024-04") in [e[:3] for e in found]


def test_an_offset_clause_is_measured_from_the_clause_above(tools):
    found = events_of(
        tools,
        "Seoul said on Thursday it would review its policy, a day after President Vladimir Putin "
        "and Kim Jong Un signed a treaty in Pyongyang.",
        published="2024-06-20",
    )
    assert [e[2] for e in found] == ["2024-06-19"]


def test_an_undated_meeting_takes_the_day_the_story_last_named(tools):
    found = events_of(
        tools,
        "The United States and the Philippines agreed on Thursday to expand their alliance.\n\n"
        "Secretary of Defense Lloyd Austin announced the step after talks in Manila with "
        "Secretary Gilberto Teodoro.",
    )
    assert [e[2] for e in found] == ["2024-05-02"]


def test_this_afternoon_is_the_publication_day(tools):
    found = events_of(
        tools, "Prime Minister Narendra Modi met Prime Minister Giorgia Meloni this afternoon."
    )
    assert [e[2] for e in found] == ["2024-05-08"]


def test_without_a_publication_date_a_day_takes_the_year_printed_before(tools):
    found = events_of(
        tools,
        "The incident happened on June 17, 2024.\n\n"
        "On July 2, Undersecretary Theresa Lazaro and Vice Minister Chen Xiaodong met in Manila.",
        published=None,
    )
    assert [e[2] for e in found] == ["2024-07-02"]


def test_a_date_in_another_clause_dates_another_event(tools):
    found = events_of(
        tools,
        "On Saturday, President Joe Biden met President Xi Jinping in Lima, and on Sunday he "
        "became the first sitting US president to visit the Amazon.",
        published="2024-11-18",
    )
    assert (frozenset({"Joe Biden", "Xi Jinping"}), "2024-11-16") in [e[1:3] for e in found]
    assert ("visit", frozenset({"Joe Biden"}), "2024-11-17") in [e[:3] for e in found]


def test_a_trip_to_two_cities_on_two_days_is_two_visits(tools):
    found = events_of(
        tools,
        "Prime Minister Viktor Orbán arrived in Brussels after a trip that took him to Moscow on "
        "Friday to meet President Vladimir Putin and to Beijing on Monday for talks with "
        "President Xi Jinping.",
        published="2024-07-11",
    )
    visits = sorted((e[3], e[2]) for e in found if e[0] == "visit" and e[3] != "Brussels")
    assert visits == [("Beijing", "2024-07-08"), ("Moscow", "2024-07-05")]
    assert (frozenset({"Viktor Orbán", "Vladimir Putin"}), "2024-07-05") in [e[1:3] for e in found]
    assert (frozenset({"Viktor Orbán", "Xi Jinping"}), "2024-07-08") in [e[1:3] for e in found]


def test_the_visit_refers_back_to_the_guest_of_the_last_meeting(tools):
    found = events_of(
        tools,
        "Director General Rafael Grossi held talks in Tehran with Foreign Minister Abbas Araghchi "
        "on Thursday.\n\nThe visit comes a week before the board meets.",
    )
    assert ("visit", frozenset({"Rafael Grossi"}), "2024-05-02", "Tehran") in [e[:4] for e in found]


# --- forums ------------------------------------------------------------------------------------


def test_sidelines_meeting_is_at_the_forum_and_the_forum_is_no_event_there(tools):
    found = events_of(
        tools,
        "President Joe Biden met President Xi Jinping on the sidelines of the APEC summit in "
        "Lima on Saturday.",
        published="2024-11-18",
    )
    assert [(e[0], e[1], e[4]) for e in found] == [
        ("meeting", frozenset({"Joe Biden", "Xi Jinping"}), ["APEC summit"])
    ]


def test_a_meeting_of_the_forum_is_its_session(tools):
    found = events_of(
        tools,
        "On Friday, Secretary of State Antony Blinken joined Foreign Minister Penny Wong and "
        "Foreign Minister Yoko Kamikawa for a meeting of the Quad in Tokyo.",
    )
    assert [(e[0], e[4]) for e in found] == [("summit", ["Quad"])]


def test_the_summit_means_the_forum_the_headline_names(tools):
    found = events_of(
        tools,
        "The summit, which opened on Tuesday, is hosted by President Vladimir Putin.",
        title="Leaders gather in Kazan for BRICS summit",
    )
    assert all(e[4] == [] for e in found)  # no body mention of BRICS: nothing to attach
    found = events_of(
        tools,
        "Leaders from more than 30 countries travelled to Kazan for the BRICS summit.\n\n"
        "The summit, which opened on Tuesday, is hosted by President Vladimir Putin.",
        title="Leaders gather in Kazan for BRICS summit",
    )
    session = [e for e in found if e[0] == "summit" and e[1]]
    assert session and session[0][1] == {"Vladimir Putin"} and session[0][2] == "2024-05-07"


def test_a_bare_forum_session_verb_needs_the_forum_as_subject(tools):
    found = events_of(
        tools,
        "Hungary holds the rotating presidency of the European Union. The G20 summit opened in "
        "Rio de Janeiro on Monday.",
    )
    assert [e[4] for e in found] == [["G20 summit"]] or [e[4] for e in found] == [["G20"]]


# --- merging across articles ---------------------------------------------------------------------


def event_records(result):
    return [yamlio.load(t) for p, t in result.records.items() if p.startswith("events/")]


def test_reports_of_one_meeting_merge_and_two_days_stay_two(build_articles):
    one = (
        "---\npublished: 2023-03-22\n---\nTitle\n\nPresident Xi Jinping and President Vladimir "
        "Putin held talks in Moscow on Monday.\n"
    )
    two = (
        "---\npublished: 2023-03-23\n---\nTitle\n\nPresident Xi Jinping met President Vladimir "
        "Putin on Monday in Moscow. The two leaders held formal talks in the Kremlin on Tuesday.\n"
    )
    events = event_records(build_articles({"one.txt": one, "two.txt": two}))
    pairs = [e for e in events if len(e["participants"]) == 2]
    assert sorted(e["date"] for e in pairs) == ["2023-03-20", "2023-03-21"]
    monday = next(e for e in pairs if e["date"] == "2023-03-20")
    assert len(monday["articles"]) == 2


def test_visits_to_two_places_stay_two(build_articles):
    text = (
        "---\npublished: 2024-06-21\n---\nTitle\n\nPresident Vladimir Putin flew to Pyongyang "
        "on Wednesday.\n\nFrom there, Putin flew to Hanoi on Thursday.\n"
    )
    events = event_records(build_articles({"a.txt": text}))
    visits = sorted((e["place"], e["date"]) for e in events if e["kind"] == "visit")
    assert visits == [("Hanoi", "2024-06-20"), ("Pyongyang", "2024-06-19")]


def test_a_forum_only_named_as_a_venue_has_no_session_event(build_articles):
    text = (
        "---\npublished: 2024-11-18\n---\nTitle\n\nPresident Joe Biden met President Xi Jinping "
        "on the sidelines of the APEC summit in Lima on Saturday.\n"
    )
    events = event_records(build_articles({"a.txt": text}))
    assert [e["kind"] for e in events] == ["meeting"]


def test_everyone_at_the_summit_is_in_its_session(build_articles):
    text = (
        "---\ntitle: NATO summit opens in Vilnius\npublished: 2023-07-12\n---\nTitle\n\n"
        "NATO leaders opened a two-day summit in Vilnius on Tuesday.\n\n"
        "President Volodymyr Zelensky, attending as a guest, met President Joe Biden on "
        "Wednesday.\n\n"
        "Prime Minister Viktor Orbán arrived in Vilnius on Tuesday.\n\n"
        "President Recep Tayyip Erdoğan met Biden on the sidelines on Tuesday.\n"
    )
    events = event_records(build_articles({"a.txt": text}))
    session = [e for e in events if e["forum"] == "nato" and e["kind"] == "summit"]
    assert len(session) == 1
    assert len(session[0]["participants"]) == 4  # Zelensky, Biden, Orbán, Erdoğan
    assert not any(e["kind"] == "visit" for e in events)  # Orbán came for the summit


@pytest.mark.parametrize(
    "text",
    [
        "President Joe Biden and Prime Minister Benjamin Netanyahu spoke by phone on Wednesday.",
        "President Joe Biden told Prime Minister Benjamin Netanyahu in a phone call on Wednesday "
        "that the response should be proportionate.",
    ],
)
def test_phone_calls(tools, text):
    found = events_of(tools, text, published="2024-10-10")
    assert [(e[0], e[1], e[2]) for e in found] == [
        ("call", frozenset({"Joe Biden", "Benjamin Netanyahu"}), "2024-10-09")
    ]


# --- scheduled events, press-release phrasing, dates of other clauses, summit attendees ----------


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Mark Carney is due to meet President Claudia Sheinbaum on Friday.",
        "Prime Minister Mark Carney is scheduled to meet President Claudia Sheinbaum on Friday.",
        "Prime Minister Mark Carney will meet President Claudia Sheinbaum on Friday.",
        "Prime Minister Mark Carney meets President Claudia Sheinbaum on Friday.",
    ],
)
def test_a_scheduled_weekday_looks_forward(tools, text):
    found = events_of(tools, text, published="2024-05-08")  # a Wednesday
    assert [(e[1], e[2]) for e in found] == [
        (frozenset({"Mark Carney", "Claudia Sheinbaum"}), "2024-05-10")
    ]


def test_a_past_weekday_looks_back(tools):
    found = events_of(
        tools, "Prime Minister Mark Carney met President Claudia Sheinbaum on Friday."
    )
    assert [e[2] for e in found] == ["2024-05-03"]


def test_a_day_range_is_read_with_the_publication_year(tools):
    found = events_of(
        tools,
        "Prime Minister Mark Carney visited Mexico City on March 14-15.",
        published="2025-03-20",
    )
    assert [(e[0], e[2]) for e in found] == [("visit", "2025-03-14")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Defence Minister Richard Marles called on President Prabowo Subianto in Jakarta on "
            "Tuesday.",
            "meeting",
        ),
        (
            "President Prabowo Subianto received Defence Minister Richard Marles on Tuesday.",
            "meeting",
        ),
        (
            "President Prabowo Subianto received a call from Defence Minister Richard Marles on "
            "Tuesday.",
            "call",
        ),
    ],
)
def test_press_release_phrasing(tools, text, kind):
    found = events_of(tools, text)
    assert (kind, frozenset({"Richard Marles", "Prabowo Subianto"}), "2024-05-07") in [
        e[:3] for e in found
    ]


def test_calling_on_someone_to_act_is_no_meeting(tools):
    text = "President Prabowo Subianto called on Prime Minister Anthony Albanese to act on Tuesday."
    assert events_of(tools, text) == []


def test_a_guest_received_in_the_host_city_visits(tools):
    found = events_of(
        tools,
        "President Prabowo Subianto hosted Prime Minister Anthony Albanese in Jakarta on Tuesday.",
    )
    assert ("visit", frozenset({"Anthony Albanese"}), "2024-05-07", "Jakarta", []) in found


def test_a_noun_modifier_date_dates_no_visit(tools):
    found = events_of(
        tools, "Foreign Minister Wang Yi flew to Canberra, four years after the 2020 dispute."
    )
    assert [e[2] for e in found if e[0] == "visit"] == [None]


def test_an_after_clause_dates_only_its_own_event(tools):
    found = events_of(
        tools,
        "President Prabowo Subianto travelled to Canberra, a month after Prime Minister Anthony "
        "Albanese visited Jakarta.",
    )
    dates = {(frozenset(e[1]), e[2]) for e in found}
    assert (frozenset({"Prabowo Subianto"}), None) in dates
    assert (frozenset({"Anthony Albanese"}), "2024-04") in dates


def test_speakers_at_the_summit_attend_its_session(tools):
    found = events_of(
        tools,
        "Pacific Islands Forum leaders met in Suva on Thursday for a two-day summit.\n\n"
        "Prime Minister Sitiveni Rabuka told the summit that the ocean was rising.\n\n"
        "Prime Minister Mark Brown, speaking at the summit, called for finance.\n\n"
        "President Joe Biden has been criticised in the region.",
    )
    summit = [e for e in found if e[0] == "summit"]
    assert len(summit) == 1 and summit[0][1] == {"Sitiveni Rabuka", "Mark Brown"}
