"""What extraction needs, built once per build and owned by whoever runs the builds: the model
(taught the curated title abbreviations) and the registry compiled into matchers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from generator.curated.registry import Registry
from generator.data import EntityType
from generator.extract import gazetteer, model, topics
from generator.extract.gazetteer import Gazetteer
from generator.extract.name_types import NameTypes, load_places


@dataclass
class Tools:
    nlp: Language
    gazetteer: Gazetteer
    registry: Registry
    model: str
    #: folded names, aliases and phrase cues of the curated issues (new-issue candidates skip them)
    known_issues: frozenset[str] = frozenset()
    #: title abbreviations the pipeline keeps whole and never ends a sentence after ("Gen.")
    abbreviations: tuple[str, ...] = ()
    #: what shows a name is a party, a group, a place or a work rather than a person
    name_types: NameTypes | None = None


def load_tools(registry: Registry, model_name: str) -> Tools:
    abbreviations = model.abbreviations_of(registry.title_words)
    language = model.load(model_name, abbreviations)
    issue_texts = [
        text
        for entity in registry.of_type(EntityType.ISSUE)
        for text in [entity.name, *entity.aliases, *entity.get("cues", [])]
        if isinstance(text, str)  # a list cue (words that meet in a sentence) names no phrase
    ]
    known = topics.known_phrases(issue_texts)
    matchers = gazetteer.build(language, registry)
    load_places()
    return Tools(
        language,
        matchers,
        registry,
        model_name,
        known,
        abbreviations,
        NameTypes.from_registry(registry),
    )
