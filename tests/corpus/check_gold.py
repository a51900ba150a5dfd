"""Sanity checks for the development corpus (articles/*.txt + gold/*.yml).

Run: python3 tests/corpus/check_gold.py   (exit status 1 on any problem)
"""

import datetime
import pathlib
import re
import sys

import yaml

from generator.tools.evaluate import GOLD_KEYS

HERE = pathlib.Path(__file__).resolve().parent
IDS = HERE.parents[1] / "docs" / "dev" / "ids.md"
KEYS = list(GOLD_KEYS)
EVENT_KINDS = {"meeting", "visit", "summit", "call", "talks"}
EVENT_KEYS = {"kind", "participants", "date", "place", "forum"}


def id_list(section_start, text):
    """Ids listed after 'section_start' up to the next blank line."""
    block = text.split(section_start, 1)[1].split("\n\n", 1)[0]
    block = re.sub(r"\([^)]*\)", "", block)  # drop parenthetical notes
    return {
        t.strip() for t in block.replace("\n", " ").split(",") if t.strip() and t.strip() != "..."
    }


def check_events(g, bad):
    """Each gold event: exact keys, a known kind, participants among the people, a date as
    YYYY-MM-DD or YYYY-MM, a forum among the forums. (The real-article checker uses it too.)"""
    for e in g["events"] or []:
        if not isinstance(e, dict) or set(e) != EVENT_KEYS:
            bad(f"event keys {sorted(e) if isinstance(e, dict) else e!r}")
            continue
        if e["kind"] not in EVENT_KINDS:
            bad(f"event kind {e['kind']!r}")
        for p in e["participants"] or []:
            if p not in g["people"]:
                bad(f"event participant not in people: {p}")
        d = e["date"]
        if (
            d is not None
            and not isinstance(d, datetime.date)
            and not re.fullmatch(r"\d{4}-\d{2}", str(d))
        ):
            bad(f"event date {d!r}")
        if e["forum"] is not None and e["forum"] not in g["forums"]:
            bad(f"event forum {e['forum']} not in forums")


def split_front_matter(text):
    if text.startswith("---\n"):
        fm, body = text[4:].split("\n---\n", 1)
        return yaml.safe_load(fm), body
    return None, text


def main():
    ids_text = IDS.read_text(encoding="utf-8")
    forums = id_list("Forum ids (multilateral groupings and recurring conferences):", ids_text)
    issues = id_list("Issue ids:", ids_text)
    problems = []
    stems = sorted(p.stem for p in (HERE / "articles").glob("*.txt"))
    gold_stems = sorted(p.stem for p in (HERE / "gold").glob("*.yml"))
    if stems != gold_stems:
        problems.append(f"article/gold mismatch: {set(stems) ^ set(gold_stems)}")
    for stem in stems:

        def bad(msg, stem=stem):
            problems.append(f"{stem}: {msg}")

        raw = (HERE / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
        fm, text = split_front_matter(raw)
        words = len(text.split())
        if not 250 <= words <= 700:
            bad(f"{words} words (want 250-700)")
        g = yaml.safe_load((HERE / "gold" / f"{stem}.yml").read_text(encoding="utf-8"))
        if list(g) != KEYS:
            bad(f"keys {list(g)}")
            continue
        if fm is not None:
            if set(fm) != {"title", "publisher", "authors", "published", "url"}:
                bad(f"front matter keys {sorted(fm)}")
            for k in ("title", "publisher", "authors", "published"):
                if fm.get(k) != g[k]:
                    bad(f"front matter {k}={fm.get(k)!r} but gold {g[k]!r}")
        if g["published"] is not None and not isinstance(g["published"], datetime.date):
            bad(f"published not a date: {g['published']!r}")
        for k in (
            "authors",
            "people",
            "not_people",
            "countries",
            "forums",
            "organizations",
            "issues",
            "boilerplate",
            "quotes",
            "events",
        ):
            if not isinstance(g[k], list):
                bad(f"{k} is not a list")
        for f in g["forums"]:
            if f not in forums:
                bad(f"unknown forum id {f}")
        for i in g["issues"]:
            if i not in issues:
                bad(f"unknown issue id {i}")
        for c in g["countries"]:
            if not re.fullmatch(r"[a-z]+(-[a-z]+)*", c):
                bad(f"country id not a slug: {c}")
        for name in g["people"]:
            if name not in text:
                bad(f"person not named in full in the article text: {name}")
        for name in g["authors"]:
            if name not in raw:  # may come from front matter only
                bad(f"author not found in article: {name}")
        for name in g["not_people"]:
            if name not in raw:
                bad(f"not_people entry not in article: {name}")
        if set(g["people"]) & set(g["not_people"]):
            bad(f"people/not_people overlap {set(g['people']) & set(g['not_people'])}")
        for s in g["boilerplate"]:
            if s not in text:
                bad(f"boilerplate string not in article: {s}")
        for q in g["quotes"]:
            if set(q) != {"speaker", "text"}:
                bad(f"quote keys {sorted(q)}")
            if q["speaker"] not in g["people"]:
                bad(f"quote speaker not in people: {q['speaker']}")
            if q["text"] not in text:
                bad(f"quote text not verbatim: {q['text']}")
            if not 4 <= len(q["text"].split()) <= 10:
                bad(f"quote text should be the first 6-10 words: {q['text']}")
        check_events(g, bad)
    for p in problems:
        print(p)
    print(f"{len(stems)} articles checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
