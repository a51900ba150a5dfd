"""The record pages a build takes from the last one: each page is kept with what it read.

A record page (an article's, an entity's, an event's) is a function of the templates' sources, its
own record and what its template asked while rendering: the ``Site``'s lookups, the
``Relationships``' tables, the search summary. It is rendered with stand-ins (:class:`Watched`)
that note every call, its arguments and a digest of its result. The next build reuses the
Markdown when the templates, the page's own record and its other context are the same and every
noted call, made again on that build's site with the same arguments, gives a result with the same
digest: the template then takes the same path through the same values and writes the same text.
Nothing is listed by hand, so a template that starts asking something new is covered as it asks.

Values are digested by pickling them (equal pickles are equal values; a value pickled differently
is only rendered again). Records inside an argument stand for themselves by key, the same record
of the build that makes the call again; inside a result, by key and their own digest, computed
once a build. A call is made again once a build however many pages made it, so a rebuild after
one edit makes each lookup once and renders only the pages whose inputs changed.

The kept pages (:class:`KeptPages`) belong to whoever keeps builds (``generator.memo``), never to
this module; they hold the last build's pages only.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import pickle
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jinja2

from generator.curated.registry import Registry
from generator.data import ArticleRecord, Entity, Event
from generator.render import search_marks
from generator.render.inputs import Changes, Input, ReadLog, graph_digest
from generator.render.related import RelatedIndex

if TYPE_CHECKING:
    from generator.render.pages import Site
    from generator.render.relationships import Relationships

#: A call noted while a page rendered: (receiver, method or attribute, arguments). Arguments are
#: the plain tuple when they are all strings or numbers, else their pickle (``_ArgsPickler``).
Call = tuple[str, str, Any]
#: Marks a read of a plain attribute (``site.registry``, ``graphs.entity_rows``) in a ``Call``.
ATTRIBUTE = "="
#: Arguments kept as they are in a ``Call``; others are pickled (``1`` and ``True`` are equal
#: keys of a dict, but not equal arguments).
_PLAIN = (str, type(None))


#: The maps of the site's lookups (``render.pages.Site``) that note their reads, by the name
#: they note them under: the attribute that holds each.
SITE_MAPS = {
    "entities": "entities",
    "articles": "articles",
    "events": "events",
    "related": "related",
    "people_by_name": "_people_by_name",
    "quotes_by_speaker": "_quotes_by_speaker",
    "events_by_entity": "_events_by_entity",
}


class Unkept(Exception):
    """A value that cannot be digested (a generator, a function): the page is not kept."""


@dataclass(frozen=True)
class KeptPage:
    text: str
    context: bytes  # digest of the page's own record and other context
    reads: tuple[tuple[Call, bytes], ...]  # the calls its template made, with their digests
    #: the template and the context's values the digest was made of: the same objects in a
    #: next build have the same digest, without pickling them again (held, so that no other
    #: object takes the id of one of them)
    values: tuple = ()


@dataclass
class KeptPages:
    """One build's record pages, by path, with the digest of the templates they came from, and
    each call they made with its result's digest and the pages that made it (``readers``): a
    next build makes each call once and renders again the readers of those that changed, rather
    than going through every page's calls (~290,000 at 1,000 articles for ~51,000 calls)."""

    templates: bytes = b""
    pages: dict[str, KeptPage] = field(default_factory=dict)
    #: call -> (its result's digest, the paths of the kept pages that made it). One digest per
    #: call: a build's pages all get a call's digest from its ``Reads``, and a page is kept
    #: again only when each of its calls gives the digest it noted.
    readers: dict[Call, tuple[bytes, frozenset[str]]] = field(default_factory=dict)
    #: what each call read (``render.inputs``; None: not known, the call is always made again),
    #: and what a next build compares those inputs with: the curated data and settings they
    #: were read under, the site's maps, the records by kind and key, the graph's digest
    inputs: dict[Call, frozenset[Input] | None] = field(default_factory=dict)
    under: bytes = b""
    maps: dict[str, dict] = field(default_factory=dict)
    records: dict[tuple[str, str], object] = field(default_factory=dict)
    graph: bytes | None = None


@dataclass
class Kept:
    """What ``render_pages`` keeps for a next build: the record pages with what they read and
    the linked article bodies (``Site.linked``)."""

    pages: KeptPages
    bodies: dict
    reused: int = 0  # pages this build took from the last
    related: RelatedIndex | None = None  # the related entities (``generator.render.related``)
    #: the templates' environment, whose compiled templates a next build uses (Jinja2 loads a
    #: template again when its file changed): compiling them took ~0.3 s a build
    env: jinja2.Environment | None = None


def _ref(obj: object) -> tuple[str, str] | None:
    """A record's kind and key, for the records that stand for themselves in a pickle."""
    if isinstance(obj, Entity):
        return ("entity", obj.key)
    if isinstance(obj, ArticleRecord):
        return ("article", obj.article.id)
    if isinstance(obj, Event):
        return ("event", obj.id)
    return None


