"""Checks for the real-article development set (manifest.yml + gold/*.yml [+ articles/*.txt]).

Run: python tests/realworld/check.py   (exit status 1 on any problem)

Always checked: every manifest entry has a gold file and every gold file a manifest entry; manifest
and gold keys are exact; splits are dev/holdout with at least a third held out; ids, issue forms,
events and quotes are well formed; quote speakers and event participants are listed as people.
Where the texts are present (articles/<id>.txt, not in git; see README.md): each text's SHA-256 matches
the manifest, and every person, author, not_people entry, quote opening and boilerplate string occurs
verbatim in it. The gold keys and the event checks are the written corpus's
(``tests/corpus/check_gold.py``).
"""

import datetime
import hashlib
import math
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
IDS = HERE.parents[1] / "docs" / "dev" / "ids.md"
sys.path.insert(0, str(HERE.parent / "corpus"))
import check_gold as corpus_checks  # noqa: E402  (the written corpus's checks, shared)

MANIFEST_KEYS = ["id", "url", "corpus", "query", "sha256", "topic", "shape", "publisher", "split"]
GOLD_KEYS = list(corpus_checks.GOLD_KEYS)
LIST_KEYS = GOLD_KEYS[2:3] + GOLD_KEYS[4:]
ID_RE = re.compile(r"\d{3}_[a-z0-9]+(-[a-z0-9]+)*")


id_list = corpus_checks.id_list


def split_front_matter(raw):
    """(url, body) of an article file: '---\\nurl: ...\\n---\\n' then the excerpt exactly."""
    if not raw.startswith("---\n"):
        return None, None
    head, sep, body = raw[4:].partition("\n---\n")
    if not sep:
        return None, None
    fm = yaml.safe_load(head) or {}
    return fm.get("url"), body


def check_issue(issue, known, bad):
    if isinstance(issue, str):
        if issue not in known:
            bad(f"unknown issue id {issue!r} (use {{topic, also}} for a topic not in ids.md)")
        return
    if not isinstance(issue, dict) or set(issue) != {"topic", "also"}:
        bad(f"issue must be an id or {{topic, also}}: {issue!r}")
        return
    topic, also = issue["topic"], issue["also"]
    if not isinstance(topic, str) or topic != topic.lower() or not topic.strip():
        bad(f"issue topic must be a lowercase phrase: {topic!r}")
    if (
        not isinstance(also, list)
        or not 2 <= len(also) <= 4
        or not all(isinstance(a, str) for a in also)
    ):
        bad(f"issue 'also' must list 2-4 names: {also!r}")


def check_gold(stem, g, text, known_forums, known_issues, bad):
    if not isinstance(g, dict) or list(g) != GOLD_KEYS:
        bad(f"gold keys {list(g) if isinstance(g, dict) else type(g).__name__} (want {GOLD_KEYS})")
        return
    for k in LIST_KEYS:
        if not isinstance(g[k], list):
            bad(f"{k} is not a list")
            return
    if g["published"] is not None and not isinstance(g["published"], datetime.date):
        bad(f"published not a date: {g['published']!r}")
    for f in g["forums"]:
        if f not in known_forums:
            bad(f"unknown forum id {f!r}")
    for c in g["countries"]:
        if not isinstance(c, str) or not re.fullmatch(r"[a-z]+(-[a-z]+)*", c):
            bad(f"country id not a slug: {c!r}")
    for i in g["issues"]:
        check_issue(i, known_issues, bad)
    if not 1 <= len(g["issues"]) <= 3:
        bad(f"{len(g['issues'])} issues (want 1-3)")
    if set(g["people"]) & set(g["not_people"]):
        bad(f"people/not_people overlap {sorted(set(g['people']) & set(g['not_people']))}")
    for name in g["people"] + g["not_people"] + g["authors"]:
        if not isinstance(name, str):
            bad(f"name is not a string: {name!r}")
    for q in g["quotes"]:
        if not isinstance(q, dict) or set(q) != {"speaker", "text"}:
            bad(f"quote keys {q!r}")
            continue
        if q["speaker"] not in g["people"]:
            bad(f"quote speaker not in people: {q['speaker']}")
        if not 4 <= len(str(q["text"]).split()) <= 10:
            bad(f"quote opening should be 4-10 words: {q['text']}")
    corpus_checks.check_events(g, bad)
    if text is None:
        return
    for name in g["people"]:
        if name not in text:
            bad(f"person not in text: {name}")
    for name in g["authors"]:
        if name not in text:
            bad(f"author not in text: {name}")
    for name in g["not_people"]:
        if name not in text:
            bad(f"not_people entry not in text: {name}")
    for q in g["quotes"]:
        if isinstance(q, dict) and str(q.get("text")) not in text:
            bad(f"quote opening not verbatim: {q.get('text')}")
    for s in g["boilerplate"]:
        if s not in text:
            bad(f"boilerplate string not in text: {s}")
    if g["title"] is not None and g["title"] not in text:
        bad(f"title not in text: {g['title']}")


