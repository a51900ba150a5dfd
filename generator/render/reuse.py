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


class Unkept(Exception):
    """A value that cannot be digested (a generator, a function): the page is not kept."""


@dataclass(frozen=True)
class KeptPage:
    text: str
    context: bytes  # digest of the page's own record and other context
    reads: tuple[tuple[Call, bytes], ...]  # the calls its template made, with their digests


@dataclass
class KeptPages:
    """One build's record pages, by path, with the digest of the templates they came from."""

    templates: bytes = b""
    pages: dict[str, KeptPage] = field(default_factory=dict)


@dataclass
class Kept:
    """What ``render_pages`` keeps for a next build: the record pages with what they read and
    the linked article bodies (``Site.linked``)."""

    pages: KeptPages
    bodies: dict
    reused: int = 0  # pages this build took from the last
    related: RelatedIndex | None = None  # the related entities (``generator.render.related``)


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
    """Arguments: records and the stand-ins by reference, everything else by value."""

    def persistent_id(self, obj: object) -> object:
        if isinstance(obj, Watched):
            return ("watched", obj._name)
        return _ref(obj)


class _ResultPickler(pickle.Pickler):
    """Results: each record as its key and its digest, everything else by value."""

    def __init__(self, file: io.BytesIO, reads: Reads) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.reads = reads

    def reducer_override(self, obj: object) -> object:
        ref = _ref(obj)
        if ref is None:
            if isinstance(obj, Watched):
                return (_stands_for, ("watched", obj._name, b""))
            return NotImplemented
        return (_stands_for, (*ref, self.reads.record(obj)))


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

    def __init__(self, receivers: Mapping[str, object], records: Iterable[object]) -> None:
        self.receivers = receivers
        self._records: dict[int, tuple[object, bytes]] = {}
        self._results: dict[Call, bytes | None] = {}
        self._by_ref: dict[tuple[str, str], object] = {}
        for record in records:
            ref = _ref(record)
            if ref is not None:
                self._by_ref[ref] = record

    def record(self, obj: object) -> bytes:
        found = self._records.get(id(obj))
        if found is None:  # the record is held with its digest, so its id is not reused
            found = self._records[id(obj)] = (
                obj,
                _hash(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)),
            )
        return found[1]

    def value(self, value: object) -> bytes:
        """The digest of a value: a string's text, anything else its pickle."""
        if type(value) is str:
            return _hash(b"s" + value.encode("utf-8", "surrogatepass"))
        if isinstance(value, Registry) and value.digest:  # a hash of every curated file
            return _hash(b"r" + value.digest.encode())
        buffer = io.BytesIO()
        try:
            _ResultPickler(buffer, self).dump(value)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise Unkept(str(exc)) from exc
        return _hash(b"p" + buffer.getvalue())

    def noted(self, call: Call, result: object) -> bytes | None:
        """The digest of a call's result as a page got it (None: it cannot be digested)."""
        if call in self._results:
            return self._results[call]
        try:
            digest: bytes | None = self.value(result)
        except Unkept:
            digest = None
        self._results[call] = digest
        return digest

    def again(self, call: Call) -> bytes | None:
        """The digest of ``call``'s result in this build: made once, whatever page asks."""
        if call in self._results:
            return self._results[call]
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
            digest: bytes | None = self.value(result)
        except Exception:  # a call that fails now: the page is rendered again
            digest = None
        self._results[call] = digest
        return digest

    def _resolve(self, pid: tuple[str, str]) -> object:
        if pid[0] == "watched":
            return self.receivers[pid[1]]
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
            self._note((self._name, attribute, ATTRIBUTE), value)
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            # a stand-in passed on (``entity_summary(site, …)``) is its receiver inside the call:
            # the call is noted whole, and made again whole
            result = value(*(a._target if isinstance(a, Watched) else a for a in args), **kwargs)
            if not kwargs and all(type(a) in _PLAIN for a in args):
                key: Any = args
            else:
                buffer = io.BytesIO()
                try:
                    _ArgsPickler(buffer, pickle.HIGHEST_PROTOCOL).dump((args, kwargs))
                    key = buffer.getvalue()
                except (pickle.PicklingError, TypeError, AttributeError):
                    self._noted.append(None)
                    return result
            self._note((self._name, attribute, key), result)
            return result

        return call

    def _note(self, call: Call, result: object) -> None:
        digest = self._reads.noted(call, result)
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
    ) -> None:
        self.env = env
        self.receivers = receivers
        #: template names bound to a receiver's method (``entity_summary``: the search marks')
        self.functions = functions or {}
        self.reads = Reads(receivers, records)
        templates = sorted(env.list_templates())
        sources = b"\0".join(
            name.encode() + b"\0" + env.loader.get_source(env, name)[0].encode()  # type: ignore[union-attr]
            for name in templates
        )
        self.kept_now = KeptPages(_hash(sources))
        self.kept = kept if kept is not None and kept.templates == self.kept_now.templates else None
        self.reused = 0

    @classmethod
    def of_site(
        cls, env: jinja2.Environment, site: Site, graphs: Relationships, kept: Kept | None
    ) -> PageReuse:
        """The record pages of ``site``: its templates ask the site, the relationships and the
        search summary (``search_marks.entity_summary``)."""
        receivers = {"site": site, "graphs": graphs, "marks": search_marks}
        corpus = site.corpus
        records = [*corpus.articles, *corpus.entities, *corpus.events]
        functions = {"entity_summary": ("marks", "entity_summary")}
        return cls(env, receivers, records, kept.pages if kept else None, functions)

    def _same_reads(self, old: KeptPage) -> bool:
        return all(self.reads.again(call) == result for call, result in old.reads)

    def render(self, path: str, template: str, **context: Any) -> str:
        """The page at ``path`` from ``template`` with ``context`` (the page's record and plain
        values); the stand-ins of the receivers and functions are added to it."""
        digest = self.reads.value((template, sorted(context.items())))
        old = self.kept.pages.get(path) if self.kept is not None else None
        if old is not None and old.context == digest and self._same_reads(old):
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
            self.kept_now.pages[path] = KeptPage(text, digest, tuple(noted))
        return text
