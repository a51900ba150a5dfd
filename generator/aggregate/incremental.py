"""Under ``mkdocs serve``, the entities and article records a rebuild makes exactly as the last
build made them are taken from it, not made again.

``aggregate`` still goes over the whole corpus: which mentions make one entity, its id and the
events are decided across articles. But most of what it then makes of those decisions is a pure
function of a few inputs, which one edited article leaves the same for nearly every record:

- an entity (``corpus._entity`` and its title disagreements) is made of its key, its id, its
  slot (names, sentences per article, confidence, roles, titles) and the publication dates of the
  articles its roles come from, under the same curated data;
- an article record (``corpus._article_record``) of its linked article (the same object when the
  article is unchanged: the memo keeps linked articles by extraction key) and what
  ``corpus.article_inputs`` lists: the entity each mention and quote resolved to, the events and
  the automatic issues of the article.

Where those inputs equal the last build's, type for type (``1`` and ``1.0`` are equal, but a
record writes them differently), the last build's object is taken, so the stages after it tell
it unchanged by identity (``aggregate.kept``) without digesting it again.

A :class:`KeptAggregate` belongs to whoever keeps builds (the memo under ``mkdocs serve``); it
holds the last build's inputs and objects only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from enum import Enum
from typing import Any

from generator.data import ArticleRecord, Entity

_ATOMS = frozenset({str, int, float, bool, bytes, type(None)})


def _atoms_alike(a: Iterable, b: Iterable) -> bool:
    """Whether two equal sequences of plain values hold the same types, place by place: the
    check runs in C (``map``), where a comparison element by element would run in Python."""
    types = list(map(type, a))
    return types == list(map(type, b)) and _ATOMS.issuperset(types)


def same(a: object, b: object) -> bool:
    """Equal values of the same types, all the way down (containers, dataclasses, enums).
    Anything else is the same only when it is the same object."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind in _ATOMS:
        return a == b
    if isinstance(a, (list, tuple)):
        if len(a) != len(b) or a != b:  # type: ignore[arg-type]
            return False
        if _atoms_alike(a, b):  # type: ignore[arg-type]
            return True  # a list of sentences: == said it, in C
        return all(same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[call-overload]
    if isinstance(a, dict):  # Counter and defaultdict too: a key of count 0 is a key
        if not dict.__eq__(a, b):  # type: ignore[arg-type]
            return False
        if _atoms_alike(dict.keys(a), dict.keys(b)) and _atoms_alike(  # type: ignore[arg-type]
            dict.values(a),
            dict.values(b),  # type: ignore[arg-type]
        ):
            return True
        return all(same(v, dict.__getitem__(b, k)) for k, v in dict.items(a))  # type: ignore[arg-type]
    if isinstance(a, (set, frozenset)):
        return a == b and _ATOMS.issuperset(map(type, a))  # type: ignore[union-attr]
    if isinstance(a, Enum):
        return False  # members are singletons: ``a is b`` said it
    if dataclasses.is_dataclass(a):
        fields = getattr(a, "__dict__", None)
        if fields is not None:  # a plain dataclass: its fields are its __dict__
            return same(fields, b.__dict__)
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    return False


def snapshot(slot: dict) -> dict:
    """A copy of an aggregate slot as ``_entity`` finds it (it adds curated roles to the list)."""
    return {name: list(value) if type(value) is list else value for name, value in slot.items()}


class KeptAggregate:
    """The last build's entities and article records by key, with what each was made of."""

    def __init__(self) -> None:
        self.registry_digest: str | None = None
        self._entities: dict[str, tuple[tuple, Entity]] = {}
        self._articles: dict[str, tuple[object, tuple, ArticleRecord]] = {}
        self._next_entities: dict[str, tuple[tuple, Entity]] = {}
        self._next_articles: dict[str, tuple[object, tuple, ArticleRecord]] = {}
        self.reused = 0  # records of this build taken from the last
        self.made = 0

    def start(self, registry_digest: str) -> None:
        """A new build, under this curated data (other curated data: nothing is taken)."""
        if registry_digest != self.registry_digest:
            self._entities, self._articles = {}, {}
        self.registry_digest = registry_digest
        self._next_entities, self._next_articles = {}, {}
        self.reused = self.made = 0

    def entity(
        self,
        key: str,
        ident: str,
        slot: dict,
        dates: dict[str, str | None],
        make: Callable[[], Entity],
    ) -> tuple[Entity, bool]:
        """The entity of ``key`` and whether it was made now (its title disagreements are then
        still to add): the last build's when its id, slot and its roles' dates are the same."""
        roles = slot.get("roles") or []
        inputs = (ident, snapshot(slot), {r.article: dates.get(r.article) for r in roles})
        last = self._entities.get(key)
        if last is not None and same(last[0], inputs):
            entity, made = last[1], False
            self.reused += 1
        else:
            entity, made = make(), True
            self.made += 1
        self._next_entities[key] = (inputs, entity)
        return entity, made

    def article(
        self, linked: object, inputs: tuple[Hashable, ...], make: Callable[[], ArticleRecord]
    ) -> ArticleRecord:
        """The record of a linked article: the last build's when the linked article is the same
        object and ``inputs`` (``corpus.article_inputs``) are the same."""
        ident = linked.article.id  # type: ignore[attr-defined]
        last = self._articles.get(ident)
        if last is not None and last[0] is linked and same(last[1], inputs):
            record = last[2]
            self.reused += 1
        else:
            record = make()
            self.made += 1
        self._next_articles[ident] = (linked, inputs, record)
        return record

    def finish(self, final: Callable[[Any], Any] | None = None) -> None:
        """Keep this build's for the next, each record as the corpus finally holds it
        (``aggregate.kept`` may have put an equal older object in its place): ``final`` maps
        a record to the object that took its place."""
        final = final or (lambda record: record)
        self._entities = {
            key: (inputs, final(entity)) for key, (inputs, entity) in self._next_entities.items()
        }
        self._articles = {
            key: (linked, inputs, final(record))
            for key, (linked, inputs, record) in self._next_articles.items()
        }
        self._next_entities, self._next_articles = {}, {}
