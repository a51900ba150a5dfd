"""Every recipe in CONTRIBUTING.md, performed on a copy of the seeds, checked in the built result.

Each test makes exactly the file edits its recipe tells a contributor to make, runs
`python -m generator check` on the result, builds it (records and pages in memory) and looks for
what the recipe promises. Then `python -m generator suggest`, which drafts those edits.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator import cli, yamlio
from generator.build import BuildResult, build
from generator.config import BuildConfig
from generator.curated.check import check
from generator.curated.registry import CURATED_FILES, schema
from generator.tools.suggest import run as suggest_run
from tests.conftest import REPO, SEEDS, make_seeds
from tests.render.markup import html_of, table_rows

pytestmark = pytest.mark.slow  # many builds: scheduled first (tests/conftest.py)

#: Recipe 1's article: a new file under seeds/articles/, with front matter for what the text lacks.
SANTOS_JAKARTA = """\
---
publisher: Manila Bulletin
authors: [Ana Reyes]
---
Philippine envoy visits Jakarta

Manila, 3 March 2024

Philippine Foreign Undersecretary Maria Elena Santos arrived in Jakarta on Monday for talks with \
Indonesian officials on maritime cooperation.

Maria Elena Santos said the two countries shared an interest in a peaceful South China Sea. "We \
want rules that every country respects," Santos said.
"""

#: A second article naming the same envoy more shortly: a duplicate to merge (recipe 3).
SANTOS_MANILA = """\
Manila hosts regional maritime forum

Manila, 9 April 2024

Undersecretary Maria Santos opened a regional forum on maritime security in Manila on Tuesday.

"Cooperation at sea protects fishermen and traders alike," Maria Santos told delegates from \
Vietnam and Malaysia.
"""

#: An article where the extractor takes an oil benchmark for an organization (recipe 2).
OIL = """\
Oil prices climb after Gulf talks

Doha, 5 May 2024

Brent Crude rose 3 percent on Monday after talks in Doha, said Hamad Al-Thani, an adviser at the \
Qatari energy ministry.

Analysts at Goldman Sachs said Brent Crude could climb further. Hamad Al-Thani said the talks \
would continue in June.
"""


def run_build(seeds: Path, tools) -> BuildResult:
    """The recipes' last step: `python -m generator check`, clean, then the build."""
    assert [str(p) for p in check(seeds)] == []
    return build(BuildConfig(seeds=seeds), tools=tools)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_entry(seeds: Path, stem: str, entry: str) -> None:
    """Add an entry at the end of a curated list file (people.yml, organizations.yml ...)."""
    path = seeds / "curated" / f"{stem}.yml"
    text = path.read_text("utf-8")
    path.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")


def record(result: BuildResult, path: str) -> dict:
    return yamlio.load(result.records[path])


# --- recipe 1: add an article -----------------------------------------------------------------


def test_add_an_article(tmp_path, tools):
    seeds = make_seeds(tmp_path, {})
    shutil_copy_articles(seeds)
    before = run_build(seeds, tools)
    (seeds / "articles" / "2024-03-03_santos-jakarta.txt").write_text(SANTOS_JAKARTA, "utf-8")
    after = run_build(seeds, tools)

    ident = "2024-03-03-santos-jakarta"
    assert f"articles/{ident}.yml" not in before.records
    article = record(after, f"articles/{ident}.yml")
    assert article["title"] == "Philippine envoy visits Jakarta"
    assert article["source"]["path"] == "articles/2024-03-03_santos-jakarta.txt"
    assert article["publisher"] == "Manila Bulletin"
    assert article["authors"] == ["Ana Reyes"]
    assert "maria-elena-santos" in article["entities"]["people"]
    assert {"indonesia", "philippines"} <= set(article["entities"]["countries"])
    person = record(after, "people/maria-elena-santos.yml")
    assert person["mentions"][0]["article"] == ident
    page = after.pages[f"articles/{ident}.md"]
    # the "(front matter)" note is for editors: shown, but kept out of the search index
    assert (
        "<th>Publisher</th>\n<th>Manila Bulletin<span data-pagefind-ignore> (front matter)</span></th>"
        in page
    )
    assert '<a href="../people/maria-elena-santos.md">Maria Elena Santos</a>' in page
    assert f'<a href="{ident}.md">' in after.pages["articles/index.md"]
    # the articles that were there before are untouched
    assert {p for p in before.records if p.startswith("articles/")} < set(after.records)


def shutil_copy_articles(seeds: Path) -> None:
    for path in (SEEDS / "articles").glob("*.txt"):
        (seeds / "articles").mkdir(exist_ok=True)
        (seeds / "articles" / path.name).write_bytes(path.read_bytes())


