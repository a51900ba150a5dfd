"""The curated registry: everything a human writes under ``seeds/curated/``, loaded and validated.

Each file is checked against its JSON Schema in ``generator/curated/schemas/``; a problem is reported as
``file:line: message`` and the file's broken entries are left out, never a traceback.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from generator import yamlio
from generator.data import EntityType, Problem

#: Curated files, in the order they are read. Each has a schema ``schemas/<stem>.schema.json``.
CURATED_FILES = (
    "countries",
    "forums",
    "organizations",
    "bodies",
    "people",
    "issues",
    "titles",
    "name_types",
    "boilerplate",
    "merges",
    "suppressions",
)
#: The first line of every curated file: it ties the file to its schema in editors that speak the
#: YAML language server (VS Code, Neovim, ...), so mistakes show while typing.
SCHEMA_LINE = "# yaml-language-server: $schema=../../generator/curated/schemas/{stem}.schema.json"
#: The list key at the top of each entity file.
ENTITY_FILES = {
    "countries": EntityType.COUNTRY,
    "forums": EntityType.FORUM,
    "organizations": EntityType.ORGANIZATION,
    "people": EntityType.PERSON,
    "issues": EntityType.ISSUE,
}


@dataclass
class CuratedEntity:
    """One entry of an entity file (countries, forums, organizations, people, issues)."""

    id: str
    type: EntityType
    name: str
    aliases: list[str]
    file: str  # path relative to the seeds folder
    line: int
    data: dict[str, Any]  # the whole entry as written

    @property
    def key(self) -> str:
        return f"{self.type.value}:{self.id}"

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)


@dataclass
class Registry:
    """All curated knowledge, indexed for the extract and link stages."""

    entities: dict[str, CuratedEntity] = field(default_factory=dict)  # key -> entity
    bodies: list[dict[str, Any]] = field(default_factory=list)
    titles: dict[str, list[str]] = field(default_factory=dict)
    title_equivalents: dict[str, str] = field(default_factory=dict)  # variant -> canonical
    boilerplate: dict[str, list[str]] = field(default_factory=dict)
    #: words and patterns that show a name is no person (``name_types.yml``), by group
    name_types: dict[str, list[str]] = field(default_factory=dict)
    merges: list[dict[str, Any]] = field(default_factory=list)
    suppressions: list[dict[str, Any]] = field(default_factory=list)
    lines: dict[str, list[int]] = field(default_factory=dict)  # list file stem -> entry lines
    files: dict[str, str] = field(default_factory=dict)  # stem -> path relative to seeds
    digest: str = ""  # hash of every curated file's bytes, for caches

    def of_type(self, kind: EntityType) -> list[CuratedEntity]:
        return [e for e in self.entities.values() if e.type is kind]

    def file_for(self, kind: EntityType | str) -> str:
        """The curated file (relative to the seeds folder) where an entity of this type is, or
        would be, written: ``curated/people.yml`` for a person."""
        kind = EntityType(kind)
        stem = next(s for s, k in ENTITY_FILES.items() if k is kind)
        return self.files.get(stem, f"curated/{stem}.yml")

    def get(self, key: str) -> CuratedEntity | None:
        return self.entities.get(key)

    @cached_property
    def title_words(self) -> list[str]:
        words = {w for group in self.titles.values() for w in group}
        return sorted(words, key=lambda w: (-len(w), w))


def schema(stem: str) -> dict[str, Any]:
    text = (
        resources.files("generator.curated")
        .joinpath(f"schemas/{stem}.schema.json")
        .read_text("utf-8")
    )
    return json.loads(text)


def curated_key(seeds: Path) -> str:
    """A hash of everything ``load_registry`` reads: the curated folder's file names and the
    bytes of its files. Cheap (no parsing), so a rebuild can tell the curated data is unchanged.
    The folder's own path is left out: what is loaded, problems included, names files relative
    to the seeds folder, so two copies of the same data load the same."""
    import hashlib

    digest = hashlib.sha256()
    curated = seeds / "curated"
    for path in sorted(curated.iterdir()) if curated.is_dir() else ():
        digest.update(path.name.encode() + b"\0")
        if path.name in {f"{stem}.yml" for stem in CURATED_FILES} and path.is_file():
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_registry(seeds: Path) -> tuple[Registry, list[Problem]]:
    """Load and validate every curated file; report problems and keep what is valid."""
    import hashlib

    registry = Registry()
    problems: list[Problem] = []
    curated = seeds / "curated"
    digest = hashlib.sha256()
    if curated.is_dir():
        known = {f"{stem}.yml" for stem in CURATED_FILES}
        for path in sorted(curated.iterdir()):
            if path.suffix in (".yml", ".yaml") and path.name not in known:
                rel = path.relative_to(seeds).as_posix()
                problems.append(
                    Problem(
                        rel,
                        None,
                        "unknown curated file (expected one of: " + ", ".join(sorted(known)) + ")",
                    )
                )
    for stem in CURATED_FILES:
        path = curated / f"{stem}.yml"
        if not path.is_file():
            continue
        rel = path.relative_to(seeds).as_posix()
        registry.files[stem] = rel
        raw = path.read_bytes()
        digest.update(stem.encode() + b"\0" + raw + b"\0")
        data, root, file_problems = _load_curated(raw, rel, stem)
        problems.extend(file_problems)
        if data is None:
            continue
        _index(registry, stem, rel, data, root, problems)
    registry.digest = digest.hexdigest()
    problems.extend(_cross_checks(registry))
    return registry, problems


def load_curated_file(raw: bytes, rel: str, stem: str) -> tuple[Any, list[Problem]]:
    """Parse one curated file and validate it against its schema."""
    data, _, problems = _load_curated(raw, rel, stem)
    return data, problems


def _load_curated(raw: bytes, rel: str, stem: str) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """The file's valid data, its node tree (for line numbers) and its problems."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, None, [Problem(rel, raw[: exc.start].count(b"\n") + 1, "not UTF-8")]
    try:
        root, refused = yamlio.compose_checked(text)
        if refused is not None:  # an alias bomb is refused before it is expanded
            return None, None, [Problem(rel, refused[0] + 1, refused[1])]
        data = yamlio.construct(root)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context_mark", None)
        last = len(text.rstrip("\n").split("\n"))
        line = mark.line + 1 if mark else None
        if line and line > last and context is not None:
            line = context.line + 1  # ran off the end: point at what was left open
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, None, [Problem(rel, line, f"YAML syntax error: {what}")]
    if data is None:
        return None, None, []
    data = _dates_as_text(data)
    validator = jsonschema.Draft202012Validator(schema(stem))
    problems = []
    lines = _line_finder(root)
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path))):
        path = list(error.path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            path += extra[:1]  # point at the unknown key itself
        problems.append(Problem(rel, lines(path), _schema_message(error)))
    if problems:
        # Keep the valid entries of a list file, drop the broken ones.
        bad = {e.path[1] for e in validator.iter_errors(data) if len(e.path) >= 2}
        top = all(len(e.path) >= 2 for e in validator.iter_errors(data))
        if not top or not isinstance(data, dict):
            return None, None, problems
        data = {
            k: [x for i, x in enumerate(v) if i not in bad] if isinstance(v, list) else v
            for k, v in data.items()
        }
    return data, root, problems


def _dates_as_text(value: Any) -> Any:
    """YAML reads 2021-01-22 as a date; the schemas (and records) want the ISO text."""
    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return value


def _schema_message(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.path) or "top level"
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"{where}: unknown key {', '.join(map(repr, extra))} (allowed: {allowed})"
    if error.validator == "type":
        return f"{where}: expected {error.validator_value}, got {type(error.instance).__name__}"
    if error.validator == "required":
        return f"{where}: {error.message}"
    return f"{where}: {error.message}"


def _line_finder(root: yaml.Node | None):
    """Map a JSON path into the YAML text to a line number, using PyYAML's node marks."""

    def find(path: list[Any]) -> int | None:
        node = root
        line = node.start_mark.line + 1 if node is not None else None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == part:
                        line, node = key.start_mark.line + 1, value
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    return line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    return find


def _entry_lines(root: yaml.Node | None, list_key: str) -> list[int]:
    """Line of each ``- `` item under the top-level list ``list_key``."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if key.value == list_key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _index(
    registry: Registry,
    stem: str,
    rel: str,
    data: dict,
    root: yaml.Node | None,
    problems: list[Problem],
) -> None:
    if stem in ENTITY_FILES:
        kind = ENTITY_FILES[stem]
        lines = _entry_lines(root, stem)
        for n, entry in enumerate(data.get(stem, []) or []):
            line = lines[n] if n < len(lines) else 1
            entity = CuratedEntity(
                id=entry["id"],
                type=kind,
                name=entry["name"],
                aliases=list(entry.get("aliases", []) or []),
                file=rel,
                line=line,
                data=entry,
            )
            if entity.key in registry.entities:
                first = registry.entities[entity.key]
                problems.append(
                    Problem(
                        rel, line, f"id {entity.id!r} is already used at {first.file}:{first.line}"
                    )
                )
                continue
            registry.entities[entity.key] = entity
    elif stem == "bodies":
        registry.bodies = list(data.get("bodies", []) or [])
    elif stem == "titles":
        # "equivalents" maps a variant to its canonical spelling; the other groups are word lists
        registry.title_equivalents = dict(data.get("equivalents") or {})
        registry.titles = {k: list(v or []) for k, v in data.items() if k != "equivalents"}
    elif stem == "name_types":
        registry.name_types = {k: list(v or []) for k, v in data.items()}
    elif stem == "boilerplate":
        registry.boilerplate = {k: list(v or []) for k, v in data.items()}
        for group, patterns in registry.boilerplate.items():
            if group == "appeal_words":
                continue
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    problems.append(
                        Problem(rel, None, f"{group}: bad regular expression {pattern!r}: {exc}")
                    )
        registry.boilerplate = {
            k: [p for p in v if k == "appeal_words" or _compiles(p)]
            for k, v in registry.boilerplate.items()
        }
    elif stem == "merges":
        registry.merges = list(data.get("merges", []) or [])
        registry.lines[stem] = _entry_lines(root, stem)
    elif stem == "suppressions":
        registry.suppressions = list(data.get("suppressions", []) or [])
        registry.lines[stem] = _entry_lines(root, stem)


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _cross_checks(registry: Registry) -> list[Problem]:
    """Problems that span entries: an alias claimed by two entities of one type."""
    problems: list[Problem] = []
    for kind in EntityType:
        owner: dict[str, CuratedEntity] = {}
        for entity in sorted(registry.of_type(kind), key=lambda e: (e.file, e.line)):
            names = [entity.name, *entity.aliases]
            for name in dict.fromkeys(names):
                folded = name.casefold() if kind is not EntityType.PERSON else name
                other = owner.get(folded)
                if other is not None and other.id != entity.id:
                    problems.append(
                        Problem(
                            entity.file,
                            entity.line,
                            f"alias {name!r} of {entity.id!r} is also claimed by {other.id!r} "
                            f"({other.file}:{other.line})",
                        )
                    )
                else:
                    owner[folded] = entity
    return problems
