"""End to end: `mkdocs build --strict` of the real site, and what the built site holds."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.search.pagefind import indexed_pages
from tests.conftest import REPO, write_article

pytestmark = pytest.mark.slow


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def mkdocs_build(config_dir: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=config_dir,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    before = {name: tree_digest(REPO / name) for name in ("seeds", "docs")}
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, out)
    assert result.returncode == 0, result.stderr
    after = {name: tree_digest(REPO / name) for name in ("seeds", "docs")}
    assert before == after, "the build wrote into seeds/ or docs/"
    return out


def test_every_record_has_its_page(site, seeds_build):
    for path in seeds_build.records:
        if "/" not in path:
            continue
        assert (site / path[: -len(".yml")] / "index.html").is_file(), path
    for folder in (
        "articles",
        "people",
        "countries",
        "forums",
        "issues",
        "organizations",
        "events",
    ):
        assert (site / folder / "index.html").is_file()


def test_records_are_downloadable(site, seeds_build):
    for path, text in seeds_build.records.items():
        assert (site / "records" / path).read_text("utf-8") == text
    assert json.loads((site / "records/people/wei-fenghe.json").read_text())["id"] == "wei-fenghe"
    with zipfile.ZipFile(site / "records/dossier-records.zip") as archive:
        assert "dossier-records/people/wei-fenghe.yml" in archive.namelist()


def test_search_index_holds_aliases(site):
    """Pagefind's index, not Material's: the person's record carries every alias (searchable
    metadata and weighted text), the type filter and the reader's summary line."""
    assert not (site / "search" / "search_index.json").exists()  # no lunr index any more
    pages = {p["url"]: p for p in indexed_pages(site)}
    austin = pages["/people/lloyd-austin/"]
    assert "Lloyd J. Austin II" in austin["meta"]["aliases"].split(", ")
    assert austin["meta"]["title"] == "Lloyd Austin"  # no "¶" from the heading's permalink
    assert austin["meta"]["summary"] == "person · Secretary of Defense · United States"
    assert austin["filters"] == {"type": ["person"]}
    assert pages["/countries/china/"]["meta"]["aliases"].count("PRC") == 1


#: What an editor reads and a reader's search must never show: provenance lines, the "add it to
#: curated/..." hint, the record links, the lines dropped as boilerplate.
EDITOR_TEXT = re.compile(
    r"curated registry:|not curated|add it to|curated/\w+\.yml|confidence \d|Source file"
    r"|\w\.txt\b|YAML · JSON|Dropped as boilerplate|\(front matter\)"
)


def test_no_search_record_holds_editor_text(site):
    pages = indexed_pages(site)
    assert len(pages) > 20
    for page in pages:
        for field, text in [("content", page["content"]), *page["meta"].items()]:
            found = EDITOR_TEXT.search(text)
            assert not found, f"{page['url']} {field}: {found.group(0)!r} in {text[:300]!r}"
    # the pages that hold such text are indexed: it is left out, not missing
    built = (site / "articles/002-2f1f37a58d6b76d2/index.html").read_text("utf-8")
    assert "Source file" in built and "Dropped as boilerplate" in built
    person = (site / "people/lloyd-austin/index.html").read_text("utf-8")
    assert EDITOR_TEXT.search(re.sub(r"<[^>]+>", "", person)), "the check sees the infobox"
    assert any(p["url"] == "/articles/002-2f1f37a58d6b76d2/" for p in pages)


def test_developer_pages_and_listings_are_not_in_the_search(site):
    urls = {p["url"] for p in indexed_pages(site)}
    for path in ("dev/ids", "scaling", "reliability", "review", "timeline", "graph", "people"):
        assert (site / path / "index.html").is_file(), path  # built, and still in the site
        assert f"/{path}/" not in urls, f"/{path}/ is in the reader's search"
    assert "/" not in urls
    assert {"/about/", "/people/wei-fenghe/", "/events/admm-plus-2022/"} <= urls


def test_home_page_title_is_the_site_name_once(site):
    title = re.search(r"<title>([^<]*)</title>", (site / "index.html").read_text("utf-8"))
    assert title and title.group(1).strip() == "Dossier"
    person = (site / "people/wei-fenghe/index.html").read_text("utf-8")
    assert "<title>Wei Fenghe - Dossier</title>" in person


def test_search_assets_are_in_the_site(site):
    html = (site / "people/wei-fenghe/index.html").read_text("utf-8")
    assert 'src="../../assets/dossier/search.js"' in html
    assert 'href="../../assets/dossier/search.css"' in html
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json"):
        assert (site / "pagefind" / name).is_file(), name


def test_nav_lists_sections_not_entity_pages(site):
    html = (site / "index.html").read_text("utf-8")
    assert 'href="people/"' in html
    assert "people/wei-fenghe/" not in html.split('class="md-nav')[1]


def test_no_external_font_or_script(site):
    html = (site / "people/wei-fenghe/index.html").read_text("utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_broken_article_fails_strict_build_but_others_build(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(REPO / "seeds", project / "seeds")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    write_article(project / "seeds", "broken.txt", "Caf\u00e9".encode("latin-1"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "articles/broken.txt: not UTF-8" in result.stderr
    # without --strict the other articles still build
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    lax = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "lax")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert lax.returncode == 0, lax.stderr
    assert (tmp_path / "lax/people/wei-fenghe/index.html").is_file()


def test_development_corpus_site_builds_strict(tmp_path):
    """The whole site, built from the 18 development articles instead of the seeds."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "tests/corpus/articles", project / "seeds/articles")
    shutil.copytree(REPO / "seeds/curated", project / "seeds/curated")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    articles = [p for p in (site / "articles").iterdir() if p.is_dir()]
    assert len(articles) == 18
    assert (site / "people/volodymyr-zelenskyy/index.html").is_file()
    assert (site / "graph/index.html").is_file() and (site / "timeline/index.html").is_file()


def test_title_disagreement_note_is_rendered(tmp_path):
    """Two articles a week apart give one person different offices: the person page says so."""
    from tests.aggregate.test_roles import DEFENSE, FOREIGN

    project = tmp_path / "project"
    shutil.copytree(REPO / "seeds/curated", project / "seeds/curated")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    write_article(project / "seeds", "defense.txt", DEFENSE)
    write_article(project / "seeds", "foreign.txt", FOREIGN)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/people/maret-lindqvist/index.html").read_text("utf-8")
    start = html.index('<div class="admonition note">')
    note = html[start : html.index("</div>", start)]
    assert "Sources disagree on the title" in note
    for title, article in (
        ("Estonian Defense Minister", "defense"),
        ("Estonian Foreign Minister", "foreign"),
    ):
        assert re.search(
            rf"<strong>{title}</strong>: <a href=\"../../articles/{article}/\"", note
        ), f"{title} with a link to {article} is not in the note:\n{note}"
