"""Extraction on Dask distributed: a 2-worker LocalCluster of processes gives the default path's
records byte for byte, shares its cache, and each worker loads the model once.

One cluster serves the module (starting two worker processes that load spaCy takes seconds)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import BuildResult, build
from generator.cli import main
from generator.config import BuildConfig
from tests.conftest import REPO, SEEDS, make_seeds

if os.environ.get("CI"):  # CI installs the extra: there the test must run, never skip
    import distributed  # noqa: F401
else:
    pytest.importorskip("distributed")

from generator.extract import dask_worker
from generator.extract.dask_client import DaskEngine, DaskSettings

pytestmark = pytest.mark.slow  # a cluster and several builds: scheduled first (tests/conftest.py)

#: The seeds' two articles and four of the written corpus: six tasks of one article each.
CORPUS = ["01_wire-seoul-drills.txt", "03_liveblog-g20-rio.txt",
          "05_oped-erdogan-grain.txt", "13_iaea-grossi-tehran.txt"]  # fmt: skip


@pytest.fixture(scope="module")
def engine() -> Iterator[DaskEngine]:
    with DaskEngine(DaskSettings("local", workers=2, threads=1, chunk=1)) as running:
        yield running
    # distributed keeps one idle thread (its offload executor) for the rest of the process; the
    # tests of the fork path that may follow in this process need it single-threaded
    from distributed import utils

    utils._offload_executor.shutdown(wait=True)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_seeds(tmp_path_factory.mktemp("dask"), {})
    (folder / "articles").mkdir()
    for path in [*sorted((SEEDS / "articles").iterdir()),
                 *(REPO / "tests" / "corpus" / "articles" / name for name in CORPUS)]:  # fmt: skip
        shutil.copy(path, folder / "articles" / path.name)
    return folder


@pytest.fixture(scope="module")
def default(seeds: Path) -> BuildResult:
    """The default path: this process, no cache."""
    return build(BuildConfig(seeds=seeds, cache_dir=None), with_pages=False)


def _records(result: BuildResult) -> dict[str, str]:
    return {**result.records, **{f"{k}.json": v for k, v in result.records_json.items()}}


def test_workers_are_processes_of_their_own(engine: DaskEngine) -> None:
    pids = engine.client.run(os.getpid)
    assert len(pids) == 2
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()


def test_records_equal_the_default_path_and_share_its_cache(
    engine: DaskEngine, seeds: Path, default: BuildResult, tmp_path: Path
) -> None:
    n = len(list((seeds / "articles").iterdir()))
    config = BuildConfig(seeds=seeds, cache_dir=tmp_path / "cache")
    cold = build(config, with_pages=False, dask=engine)
    assert _records(cold) == _records(default)
    assert len(cold.records) > n  # articles and entities
    assert cold.model_articles == n
    assert cold.cache is not None and cold.cache.writes == 2 * n + 1  # Docs, extractions, YAML
    before = sum(c["tasks"] for c in engine.client.run(dask_worker.counts).values())

    # the default path reads what the client wrote: every extraction is kept
    again = build(config, with_pages=False)
    assert again.cache is not None and again.cache.extraction_hits == n
    assert _records(again) == _records(default)

    # a kept extraction is never sent; a cached Doc goes along with its article
    shutil.rmtree(tmp_path / "cache" / "v1" / "extractions")
    rules_only = build(config, with_pages=False, dask=engine)
    assert rules_only.cache is not None and rules_only.cache.doc_hits == n
    assert rules_only.model_articles == 0
    assert _records(rules_only) == _records(default)
    warm = build(config, with_pages=False, dask=engine)
    assert warm.cache is not None and warm.cache.extraction_hits == n
    after = sum(c["tasks"] for c in engine.client.run(dask_worker.counts).values())
    assert after - before == n  # the rules-only build's tasks; the warm build sent none


def test_each_worker_loads_the_model_once(engine: DaskEngine, seeds: Path) -> None:
    build(BuildConfig(seeds=seeds, cache_dir=None), with_pages=False, dask=engine)
    counts = engine.client.run(dask_worker.counts)
    assert [c["loads"] for c in counts.values()] == [1, 1]
    assert max(c["tasks"] for c in counts.values()) >= 2  # several tasks on one load


def test_cli_joins_a_running_cluster(
    engine: DaskEngine, seeds: Path, default: BuildResult, tmp_path: Path
) -> None:
    address = engine.client.scheduler.address
    assert address.startswith("tcp://")
    out = tmp_path / "records"
    code = main(["records", "--seeds", str(seeds), "--out", str(out), "--dask", address])
    assert code == 0
    written = {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in out.rglob("*.yml")}
    assert written == default.records
    # the workers kept the tools this build needed: the new client loaded nothing again
    assert [c["loads"] for c in engine.client.run(dask_worker.counts).values()] == [1, 1]
