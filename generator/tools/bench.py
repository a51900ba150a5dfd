"""Benchmark: synthetic corpora through the whole pipeline, measured against spaCy alone.

``python -m generator.tools.bench [--sizes 100,1000] [--json FILE]`` generates, for each size, a corpus
of ~600-word articles from templates (curated names from ``seeds/curated/`` and invented ones, a
fixed random seed, so every run reads the same text), writes it into a temporary seeds folder beside
the repository's curated data, and measures in one process:

* the floor: ``spacy.load`` + ``nlp.pipe`` over the same cleaned bodies, nothing else, one process;
* a cold build (empty extraction cache), stage by stage: wall time and peak RSS;
* a warm rebuild of the records (everything cached), a curated edit (Docs cached, rules re-run),
  and one changed article;
* ``mkdocs build`` of the resulting site in a subprocess (a copy of ``mkdocs.yml`` and ``docs/``
  with ``seeds:`` pointing at the synthetic folder), with the size of Material's search index.

It prints a table with every time also as a ratio of the floor, then each target with PASS/FAIL.
``--json FILE`` writes the figures. The 5,000-article corpus runs only when asked for
(``--sizes 100,1000,5000``); it takes the better part of an hour on two cores.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator import __version__
from generator.memo.store import code_fingerprint

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SIZES = (100, 1000)
SEED = 20240306
WORDS_PER_ARTICLE = 600

# --- targets (checked on the figures of a run; see docs/scaling.md) --------------------------
TARGET_WORDS_PER_S = 10_000  # cold build, end to end
TARGET_OWN_MS = 2.0  # per article: everything but the NER model (and MkDocs)
TARGET_WARM_SHARE = 0.10  # warm rebuild of the records / cold
TARGET_ONE_CHANGE_S = 3.0  # one changed article, 1,000-article corpus
TARGET_MKDOCS_MS = 10.0  # per page
TARGET_RSS_MB = 1536  # peak, 5,000 articles
PAGE_SIZE_TOLERANCE = (
    0.10  # a fixed page's HTML may grow at most this much from smallest to largest N
)


# ============================================================================================
# The synthetic corpus
# ============================================================================================

FIRST_NAMES = """Amara Bilal Chen Dmitri Elena Farida Goran Hana Idris Jonas Kenji Leila Mateo Nadia Omar Priya
Quentin Rania Sergei Tamar Umar Valeria Wei Ximena Yusuf Zofia Adebayo Beatriz Carlos Dilnoza
Emeka Fatima Gustavo Hyun Ingrid Javier Katarzyna Lars Mei Nikolai Olga Pedro Rashid Sofia
Thabo Ulrike Viktor Wanjiru Yara Zainab Arjun Camille Diego Esra Felipe Giulia Hamid Irina
Julien Kwame Lucia Marek Noor Oskar Paulo Rosa Samir Tomas Aylin Bogdan Cyrus Daria Elif Hassan""".split()  # noqa: SIM905
LAST_NAMES = """Okafor Haddad Lindqvist Moreau Petrov Tanaka Nguyen Kowalski Mensah Alvarez Rahimi Schneider
Castillo Demir Ivanova Kimura Lopez Mbeki Novak Osei Park Quispe Rossi Sato Tran Usman Varga
Wojcik Yilmaz Zhou Adeyemi Bakr Costa Dubois Eriksen Fischer Gallo Horvath Ibrahim Jensen
Karimi Larsen Mazur Nakamura Ortiz Pereira Reyes Silva Torres Ueda Vasquez Weber Yamada
Zielinski Abebe Bianchi Cruz Dahl Ekström Ferreira Grant Hoffmann Ito Jovanovic Kaur Lee Mwangi
Nowak Otieno Pham Quinn Rojas Suzuki Tahir Uddin Vidal Wagner Xu Young Zapata Achebe Brandt
Chowdhury""".split()  # noqa: SIM905
OFFICES = [
    "Foreign Minister",
    "Defense Minister",
    "Prime Minister",
    "President",
    "Trade Minister",
    "Finance Minister",
    "Interior Minister",
    "Deputy Prime Minister",
    "Gen.",
    "Adm.",
]
PORTFOLIOS = ["foreign minister", "defense minister", "trade minister", "national security adviser"]
ORG_WORDS = ["Strategy", "Security Studies", "Global Affairs", "Peace Research", "Policy", "Asian Studies",
             "International Economics", "Maritime Affairs", "Conflict Analysis", "Energy Security"]  # fmt: skip
ORG_FORMS = ["the {place} Institute for {topic}", "the {place} Center for {topic}",
             "the {place} Council on {topic}", "the {place} Foundation for {topic}"]  # fmt: skip
ORG_PLACES = ["Ridgeway", "Harbor", "Northgate", "Meridian", "Lakeside", "Summit", "Crestwood",
              "Pinecrest", "Eastbrook", "Westfield", "Highland", "Riverside"]  # fmt: skip
PUBLISHERS = ["The Continental Herald", "Global Affairs Daily", "The Meridian Post", "World Desk",
              "The Harbor Times", "Capital Wire"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
QUOTES = [
    "We share the view that dialogue is the only way forward for the region",
    "Our doors remain open to constructive engagement with all of our partners",
    "This is a turning point for security and stability across the whole region",
    "We will not accept any attempt to change the status quo by force",
    "Both sides agreed that communication channels must stay open at all times",
    "The talks were frank and productive, and we made real progress on several points",
    "Nobody benefits from an escalation, and we have said so clearly to our counterparts",
    "We expect concrete steps rather than statements from the other side",
    "This agreement shows what patient diplomacy can achieve when both sides are serious",
    "Our commitment to our allies is unwavering and it will remain so",
    "There is still a great deal of work to do before any deal can be signed",
    "We came here to listen, and we are leaving with a clearer picture of the risks",
]
FILLER = [
    "The talks come at a time of rising tension in the region, with both governments under pressure "
    "at home to show results.",
    "Diplomats said the wording of the final statement had been negotiated late into the night and "
    "remained vague on several key points.",
    "Trade between the two economies has grown steadily over the past decade despite repeated "
    "political disputes.",
    "Officials familiar with the discussions said no breakthrough was expected, but that both sides "
    "wanted to keep the channel open.",
    "The meeting was the first at this level in more than a year, after a series of incidents strained "
    "relations.",
    "Observers noted that the tone of the statements was noticeably warmer than at previous "
    "encounters.",
    "Several smaller states in the region have watched the rivalry with concern, wary of being forced "
    "to choose sides.",
    "The agenda also included climate finance, public health and the protection of shipping lanes, "
    "according to a draft seen by reporters.",
    "Critics at home accused the government of conceding too much in exchange for vague promises.",
    "Markets reacted calmly to the news, with regional currencies little changed by the end of the "
    "day.",
    "Security was tight around the venue, where hundreds of police officers were deployed and several "
    "roads were closed.",
    "A joint working group is due to report back within six months on the details of the arrangement.",
    "Both delegations declined to comment on reports that a second round of talks had already been "
    "scheduled.",
    "Parliament is expected to debate the agreement next month, and opposition parties have promised "
    "to scrutinise it closely.",
    "The ministers also discussed humanitarian access, sanctions enforcement and the exchange of "
    "prisoners.",
]


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capital: str


@dataclass(frozen=True)
class Person:
    name: str
    surname: str
    country: Country
    office: str


class Corpus:
    """Name pools drawn from the curated data plus invented names; Zipf-like popularity, so a
    larger corpus keeps meeting new people and organizations, as a real one does."""

    def __init__(self, curated: Path, seed: int = SEED) -> None:
        rng = random.Random(seed)
        data = {
            stem: yaml.safe_load((curated / f"{stem}.yml").read_text("utf-8")) or {}
            for stem in ("countries", "people", "forums", "issues", "organizations")
        }
        countries = []
        by_id = {}
        for entry in data["countries"].get("countries", []):
            if entry.get("capitals") and entry.get("demonyms") and not entry.get("ambiguous"):
                country = Country(entry["name"], entry["demonyms"][0], entry["capitals"][0])
                countries.append(country)
                by_id[entry["id"]] = country
        major = ["united-states", "china", "russia", "india", "japan", "ukraine", "france",
                 "germany", "united-kingdom", "south-korea", "australia", "indonesia", "turkey",
                 "brazil", "iran", "israel", "philippines", "vietnam", "saudi-arabia", "egypt"]  # fmt: skip
        head = [by_id[c] for c in major if c in by_id]
        tail = [c for c in countries if c not in head]
        rng.shuffle(tail)
        self.countries = head + tail
        curated_people = []
        for entry in data["people"].get("people", []):
            country = by_id.get(entry.get("country", ""), self.countries[0])
            office = rng.choice(OFFICES[:8])
            curated_people.append(Person(entry["name"], entry["name"].split()[-1], country, office))
        rng.shuffle(curated_people)
        invented = []
        seen = set()
        while len(invented) < 4000:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            if (first, last) in seen:
                continue
            seen.add((first, last))
            country = self._zipf_pick(rng, self.countries, 1.0)
            invented.append(Person(f"{first} {last}", last, country, rng.choice(OFFICES)))
        self.curated_people = curated_people
        self.invented_people = invented
        self.forums = [
            name
            for entry in data["forums"].get("forums", [])
            for name in [entry["name"], *(entry.get("aliases") or [])[:1]]
        ]
        self.issue_cues = [
            phrase
            for entry in data["issues"].get("issues", [])
            for phrase in [*(entry.get("aliases") or [])[:2], *(entry.get("cues") or [])[:3]]
            if isinstance(phrase, str) and len(phrase.split()) >= 2
        ]
        rng.shuffle(self.issue_cues)
        curated_orgs = [
            e["name"].split(" (")[0] for e in data["organizations"].get("organizations", [])
        ]
        invented_orgs = [
            form.format(place=place, topic=topic)
            for form in ORG_FORMS
            for place in ORG_PLACES
            for topic in ORG_WORDS
        ]
        rng.shuffle(invented_orgs)
        self.orgs = [x for pair in zip(curated_orgs, invented_orgs, strict=False) for x in pair]
        self.reporters = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(60)]

    @staticmethod
    def _zipf_pick(rng: random.Random, items: list, exponent: float = 1.1):
        # inverse-CDF of a continuous power law over ranks 1..n: cheap and deterministic
        n = len(items)
        u = rng.random()
        if exponent == 1.0:
            rank = int(n**u)
        else:
            a = 1.0 - exponent
            rank = int(((n**a - 1.0) * u + 1.0) ** (1.0 / a))
        return items[min(max(rank, 1), n) - 1]

    def person(self, rng: random.Random) -> Person:
        if rng.random() < 0.45:
            return self._zipf_pick(rng, self.curated_people, 1.2)
        return self._zipf_pick(rng, self.invented_people, 0.9)

    def article(self, index: int, seed: int = SEED) -> tuple[str, str]:
        """(file name, text) of article ``index``; the same index gives the same article in any
        corpus size."""
        rng = random.Random(seed * 1_000_003 + index)
        a, b = self.person(rng), self.person(rng)
        while b.name == a.name:
            b = self.person(rng)
        c1, c2, c3 = (self._zipf_pick(rng, self.countries) for _ in range(3))
        forum = self._zipf_pick(rng, self.forums, 1.0)
        issue = self._zipf_pick(rng, self.issue_cues, 1.0)
        org = self._zipf_pick(rng, self.orgs, 1.0)
        year = rng.randint(2019, 2025)
        month = rng.randrange(12)
        day = rng.randint(1, 28)
        weekday = rng.choice(WEEKDAYS)

        def fill(template: str) -> str:
            return template.format(
                A=a.name, a=a.surname, TA=a.office, B=b.name, b=b.surname, TB=b.office,
                C1=c1.name, C2=c2.name, C3=c3.name, D1=c1.demonym, D2=c2.demonym,
                K1=c1.capital, K2=c2.capital, F=forum, I=issue, O=org, W=weekday,
                M=MONTHS[(month + 11) % 12], Y=year - 1, Q=rng.choice(QUOTES),
                P=rng.choice(PORTFOLIOS), O2=self._zipf_pick(rng, self.orgs, 1.0),
                X=extra.name, TX=extra.office, C4=self._zipf_pick(rng, self.countries).name,
            ) if (extra := self.person(rng)) else ""  # fmt: skip

        title = fill(
            rng.choice(
                [
                    "{C1} and {C2} agree to deepen cooperation on {I}",
                    "{A} meets {B} in {K1} as tensions over {I} rise",
                    "{F} talks focus on {I}",
                    "{D1} and {D2} ministers hold talks in {K2}",
                ]
            )
        )
        leads = [
            "{TA} {A} met {TB} {B} in {K1} on {W}, and the two agreed to deepen cooperation on {I}.",
            "{TA} {A} visited {C2} on {W} for talks with {TB} {B} on {I}.",
            "{D1} {TA} {A} held talks with {TB} {B} of {C2} in {K2} on {W}.",
            "Leaders gathered in {K1} on {W} for the {F} summit, where {I} dominated the agenda.",
        ]
        quotes = [
            "“{Q},” {a} told reporters after the meeting.",
            "“{Q},” said {A}, speaking in {K1}.",
            "{b} said the talks had been useful. “{Q},” {b} added.",
            "In a statement, {C1}'s Foreign Ministry quoted {A} as saying: “{Q}.”",
            "“{Q},” {TB} {B} told a news conference in {K2}.",
            "{TX} {X} warned that “{Q}.”",
            "“{Q},” {X} wrote on social media.",
        ]
        context = [
            "{C1}'s Defense Ministry said {A} would attend the {F} in {K2} next month.",
            "The {F} has struggled to agree on a common position on {I}, diplomats said.",
            "Analysts at {O} said {I} had complicated relations between {C1} and {C2}.",
            "{B}, {C2}'s {P}, has pushed for closer ties with {C3} since taking office.",
            "The two sides last met in {M} {Y}, on the sidelines of the {F}.",
            "{C1} and {C2} have been at odds over {I} for years.",
            "Officials from {C1}, {C2} and {C3} are expected to meet again before the end of the year.",
            "{D1} officials said {I} would be raised at the {F} later this month.",
            "{A} is scheduled to travel to {K2} for a two-day visit to {C2}.",
            "A researcher at {O2} said the meeting showed how far {C3} had moved on {I}.",
            "{b} also spoke by phone with {TA} {A} on {W}, according to {C2}'s Foreign Ministry.",
            "The {D2} Embassy in {K1} did not respond to a request for comment.",
            "{TX} {X} of {C4} is also expected to attend the {F}.",
            "{X}, a former adviser to {A}, said {C1} had underestimated the cost of {I}.",
            "Talks between {C3} and {C4} on {I} stalled last year, {O} said in a report.",
            "{X} met {B} in {K2} last month to prepare the visit.",
        ]
        decks: dict[str, list[str]] = {}

        def draw(name: str, pool: list[str]) -> str:
            # without replacement within an article, so it does not repeat itself
            if not decks.get(name):
                decks[name] = rng.sample(pool, len(pool))
            return decks[name].pop()

        paragraphs = [fill(draw("leads", leads)) + " " + fill(draw("context", context))]
        target = rng.randint(WORDS_PER_ARTICLE - 80, WORDS_PER_ARTICLE)
        words = len(paragraphs[0].split())
        while words < target:
            sentences = []
            for _ in range(rng.randint(2, 3)):
                roll = rng.random()
                if roll < 0.22:
                    sentences.append(fill(draw("quotes", quotes)))
                elif roll < 0.62:
                    sentences.append(fill(draw("context", context)))
                else:
                    sentences.append(draw("filler", FILLER))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        publisher = PUBLISHERS[index % len(PUBLISHERS)]
        text = "\n\n".join(
            [
                title,
                f"By {rng.choice(self.reporters)}\n{MONTHS[month]} {day}, {year}",
                *paragraphs,
                "Related Articles",
                "Leave a comment",
                f"Copyright © {year} {publisher}. All rights reserved.",
            ]
        )
        return f"{index:05d}_synthetic.txt", text + "\n"


def write_corpus(seeds: Path, size: int, seed: int = SEED, curated: Path | None = None) -> int:
    """A seeds folder: the repository's curated data and ``size`` synthetic articles. Returns the
    number of words written."""
    curated = curated or REPO / "seeds" / "curated"
    if seeds.exists():
        shutil.rmtree(seeds)
    shutil.copytree(curated, seeds / "curated")
    articles = seeds / "articles"
    articles.mkdir(parents=True)
    corpus = Corpus(curated, seed)
    words = 0
    for index in range(size):
        name, text = corpus.article(index, seed)
        (articles / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


# ============================================================================================
# Measuring
# ============================================================================================


def _reset_peak() -> bool:
    """Reset this process's peak RSS (Linux: VmHWM), so the next reading is a stage's own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_SAMPLER = textwrap.dedent(
    """
    import json, os, select, sys
    from pathlib import Path

    def descendants(pid):
        out = []
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except (OSError, ValueError):
                continue
            for child in children:
                out += [child, *descendants(child)]
        return out

    def memory_kb(pid):  # (RSS, PSS) in kB
        rss = pss = 0
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
        except (OSError, ValueError):
            pass
        return rss, pss

    root, interval, me = int(sys.argv[1]), float(sys.argv[2]), os.getpid()
    peak = [0, 0]

    def sample():
        totals = [memory_kb(p) for p in [root, *descendants(root)] if p != me]
        peak[0] = max(peak[0], sum(r for r, _ in totals))
        peak[1] = max(peak[1], sum(p for _, p in totals))

    print("ready", flush=True)
    while not select.select([sys.stdin], [], [], interval)[0]:
        sample()
    sample()
    print(json.dumps([peak[0] / 1024, peak[1] / 1024]), flush=True)
    """
)


