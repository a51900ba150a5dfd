"""The extraction cache: warm builds skip the model, edits redo only what they must."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from spacy.language import Language

from generator import cache as cache_module
from generator import parallel, recent
from generator.build import build
from generator.cache import ExtractionCache
from generator.clean import Rules, clean
from generator.config import BuildConfig, resolve_cache_dir
from generator.extract import extract
from generator.ingest import ingest
from tests.conftest import make_seeds

ARTICLES = {
    "a-kamikawa.txt": """Japan and South Korea agree to restart security talks

By Mina Park
March 6, 2024

Japanese Foreign Minister Yoko Kamikawa met South Korean Foreign Minister Cho Tae-yul in Tokyo on
Monday, and the two agreed to resume regular security dialogue.

"We share the view that the security environment is the most severe since the war," Kamikawa told
reporters after the meeting.

Cho said North Korea's missile launches threatened the whole Korean Peninsula.
""",
    "b-kowalczyk.txt": """Poland hosts Baltic energy meeting

By Jonas Weber
April 2, 2024

Polish Climate Minister Zofia Kowalczyk hosted her Lithuanian and Latvian counterparts in Warsaw
on Tuesday to discuss the security of undersea cables in the Baltic Sea.

"Every cable that is cut is an attack on all of us," Kowalczyk told a news conference.
""",
    "c-austin.txt": """Austin visits Manila

By Rosa Cruz
May 8, 2024

U.S. Defense Secretary Lloyd Austin arrived in Manila on Wednesday for talks with Philippine
officials on the South China Sea.

