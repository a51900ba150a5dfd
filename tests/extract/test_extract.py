"""Extraction on small articles written for the purpose (not the seeds)."""

from __future__ import annotations

from generator import yamlio


def records_of(result):
    return {p[:-4]: yamlio.load(t) for p, t in result.records.items() if "/" in p}


def article_of(result):
    return next(v for k, v in records_of(result).items() if k.startswith("articles/"))


def people_names(result):
    return {v["name"] for k, v in records_of(result).items() if k.startswith("people/")}


WIRE = """Japan and South Korea agree to restart security talks

TOKYO, March 6 (Reuters) - Japanese Foreign Minister Yoko Kamikawa met South Korean Foreign
Minister Cho Tae-yul in Tokyo on Monday, and the two agreed to resume regular security dialogue.

"We share the view that the security environment is the most severe since the war," Kamikawa told
reporters after the meeting.

Cho said North Korea's missile launches threatened the whole Korean Peninsula.
"""


def test_titles_are_stripped_and_surnames_link_back(build_case):
    result = build_case({"wire.txt": WIRE})
    names = people_names(result)
    assert "Yoko Kamikawa" in names
    assert any("Cho" in n and "Tae" in n for n in names)
    assert not any(n.startswith(("Foreign", "Minister")) for n in names)
    assert "Kamikawa" not in names  # the surname alone is the same person


def test_korea_confusables(build_case):
    result = build_case({"wire.txt": WIRE})
    countries = article_of(result)["entities"]["countries"]
    assert {"japan", "south-korea", "north-korea", "korea"} <= set(countries)


def test_quote_after_speech_verb_and_surname(build_case):
    result = build_case({"wire.txt": WIRE})
    quotes = article_of(result)["quotes"]
    assert any(
        q["text"].startswith("We share the view") and "kamikawa" in q["speaker"] for q in quotes
    ), quotes


def test_meeting_event_dated_from_weekday_and_publication(build_case):
    text = "---\npublished: 2024-03-06\n---\n" + WIRE
    result = build_case({"wire.txt": text})
    records = records_of(result)
    events = [v for k, v in records.items() if k.startswith("events/")]
    meeting = [e for e in events if len(e["participants"]) == 2]
    assert meeting and meeting[0]["date"] == "2024-03-04"
    assert "japan" in meeting[0]["countries"]


def test_country_qualified_ministry_becomes_an_organization(build_case):
    text = (
        "Title\n\nKenya's Defense Ministry said on Friday that talks with the Chinese side "
        "would continue. The Defense Ministry gave no details.\n"
    )
    result = build_case({"a.txt": text})
    orgs = article_of(result)["entities"]["organizations"]
    assert "kenya-defense-ministry" in orgs
    org = records_of(result)["organizations/kenya-defense-ministry"]
    assert org["name"] == "Ministry of Defense (Kenya)"
    assert org["mentions"][0]["count"] == 2  # the bare "Defense Ministry" is the same one


def test_issue_cue_phrases(build_case):
    text = (
        "Title\n\nThe two leaders discussed tensions in the Taiwan Strait and the war in Ukraine, "
        "and agreed to restore military-to-military communication channels.\n"
    )
    issues = article_of(build_case({"a.txt": text}))["entities"]["issues"]
    assert {"taiwan", "russia-ukraine-war", "military-risk-reduction"} <= set(issues)


def test_scare_quotes_and_unattributed_quotes_are_not_quotes(build_case):
    text = (
        'Title\n\nThe minister called the plan a "red line" for the region, and the '
        'statement said that "all options remain on the table for now."\n'
    )
    assert article_of(build_case({"a.txt": text}))["quotes"] == []


def test_person_in_boilerplate_only_is_not_a_person(build_case):
    text = (
        "Title\n\nPresident Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday "
        "to discuss European defense spending, officials said.\n\nYour support helps us tell "
        "the story. Whether it's investigating Jane Appeal's finances or our latest "
        "documentary, your donation keeps our journalists reporting.\n"
    )
    names = people_names(build_case({"a.txt": text}))
    assert "Jane Appeal" not in names
    assert {"Emmanuel Macron", "Olaf Scholz"} <= names


def test_unknown_organization_found_by_ner(build_case):
    text = (
        "Title\n\nThe Stockholm International Peace Research Institute said global military "
        "spending rose for a ninth year, according to a report released on Monday.\n"
    )
    result = build_case({"a.txt": text})
    orgs = [v["name"] for k, v in records_of(result).items() if k.startswith("organizations/")]
    assert any("Stockholm International Peace Research Institute" in o for o in orgs)


def test_a_region_the_tagger_reads_as_a_body_is_no_organization(build_case):
    """'the Western Balkans' is a region; 'the Tarvo Shoal Monitoring Group', ending in a body's
    word, stays an organization though a place word stands inside it."""
    text = (
        "Title\n\nThe EU envoy for the Western Balkans, Tomas Berg, met leaders in Brussels on "
        "Monday. Berg said the Western Balkans must move faster. A report by the Tarvo Shoal "
        "Monitoring Group was published on Tuesday.\n"
    )
    result = build_case({"a.txt": text})
    orgs = [v["name"] for k, v in records_of(result).items() if k.startswith("organizations/")]
    assert not any("Balkans" in o for o in orgs), orgs
    assert any("Tarvo Shoal Monitoring Group" in o for o in orgs), orgs


def test_role_after_the_name_is_that_person(build_case):
    text = (
        "Title\n\nPrime Minister Irakli Kobakhidze defended the bill on Monday. Later that day "
        "the prime minister met Ambassador Robin Dunnigan in Tbilisi to discuss the law.\n"
    )
    result = build_case({"a.txt": text})
    records = records_of(result)
    events = [v for k, v in records.items() if k.startswith("events/")]
    assert any(
        len(e["participants"]) == 2 and "irakli-kobakhidze" in e["participants"] for e in events
    ), events
    person = records["people/irakli-kobakhidze"]
    # the role phrase is a mention of him (its sentence is evidence), never another name of his
    assert "the prime minister" not in person["aliases"]
    sentences = [s for m in person["mentions"] for s in m["sentences"]]
    assert any(s.startswith("Later that day the prime minister met") for s in sentences)


def test_title_word_at_the_very_end(build_case):
    text = "Title\n\nThe statement was signed by the commander, a retired Gen."
    result = build_case({"a.txt": text})  # no IndexError past the last token
    assert article_of(result)["entities"]["people"] == []
