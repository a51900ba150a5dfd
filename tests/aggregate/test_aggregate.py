"""Aggregate (aggregate/corpus.py, events.py, relations.py) on extraction records made by hand and
linked: one entity per person across articles and spellings, events merged across reports, and the
relationship graph. No spaCy model is loaded."""

from __future__ import annotations

from itertools import combinations

import pytest

from generator.aggregate.relations import MET_MAX_PARTICIPANTS
from generator.curated.registry import Registry
from generator.data import Corpus, EntityType
from tests.handmade import Draft, corpus_of, seeds_registry

#: Made-up people: none of them is in the curated registry.
CROWD = [
    "Anna Berg",
    "Carl Dahl",
    "Erik Falk",
    "Greta Holm",
    "Ivan Jansen",
    "Karin Lund",
    "Mats Nyberg",
    "Olga Persson",
    "Rolf Strand",
]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return seeds_registry()


def people(corpus: Corpus) -> dict[str, object]:
    """Published people by name."""
    return {e.name: e for e in corpus.entities if e.type is EntityType.PERSON}


def edges(corpus: Corpus, kind: str) -> set[frozenset[str]]:
    """The edges of one kind, as the names of the two entities they join."""
    nodes = corpus.relations.nodes
    return {
        frozenset({nodes[e.source].name, nodes[e.target].name})
        for e in corpus.relations.edges
        if e.kind == kind
    }


# --- people across articles ------------------------------------------------------------------


def test_two_spellings_of_one_person_in_two_articles_are_one_entity(registry):
    one = Draft("one", "José Núñez, a spokesman, said the talks went well. Núñez smiled.")
    one.mention("José Núñez")
    one.mention("Núñez", occurrence=1, refers_to="José Núñez")
    two = Draft("two", "Jose Nunez later said he had been misquoted.")
    two.mention("Jose Nunez")
    corpus = corpus_of(registry, one, two)
    (nunez,) = [e for e in corpus.entities if e.type is EntityType.PERSON]
    assert nunez.id == "jose-nunez"
    assert {nunez.name, *nunez.aliases} >= {"José Núñez", "Jose Nunez"}
    assert [(m.article, m.count) for m in nunez.mentions] == [("one", 2), ("two", 1)]
    record = {a.article.id: a for a in corpus.articles}
    assert record["one"].entities["people"] == record["two"].entities["people"] == ["jose-nunez"]


def test_a_lone_surname_in_another_article_joins_the_one_person_of_that_name(registry):
    one = Draft("one", "Foreign Minister Maria Duarte met officials in Lisbon.")
    one.mention("Maria Duarte")
    two = Draft("two", "Duarte said the talks had gone well.")
    two.mention("Duarte")
    corpus = corpus_of(registry, one, two)
    (duarte,) = [e for e in corpus.entities if e.type is EntityType.PERSON]
    assert duarte.name == "Maria Duarte"
    assert [m.article for m in duarte.mentions] == ["one", "two"]
    assert not [r for r in corpus.review if r.name == "Duarte"]


def test_a_surname_two_people_share_is_left_for_review(registry):
    one = Draft("one", "Maria Duarte met Pedro Duarte in Lisbon.")
    one.mention("Maria Duarte")
    one.mention("Pedro Duarte")
    two = Draft("two", "Duarte said the talks had gone well.")
    two.mention("Duarte")
    corpus = corpus_of(registry, one, two)
    assert set(people(corpus)) == {"Maria Duarte", "Pedro Duarte"}
    assert all(m.article == "one" for e in corpus.entities for m in e.mentions)
    assert [(r.kind, r.name) for r in corpus.review] == [("unresolved name", "Duarte")]


def test_a_curated_alias_in_one_article_and_the_name_in_another_are_the_curated_person(registry):
    one = Draft("one", "Antony Blinken arrived in Tokyo.")
    one.mention("Antony Blinken")
    two = Draft("two", "Tony Blinken met officials. Blinken said little.")
    two.mention("Tony Blinken")
    two.mention("Blinken", occurrence=1)
    corpus = corpus_of(registry, one, two)
    (blinken,) = people(corpus).values()
    assert (blinken.id, blinken.curated, blinken.confidence) == ("antony-blinken", True, 1.0)
    assert [(m.article, m.count) for m in blinken.mentions] == [("one", 1), ("two", 2)]


# --- events across articles ------------------------------------------------------------------