# --- recipe 2: fix a wrong entity -------------------------------------------------------------


def test_suppress_a_wrong_entity(tmp_path, tools):
    seeds = make_seeds(tmp_path, {"oil.txt": OIL})
    before = run_build(seeds, tools)
    assert "organizations/brent-crude.yml" in before.records
    assert "organizations/brent-crude.md" in before.pages

    edit(
        seeds / "curated/suppressions.yml",
        "suppressions: []\n",
        "suppressions:\n"
        "  - name: Brent Crude\n"
        "    type: organization\n"
        "    reason: an oil price benchmark, not an organization\n",
    )
    after = run_build(seeds, tools)
    assert "organizations/brent-crude.yml" not in after.records
    assert "organizations/brent-crude.md" not in after.pages
    assert "brent-crude" not in record(after, "articles/oil.yml")["entities"]["organizations"]
    assert "Brent Crude" not in after.pages["review.md"]
    assert "brent-crude" not in after.pages["articles/oil.md"]
    # the rest of the article is still read
    assert "hamad-al-thani" in record(after, "articles/oil.yml")["entities"]["people"]


#: A one-word organization the registry does not know: low confidence, on the review page.
DELAY = (
    "Engineers report delay\n\nPARIS — Officials at Technip confirmed the delay on Monday, and "
    "Technip said the project would start in May.\n"
)


def test_suppress_a_low_confidence_name_from_the_review_page(tmp_path, tools):
    seeds = make_seeds(tmp_path, {"delay.txt": DELAY})
    shutil_copy_articles(seeds)
    before = run_build(seeds, tools)
    html = html_of(before.pages["review.md"])
    assert "<th>Name</th>\n<th>Type</th>\n<th>Why</th>\n<th>Articles</th>" in html
    names = [r[:3] for r in table_rows(html, "Name")]
    assert any(r[:2] == ["Technip", "organization"] and "low confidence" in r[2] for r in names)
    assert "<code>curated/suppressions.yml</code> (not an entity)" in before.pages["review.md"]

    edit(
        seeds / "curated/suppressions.yml",
        "suppressions: []\n",
        "suppressions:\n  - name: Technip\n    type: organization\n",
    )
    after = run_build(seeds, tools)
    assert not [
        r for r in table_rows(html_of(after.pages["review.md"]), "Name") if r[0] == "Technip"
    ]
    published = {p: t for p, t in before.records.items() if p != "review.yml"}
    assert {p: t for p, t in after.records.items() if p != "review.yml"} == published


def test_correct_a_real_entity_by_curating_it(tmp_path, tools):
    seeds = make_seeds(tmp_path, {"oil.txt": OIL})
    before = run_build(seeds, tools)
    page = before.pages["people/hamad-al-thani.md"]
    facts = {row[0]: row[1] for row in table_rows(html_of(page), "Type")}
    assert facts["Source"] == (
        "extracted from articles (confidence 0.9); not curated: add it to "
        "<code>curated/people.yml</code>"
    )
    assert "Country" not in facts and "Roles" in facts

    add_entry(
        seeds,
        "people",
        "  - id: hamad-al-thani\n"
        "    name: Hamad Al-Thani\n"
        "    aliases: [Al-Thani]\n"
        "    country: qatar\n"
        "    roles:\n"
        "      - {title: Adviser at the Ministry of Energy of Qatar, from: 2023-06-01, to: null}\n",
    )
    after = run_build(seeds, tools)
    person = record(after, "people/hamad-al-thani.yml")
    assert person["curated"] is True
    assert person["country"] == "qatar"
    assert person["roles"][0] == {
        "title": "Adviser at the Ministry of Energy of Qatar",
        "since": "2023-06-01",
    }
    page = after.pages["people/hamad-al-thani.md"]
    assert '<td>Country</td>\n<td><a href="../countries/qatar.md">Qatar</a></td>' in page
    assert "Adviser at the Ministry of Energy of Qatar (curated, since 2023-06-01)" in page
    assert "<td>Source</td>\n<td>curated registry: <code>curated/people.yml</code></td>" in page


# --- recipe 3: merge duplicates ---------------------------------------------------------------


