#!/usr/bin/env python3
"""Rebuild the full-text politics articles from the fetched dataset repositories.

The article texts are not committed. Each one is re-extracted from a fetched git
directory with ``git show COMMIT:PATH`` and checked against the sha256 in
``manifest.yml``.

    python tests/fulltext/rebuild.py \
        --mirror ramybaly/Article-Bias-Prediction=/work/.mirror/ramybaly+Article-Bias-Prediction/repo

An article file is ``<title>\\n\\n<body>\\n``: the record's title and body, each with
leading and trailing whitespace removed, and nothing else changed.

Exit status: 0 when every manifest article was written and matched its sha256;
1 when something is missing or differs (each problem is printed).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.yml"
ARTICLES = HERE / "articles"

# Field names tried, in order, for the title and the body of a record.
TITLE_FIELDS = ("title", "headline", "Title", "Headline")
BODY_FIELDS = ("content_original", "text", "body", "content", "article", "Text", "Body", "Content")


def git_show(git_dir: str, commit: str, path: str) -> bytes:
    out = subprocess.run(
        ["git", "-c", "safe.directory=*", "--git-dir", git_dir, "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    if out.returncode != 0:
        raise LookupError(out.stderr.decode("utf-8", "replace").strip() or "git show failed")
    return out.stdout


def pick(record: dict, names: tuple[str, ...], what: str) -> str:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    raise LookupError(f"record has no {what} field (tried {', '.join(names)})")


def select_record(raw: bytes, path: str, record) -> dict:
    """The one record an entry names: the whole JSON file, a JSON index/key, or a CSV row."""
    if path.endswith((".csv", ".tsv")):
        if record is None:
            raise LookupError("a CSV file needs a record (0-based data row number)")
        text = raw.decode("utf-8")
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if path.endswith(".tsv") else ",")
        for i, row in enumerate(reader):
            if i == int(record):
                return row
        raise LookupError(f"CSV has no row {record}")
    if path.endswith(".jsonl"):
        if record is None:
            raise LookupError("a JSON-lines file needs a record (0-based line number)")
        lines = [ln for ln in raw.decode("utf-8").splitlines() if ln.strip()]
        return json.loads(lines[int(record)])
    data = json.loads(raw.decode("utf-8"))
    if record is None:
        if not isinstance(data, dict):
            raise LookupError("file is not a single JSON record; the manifest needs a record")
        return data
    if isinstance(data, list):
        return data[int(record)]
    return data[str(record)]


def article_text(record: dict) -> str:
    title = pick(record, TITLE_FIELDS, "title").strip()
    body = pick(record, BODY_FIELDS, "body").strip()
    return f"{title}\n\n{body}\n"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_mirrors(values: list[str]) -> dict[str, str]:
    mirrors = {}
    for value in values:
        repo, sep, git_dir = value.partition("=")
        if not sep or not repo or not git_dir:
            raise SystemExit(f"--mirror takes owner/name=PATH, not {value!r}")
        mirrors[repo.strip()] = git_dir.strip()
    return mirrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mirror",
        action="append",
        default=[],
        metavar="OWNER/NAME=PATH",
        help="a fetched git directory for a repository named in the manifest (repeatable)",
    )
    parser.add_argument("--only", nargs="*", help="rebuild only these article ids")
    args = parser.parse_args(argv)
    mirrors = parse_mirrors(args.mirror)

    entries = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["articles"]
    ARTICLES.mkdir(exist_ok=True)
    problems: list[str] = []
    written = 0
    for entry in entries:
        aid = entry["id"]
        if args.only and aid not in args.only:
            continue
        repo = entry["repo"]
        git_dir = mirrors.get(repo)
        if git_dir is None:
            problems.append(f"{aid}: missing mirror for {repo} (pass --mirror {repo}=PATH)")
            continue
        try:
            raw = git_show(git_dir, entry["commit"], entry["path"])
            text = article_text(select_record(raw, entry["path"], entry.get("record")))
        except (LookupError, ValueError, KeyError, IndexError) as exc:
            problems.append(f"{aid}: missing {repo}@{entry['commit'][:12]}:{entry['path']}: {exc}")
            continue
        digest = sha256(text)
        if entry.get("sha256") != digest:
            problems.append(
                f"{aid}: sha256 differs (manifest {entry.get('sha256')}, extracted {digest})"
            )
            continue
        (ARTICLES / f"{aid}.txt").write_text(text, encoding="utf-8", newline="\n")
        written += 1

    for problem in problems:
        print(problem)
    total = len(entries) if not args.only else len(args.only)
    print(f"{written} of {total} articles written to {ARTICLES}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
