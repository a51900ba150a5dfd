"""A recurring matter said without its place is the matter of the article's leading country
(extract/placed_candidates.py), on articles written for these tests."""

from __future__ import annotations

from generator import yamlio


def records(result, folder: str) -> dict[str, dict]:
    return {p: yamlio.load(t) for p, t in result.records.items() if p.startswith(folder)}


def _moldova(lead: str, city: str) -> str:
    return (
        f"Leaders dine in {city}\n\n"
        f"{lead} Moldovan leaders met in {city} on Monday and agreed to discuss the stalled "
        "federation talks again.\n\n"
        "Moldova has been divided for decades. Federation talks broke down in 2019.\n\n"
        "The leaders said they would meet in Moldova next month to open new crossings.\n\n"
        "One leader told the assembly of Moldova he was ready to resume federation talks.\n"
    )


def test_a_placeless_matter_is_named_after_the_leading_country(build_case):
    found = records(
        build_case({"a.txt": _moldova("Two", "Geneva"), "b.txt": _moldova("The two", "Vienna")}),
        "issues/",
    )
    auto = [r["name"] for r in found.values() if not r["curated"]]
    assert "Moldova federation talks" in auto
    assert "Federation talks" not in auto and "federation talks" not in auto


def test_a_rating_word_in_front_does_not_make_a_second_matter(build_case):
    text = (
        "Leaders dine\n\n"
        "Chilean and Peruvian leaders agreed to discuss the stalled federation talks again.\n\n"
        "Federation talks broke down in 2019, officials said.\n"
    )
    art = records(build_case({"a.txt": text}), "articles/")
    names = [c["name"] for a in art.values() for c in a["issue_candidates"]]
    assert names == ["federation talks"]  # "the stalled federation talks" are the same


def test_without_one_leading_country_the_matter_keeps_its_name(build_case):
    text = (
        "Ministers meet\n\n"
        "Ministers of Chile and Peru met on Monday to discuss the stalled crossing talks.\n\n"
        "Chile and Peru said crossing talks would resume next month in Lima.\n"
    )
    art = records(build_case({"a.txt": text}), "articles/")
    names = [c["name"] for a in art.values() for c in a["issue_candidates"]]
    assert names == ["crossing talks"]


def test_a_demonym_before_another_names_a_community_of_the_second(build_case):
    text = (
        "Island leaders meet\n\n"
        "Greek Cypriot and Turkish Cypriot leaders met to discuss the stalled crossing talks.\n\n"
        "The Turkish Cypriot leader said Cyprus needed crossing talks soon.\n\n"
        "Cyprus has had no new crossing since 2018, the Greek Cypriot leader said.\n"
    )
    art = records(build_case({"a.txt": text}), "articles/")
    names = [c["name"] for a in art.values() for c in a["issue_candidates"]]
    assert names == ["Cyprus crossing talks"]