def main():
    problems = []
    ids_text = IDS.read_text(encoding="utf-8")
    known_forums = id_list(
        "Forum ids (multilateral groupings and recurring conferences):", ids_text
    )
    known_issues = id_list("Issue ids:", ids_text)
    manifest = yaml.safe_load((HERE / "manifest.yml").read_text(encoding="utf-8"))
    if not isinstance(manifest, list) or not manifest:
        print("manifest.yml must be a non-empty list")
        return 1
    ids = []
    for n, entry in enumerate(manifest, 1):
        if not isinstance(entry, dict) or list(entry) != MANIFEST_KEYS:
            problems.append(
                f"manifest entry {n}: keys {list(entry) if isinstance(entry, dict) else entry!r}"
            )
            continue
        ids.append(entry["id"])
        if not ID_RE.fullmatch(str(entry["id"])) or not str(entry["id"]).startswith(f"{n:03d}_"):
            problems.append(f"manifest entry {n}: id {entry['id']!r} (want {n:03d}_slug, in order)")
        if entry["split"] not in ("dev", "holdout"):
            problems.append(f"{entry['id']}: split {entry['split']!r}")
        if entry["corpus"] != "pages":
            problems.append(f"{entry['id']}: corpus {entry['corpus']!r}")
        if not re.fullmatch(r"[0-9a-f]{64}", str(entry["sha256"])):
            problems.append(f"{entry['id']}: sha256 is not 64 hex digits")
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids in manifest")
    urls = [e.get("url") for e in manifest if isinstance(e, dict)]
    if len(set(urls)) != len(urls):
        problems.append("duplicate urls in manifest")
    n = len(manifest)
    holdout = sum(1 for e in manifest if isinstance(e, dict) and e.get("split") == "holdout")
    if holdout < math.ceil(n / 3):
        problems.append(f"holdout {holdout} < ceil({n}/3) = {math.ceil(n / 3)}")
    gold_stems = {p.stem for p in (HERE / "gold").glob("*.yml")}
    for missing in sorted(set(ids) - gold_stems):
        problems.append(f"{missing}: no gold file")
    for orphan in sorted(gold_stems - set(ids)):
        problems.append(f"gold/{orphan}.yml: not in manifest")
    article_dir = HERE / "articles"
    texts_found = 0
    for entry in manifest:
        if not isinstance(entry, dict) or entry.get("id") not in gold_stems:
            continue
        stem = entry["id"]

        def bad(msg, stem=stem):
            problems.append(f"{stem}: {msg}")

        text = None
        path = article_dir / f"{stem}.txt"
        if path.exists():
            texts_found += 1
            url, body = split_front_matter(path.read_text(encoding="utf-8"))
            if body is None:
                bad("article file lacks the '---\\nurl: ...\\n---\\n' front matter")
            else:
                if url != entry["url"]:
                    bad(f"article url {url!r} differs from manifest")
                if hashlib.sha256(body.encode("utf-8")).hexdigest() != entry["sha256"]:
                    bad("sha256 of the text differs from manifest")
                text = body
        try:
            g = yaml.safe_load((HERE / "gold" / f"{stem}.yml").read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            bad(f"gold does not parse: {exc}")
            continue
        check_gold(stem, g, text, known_forums, known_issues, bad)
    extra_texts = (
        {p.stem for p in article_dir.glob("*.txt")} - set(ids) if article_dir.exists() else set()
    )
    for stem in sorted(extra_texts):
        problems.append(f"articles/{stem}.txt: not in manifest")
    for p in problems:
        print(p)
    topics = {e["topic"] for e in manifest if isinstance(e, dict)}
    publishers = {e["publisher"] for e in manifest if isinstance(e, dict)}
    print(
        f"{n} articles ({n - holdout} dev, {holdout} holdout), {len(topics)} topics, "
        f"{len(publishers)} publishers; {texts_found} texts present and checked; {len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