def _stands_for(kind: str, key: str, digest: bytes) -> None:
    """What a record in a result pickles as; results are only digested, never unpickled."""
    raise TypeError("a result digest is not to be unpickled")


class _ArgsPickler(pickle.Pickler):
    """Arguments: records and the stand-ins by reference, everything else by value; the
    records' references are noted in ``refs``."""

    refs: list | None = None

    def persistent_id(self, obj: object) -> object:
        if isinstance(obj, Watched):
            return ("watched", obj._name)
        ref = _ref(obj)
        if ref is not None and self.refs is not None:
            self.refs.append(("record", ref))
        return ref


def _result_table(reads: Reads) -> dict[type, Callable[[Any], object]]:
    """How a result pickles: each record as its key and its digest, a stand-in as its name,
    everything else by value. A dispatch table by type rather than ``reducer_override``, which
    pickle calls in Python for every list, dict and tuple of a result."""

    def record(obj: object) -> object:
        ref = _ref(obj)
        assert ref is not None
        return (_stands_for, (*ref, reads.record(obj)))

    def watched(obj: Watched) -> object:
        return (_stands_for, ("watched", obj._name, b""))

    table: dict[type, Callable[[Any], object]] = dict(copyreg.dispatch_table)
    table.update({Entity: record, ArticleRecord: record, Event: record, Watched: watched})
    return table


class _ArgsUnpickler(pickle.Unpickler):
    def __init__(self, data: bytes, resolve: Callable[[tuple[str, str]], object]) -> None:
        super().__init__(io.BytesIO(data))
        self.resolve = resolve

    def persistent_load(self, pid: tuple[str, str]) -> object:
        return self.resolve(pid)


def _hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class Reads:
    """One build's digests: of its records (by identity: they live as long as the build) and of
    the results of the calls its pages made or its kept pages made in the last build."""

    def __init__(
        self,
        receivers: Mapping[str, object],
        records: Iterable[object],
        digests: Callable[[object], bytes | None] | None = None,
    ) -> None:
        self.receivers = receivers
        #: the records' digests where a keeper knows them (``aggregate.kept``: the same digest)
        self._known = digests
        self._records: dict[int, tuple[object, bytes]] = {}
        self._results: dict[Call, bytes | None] = {}
        self._table = _result_table(self)
        self._by_ref: dict[tuple[str, str], object] = {}
        #: the inputs of each call made in this build, or taken as unchanged from the last
        self.log = ReadLog()
        self.inputs: dict[Call, frozenset[Input] | None] = {}
        for record in records:
            ref = _ref(record)
            if ref is not None:
                self._by_ref[ref] = record

    @property
    def records_by_ref(self) -> dict[tuple[str, str], object]:
        """This build's records by kind and key."""
        return self._by_ref

    def record(self, obj: object) -> bytes:
        found = self._records.get(id(obj))
        if found is None:  # the record is held with its digest, so its id is not reused
            known = self._known(obj) if self._known is not None else None
            found = self._records[id(obj)] = (
                obj,
                known or _hash(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)),
            )
        return found[1]

    def value(self, value: object) -> bytes:
        """The digest of a value: a string's text, anything else its pickle."""
        if type(value) is str:
            return _hash(b"s" + value.encode("utf-8", "surrogatepass"))
        if isinstance(value, Registry) and value.digest:  # a hash of every curated file
            return _hash(b"r" + value.digest.encode())
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = self._table
        try:
            pickler.dump(value)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise Unkept(str(exc)) from exc
        return _hash(b"p" + buffer.getvalue())

    def noted(
        self, call: Call, result: object, inputs: frozenset[Input] | None = None
    ) -> bytes | None:
        """The digest of a call's result as a page got it (None: it cannot be digested), and
        what the call read."""
        if call in self._results:
            return self._results[call]
        try:
            digest: bytes | None = self.value(result)
        except Unkept:
            digest = None
        self._results[call] = digest
        self.inputs[call] = inputs
        return digest

    def unchanged(self, call: Call, digest: bytes, inputs: frozenset[Input]) -> None:
        """A call none of whose inputs changed: its last result's digest, not made again."""
        self._results[call] = digest
        self.inputs[call] = inputs

    def again(self, call: Call) -> bytes | None:
        """The digest of ``call``'s result in this build: made once, whatever page asks."""
        if call in self._results:
            return self._results[call]
        read = self.log.start()
        inputs: frozenset[Input] | None = None
        try:
            receiver_name, name, args = call
            receiver = self.receivers[receiver_name]
            if args == ATTRIBUTE:
                result = getattr(receiver, name)
            else:
                positional, keywords = (
                    (args, {})
                    if isinstance(args, tuple)
                    else _ArgsUnpickler(args, self._resolve).load()
                )
                result = getattr(receiver, name)(*positional, **keywords)
            inputs = self.log.stop(read)
            digest: bytes | None = self.value(result)
        except Exception:  # a call that fails now: the page is rendered again
            digest = None
        finally:
            if inputs is None:
                self.log.stop(read)
        self._results[call] = digest
        # an attribute is read without noting anything: made again each build
        self.inputs[call] = inputs if args != ATTRIBUTE else None
        return digest

    def _resolve(self, pid: tuple[str, str]) -> object:
        if pid[0] == "watched":
            return self.receivers[pid[1]]
        self.log.note(("record", pid))
        return self._by_ref[pid]  # a KeyError: the record is gone, the page is rendered again


