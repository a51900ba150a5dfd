"""'…,” wrote Vučić on his account': the speaker after the speech verb (extract/quotes.py), on a
parse built by hand, since a parser reads the name after an inverted verb now as its subject, now
as its object, depending on the words around it."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from generator.extract.speech import verb_subject

WORDS = ["“", "We", "hope", ",", "”", "wrote", "Petrović", "on", "Instagram", "."]
HEADS = [2, 2, 5, 2, 2, 5, 5, 5, 7, 5]
POS = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]


def parsed(name_dep: str) -> Doc:
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", name_dep, "prep", "pobj", "punct"]
    return Doc(Vocab(), words=WORDS, heads=HEADS, deps=deps, pos=POS)


def test_the_name_after_an_inverted_speech_verb_is_its_speaker_even_read_as_its_object():
    doc = parsed("dobj")
    assert verb_subject(doc[5], doc[0:5]).text == "Petrović"


def test_the_name_after_an_inverted_speech_verb_read_as_its_subject():
    doc = parsed("nsubj")
    assert verb_subject(doc[5], doc[0:5]).text == "Petrović"


def test_an_object_of_a_speech_verb_not_next_to_the_quotation_is_no_speaker():
    words = ["“", "We", "hope", ",", "”", "she", "said", "and", "wrote", "Petrović", "."]
    heads = [2, 2, 6, 2, 2, 6, 6, 6, 6, 8, 6]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "cc", "conj", "dobj"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "CCONJ", "VERB", "PROPN"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=[*deps, "punct"], pos=[*pos, "PUNCT"])
    assert verb_subject(doc[8], doc[0:5]).text == "she"  # the shared subject, not the object
