"""Suggest: draft curated entries from a build, for a human to review.

``python -m generator suggest --seeds seeds --out FILE`` builds the seeds folder and writes one new
YAML file whose sections have the formats of the curated files (``people:``, ``organizations:``,
``suppressions:``, ``merges:`` ...), each entry with a comment saying why it is proposed:

* a new entity for every published, confident entity the registry does not know yet;
* a suppression for every low-confidence name the review page lists;
* a merge for probable duplicates: two people whose names share words, one name's words a subset
  of the other's ("Maria Santos" / "Maria Elena Santos"), merged into the curated one (or into
  the fuller name, which is then proposed as a new person).

The file is never one that exists already, and never inside the seeds folder: nothing under
``seeds/`` is touched. A contributor moves what is right into the curated files and runs
``python -m generator check``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import names, yamlio
from generator.curated.registry import ENTITY_FILES, Registry, load_registry
from generator.data import Entity, EntityType, ReviewItem
from generator.paths import FOLDERS

#: Published entities at least this confident are proposed for the registry.
HIGH_CONFIDENCE = 0.7
#: Government bodies that are armed forces ("organization:japan-army").
_MILITARY_BODIES = {"army", "navy", "air-force", "armed-forces", "coast-guard", "marines"}
#: Organization kind guessed from words of the name, first match wins; else "government".
_KIND_WORDS = (
    (
        "military",
        ("army", "navy", "air force", "armed forces", "military", "marine", "coast guard"),
    ),
    ("legislature", ("parliament", "congress", "senate", "house of", "assembly", "duma")),
    ("party", ("party",)),
    ("media", ("news", "times", "post", "press", "television", "radio", "broadcasting")),
    ("international", ("united nations", "international", "organization", "organisation")),
    ("ngo", ("foundation", "institute", "watch", "amnesty", "red cross")),
    ("company", ("inc", "ltd", "corporation", "company", "group")),
)


@dataclass
class Entry:
    """One proposed entry of a curated file, with the comment lines that explain it."""

    data: dict[str, Any]
    why: list[str]


@dataclass
class Suggestions:
    entities: dict[str, list[Entry]] = field(default_factory=dict)  # curated file stem -> entries
    suppressions: list[Entry] = field(default_factory=list)
    merges: list[Entry] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # comment lines only

    def __len__(self) -> int:
        return sum(map(len, self.entities.values())) + len(self.suppressions) + len(self.merges)


def run(seeds: Path, out: Path, model: str | None = None, tools=None) -> int:
    """Build ``seeds`` and write the suggestions to the new file ``out``; 0 on success."""
    from generator.build import build
    from generator.config import BuildConfig, model_name

    if out.exists() or out.is_symlink():
        print(f"error: {out} exists; suggest writes a new file only", file=sys.stderr)
        return 1
    if out.resolve().is_relative_to(seeds.resolve()):
        print(
            f"error: {out} is inside the seeds folder {seeds}; write it elsewhere", file=sys.stderr
        )
        return 1
    registry, _ = load_registry(seeds)
    result = build(BuildConfig(seeds=seeds, model=model_name(model)), tools=tools, with_pages=False)
    found = suggest(result.corpus.entities, result.corpus.review, registry)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("x", encoding="utf-8") as f:  # "x": never overwrite, even in a race
        f.write(render(found))
    print(f"wrote {len(found)} suggestion(s) to {out}; review them", file=sys.stderr)
    return 0


def suggest(entities: list[Entity], review: list[ReviewItem], registry: Registry) -> Suggestions:
    found = Suggestions()
    claimed = _claimed(registry)
    merges, merged_away, targets = _duplicates(entities, claimed)
    found.merges = merges
    stems = {kind: stem for stem, kind in ENTITY_FILES.items()}
    for entity in sorted(entities, key=lambda e: (FOLDERS[e.type], e.id)):
        if entity.curated or entity.key in merged_away:
            continue
        if entity.confidence < HIGH_CONFIDENCE and entity.key not in targets:
            continue
        entry = _entity_entry(entity, registry, claimed)
        found.entities.setdefault(stems[entity.type], []).append(entry)
    for entries in found.entities.values():
        _drop_shared_aliases(entries)
    seen: set[tuple[str, str]] = set()
    for item in sorted(review, key=lambda i: (i.name, i.type)):
        name, kind = item.name, item.type
        evidence = _quote((item.evidence or [""])[0])
        if item.kind != "low confidence":
            found.unresolved.append(
                f"{name} ({kind}, {item.kind}) in {', '.join(item.articles)}: {evidence}"
            )
            continue
        if kind not in {t.value for t in EntityType}:
            continue
        if (names.fold(name), kind) in seen or _claimed_by(claimed, name, kind):
            continue
        seen.add((names.fold(name), kind))
        found.suppressions.append(
            Entry(
                {"name": name, "type": kind, "reason": f"low confidence ({item.confidence})"},
                [f"in {', '.join(item.articles)}: {evidence}"],
            )
        )
    return found


def render(found: Suggestions) -> str:
    lines = [
        "# Suggested curated entries, drafted by `python -m generator suggest`. Nothing here is",
        "# read by the build. Review each entry (ids, names, kinds, roles; add a description),",
        "# move the right ones into the curated file named above their section, delete the rest,",
        "# then run `python -m generator check --seeds seeds`.",
    ]
    sections = [*found.entities.items(), ("suppressions", found.suppressions)]
    sections.append(("merges", found.merges))
    for stem, entries in sections:
        if not entries:
            continue
        lines += ["", f"# -> curated/{stem}.yml, under `{stem}:`", f"{stem}:"]
        for entry in entries:
            lines += [f"  # {why}" for why in entry.why]
            lines += ["  " + line for line in yamlio.dump([entry.data]).rstrip("\n").split("\n")]
    if found.unresolved:
        lines += ["", "# Names the build could not tie to one entity: add each as an alias of the"]
        lines += ["# entity it means (in its curated file), or merge it (curated/merges.yml)."]
        lines += [f"#   {line}" for line in found.unresolved]
    if not len(found) and not found.unresolved:
        lines += ["", "# Nothing to suggest."]
    return "\n".join(lines) + "\n"


# --- helpers ----------------------------------------------------------------------------------


def _claimed(registry: Registry) -> dict[str, set[tuple[str, str]]]:
    """Folded curated name or alias -> {(type, key)} of the curated entities that claim it."""
    out: dict[str, set[tuple[str, str]]] = {}
    for entity in registry.entities.values():
        for name in [entity.name, *entity.aliases]:
            out.setdefault(names.fold(name), set()).add((entity.type.value, entity.key))
    return out


def _claimed_by(claimed, name: str, kind: str | None, except_key: str | None = None) -> bool:
    return any(
        (kind is None or t == kind) and key != except_key
        for t, key in claimed.get(names.fold(name), ())
    )


def _quote(sentence: str, limit: int = 100) -> str:
    text = " ".join(sentence.split())
    return '"' + (text if len(text) <= limit else text[: limit - 3].rstrip() + "...") + '"'


def _why(entity: Entity) -> list[str]:
    count = len(entity.mentions)
    first = (
        entity.mentions[0].sentences[0] if entity.mentions and entity.mentions[0].sentences else ""
    )
    return [
        f"{count} article{'s' if count != 1 else ''}, confidence {entity.confidence}: {_quote(first)}"
    ]


def _entity_entry(entity: Entity, registry: Registry, claimed) -> Entry:
    kind = entity.type.value
    aliases = [a for a in entity.aliases if not _claimed_by(claimed, a, kind)]
    data: dict[str, Any] = {"id": entity.id, "name": entity.name}
    why = _why(entity)
    if entity.type is EntityType.ORGANIZATION:
        body = _body(entity, registry)
        data["kind"] = _org_kind(entity.name, body)
        why.append("kind guessed from the name: check it")
    if aliases:
        data["aliases"] = aliases
    if entity.country and registry.get(f"country:{entity.country}") is not None:
        data["country"] = entity.country
    if entity.type is EntityType.ORGANIZATION and body:
        data["body"] = body
    if entity.type is EntityType.PERSON:
        roles = list(dict.fromkeys(r.title for r in entity.roles if r.article))
        if roles:
            data["roles"] = [{"title": title} for title in roles]
            why.append("roles as the articles word them: give each its proper title and dates")
    return Entry(data, why)


def _drop_shared_aliases(entries: list[Entry]) -> None:
    """An alias two proposed entries share (or one's name) would fail `check`: leave it out."""
    count: dict[str, int] = {}
    for entry in entries:
        for folded in {names.fold(n) for n in [entry.data["name"], *entry.data.get("aliases", [])]}:
            count[folded] = count.get(folded, 0) + 1
    for entry in entries:
        kept = [a for a in entry.data.get("aliases", []) if count[names.fold(a)] == 1]
        if kept:
            entry.data["aliases"] = kept
        else:
            entry.data.pop("aliases", None)


def _body(entity: Entity, registry: Registry) -> str | None:
    """'japan-defense-ministry' with country 'japan' -> 'defense-ministry', if it is a body."""
    if not entity.country or not entity.id.startswith(entity.country + "-"):
        return None
    body = entity.id.removeprefix(entity.country + "-")
    return body if body in {b["id"] for b in registry.bodies} else None


def _org_kind(name: str, body: str | None) -> str:
    if body:
        return "military" if body in _MILITARY_BODIES else "government"
    words = " " + " ".join(re.findall(r"[a-z0-9]+", names.fold(name))) + " "
    for kind, cues in _KIND_WORDS:
        if any(f" {cue} " in words for cue in cues):
            return kind
    return "government"


def _duplicates(entities: list[Entity], claimed) -> tuple[list[Entry], set[str], set[str]]:
    """Probable duplicate people: the words of one name a proper subset of the other's.

    Returns the merges, the keys merged away and the keys merged into that are not curated yet
    (those are proposed as new people whatever their confidence).
    """
    people = [e for e in entities if e.type is EntityType.PERSON]
    words = {e.key: frozenset(names.parts(e.name)) for e in people}
    merges: list[Entry] = []
    away: set[str] = set()
    targets: set[str] = set()
    for small in sorted(people, key=lambda e: e.id):
        if len(words[small.key]) < 2:
            continue
        bigger = [e for e in people if e.key != small.key and words[small.key] < words[e.key]]
        if len(bigger) != 1:  # none, or ambiguous: leave it to a human
            continue
        big = bigger[0]
        if small.curated and big.curated:
            continue
        into, other = (small, big) if small.curated else (big, small)
        if other.key in away or into.key in away:
            continue
        merged = [
            n
            for n in dict.fromkeys([other.name, *other.aliases])
            if names.is_full(n) and not _claimed_by(claimed, n, None, except_key=into.key)
        ]
        if not merged:
            continue
        away.add(other.key)
        if not into.curated:
            targets.add(into.key)
        why = [
            f"{other.name!r} and {into.name!r} look like one person: the words of one name are "
            "a subset of the other's"
        ]
        if not into.curated:
            why.append(f"{into.name!r} is proposed under people: above; move both")
        merges.append(
            Entry(
                {
                    "into": f"person:{into.id}",
                    "names": merged,
                    "reason": f"the same person as {into.name}",
                },
                why,
            )
        )
    return merges, away, targets
