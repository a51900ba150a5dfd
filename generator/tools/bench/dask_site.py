"""The ``--dask local`` run of the benchmark: a cold build of the records on a LocalCluster of
two worker processes (``dask_runner``, in a process of its own), its time, and whether its
records equal the default build's byte for byte."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from generator.tools.bench.corpus import REPO

DASK_RUNNER = "generator.tools.bench.dask_runner"
#: LocalCluster worker processes, one thread each: the figures in docs/scaling.md
DASK_WORKERS = 2


def dask_build(
    work: Path, seeds: Path, model: str, records: dict[str, str], records_json: dict[str, str]
) -> dict[str, Any]:
    """The run's figures (``dask_runner``) with ``identical``: every record's YAML and JSON equal
    to ``records`` and ``records_json``; or the reason there are none."""
    if importlib.util.find_spec("distributed") is None:
        return {"skipped": "Dask distributed not installed (pip install 'dossier[dask]')"}
    report = work / "dask.json"
    proc = subprocess.run(
        [sys.executable, "-m", DASK_RUNNER, str(report), str(seeds), str(work / ".cache" / "dask"),
         model, str(DASK_WORKERS)],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
    )  # fmt: skip
    if proc.returncode != 0 or not report.is_file():
        raise RuntimeError(f"the --dask local build failed:\n{proc.stderr[-3000:]}")
    figures = json.loads(report.read_text("utf-8"))

    def digests(texts: dict[str, str]) -> dict[str, str]:
        return {path: hashlib.sha256(text.encode()).hexdigest() for path, text in texts.items()}

    yaml_same = figures.pop("records") == digests(records)
    json_same = figures.pop("records_json") == digests(records_json)
    figures["identical"] = yaml_same and json_same
    return figures
