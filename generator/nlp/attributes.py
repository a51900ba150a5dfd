"""spaCy's attribute ruler, matched through a lookup table instead of the Matcher.

The ruler of ``en_core_web_sm`` (the tag map and the morph rules: which POS, morphology and
lemma a tag and a word get) is ~180 patterns, nearly all of one token, some with long ``IN``
lists; spaCy's Matcher tests every pattern on every token through Python predicates, which cost
as much as the whole parser (~25 ms an article). Whether a token passes a pattern's test depends
only on the attributes the patterns name (tag, lower case, dependency, is-space), so the tests a
token passes are worked out once for each combination of those and looked up after that; a
pattern of several tokens matches where consecutive tokens pass its tests. Patterns with
operators the table does not know would still go through a Matcher. Matches are applied exactly
as the ruler does (in rule order, later rules winning), so every token gets the attributes
spaCy's own ruler gives it; a test compares the two.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

ATTRIBUTES = "dossier_attribute_ruler"

#: Pattern keys the table reads, and the Token attribute holding each one's value (what a
#: pattern's value is compared with). ``TEXT`` is read as ``ORTH``.
_KEYS = {
    "ORTH": "orth_",
    "LOWER": "lower_",
    "NORM": "norm_",
    "TAG": "tag_",
    "POS": "pos_",
    "DEP": "dep_",
    "LEMMA": "lemma_",
    "ENT_TYPE": "ent_type_",
    "IS_SPACE": "is_space",
    "IS_PUNCT": "is_punct",
}
_FLAGS = frozenset({"IS_SPACE", "IS_PUNCT"})
#: Combinations of attributes a ruler remembers; past this many it starts again.
_MAX_COMBINATIONS = 200_000

Predicate = Callable[[Any], bool]
Test = dict[str, Predicate]  # one token of a pattern: attribute -> what its value must pass
#: For one combination of attributes: the patterns whose first token it passes, and every
#: pattern token (by number) it passes.
Entry = tuple[tuple[int, ...], frozenset[int]]


class IndexedAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` (same patterns, same serialisation) that matches patterns of plain
    token tests by table lookup."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._reset()

    def _reset(self) -> None:
        self._built = False
        self._patterns: list[tuple[int, tuple[int, ...]]] = []  # (rule, its tokens' test ids)
        self._tests: list[Test] = []
        self._rest: Matcher | None = None  # patterns the table cannot read
        self._names: list[str] = []  # the attributes tests read, in ``doc.to_array`` order
        self._with_name: dict[str, list[int]] = {}  # attribute -> tests that read it
        self._by_value: dict[str, dict[int, frozenset[int]]] = {}  # -> value -> tests passed
        self._starting: dict[int, list[int]] = {}  # test -> patterns whose first token it is
        self._table: dict[tuple[int, ...], Entry] = {}

    def clear(self) -> None:
        super().clear()
        self._reset()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its patterns (the table's tests are closures): built again when needed."""
        return (_unpickle, (self.vocab, self.name, self.validate, self.patterns))

    def add(self, patterns: Any, attrs: dict[Any, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._reset()  # the table is built again at the next Doc

    def _build(self) -> None:
        names: set[str] = set()
        for rule in range(len(self.attrs)):
            patterns = self.matcher.get(str(rule))[1]
            tests = [[_tests(token) for token in pattern] for pattern in patterns]
            if not all(t is not None for pattern in tests for t in pattern):
                self._rest = self._rest or Matcher(self.vocab)
                self._rest.add(str(rule), patterns)
                continue
            for pattern in tests:
                ids = []
                for test in pattern:
                    assert test is not None
                    names.update(test)
                    ids.append(len(self._tests))
                    self._tests.append(test)
                self._patterns.append((rule, tuple(ids)))
        self._names = sorted(names, key=IDS.__getitem__)
        self._with_name = {n: [i for i, t in enumerate(self._tests) if n in t] for n in names}
        self._by_value = {name: {} for name in names}
        for p, (_, ids) in enumerate(self._patterns):
            self._starting.setdefault(ids[0], []).append(p)
        self._built = True

    def _entry(self, token: Token, row: list[int]) -> Entry:
        """What a token with these attribute values (``row``) passes. Each attribute value's
        passing tests are worked out once; a test passes where all its attributes do."""
        passing: list[frozenset[int]] = []
        for name, value in zip(self._names, row, strict=True):
            known = self._by_value[name]
            tests = known.get(value)
            if tests is None:
                got = getattr(token, _KEYS[name])
                tests = known[value] = frozenset(
                    t for t in self._with_name[name] if self._tests[t][name](got)
                )
            passing.append(tests)
        by_name = dict(zip(self._names, passing, strict=True))
        passed = frozenset(
            t
            for t in frozenset().union(*passing)
            if all(t in by_name[name] for name in self._tests[t])
        )
        starts = tuple(sorted(p for t in passed for p in self._starting.get(t, ())))
        return starts, passed

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not self._built:
            self._build()
        strings = self.vocab.strings
        found: set[tuple[int, int, int]] = set()
        if self._rest is not None:
            for m_id, s, e in self._rest(doc, allow_missing=True):
                found.add((int(strings[m_id]), s, e))
        if self._patterns and len(doc):
            table = self._table
            attrs = [IDS[name] for name in self._names]
            rows = doc.to_array(attrs).reshape(len(doc), -1).tolist()
            entries: list[Entry] = []
            for i, row in enumerate(rows):
                key = tuple(row)
                entry = table.get(key)
                if entry is None:
                    if len(table) >= _MAX_COMBINATIONS:
                        table.clear()
                    entry = table[key] = self._entry(doc[i], row)
                entries.append(entry)
            n = len(entries)
            for start, (starts, _) in enumerate(entries):
                for p in starts:
                    rule, ids = self._patterns[p]
                    end = start + len(ids)
                    if end <= n and all(
                        ids[k] in entries[start + k][1] for k in range(1, len(ids))
                    ):
                        found.add((rule, start, end))
        return sorted((rule, strings[str(rule)], s, e) for rule, s, e in found)

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        for rule, match_id, start, end in matches:
            if end - start == 1 and self.indices[rule] in (0, -1):
                set_token_attrs(doc[start], self.attrs[rule])
            else:
                super().set_annotations(doc, [(rule, match_id, start, end)])


def _tests(token: dict[str, Any]) -> Test | None:
    """What each attribute of one token of a pattern must be, or None when the table cannot
    say (an operator, an attribute or a predicate it does not know)."""
    tests: Test = {}
    for raw, value in token.items():
        name = "ORTH" if raw.upper() == "TEXT" else raw.upper()
        if name not in _KEYS:
            return None
        flag = name in _FLAGS
        if isinstance(value, dict) and not flag and len(value) == 1:
            ((op, argument),) = value.items()
            if op in ("IN", "NOT_IN") and all(isinstance(a, str) for a in argument):
                members = frozenset(argument)
                tests[name] = members.__contains__ if op == "IN" else _not_in(members)
            elif op == "REGEX" and isinstance(argument, str):
                tests[name] = _search(re.compile(argument))
            else:
                return None
        elif isinstance(value, bool) if flag else isinstance(value, str):
            tests[name] = _equals(value)
        else:
            return None  # a hash instead of a string, a set of flags: left to the Matcher
    return tests


def _equals(value: Any) -> Predicate:
    return lambda got: got == value


def _not_in(members: frozenset[Any]) -> Predicate:
    return lambda got: got not in members


def _search(pattern: re.Pattern[str]) -> Predicate:
    return lambda got: isinstance(got, str) and pattern.search(got) is not None


def _unpickle(vocab: Vocab, name: str, validate: bool, patterns: Any) -> IndexedAttributeRuler:
    ruler = IndexedAttributeRuler(vocab, name, validate=validate)
    ruler.add_patterns(patterns)
    return ruler


@Language.factory(ATTRIBUTES, default_config={"validate": False})
def _indexed_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's ``attribute_ruler`` for an indexed one with the same patterns (and
    the same name, so nothing that names it changes)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    ruler = nlp.replace_pipe("attribute_ruler", ATTRIBUTES)
    assert isinstance(ruler, IndexedAttributeRuler)
    ruler.add_patterns(patterns)
