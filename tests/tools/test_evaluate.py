"""The evaluation command: its matching rules on small hand-made inputs, and the measured quality of
the extractor on the development corpus and on the seeds, held to THRESHOLDS.

THRESHOLDS are the figures measured when they were set, rounded down to the nearest 0.05 (violation
counts: the measured count, as a ceiling). Raise them as the extractor improves; never set one above a
measurement. See what moved with:

    python -m generator evaluate --seeds tests/corpus --gold tests/corpus/gold --baseline
    python -m generator evaluate --seeds seeds --gold tests/seeds_gold
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator import yamlio
from generator.names import key
from generator.tools.evaluate import (
    GOLD_KEYS,
    Score,
    _cluster_people,
    dates_agree,
    evaluate,
    keys_match,
    load_gold,
    max_matching,
    org_match,
    participants_match,
    person_match,
    prepared_seeds,
    quote_text_match,
)

# metric -> minimum (precision / recall / f1 per type; accuracy per metadata field);
# "max_violations" -> maximum count.
THRESHOLDS: dict[str, dict[str, dict[str, float]]] = {
    "corpus": {
        "people": {"precision": 0.95, "recall": 0.95},
        "countries": {"precision": 0.95, "recall": 0.95},
        "forums": {"precision": 0.95, "recall": 0.95},
        "issues": {"precision": 0.90, "recall": 0.95},
        "organizations": {"precision": 0.85, "recall": 0.75},
        "quotes": {"recall": 1.00},
        "events": {"precision": 0.95, "recall": 0.90},
        "metadata": {"title": 1.00, "publisher": 1.00, "authors": 1.00, "published": 1.00},
        "max_violations": {"not_people": 0, "boilerplate": 0},
    },
    "seeds": {
        "people": {"precision": 1.00, "recall": 1.00},
        "countries": {"precision": 1.00, "recall": 1.00},
        "forums": {"precision": 0.80, "recall": 1.00},
        "issues": {"precision": 0.80, "recall": 1.00},
        "organizations": {"precision": 1.00, "recall": 1.00},
        "quotes": {"recall": 1.00},
        "events": {"precision": 1.00, "recall": 0.85},
        "metadata": {"title": 1.00, "publisher": 1.00, "authors": 1.00, "published": 1.00},
        "max_violations": {"not_people": 0, "boilerplate": 0},
    },
}

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"
SEEDS = REPO / "seeds"
SEEDS_GOLD = REPO / "tests" / "seeds_gold"


# --- people ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Lloyd J. Austin III", "Lloyd Austin"),  # initials and suffixes ignored
        ("Lloyd J. Austin II", "Lloyd J. Austin III"),
        ("Kishida Fumio", "Fumio Kishida"),  # word order ignored
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),  # accents folded
        ("Recep Tayyip Erdoğan", "Tayyip Erdoğan"),  # subset sharing two words
        ("Mohammed bin Abdulrahman Al Thani", "Sheikh Mohammed bin Abdulrahman Al Thani"),
        ("Ferdinand R. Marcos Jr.", "Ferdinand Marcos Jr."),
    ],
)
def test_person_match_accepts(gold, predicted):
    assert person_match(gold, [predicted])


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Lloyd J. Austin III", "Austin"),  # one word in common is not enough
        ("Shin Won-sik", "Shin Won"),  # a truncated given name is another name
        ("Xi Jinping", "Wang Yi"),
        ("Kim Jong Un", "Kim Yo Jong"),  # two words shared, but neither inside the other
        ("Joe Biden", "J."),  # a key with no significant word matches nothing
    ],
)
def test_person_match_rejects(gold, predicted):
    assert not person_match(gold, [predicted])


def test_person_match_reads_aliases():
    assert person_match("Lloyd J. Austin III", ["Secretary Austin", "Lloyd Austin"])
    assert not person_match("Lloyd J. Austin III", ["Secretary Austin", "Austin"])


def test_keys_match_is_symmetric_and_needs_two_shared_words():
    a, b = key("Tan Kefei"), key("Senior Col. Tan Kefei")
    assert keys_match(a, b) and keys_match(b, a)
    assert not keys_match(key("Tan"), b)
    assert not keys_match(frozenset(), frozenset())


# --- organizations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("U.S. Forces Korea", "US Forces Korea"),  # punctuation ignored
        ("Pentagon", "the Pentagon"),  # leading "the" dropped
        ("People’s Liberation Army", "Peoples Liberation Army"),
        ("IAEA Board of Governors", "IAEA"),  # one contains the other
        ("Kremlin", "The Kremlin press office"),
        ("KCNA", "kcna"),  # case ignored
    ],
)
def test_org_match_accepts(gold, predicted):
    assert org_match(gold, [predicted])


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("White House", "House of Representatives"),
        ("Congress", "Congressional Budget Office"),  # whole words only
        ("Hamas", "Hezbollah"),
        ("Parliament", ""),
    ],
)
def test_org_match_rejects(gold, predicted):
    assert not org_match(gold, [predicted])


# --- quotes -------------------------------------------------------------------------------------


def test_quote_text_match_normalises_quotes_case_and_whitespace():
    gold = "China and Russia are each other’s largest neighbours"
    assert quote_text_match(gold, "china and  Russia are EACH other's largest neighbours, and more")
    assert quote_text_match(gold, "he said: “China and Russia are each other’s")  # contains
    # only the first five words count
    assert quote_text_match(gold, "China and Russia are each of them")
    assert not quote_text_match(gold, "China and Russia are friends")  # four of five words
    assert not quote_text_match(gold, "Russia are each other’s largest neighbours")


def test_quote_text_match_respects_word_edges():
    assert not quote_text_match(
        "Our two countries share a river", "Four two countries share a river"
    )
    assert not quote_text_match("", "anything")


# --- dates, matching, events --------------------------------------------------------------------


def test_dates_agree():
    assert dates_agree("2024-03-01", "2024-03-01")
    assert not dates_agree("2024-03-01", "2024-03-02")
    assert dates_agree("2023-07", "2023-07-15")  # gold month precision
    assert dates_agree("2023-07-15", "2023-07")  # predicted month precision
    assert not dates_agree("2023-07", "2023-08-01")
    assert dates_agree("2024-03-01", "2024-03-09", approximate=True)
    assert not dates_agree("2024-03-01", "2024-04-01", approximate=True)
    assert dates_agree(None, "2020-01-01") and dates_agree(None, None)  # null gold: anything
    assert not dates_agree("2024-03-01", None)
    assert not dates_agree("2024-03-01", "2024")  # a year alone is too coarse
    assert dates_agree("2022-11-27", "2022-11-27/2022-12-01")  # a range by its start


def test_max_matching_finds_augmenting_paths():
    edges = {(0, 0), (0, 1), (1, 0)}  # greedy 0-0 would leave 1 unmatched
    assert max_matching(2, 2, lambda i, j: (i, j) in edges) == [(0, 1), (1, 0)]
    assert max_matching(2, 1, lambda i, j: True) == [(0, 0)]


def test_participants_match_is_one_to_one_and_order_free():
    gold = ["Xi Jinping", "Vladimir Putin"]
    assert participants_match(gold, [["Putin", "Vladimir Putin"], ["Xi Jinping"]])
    assert not participants_match(gold, [["Vladimir Putin"]])
    assert not participants_match(gold, [["Vladimir Putin"], ["Vladimir V. Putin"]])
    assert not participants_match(gold, [["Xi Jinping"], ["Vladimir Putin"], ["Wang Yi"]])


def test_score_rates():
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == 0.75 and s.recall == 0.6
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score(fp=None, tp=1).precision is None
    assert Score().recall is None


def test_baseline_folds_short_names_into_one_full_name():
    people = _cluster_people(["Lloyd Austin", "Austin", "Austin’s", "Wei Fenghe", "Wei"])
    assert sorted(p.names[0] for p in people) == ["Lloyd Austin", "Wei Fenghe"]
    two_kims = _cluster_people(["Kim Jong Un", "Kim Yo Jong", "Kim"])  # "Kim" stays apart
    assert len(two_kims) == 3


# --- evaluate() on hand-made records ------------------------------------------------------------

GOLD = """\
title: "A title"
publisher: "The Paper"
authors: [Ann Writer]
published: 2024-03-04
people: [Lloyd J. Austin III, Wei Fenghe, Pat Ryder]
not_people: [Ann Writer, Brig]
countries: [china, united-states]
forums: [asean]
organizations: [Pentagon, Chinese Defense Ministry]
issues: [taiwan]
quotes:
  - {speaker: Wei Fenghe, text: "The responsibility for the current situation lies"}
  - {speaker: Pat Ryder, text: "underscored his opposition to unilateral changes"}
