"""Extraction as a map over articles on a Dask cluster (``--dask local`` or ``--dask tcp://…``).

The client (this process) keeps everything but the model: it has already looked up the extraction
cache (``build``) and sends only the articles without a kept extraction, in chunks; it reads the
Doc layer itself and sends a cached Doc (as bytes) with its article, so a worker runs the model
only on the rest; it writes every new Doc and extraction into the cache; link, aggregate, records
and pages stay here. The workers hold the model, loaded once each by ``dask_worker``'s plugin.

``local`` starts a ``LocalCluster`` of worker processes on this machine (2 workers of 1 thread by
default); an address joins a running scheduler, whose workers need the project and the model
installed (docs/scaling.md). The engine is owned by whoever runs builds (the CLI for one build,
the MkDocs plugin for every rebuild under ``mkdocs serve``) and started at its first use, so a
build whose extractions are all kept starts no cluster.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from generator.curated.registry import Registry
from generator.data import CleanArticle, Extraction
from generator.extract.dask_worker import (
    ChunkOut,
    ExtractionPlugin,
    WorkerIdentity,
    extract_chunk,
    identity,
    loaded,
)
from generator.extract.workers import CHUNK
from generator.memo.fingerprint import code_fingerprint
from generator.memo.store import EXTRACTION_CODE, ExtractionCache, model_fingerprint, sha256

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

#: ``--dask local``: a cluster of worker processes on this machine.
LOCAL = "local"
#: Chunks in flight per worker thread: enough to keep each busy, few enough that the client
#: does not hold every cached Doc of a large corpus in memory at once.
IN_FLIGHT_PER_THREAD = 2
#: How long a build waits for a first worker to join the scheduler.
WAIT_FOR_WORKERS_S = 120


class DaskMismatch(RuntimeError):
    """A worker would make other extractions than this process: other code or another model."""


@dataclass(frozen=True)
class DaskSettings:
    address: str  # LOCAL, or a scheduler's address (tcp://host:8786)
    workers: int = 2  # LocalCluster only
    threads: int = 1  # per worker, LocalCluster only
    chunk: int = CHUNK  # articles per task

    def __post_init__(self) -> None:
        if not self.address:
            raise ValueError("dask: give 'local' or a scheduler address such as tcp://host:8786")
        if min(self.workers, self.threads, self.chunk) < 1:
            raise ValueError("dask: workers, threads and chunk must be 1 or more")


class DaskEngine:
    """A Dask client (and, for ``local``, its cluster) kept across builds."""

    def __init__(self, settings: DaskSettings) -> None:
        self.settings = settings
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        self._key = ""  # the registry and model the workers' plugin holds
        self._identity: WorkerIdentity | None = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def client(self) -> Client:
        """The client, connected (and the local cluster started) at first use."""
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.settings.address == LOCAL:
                # worker processes (not threads): each loads its own model, as on a cluster
                self._cluster = LocalCluster(
                    n_workers=self.settings.workers,
                    threads_per_worker=self.settings.threads,
                    processes=True,
                    dashboard_address=None,
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(self.settings.address)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None
        self._key, self._identity = "", None

    def prepare(self, registry: Registry, model: str) -> WorkerIdentity:
        """Every worker loaded with the tools for ``registry`` and ``model`` (the plugin is
        registered again only when they changed), and what they run, checked to agree."""
        key = sha256(registry.digest, model)
        if key != self._key or self._identity is None:
            self.client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_S)
            held = self.client.run(loaded, key)
            if None in held.values():  # else an earlier client left them loaded for this key
                self.client.register_plugin(ExtractionPlugin(registry, model, key))
            found = set(self.client.run(identity, key).values())
            if len(found) != 1:
                raise DaskMismatch(
                    f"the cluster's workers run {len(found)} different pipelines or code versions; "
                    "install the same dossier and model on every worker"
                )
            self._key, self._identity = key, found.pop()
        return self._identity

    def extract(
        self,
        articles: list[CleanArticle],
        registry: Registry,
        model: str,
        cache: ExtractionCache | None = None,
        timings: dict[str, float] | None = None,
    ) -> list[Extraction]:
        """What ``workers.extract`` returns for ``articles``, computed on the cluster; with a
        ``cache``, cached Docs travel to the workers and new Docs are stored here. ``timings``
        gains ``load_model`` (starting the cluster, the workers loading the model) and the map's
        wall time split between ``ner``, ``doc_cache`` and ``rules`` as the workers spent it."""
        timings = timings if timings is not None else {}
        start = time.perf_counter()
        worker = self.prepare(registry, model)
        _check_same_code(worker, cache, model)
        timings["load_model"] = timings.get("load_model", 0.0) + time.perf_counter() - start
        start = time.perf_counter()
        outs, reading = self._map(articles, worker, cache)
        wall = time.perf_counter() - start
        spent = {
            "ner": sum(o.ner for o in outs),
            "doc_cache": reading + sum(o.doc_cache for o in outs),
            "rules": sum(o.rules for o in outs),
        }
        busy = sum(spent.values()) or 1.0
        for name, seconds in spent.items():  # the workers' seconds overlap: shares of the wall
            timings[name] = timings.get(name, 0.0) + wall * seconds / busy
        return [e for out in outs for e in out.extractions]

    def _map(
        self, articles: list[CleanArticle], worker: WorkerIdentity, cache: ExtractionCache | None
    ) -> tuple[list[ChunkOut], float]:
        """Each chunk's result in article order, and the client's seconds reading and writing
        Docs. A bounded number of chunks is in flight; a finished one's Docs are stored and the
        next is sent."""
        from distributed import as_completed

        client, size = self.client, self.settings.chunk
        bounds = [(lo, min(lo + size, len(articles))) for lo in range(0, len(articles), size)]
        keys = [cache.doc_key(a.body, worker.doc_context) for a in articles] if cache else []
        threads = sum(client.nthreads().values()) or 1
        outs: dict[int, ChunkOut] = {}
        index: dict[Any, int] = {}  # future key -> chunk
        io = 0.0
        pending = as_completed()

        def send(chunk: int) -> None:
            nonlocal io
            lo, hi = bounds[chunk]
            start = time.perf_counter()
            cached = [_cached_doc(cache, keys[i]) for i in range(lo, hi)] if cache else []
            io += time.perf_counter() - start
            future = client.submit(
                extract_chunk,
                self._key,
                articles[lo:hi],
                cached or [None] * (hi - lo),
                cache is not None,
                pure=False,
            )
            index[future.key] = chunk
            pending.add(future)

        following = iter(range(len(bounds)))
        for chunk in following:
            send(chunk)
            if len(index) >= IN_FLIGHT_PER_THREAD * threads:
                break
        try:
            for future in pending:
                chunk = index[future.key]
                out: ChunkOut = future.result()
                future.release()
                start = time.perf_counter()
                if cache is not None:
                    _store(cache, keys[bounds[chunk][0] : bounds[chunk][1]], out)
                io += time.perf_counter() - start
                outs[chunk] = out
                after = next(following, None)
                if after is not None:
                    send(after)
        finally:
            if pending.futures:  # a task failed: drop the rest
                client.cancel(list(pending.futures))
        return [outs[chunk] for chunk in range(len(bounds))], io


def _cached_doc(cache: ExtractionCache, key: str) -> bytes | None:
    return cache.get_doc_bytes(key) if cache.has_doc(key) else None


def _store(cache: ExtractionCache, keys: list[str], out: ChunkOut) -> None:
    """A chunk's new Docs into the cache, and its counts as ``workers.extract`` keeps them."""
    for position in out.unreadable:
        cache.unreadable_doc(keys[position], ValueError("not a Doc of this spaCy"))
    for key, payload in zip(keys, out.new_docs, strict=True):
        if payload is None:
            cache.stats.doc_hits += 1
        else:
            cache.put_doc_bytes(key, payload)


def _check_same_code(worker: WorkerIdentity, cache: ExtractionCache | None, model: str) -> None:
    """The workers' extractions go into this process's cache under its keys: they must come
    from the same extraction code and model."""
    code = cache.code if cache is not None else code_fingerprint(*EXTRACTION_CODE)
    if worker.code != code:
        raise DaskMismatch(
            "the Dask workers run another version of the generator's extraction code than this "
            "process; install the same dossier on the workers"
        )
    if worker.model != model_fingerprint(model):
        raise DaskMismatch(
            f"the Dask workers have another {model!r} model (or spaCy) than this process "
            f"({worker.model} against {model_fingerprint(model)}); install the same on both"
        )
