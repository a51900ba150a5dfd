"""Names the tagger reads as organizations that are none (extract/not_organizations.py): an
office and its holders ("Consul General", "Service Chiefs"), a country in capitals, a live
blog's time stamp before an entry's first words. Texts written for this test."""

from __future__ import annotations

from tests.extract.records import named_records

STORY = (
    "Leaders review security\n\n"
    "THE PHILIPPINES will send a delegation to Jakarta next week, officials said on Monday.\n\n"
    "14.05 GMT Final talks of the day ended in Jakarta without a statement from the Association "
    "of Southeast Asian Nations.\n\n"
    "President Ferdinand Marcos held closed-door talks with his Service Chiefs and the Inspector "
    "General of Police at the palace in Manila, and with the Indonesian Consul General in "
    "Davao, Arif Rahman.\n"
)


def test_offices_a_shouted_country_and_a_time_stamp_are_no_organizations(build_case):
    result = build_case({"a.txt": STORY})
    found = {name.casefold() for name in named_records(result, "organizations")}
    for wrong in ("philippines", "gmt final", "service chiefs", "inspector general of police"):
        assert not any(wrong in name for name in found), sorted(found)
    assert not any(name.endswith("consul general") for name in found), sorted(found)


def test_a_peoples_name_is_no_organization(build_case):
    story = (
        "Island talks resume\n\n"
        "NICOSIA — The Greek Cypriots and the Turkish Cypriots have been divided for decades, "
        "the Cyprus News Agency reported on Friday. The Greek Cypriots want a federation.\n"
    )
    result = build_case({"a.txt": story})
    found = {name.casefold() for name in named_records(result, "organizations")}
    assert not any("cypriots" in name for name in found), sorted(found)
    assert "cyprus news agency" in found, sorted(found)


DATELINES = (
    "Junta names premier\n\n"
    "BAMAKO - Mali's military rulers on Monday named a new prime minister, state television "
    "said.\n\n"
    "DOHA - A Kataibun delegation arrived on Sunday. The UN-backed Government of National Unity "
    "welcomed it.\n"
)


def test_a_dateline_run_into_a_name_is_no_part_of_it(build_case):
    """'BAMAKO - Mali', 'DOHA - A Kataibun': a dateline without its date, which the tagger ran
    into the name after it; 'UN-backed' keeps its hyphen."""
    result = build_case({"a.txt": DATELINES})
    found = set(named_records(result, "organizations"))
    assert not any(" - " in name for name in found), sorted(found)
    assert "Kataibun" in found, sorted(found)


PLATFORMS = (
    "Leader weighs in\n\n"
    "The former president posted on Brightline Social on Saturday that the talks had failed.\n\n"
    "The minister said in a video on Brightline Social that the Marvane Trading Corporation "
    "would invest in the port.\n"
)


def test_a_platform_a_post_stands_on_is_no_organization(build_case):
    """'posted on X', 'a video on X': the platform is where the post stands, no body."""
    found = set(named_records(build_case({"a.txt": PLATFORMS}), "organizations"))
    assert not any("Brightline" in name for name in found), sorted(found)


def test_an_offices_portfolio_after_for_is_no_organization(build_case):
    """'Cabinet Secretary for Foreign Affairs': the words after an office and 'for' complete the
    office, as after 'of'; a body's name with 'for' in it stays one ('Centre for ...')."""
    story = (
        "Envoy named\n\n"
        "NAIROBI — “We call for calm,” said Amos Wekesa, Cabinet Secretary for Foreign Affairs. "
        "The Centre for Strategic Policy Research said talks would resume on Monday.\n"
    )
    found = set(named_records(build_case({"a.txt": story}), "organizations"))
    assert "Foreign Affairs" not in found, sorted(found)
    assert any("Centre for Strategic Policy Research" in name for name in found), sorted(found)


def test_two_names_and_a_clause_between_them_are_no_organization(tools):
    """'spoke to Kiir about Machar's detention': the tagger may read 'Kiir about Machar' as one
    organization; a lower-case clause word ('about', 'after', 'that') is in no body's name,
    while a body's small joining words are ('Institute for Peace and Security Studies')."""
    from generator.extract.not_organizations import not_an_organization

    doc = tools.nlp(
        "He had spoken to Tabu about Wani on Monday, the Institute for Peace and Security "
        "Studies said."
    )
    gaz, types = tools.gazetteer, tools.name_types
    clause, body = doc[4:7], doc[11:17]
    assert (
        clause.text == "Tabu about Wani" and body.text == "Institute for Peace and Security Studies"
    )
    assert not_an_organization(doc, clause, clause.text, gaz, types)
    assert not not_an_organization(doc, body, body.text, gaz, types)


def test_a_dam_a_canal_or_a_pipeline_is_a_site_not_an_organization(build_case):
    """'the Grand Horizon Renaissance Dam', 'the Valdor Pipeline': works, no bodies."""
    story = (
        "Water talks stall\n\n"
        "CAIRO — Egypt and Sudan said on Monday that the filling of the Grand Horizon Renaissance "
        "Dam threatened their water, while the Valdor Pipeline and the Sarno Canal were closed. "
        "The Nile Basin Initiative called for talks.\n"
    )
    found = set(named_records(build_case({"a.txt": story}), "organizations"))
    assert not any(name.endswith(("Dam", "Pipeline", "Canal")) for name in found), sorted(found)
