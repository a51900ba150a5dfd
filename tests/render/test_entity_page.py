"""Entity pages on hand-made articles: roles in the order a reader trusts them, quotes as the
quoted words with their sentence one click away, related entities by type."""

from __future__ import annotations

import re

from generator.config import BuildConfig
from generator.render.entity_page import quotation
from generator.render.pages import Site, render_pages
from tests.conftest import SEEDS
from tests.handmade import Draft, corpus_of, seeds_registry
from tests.render.markup import html_of, table_rows

CONFIG = BuildConfig(seeds=SEEDS, cache_dir=None)


def _austin_in_three_articles() -> list[Draft]:
    first = Draft("a", "Chief Defense Secretary Lloyd Austin flew to Manila.", "2024-01-01")
    first.mention("Lloyd Austin", role="Chief Defense Secretary")
    later = []
    for ident, day in (("b", "2024-02-01"), ("c", "2024-03-01")):
        draft = Draft(ident, "Pentagon chief Lloyd Austin met Gilberto Teodoro in Manila.", day)
        draft.mention("Lloyd Austin", role="Pentagon chief")
        draft.mention("Gilberto Teodoro")
        later.append(draft)
    return [first, *later]


def test_curated_title_first_then_extracted_ones_by_articles():
    registry = seeds_registry()
    corpus = corpus_of(registry, *_austin_in_three_articles())
    site = Site(corpus, registry, CONFIG)
    austin = next(e for e in corpus.entities if e.id == "lloyd-austin")
    rows = site.role_rows(austin)
    # the phrase of the first article alone comes last, after the one two articles give
    assert [row["title"] for row in rows] == [
        "Secretary of Defense of the United States",
        "Pentagon chief",
        "Chief Defense Secretary",
    ]
    assert rows[0]["curated"] and [row["count"] for row in rows[1:]] == [2, 1]
    # the curated title (without its country) leads the short titles too
    assert site.short_roles(austin) == [
        "Secretary of Defense",
        "Pentagon chief",
        "Chief Defense Secretary",
    ]
    # chips (which the theme sorts by name) only for titles to trust: not the one-article phrase
    assert site.tags(austin) == ["person", "Secretary of Defense", "Pentagon chief"]


def test_a_quote_is_its_quoted_words_without_the_sentences_comma():
    sentence = (
        "He also urged continuing talks on “reducing strategic risk, improving crisis "
        'communications, and enhancing operational safety," noting concerns over air safety.'
    )
    body = f"Austin met Wei.\n\n{sentence}"
    text = "reducing strategic risk, improving crisis communications, and enhancing operational safety,"
    shown = quotation(text, sentence, body)
    assert shown.words == text.rstrip(",")
    assert shown.context == sentence


def test_a_quote_cut_by_the_sentence_splitter_starts_at_its_quotation_mark():
    body = "Marcos spoke.\n\n“We will defend the islands. Nobody should doubt it,” Marcos said. He left."
    shown = quotation("Nobody should doubt it,", "Nobody should doubt it,” Marcos said.", body)
    assert shown.words == "We will defend the islands. Nobody should doubt it"
    assert (
        shown.context
        == "“We will defend the islands. Nobody should doubt it,” Marcos said. He left."
    )


def test_a_quote_not_found_in_the_text_is_shown_as_given_without_its_comma():
    shown = quotation("we stand by it,", "“We stand by it,” she said.", "Something else.")
    assert (shown.words, shown.context) == ("we stand by it", "“We stand by it,” she said.")


def test_the_person_page_shows_the_quote_and_its_sentence_one_click_away():
    text = (
        "Lloyd Austin visited Manila on Monday.\n\n"
        "“We will defend the islands. Nobody should doubt it,” Austin said at the pier."
    )
    draft = Draft("a", text, "2024-01-01")
    austin = draft.mention("Lloyd Austin")
    draft.mention("Austin", occurrence=1, refers_to="Lloyd Austin")
    draft.quote("Nobody should doubt it,", austin)
    registry = seeds_registry()
    page = render_pages(corpus_of(registry, draft), registry, CONFIG).pages[
        "people/lloyd-austin.md"
    ]
    quotes = page.split("## Quotes", 1)[1].split("\n## ", 1)[0]
    assert "<blockquote>\n<p>“We will defend the islands. Nobody should doubt it”</p>" in quotes
    details = re.search(r"<details[^>]*><summary>[^<]+</summary><p>([^<]+)</p></details>", quotes)
    assert details, quotes
    assert details.group(1) == (
        "“We will defend the islands. Nobody should doubt it,” Austin said at the pier."
    )


def test_related_entities_by_type_each_shared_article_title_printed_once():
    registry = seeds_registry()
    drafts = _austin_in_three_articles()
    for draft in drafts[1:]:
        draft.mention("Manila", "country", entity_id="country:philippines", source="registry")
    page = render_pages(corpus_of(registry, *drafts), registry, CONFIG).pages[
        "people/lloyd-austin.md"
    ]
    related = page.split("## Related", 1)[1]
    assert re.findall(r"^### (\w+)", related, re.M) == ["People", "Countries"]
    # Teodoro and the Philippines share the same two articles: each title once, cited by number
    for ident in ("b", "c"):
        # the key, and one row per type
        assert related.count(f'<a href="../articles/{ident}.md">') == 3
        assert related.count(f'<a href="../articles/{ident}.md">Title</a>') == 1
    assert [
        '<a href="../people/gilberto-teodoro.md">Gilberto Teodoro</a>',
        '<a href="../articles/b.md">1</a>, <a href="../articles/c.md">2</a>',
    ] in table_rows(html_of(page), "People")


def test_people_index_gives_each_persons_main_role_and_country():
    drafts = _austin_in_three_articles()
    # a mention publishes the country (any word will do here): the row links to its page
    drafts[0].mention("Manila", "country", entity_id="country:united-states", source="registry")
    registry = seeds_registry()
    index = render_pages(corpus_of(registry, *drafts), registry, CONFIG).pages["people/index.md"]
    rows = table_rows(html_of(index), "Name")
    assert '<th style="text-align: right;">Articles</th>' in index  # the columns as before
    (cells,) = [r for r in rows if r[0] == '<a href="lloyd-austin.md">Lloyd Austin</a>']
    assert cells[1:4] == [
        "Secretary of Defense",
        '<a href="../countries/united-states.md">United States</a>',
        "3",
    ]