class TreeMemory:
    """Samples the memory of this process and all its descendants (the model's worker
    processes) a few times a second: the peak of the summed PSS (what the tree really holds,
    pages shared after fork counted once) and of the summed RSS (shared pages counted in each).
    It samples from a separate process, so this one stays single-threaded (and free to fork)."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.peak_pss_mb = 0.0
        self.peak_rss_mb = 0.0
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> TreeMemory:
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _SAMPLER, str(os.getpid()), str(self.interval)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        self._proc.stdout.readline()  # "ready"
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._proc is not None and self._proc.stdin is not None
        self._proc.stdin.write("stop\n")
        self._proc.stdin.flush()
        out, _ = self._proc.communicate(timeout=60)
        rss, pss = json.loads(out.strip().splitlines()[-1])
        self.peak_rss_mb, self.peak_pss_mb = rss, pss


class StageMeter:
    """build()'s stage hook: the peak RSS of this process in each stage."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        _reset_peak()
        try:
            yield
        finally:
            self.peaks[name] = _peak_mb()


def _timed_build(config, meter: StageMeter | None = None, with_pages: bool = True):
    from generator.build import build

    gc.collect()
    start = time.perf_counter()
    result = build(config, with_pages=with_pages, stage_hook=meter)
    return result, time.perf_counter() - start


