"""Check: validate everything a contributor edits under the seeds folder, without running NER.

Every problem is one ``file:line: message`` (see ``tests/unit/test_check.py`` for each message).
On top of what loading the registry and the articles already reports (YAML syntax, schema
violations, duplicate ids and aliases, unreadable articles, bad front matter), this checks what
spans files: the schema line at the top of each curated file, references between curated entries
(countries, forum members and parents, government bodies) and merges and suppressions that name
entities that do not exist or contradict the curated names.
"""

from __future__ import annotations

from pathlib import Path

from generator import names
from generator.config import DEFAULT_MAX_ARTICLE_BYTES
from generator.curated.registry import (
    CURATED_FILES,
    SCHEMA_LINE,
    CuratedEntity,
    Registry,
    load_registry,
)
from generator.data import EntityType, Problem
from generator.ingest import ingest


def check(seeds: Path, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> list[Problem]:
    registry, problems = load_registry(seeds)
    _, article_problems = ingest(seeds, max_bytes)
    problems += article_problems
    problems += cross_file_problems(seeds, registry)
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))


def load_checked(seeds: Path) -> tuple[Registry, list[Problem]]:
    """The curated data with every problem ``check`` finds in it: what a build reads."""
    registry, problems = load_registry(seeds)
    return registry, problems + cross_file_problems(seeds, registry)


def cross_file_problems(seeds: Path, registry: Registry) -> list[Problem]:
    """What loading one file at a time cannot see: schema lines, references between entries,
    merges and suppressions."""
    return [
        *_schema_lines(seeds),
        *_references(registry),
        *_merges(registry),
        *_suppressions(registry),
    ]


def _schema_lines(seeds: Path) -> list[Problem]:
    """Each curated file starts with the line that names its JSON Schema."""
    out = []
    for stem in CURATED_FILES:
        path = seeds / "curated" / f"{stem}.yml"
        if not path.is_file():
            continue
        with path.open("rb") as f:
            first = f.readline().decode("utf-8", "replace").rstrip("\r\n")
        expected = SCHEMA_LINE.format(stem=stem)
        if first != expected:
            out.append(
                Problem(
                    path.relative_to(seeds).as_posix(),
                    1,
                    f"the first line must be {expected!r}, which ties the file to its schema",
                )
            )
    return out


def _references(registry: Registry) -> list[Problem]:
    """Merges and curated fields must name entities that exist."""
    out: list[Problem] = []
    rel = registry.files.get("merges", "curated/merges.yml")
    for n, entry in enumerate(registry.merges, start=1):
        if registry.get(entry["into"]) is None:
            out.append(
                Problem(
                    rel,
                    _line(registry, "merges", n),
                    f"merge #{n}: 'into' names {entry['into']!r}, which is not "
                    "a curated entity (add it to the curated file of its type first)",
                )
            )
    for entity in registry.entities.values():
        country = entity.get("country")
        if country and registry.get(f"country:{country}") is None:
            out.append(
                Problem(
                    entity.file,
                    entity.line,
                    f"{entity.id}: country {country!r} is not in curated/countries.yml",
                )
            )
        for short_for in entity.get("stands_for", []) or []:
            if registry.get(f"country:{short_for}") is None:
                out.append(
                    Problem(
                        entity.file,
                        entity.line,
                        f"{entity.id}: stands_for {short_for!r} is not a known country",
                    )
                )
        if entity.type is EntityType.FORUM:
            for member in entity.get("members", []) or []:
                if registry.get(f"country:{member}") is None:
                    out.append(
                        Problem(
                            entity.file,
                            entity.line,
                            f"{entity.id}: member {member!r} is not a known country",
                        )
                    )
            parent = entity.get("parent")
            if parent and registry.get(f"forum:{parent}") is None:
                out.append(
                    Problem(
                        entity.file,
                        entity.line,
                        f"{entity.id}: parent {parent!r} is not in curated/forums.yml",
                    )
                )
        body = entity.get("body")
        if body and body not in {b["id"] for b in registry.bodies}:
            out.append(
                Problem(
                    entity.file,
                    entity.line,
                    f"{entity.id}: body {body!r} is not in curated/bodies.yml",
                )
            )
    return out


