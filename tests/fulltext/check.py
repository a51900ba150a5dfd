#!/usr/bin/env python3
"""Check the full-text politics set: manifest, gold files and rebuilt texts agree.

    python tests/fulltext/check.py

Checks that every manifest entry has a gold file and a rebuilt text whose sha256
matches, that no gold file lacks a manifest entry, that each gold file has exactly
the expected keys in order, and that every people / not_people string occurs
verbatim in its article. Prints each problem; exits 1 if there is any.
Run ``rebuild.py`` first: the texts are not committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.yml"
GOLD = HERE / "gold"
ARTICLES = HERE / "articles"

sys.path.insert(0, str(HERE.parent / "corpus"))
import check_gold as _corpus_checks  # noqa: E402  (the gold keys, defined once)

GOLD_KEYS = tuple(_corpus_checks.GOLD_KEYS)
MANIFEST_KEYS = ("id", "repo", "commit", "path", "record", "sha256", "topic", "country", "source")
ID_RE = re.compile(r"^\d\d_[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
HEX40 = re.compile(r"^[0-9a-f]{40}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
#: Lists that are not scored in this set and stay empty.
EMPTY_LISTS = ("forums", "organizations", "issues", "quotes", "events", "boilerplate")


def check_manifest(entries: list) -> list[str]:
    problems = []
    seen = set()
    for i, entry in enumerate(entries):
        where = f"manifest entry {i}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a mapping")
            continue
        aid = entry.get("id")
        where = f"manifest {aid}"
        if tuple(entry) != MANIFEST_KEYS:
            problems.append(f"{where}: keys {list(entry)} != {list(MANIFEST_KEYS)}")
        if not isinstance(aid, str) or not ID_RE.match(aid):
            problems.append(f"{where}: id must look like NN_short-slug")
        if aid in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(aid)
        if not isinstance(entry.get("repo"), str) or entry["repo"].count("/") != 1:
            problems.append(f"{where}: repo must be owner/name")
        if not HEX40.match(str(entry.get("commit", ""))):
            problems.append(f"{where}: commit must be 40 lowercase hex digits")
        if not HEX64.match(str(entry.get("sha256", ""))):
            problems.append(f"{where}: sha256 must be 64 lowercase hex digits")
        if not entry.get("path"):
            problems.append(f"{where}: path missing")
        if not SLUG_RE.match(str(entry.get("country", ""))):
            problems.append(f"{where}: country must be a lowercase slug")
    return problems


def check_gold(aid: str, gold: dict, text: str | None) -> list[str]:
    problems = []
    where = f"gold {aid}"
    if tuple(gold) != GOLD_KEYS:
        problems.append(f"{where}: keys {list(gold)} != {list(GOLD_KEYS)}")
    if not isinstance(gold.get("title"), str) or not gold["title"].strip():
        problems.append(f"{where}: title must be a non-empty string")
    if gold.get("publisher") is not None and not isinstance(gold["publisher"], str):
        problems.append(f"{where}: publisher must be a string or null")
    published = gold.get("published")
    if published is not None:
        if isinstance(published, dt.date):
            pass
        elif not (isinstance(published, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", published)):
            problems.append(f"{where}: published must be YYYY-MM-DD or null")
    for key in ("authors", "people", "not_people", "countries", *EMPTY_LISTS):
        value = gold.get(key)
        if not isinstance(value, list):
            problems.append(f"{where}: {key} must be a list")
            continue
        if key in ("authors", "people", "not_people", "countries"):
            if any(not isinstance(v, str) or not v.strip() for v in value):
                problems.append(f"{where}: {key} must hold non-empty strings")
                continue
            dupes = sorted({v for v in value if value.count(v) > 1})
            if dupes:
                problems.append(f"{where}: {key} repeats {dupes}")
    for key in EMPTY_LISTS:
        if isinstance(gold.get(key), list) and gold[key]:
            problems.append(f"{where}: {key} is not scored here and must stay []")
    for country in gold.get("countries") or []:
        if isinstance(country, str) and not SLUG_RE.match(country):
            problems.append(f"{where}: country id {country!r} is not a lowercase ASCII slug")
    people = set(gold.get("people") or [])
    overlap = sorted(people & set(gold.get("not_people") or []))
    if overlap:
        problems.append(f"{where}: in both people and not_people: {overlap}")
    if text is not None:
        first = text.split("\n", 1)[0]
        if isinstance(gold.get("title"), str) and gold["title"] != first:
            problems.append(f"{where}: title differs from the article's first line")
        for key in ("people", "not_people"):
            for value in gold.get(key) or []:
                if isinstance(value, str) and value not in text:
                    problems.append(f"{where}: {key} string {value!r} not in the article text")
    return problems


def main() -> int:
    problems: list[str] = []
    try:
        entries = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["articles"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        print(f"manifest.yml: {exc}")
        return 1
    problems += check_manifest(entries)
    ids = [e.get("id") for e in entries if isinstance(e, dict)]
    for stray in sorted(p.stem for p in GOLD.glob("*.yml") if p.stem not in ids):
        problems.append(f"gold {stray}: no manifest entry")
    absent = 0
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        aid = entry.get("id")
        text = None
        path = ARTICLES / f"{aid}.txt"
        if not path.exists():
            absent += 1  # texts are not in git: the gold's form is still checked
        else:
            raw = path.read_bytes()
            if hashlib.sha256(raw).hexdigest() != entry.get("sha256"):
                problems.append(f"article {aid}: sha256 differs from the manifest")
            text = raw.decode("utf-8")
        gold_path = GOLD / f"{aid}.yml"
        if not gold_path.exists():
            problems.append(f"gold {aid}: missing")
            continue
        try:
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            problems.append(f"gold {aid}: YAML does not parse: {exc}")
            continue
        if not isinstance(gold, dict):
            problems.append(f"gold {aid}: not a mapping")
            continue
        problems += check_gold(aid, gold, text)
    for problem in problems:
        print(problem)
    n_people = 0
    for aid in ids:
        gold_path = GOLD / f"{aid}.yml"
        if gold_path.exists():
            data = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
            n_people += len(data.get("people") or []) if isinstance(data, dict) else 0
    status = "FAILED" if problems else "ok"
    print(f"{status}: {len(ids)} articles, {n_people} gold people, {len(problems)} problems")
    if absent:
        print(f"{absent} texts absent (rebuild them with rebuild.py, see README.md): not checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