def _fresh_model() -> None:
    """Forget the loaded model and what the last build kept in memory, so the next build starts
    as a new process would."""
    from generator.extract import model as nlp
    from generator.memo import memory as recent

    nlp.load.cache_clear()
    recent.clear()
    gc.collect()


def _floor(model: str, texts: list[str]) -> dict[str, float]:
    """spaCy alone: load the model, pipe the texts, nothing else, one process."""
    import spacy

    gc.collect()
    _reset_peak()
    start = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter() - start
    for _doc in nlp.pipe(texts):
        pass
    total = time.perf_counter() - start
    peak = _peak_mb()
    del nlp
    gc.collect()
    return {"load_s": loaded, "pipe_s": total - loaded, "total_s": total, "peak_mb": peak}


_MKDOCS_RUNNER = textwrap.dedent(
    """
    import json, resource, sys, time
    start = time.perf_counter()
    import generator.memo.store, generator.mkdocs_plugin as plugin
    # the benchmark's own code fingerprint: edits to the tree during a run keep the cache warm
    generator.memo.store.code_fingerprint = lambda: sys.argv[3]
    spent = [0.0]
    original = plugin.build
    def timed(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t
    plugin.build = timed
    from mkdocs.__main__ import cli
    code = 0
    try:
        cli(["build", "-q", "-d", sys.argv[2]], standalone_mode=False)
    except SystemExit as exc:
        code = exc.code or 0
    with open(sys.argv[1], "w") as out:
        json.dump({"total_s": time.perf_counter() - start, "generator_s": spent[0], "code": code,
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}, out)
    """
)