def _line(registry: Registry, stem: str, n: int) -> int | None:
    """Line of the n-th (1-based) entry of merges.yml or suppressions.yml."""
    lines = registry.lines.get(stem, [])
    return lines[n - 1] if 0 < n <= len(lines) else None


def _curated_names(registry: Registry) -> dict[str, list[CuratedEntity]]:
    """Folded name or alias -> the curated entities that claim it (the way merges and
    suppressions are matched against extracted names)."""
    owners: dict[str, list[CuratedEntity]] = {}
    for entity in sorted(registry.entities.values(), key=lambda e: (e.file, e.line)):
        for name in dict.fromkeys([entity.name, *entity.aliases]):
            claimed = owners.setdefault(names.fold(name), [])
            if entity not in claimed:
                claimed.append(entity)
    return owners


def _merges(registry: Registry) -> list[Problem]:
    """A merged name must not be a curated name of another entity, nor be merged twice, nor be
    suppressed (a suppression wins, so the merge would never apply)."""
    out: list[Problem] = []
    rel = registry.files.get("merges", "curated/merges.yml")
    owners = _curated_names(registry)
    suppressed = {
        names.fold(entry["name"]): n for n, entry in enumerate(registry.suppressions, start=1)
    }
    seen: dict[str, int] = {}
    for n, entry in enumerate(registry.merges, start=1):
        line = _line(registry, "merges", n)
        for name in entry["names"]:
            folded = names.fold(name)
            others = [e for e in owners.get(folded, []) if e.key != entry["into"]]
            if others:
                other = others[0]
                out.append(
                    Problem(
                        rel,
                        line,
                        f"merge #{n}: {name!r} is already a curated name of {other.key!r} "
                        f"({other.file}:{other.line}); merging it into {entry['into']!r} "
                        "would take it from that entity",
                    )
                )
            if folded in seen:
                out.append(
                    Problem(
                        rel,
                        line,
                        f"merge #{n}: {name!r} is already listed in merge #{seen[folded]}",
                    )
                )
            else:
                seen[folded] = n
            if folded in suppressed:
                m = suppressed[folded]
                out.append(
                    Problem(
                        rel,
                        line,
                        f"merge #{n}: {name!r} is also suppressed by suppression #{m} "
                        f"({registry.files.get('suppressions', 'curated/suppressions.yml')}:"
                        f"{_line(registry, 'suppressions', m)}), so the merge never applies",
                    )
                )
    return out


def _suppressions(registry: Registry) -> list[Problem]:
    """A suppression may name any extracted name (the schema checks its shape and ``type``), but
    not a name a curated entity claims (of that type, or of any type when ``type`` is left out),
    and not one suppressed already."""
    out: list[Problem] = []
    rel = registry.files.get("suppressions", "curated/suppressions.yml")
    owners = _curated_names(registry)
    seen: dict[tuple[str, str | None], int] = {}
    for n, entry in enumerate(registry.suppressions, start=1):
        line = _line(registry, "suppressions", n)
        name, kind = entry["name"], entry.get("type")
        folded = names.fold(name)
        claimed = [e for e in owners.get(folded, []) if kind is None or e.type.value == kind]
        if claimed:
            other = claimed[0]
            out.append(
                Problem(
                    rel,
                    line,
                    f"suppression #{n}: {name!r} is a curated name of {other.key!r} "
                    f"({other.file}:{other.line}); remove it from that entry instead of "
                    "suppressing it",
                )
            )
        if (folded, kind) in seen:
            out.append(
                Problem(rel, line, f"suppression #{n}: repeats suppression #{seen[folded, kind]}")
            )
        else:
            seen[folded, kind] = n
    return out
