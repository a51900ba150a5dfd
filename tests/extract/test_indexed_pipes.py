"""The indexed attribute ruler and lemmatizer give every token what spaCy's own give it."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from generator.extract.tools import Tools
from generator.memo import fingerprint
from generator.memo.store import DOC_CODE
from generator.nlp.attributes import IndexedAttributeRuler
from generator.nlp.lemmas import IndexedLemmatizer

REPO = Path(__file__).resolve().parents[2]
#: the rare patterns of en_core_web_sm's ruler: two-token ones, regex ones, a DEP one
RARE = (
    "Y'all gonna see it. Let's go, c'mon. It ain't over and they gotta know. There is hope, "
    "there were doubts. She gets what he got. But he left anyway, as I said to them and us."
)


def _tagged(nlp: Language, texts: list[str]) -> list[Doc]:
    """Docs with tags and a parse, before any attribute ruler ran."""
    return list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))


def _attributes(doc: Doc) -> tuple[list[list[int]], list[str]]:
    return doc.to_array([TAG, POS, MORPH, LEMMA]).tolist(), [str(t.morph) for t in doc]


def _compare(nlp: Language, reference: AttributeRuler, indexed: AttributeRuler, texts: list[str]):
    for doc in _tagged(nlp, texts):
        copy = doc.copy()
        assert _attributes(indexed(doc)) == _attributes(reference(copy)), doc.text[:80]


def test_the_pipeline_uses_the_indexed_ruler(tools: Tools) -> None:
    assert isinstance(tools.nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)


def _texts() -> list[str]:
    folders = (REPO / "seeds" / "articles", REPO / "tests" / "corpus" / "articles")
    texts = [p.read_text("utf-8") for f in folders for p in sorted(f.rglob("*.txt"))]
    assert texts
    return texts


def test_same_attributes_as_spacy_on_the_seed_articles(tools: Tools) -> None:
    nlp = tools.nlp
    indexed = nlp.get_pipe("attribute_ruler")
    reference = AttributeRuler(nlp.vocab)
    reference.add_patterns(indexed.patterns)
    texts = _texts()
    _compare(nlp, reference, indexed, [*texts, RARE])
    doc = indexed(_tagged(nlp, [RARE])[0])
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gets"] == "get" and lemmas["got"] == "get"  # a rule of two patterns


def test_patterns_the_table_cannot_read_go_through_a_matcher(tools: Tools) -> None:
    nlp = tools.nlp
    patterns = [
        *nlp.get_pipe("attribute_ruler").patterns,
        {
            "patterns": [[{"LOWER": "there"}, {"TAG": {"REGEX": "^VB"}, "OP": "+"}]],
            "attrs": {"LEMMA": "X"},
        },
        {"patterns": [[{"LENGTH": {">=": 9}}]], "attrs": {"NORM": "long"}, "index": 0},
    ]
    reference, indexed = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    reference.add_patterns(patterns)
    indexed.add_patterns(patterns[:-2])
    indexed(_tagged(nlp, [RARE])[0])  # builds the table; adding patterns must build it again
    indexed.add_patterns(patterns[-2:])
    _compare(nlp, reference, indexed, [RARE, "Diplomats negotiated late into the night."])
    doc = indexed(_tagged(nlp, ["There is hope."])[0])
    assert doc[0].lemma_ == "X"


def test_same_lemmas_as_spacy_on_the_seed_articles(tools: Tools) -> None:
    nlp = tools.nlp
    indexed = nlp.get_pipe("lemmatizer")
    assert isinstance(indexed, IndexedLemmatizer)
    reference = EnglishLemmatizer(nlp.vocab, None, mode="rule")
    reference.lookups = indexed.lookups
    texts = [*_texts(), RARE, "The ministers were meeting; talks went better than feared."]
    for doc in nlp.pipe(texts, disable=["lemmatizer", "ner"]):
        copy = doc.copy()
        assert [t.lemma_ for t in indexed(doc)] == [t.lemma_ for t in reference(copy)]
        assert [t.lemma_ for t in indexed(copy)] == [t.lemma_ for t in doc]  # already set: kept
    doc = nlp("The ministers were meeting.")
    assert [t.lemma_ for t in doc] == ["the", "minister", "be", "meet", "."]


def test_the_doc_cache_key_covers_how_the_pipeline_is_adjusted(tmp_path: Path) -> None:
    """The cached Docs are made again when the indexed ruler or lemmatizer changes: their files
    are part of the code the Doc layer's key reads (through ``model``'s imports)."""
    copy = tmp_path / "generator"
    shutil.copytree(fingerprint.ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = fingerprint.code_fingerprint(*DOC_CODE, root=copy)
    for name in ("extract/model.py", "nlp/attributes.py", "nlp/lemmas.py", "nlp/__init__.py"):
        path = copy / name
        original = path.read_bytes()
        path.write_bytes(original + b"\n# edited\n")
        assert fingerprint.code_fingerprint(*DOC_CODE, root=copy) != before, name
        path.write_bytes(original)
    rules = copy / "extract" / "quotes.py"
    rules.write_bytes(rules.read_bytes() + b"\n# edited\n")
    assert fingerprint.code_fingerprint(*DOC_CODE, root=copy) == before  # rules: not the Doc


def test_the_indexed_ruler_pickles_as_its_patterns(tools: Tools) -> None:
    ruler = tools.nlp.get_pipe("attribute_ruler")
    copy = pickle.loads(pickle.dumps(ruler))
    assert isinstance(copy, IndexedAttributeRuler) and copy.patterns == ruler.patterns
    doc = _tagged(tools.nlp, [RARE])[0]
    assert _attributes(copy(doc.copy())) == _attributes(ruler(doc))