def _mkdocs(work: Path, seeds: Path) -> dict[str, Any]:
    """``mkdocs build`` of a copy of the site's config and docs/ over the synthetic seeds."""
    project = work / "project"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(REPO / "docs", project / "docs")
    config = (REPO / "mkdocs.yml").read_text("utf-8")
    config, count = re.subn(r"(?m)^(\s*)seeds:.*$", rf"\g<1>seeds: {seeds.as_posix()}", config)
    if count != 1:
        raise RuntimeError("mkdocs.yml: no single 'seeds:' option to point at the corpus")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = work / "site"
    report = work / "mkdocs.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _MKDOCS_RUNNER, str(report), str(site), code_fingerprint()],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0 or not report.is_file():
        raise RuntimeError(f"mkdocs build failed:\n{proc.stderr[-3000:]}")
    figures = json.loads(report.read_text())
    if figures["code"]:
        raise RuntimeError(f"mkdocs build exited {figures['code']}:\n{proc.stderr[-3000:]}")
    pages = sorted(site.rglob("*.html"))
    pages = [p for p in pages if p.name != "404.html"]
    sizes = [p.stat().st_size for p in pages]
    largest = sorted(zip(sizes, pages, strict=True), reverse=True)[:3]
    about = site / "about" / "index.html"
    index = site / "search" / "search_index.json"
    mkdocs_s = figures["total_s"] - figures["generator_s"]
    out = {
        "wall_s": wall,
        "total_s": figures["total_s"],
        "generator_s": figures["generator_s"],
        "mkdocs_s": mkdocs_s,
        "pages": len(pages),
        "ms_per_page": 1000 * mkdocs_s / max(len(pages), 1),
        "median_page_bytes": statistics.median(sizes) if sizes else 0,
        "max_page_bytes": max(sizes) if sizes else 0,
        "about_page_bytes": about.stat().st_size if about.is_file() else 0,
        "largest_pages": [[p.parent.relative_to(site).as_posix(), n] for n, p in largest],
        "search_index_bytes": index.stat().st_size if index.is_file() else 0,
        "peak_mb": figures["peak_mb"],
        "warnings": sum("WARNING" in line for line in proc.stderr.splitlines()),
        "search_first_result_s": _search_first_result(site),
    }
    shutil.rmtree(site, ignore_errors=True)
    return out


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _seconds_or_na(value: float | None) -> str:
    return "n/a (no Chromium)" if value is None else f"{value:.1f} s"


