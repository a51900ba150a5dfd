"""Organization names as real pages write them (extract/org_forms.py; issue #13): a short form in
brackets or by its initials, in any case; a country's possessive before the name; a body word
ending a longer proper name; a town read as a body; a publisher whose name holds a body's name;
a person read as a body after a country's possessive. Texts written for these tests."""

from __future__ import annotations

import pytest

from generator import names, yamlio
from tests.extract.records import named_records


def written(found: dict[str, dict]) -> set[str]:
    """Every name and alias of the records, casefolded."""
    return {n.casefold() for name, r in found.items() for n in [name, *(r.get("aliases") or [])]}


def test_a_short_form_in_brackets_is_the_organization_in_any_case(build_case):
    text = (
        "Regional bloc meets on floods\n\n"
        "Leaders of the Southern Lakes Development Community (Sldc) met in Varenna on Tuesday.\n\n"
        "Sldc member states would receive an update, said spokesperson Anna Molewa. The Sldc "
        "secretariat will host the centre, and SLDC ministers meet again in May, Molewa said.\n"
    )
    result = build_case({"a.txt": text})
    orgs, people = named_records(result, "organizations"), named_records(result, "people")
    assert "Southern Lakes Development Community" in orgs, sorted(orgs)
    assert {"sldc"} & written({"x": orgs["Southern Lakes Development Community"]}), orgs
    assert "sldc" not in written(people), sorted(people)
    assert not [n for n in orgs if n.casefold() == "sldc"], sorted(orgs)


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        pytest.param(  # the initials of a body the article names in full are that body
            "The Department of Coastal Affairs summoned the envoy on Monday, Foreign Minister Tomas "
            "Arvelo said. The DCA said the vessels must leave the shoal at once.",
            "Department of Coastal Affairs",
            "DCA",
            id="initials",
        ),
        pytest.param(  # a country's possessive is no part of a body's name
            "Head of Libya’s Government of Civic Unity (GCU) Omar Talbi said on Sunday he was ready "
            "to meet the rival commander.",
            "Government of Civic Unity",
            "Libya",
            id="possessive",
        ),
        pytest.param(  # a body word ending a longer proper name keeps the name
            "The Somali Coastal Army (SCA) said on Monday it would not attend the talks in "
            "Mogadishu, its commander Abdi Warsame told reporters.",
            "Somali Coastal Army",
            "SCA",
            id="body-word",
        ),
    ],
)
def test_a_bodys_name_as_pages_write_it(build_case, text, kept, gone):
    orgs = named_records(build_case({"a.txt": f"Talks on the coast\n\n{text}\n"}), "organizations")
    assert kept in orgs, sorted(orgs)
    assert not [n for n in orgs if n.startswith(gone)], sorted(orgs)


def test_a_town_read_as_a_body_is_no_organization(build_case):
    text = (
        "Minister arrives for talks\n\n"
        "After landing at Aalborg airport, Foreign Minister Tomas Arvelo was greeted by the mayor. "
        "Arvelo told the Fisheries Council that the talks would focus on quotas.\n\n"
        "He left from Aalborg airport on Friday.\n"
    )
    result = build_case({"a.txt": text})
    orgs = named_records(result, "organizations")
    assert "Fisheries Council" in orgs, sorted(orgs)
    review = [  # names kept for review, the low-confidence ones among them
        item["name"]
        for path, record in result.records.items()
        if "review" in path
        for item in yamlio.load(record).get("review") or []
    ]
    assert "Aalborg" not in [*orgs, *review], (sorted(orgs), review)


def test_a_body_named_inside_the_publishers_name_is_still_the_storys(build_case):
    text = (
        "---\npublisher: Zarvan Movement Ministry of Information\n---\n"
        "Envoy meets movement's minister\n\n"
        "A Gulf envoy visited Kabul on Sunday and met the Zarvan Movement foreign minister. The "
        "envoy said the Zarvan Movement’s restrictions on schools must end.\n"
    )
    orgs = named_records(build_case({"a.txt": text}), "organizations")
    assert "Zarvan Movement" in orgs, sorted(orgs)


