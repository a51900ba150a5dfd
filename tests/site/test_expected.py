"""The checklist of ../shared/seeds/EXPECTED.md, one assertion per item, on the built records."""

from __future__ import annotations

import pytest

from generator import yamlio
from generator.names import key as name_key

A0 = "000-2011f7586461d12d"  # IRIA: "China, US defense leaders to meet in Cambodia"
A2 = "002-2f1f37a58d6b76d2"  # The Independent: "US and Chinese defense chiefs meet ..."


@pytest.fixture(scope="module")
def records(seeds_build):
    return {
        path[: -len(".yml")]: yamlio.load(text)
        for path, text in seeds_build.records.items()
        if path.endswith(".yml") and "/" in path
    }


def article(records, ident):
    return records[f"articles/{ident}"]


def entity(records, folder, ident):
    return records[f"{folder}/{ident}"]


def person_id(records, name):
    """The id of the person page whose name or alias is this name (order, initials ignored)."""
    wanted = name_key(name)
    found = [
        data["id"]
        for path, data in records.items()
        if path.startswith("people/")
        and any(name_key(n) == wanted for n in [data["name"], *data["aliases"]])
    ]
    assert len(found) == 1, f"{name!r} should be exactly one person page, found {found}"
    return found[0]


# --- article 000: IRIA -----------------------------------------------------------------------


def test_a0_metadata(records):
    a = article(records, A0)
    assert a["title"] == "China, US defense leaders to meet in Cambodia"
    assert a["publisher"] == "IRIA – International Relations Insights & Analysis"
    assert a["authors"] == []
    assert a["published"] is None  # the footer's 2014-2025 is a copyright range, not a date


@pytest.mark.parametrize("name", ["Wei Fenghe", "Lloyd J. Austin", "Tan Kefei"])
def test_a0_people(records, name):
    assert person_id(records, name) in article(records, A0)["entities"]["people"]


def test_a0_people_exactly(records):
    assert len(article(records, A0)["entities"]["people"]) == 3


@pytest.mark.parametrize(
    "country",
    [
        "china",
        "united-states",
        "cambodia",
        "canada",
        "indonesia",
        "russia",
        "ukraine",
        "taiwan",
        "philippines",
        "myanmar",
        "singapore",
    ],
)
def test_a0_countries(records, country):
    assert country in article(records, A0)["entities"]["countries"]


@pytest.mark.parametrize("forum", ["admm-plus", "asean", "shangri-la-dialogue"])
def test_a0_forums(records, forum):
    assert forum in article(records, A0)["entities"]["forums"]


def test_a0_admm_plus_aliases(records):
    forum = entity(records, "forums", "admm-plus")
    names = {n.casefold() for n in [forum["name"], *forum["aliases"]]}
    assert "admm-plus" in names


@pytest.mark.parametrize(
    "org", ["china-ministry-of-national-defense", "united-states-department-of-defense"]
)
def test_a0_organizations(records, org):
    assert org in article(records, A0)["entities"]["organizations"]


def test_pentagon_is_the_department_of_defense(records):
    dod = entity(records, "organizations", "united-states-department-of-defense")
    assert "Pentagon" in dod["aliases"]


@pytest.mark.parametrize(
    "issue",
    ["south-china-sea", "taiwan", "russia-ukraine-war", "myanmar-crisis", "indo-pacific-security"],
)
def test_a0_issues(records, issue):
    assert issue in article(records, A0)["entities"]["issues"]


def test_a0_quote_tan_kefei(records):
    quotes = article(records, A0)["quotes"]
    tan = person_id(records, "Tan Kefei")
    assert any(
        q["speaker"] == tan and q["text"].startswith("China holds a positive and open")
        for q in quotes
    ), quotes