def _search_first_result(site: Path) -> float | None:
    """Seconds from opening the home page to the first search result, in Chromium over a local
    server (Material's search worker fetches and indexes ``search_index.json`` first, as a reader
    waits for it). The query is the title of the site's first person page, so it has results.
    Run in a subprocess: Playwright's sync API must not share a process with another one (the
    test suite's). None when Playwright or Chromium is missing or no result came in time."""
    index = site / "search" / "search_index.json"
    if not index.is_file() or not Path(CHROMIUM).is_file():
        return None
    docs = json.loads(index.read_text("utf-8")).get("docs", [])
    query = next((d["title"] for d in docs if d["location"].startswith("people/")), "Dossier")
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _SEARCH_RUNNER, str(site), query, CHROMIUM],
            capture_output=True,
            text=True,
            timeout=SEARCH_TIMEOUT_S + 60,
        )
        return float(proc.stdout.strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, ValueError, IndexError):
        return None


SEARCH_TIMEOUT_S = 300
_SEARCH_RUNNER = textwrap.dedent(
    f"""
    import functools, http.server, sys, threading, time
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    site, query, chromium = sys.argv[1:4]
    handler = functools.partial(Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(f"http://127.0.0.1:{{server.server_port}}/")
        page.locator("input.md-search__input").fill(query)
        page.locator(".md-search-result__item").first.wait_for(timeout={SEARCH_TIMEOUT_S * 1000})
        print(time.perf_counter() - start)
        browser.close()
    server.shutdown()
    """
)


def _summary(result, wall: float) -> dict[str, Any]:
    stats = result.cache
    return {
        "wall_s": wall,
        "timings": dict(result.timings),
        "model_articles": result.model_articles,
        "cache": {
            "extraction_hits": stats.extraction_hits,
            "extraction_misses": stats.extraction_misses,
            "doc_hits": stats.doc_hits,
            "corrupt": stats.corrupt,
        }
        if stats
        else None,
    }