class Watched:
    """A receiver as a template sees it, noting each call and attribute read with the digest of
    what it gave into ``noted`` (None in it: something that cannot be digested)."""

    def __init__(self, name: str, target: object, reads: Reads, noted: list) -> None:
        self._name = name
        self._target = target
        self._reads = reads
        self._noted = noted

    def __getattr__(self, attribute: str) -> Any:
        value = getattr(self._target, attribute)
        if not callable(value):
            self._note((self._name, attribute, ATTRIBUTE), value, None)
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            # a stand-in passed on (``entity_summary(site, …)``) is its receiver inside the call:
            # the call is noted whole, and made again whole
            log = self._reads.log
            read = log.start()
            try:
                result = value(
                    *(a._target if isinstance(a, Watched) else a for a in args), **kwargs
                )
            finally:
                inputs = log.stop(read)
            if not kwargs and all(type(a) in _PLAIN for a in args):
                key: Any = args
            else:
                buffer = io.BytesIO()
                pickler = _ArgsPickler(buffer, pickle.HIGHEST_PROTOCOL)
                pickler.refs = refs = []  # the records passed are read too
                try:
                    pickler.dump((args, kwargs))
                    key = buffer.getvalue()
                except (pickle.PicklingError, TypeError, AttributeError):
                    self._noted.append(None)
                    return result
                inputs = inputs.union(refs)
            self._note((self._name, attribute, key), result, inputs)
            return result

        return call

    def _note(self, call: Call, result: object, inputs: frozenset[Input] | None) -> None:
        digest = self._reads.noted(call, result, inputs)
        self._noted.append(None if digest is None else (call, digest))


