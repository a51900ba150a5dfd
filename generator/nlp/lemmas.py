"""spaCy's English rule lemmatizer, remembering each lemma by the token's attributes.

The rule lemmatizer's lemma depends only on the token's text, POS and morphology. spaCy caches
the lemmas it derives by rule, but still tests every token in Python first (the English "is it a
base form" test reads the morphology as a dict, and its answers are not cached): ~5 ms an
article. This one reads text, POS, morphology and lemma of the whole Doc as one array, looks
each combination up, and asks spaCy's own lemmatizer only for a combination it has not seen, so
every token gets the lemma spaCy gives it (a test compares the two).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

LEMMAS = "dossier_lemmatizer"
#: Combinations a lemmatizer remembers; past this many it starts again.
_MAX_COMBINATIONS = 200_000


class IndexedLemmatizer(EnglishLemmatizer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        strings = doc.vocab.strings
        known = self._lemmas
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                if len(known) >= _MAX_COMBINATIONS:
                    known.clear()
                found = known[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory(LEMMAS, default_config={"mode": "rule", "overwrite": False})
def _indexed_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> IndexedLemmatizer:
    return IndexedLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def index_lemmatizer(nlp: Language) -> None:
    """Swap an English rule ``lemmatizer`` for an indexed one with the same tables (and the same
    name, so nothing that names it changes)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return
    new = nlp.replace_pipe(
        "lemmatizer", LEMMAS, config={"mode": old.mode, "overwrite": old.overwrite}
    )
    assert isinstance(new, IndexedLemmatizer)
    new.lookups = old.lookups
