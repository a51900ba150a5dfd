"""The site's Reliability page (``docs/reliability.md``) and the robustness tests stay in
step: every case names an existing test, and every ``test_robustness_*.py`` test is listed.
"""

from __future__ import annotations

import re

import yaml

from tests.conftest import REPO


def test_reliability_page_names_existing_tests():
    page = (REPO / "docs" / "reliability.md").read_text("utf-8")
    bullets: list[str] = []
    for line in page.splitlines():
        if re.match(r"^[-*] ", line):
            bullets.append(line)
        elif bullets and line.startswith("  ") and line.strip():
            bullets[-1] += " " + line.strip()  # a wrapped bullet
    assert len(bullets) >= 30
    defined = set()
    for source in (REPO / "tests").rglob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)\(", source.read_text("utf-8"), re.M))
    named = []
    for bullet in bullets:
        match = re.search(r"`(test_\w+)`\.?\s*$", bullet)
        assert match, f"the bullet does not end with a test name: {bullet}"
        named.append(match.group(1))
    missing = sorted(set(named) - defined)
    assert not missing, f"docs/reliability.md names tests that do not exist: {missing}"
    robustness = sorted((REPO / "tests").rglob("test_robustness_*.py"))
    assert len(robustness) >= 9, robustness  # the robustness tests, one file per stage and part
    here = set()
    for source in robustness:
        here |= set(re.findall(r"^def (test_\w+)\(", source.read_text("utf-8"), re.M))
    unlisted = sorted(here - set(named))
    assert not unlisted, f"tests not on docs/reliability.md: {unlisted}"
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=_IgnoreTags)
    nav = [next(iter(item)) for item in config["nav"]]
    assert nav.index("Reliability") == nav.index("About") + 1
    assert config["nav"][nav.index("Reliability")]["Reliability"] == "reliability.md"


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name or !ENV tags; they do not matter here."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
