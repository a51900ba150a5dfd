"""`python -m generator bench` runs end to end on a tiny corpus and prints every section."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
from pathlib import Path

import pytest


@pytest.mark.slow
def test_bench_smoke(tmp_path):
    from generator.tools import bench

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = bench.main(["--sizes", "5", "--json", str(tmp_path / "bench.json")])
    text = out.getvalue()
    assert code == 0
    assert "5 articles" in text
    assert "floor: spacy.load + nlp.pipe" in text
    assert "Targets" in text and ("PASS" in text or "FAIL" in text)
    assert (tmp_path / "bench.json").is_file()
    figures = json.loads((tmp_path / "bench.json").read_text())
    run = figures["sizes"]["5"]
    assert run["one_change_served"]["wall_s"] > 0
    if importlib.util.find_spec("distributed") or os.environ.get("CI"):  # the `dask` extra
        assert run["dask"]["identical"] is True  # --dask local gave the default's records
        assert "records identical to the default path" in text
    if Path(bench.CHROMIUM).is_file():  # the time to a first search result in the browser
        seconds = run["mkdocs"]["search_first_result_s"]
        assert seconds is not None, f"no first search result: {run['mkdocs']['search_probe']}"
        assert seconds > 0


@pytest.mark.slow
def test_bench_only_serve_keeps_its_corpus(tmp_path):
    """``--only serve`` times the serve rebuild alone, as many times as asked, and leaves the
    corpus and its extraction cache in ``--keep`` for the next run, the article as it was."""
    from generator.tools import bench

    kept = tmp_path / "kept"
    args = ["--sizes", "4", "--only", "serve", "--edits", "2", "--keep", str(kept)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = bench.main([*args, "--json", str(tmp_path / "serve.json")])
    text = out.getvalue()
    assert code == 0
    assert "`mkdocs serve --dirty` only" in text and "floor" not in text
    run = json.loads((tmp_path / "serve.json").read_text())["sizes"]["4"]
    assert set(run) == {"articles", "serve"}  # nothing else was measured
    serve = run["serve"]
    assert len(serve["rebuilds_s"]) == 2 and serve["rebuild_s"] in serve["rebuilds_s"]
    assert 1 <= serve["pages_rendered"] < serve["pages"]  # the edit's pages, not all
    cache = kept / "n4" / ".cache" / "dossier"
    assert any(cache.rglob("*")), "the extraction cache is kept for the next run"
    articles = sorted((kept / "n4" / "seeds" / "articles").glob("*.txt"))
    assert len(articles) == 4
    assert "due to meet again" not in articles[2].read_text("utf-8")  # the edit undone


@pytest.mark.slow
def test_bench_only_build_prints_mkdocs_share_a_page(tmp_path):
    """``--only build`` runs `mkdocs build` of the corpus alone and prints MkDocs' wall and CPU
    milliseconds a page, the generator and Pagefind left out, with the target."""
    from generator.tools import bench

    args = ["--sizes", "4", "--only", "build", "--keep", str(tmp_path / "kept")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = bench.main([*args, "--json", str(tmp_path / "build.json")])
    text = out.getvalue()
    assert code == 0
    assert "`mkdocs build` only" in text and "floor" not in text and "serve" not in text
    assert "CPU ms per page" in text and "mkdocs build ≤ 10 ms/page" in text
    run = json.loads((tmp_path / "build.json").read_text())["sizes"]["4"]
    assert set(run) == {"articles", "mkdocs"}
    built = run["mkdocs"]
    assert built["pages"] > 4 and built["ms_per_page"] > 0 and built["cpu_ms_per_page"] > 0
    assert built["generator_s"] < built["total_s"]
