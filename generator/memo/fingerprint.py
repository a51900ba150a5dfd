"""Code fingerprints: a hash of the source files a stage runs, derived from the imports.

A stage's fingerprint covers the modules it names and every module of this package they import,
directly or not, as found by reading their import statements. Moving code between modules, or
calling a new one, changes what is covered with no list to keep up to date.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "generator"
ROOT = Path(__file__).resolve().parents[1]  # the generator package folder


def code_fingerprint(*modules: str, root: Path = ROOT) -> str:
    """SHA-256 over the source of ``modules`` (dotted names, e.g. ``generator.extract``; a
    package means its ``__init__`` and every module in it) and all they import from the package,
    read from the files under ``root``."""
    digest = hashlib.sha256()
    for path in sorted(source_files(*modules, root=root)):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def source_files(*modules: str, root: Path = ROOT) -> set[Path]:
    """The files of ``modules`` and of everything they import from the package, transitively."""
    todo = [f for name in modules for f in _files_of(name, root, whole_package=True)]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in _imported(path, root):
            todo.extend(_files_of(name, root, whole_package=False))
    return seen


def _files_of(name: str, root: Path, whole_package: bool) -> list[Path]:
    """The file of module ``name``; for a package, its ``__init__`` (and with ``whole_package``
    every module under it). Empty for names outside the package or not a module (a function)."""
    if name != PACKAGE and not name.startswith(PACKAGE + "."):
        return []
    parts = name.split(".")[1:]
    base = root.joinpath(*parts)
    if base.is_dir():
        if whole_package:
            return sorted(base.rglob("*.py"))
        parents = [base / "__init__.py"]
    elif base.with_suffix(".py").is_file():
        return [base.with_suffix(".py")]
    else:
        return []
    return [p for p in parents if p.is_file()]


def _imported(path: Path, root: Path) -> list[str]:
    """Dotted names this file imports from the package: ``from generator.x import y`` gives
    ``generator.x`` and ``generator.x.y`` (``y`` may be a module); parent packages count, as
    Python runs their ``__init__`` first."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    here = path.relative_to(root).with_suffix("").parts
    found: list[str] = []
    for node in _statements(tree.body):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the file's own package upwards
                package = [PACKAGE, *here[: len(here) - node.level]]
                base = ".".join(package + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names]
    out: list[str] = []
    for name in found:
        parts = name.split(".")
        out += [".".join(parts[:i]) for i in range(2, len(parts) + 1)]
    return out


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, nested ones too (an import inside a function or an ``if``), without
    walking expressions: an import is always a statement, and expressions are most of a tree."""
    for node in body:
        yield node
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            inner = getattr(node, field, None)
            if isinstance(inner, list):
                yield from _statements(inner)