def test_a_person_read_as_a_body_after_a_countrys_possessive_is_the_person(build_case):
    text = (
        "Bloc changes chair\n\n"
        "Sasa said the president would take over as Sadc chair from Malawi’s Lazarus Phiri at "
        "the summit on Wednesday. The summit will also adopt the budget, Sasa said.\n"
    )
    result = build_case({"a.txt": text})
    orgs, people = named_records(result, "organizations"), named_records(result, "people")
    assert "Lazarus Phiri" in people, sorted(people)
    assert not [n for n in orgs if "Phiri" in n], sorted(orgs)


def test_a_backtick_for_the_apostrophe_ends_a_possessive():
    assert names.strip_possessive("Tomas Varga`s") == "Tomas Varga"
    assert names.strip_possessive("Elena Brisk’s") == "Elena Brisk"


def listed_organizations(result) -> set[str]:
    """The ids of the organizations the articles list."""
    return {
        ident
        for path, record in result.records.items()
        if path.startswith("articles/")
        for ident in yamlio.load(record)["entities"].get("organizations") or []
    }


def test_a_summit_a_ceasefire_or_a_day_is_no_organization(build_case):
    text = (
        "Bloc leaders meet\n\n"
        "President Tomas Arvelo will today chair an Extraordinary Summit of the regional bloc in "
        "Varenna. The Varenna Ceasefire collapsed on Monday, the Fisheries Council said.\n\n"
        "The Extraordinary Summit will also review the Varenna Ceasefire.\n"
    )
    listed = listed_organizations(build_case({"a.txt": text}))
    assert "fisheries-council" in listed, listed
    assert not [i for i in listed if "summit" in i or "ceasefire" in i], listed


def test_bodies_in_a_copyright_credit_or_a_byline_are_no_organizations(build_case):
    text = (
        "Envoy meets president\n\n"
        "By: Press Trust of Norland Written by Anna Kerr | Varenna | Updated: March 4, 2015 "
        "11:29:50 am\n\n"
        "Foreign Minister Tomas Arvelo met the envoy on Monday, the Fisheries Council said.\n\n"
        "This handout photograph shows Arvelo greeting the envoy in Varenna. © Handout / NORLAND "
        "PRESIDENTIAL PRESS SERVICE / AFP\n\n"
        "Arvelo said the talks had been useful.\n"
    )
    listed = listed_organizations(build_case({"a.txt": text}))
    assert "fisheries-council" in listed, listed
    credited = ("press-trust", "presidential", "france-presse", "afp")
    assert not [i for i in listed if any(c in i for c in credited)], listed


def test_a_body_before_its_officers_title_is_an_organization(build_case):
    text = (
        "Leaders meet in Varenna\n\n"
        "Northern Council President Tomas Arvelo met External Affairs Minister Ilse Brandt in "
        "Varenna on Monday. Arvelo said the talks were useful, and Brandt agreed.\n"
    )
    listed = listed_organizations(build_case({"a.txt": text}))
    assert "northern-council" in listed, listed
    assert not [i for i in listed if "external-affairs" in i], listed


def test_a_forums_initials_or_the_tail_of_its_name_is_that_forum(build_case):
    text = (
        "Leaders prepare for island summit\n\n"
        "Prime Minister Tevita Laulea said on Monday the Pacific Islands Forum would discuss "
        "fisheries, and the UN Security Council would be briefed on the reefs.\n\n"
        "“Security will be a topic at the PIF,” Laulea said. The Security Council meets on "
        "Friday.\n"
    )
    result = build_case({"a.txt": text})
    orgs = named_records(result, "organizations")
    assert not {n for n in orgs if n in ("PIF", "Security Council")}, sorted(orgs)
