"""The offices the registry says a person held (extract/offices.py): "said the Secretary General"
is the person named before who held that office, though the article never titles them so."""

from __future__ import annotations

from generator.curated.registry import CuratedEntity, Registry
from generator.data import EntityType, Mention
from generator.extract.offices import curated_offices
from generator.extract.quotes import find_quotes
from generator.extract.referents import identity

ROLES = [
    {"title": "Mayor of Port Elin", "from": "2015-01-01", "to": "2021-12-31"},
    {"title": "Secretary General of the Harbour League", "from": "2022-01-01", "to": None},
]


def varga(start: int = 0, sentence: int = 0) -> Mention:
    return Mention(
        "Lena Varga", "person", start, start + 10, "", sentence, entity_id="person:lena-varga"
    )


def registry(description: str = "") -> Registry:
    data = {"roles": ROLES, "description": description}
    entity = CuratedEntity(
        "lena-varga", EntityType.PERSON, "Lena Varga", [], "curated/people.yml", 1, data
    )
    return Registry(entities={entity.key: entity})


def test_an_office_counts_on_the_articles_day_and_any_on_an_undated_one():
    key = identity(varga())
    assert curated_offices([varga()], registry(), "2024-03-01") == {
        key: {"secretary", "general", "of", "the", "harbour", "league"}
    }
    assert curated_offices([varga()], registry(), "2018-06-01") == {
        key: {"mayor", "of", "port", "elin"}
    }
    assert "mayor" in curated_offices([varga()], registry(), None)[key]  # undated: ever held
    assert curated_offices([varga()], registry(), "2014-01-01") == {}


def test_a_role_the_article_never_titles_is_the_one_who_held_that_office(tools):
    text = (
        "Lena Varga arrived in Port Elin on Monday for talks with the harbour board.\n\n"
        "“The league will stand by every one of its members in this crisis,” said the Secretary "
        "General."
    )
    doc = tools.nlp(text)
    sentences = list(doc.sents)
    sent_index = {k: i for i, s in enumerate(sentences) for k in range(s.start, s.end)}
    mentions = [varga()]
    offices = curated_offices(mentions, registry(), None)
    found = find_quotes(doc, mentions, sentences, sent_index, text, offices)
    assert [(q.speaker, q.text[:10]) for q in found] == [(0, "The league")]
    assert find_quotes(doc, mentions, sentences, sent_index, text) == []  # the article alone


def test_the_nationality_and_party_of_a_description_qualify_an_office():
    described = registry("Elinese Harbour Party politician who leads the league since 2022.")
    words = curated_offices([varga()], described, "2024-03-01")[identity(varga())]
    assert {"elinese", "harbour", "party", "secretary"} <= words
    assert not {"politician", "who", "leads"} & words  # common words are no title
