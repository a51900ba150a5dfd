"""Issues said in passing, and new-issue candidates for review (issue #3), on articles written
for these tests."""

from __future__ import annotations

from generator import yamlio
from generator.build import build
from generator.config import BuildConfig
from tests.conftest import make_seeds


def article(result) -> dict:
    path = next(p for p in result.records if p.startswith("articles/"))
    return yamlio.load(result.records[path])


def issues(result) -> set[str]:
    return set(article(result)["entities"]["issues"])


# --- issues said in passing -----------------------------------------------------------------

TREATY = (
    "UK and Ukraine sign treaty\n\n"
    "The two prime ministers met in Kyiv on Thursday and praised the new partnership. "
    "Both said the visit marked a turning point.\n\n"
    "The treaty commits both countries to closer cooperation on clean energy, critical minerals, "
    "health and education.\n"
)


def test_an_issue_named_once_in_a_list_of_topics_is_not_one_the_article_discusses(
    build_case,
):
    assert "technology-competition" not in issues(build_case({"a.txt": TREATY}))


def test_a_named_issue_in_a_list_is_still_an_issue(build_case):
    text = (
        "Ministers meet in Jakarta\n\n"
        "The two ministers met in Jakarta on Friday and praised the new partnership. "
        "Both said the visit marked a turning point.\n\n"
        "They also discussed Myanmar, Ukraine and the Korean Peninsula.\n"
    )
    assert "korean-peninsula" in issues(build_case({"a.txt": text}))


def test_an_issue_in_a_list_counts_when_it_recurs(build_case):
    text = TREATY + "\nCritical minerals will be mined under a new joint venture.\n"
    assert "technology-competition" in issues(build_case({"a.txt": text}))


def test_an_issue_in_a_time_clause_is_background(build_case):
    text = (
        "Envoy visits Tehran\n\n"
        "The agency's chief held talks in Tehran on Thursday about inspections of nuclear sites. "
        "He met the foreign minister for two hours.\n\n"
        "The trip also comes days after Donald Trump won the U.S. presidential election.\n"
    )
    assert "elections-and-democracy" not in issues(build_case({"a.txt": text}))


def test_the_words_of_a_list_cue_match_their_plurals(build_case):
    text = (
        "Commander warns senators\n\n"
        "The commander testified before the committee on Thursday about readiness and budgets. "
        "He spoke for an hour.\n\n"
        '"Pyongyang is supplying artillery shells and missiles to Moscow," the commander said.\n'
    )
    assert "korean-peninsula" in issues(build_case({"a.txt": text}))


def _once(sentence: str) -> str:
    return (
        "Ministers meet in Rome\n\n"
        "The two foreign ministers met in Rome on Friday for two hours. "
        "Both called the visit a turning point for their countries.\n\n"
        f"{sentence}\n\n"
        "They will meet again in the spring.\n"
    )


def test_a_one_word_issue_named_once_counts_when_it_is_what_they_discussed(build_case):
    # one-word cues other than the issue's name need to recur or stand in the lede
    assert "migration" in issues(build_case({"a.txt": _once("They discussed refugees.")}))


def test_a_topic_of_talks_named_once_counts(build_case):
    held = _once("They also held talks on tariffs.")
    assert "trade" in issues(build_case({"a.txt": held}))


def test_an_issue_cue_inside_an_organizations_name_does_not_count(build_case):
    text = (
        "Envoy meets researchers\n\n"
        "The envoy met researchers from the Institute for Climate Change Studies in Oslo on Monday. "
        "The Institute for Climate Change Studies hosted the meeting for two hours.\n\n"
        "They spoke about the new port and the railway.\n"
    )
    assert "climate-change" not in issues(build_case({"a.txt": text}))


#: A body that names the refugees once, in background.
REFUGEES_ONCE = _once("The talks came as the number of refugees grew in the region.")


