"""The GitHub workflows: actions on majors that run on Node 24, and Pages deployed only after the
checks passed."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
#: The first major of each action that runs on Node 24 (GitHub's runners dropped Node 20 in
#: 2026); below it, the action runs on Node 20. upload-pages-artifact 4 still wraps the Node 20
#: upload-artifact.
FIRST_NODE24_MAJOR = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}


def load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))
    # YAML 1.1 reads the key `on` as True
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def steps_using(workflow: dict) -> list[str]:
    return [
        step["uses"]
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if "uses" in step
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in WORKFLOWS.glob("*.yml")))
def test_actions_are_on_node24_majors(name: str):
    used = steps_using(load(name))
    assert used
    for uses in used:
        action, _, version = uses.partition("@")
        assert action in FIRST_NODE24_MAJOR, f"{name}: {uses} is not a known action; add it"
        found = re.fullmatch(r"v(\d+)(?:\.\d+)*", version)
        assert found, f"{name}: {uses} is not pinned to a version"
        assert int(found[1]) >= FIRST_NODE24_MAJOR[action], f"{name}: {uses} runs on Node 20"


def test_pages_deploys_only_after_the_checks_passed_on_main():
    ci, pages = load("ci.yml"), load("pages.yml")
    assert "check" in ci["jobs"] and "push" in ci["on"]
    # Pages starts only when a CI run completes, on main, and nothing else starts it
    assert set(pages["on"]) == {"workflow_run"}
    trigger = pages["on"]["workflow_run"]
    assert trigger["workflows"] == [ci["name"]]
    assert trigger["types"] == ["completed"] and trigger["branches"] == ["main"]
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    condition = " ".join(build["if"].split())
    assert "github.event.workflow_run.conclusion == 'success'" in condition
    assert "github.event.workflow_run.event == 'push'" in condition
    assert deploy["needs"] == "build" and "if" not in deploy
    # it builds the commit CI checked, not whatever main is by then
    checkout = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"
    # the check runs the tests and the strict build
    commands = " ".join(s.get("run", "") for s in ci["jobs"]["check"]["steps"])
    assert "python -m pytest" in commands and "mkdocs build --strict" in commands
