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
    of the block's first line, for messages."""
    return compose_checked(block, first_line)[1]


def compose_checked(
    block: str, first_line: int = 1
) -> tuple[yaml.Node | None, tuple[int, str] | None]:
    """The block's node tree (with line marks) and the problem that refuses it, if any; raises
    ``yaml.YAMLError`` on a syntax error. ``construct`` turns the tree into data, so a file is
    parsed once for its data, its checks and the line numbers of its messages.

    Anchors and aliases (``&a``, ``*a``, ``<<: *a``) are refused before anything is composed, so an
    alias bomb is never expanded; this pass costs time linear in the block, and is skipped when the
    block holds neither character. A key given twice is refused too: YAML would keep the last one
    silently.
    """
    if "&" in block or "*" in block:
        for event in yaml.parse(block, Loader=Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                return None, (
                    event.start_mark.line,
                    "YAML anchors and aliases (& and *) are not allowed",
                )
    root = yaml.compose(block, Loader=Loader)
    if isinstance(root, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, _ in root.value:
            name, line = str(key.value), key.start_mark.line
            if name in seen:
                first, again = seen[name] + first_line, line + first_line
                return root, (line, f"key {name!r} is given twice (lines {first} and {again})")
            seen[name] = line
    return root, None


def construct(root: yaml.Node | None) -> Any:
    """The data of a node tree from ``compose_checked`` (``None`` for an empty block)."""
    if root is None:
        return None
    return Loader("").construct_document(root)
