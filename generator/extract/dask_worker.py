"""What runs on a Dask worker: the plugin that owns the worker's extraction tools, and the task.

``ExtractionPlugin`` is registered by the client (``dask_client``) with the curated registry and
the model's name; each worker unpickles it and loads the model and the registry's matchers once,
in ``setup``, off the worker's event loop. A worker that joins later gets the plugin from the
scheduler and loads them too. Tasks ship only articles (and cached Docs as bytes), never the
model: ``extract_chunk`` is an importable function that finds the loaded tools on its worker.

The worker also says who it is (``WorkerIdentity``): the Doc cache's context of its pipeline,
the fingerprint of the extraction code it runs and its model. The client compares them with its
own, so a worker with other code or another model cannot write into the shared cache.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from generator.curated.registry import Registry
from generator.data import CleanArticle, Extraction
from generator.extract.article import extract_doc
from generator.extract.tools import Tools, load_tools
from generator.memo.fingerprint import code_fingerprint
from generator.memo.store import (
    EXTRACTION_CODE,
    ExtractionCache,
    doc_from_bytes,
    doc_to_bytes,
    model_fingerprint,
)

#: The plugin's name on every worker: registering another (new curated data) replaces it, so a
#: worker holds one model at a time.
PLUGIN = "dossier-extraction"


@dataclass(frozen=True)
class WorkerIdentity:
    doc_context: str  # ExtractionCache.doc_context of the worker's pipeline
    code: str  # fingerprint of the extraction code (EXTRACTION_CODE)
    model: str  # model_fingerprint of the model's name


@dataclass
class ChunkOut:
    """One task's result: an Extraction per article, in order, and the bytes of each Doc the
    model made (None where the article came with a readable Doc), for the client to store."""

    extractions: list[Extraction]
    new_docs: list[bytes | None]
    unreadable: list[int] = field(default_factory=list)  # positions whose shipped Doc was no Doc
    ner: float = 0.0
    rules: float = 0.0
    doc_cache: float = 0.0


class ExtractionPlugin(WorkerPlugin):
    """Owns the worker's loaded ``Tools`` for one curated registry and model (``key``)."""

    name = PLUGIN

    def __init__(self, registry: Registry, model: str, key: str) -> None:
        self.registry = registry
        self.model = model
        self.key = key
        self.tools: Tools | None = None
        self.identity: WorkerIdentity | None = None
        self.loads = 0  # times this worker loaded the model (the tests count them)
        self.tasks = 0

    def __getstate__(self) -> dict[str, Any]:
        # what travels: the registry and the model's name, never a loaded model
        return {**self.__dict__, "tools": None, "identity": None}

    async def setup(self, worker: Any) -> None:
        # a model takes seconds to load: in a thread, so the worker keeps answering the scheduler
        await asyncio.get_running_loop().run_in_executor(None, self._load)

    def teardown(self, worker: Any) -> None:
        self.tools = None

    def _load(self) -> None:
        tools = load_tools(self.registry, self.model)
        self.identity = WorkerIdentity(
            ExtractionCache.doc_context(tools.nlp, tools.model, tools.abbreviations),
            code_fingerprint(*EXTRACTION_CODE),
            model_fingerprint(self.model),
        )
        self.tools = tools
        self.loads += 1


def worker_plugin(key: str, dask_worker: Any = None) -> ExtractionPlugin:
    """This worker's plugin, loaded for ``key``; raises when it holds another (a second client
    registered other curated data on the same cluster)."""
    worker = dask_worker or get_worker()
    plugin = worker.plugins.get(PLUGIN)
    if not isinstance(plugin, ExtractionPlugin) or plugin.tools is None:
        raise RuntimeError(f"worker {worker.address} has no loaded {PLUGIN} plugin")
    if plugin.key != key:
        raise RuntimeError(
            f"worker {worker.address} holds the extraction tools of other curated data or model "
            "(another build registered its own on this cluster)"
        )
    return plugin


def identity(key: str, dask_worker: Any = None) -> WorkerIdentity:
    """``Client.run`` target: what this worker's pipeline and code are."""
    plugin = worker_plugin(key, dask_worker)
    assert plugin.identity is not None
    return plugin.identity


def loaded(key: str, dask_worker: Any = None) -> WorkerIdentity | None:
    """``Client.run`` target: this worker's identity if it holds the tools for ``key`` (a
    client joining a cluster that an earlier build prepared need not load them again)."""
    plugin = dask_worker.plugins.get(PLUGIN) if dask_worker is not None else None
    if isinstance(plugin, ExtractionPlugin) and plugin.key == key and plugin.tools is not None:
        return plugin.identity
    return None


def counts(dask_worker: Any = None) -> dict[str, int]:
    """``Client.run`` target: how often this worker loaded the model, and tasks it ran."""
    plugin = dask_worker.plugins.get(PLUGIN) if dask_worker is not None else None
    if not isinstance(plugin, ExtractionPlugin):
        return {"loads": 0, "tasks": 0}
    return {"loads": plugin.loads, "tasks": plugin.tasks}


def extract_chunk(
    key: str, articles: list[CleanArticle], cached: list[bytes | None], keep_docs: bool
) -> ChunkOut:
    """The task: the extraction of each article, from its cached Doc where one came along and
    from the model for the rest (batched, as ``workers._extract_range`` does in one process);
    with ``keep_docs`` the new Docs come back as bytes for the client's cache."""
    plugin = worker_plugin(key)
    plugin.tasks += 1
    tools = plugin.tools
    assert tools is not None
    nlp, clock = tools.nlp, time.perf_counter
    out = ChunkOut([], [None] * len(articles))
    docs: list[Any] = [None] * len(articles)
    start = clock()
    for i, payload in enumerate(cached):
        if payload is not None:
            try:
                docs[i] = doc_from_bytes(payload, nlp)
            except Exception:  # another spaCy wrote it: the model runs, the client replaces it
                out.unreadable.append(i)
    out.doc_cache += clock() - start
    fresh = [i for i, doc in enumerate(docs) if doc is None]
    start = clock()
    for i, doc in zip(
        fresh, nlp.pipe((articles[i].body for i in fresh), batch_size=16), strict=True
    ):
        docs[i] = doc
    out.ner += clock() - start
    start = clock()
    for i in fresh if keep_docs else ():
        out.new_docs[i] = doc_to_bytes(docs[i])
    out.doc_cache += clock() - start
    start = clock()
    out.extractions = [extract_doc(a, doc, tools) for a, doc in zip(articles, docs, strict=True)]
    out.rules += clock() - start
    return out