def test_merge_duplicates(tmp_path, tools):
    seeds = make_seeds(tmp_path, {"jakarta.txt": SANTOS_JAKARTA, "manila.txt": SANTOS_MANILA})
    before = run_build(seeds, tools)
    assert "people/maria-elena-santos.yml" in before.records
    assert "people/maria-santos.yml" in before.records

    add_entry(
        seeds,
        "people",
        "  - id: maria-elena-santos\n    name: Maria Elena Santos\n    country: philippines\n",
    )
    edit(
        seeds / "curated/merges.yml",
        "merges: []\n",
        "merges:\n"
        "  - into: person:maria-elena-santos\n"
        "    names: [Maria Santos]\n"
        "    reason: the same Philippine undersecretary\n",
    )
    after = run_build(seeds, tools)
    assert "people/maria-santos.yml" not in after.records
    assert "people/maria-santos.md" not in after.pages
    person = record(after, "people/maria-elena-santos.yml")
    assert person["name"] == "Maria Elena Santos"
    assert "Maria Santos" in person["aliases"]
    assert [m["article"] for m in person["mentions"]] == ["jakarta", "manila"]
    for article in ("jakarta", "manila"):
        assert record(after, f"articles/{article}.yml")["entities"]["people"] == [
            "maria-elena-santos"
        ]
    assert "Maria Santos" in after.pages["people/maria-elena-santos.md"]


# --- recipe 4: write a description ------------------------------------------------------------


def test_write_a_description_of_a_curated_entity(tmp_path, tools):
    seeds = make_seeds(tmp_path, {})
    shutil_copy_articles(seeds)
    text = "American general who led U.S. Central Command, then the Pentagon from 2021 to 2025."
    edit(
        seeds / "curated/people.yml",
        "    description: American retired Army general who was secretary of defense from "
        "2021 to 2025.\n",
        f"    description: {text}\n",
    )
    after = run_build(seeds, tools)
    assert record(after, "people/lloyd-austin.yml")["description"] == text
    page = after.pages["people/lloyd-austin.md"]
    assert f"{text} *(curated description)*" in page


def test_write_a_description_of_an_extracted_entity(tmp_path, tools):
    seeds = make_seeds(tmp_path, {})
    shutil_copy_articles(seeds)
    before = run_build(seeds, tools)
    assert record(before, "people/wei-fenghe.yml")["description"] is None

    add_entry(
        seeds,
        "people",
        "  - id: wei-fenghe\n"
        "    name: Wei Fenghe\n"
        "    aliases: [Wei]\n"
        "    country: china\n"
        "    description: Chinese general who was minister of national defense from 2018 to "
        "2023.\n",
    )
    after = run_build(seeds, tools)
    person = record(after, "people/wei-fenghe.yml")
    assert person["description"].startswith("Chinese general who was minister")
    assert person["curated"] is True
    page = after.pages["people/wei-fenghe.md"]
    assert (
        "Chinese general who was minister of national defense from 2018 to 2023. "
        "*(curated description)*"
    ) in page
    assert "<td>Source</td>\n<td>curated registry: <code>curated/people.yml</code></td>" in page


# --- the review page and `suggest` ------------------------------------------------------------


def test_review_page_names_where_each_item_is_fixed(seeds_build):
    page = seeds_build.pages["review.md"]
    html = html_of(page)  # the names' table: test_suppress_a_low_confidence_name_...
    assert "## Conflicting facts" in page
    (row,) = [r for r in table_rows(html, "Event") if "admm-plus-2022" in r[0]]
    assert row[0] == '<a href="events/admm-plus-2022.md">ADMM-Plus 2022</a>' and row[1] == "date"
    assert row[3].startswith(
        "<code>articles/000_2011f7586461d12d.txt</code>, <code>articles/002_2f1f37a58d6b76d2.txt</code>"
    )


SMITHS = """\
Two envoys meet in Geneva

Geneva, 5 May 2024

British envoy John Smith met Canadian envoy Jane Smith in Geneva on Monday to discuss refugees.

John Smith said the talks were useful. Jane Smith said Canada would host the next round.

"We will keep talking," Smith said after the meeting.
"""


def test_review_page_lists_an_ambiguous_name_with_its_candidates(build_articles):
    page = build_articles({"smiths.txt": SMITHS}).pages["review.md"]
    (row,) = [r for r in table_rows(html_of(page), "Name") if r[0] == "Smith"]
    assert row[1:3] == ["person", "ambiguous link"]
    assert row[3].startswith('<a href="articles/smiths.md">Two envoys meet in Geneva</a>')
    assert row[4].startswith(
        'could be <a href="people/jane-smith.md">Jane Smith</a> or '
        '<a href="people/john-smith.md">John Smith</a>'
    )
    assert row[5] == "<code>curated/people.yml</code> (alias of the one it means)"


def suggestions(seeds: Path, out: Path, tools) -> dict:
    assert suggest_run(seeds, out, tools=tools) == 0
    data = yamlio.load(out.read_text("utf-8"))
    for stem, entries in data.items():  # each section is in its curated file's format
        assert stem in CURATED_FILES
        jsonschema.validate({stem: entries}, schema(stem))
    return data


