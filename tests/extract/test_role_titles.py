"""A person's printed role is this person's title, tidied, or none (extract/role_titles.py).

Each text is written for this test; each case names the person, the roles the person must have
and the phrases no role of theirs may be.
"""

from __future__ import annotations

import pytest

from tests.extract.records import named_records

CASES = {
    "another_persons_title_after_and": (
        "The bloc is ready to host talks between the prime minister of Moldova, Dorin Recean, "
        "and the Romanian president, Klaus Iohannis, but says the conditions must come first. "
        "Recean said he was ready.",
        "Dorin Recean",
        [],
        ["and the Romanian president"],
    ),
    "an_apposition_that_runs_into_the_next_name": (
        "Mr Haddad, the French deputy envoy to the Middle East Claire Dubois and the league's "
        "Secretary General were all in the Lebanese capital on Tuesday. Haddad said the visit "
        "mattered.",
        "Haddad",
        [],
        ["French deputy envoy to the Middle East Claire"],
    ),
    "the_office_after_of": (
        "Crowds marked the anniversary of the assassination of President Jovenel Moise in Port "
        "au Prince on Wednesday, officials said.",
        "Jovenel Moise",
        ["President"],
        ["assassination of President"],
    ),
    "words_after_the_office_are_cut": (
        "The summit will be attended by Joao Lourenco, the President of the Republic of Angola "
        "and outgoing chairperson of the regional body, officials in Luanda said. Lourenco said "
        "the region needed peace.",
        "Joao Lourenco",
        ["President of the Republic of Angola"],
        ["the President of the Republic of Angola and outgoing"],
    ),
    "the_honorific_of_the_name_is_no_part_of_the_role": (
        "Qatari Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani met the Iranian "
        "envoy in Doha on Monday. Sheikh Mohammed said the talks were useful.",
        "Mohammed bin Abdulrahman Al Thani",
        ["Qatari Foreign Minister"],
        ["Qatari Foreign Minister Sheikh"],
    ),
    "a_date_after_the_office_is_cut": (
        "Wang Yu, Chinese Ambassador to Afghanistan on Tuesday, met the acting foreign minister "
        "in Kabul, the embassy said. Wang said China backed trade links.",
        "Wang Yu",
        ["Chinese Ambassador to Afghanistan"],
        ["Chinese Ambassador to Afghanistan on Tuesday"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_role_is_the_persons_title(case: str, build_case):
    text, name, wanted, refused = CASES[case]
    result = build_case({"01.txt": f"Officials meet\n\n{text}\n"})
    people = named_records(result, "people")
    assert name in people, sorted(people)
    titles = [role["title"] for role in people[name].get("roles") or []]
    for title in wanted:
        assert title in titles, titles
    for title in refused:
        assert title not in titles, titles
    for title in titles:
        assert not title.startswith(("the ", "and ")), titles


def test_a_body_the_title_does_not_tie_to_its_country_is_not_the_persons(build_case):
    """The build ties a bare "foreign ministry" to Qatar after "Qatar foreign ministry"; the
    group's spokesperson does not belong to Qatar's ministry."""
    text = (
        "A Qatar foreign ministry envoy visited Kabul on Sunday and met the Taliban foreign "
        "minister, the group's foreign ministry spokesperson Abdul Qahar Balkhi said. Balkhi "
        "said the two sides discussed aid."
    )
    result = build_case({"01.txt": f"Envoy in Kabul\n\n{text}\n"})
    person = named_records(result, "people")["Abdul Qahar Balkhi"]
    assert [r["title"] for r in person.get("roles") or []], "the role itself is kept"
    belongs = [r["with"] for r in person.get("relations") or [] if r["kind"] == "belongs to"]
    assert not any("qatar" in target for target in belongs), belongs