Austin said the alliance was "as strong as it has ever been in our history together".
""",
}


def records(result) -> dict[str, str]:
    return dict(result.records)


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    return make_seeds(tmp_path, ARTICLES)


@pytest.fixture
def config(seeds: Path, tmp_path: Path) -> BuildConfig:
    return BuildConfig(seeds=seeds, cache_dir=tmp_path / "cache")


@pytest.fixture
def no_model(monkeypatch):
    """Any use of the NER model (or a fresh load of it) fails the test."""

    def boom(*args, **kwargs):
        raise AssertionError("the NER model ran")

    monkeypatch.setattr(Language, "pipe", boom)
    monkeypatch.setattr(Language, "__call__", boom)


@pytest.fixture
def spy_pipe(monkeypatch):
    """Records every text the model is given."""
    seen: list[str] = []
    original = Language.pipe

    def pipe(self, texts, *args, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return original(self, texts, *args, **kwargs)

    monkeypatch.setattr(Language, "pipe", pipe)
    return seen


def test_warm_build_is_identical_and_never_touches_the_model(config, tools, monkeypatch):
    cold = build(config, tools=tools)
    assert cold.cache.extraction_misses == len(ARTICLES)
    assert cold.model_articles == len(ARTICLES)

    def no_load(*args, **kwargs):
        raise AssertionError("the model was loaded for a warm build")

    monkeypatch.setattr("generator.build.load_tools", no_load)
    monkeypatch.setattr(Language, "pipe", no_load)
    warm = build(config)  # no tools given: a fully warm build must not even load the model
    assert warm.cache.extraction_hits == len(ARTICLES)
    assert warm.model_articles == 0
    assert records(warm) == records(cold)
    assert warm.pages == cold.pages


def test_a_rebuild_in_the_same_process_takes_unchanged_articles_from_memory(
    config, seeds, tools, monkeypatch
):
    """As under ``mkdocs serve``: the last build's extractions and linked articles are reused
    without reading the disk cache, and only for the keys they were made under."""
    cold = build(config, tools=tools)
    for path in (config.cache_dir / f"v{cache_module.CACHE_FORMAT}" / "extractions").rglob("*"):
        if path.is_file():
            path.unlink()  # from here on, only memory can spare the rules

    def no_rules(*args, **kwargs):
        raise AssertionError("an unchanged article was extracted again")

    with monkeypatch.context() as patched:
        patched.setattr("generator.extract.extract_doc", no_rules)
        patched.setattr("generator.build.link_article", no_rules)
        again = build(config, tools=tools)
    assert again.cache.memory_hits == len(ARTICLES) == again.cache.extraction_hits
    assert records(again) == records(cold)

    path = seeds / "articles" / "b-kowalczyk.txt"
    path.write_text(path.read_text("utf-8") + "\nThe talks resume in Vilnius.\n", "utf-8")
    edited = build(config, tools=tools)
    assert edited.cache.memory_hits == len(ARTICLES) - 1  # the edited article is new
    article = "articles/b-kowalczyk.yml"
    assert edited.records[article] != again.records[article]  # its new sha256, at least
    people = seeds / "curated" / "people.yml"
    people.write_text(people.read_text("utf-8") + "\n# a comment\n", "utf-8")
    curated = build(config)  # its own tools: given ones would carry the old registry
    assert curated.cache.memory_hits == 0  # a curated edit changes every key
    assert records(curated) == records(edited)


def test_changing_one_article_reextracts_only_that_one(config, seeds, tools, spy_pipe):
    cold = build(config, tools=tools)
    assert len(spy_pipe) == len(ARTICLES)
    spy_pipe.clear()
    path = seeds / "articles" / "b-kowalczyk.txt"
    path.write_text(
        path.read_text("utf-8") + "\nThe ministers agreed to meet again in Vilnius in June.\n",
        encoding="utf-8",
    )
    again = build(config, tools=tools)
    assert len(spy_pipe) == 1 and "Vilnius" in spy_pipe[0]
    assert again.model_articles == 1
    assert again.cache.extraction_hits == len(ARTICLES) - 1
    assert again.cache.extraction_misses == 1
    changed = [p for p in again.records if records(again)[p] != records(cold).get(p)]
    assert "articles/b-kowalczyk.yml" in changed


def test_curated_edit_relinks_without_running_the_model(config, seeds, tools, monkeypatch):
    cold = build(config, tools=tools)
    assert "people/zofia-kowalczyk.yml" in cold.records
    assert "curated: false" in cold.records["people/zofia-kowalczyk.yml"]
    people = seeds / "curated" / "people.yml"
    people.write_text(
        people.read_text("utf-8")
        + "  - id: zofia-kowalczyk\n"
        + "    name: Zofia Kowalczyk\n"
        + "    aliases: [Kowalczyk]\n"
        + "    country: poland\n"
        + "    description: Polish politician, a person invented for this test.\n",
        encoding="utf-8",
    )

    def boom(*args, **kwargs):
        raise AssertionError("the NER model ran")

    monkeypatch.setattr(Language, "pipe", boom)
    monkeypatch.setattr(Language, "__call__", boom)
    edited = build(config)  # new registry: new matchers, cached Docs, rules re-run
    assert edited.cache.extraction_misses == len(ARTICLES)  # the registry digest changed
    assert edited.cache.doc_hits == len(ARTICLES)
    assert edited.model_articles == 0
    record = edited.records["people/zofia-kowalczyk.yml"]
    assert "curated: true" in record and "invented for this test" in record


def test_rules_over_cached_docs_match_rules_over_fresh_docs(config, tools, monkeypatch):
    cold = build(config, tools=tools)
    for path in (config.cache_dir / f"v{cache_module.CACHE_FORMAT}" / "extractions").rglob("*"):
        if path.is_file():
            path.unlink()
    recent.clear()  # as a new process: the last build's articles are not in memory

    def boom(*args, **kwargs):
        raise AssertionError("the NER model ran")

    monkeypatch.setattr(Language, "pipe", boom)
    monkeypatch.setattr(Language, "__call__", boom)
    again = build(config, tools=tools)
    assert again.cache.doc_hits == len(ARTICLES)
    assert records(again) == records(cold)


@pytest.mark.parametrize("damage", ["garbage", "truncate", "flip"])
def test_a_corrupt_entry_is_ignored_and_rebuilt(config, tools, damage):
    cold = build(config, tools=tools)
    entries = [p for p in config.cache_dir.rglob("*") if p.is_file()]
    assert entries
    for path in entries:
        data = path.read_bytes()
        if damage == "garbage":
            path.write_bytes(b"not a cache entry")
        elif damage == "truncate":
            path.write_bytes(data[: len(data) // 2])
        else:
            path.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    recent.clear()  # as a new process: only the damaged disk entries are there
    again = build(config, tools=tools)
    assert again.cache.corrupt >= len(ARTICLES)
    assert again.model_articles == len(ARTICLES)
    assert records(again) == records(cold)
    recent.clear()
    third = build(config, tools=tools)  # and the rebuilt entries are good again
    assert third.cache.extraction_hits == len(ARTICLES) and third.cache.corrupt == 0


def test_entries_are_written_atomically(config, tools):
    build(config, tools=tools)
    leftovers = [p for p in config.cache_dir.rglob(".tmp-*")]
    assert leftovers == []


def test_cache_can_be_moved_and_switched_off(seeds, tmp_path, monkeypatch):
    monkeypatch.delenv("DOSSIER_CACHE", raising=False)
    monkeypatch.delenv("DOSSIER_CACHE_DIR", raising=False)
    assert BuildConfig(seeds=seeds).cache_dir == seeds.resolve().parent / ".cache" / "dossier"
    assert BuildConfig(seeds=seeds, cache_dir=None).cache_dir is None
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert BuildConfig(seeds=seeds).cache_dir == tmp_path / "elsewhere"
    assert BuildConfig(seeds=seeds, cache_dir=tmp_path / "x").cache_dir == tmp_path / "x"
    monkeypatch.setenv("DOSSIER_CACHE", "off")
    assert BuildConfig(seeds=seeds, cache_dir=tmp_path / "x").cache_dir is None
    assert resolve_cache_dir(seeds) is None


def test_no_cache_builds_the_same(config, seeds, tools):
    with_cache = build(config, tools=tools)
    without = build(BuildConfig(seeds=seeds, cache_dir=None), tools=tools)
    assert without.cache is None
    assert records(without) == records(with_cache)


def test_two_processes_extract_what_one_does(seeds, tools, tmp_path):
    if not parallel.available():
        pytest.skip("no fork here: extraction runs in one process")
    sources, _ = ingest(seeds, 2_000_000)
    rules = Rules.from_curated(tools.registry.boilerplate)
    articles = [clean(source, rules) for source in sources]
    one = extract(articles, tools, n_process=1)
    store = ExtractionCache(tmp_path / "cache")
    timings: dict[str, float] = {}
    two = extract(articles, tools, n_process=2, cache=store, timings=timings)
    assert two == one
    assert store.stats.writes == len(articles)  # the workers stored the Docs
    assert timings["ner"] > 0 and timings["rules"] > 0
    again = extract(articles, tools, n_process=2, cache=store)
    assert again == one
    assert store.stats.doc_hits == len(articles)


@pytest.mark.slow
def test_bench_smoke(tmp_path):
    from generator import bench

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
    if Path(bench.CHROMIUM).is_file():  # the time to a first search result in the browser
        assert run["mkdocs"]["search_first_result_s"] > 0
