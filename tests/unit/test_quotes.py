"""Quotations and their speakers, on sentences written for these tests (issue #3)."""

from __future__ import annotations

import pytest

from generator import yamlio
from generator.data import Mention
from generator.extract.quotes import quoted_spans
from generator.extract.tweets import find_posts


def quotes_of(result) -> list[tuple[str, str]]:
    """(speaker id, text) of the one article's quotes."""
    path = next(p for p in result.records if p.startswith("articles/"))
    return [(q["speaker"], q["text"]) for q in yamlio.load(result.records[path])["quotes"]]


def said_by(quotes: list[tuple[str, str]], start: str) -> list[str]:
    return [speaker for speaker, text in quotes if text.startswith(start)]


def person(text: str, body: str, sentence: int = 0) -> Mention:
    start = body.index(text)
    return Mention(text, "person", start, start + len(text), "", sentence)


# --- quotation marks ----------------------------------------------------------------------


def test_a_quotation_left_open_runs_on_into_the_next_paragraph():
    body = (
        "“We are neighbours,” she said. “It touches the whole region.\n\n"
        "“We will keep to this course whatever comes.”"
    )
    texts = [" ".join(q.text.split()) for q in quoted_spans(body)]
    assert texts == [
        "We are neighbours,",
        "It touches the whole region. We will keep to this course whatever comes.",
    ]


def test_an_open_quotation_the_next_paragraph_does_not_continue_is_dropped():
    body = "He said: “It touches the whole region and more.\n\nThe talks ended on Monday."
    assert quoted_spans(body) == []


# --- embedded posts -------------------------------------------------------------------------

POST = "Good talks today with my colleague on energy links and migration."


@pytest.mark.parametrize(
    "body",
    [
        f"She wrote:\n\n{POST} pic.twitter.com/aB3dE\n\n— Maria Duarte (@MariaDuartePT) May 6, 2024",
        f"{POST}\n\n- Maria Duarte (@MariaDuartePT) · May 6, 2024",
        f"{POST}\n\nMaria Duarte (@MariaDuartePT) May 6, 2024",
        f"{POST} — Maria Duarte (@MariaDuartePT) May 6, 2024",
        f"Maria Duarte @MariaDuartePT · May 6, 2024\n\n{POST}",
        f"Maria Duarte\n\n@MariaDuartePT · 6h\n\n{POST}",
        f"“{POST}”\n\n— Maria Duarte on X (@MariaDuartePT) May 6, 2024",
    ],
)
def test_an_embedded_post_in_each_rendering_is_its_signers_words(body):
    mentions = [person("Maria Duarte", body)]
    posts = find_posts(body, mentions)
    assert [(p.text, p.speaker) for p in posts] == [(POST, 0)]


def test_a_post_signed_by_an_account_that_is_no_person_has_no_speaker():
    body = f"{POST}\n\n— NATO (@NATO) May 6, 2024"
    assert find_posts(body, []) == []


def test_the_line_introducing_a_post_is_not_the_post():
    body = "Duarte posted a photo from the meeting:\n\n— Maria Duarte (@MariaDuartePT) May 6, 2024"
    assert find_posts(body, [person("Maria Duarte", body)]) == []


def test_embedded_post_becomes_a_quote_of_its_author(build_articles):
    text = (
        "Minister posts after Lisbon talks\n\n"
        "Portuguese Foreign Minister Maria Duarte met her Spanish counterpart in Lisbon on Monday."
        "\n\nDuarte later posted on social media:\n\n"
        "Good talks today with my Spanish colleague on energy links and migration. Our two "
        "countries work best together. pic.twitter.com/xQ7dLm2Pzk\n\n"
        "— Maria Duarte (@MariaDuartePT) May 6, 2024\n\nThe ministers will meet again in June.\n"
    )
    quotes = quotes_of(build_articles({"a.txt": text}))
    assert said_by(quotes, "Good talks today with my Spanish colleague") == ["maria-duarte"]
    assert not any("pic.twitter" in q for _, q in quotes)