def test_an_issue_the_headline_names_counts_when_the_body_names_it_once(build_case):
    headed = REFUGEES_ONCE.replace("Ministers meet in Rome", "Ministers weigh refugee crisis", 1)
    assert "migration" in issues(build_case({"a.txt": headed}))


def test_an_issue_named_once_in_background_without_the_headline_does_not_count(build_case):
    assert "migration" not in issues(build_case({"a.txt": REFUGEES_ONCE}))


def test_an_issue_named_once_as_an_example_is_background(build_case):
    text = _once("The plan aims to restore services such as roads and education.")
    assert "education" not in issues(build_case({"a.txt": text}))


# --- new-issue candidates -------------------------------------------------------------------

DAM = (
    "Egypt and Ethiopia trade blame as Nile dam talks stall\n\n"
    "CAIRO — Talks between Egypt, Ethiopia and Sudan on the Nile dam dispute ended on Tuesday "
    "without agreement, the Egyptian Foreign Ministry said.\n\n"
    "Egypt fears the hydropower dam on the Blue Nile will cut its share of the river's water. "
    "Ethiopia says the dam is vital to its development.\n\n"
    '"We cannot accept a unilateral approach to the Nile dam dispute," Egyptian Foreign Minister '
    "Sameh Shoukry told reporters in Cairo.\n\n"
    "Sudan, which sits between the two, has swung between the two positions in the dispute. "
    "Analysts said the dispute was unlikely to be settled before the rainy season.\n"
)


def test_a_recurring_topic_outside_the_taxonomy_is_a_candidate_not_an_issue(build_articles):
    result = build_articles({"dam.txt": DAM})
    record = article(result)
    found = {c["name"]: c for c in record["issue_candidates"]}
    assert "Nile dam dispute" in found
    dispute = found["Nile dam dispute"]
    assert dispute["count"] == 4  # twice by name, twice as "the dispute"
    assert dispute["sentences"][0].startswith("CAIRO — Talks between Egypt")
    assert not any("dam" in i for i in record["entities"]["issues"])
    assert not any(p.startswith("issues/") and "dam" in p for p in result.records)
    review = yamlio.load(result.records["review.yml"])
    assert [c["name"] for c in review["issue_candidates"]][:1] == ["Nile dam dispute"]
    page = result.pages["review.md"]
    section = page[page.index("## New issue candidates") :]
    assert "<tr>\n<td>Nile dam dispute</td>\n<td>4</td>\n" in section


def test_names_roles_generic_phrases_and_known_issues_are_not_candidates(build_case):
    text = (
        "Leaders meet in Rome\n\n"
        "Italian Prime Minister Giorgia Meloni met the Dutch prime minister in Rome on Monday. "
        "The two leaders discussed the joint statement and the South China Sea dispute. "
        "Meloni said the joint statement would be published later and that the South China Sea "
        "dispute worried Europe. The two leaders will meet again next week, when a joint "
        "statement on the South China Sea dispute will follow.\n\n"
        "Rome officials said the meeting was friendly. Defense ministers will meet next week, "
        "the defense ministers' spokesman said, and the defense ministers will sign a pact.\n"
    )
    record = article(build_case({"a.txt": text}))
    assert "south-china-sea" in record["entities"]["issues"]
    assert record["issue_candidates"] == []


def test_a_suppressed_candidate_is_not_listed(tmp_path, tools):
    seeds = make_seeds(tmp_path, {"dam.txt": DAM})
    suppressions = seeds / "curated" / "suppressions.yml"
    text = suppressions.read_text(encoding="utf-8").replace(
        "suppressions: []",
        "suppressions:\n  - name: Nile dam dispute\n    type: issue\n    reason: a test\n",
    )
    suppressions.write_text(text, encoding="utf-8")
    result = build(BuildConfig(seeds=seeds), tools=tools)
    assert "Nile dam dispute" not in {c["name"] for c in article(result)["issue_candidates"]}
