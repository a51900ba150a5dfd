"""Groups of people and credit lines are not people (extract/mentions.py, curated boilerplate)."""

from __future__ import annotations


def people(result) -> dict[str, str]:
    from generator import yamlio

    return {p: yamlio.load(t)["name"] for p, t in result.records.items() if p.startswith("people/")}


def test_a_group_of_people_is_not_a_person_nor_a_name_for_one(build_case):
    text = (
        "Johnson wins\n\nBoris Johnson addressed Tory MPs at a meeting on Tuesday afternoon.\n\n"
        "The Tory leader thanked his campaign team. Labour lawmakers said little.\n"
    )
    names = set(people(build_case({"a.txt": text})).values())
    assert "Boris Johnson" in names
    assert not [n for n in names if n.startswith("Tory") or n.startswith("Labour")]


def test_a_surname_the_tagger_reads_as_a_plural_stays_a_name(build_case):
    text = (
        "Grain deal\n\nUnited Nations Secretary-General António Guterres sent fresh proposals to "
        "Moscow on Monday. Guterres has said the collapse of the deal would be felt everywhere.\n"
    )
    found = build_case({"a.txt": text})
    record = next(t for p, t in found.records.items() if p.startswith("people/"))
    assert "count: 2" in record


def test_contributor_and_photo_credit_lines_name_no_one(build_case):
    text = (
        "Election night\n\nPrime Minister Justin Trudeau won a second term on Monday.\n\n"
        "Justin Trudeau waves on stage in Montreal. (Ryan Remiorz/The Canadian Press via AP)\n\n"
        "Facebook Twitter Pinterest Trudeau at the count. Photograph: Andy Rain/EPA\n\n"
        "Associated Press writer Jim Morris in Vancouver contributed to this report.\n"
    )
    names = set(people(build_case({"a.txt": text})).values())
    assert "Justin Trudeau" in names
    assert not names & {"Ryan Remiorz", "Andy Rain", "Jim Morris"}


def test_a_surname_the_tagger_reads_as_a_place_that_meets_people_is_a_person(build_case):
    # in b the tagger reads the lone "Vulić" as a place; only a person meets someone
    first = "Leaders invited\n\nPresident Marko Vulić was invited to Brussels on Thursday.\n"
    second = (
        "Talks resume\n\nBefore that meeting, Vulić met with Kerr and Bale as part of the "
        "dialogue. Moscow said it would watch the talks closely.\n"
    )
    found = build_case({"a.txt": first, "b.txt": second})
    record = found.records["people/marko-vulic.yml"]
    assert "article: b" in record and "Before that meeting, Vulić met with Kerr" in record
    assert "people/moscow.yml" not in found.records


def test_a_wire_datelines_city_in_capitals_is_no_organization(build_case):
    text = (
        "Farmers rally\n\nRIGA, March 3, 2025 — Thousands of farmers drove tractors into the "
        "capital on Monday. Prime Minister Anna Kerr met their leaders.\n"
    )
    found = build_case({"a.txt": text})
    assert not [p for p in found.records if p.startswith("organizations/")]
