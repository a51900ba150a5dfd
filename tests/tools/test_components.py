"""The per-component timer of the benchmark: every component and the rules get their seconds."""

from __future__ import annotations

from pathlib import Path

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler

from generator.clean import Rules, clean
from generator.config import model_name
from generator.curated.registry import load_registry
from generator.extract import model
from generator.extract.tools import Tools
from generator.ingest import ingest
from generator.nlp.attributes import IndexedAttributeRuler
from generator.tools.bench.components import component_seconds, report, unindex

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_every_component_and_the_rules_are_timed(tools: Tools) -> None:
    registry, _ = load_registry(SEEDS)
    sources, _ = ingest(SEEDS, 10**7)
    rules = Rules.from_curated(registry.boilerplate)
    articles = [clean(source, rules) for source in sources]
    seconds = component_seconds(tools, articles)
    assert list(seconds) == ["make_doc", *tools.nlp.pipe_names, "rules"]
    assert all(s >= 0 for s in seconds.values()) and seconds["ner"] > 0 and seconds["rules"] > 0
    words = sum(len(a.body.split()) for a in articles)
    text = report(seconds, len(articles), words)
    assert all(name in text for name in seconds) and "total" in text


def test_unindex_puts_spacys_own_components_back() -> None:
    nlp = model.load(model_name())
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    before = [(t.pos_, t.lemma_) for t in nlp("She gets what he got, y'all.")]
    unindex(nlp)
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    assert type(ruler) is AttributeRuler and type(lemmatizer) is EnglishLemmatizer
    assert [(t.pos_, t.lemma_) for t in nlp("She gets what he got, y'all.")] == before