events:
  - {kind: meeting, participants: [Lloyd J. Austin III, Wei Fenghe], date: 2024-03-01, place: X, forum: null}
  - {kind: visit, participants: [Pat Ryder], date: 2024-02, place: Y, forum: null}
boilerplate: ["Subscribe to The Paper"]
"""


def _records() -> dict[str, str]:
    def dump(data):
        return yamlio.dump(data)

    article = {
        "id": "a1",
        "title": "A title",
        "source": {"path": "articles/a1.txt", "sha256": "0"},
        "publisher": "Paper Media Ltd",
        "authors": ["Ann Writer"],
        "published": "2024-03-04",
        "entities": {
            "people": ["lloyd-austin", "wei-fenghe", "wei", "ann-writer"],
            "countries": ["china", "japan"],
            "forums": ["asean"],
            "issues": [],
            "organizations": ["us-dod"],
        },
        "quotes": [
            {
                "speaker": "wei-fenghe",
                "text": "“The responsibility for the current situation lies with them.”",
            },
            {
                "speaker": "lloyd-austin",
                "text": "underscored his opposition to unilateral changes to it",
            },
        ],
        "events": ["e1", "e2"],
    }

    def person(ident, name, aliases=(), sentences=()):
        return {
            "id": ident,
            "type": "person",
            "name": name,
            "aliases": list(aliases),
            "mentions": [{"article": "a1", "count": 1, "sentences": list(sentences)}],
        }

    return {
        "articles/a1.yml": dump(article),
        "people/lloyd-austin.yml": dump(person("lloyd-austin", "Lloyd Austin", ["Austin"])),
        "people/wei-fenghe.yml": dump(person("wei-fenghe", "Wei Fenghe")),
        "people/wei.yml": dump(person("wei", "Wei")),
        "people/ann-writer.yml": dump(
            person("ann-writer", "Ann Writer", sentences=["Subscribe to The Paper today."])
        ),
        "organizations/us-dod.yml": dump(
            {"id": "us-dod", "name": "Department of Defense", "aliases": ["the Pentagon"]}
        ),
        "events/e1.yml": dump(
            {
                "id": "e1",
                "kind": "meeting",
                "date": "2024-03-05",
                "date_claims": [{"date": "2024-03-01", "article": "a1", "phrase": "Friday"}],
                "participants": ["wei-fenghe", "lloyd-austin"],
                "forum": None,
                "articles": ["a1"],
                "sentences": [],
            }
        ),
        "events/e2.yml": dump(
            {
                "id": "e2",
                "kind": "visit",
                "date": None,
                "date_claims": [],
                "participants": ["lloyd-austin"],
                "forum": None,
                "articles": ["a1"],
                "sentences": [],
            }
        ),
        "review.yml": dump({"review": []}),
    }


@pytest.fixture
def small(tmp_path: Path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a1.yml").write_text(GOLD, encoding="utf-8")
    (gold / "missing.yml").write_text(GOLD, encoding="utf-8")  # no record: all FN
    return evaluate(_records(), gold)


def test_evaluate_people(small):
    article = small.articles[0]
    s = article.scores["people"]
    # Pat Ryder missed; "Wei" (a split of Wei Fenghe) and Ann Writer are false positives
    assert (s.tp, s.fp, s.fn) == (2, 2, 1)
    assert article.missed["people"] == ["Pat Ryder"]
    assert sorted(article.extra["people"]) == ["Ann Writer", "Wei"]


def test_evaluate_ids_and_organizations(small):
    scores = small.articles[0].scores
    assert (scores["countries"].tp, scores["countries"].fp, scores["countries"].fn) == (1, 1, 1)
    assert (scores["forums"].tp, scores["forums"].fp, scores["forums"].fn) == (1, 0, 0)
    assert (scores["issues"].tp, scores["issues"].fp, scores["issues"].fn) == (0, 0, 1)
    assert (scores["organizations"].tp, scores["organizations"].fp) == (1, 0)
    assert small.articles[0].missed["organizations"] == ["Chinese Defense Ministry"]


def test_evaluate_quotes_need_the_right_speaker(small):
    article = small.articles[0]
    assert (article.scores["quotes"].tp, article.scores["quotes"].fn) == (1, 1)
    assert article.scores["quotes"].fp is None
    assert "found under speaker Lloyd Austin" in article.missed["quotes"][0]


def test_evaluate_events_use_this_articles_date_claim(small):
    article = small.articles[0]
    s = article.scores["events"]
    # e1 is dated 2024-03-01 by this article (the merged event says 2024-03-05): a match;
    # e2 has the wrong participant
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)


def test_evaluate_metadata_and_violations(small):
    article = small.articles[0]
    assert article.metadata_ok("title") and article.metadata_ok("published")
    assert article.metadata_ok("authors")
    assert not article.metadata_ok("publisher")
    assert article.not_people == ["'Ann Writer' became person 'ann-writer'"]
    assert len(article.boilerplate) == 1 and "people/ann-writer" in article.boilerplate[0]
    assert small.metadata_accuracy()["publisher"] == (0, 2)


def test_evaluate_gold_without_record_counts_everything_missed(small):
    missing = small.articles[1]
    assert missing.article_id is None
    assert missing.scores["people"].fn == 3 and missing.scores["events"].fn == 2
    totals = small.totals()
    assert totals["people"].fn == 4 and totals["people"].tp == 2


def test_evaluate_reads_an_out_folder(tmp_path: Path):
    out = tmp_path / "out"
    for rel, text in _records().items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a1.yml").write_text(GOLD, encoding="utf-8")
    report = evaluate(out, gold)
    assert report.totals()["people"].tp == 2
    json.dumps(report.as_dict())  # serialisable


def test_prepared_seeds_borrows_curated_data(tmp_path: Path):
    seeds = tmp_path / "s"
    (seeds / "articles").mkdir(parents=True)
    (seeds / "articles" / "x.txt").write_text("Body.", encoding="utf-8")
    curated = tmp_path / "c"
    curated.mkdir()
    (curated / "countries.yml").write_text("countries: []\n", encoding="utf-8")
    with prepared_seeds(seeds, curated) as folder:
        assert folder != seeds
        assert (folder / "articles" / "x.txt").read_text(encoding="utf-8") == "Body."
        assert (folder / "curated" / "countries.yml").is_file()
    assert not folder.exists()
    (seeds / "curated").mkdir()
    with prepared_seeds(seeds, seeds / "curated") as folder:
        assert folder == seeds


# --- the seeds gold itself -----------------------------------------------------------------------


def _curated_ids(stem: str) -> set[str]:
    data = yamlio.load((SEEDS / "curated" / f"{stem}.yml").read_text(encoding="utf-8"))
    return {entry["id"] for entry in data[stem]}


@pytest.mark.parametrize("stem", sorted(p.stem for p in SEEDS_GOLD.glob("*.yml")))
def test_seeds_gold_is_consistent(stem):
    gold = load_gold(SEEDS_GOLD)[stem]
    text = (SEEDS / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
    keys = list(yamlio.load((SEEDS_GOLD / f"{stem}.yml").read_text(encoding="utf-8")))
    assert keys == list(GOLD_KEYS)
    for value in (*gold.people, *gold.not_people, *gold.boilerplate, *gold.authors):
        assert value in text, value
    for quote in gold.quotes:
        assert quote.text in text and quote.speaker in gold.people
        assert 4 <= len(quote.text.split()) <= 10
    assert set(gold.countries) <= _curated_ids("countries")
    assert set(gold.forums) <= _curated_ids("forums")
    assert set(gold.issues) <= _curated_ids("issues")
    for event in gold.events:
        assert set(event.participants) <= set(gold.people)
        assert event.forum is None or event.forum in gold.forums
        assert event.date is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", event.date)


# --- whole-corpus measurements -------------------------------------------------------------------


def _check(report, limits: dict[str, dict[str, float]]) -> list[str]:
    failures = []
    totals = report.totals()
    for kind, metrics in limits.items():
        if kind in ("metadata", "max_violations"):
            continue
        for metric, floor in metrics.items():
            value = getattr(totals[kind], metric) or 0.0
            if value < floor:
                failures.append(f"{kind} {metric} {value:.3f} < {floor}")
    accuracy = report.metadata_accuracy()
    for name, floor in limits.get("metadata", {}).items():
        correct, total = accuracy[name]
        if total and correct / total < floor:
            failures.append(f"{name} accuracy {correct}/{total} < {floor}")
    violations = report.violations()
    for name, ceiling in limits.get("max_violations", {}).items():
        if violations[name] > ceiling:
            failures.append(f"{name} violations {violations[name]} > {ceiling}")
    return failures


@pytest.mark.slow
def test_dev_corpus_meets_thresholds(tools):
    from generator.build import build
    from generator.config import BuildConfig

    with prepared_seeds(CORPUS, SEEDS / "curated") as folder:
        result = build(BuildConfig(seeds=folder), tools=tools, with_pages=False)
    report = evaluate(result.records, CORPUS / "gold")
    assert all(a.article_id for a in report.articles), "an article of the corpus has no record"
    assert _check(report, THRESHOLDS["corpus"]) == []


@pytest.mark.slow
def test_seeds_meet_thresholds(seeds_build):
    report = evaluate(seeds_build, SEEDS_GOLD)
    assert [a.article_id for a in report.articles] == [
        "000-2011f7586461d12d",
        "002-2f1f37a58d6b76d2",
    ]
    assert _check(report, THRESHOLDS["seeds"]) == []


@pytest.mark.slow
def test_evaluate_command(capsys):
    from generator.cli import main

    code = main(["evaluate", "--seeds", str(SEEDS), "--gold", str(SEEDS_GOLD), "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ours"]["articles"] == 2 and "baseline" not in data


@pytest.mark.parametrize("folder", ["corpus", "heldout"])
def test_gold_follows_the_annotation_conventions(folder, monkeypatch, capsys):
    """Both gold sets pass the corpus checker (quotes verbatim, participants among people, known
    ids). The held-out set is only ever measured, never used to develop rules: see its README."""
    import sys

    monkeypatch.syspath_prepend(str(CORPUS))
    import check_gold

    monkeypatch.setattr(check_gold, "HERE", REPO / "tests" / folder)
    assert check_gold.main() == 0, capsys.readouterr().out
    sys.modules.pop("check_gold", None)
