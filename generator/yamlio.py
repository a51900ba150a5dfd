"""YAML in and out, with PyYAML's C implementation when it is built."""

from __future__ import annotations

from typing import Any

import yaml

try:
    Loader: type = yaml.CSafeLoader
    Dumper: type = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    Loader = yaml.SafeLoader
    Dumper = yaml.SafeDumper


def load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)


def dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def structure_problem(block: str, first_line: int = 1) -> tuple[int, str] | None:
    """``(0-based line, message)`` for YAML that curated files and front matter refuse, else
    ``None``; raises ``yaml.YAMLError`` on a syntax error. ``first_line`` is the file's line number
    of the block's first line, for messages.

    Anchors and aliases (``&a``, ``*a``, ``<<: *a``) are refused before anything is loaded, so an
    alias bomb is never expanded; this pass costs time linear in the block. A key given twice is
    refused too: YAML would keep the last one silently.
    """
    for event in yaml.parse(block, Loader=Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            return event.start_mark.line, "YAML anchors and aliases (& and *) are not allowed"
    root = yaml.compose(block, Loader=Loader)
    if isinstance(root, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, _ in root.value:
            name, line = str(key.value), key.start_mark.line
            if name in seen:
                first, again = seen[name] + first_line, line + first_line
                return line, f"key {name!r} is given twice (lines {first} and {again})"
            seen[name] = line
    return None