def meeting(ident: str, date: str | None, published: str | None = "2024-05-08") -> Draft:
    draft = Draft(ident, "Lloyd Austin met Antony Blinken in Washington.", published)
    austin, blinken = draft.mention("Lloyd Austin"), draft.mention("Antony Blinken")
    draft.event("meeting", [austin, blinken], date=date, place="Washington")
    return draft


def test_one_meeting_reported_by_two_articles_is_one_event(registry):
    corpus = corpus_of(registry, meeting("one", "2024-05-06"), meeting("two", "2024-05-06"))
    (event,) = corpus.events
    assert event.participants == ["antony-blinken", "lloyd-austin"]
    assert (event.kind, event.date, event.articles) == ("meeting", "2024-05-06", ["one", "two"])
    assert [(c.value, c.article) for c in event.date_claims] == [
        ("2024-05-06", "one"),
        ("2024-05-06", "two"),
    ]
    record = {a.article.id: a for a in corpus.articles}
    assert record["one"].events == record["two"].events == [event.id]


def test_the_same_people_meeting_on_two_days_are_two_events(registry):
    corpus = corpus_of(
        registry,
        meeting("one", "2024-05-06"),
        meeting("two", "2024-05-06"),
        meeting("three", "2024-05-07"),
    )
    dated = sorted((e.date, e.articles) for e in corpus.events)
    assert dated == [("2024-05-06", ["one", "two"]), ("2024-05-07", ["three"])]


# --- the relationship graph ------------------------------------------------------------------


def gathering(ident: str, names: list[str], kind: str = "meeting", forum: bool = False) -> Draft:
    text = ", ".join(names) + " met at the ADMM-Plus in Jakarta."
    draft = Draft(ident, text, "2024-05-08")
    found = [draft.mention(name) for name in names]
    forums = ()
    if forum:
        forums = (draft.mention("ADMM-Plus", "forum", entity_id="forum:admm-plus"),)
    draft.event(kind, found, date="2024-05-06", forums=forums)
    return draft


def test_two_participants_of_a_small_meeting_met(registry):
    corpus = corpus_of(registry, meeting("one", "2024-05-06"))
    assert edges(corpus, "met") == {frozenset({"Lloyd Austin", "Antony Blinken"})}
    (edge,) = [e for e in corpus.relations.edges if e.kind == "met"]
    assert edge.articles == {"one"}


def test_every_pair_of_a_meeting_of_eight_met(registry):
    eight = CROWD[:MET_MAX_PARTICIPANTS]
    assert len(eight) == 8
    corpus = corpus_of(registry, gathering("eight", eight))
    assert edges(corpus, "met") == {frozenset(pair) for pair in combinations(eight, 2)}


def test_participants_of_a_gathering_of_more_than_eight_did_not_all_meet(registry):
    assert len(CROWD) > MET_MAX_PARTICIPANTS
    corpus = corpus_of(registry, gathering("crowd", CROWD, kind="summit", forum=True))
    (session,) = corpus.events
    assert session.forum == "admm-plus" and len(session.participants) == len(CROWD)
    assert edges(corpus, "met") == set()
    forum = registry.get("forum:admm-plus").name
    assert edges(corpus, "attended") == {frozenset({name, forum}) for name in CROWD}


def test_participants_of_a_meeting_at_a_forum_attended_it(registry):
    corpus = corpus_of(registry, gathering("one", ["Lloyd Austin", "Antony Blinken"], forum=True))
    forum = registry.get("forum:admm-plus").name
    assert edges(corpus, "met") == {frozenset({"Lloyd Austin", "Antony Blinken"})}
    assert edges(corpus, "attended") == {
        frozenset({"Lloyd Austin", forum}),
        frozenset({"Antony Blinken", forum}),
    }
    attended = [e for e in corpus.relations.edges if e.kind == "attended"]
    nodes = corpus.relations.nodes
    assert {nodes[e.target].name for e in attended} == {forum}  # person → forum


def test_a_role_phrase_standing_for_a_person_is_no_alias_of_theirs():
    text = "Prime Minister Anna Kerr spoke first. Later the prime minister said Kerr was tired."
    draft = Draft("a", text)
    draft.mention("Anna Kerr")
    draft.mention("the prime minister", refers_to="Anna Kerr", source="rule")
    draft.mention("Kerr", refers_to="Anna Kerr", occurrence=1)
    corpus = corpus_of(seeds_registry(), draft)
    (person,) = [e for e in corpus.entities if e.type.value == "person"]
    assert person.aliases == ["Kerr"]
    assert sum(m.count for m in person.mentions) == 3  # the role still counts as a mention
