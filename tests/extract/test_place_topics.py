"""Topics named by place (extract/place_topics.py): a new issue found automatically, or the
curated issue named after the same places."""

from __future__ import annotations

from generator import yamlio


def issues(result) -> dict[str, dict]:
    return {p: yamlio.load(t) for p, t in result.records.items() if p.startswith("issues/")}


def test_a_trouble_named_by_its_place_becomes_an_issue_found_automatically(build_case):
    text = (
        "Gang violence in Honduras forces thousands from their homes\n\n"
        "Gang violence in Honduras has forced thousands of people to flee the capital this week.\n\n"
        "The United Nations said the violence had spread to two more districts.\n"
    )
    found = issues(build_case({"a.txt": text}))
    auto = [r for r in found.values() if not r["curated"]]
    assert [r["name"] for r in auto] == ["Honduras gang violence"]
    assert auto[0]["confidence"] < 1


def test_a_pair_of_places_gives_their_relations(build_case):
    text = (
        "Leaders meet\n\nThe talks were meant to mend relations between Estonia and Finland, "
        "officials said.\n\nBoth sides said Estonia-Finland ties had never been closer.\n"
    )
    names = [r["name"] for r in issues(build_case({"a.txt": text})).values()]
    assert names.count("Estonia–Finland relations") == 1  # "ties" are the same relations
    assert "Estonia–Finland ties" not in names


def test_bilateral_relations_are_those_of_the_two_countries_the_article_is_about(build_case):
    text = (
        "Ministers meet in Tallinn\n\nThe foreign ministers of Estonia and Finland met in Tallinn "
        "on Monday, but there was no sign of a thaw in the frosty bilateral relations.\n\n"
        "Estonia wants Finland to reopen the border crossing, and Finland has refused.\n"
    )
    names = [r["name"] for r in issues(build_case({"a.txt": text})).values()]
    assert "Estonia–Finland relations" in names


def test_relations_between_the_two_countries_are_theirs(build_case):
    text = (
        "Ministers meet in Tallinn\n\nThe foreign ministers of Estonia and Finland met in Tallinn "
        "on Monday to mend relations between the two countries.\n\n"
        "Estonia wants Finland to reopen the border crossing, and Finland has refused.\n"
    )
    names = [r["name"] for r in issues(build_case({"a.txt": text})).values()]
    assert "Estonia–Finland relations" in names


def test_relations_of_two_places_are_not_their_curated_conflict(build_case):
    text = (
        "Ministers talk cricket\n\nThe foreign ministers of India and Pakistan discussed "
        "India-Pakistan cricketing ties on the sidelines of the summit on Tuesday.\n"
    )
    found = issues(build_case({"a.txt": text}))
    assert "issues/kashmir.yml" not in found  # the registry's "India-Pakistan conflict"


def test_a_place_of_a_curated_issue_links_to_it(build_case):
    text = (
        "Talks\n\nThe war in Ukraine dominated the talks in Brussels on Monday.\n\n"
        "Ministers said the war in Ukraine would go on into next year.\n"
    )
    found = issues(build_case({"a.txt": text}))
    assert "issues/russia-ukraine-war.yml" in found
    assert not [r for r in found.values() if not r["curated"]]


def test_a_possessive_war_is_not_a_war_in_that_place(build_case):
    text = (
        "Analysis\n\nRussia's war has reshaped energy markets, officials said on Monday.\n\n"
        "Russia's war dominated the talks again on Tuesday.\n"
    )
    found = issues(build_case({"a.txt": text}))
    assert not [r for r in found.values() if not r["curated"]]


def test_a_topic_said_once_in_passing_is_not_an_issue(build_case):
    text = (
        "Ministers meet on trade\n\nThe ministers met in Lisbon on Monday to talk about trade "
        "and fishing quotas.\n\nThey agreed to meet again in June.\n\nOne aide, who had covered "
        "the war in Yemen for years, said little.\n"
    )
    found = issues(build_case({"a.txt": text}))
    assert not [r for r in found.values() if not r["curated"]]


def test_a_peace_treaty_of_two_countries_is_their_peace_process(build_case):
    text = (
        "Leaders agree to draft a peace deal\n\nThe leaders of Estonia and Finland agreed on "
        "Monday to speed up work on the peace treaty.\n\n"
        "Estonia has asked Finland to open the border, and Finland wants guarantees.\n"
    )
    names = [r["name"] for r in issues(build_case({"a.txt": text})).values()]
    assert "Estonia–Finland peace process" in names


def test_tensions_between_named_parties_are_not_the_two_countries_relations(build_case):
    text = (
        "Envoy sent\n\n"
        "HELSINKI, Finland — Finland will send an envoy to ease rising tensions between "
        "Estonian President Jaan Tamm and his deputy Mari Kask, officials said.\n\n"
        "Finland urged both to respect the coalition deal. Estonia has not replied.\n\n"
        "Estonia's parliament meets on Friday.\n"
    )
    names = [r["name"] for r in issues(build_case({"a.txt": text})).values()]
    assert "Estonia–Finland relations" not in names


def test_a_peace_deal_in_a_country_is_its_peace_process(build_case):
    text = (
        "Deal at risk\n\n"
        "A fragile peace deal in Mozambique was faltering on Monday after the arrest of a rebel "
        "commander, officials said.\n\n"
        "Church leaders urged calm.\n"
    )
    names = [r["name"] for r in issues(build_case({"a.txt": text})).values()]
    assert "Mozambique peace process" in names


def test_a_peace_deal_signed_in_a_country_is_not_its_own(build_case):
    text = (
        "Deal signed\n\n"
        "The two rebel groups signed a peace deal in Mozambique on Monday, officials said.\n\n"
        "Church leaders welcomed it.\n"
    )
    names = [r["name"] for r in issues(build_case({"a.txt": text})).values()]
    assert "Mozambique peace process" not in names


def test_a_border_standoff_is_no_name_of_the_two_countries_relations():
    from generator.extract.place_topics import _kinds

    for name in ("Estonia-Finland border standoff", "the border tensions"):
        assert "border dispute" in _kinds(name) and "relations" not in _kinds(name)
    assert _kinds("Estonia–Finland relations") == {"relations"}
