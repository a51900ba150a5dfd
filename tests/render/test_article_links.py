"""Links in an article's text, on hand-made articles: the longest name wins, no link sits inside
a longer name, one link per entity per paragraph, names match at word boundaries only."""

from __future__ import annotations

import re

from generator.config import BuildConfig
from generator.render.linking import Span, choose
from generator.render.pages import Site
from tests.conftest import SEEDS
from tests.handmade import Draft, corpus_of, seeds_registry

_LINK = re.compile(r'<a href="\.\./([a-z]+/[a-z0-9-]+)\.md">([^<]+)</a>')


def linked(draft: Draft) -> list[list[tuple[str, str]]]:
    """Each paragraph's links as (label, page) pairs, the article built as the build would."""
    registry = seeds_registry()
    corpus = corpus_of(registry, draft)
    site = Site(corpus, registry, BuildConfig(seeds=SEEDS, cache_dir=None))
    paragraphs = site.linked_body(corpus.articles[0])
    return [[(label, page) for page, label in _LINK.findall(p)] for p in paragraphs]


def country(draft: Draft, name: str, ident: str, occurrence: int = 0) -> int:
    return draft.mention(
        name, "country", entity_id=f"country:{ident}", source="registry", occurrence=occurrence
    )


def test_a_longer_name_wins_over_the_country_inside_it():
    draft = Draft("a", "China and Vietnam both claim reefs in the South China Sea, Manila says.")
    country(draft, "China", "china")
    country(draft, "Vietnam", "vietnam")
    country(draft, "China", "china", occurrence=1)  # the gazetteer's "China" in the sea's name
    draft.mention("South China Sea", "issue", entity_id="issue:south-china-sea", source="cue")
    [links] = linked(draft)
    assert ("South China Sea", "issues/south-china-sea") in links
    assert links.count(("China", "countries/china")) == 1  # the first, not the one in the sea
    assert links[0] == ("China", "countries/china")


def test_no_country_link_inside_a_longer_capitalised_name_nobody_listed():
    draft = Draft("a", "Japan sent ships to the East China Sea on Monday, Japan said.")
    country(draft, "Japan", "japan")
    country(draft, "China", "china")  # no issue of this article names the sea
    [links] = linked(draft)
    assert ("China", "countries/china") not in links
    assert links == [("Japan", "countries/japan")]


def test_a_forums_long_name_links_whole_not_the_acronym_inside():
    text = (
        "The Association of Southeast Asian Nations Defense Ministers’ Meeting-Plus opens "
        "on Tuesday in Cambodia.\n\nThe ADMM-Plus brings ASEAN members and partners together."
    )
    draft = Draft("a", text)
    draft.mention(
        "Association of Southeast Asian Nations", "forum", entity_id="forum:asean", source="ner"
    )
    draft.mention("ADMM-Plus", "forum", entity_id="forum:admm-plus", source="registry")
    draft.mention("ASEAN", "forum", entity_id="forum:asean", source="registry")
    country(draft, "Cambodia", "cambodia")
    first, second = linked(draft)
    long_name = "Association of Southeast Asian Nations Defense Ministers’ Meeting-Plus"
    assert first[0] == (long_name, "forums/admm-plus")
    assert all(page != "forums/asean" for _, page in first)
    assert second == [("ADMM-Plus", "forums/admm-plus"), ("ASEAN", "forums/asean")]


def test_a_known_issue_is_one_link_not_two_countries():
    text = "They differ on the Russia-Ukraine war and on Taiwan."
    with_issue = Draft("a", text)
    country(with_issue, "Russia", "russia")
    country(with_issue, "Ukraine", "ukraine")
    with_issue.mention(
        "Russia-Ukraine war", "issue", entity_id="issue:russia-ukraine-war", source="cue"
    )
    assert linked(with_issue)[0][0] == ("Russia-Ukraine war", "issues/russia-ukraine-war")
    assert not [page for _, page in linked(with_issue)[0] if page.startswith("countries/")]
    without = Draft("a", text)  # the issue unknown: the countries are what the text names
    country(without, "Russia", "russia")
    country(without, "Ukraine", "ukraine")
    assert linked(without) == [[("Russia", "countries/russia"), ("Ukraine", "countries/ukraine")]]


def test_one_link_per_entity_per_paragraph():
    text = (
        "China met the U.S. in Geneva. China and the U.S. agreed, said Lloyd Austin.\n\n"
        "Austin said China would reply."
    )
    draft = Draft("a", text)
    country(draft, "China", "china")
    country(draft, "U.S.", "united-states")
    country(draft, "China", "china", occurrence=1)
    country(draft, "U.S.", "united-states", occurrence=1)
    country(draft, "China", "china", occurrence=2)
    draft.mention("Lloyd Austin")
    draft.mention("Austin", occurrence=1, refers_to="Lloyd Austin")
    first, second = linked(draft)
    assert first == [
        ("China", "countries/china"),
        ("U.S.", "countries/united-states"),
        ("Lloyd Austin", "people/lloyd-austin"),
    ]
    assert second == [("Austin", "people/lloyd-austin"), ("China", "countries/china")]


def test_names_match_at_word_boundaries_only():
    text = "Envoys in Chinatown, Indiana, told us the USA agrees.\n\nChina, India and the US agree."
    draft = Draft("a", text)
    country(draft, "China", "china")
    country(draft, "India", "india")
    country(draft, "US", "united-states")
    first, second = linked(draft)
    # not "Chinatown", "Indiana" nor "us"; "USA" is one of the country's names, linked whole
    assert first == [("USA", "countries/united-states")]
    assert [label for label, _ in second] == ["China", "India", "US"]


def test_overlapping_spans_the_longest_first_then_the_earliest():
    text = "U.S. Defense Department"
    spans = [
        Span(0, 4, ("countries", "united-states")),
        Span(5, 23, ("organizations", "dod")),
        Span(0, 23, ("organizations", "dod")),
    ]
    assert [(s.start, s.end, first) for s, first in choose(text, spans)] == [(0, 23, True)]
    crossing = [Span(0, 12, ("a", "x")), Span(5, 23, ("a", "y"))]  # the longer one wins
    assert [s.target for s, _ in choose(text, crossing)] == [("a", "y")]