def test_a0_events(records):
    events = [entity(records, "events", e) for e in article(records, A0)["events"]]
    austin, wei = person_id(records, "Lloyd Austin"), person_id(records, "Wei Fenghe")
    admm = [e for e in events if e["forum"] == "admm-plus"]
    assert admm and any(
        c["date"] == "2022-11-27/2022-12-01" and c["article"] == A0 for c in admm[0]["date_claims"]
    )
    june = [
        e
        for e in events
        if {austin, wei} <= set(e["participants"]) and (e["date"] or "").startswith("2022-06")
    ]
    assert june and june[0]["forum"] == "shangri-la-dialogue"
    assert "singapore" in june[0]["countries"]


# --- article 002: The Independent ------------------------------------------------------------


def test_a2_metadata(records):
    a = article(records, A2)
    assert a["title"] == "US and Chinese defense chiefs meet amid strained relations"
    assert a["publisher"] == "The Independent"
    assert a["authors"] == ["Heng Sinith"]
    assert a["published"] == "2022-11-22"


@pytest.mark.parametrize(
    "name",
    [
        "Lloyd J. Austin II",
        "Wei Fenghe",
        "Joe Biden",
        "Xi Jinping",
        "Nancy Pelosi",
        "Pat Ryder",
        "Tan Kefei",
    ],
)
def test_a2_people(records, name):
    assert person_id(records, name) in article(records, A2)["entities"]["people"]


def test_a2_people_exactly(records):
    assert len(article(records, A2)["entities"]["people"]) == 7


@pytest.mark.parametrize(
    "fragment", ["Brig", "Councilor", "Col", "Gen", "Elon Musk", "Heng Sinith"]
)
def test_not_people(records, fragment):
    for path, data in records.items():
        if path.startswith("people/"):
            names = [data["name"], *data["aliases"]]
            assert fragment not in names, f"{fragment!r} became a person ({path})"


def test_byline_is_author_not_subject(records):
    assert "Heng Sinith" in article(records, A2)["authors"]
    assert not any(
        "Heng Sinith" in s
        for path, d in records.items()
        if path.startswith("people/")
        for m in d["mentions"]
        for s in m["sentences"]
    )


@pytest.mark.parametrize(
    "country",
    ["united-states", "china", "cambodia", "indonesia", "taiwan", "russia", "ukraine", "korea"],
)
def test_a2_countries(records, country):
    assert country in article(records, A2)["entities"]["countries"]


@pytest.mark.parametrize("alias", ["Washington", "U.S.", "Beijing", "Chinese", "Taipei"])
def test_a2_country_metonyms(records, alias):
    owner = {
        "Washington": "united-states",
        "U.S.": "united-states",
        "Beijing": "china",
        "Chinese": "china",
        "Taipei": "taiwan",
    }[alias]
    mention = next(m for m in entity(records, "countries", owner)["mentions"] if m["article"] == A2)
    assert any(alias in s for s in mention["sentences"]) or mention["count"] >= 3


def test_a2_forum_is_admm_plus(records):
    assert "admm-plus" in article(records, A2)["entities"]["forums"]


@pytest.mark.parametrize(
    "org",
    [
        "china-ministry-of-national-defense",
        "united-states-department-of-defense",
        "united-states-house-of-representatives",
    ],
)
def test_a2_organizations(records, org):
    assert org in article(records, A2)["entities"]["organizations"]


@pytest.mark.parametrize(
    "issue",
    [
        "taiwan",
        "south-china-sea",
        "russia-ukraine-war",
        "korean-peninsula",
        "nuclear-weapons",
        "military-risk-reduction",
        "trade",
    ],
)
def test_a2_issues(records, issue):
    assert issue in article(records, A2)["entities"]["issues"]


@pytest.mark.parametrize(
    ("speaker", "start"),
    [
        ("Joe Biden", "compete vigorously, but I’m not looking for conflict"),
        ("Wei Fenghe", "The responsibility for the current situation facing China-U.S. relations"),
        ("Wei Fenghe", "has the backbone, the determination"),
        ("Tan Kefei", "as a concrete measure to implement"),
        ("Pat Ryder", "underscored his opposition to unilateral changes to the status quo"),
    ],
)
def test_a2_quotes(records, speaker, start):
    quotes = article(records, A2)["quotes"]
    who = person_id(records, speaker)
    assert any(q["speaker"] == who and q["text"].startswith(start) for q in quotes), quotes


