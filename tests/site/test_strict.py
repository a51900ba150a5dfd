"""`mkdocs build --strict` fails on every problem `check` reports, with or without `-q`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, write_article

pytestmark = pytest.mark.slow

ARTICLE = """Ministers meet in Lisbon

By Ana Costa
March 6, 2024

Portuguese Foreign Minister Paulo Rangel met his Spanish counterpart in Lisbon on Tuesday.
"""


def project_with_bad_merge(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "seeds/curated", project / "seeds/curated")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    write_article(project / "seeds", "lisbon.txt", ARTICLE)
    merges = project / "seeds/curated/merges.yml"
    text = merges.read_text("utf-8").replace(
        "merges: []",
        "merges:\n  - into: person:nobody-by-this-id\n    names: [Paulo Rangel]\n"
        "    reason: a target that does not exist",
    )
    merges.write_text(text, "utf-8")
    return project


@pytest.mark.parametrize("quiet", [False, True], ids=["loud", "quiet"])
def test_strict_build_fails_on_a_merge_into_a_missing_entity(tmp_path, quiet):
    project = project_with_bad_merge(tmp_path)
    check = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--seeds", "seeds"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert check.returncode != 0 and "nobody-by-this-id" in check.stdout
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")]
    result = subprocess.run(
        command + (["-q"] if quiet else []),
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "nobody-by-this-id" in result.stderr  # the problem is named, even under -q
    assert "curated/merges.yml" in result.stderr
