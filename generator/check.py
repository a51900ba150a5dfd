"""Check: validate everything a contributor edits under the seeds folder, without running NER."""

from __future__ import annotations

from pathlib import Path

from .config import DEFAULT_MAX_ARTICLE_BYTES
from .ingest import ingest
from .models import EntityType, Problem
from .registry import load_registry


def check(seeds: Path, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> list[Problem]:
    registry, problems = load_registry(seeds)
    _, article_problems = ingest(seeds, max_bytes)
    problems += article_problems
    problems += _references(registry)
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))


def _references(registry) -> list[Problem]:
    """Merges and curated fields must name entities that exist."""
    out: list[Problem] = []
    rel = registry.files.get("merges", "curated/merges.yml")
    lines = registry.lines.get("merges", [])
    for n, entry in enumerate(registry.merges, start=1):
        if registry.get(entry["into"]) is None:
            out.append(
                Problem(
                    rel,
                    lines[n - 1] if n - 1 < len(lines) else None,
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
