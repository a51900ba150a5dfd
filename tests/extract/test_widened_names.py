"""A word the tagger left out after a person's name joins it where the article writes that word
with the name's last word as a name (extract/mentions.py ``_widen_to_known_names``): a double
surname cut in two ('Omar Garza' | 'Harfeld', then 'Garza Harfeld said'). What only a person
owns after a possessive (extract/described.py)."""

from __future__ import annotations

import spacy

from generator.extract.mentions import _widen_to_known_names

TEXT = "Security chief Omar Garza Harfeld attended. Garza Harfeld said arrests had risen."


def test_the_word_after_a_cut_name_joins_it():
    doc = spacy.blank("en")(TEXT)
    words = [t.text for t in doc]
    omar, later = words.index("Omar"), words.index("Garza", words.index("Omar") + 2)
    spans = {(omar, omar + 2): doc[omar : omar + 2], (later, later + 2): doc[later : later + 2]}
    _widen_to_known_names(doc, spans)
    assert spans[(omar, omar + 2)].text == "Omar Garza Harfeld"
    assert spans[(later, later + 2)].text == "Garza Harfeld"  # 'said' is no name word


def test_a_word_after_that_the_article_never_writes_with_the_name_stays_out():
    doc = spacy.blank("en")("Security chief Omar Garza Monday attended. Omar Garza said so.")
    words = [t.text for t in doc]
    omar = words.index("Omar")
    spans = {(omar, omar + 2): doc[omar : omar + 2], (9, 11): doc[9:11]}
    _widen_to_known_names(doc, spans)
    assert spans[(omar, omar + 2)].text == "Omar Garza"


def test_what_only_a_person_has_after_a_possessive():
    from generator.extract.described import owns_a_persons_thing

    def owner(text: str, word: str) -> bool:
        doc = _tagged(text)
        return owns_a_persons_thing(doc, next(t for t in doc if t.text == word))

    assert owner("After Dlamvu's arrest, protests spread.", "Dlamvu")
    assert owner("Okafor's widow spoke.", "Okafor")
    assert not owner("Norvask's killing of civilians was condemned.", "Norvask")
    assert not owner("Gaza's death toll rose.", "Gaza")


def _tagged(text: str):
    from generator.config import model_name

    return spacy.load(model_name())(text)
