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
