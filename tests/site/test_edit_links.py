"""The "Edit this page" button opens the file behind each generated page; docs pages keep MkDocs'."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.curated.registry import load_registry
from generator.mkdocs_plugin import _resolve_dots
from generator.render.edits import TEMPLATES, edit_sources, template_of
from tests.conftest import REPO, SEEDS

EDIT = "https://github.com/dossier-project/dossier/edit/main/"


@pytest.fixture(scope="module")
def sources(seeds_build) -> dict[str, str]:
    return edit_sources(seeds_build.corpus, load_registry(SEEDS)[0])


def line_of(path: Path, text: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.strip() == text)


def test_every_generated_page_has_a_source(seeds_build, sources):
    for page in seeds_build.pages:
        if page in sources:
            assert (SEEDS / sources[page].partition("#")[0]).is_file(), (page, sources[page])
        else:
            assert template_of(page) and (TEMPLATES / template_of(page)).is_file(), page
    assert template_of("review.md") == "review.md.j2"
    assert template_of("articles/index.md") == "section.md.j2"
    assert template_of("people/index.md") is None  # curated/people.yml instead
    assert template_of("people/nobody.md") is None


def test_article_page_opens_its_file(sources):
    assert sources["articles/002-2f1f37a58d6b76d2.md"] == "articles/002_2f1f37a58d6b76d2.txt"


def test_curated_entity_opens_its_entry(sources):
    line = line_of(SEEDS / "curated/people.yml", "- id: lloyd-austin")
    assert sources["people/lloyd-austin.md"] == f"curated/people.yml#L{line}"
    line = line_of(SEEDS / "curated/forums.yml", "- id: asean")
    assert sources["forums/asean.md"] == f"curated/forums.yml#L{line}"


def test_extracted_entity_opens_the_file_it_would_be_added_to(sources):
    assert sources["people/wei-fenghe.md"] == "curated/people.yml"
    assert sources["people/index.md"] == "curated/people.yml"
    assert sources["organizations/index.md"] == "curated/organizations.yml"


def test_event_opens_the_first_article_reporting_it(sources):
    assert sources["events/admm-plus-2022.md"] == "articles/000_2011f7586461d12d.txt"


def test_dot_segments_are_resolved():
    assert (
        _resolve_dots("https://h.org/o/r/edit/main/docs/../seeds/x.yml#L3")
        == "https://h.org/o/r/edit/main/seeds/x.yml#L3"
    )
    assert _resolve_dots("https://h.org/o/r/edit/main/docs/about.md") == (
        "https://h.org/o/r/edit/main/docs/about.md"
    )


@pytest.mark.slow
def test_built_site_links_each_page_to_its_file(tmp_path):
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

    def edit_link(page: str) -> str:
        html = (site / page / "index.html").read_text("utf-8")
        found = re.findall(r'<a href="([^"]+)"[^>]*rel="edit"', html)
        assert len(found) == 1, page
        return found[0]

    line = line_of(SEEDS / "curated/people.yml", "- id: lloyd-austin")
    assert edit_link("people/lloyd-austin") == f"{EDIT}seeds/curated/people.yml#L{line}"
    assert edit_link("people/wei-fenghe") == f"{EDIT}seeds/curated/people.yml"
    assert edit_link("articles/002-2f1f37a58d6b76d2") == (
        f"{EDIT}seeds/articles/002_2f1f37a58d6b76d2.txt"
    )
    assert edit_link("review") == f"{EDIT}generator/render/templates/review.md.j2"
    assert edit_link("about") == f"{EDIT}docs/about.md"  # hand-written: MkDocs' default