def test_suggest_drafts_the_recipes_edits(tmp_path, tools):
    seeds = make_seeds(
        tmp_path,
        {"jakarta.txt": SANTOS_JAKARTA, "manila.txt": SANTOS_MANILA, "oil.txt": OIL},
    )
    curated_before = {p.name: p.read_bytes() for p in (seeds / "curated").iterdir()}
    out = tmp_path / "suggested.yml"
    data = suggestions(seeds, out, tools)

    people = {p["id"]: p for p in data["people"]}
    assert "maria-elena-santos" in people and "maria-santos" not in people  # merged away
    assert people["hamad-al-thani"]["name"] == "Hamad Al-Thani"
    assert data["merges"] == [
        {
            "into": "person:maria-elena-santos",
            "names": ["Maria Santos"],
            "reason": "the same person as Maria Elena Santos",
        }
    ]
    orgs = {o["id"]: o for o in data["organizations"]}
    assert {"brent-crude", "goldman-sachs"} <= set(orgs)
    assert orgs["qatar-energy-ministry"] == {
        "id": "qatar-energy-ministry",
        "name": "Ministry of Energy (Qatar)",
        "kind": "government",
        "aliases": ["energy ministry"],
        "country": "qatar",
        "body": "energy-ministry",
    }
    # never touches the seeds
    assert {p.name: p.read_bytes() for p in (seeds / "curated").iterdir()} == curated_before

    # What it drafts passes `check` once moved into the curated files.
    for stem, entries in data.items():
        if stem in ("merges", "suppressions"):
            edit(
                seeds / "curated" / f"{stem}.yml",
                f"{stem}: []\n",
                yamlio.dump({stem: entries}),
            )
        else:
            add_entry(
                seeds,
                stem,
                "".join("  " + line + "\n" for line in yamlio.dump(entries).splitlines()),
            )
    result = run_build(seeds, tools)
    assert "people/maria-santos.yml" not in result.records
    assert record(result, "people/maria-elena-santos.yml")["curated"] is True


def test_suggest_proposes_suppressions_for_low_confidence_names(tmp_path, tools):
    seeds = make_seeds(tmp_path, {"delay.txt": DELAY})
    shutil_copy_articles(seeds)
    data = suggestions(seeds, tmp_path / "out.yml", tools)
    assert data["suppressions"] == [
        {"name": "Technip", "type": "organization", "reason": "low confidence (0.3)"}
    ]
    text = (tmp_path / "out.yml").read_text("utf-8")
    assert "# -> curated/suppressions.yml, under `suppressions:`" in text


def test_suggest_never_overwrites_and_never_writes_into_the_seeds(tmp_path, capsys):
    seeds = make_seeds(tmp_path, {"oil.txt": OIL})
    taken = tmp_path / "taken.yml"
    taken.write_text("keep me\n", encoding="utf-8")
    assert cli.main(["suggest", "--seeds", str(seeds), "--out", str(taken)]) == 1
    assert taken.read_text("utf-8") == "keep me\n"
    assert "exists; suggest writes a new file only" in capsys.readouterr().err
    inside = seeds / "curated" / "suggested.yml"
    assert cli.main(["suggest", "--seeds", str(seeds), "--out", str(inside)]) == 1
    assert not inside.exists()
    assert "is inside the seeds folder" in capsys.readouterr().err


# --- the contributor workflow files -----------------------------------------------------------


def test_workflow_files_run_the_documented_commands():
    ci = (REPO / ".github/workflows/ci.yml").read_text("utf-8")
    for command in (
        "python -m generator check --seeds seeds",
        "python -m pytest",
        "mkdocs build --strict",
    ):
        assert command in ci
    pages = (REPO / ".github/workflows/pages.yml").read_text("utf-8")
    assert "actions/upload-pages-artifact" in pages and "actions/deploy-pages" in pages
    hooks = yamlio.load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    ids = [hook["id"] for repo in hooks["repos"] for hook in repo["hooks"]]
    assert {"ruff-check", "ruff-format", "dossier-check"} <= set(ids)
    local = next(h for r in hooks["repos"] if r["repo"] == "local" for h in r["hooks"])
    assert local["entry"] == "python -m generator check --seeds seeds"


@pytest.mark.parametrize(
    "heading",
    ["## Add an article", "## Fix a wrong entity", "## Merge duplicates", "## Write a description"],
)
def test_contributing_has_each_recipe(heading):
    assert heading in (REPO / "CONTRIBUTING.md").read_text("utf-8").splitlines()


def test_schemas_are_valid_json_schemas():
    for stem in CURATED_FILES:
        jsonschema.Draft202012Validator.check_schema(schema(stem))
        json.dumps(schema(stem))
