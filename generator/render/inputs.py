"""What each call a page's template makes reads, so that a rebuild makes again only the calls
whose inputs changed (``generator.render.reuse``).

Under ``mkdocs serve`` the site's lookups (``render.pages.Site``) hand out their maps as
:class:`TrackedMap`: each key a call looks up in them (a record by id, an index's entry: the
events of an entity, the quotes of a speaker, an entity's related entities) is noted in the
:class:`ReadLog` for the call being made, as are the records passed to it and the relationship
graph. The next build compares each noted input with the last build's: a record by identity
(``aggregate.kept`` makes an unchanged record the last build's object), an index's entry
element by element, the graph by a digest. A call none of whose inputs changed gives the
result it gave, so it is not made again. Everything else a call reads (the curated data, the
templates, the settings) is the same for every call and is compared once, by the keeper.

A :class:`ReadLog` and the maps belong to one build's ``Site``; what the next build compares
with is kept by whoever keeps builds (``reuse.KeptPages``), never by this module.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Hashable, Iterator
from typing import Any

#: Stands for "every key of the map" in a noted input: the call went over the whole map.
EVERY = ("*every*",)
#: The relationship graph, as a noted input.
GRAPH = ("graph",)
_MISSING = object()

Input = tuple[Hashable, ...]


class ReadLog:
    """The inputs noted for each call being made (calls can nest: a call's inputs are also its
    caller's)."""

    def __init__(self) -> None:
        self._open: list[set[Input]] = []

    def note(self, read: Input) -> None:
        for inputs in self._open:
            inputs.add(read)

    def start(self) -> set[Input]:
        inputs: set[Input] = set()
        self._open.append(inputs)
        return inputs

    def stop(self, inputs: set[Input]) -> frozenset[Input]:
        last = self._open.pop()
        assert last is inputs, "calls stop in the order they start"
        for outer in self._open:  # what a call inside another read, the other read too
            outer.update(inputs)
        return frozenset(inputs)


class TrackedMap(dict):
    """A dict of the site's lookups that notes each key read (``("map", name, key)``) in its
    log; going over the whole map notes ``EVERY`` key. It pickles as a plain dict."""

    __slots__ = ("_log", "_name")

    def __init__(self, name: str, log: ReadLog, items: dict) -> None:
        super().__init__(items)
        self._name = name
        self._log = log

    def __getitem__(self, key: Hashable) -> Any:
        self._log.note(("map", self._name, key))
        return dict.__getitem__(self, key)

    def get(self, key: Hashable, default: Any = None) -> Any:
        self._log.note(("map", self._name, key))
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        self._log.note(("map", self._name, key))  # type: ignore[arg-type]
        return dict.__contains__(self, key)

    def _every(self) -> None:
        self._log.note(("map", self._name, EVERY))

    def __iter__(self) -> Iterator:
        self._every()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._every()
        return dict.__len__(self)

    def keys(self):  # type: ignore[override]
        self._every()
        return dict.keys(self)

    def values(self):  # type: ignore[override]
        self._every()
        return dict.values(self)

    def items(self):  # type: ignore[override]
        self._every()
        return dict.items(self)

    def __reduce__(self) -> tuple:
        self._every()
        return (dict, (dict(dict.items(self)),))


def same(a: object, b: object) -> bool:
    """Whether two inputs are the same for a call: records (and anything but plain values and
    containers of them) only when they are the same object, plain values when equal and of the
    same type (``1`` and ``1.0`` are equal, but a template writes them differently)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, (str, int, float, bytes, bool)):
        return a == b
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())  # type: ignore[attr-defined,index]
    return False


def graph_digest(graph: object) -> bytes:
    """A digest of every node and edge of the relationship graph (an edge's articles in order:
    a set pickles in its own order)."""
    nodes = list(graph.nodes.items())  # type: ignore[attr-defined]
    edges = [vars(e) | {"articles": sorted(e.articles)} for e in graph.edges]  # type: ignore[attr-defined]
    data = pickle.dumps((nodes, edges), pickle.HIGHEST_PROTOCOL)
    return hashlib.blake2b(data, digest_size=16).digest()


class Changes:
    """Which noted inputs differ between the last build and this one, each worked out once.
    ``maps_then`` and ``maps_now``: the site's maps by name (this build's are made when first
    asked for); ``records_then`` and ``records_now``: the records by kind and key; ``graphs``:
    the digests of the last graph and a way to this one's."""

    def __init__(
        self,
        maps_then: dict[str, dict],
        maps_now: Callable[[str], dict],
        records_then: dict[tuple[str, str], object],
        records_now: dict[tuple[str, str], object],
        graph_then: bytes | None,
        graph_now: Callable[[], bytes],
    ) -> None:
        self._maps_then = maps_then
        self._maps_now = maps_now
        self._records_then = records_then
        self._records_now = records_now
        self._graph_then = graph_then
        self._graph_now = graph_now
        self._known: dict[Input, bool] = {}
        self._strict: bool | None = None
        self._now: dict[str, dict] = {}  # this build's maps, by name, once asked for

    def changed_among(self, inputs: set[Input]) -> set[Input]:
        """The inputs of ``inputs`` that changed: each is compared once, and a call's are
        then checked against them in C (``frozenset.isdisjoint``)."""
        return {read for read in inputs if self._changed(read)}

    def any_changed(self, inputs: frozenset[Input]) -> bool:
        known = self._known
        for read in inputs:
            changed = known.get(read)
            if changed is None:
                changed = known[read] = self._changed(read)
            if changed:
                return True
        return False

    def _changed(self, read: Input) -> bool:
        if read == GRAPH:
            return self._graph_then is None or self._graph_then != self._graph_now()
        if read[0] == "record":
            ref = read[1]
            then = self._records_then.get(ref, _MISSING)  # type: ignore[arg-type]
            return then is _MISSING or then is not self._records_now.get(ref, _MISSING)  # type: ignore[arg-type]
        if read[0] == "map":
            _, name, key = read
            then = self._maps_then.get(name)  # type: ignore[arg-type]
            if then is None:
                return True
            now = self._now.get(name)  # type: ignore[call-overload]
            if now is None:
                now = self._now[name] = self._maps_now(name)  # type: ignore[arg-type]
            if key == EVERY:
                a, b = dict(dict.items(then)), dict(dict.items(now))
            else:
                a, b = dict.get(then, key, _MISSING), dict.get(now, key, _MISSING)
            return not (same(a, b) if self._element_by_element() else a is b or a == b)
        return True  # an input this module does not know

    def _element_by_element(self) -> bool:
        """Whether entries must be compared element by element (``same``) rather than with
        ``==``, which C does fast, taking an element identical to itself before asking its
        ``__eq__``. Entries hold ids and records; ``==`` tells a record from another build from
        the last one only when they differ by value, and a record of this build that is not the
        last one's object differs by value from all of them but its own last version (records
        of different keys differ by their key). So ``==`` is enough unless a changed record
        equals its last version (by value, not by its pickle: ``1`` for ``1.0``)."""
        if self._strict is None:
            self._strict = False
            for ref, record in self._records_now.items():
                then = self._records_then.get(ref, _MISSING)
                if then is not _MISSING and then is not record and then == record:
                    self._strict = True
                    break
        return self._strict
