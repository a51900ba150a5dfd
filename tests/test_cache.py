"""The extraction cache: warm builds skip the model, edits redo only what they must."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest
from spacy.language import Language

from generator.build import build
from generator.clean import Rules, clean
from generator.config import BuildConfig, resolve_cache_dir
from generator.config import model_name as tools_model
from generator.curated.registry import Registry
from generator.extract import extract, load_tools
from generator.extract import workers as parallel
from generator.extract.model import PARAGRAPHS
from generator.ingest import ingest
from generator.memo import BuildMemo, fingerprint
from generator.memo import store as cache_module
from generator.memo.store import EXTRACTION_CODE, ExtractionCache
from tests.conftest import make_seeds, rerun_alone

pytestmark = pytest.mark.slow  # many builds: scheduled first (tests/conftest.py)

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

    monkeypatch.setattr("generator.memo.load_tools", no_load)
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
    memo = BuildMemo(config.cache_dir, keep_in_memory=True)  # what the plugin keeps
    cold = build(config, tools=tools, memo=memo)
    for path in (config.cache_dir / f"v{cache_module.CACHE_FORMAT}" / "extractions").rglob("*"):
        if path.is_file():
            path.unlink()  # from here on, only memory can spare the rules

    def no_rules(*args, **kwargs):
        raise AssertionError("an unchanged article was extracted again")

    with monkeypatch.context() as patched:
        patched.setattr("generator.extract.workers.extract_doc", no_rules)
        patched.setattr("generator.build.link_article", no_rules)
        again = build(config, tools=tools, memo=memo)
    assert again.cache.memory_hits == len(ARTICLES) == again.cache.extraction_hits
    assert records(again) == records(cold)

    path = seeds / "articles" / "b-kowalczyk.txt"
    path.write_text(path.read_text("utf-8") + "\nThe talks resume in Vilnius.\n", "utf-8")
    edited = build(config, tools=tools, memo=memo)
    assert edited.cache.memory_hits == len(ARTICLES) - 1  # the edited article is new
    article = "articles/b-kowalczyk.yml"
    assert edited.records[article] != again.records[article]  # its new sha256, at least
    people = seeds / "curated" / "people.yml"
    people.write_text(people.read_text("utf-8") + "\n# a comment\n", "utf-8")
    curated = build(config, memo=memo)  # its own tools: given ones would carry the old registry
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
    again = build(config, tools=tools)
    assert again.cache.corrupt >= len(ARTICLES)
    assert again.model_articles == len(ARTICLES)
    assert records(again) == records(cold)
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


def test_two_processes_extract_what_one_does_and_report_each_chunk(
    seeds, tools, tmp_path, monkeypatch
):
    """Forked workers give the records one process gives, store their Docs, and report each chunk
    to the parent's progress line. (One test: each runs again alone in a fresh process.)"""
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform: extraction runs in one process")
    if not parallel.forking_available():
        rerun_alone(__file__, "test_two_processes_extract_what_one_does_and_report_each_chunk")
        return
    sources, _ = ingest(seeds, 2_000_000)
    rules = Rules.from_curated(tools.registry.boilerplate)
    articles = [clean(source, rules) for source in sources]
    one = extract(articles, tools, n_process=1)
    store = ExtractionCache(tmp_path / "cache")
    timings: dict[str, float] = {}
    monkeypatch.setattr(parallel, "CHUNK", 1)  # a chunk per article: one report each
    reported: list[int] = []
    two = extract(
        articles, tools, n_process=2, cache=store, timings=timings, advance=reported.append
    )
    assert two == one
    assert reported == [1] * len(articles)
    assert store.stats.writes == len(articles)  # the workers stored the Docs
    assert timings["ner"] > 0 and timings["rules"] > 0
    again = extract(articles, tools, n_process=2, cache=store)
    assert again == one
    assert store.stats.doc_hits == len(articles)


def test_the_extraction_code_fingerprint_covers_every_file_extraction_runs(tmp_path):
    """Editing any file that cleaning or extraction runs (found from the imports, not a list)
    changes the extraction key; editing the renderer does not."""
    copy = tmp_path / "generator"
    shutil.copytree(fingerprint.ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    covered = fingerprint.source_files(*EXTRACTION_CODE, root=copy)
    names = {p.relative_to(copy).as_posix() for p in covered}
    every_extract_file = {p.relative_to(copy).as_posix() for p in (copy / "extract").rglob("*.py")}
    assert every_extract_file <= names
    assert {"clean.py", "data.py", "names.py", "dates.py", "curated/registry.py"} <= names
    assert "render/pages.py" not in names and "build.py" not in names
    before = fingerprint.code_fingerprint(*EXTRACTION_CODE, root=copy)
    # Every covered file's bytes go into the digest; an edit to one file of each package shows
    # it (editing all ~60 reads every file ~60 times over: 16 s of the suite).
    by_folder = {path.parent: path for path in sorted(covered, reverse=True)}
    for path in sorted(by_folder.values()):
        original = path.read_bytes()
        path.write_bytes(original + b"\n# edited\n")
        assert fingerprint.code_fingerprint(*EXTRACTION_CODE, root=copy) != before, path
        path.write_bytes(original)
    pages = copy / "render" / "pages.py"
    pages.write_bytes(pages.read_bytes() + b"\n# edited\n")
    assert fingerprint.code_fingerprint(*EXTRACTION_CODE, root=copy) == before


def test_an_edit_to_the_extraction_code_makes_the_next_build_extract_again(config, tools, tmp_path):
    copy = tmp_path / "generator"
    shutil.copytree(fingerprint.ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    first = build(config, tools=tools, memo=BuildMemo(config.cache_dir))
    assert first.cache.extraction_misses == len(ARTICLES)
    warm = build(config, tools=tools, memo=BuildMemo(config.cache_dir))
    assert warm.cache.extraction_hits == len(ARTICLES)
    quotes = copy / "extract" / "quotes.py"
    quotes.write_text(quotes.read_text("utf-8") + "\n# a rule changed\n", "utf-8")
    memo = BuildMemo(config.cache_dir)
    assert memo.store is not None
    memo.store.code = fingerprint.code_fingerprint(*EXTRACTION_CODE, root=copy)
    edited = build(config, tools=tools, memo=memo)
    assert edited.cache.extraction_misses == len(ARTICLES)  # the rules ran again
    assert edited.model_articles == 0  # over the cached Docs: the model's code did not change


def test_title_abbreviations_belong_to_the_tools_not_the_process(tools):
    """A title abbreviation removed from titles.yml stops counting at the next build."""
    taught = tools
    assert "Gen." in taught.abbreviations
    bare = load_tools(Registry(), tools_model())
    assert bare.abbreviations == ()
    text = "The talks were led by Gen. Wei Fenghe of China."
    assert [s.text for s in taught.nlp(text).sents] == [text]
    assert (
        taught.nlp.get_pipe(PARAGRAPHS).abbreviations != bare.nlp.get_pipe(PARAGRAPHS).abbreviations
    )
    assert "Gen." not in bare.nlp.get_pipe(PARAGRAPHS).abbreviations
