"""The README's "where each stage happens" table matches the generator's layout."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text("utf-8")
SECTION = README[README.index("### Where each stage happens") :]
SECTION = SECTION[: SECTION.index("\nTo add an article")]


def test_every_path_the_table_names_exists():
    named = re.findall(r"`(generator/[^`]+)`", SECTION)
    assert named
    for path in named:
        assert (REPO / path).exists(), path


def test_every_module_and_package_of_the_generator_is_in_the_table():
    generator = REPO / "generator"
    for path in sorted(generator.iterdir()):
        if path.name.startswith("__") or path.suffix not in (".py", ""):
            continue
        if path.is_dir() and not (path / "__init__.py").is_file():
            continue
        name = path.name
        assert name in SECTION or f"generator/{name}" in SECTION, path.name
    for package in ("extract", "aggregate", "render", "memo", "curated", "tools"):
        for module in sorted((generator / package).glob("*.py")):
            if module.name != "__init__.py":
                assert module.stem in SECTION, f"{package}/{module.name}"


def test_no_module_is_over_600_lines():
    for path in (REPO / "generator").rglob("*.py"):
        lines = path.read_text("utf-8").count("\n")
        assert lines <= 600, f"{path.relative_to(REPO)}: {lines} lines"