# --- who spoke ------------------------------------------------------------------------------


def test_a_relayed_quotation_belongs_to_the_one_the_relayer_quotes(build_articles):
    text = (
        "Kremlin relays the president's words\n\n"
        "According to Kremlin spokesman Ivan Sorokin, President Oleg Markov told his guest over "
        'dinner: "We have studied your proposals and see in them a basis for a settlement."\n\n'
        '"Nobody expected miracles from this trip at all," Sorokin said Markov told the '
        "visitors.\n\n"
        'According to Sorokin, "the two leaders understand each other very well indeed."\n'
    )
    quotes = quotes_of(build_articles({"a.txt": text}))
    assert said_by(quotes, "We have studied your proposals") == ["oleg-markov"]
    assert said_by(quotes, "Nobody expected miracles") == ["oleg-markov"]
    assert said_by(quotes, "the two leaders understand") == ["ivan-sorokin"]


def test_a_role_stands_for_the_latest_person_who_holds_it(build_articles):
    text = (
        "Ministers meet in Oslo\n\n"
        "Foreign Minister Ana Ruiz met Defense Minister Tomas Lind in Oslo. Lind said the two had "
        "agreed on a plan.\n\n"
        "Ruiz said the ministers had also discussed shipping. "
        '"The sea lanes must stay open to everyone," the minister said.\n\n'
        "Gen. Peter Hollis, who leads the northern command, spoke after her. "
        '"We are ready for anything that comes our way," the general told reporters.\n\n'
        '"This meeting changes nothing at all for us," the spokesman said.\n'
    )
    quotes = quotes_of(build_articles({"a.txt": text}))
    assert said_by(quotes, "The sea lanes must stay open") == ["ana-ruiz"]
    assert said_by(quotes, "We are ready for anything") == ["peter-hollis"]  # "Gen." → general
    # nobody named is a spokesman, and the quotation is attributed: not the general's next words
    assert said_by(quotes, "This meeting changes nothing") == []


def test_a_pronoun_stands_for_the_one_reported_on_not_the_reporter(build_articles):
    text = (
        "Pentagon urges restraint\n\n"
        "Defense Secretary Mark Hale urged restraint in the strait, spokesman Tim Boyd said in a "
        "statement.\n\n"
        'He also called for talks on "reducing risk and improving crisis communications between '
        'the two militaries."\n\n'
        "Prime Minister Ana Velez met on Tuesday with John Carver, the envoy for the region. "
        "Carver said afterward that his government would review its aid.\n\n"
        '"If the law moves forward in this way, we will have to look again at our ties," he said.'
        "\n"
    )
    quotes = quotes_of(build_articles({"a.txt": text}))
    assert said_by(quotes, "reducing risk and improving") == ["mark-hale"]
    # the subject of the sentence just before, not the subject of "met" one sentence earlier
    assert said_by(quotes, "If the law moves forward") == ["john-carver"]


def test_quotations_across_sentences_and_passive_attribution(build_articles):
    text = (
        "Envoys speak\n\n"
        'Climate envoy Peter Lund said the deal sent a signal. "Nobody should think this alone '
        'keeps the goal in reach. But it puts every investor on notice," he said.\n\n'
        "The office of President Karl Brandt said Brandt told the guest that the country had "
        'never sought a bomb. "We have repeatedly shown our good faith to everyone," he was '
        "quoted as saying.\n"
    )
    quotes = quotes_of(build_articles({"a.txt": text}))
    assert said_by(quotes, "Nobody should think this alone") == ["peter-lund"]
    assert said_by(quotes, "We have repeatedly shown") == ["karl-brandt"]


def test_a_given_name_before_a_particle_is_part_of_the_name(build_articles):
    text = (
        "Conference closes\n\n"
        '"This is a package that our children will judge us by," Sultan Al Mansouri, the '
        "conference chair, told delegates.\n"
    )
    quotes = quotes_of(build_articles({"a.txt": text}))
    assert said_by(quotes, "This is a package") == ["sultan-al-mansouri"]
