"""`mkdocs serve --dirty` renders again only the generated pages an edit changed.

The two builds run in one process, as `mkdocs serve` runs them: MkDocs keeps the plugin across
rebuilds, and with it the digests of what the last build generated (``generator.mkdocs_files``).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import memo
from generator.mkdocs_plugin import DossierPlugin
from generator.search.pagefind import indexed_pages
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "seeds", project / "seeds")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _build(project: Path, site: Path) -> None:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    build(config, dirty=True)


def _config(project: Path, site: Path):
    return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))


def _dossier(config) -> DossierPlugin:
    return next(p for p in config.plugins.values() if isinstance(p, DossierPlugin))


def _loaded_again(*args, **kwargs):
    raise AssertionError("the model was loaded by the rebuild")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_a_dirty_rebuild_renders_only_the_pages_an_edit_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(REPO / ".cache" / "dossier"))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project, site = _project(tmp_path), tmp_path / "site"
    config = _config(project, site)
    config.plugins.on_startup(command="serve", dirty=True)  # as `mkdocs serve --dirty` starts
    _build(project, site)
    pages = _pages(site)
    # the model is loaded in the background meanwhile, so the edit's rebuild does not load it
    plugin = _dossier(config)
    assert plugin.loader is not None
    plugin.loader.join()
    monkeypatch.setattr(memo, "load_tools", _loaded_again)
    # stamp the site a day ahead: MkDocs then takes the hand-written pages as up to date
    stamp = time.time() + 86_400
    for path in site.rglob("*"):
        if path.is_file():
            os.utime(path, (stamp, stamp))

    article = sorted((project / "seeds" / "articles").glob("*.txt"))[0]
    text = article.read_text("utf-8")
    marker = "\n\nRelated Articles"  # a sentence at the end of the story, before its footer
    assert marker in text
    added = " The officials spoke to reporters again after the talks ended that evening."
    article.write_text(text.replace(marker, added + marker, 1))
    _build(project, site)

    rewritten = [p for p in _pages(site) if p.stat().st_mtime != stamp]
    rebuilt = plugin.result
    assert rebuilt is not None
    article_pages = [p for p in rewritten if p.relative_to(site).parts[0] == "articles"]
    assert article_pages, "the edited article's page was not rendered again"
    assert any(
        "spoke to reporters again after the talks" in p.read_text("utf-8") for p in article_pages
    )
    # the hand-written pages and every generated page the edit did not touch stay as they were
    assert len(rewritten) < len(pages) / 3, [str(p.relative_to(site)) for p in rewritten]
    assert (site / "about" / "index.html").stat().st_mtime == stamp
    # under serve the search index is made in the background; whole once serve stops
    config.plugins.on_shutdown()
    # what the rebuild wrote is what a build from scratch writes: the pages it rendered again,
    # every generated page's Markdown and every record
    clean = _config(project, tmp_path / "clean")
    build(clean)
    scratch = _dossier(clean).result
    assert scratch is not None and rebuilt is not _dossier(clean).result
    assert rebuilt.pages == scratch.pages
    assert rebuilt.records == scratch.records and rebuilt.records_json == scratch.records_json
    for path in rewritten:
        assert path.read_bytes() == (tmp_path / "clean" / path.relative_to(site)).read_bytes()
    # (the fragments of every run stay in the folder: one of the edited page's is the new one)
    page = "/" + article_pages[0].parent.relative_to(site).as_posix() + "/"
    found = [p["content"] for p in indexed_pages(site) if p["url"] == page]
    assert any("spoke to reporters again after the talks" in content for content in found)