def run_size(size: int, work: Path, model: str, seed: int, log) -> dict[str, Any]:
    from generator.clean import Rules, clean
    from generator.config import BuildConfig
    from generator.curated.registry import load_registry
    from generator.ingest import ingest
    from generator.memo import memory as recent

    seeds = work / "seeds"
    cache_dir = work / ".cache" / "dossier"  # where the plugin looks by default, too
    shutil.rmtree(cache_dir, ignore_errors=True)
    start = time.perf_counter()
    write_corpus(seeds, size, seed)
    generated = time.perf_counter() - start
    config = BuildConfig(seeds=seeds, model=model, cache_dir=cache_dir)

    registry, _ = load_registry(seeds)
    sources, _ = ingest(seeds, config.max_article_bytes)
    rules = Rules.from_curated(registry.boilerplate)
    bodies = [clean(source, rules).body for source in sources]
    words = sum(len(body.split()) for body in bodies)
    out: dict[str, Any] = {"articles": len(bodies), "words": words, "generate_s": generated}

    log(f"[{size}] floor: spacy.load + nlp.pipe over {words:,} words …")
    out["floor"] = _floor(model, bodies)
    del bodies, sources
    gc.collect()

    log(f"[{size}] cold build …")
    _fresh_model()
    meter = StageMeter()
    with TreeMemory() as tree:
        cold, wall = _timed_build(config, meter)
    out["cold"] = _summary(cold, wall)
    out["cold"]["peak_mb"] = dict(meter.peaks)
    out["cold"]["tree_pss_mb"] = tree.peak_pss_mb
    out["cold"]["tree_rss_mb"] = tree.peak_rss_mb
    cold_records = dict(cold.records)
    del cold
    gc.collect()

    log(f"[{size}] warm rebuild …")
    recent.clear()  # from the disk cache, as a new process reads it
    meter = StageMeter()
    warm, wall = _timed_build(config, meter, with_pages=False)
    out["warm"] = _summary(warm, wall)
    out["warm"]["peak_mb"] = dict(meter.peaks)
    out["warm"]["identical"] = warm.records == cold_records
    del warm

    log(f"[{size}] curated edit (people.yml) …")
    people = seeds / "curated" / "people.yml"
    original = people.read_bytes()
    people.write_bytes(original + b"\n# benchmark: an edit that changes no entry\n")
    recent.clear()
    try:
        with TreeMemory() as tree:
            edited, wall = _timed_build(config, with_pages=False)
        out["curated_edit"] = _summary(edited, wall)
        out["curated_edit"]["tree_pss_mb"] = tree.peak_pss_mb
        out["curated_edit"]["tree_rss_mb"] = tree.peak_rss_mb
        out["curated_edit"]["identical"] = edited.records == cold_records
        del edited
    finally:
        people.write_bytes(original)

    log(f"[{size}] one changed article …")
    victim = sorted((seeds / "articles").glob("*.txt"))[size // 2]
    text = victim.read_text("utf-8")
    marker = "\n\nRelated Articles"
    victim.write_text(
        text.replace(marker, " The ministers are due to meet again in the spring." + marker, 1),
        encoding="utf-8",
    )
    _fresh_model()  # as a new `python -m generator records` would: the model is loaded again
    changed, wall = _timed_build(config, with_pages=False)
    out["one_change"] = _summary(changed, wall)
    del changed
    # as `mkdocs serve` does on a save: the same process, the model still loaded
    victim.write_text(
        text.replace(marker, " The ministers are due to meet again in the autumn." + marker, 1),
        encoding="utf-8",
    )
    changed, wall = _timed_build(config, with_pages=False)
    out["one_change_served"] = _summary(changed, wall)
    del changed, cold_records
    gc.collect()

    log(f"[{size}] mkdocs build …")
    out["mkdocs"] = _mkdocs(work, seeds)
    # leave the corpus as generated for a later look
    victim.write_text(text, encoding="utf-8")
    return out


# ============================================================================================
# Report
# ============================================================================================

STAGES = [
    "registry",
    "ingest",
    "cache",
    "clean",
    "extract",
    "link",
    "aggregate",
    "records",
    "pages",
]
EXTRACT_PARTS = [
    ("load_model", "load model + matchers"),
    ("ner", "NER (the model)"),
    ("doc_cache", "Doc cache read/write"),
    ("rules", "rules (extract_doc)"),
    ("extraction_cache", "extraction cache writes"),
]


def _own_seconds(run: dict[str, Any]) -> float:
    t = run["timings"]
    return run["wall_s"] - t.get("ner", 0.0) - t.get("load_model", 0.0)


def _records_seconds(run: dict[str, Any]) -> float:
    return run["wall_s"] - run["timings"].get("pages", 0.0)


def evaluate(results: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target, per size where it applies, with PASS/FAIL."""
    targets: list[dict[str, Any]] = []
    sizes = sorted(results)

    def add(name: str, size: int | None, value: float, shown: str, ok: bool, note: str = ""):
        targets.append(
            {"target": name, "size": size, "value": value, "shown": shown, "pass": ok, "note": note}
        )

    for size in sizes:
        r = results[size]
        wps = r["words"] / r["cold"]["wall_s"]
        add(f"cold build ≥ {TARGET_WORDS_PER_S:,} words/s end to end", size, wps,
            f"{wps:,.0f} words/s", wps >= TARGET_WORDS_PER_S)  # fmt: skip
        own = 1000 * _own_seconds(r["cold"]) / r["articles"]
        add(f"generator's own work ≤ {TARGET_OWN_MS:g} ms/article (cold)", size, own,
            f"{own:.1f} ms/article", own <= TARGET_OWN_MS)  # fmt: skip
        share = _records_seconds(r["warm"]) / _records_seconds(r["cold"])
        add(f"warm rebuild of the records ≤ {TARGET_WARM_SHARE:.0%} of cold", size, share,
            f"{share:.1%} ({_records_seconds(r['warm']):.2f} s)", share <= TARGET_WARM_SHARE)  # fmt: skip
        one = r["one_change"]["wall_s"]
        note = "" if size >= 1000 else "(target set for 1,000 articles)"
        add(f"one changed article rebuilt ≤ {TARGET_ONE_CHANGE_S:g} s", size, one,
            f"{one:.2f} s (model ran on {r['one_change']['model_articles']})",
            one <= TARGET_ONE_CHANGE_S, note)  # fmt: skip
        served = r["one_change_served"]["wall_s"]
        add(f"  the same under `mkdocs serve` (model loaded) ≤ {TARGET_ONE_CHANGE_S:g} s", size,
            served, f"{served:.2f} s", served <= TARGET_ONE_CHANGE_S, note)  # fmt: skip
        ms = r["mkdocs"]["ms_per_page"]
        add(f"mkdocs build ≤ {TARGET_MKDOCS_MS:g} ms/page", size, ms,
            f"{ms:.1f} ms/page ({r['mkdocs']['pages']:,} pages)", ms <= TARGET_MKDOCS_MS)  # fmt: skip
        peak = max(
            r["cold"]["tree_pss_mb"], r["curated_edit"]["tree_pss_mb"], r["mkdocs"]["peak_mb"]
        )
        rss = max(r["cold"]["tree_rss_mb"], r["curated_edit"]["tree_rss_mb"])
        note = "" if size >= 5000 else "(target set for 5,000 articles)"
        add(f"peak RSS ≤ {TARGET_RSS_MB / 1024:.1f} GB", size, peak,
            f"{peak:,.0f} MB (PSS of process + workers; RSS summed {rss:,.0f} MB)",
            peak <= TARGET_RSS_MB, note)  # fmt: skip
    if len(sizes) >= 2:
        small, large = results[sizes[0]]["mkdocs"], results[sizes[-1]]["mkdocs"]
        growth = large["about_page_bytes"] / max(small["about_page_bytes"], 1) - 1
        add("page size independent of the number of articles", sizes[-1], growth,
            f"about page {small['about_page_bytes']:,} → {large['about_page_bytes']:,} bytes "
            f"({growth:+.1%}), median page {small['median_page_bytes']:,.0f} → "
            f"{large['median_page_bytes']:,.0f}", growth <= PAGE_SIZE_TOLERANCE)  # fmt: skip
    return targets


def render(results: dict[int, dict[str, Any]], meta: dict[str, Any]) -> str:
    sizes = sorted(results)
    width = 16
    lines = [
        f"Dossier benchmark — generator {meta['generator']}, model {meta['model']} "
        f"({meta['model_version']}), spaCy {meta['spacy']}, Python {meta['python']}",
        f"{meta['cpus']} CPUs; load average {meta['load_before']} before, {meta['load_after']} "
        f"after; seed {meta['seed']}; {meta['elapsed_s']:.0f} s in all",
        "Times are wall seconds, with the ratio to the floor (spaCy load + pipe of the same texts, "
        "one process) beside them; RSS is the peak of the stage in MB.",
        "",
    ]
    head = f"{'':44}" + "".join(f"{f'{s:,} articles':>{width * 2}}" for s in sizes)
    lines.append(head)

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"{label:44}" + "".join(f"{c:>{width * 2}}" for c in cells))

    def secs(size: int, seconds: float, rss: float | None = None) -> str:
        floor = results[size]["floor"]["total_s"]
        text = f"{seconds:8.2f} s {seconds / floor:5.2f}×"
        return text + (f" {rss:6,.0f} MB" if rss is not None else " " * 10)

    row("words", [f"{results[s]['words']:,}" for s in sizes])
    row(
        "floor: spacy.load + nlp.pipe (1 process)",
        [
            f"{results[s]['floor']['total_s']:8.2f} s {results[s]['floor']['peak_mb']:6,.0f} MB"
            for s in sizes
        ],
    )
    row(
        "  floor words/s (pipe only)",
        [f"{results[s]['words'] / results[s]['floor']['pipe_s']:,.0f}" for s in sizes],
    )
    row("cold build (empty cache), total", [secs(s, results[s]["cold"]["wall_s"]) for s in sizes])
    for stage in STAGES:
        row(
            f"  {stage}",
            [
                secs(
                    s,
                    results[s]["cold"]["timings"].get(stage, 0.0),
                    results[s]["cold"]["peak_mb"].get(stage),
                )
                for s in sizes
            ],
        )
        if stage == "extract":
            for key, label in EXTRACT_PARTS:
                row(
                    f"    {label}",
                    [secs(s, results[s]["cold"]["timings"].get(key, 0.0)) for s in sizes],
                )

    row(
        "  peak memory, process + workers: PSS / RSS",
        [
            f"{results[s]['cold']['tree_pss_mb']:,.0f} / {results[s]['cold']['tree_rss_mb']:,.0f} MB"
            for s in sizes
        ],
    )
    row(
        "  words/s end to end",
        [f"{results[s]['words'] / results[s]['cold']['wall_s']:,.0f}" for s in sizes],
    )
    row(
        "  own work (all but model load + NER)",
        [
            f"{_own_seconds(results[s]['cold']):8.2f} s "
            f"{1000 * _own_seconds(results[s]['cold']) / results[s]['articles']:6.2f} ms/art"
            for s in sizes
        ],
    )

    def identical_and_model(run: str) -> None:
        """Whether a rebuild gave the cold build's records, and how many articles it ran NER on."""
        row(
            "  identical records / model ran on",
            [
                f"{results[s][run]['identical']} / {results[s][run]['model_articles']} articles"
                for s in sizes
            ],
        )

    row("warm rebuild (records only)", [secs(s, results[s]["warm"]["wall_s"]) for s in sizes])
    identical_and_model("warm")
    row(
        "curated edit: Docs cached, rules re-run",
        [secs(s, results[s]["curated_edit"]["wall_s"]) for s in sizes],
    )
    row(
        "  rules, wall time per article",
        [
            f"{1000 * results[s]['curated_edit']['timings'].get('rules', 0) / results[s]['articles']:.1f} ms"
            for s in sizes
        ],
    )
    identical_and_model("curated_edit")
    row(
        "one changed article (model reloaded)",
        [secs(s, results[s]["one_change"]["wall_s"]) for s in sizes],
    )
    row(
        "  model ran on",
        [f"{results[s]['one_change']['model_articles']} article(s)" for s in sizes],
    )
    row(
        "one changed article, model kept loaded (serve)",
        [secs(s, results[s]["one_change_served"]["wall_s"]) for s in sizes],
    )
    row(
        "mkdocs build (subprocess), total", [secs(s, results[s]["mkdocs"]["wall_s"]) for s in sizes]
    )
    row(
        "  of which the generator (warm cache)",
        [secs(s, results[s]["mkdocs"]["generator_s"]) for s in sizes],
    )
    row("  of which MkDocs + Material", [secs(s, results[s]["mkdocs"]["mkdocs_s"]) for s in sizes])
    row("  pages", [f"{results[s]['mkdocs']['pages']:,}" for s in sizes])
    row("  ms per page", [f"{results[s]['mkdocs']['ms_per_page']:.1f}" for s in sizes])
    row(
        "  page bytes: about / median / max",
        [
            f"{results[s]['mkdocs']['about_page_bytes']:,} / "
            f"{results[s]['mkdocs']['median_page_bytes']:,.0f} / "
            f"{results[s]['mkdocs']['max_page_bytes']:,}"
            for s in sizes
        ],
    )
    row(
        "  largest page",
        [
            "{} {:,.0f} kB".format(*results[s]["mkdocs"]["largest_pages"][0][:1],
                                    results[s]["mkdocs"]["largest_pages"][0][1] / 1000)
            if results[s]["mkdocs"]["largest_pages"] else "" for s in sizes
        ],
    )  # fmt: skip
    row("  peak RSS", [f"{results[s]['mkdocs']['peak_mb']:,.0f} MB" for s in sizes])
    row(
        "search/search_index.json",
        [f"{results[s]['mkdocs']['search_index_bytes'] / 1e6:,.1f} MB" for s in sizes],
    )
    row(
        "  first search result in Chromium",
        [_seconds_or_na(results[s]["mkdocs"].get("search_first_result_s")) for s in sizes],
    )
    lines += ["", "Targets"]
    for target in meta["targets"]:
        verdict = "PASS" if target["pass"] else "FAIL"
        size = f"{target['size']:,}" if target["size"] else ""
        note = f"  {target['note']}" if target["note"] else ""
        lines.append(f"  {verdict}  {target['target']:52} {size:>6}: {target['shown']}{note}")
    return "\n".join(lines) + "\n"


# ============================================================================================
# Command line
# ============================================================================================


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator.tools.bench",
        description="Benchmark the pipeline on synthetic corpora against spaCy alone.",
    )
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="corpus sizes in articles, comma-separated (default: 100,1000; 5000 on request)",
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--model", help="spaCy pipeline (default: $DOSSIER_SPACY_MODEL or ours)")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed of the corpus")
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary one)"
    )
    return parser