class PageReuse:
    """Renders record pages, reusing the last build's (``kept``) where their inputs are the same;
    ``kept_now`` is this build's, for the next."""

    def __init__(
        self,
        env: jinja2.Environment,
        receivers: Mapping[str, object],
        records: Iterable[object],
        kept: KeptPages | None,
        functions: Mapping[str, tuple[str, str]] | None = None,
        digests: Callable[[object], bytes | None] | None = None,
    ) -> None:
        self.env = env
        self.receivers = receivers
        #: template names bound to a receiver's method (``entity_summary``: the search marks')
        self.functions = functions or {}
        self.reads = Reads(receivers, records, digests)
        templates = sorted(env.list_templates())
        sources = b"\0".join(
            name.encode() + b"\0" + env.loader.get_source(env, name)[0].encode()  # type: ignore[union-attr]
            for name in templates
        )
        self.kept_now = KeptPages(_hash(sources))
        self.kept = kept if kept is not None and kept.templates == self.kept_now.templates else None
        self.reused = 0
        self.skipped = 0  # kept calls not made again: none of their inputs changed
        #: the site's maps by name (``render.inputs``), for the comparison of their entries
        self.maps: Callable[[str], dict] | None = None
        self._stale_pages: set[str] | None = None
        self._rendered: list[str] = []  # the pages rendered and kept in this build

    @classmethod
    def of_site(
        cls,
        env: jinja2.Environment,
        site: Site,
        graphs: Relationships,
        kept: Kept | None,
        digests: Callable[[object], bytes | None] | None = None,
    ) -> PageReuse:
        """The record pages of ``site``: its templates ask the site, the relationships and the
        search summary (``search_marks.entity_summary``)."""
        receivers = {"site": site, "graphs": graphs, "marks": search_marks}
        corpus = site.corpus
        records = [*corpus.articles, *corpus.entities, *corpus.events]
        functions = {"entity_summary": ("marks", "entity_summary")}
        reuse = cls(env, receivers, records, kept.pages if kept else None, functions, digests)
        site.log = reuse.reads.log  # before the site makes its first map
        reuse.maps = lambda name: getattr(site, SITE_MAPS[name])
        # what every call reads besides its noted inputs: calls are taken as they were only
        # under the same curated data and settings
        under = site.registry.digest and reuse.reads.value((site.registry.digest, site.config))
        reuse.kept_now.under = under or b""
        return reuse

    def _changes(self) -> Changes | None:
        """What changed since the last build, or None when nothing may be taken as unchanged."""
        kept = self.kept
        if kept is None or self.maps is None or not kept.under:
            return None
        if kept.under != self.kept_now.under:
            return None
        graph = self.receivers["site"].corpus.relations  # type: ignore[attr-defined]
        return Changes(
            kept.maps, self.maps, kept.records, self.reads.records_by_ref, kept.graph,
            lambda: self._graph_digest(graph),
        )  # fmt: skip

    def _graph_digest(self, graph: object) -> bytes:
        if self.kept_now.graph is None:
            self.kept_now.graph = graph_digest(graph)
        return self.kept_now.graph

    def _stale(self) -> set[str]:
        """The kept pages one of whose calls gives another result in this build: each call
        made once, before the first page (``KeptPages.readers``)."""
        if self._stale_pages is None:
            self._stale_pages = set()
            changes = self._changes()
            inputs = self.kept.inputs if self.kept else {}
            changed: set[Input] = set()
            if changes is not None:  # each input read once, then each call's checked in C
                changed = changes.changed_among(set().union(*filter(None, inputs.values())))
            noted = iter(inputs.items())  # in the readers' order (``finish``)
            for call, (digest, paths) in self.kept.readers.items() if self.kept else ():
                same_call, read = next(noted, (None, None))
                if same_call is not call:
                    read = inputs.get(call)
                if changes is not None and read is not None and read.isdisjoint(changed):
                    self.reads.unchanged(call, digest, read)
                    self.skipped += 1
                elif self.reads.again(call) != digest:
                    self._stale_pages.update(paths)
        return self._stale_pages

    def finish(self) -> KeptPages:
        """This build's kept pages with their readers: the last build's, less the pages not
        taken again, plus the pages rendered and kept in this build."""
        last = self.kept.readers if self.kept is not None else {}
        removed: dict[Call, set[str]] = {}
        for path, old in self.kept.pages.items() if self.kept else ():
            if self.kept_now.pages.get(path) is not old:  # rendered again, or gone
                for call, _ in old.reads:
                    removed.setdefault(call, set()).add(path)
        added: dict[Call, tuple[bytes, set[str]]] = {}
        for path in self._rendered:
            for call, digest in self.kept_now.pages[path].reads:
                added.setdefault(call, (digest, set()))[1].add(path)
        readers = dict(last)
        for call, paths in removed.items():
            digest, rest = readers.get(call, (b"", frozenset()))
            if rest - paths:
                readers[call] = (digest, rest - paths)
            else:
                readers.pop(call, None)
        for call, (digest, paths) in added.items():
            digest_then, others = readers.get(call, (digest, frozenset()))
            if digest_then != digest:  # one digest a call a build: kept pages that read another
                for other in others:  # would be taken without the check; render them next time
                    self.kept_now.pages.pop(other, None)
                others = frozenset()
            readers[call] = (digest, others | paths)
        self.kept_now.readers = readers
        self.kept_now.inputs = {call: self.reads.inputs.get(call) for call in readers}
        if self.maps is not None:  # every map, so that the next build compares with each
            self.kept_now.maps = {name: self.maps(name) for name in SITE_MAPS}
            site = self.receivers["site"]
            self._graph_digest(site.corpus.relations)  # type: ignore[attr-defined]
        self.kept_now.records = self.reads.records_by_ref
        return self.kept_now

    def render(self, path: str, template: str, **context: Any) -> str:
        """The page at ``path`` from ``template`` with ``context`` (the page's record and plain
        values); the stand-ins of the receivers and functions are added to it."""
        old = self.kept.pages.get(path) if self.kept is not None else None
        values = (template, *sorted(context.items()))
        if old is not None and _identical(old.values, values):
            digest = old.context  # the same record and values: the same digest
        else:
            digest = self.reads.value((template, sorted(context.items())))
        if old is not None and old.context == digest and path not in self._stale():
            self.kept_now.pages[path] = old
            self.reused += 1
            return old.text
        noted: list = []
        watched: dict[str, Any] = {
            name: Watched(name, r, self.reads, noted) for name, r in self.receivers.items()
        }
        for name, (receiver, method) in self.functions.items():
            watched[name] = getattr(watched[receiver], method)
        text = self.env.get_template(template).render(**context, **watched)
        if None not in noted:
            self.kept_now.pages[path] = KeptPage(text, digest, tuple(noted), values)
            self._rendered.append(path)
        return text


def _identical(then: tuple, now: tuple) -> bool:
    """Whether a page's template and context are the same objects as the last build's: the
    template's name, then each (name, value) pair."""
    return (
        len(then) == len(now)
        and then[0] == now[0]
        and all(a[0] == b[0] and a[1] is b[1] for a, b in zip(then[1:], now[1:], strict=True))
    )
