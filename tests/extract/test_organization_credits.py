"""Names that are no organization of the story (extract/credits.py, extract/mentions.py): the site
naming itself (its url spells it), an agency credited for the copy, amounts and diseases; and one
that is: a group named before 'party'."""

from __future__ import annotations

import pytest

from tests.extract.records import named_records


def organizations(result) -> set[str]:
    return set(named_records(result, "organizations"))


STORY = (
    "Minister says output cut agreed\n\n"
    "Energy Minister Karim Haddad said in an interview with Voxa News that the group had agreed "
    "to cut output by nearly 10 million barrels per day on Sunday.\n\n"
    "Haddad said the figures would follow.\n"
)


@pytest.mark.parametrize(
    ("url", "kept"),
    [("https://english.voxanews.net/a/1.html", False), ("https://www.dailyherald.example/a", True)],
)
def test_the_site_naming_itself_is_no_organization(build_case, url, kept):
    found = organizations(build_case({"a.txt": f"---\nurl: {url}\n---\n" + STORY}))
    assert ("Voxa News" in found) is kept, found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("KABUL, Feb 15 (Reuters) A delegation met envoys in Doha on Thursday.", False),
        ("A delegation met envoys in Doha on Thursday.\n\n(Reuters)", False),
        ("A delegation met envoys in Doha on Thursday.\n\n--Reuters", False),
        ("A delegation met envoys in Doha on Thursday, an envoy told Reuters.", True),
    ],
)
def test_an_agency_credited_for_the_copy_is_no_organization(build_case, text, kept):
    story = f"Delegation meets envoys\n\n{text}\n\nForeign Minister Amir Khan led it.\n"
    found = organizations(build_case({"a.txt": story}))
    assert ("Reuters" in found) is kept, found


def test_an_amount_a_disease_or_a_dialogue_is_no_organization(build_case):
    text = (
        "Kidnappers demand ransom\n\n"
        "The abductors demanded N60m as ransom, police said on Friday. The COVID-19 pandemic had "
        "already strained the budget, and the Belgrade-Pristina Dialogue stalled, the Interior "
        "Ministry said.\n"
    )
    found = organizations(build_case({"a.txt": text}))
    assert not {n for n in found if n.startswith(("N60", "COVID", "Belgrade"))}, found


def test_a_group_named_before_party_is_that_party(build_case):
    text = (
        "Coalition collapses\n\n"
        "BERLIN — Vice Chancellor Tom Adler signalled that his Greens party, the third partner "
        "in the alliance, would remain in a minority government, while a French party watched.\n"
    )
    found = organizations(build_case({"a.txt": text}))
    assert "Greens" in found, found
    assert "French" not in found, found


def test_a_dateline_credit_run_into_the_headline_is_no_organization(build_case):
    story = (
        "---\nurl: https://example.org/2025/04/07/talks\n---\n"
        "Health deal would send ‘strong signal’ to donors — agency chief\n"
        "GENEVA, Switzerland (AFP) — A last round of talks began on Monday, said envoy Amir Khan.\n"
    )
    found = organizations(build_case({"a.txt": story}))
    assert "Agence France-Presse" not in found, found


def test_agencies_after_based_on_reporting_by_are_no_organizations(build_case):
    story = (
        "Russia, U.S. To Hold Talks On Missile Treaty\n\n"
        "Deputy Foreign Minister Pavel Orlov (file photo)\n\n"
        "The United States and Russia will hold talks at the expert level on a missile treaty, "
        "Deputy Foreign Minister Pavel Orlov said on September 14.\n\n"
        "Orlov said the two sides agreed on the talks when he met U.S. Under Secretary of State "
        "Karen Holt in Helsinki on September 12.\n\n"
        "Based on reporting by dpa, TASS, and Interfax\n"
    )
    found = organizations(build_case({"a.txt": story}))
    assert "TASS" not in found, found


def test_a_pictures_source_line_is_a_credit_line(tools):
    from generator.extract.credits import credit_lines

    doc = tools.nlp("Delegates applauded the deal.\nImage source, Reuters\nTalks ended late.")
    lines = [doc[a:b].text for a, b in credit_lines(doc)]
    assert lines == ["Image source, Reuters"], lines