def _meta(args, model: str, version: str, started: float, load_before: str) -> dict[str, Any]:
    import spacy

    return {
        "generator": __version__,
        "model": model,
        "model_version": version,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_before": load_before,
        "load_after": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
        "seed": args.seed,
        "elapsed_s": time.perf_counter() - started,
        "command": "python -m generator.tools.bench " + " ".join(args.argv),
    }


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.argv = list(argv if argv is not None else sys.argv[1:])
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        print(f"error: --sizes wants numbers like 100,1000, not {args.sizes!r}", file=sys.stderr)
        return 2
    if not sizes or min(sizes) < 1:
        print("error: --sizes needs at least one size of 1 or more", file=sys.stderr)
        return 2
    import logging

    import spacy

    from generator.config import model_name

    logging.getLogger("dossier").setLevel(logging.CRITICAL)  # synthetic text: no warnings wanted
    os.environ.pop("DOSSIER_CACHE", None)  # the benchmark measures the cache: never off here
    os.environ.pop("DOSSIER_CACHE_DIR", None)
    model = model_name(args.model)
    version = spacy.util.get_package_version(model) or "?"

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    root = args.keep or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    results: dict[int, dict[str, Any]] = {}
    try:
        for size in sizes:
            results[size] = run_size(size, root / f"n{size}", model, args.seed, log)
            partial_meta = {**_meta(args, model, version, started, load_before), "targets": []}
            partial_meta["targets"] = evaluate(results)
            log(render(results, partial_meta))
            if args.json:  # as each size finishes, so a long run leaves its figures behind
                partial = {
                    "meta": {"partial": True},
                    "sizes": {str(k): v for k, v in results.items()},
                }
                args.json.parent.mkdir(parents=True, exist_ok=True)
                args.json.write_text(json.dumps(partial, indent=2, default=str) + "\n", "utf-8")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    meta = _meta(args, model, version, started, load_before)
    meta["targets"] = evaluate(results)
    print(render(results, meta), end="")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"meta": meta, "sizes": {str(k): v for k, v in results.items()}}
        args.json.write_text(json.dumps(payload, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
