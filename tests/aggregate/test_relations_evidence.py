"""Every relationship edge carries the sentence that states it (aggregate/relations.py), and
"spoke on" means the person's own quoted words name the issue. Hand-made records, no model."""

from __future__ import annotations

import pytest

from generator.curated.registry import Registry
from generator.data import Corpus
from generator.render.records import record_data
from tests.handmade import Draft, corpus_of, seeds_registry

TEXT = (
    "Antony Blinken met Lloyd Austin in Manila on Monday.\n\n"
    "“We will keep the South China Sea open to all,” Blinken said.\n\n"
    "Austin said nothing of trade. “Our alliance is strong and it will stay strong,” Austin said."
)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return seeds_registry()


def article(registry: Registry) -> Corpus:
    draft = Draft("one", TEXT, "2024-05-08")
    blinken = draft.mention("Antony Blinken")
    austin = draft.mention("Lloyd Austin")
    draft.mention("Blinken", refers_to="Antony Blinken")
    draft.mention("Austin", refers_to="Lloyd Austin", occurrence=1)
    draft.mention("South China Sea", "issue", entity_id="issue:south-china-sea", source="registry")
    draft.mention("trade", "issue", entity_id="issue:trade", source="registry")
    draft.event("meeting", [blinken, austin], date="2024-05-06", place="Manila")
    draft.quote("We will keep the South China Sea open to all", blinken + 2)
    draft.quote("Our alliance is strong and it will stay strong", austin + 2)
    return corpus_of(registry, draft)


def test_every_edge_has_a_sentence_that_states_it(registry):
    corpus = article(registry)
    assert corpus.relations.edges
    for edge in corpus.relations.edges:
        assert edge.evidence, edge
        for claim in edge.evidence:
            assert claim.article == "one" and claim.value in TEXT


def test_spoke_on_only_where_the_speakers_own_quote_names_the_issue(registry):
    corpus = article(registry)
    spoke = {(e.source, e.target) for e in corpus.relations.edges if e.kind == "spoke on"}
    assert spoke == {("people/antony-blinken", "issues/south-china-sea")}
    (edge,) = [e for e in corpus.relations.edges if e.kind == "spoke on"]
    assert "South China Sea open to all" in edge.evidence[0].value


def test_no_member_of_edges_without_a_sentence(registry):
    corpus = article(registry)
    assert not [e for e in corpus.relations.edges if e.kind == "member of"]


def test_the_records_carry_each_relationship_with_its_evidence(registry):
    corpus = article(registry)
    data = record_data(corpus)["people/antony-blinken"]
    kinds = {(r["kind"], r["with"]) for r in data["relations"]}
    assert ("met", "people/lloyd-austin") in kinds
    assert ("spoke on", "issues/south-china-sea") in kinds
    for relation in data["relations"]:
        assert relation["evidence"] and all(e["sentence"] for e in relation["evidence"])


def test_spoke_on_also_where_a_cue_phrase_names_the_issue_in_the_quote(registry):
    # a cue has no span on the article's page; the issue's own evidence sentences still tie it
    text = (
        "Maria Duarte met Lloyd Austin in Manila on Monday.\n\n"
        "“Terrorism threatens us all, and we will fight it together,” Duarte said.\n\n"
        "Austin spoke of the terrorist threat at length before the talks."
    )
    draft = Draft("two", text, "2024-05-08")
    duarte = draft.mention("Maria Duarte")
    draft.mention("Duarte", refers_to="Maria Duarte")
    draft.mention("Terrorism", "issue", entity_id="issue:terrorism", source="cue")
    draft.mention("terrorist", "issue", entity_id="issue:terrorism", source="cue")
    draft.quote("Terrorism threatens us all, and we will fight it together", duarte + 1)
    corpus = corpus_of(registry, draft)
    spoke = [e for e in corpus.relations.edges if e.kind == "spoke on"]
    assert [(e.source, e.target) for e in spoke] == [("people/maria-duarte", "issues/terrorism")]
    assert spoke[0].evidence[0].value.startswith("“Terrorism threatens us all")


def test_attended_only_where_a_sentence_names_the_forum(registry):
    """Two meetings with ASEAN as their forum: the one whose sentence names ASEAN states that its
    people attended it; the one whose sentence never names it states no attendance."""
    text = (
        "Antony Blinken met Lloyd Austin at the ASEAN summit in Jakarta on Monday.\n\n"
        "Ferdinand Marcos met Anthony Albanese in Jakarta on Tuesday."
    )
    draft = Draft("two", text, "2024-05-08")
    blinken = draft.mention("Antony Blinken")
    austin = draft.mention("Lloyd Austin")
    asean = draft.mention("ASEAN", "forum", entity_id="forum:asean", source="registry")
    marcos = draft.mention("Ferdinand Marcos")
    albanese = draft.mention("Anthony Albanese")
    draft.event("meeting", [blinken, austin], date="2024-05-06", forums=(asean,))
    draft.event("meeting", [marcos, albanese], date="2024-05-07", forums=(asean,))
    corpus = corpus_of(registry, draft)
    attended = {e.source for e in corpus.relations.edges if e.kind == "attended"}
    assert {"people/antony-blinken", "people/lloyd-austin"} <= attended
    assert not [a for a in attended if "marcos" in a or "albanese" in a], attended
