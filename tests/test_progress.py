"""Progress of a build (``generator/progress.py``): stages and article counts, on stderr only."""

from __future__ import annotations

import io
import logging
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

from generator.build import STAGES, build
from generator.config import BuildConfig
from generator.progress import ProgressReporter
from tests.conftest import REPO, SEEDS, make_seeds


class Recorder:
    """A Progress that keeps every call."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def start(self, stage: str, total: int) -> None:
        self.calls.append(("start", stage, total))

    def update(self, done: int) -> None:
        self.calls.append(("update", done))

    def end(self) -> None:
        self.calls.append(("end",))


def lines_of(reporter_calls) -> list[str]:
    """The plain lines a non-terminal reporter logs for the given calls."""
    log = logging.getLogger("dossier.test-progress")
    handler = _Keep()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        reporter = ProgressReporter(log, stream=io.StringIO())  # not a terminal
        assert reporter.bar is False
        reporter_calls(reporter)
    finally:
        log.removeHandler(handler)
    return handler.lines


class _Keep(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def test_plain_lines_at_start_every_tenth_and_end():
    def run(reporter):
        reporter.start("extract", 100)
        for done in range(1, 101):
            reporter.update(done)
        reporter.end()

    lines = lines_of(run)
    assert [re.search(r"(\d+)/100 articles", line)[1] for line in lines] == [
        str(n) for n in range(0, 101, 10)
    ]
    assert lines[-1].startswith("dossier: extract 100/100 articles, done in ")


def test_a_bar_on_a_terminal_and_no_log_lines():
    stream = io.StringIO()
    log = logging.getLogger("dossier.test-progress-bar")
    handler = _Keep()
    log.addHandler(handler)
    threads = threading.active_count()
    try:
        reporter = ProgressReporter(log, stream=stream, bar=True)
        reporter.start("extract", 30)
        reporter.update(12)
        reporter.end()
    finally:
        log.removeHandler(handler)
    assert "extract" in stream.getvalue() and "30/30" in stream.getvalue()
    assert handler.lines == []
    # the bar leaves no thread behind: extraction could not fork its workers after it
    assert threading.active_count() == threads


def test_build_reports_each_stage_with_its_article_counts(tools):
    recorder = Recorder()
    result = build(BuildConfig(seeds=SEEDS), tools=tools, progress=recorder)
    n = len(result.corpus.articles)
    starts = [c for c in recorder.calls if c[0] == "start"]
    assert [c[1] for c in starts] == list(STAGES)
    assert all(total == n for _, stage, total in starts if stage not in ("registry", "ingest"))
    assert recorder.calls.count(("end",)) == len(STAGES)
    extract = recorder.calls[recorder.calls.index(("start", "extract", n)) :]
    extract = extract[: extract.index(("end",))]
    assert ("update", n) in extract


def test_cli_build_prints_progress_to_stderr_when_not_a_terminal(tmp_path: Path):
    texts = {
        f"{name}.txt": f"Defense Secretary Lloyd Austin met {name} officials in Cambodia on Tuesday."
        for name in ("Thai", "Cambodian", "Lao")
    }
    seeds = make_seeds(tmp_path, texts)
    out = tmp_path / "records"
    env = {**os.environ, "DOSSIER_CACHE": "off", "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "records", "--seeds", str(seeds), "--out", str(out)],
        capture_output=True,  # pipes: not a terminal
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    lines = [line for line in proc.stderr.splitlines() if line.startswith("dossier: ")]
    assert [f"dossier: extract {n}/3 articles" for n in range(3)] == [
        line for line in lines if line.startswith("dossier: extract") and "done" not in line
    ]
    assert any(re.fullmatch(r"dossier: extract 3/3 articles, done in [0-9.]+ s", x) for x in lines)
    started = [line.split()[1] for line in lines if "done" not in line]
    assert list(dict.fromkeys(started)) == list(STAGES[:-1])  # `records` renders no pages
    assert "dossier:" not in proc.stdout
    for path in out.rglob("*.yml"):
        assert "articles, done in" not in path.read_text("utf-8"), path