def test_a2_scare_quotes_are_not_quotes(records):
    texts = [q["text"] for q in article(records, A2)["quotes"]]
    for scare in ("red line", "one China", "strategic ambiguity"):
        assert scare not in texts


def test_a2_events(records):
    events = [entity(records, "events", e) for e in article(records, A2)["events"]]
    austin, wei = person_id(records, "Lloyd Austin"), person_id(records, "Wei Fenghe")
    biden, xi = person_id(records, "Joe Biden"), person_id(records, "Xi Jinping")
    pelosi = person_id(records, "Nancy Pelosi")
    bilateral = [
        e
        for e in events
        if set(e["participants"]) == {austin, wei}
        and e["date"] == "2022-11-22"
        and e["kind"] != "summit"
    ]
    assert bilateral, events
    assert "Siem Reap" in (bilateral[0]["place"] or "") and "cambodia" in bilateral[0]["countries"]
    assert any(
        set(e["participants"]) == {biden, xi}
        and "indonesia" in e["countries"]
        and (e["date"] or "").startswith("2022-11")
        for e in events
    )
    assert any(
        e["participants"] == [pelosi]
        and e["kind"] == "visit"
        and "taiwan" in e["countries"]
        and e["date"] == "2022-08"
        for e in events
    )


# --- across the two -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Lloyd Austin", "Wei Fenghe", "Tan Kefei"])
def test_one_page_per_person_citing_both(records, name):
    ident = person_id(records, name)
    cited = {m["article"] for m in entity(records, "people", ident)["mentions"]}
    assert cited == {A0, A2}


def test_austin_spellings_are_one_person(records):
    austin = entity(records, "people", person_id(records, "Lloyd Austin"))
    names = {austin["name"], *austin["aliases"]}
    assert {"Lloyd J. Austin", "Lloyd J. Austin II"} <= names
    assert sum(1 for p in records if p.startswith("people/") and "austin" in p) == 1


def test_admm_plus_dates_disagree_with_sources(records):
    sessions = [
        d
        for p, d in records.items()
        if p.startswith("events/") and d["forum"] == "admm-plus" and d["kind"] == "summit"
    ]
    assert len(sessions) == 1
    claims = {(c["date"], c["article"]) for c in sessions[0]["date_claims"]}
    assert ("2022-11-27/2022-12-01", A0) in claims
    assert ("2022-11-22", A2) in claims


def test_forum_page_shows_both_dates(seeds_build):
    page = seeds_build.pages["forums/admm-plus.md"]
    assert "Sources disagree on the date" in page
    assert "2022-11-27/2022-12-01" in page and "2022-11-22" in page
    assert f"articles/{A0}.md" in page and f"articles/{A2}.md" in page


@pytest.mark.parametrize(
    "text",
    [
        "Elon Musk",
        "Your support",
        "Thank you for registering",
        "Leave a comment",
        "Image Credit",
        "Subscribe to IRIA",
        "Back to Top",
        "Related Articles",
    ],
)
def test_nothing_from_boilerplate(seeds_build, records, text):
    for path, data in records.items():
        if path.startswith("articles/"):
            continue
        assert text not in yamlio.dump(data), f"boilerplate {text!r} leaked into {path}"
    for record in seeds_build.corpus.articles:
        assert all(text not in p for p in record.article.paragraphs)


def test_person_page_shows_both_spellings_with_sources(seeds_build):
    page = seeds_build.pages["people/lloyd-austin.md"]
    note = page.split("Sources disagree on the name", 1)[1].split("## ", 1)[0]
    assert (
        f'<strong>Lloyd J. Austin</strong>: <a href="../articles/{A0}.md">China, US defense leaders to meet in Cambodia</a>'
        in note
    )
    assert (
        f'<strong>Lloyd J. Austin II</strong>: <a href="../articles/{A2}.md">US and Chinese defense chiefs meet amid strained relations</a>'
        in note
    )
