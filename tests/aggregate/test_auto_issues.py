"""Issues found automatically: a new-issue candidate that several articles return to is published
as an issue of its own, not curated, with a confidence (``aggregate/auto_issues.py``)."""

from __future__ import annotations

from generator.aggregate.auto_issues import AUTO_ISSUE_CAP, confidence
from generator.render.records import review_candidates
from tests.handmade import Draft, corpus_of, seeds_registry

TAX = "The fuel levy bill passed its first reading. Critics said the fuel levy bill hurts farmers."
TAX_AGAIN = "Farmers marched against the fuel levy bill. The fuel levy bill goes to the senate."
CANNON = "Police used a water cannon on the crowd. The water cannon was withdrawn at dusk."


def _draft(ident: str, text: str, name: str, key: str) -> Draft:
    draft = Draft(ident, text)
    draft.candidate(name, key)
    return draft


def _issues(corpus):
    return {e.id: e for e in corpus.entities if e.type.value == "issue"}


def test_a_matter_two_articles_return_to_is_an_issue_found_automatically():
    corpus = corpus_of(
        seeds_registry(),
        _draft("a", TAX, "fuel levy bill", "fuel levy bill"),
        _draft("b", TAX_AGAIN, "fuel levy bill", "fuel levy bill"),
    )
    issue = _issues(corpus)["fuel-levy-bill"]
    assert (issue.name, issue.curated, issue.confidence) == ("Fuel levy bill", False, 0.6)
    assert issue.aliases == []  # not the same words in lower case
    assert [m.article for m in issue.mentions] == ["a", "b"]
    assert issue.mentions[0].sentences[0].startswith("The fuel levy bill passed")
    for record in corpus.articles:
        assert "fuel-levy-bill" in record.entities["issues"]
    # the review list still shows the phrase, with the issue published for it
    assert review_candidates(corpus)[0]["issue"] == "fuel-levy-bill"


def test_a_phrase_one_article_returns_to_stays_a_candidate():
    corpus = corpus_of(
        seeds_registry(),
        _draft("a", TAX, "fuel levy bill", "fuel levy bill"),
        Draft("b", "Farmers marched in the capital on Monday."),
    )
    assert "fuel-levy-bill" not in _issues(corpus)
    assert corpus.articles[0].entities["issues"] == []
    assert "issue" not in review_candidates(corpus)[0]


def test_a_recurring_phrase_that_names_no_matter_is_no_issue():
    corpus = corpus_of(
        seeds_registry(),
        _draft("a", CANNON, "water cannon", "water cannon"),
        _draft("b", CANNON, "water cannon", "water cannon"),
    )
    assert _issues(corpus) == {}


def test_confidence_grows_with_the_articles_and_stays_below_curated():
    assert confidence(2) < confidence(3) < confidence(4)
    assert confidence(50) == AUTO_ISSUE_CAP < 1.0
