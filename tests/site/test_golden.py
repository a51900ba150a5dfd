"""Golden files: the seeds' records and pages, compared byte for byte.

After an intended change, regenerate with ``pytest tests/site/test_golden.py --update-goldens`` and
review ``git diff tests/golden`` like any other change.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seeds"


def _compare(kind: str, produced: dict[str, str], update: bool) -> None:
    root = GOLDEN / kind
    if update:
        for old in sorted(root.rglob("*"), reverse=True):
            if old.is_file():
                old.unlink()
        for rel, text in produced.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        return
    expected = {
        p.relative_to(root).as_posix(): p.read_text("utf-8") for p in root.rglob("*") if p.is_file()
    }
    assert sorted(produced) == sorted(expected), (
        f"{kind}: files differ; run pytest --update-goldens and review the diff"
    )
    changed = [rel for rel in sorted(produced) if produced[rel] != expected[rel]]
    assert not changed, f"{kind}: content differs in {changed}; run --update-goldens and review"


def test_records_match_golden(seeds_build, request):
    _compare("records", seeds_build.records, request.config.getoption("--update-goldens"))


def test_pages_match_golden(seeds_build, request):
    _compare("pages", seeds_build.pages, request.config.getoption("--update-goldens"))


@pytest.mark.slow
def test_build_is_deterministic():
    """Two builds of the same seeds in fresh processes (different hash seeds) give byte-identical
    records."""
    outs = []
    for seed in ("1", "2"):
        out = Path(tempfile.mkdtemp()) / "out"
        # no extraction cache: the second process must extract again, not read the first's
        env = {**os.environ, "PYTHONHASHSEED": seed, "DOSSIER_CACHE": "off"}
        subprocess.run(
            [sys.executable, "-m", "generator", "records", "--seeds", "seeds", "--out", str(out)],
            cwd=Path(__file__).resolve().parents[2],
            check=True,
            env=env,
            capture_output=True,
        )
        outs.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert outs[0] == outs[1]
