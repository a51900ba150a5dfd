"""Progress of a build: which stage runs, and how many articles of how many it has done.

``build()`` reports to a ``Progress`` its caller owns (nothing here is module state). The CLI and
the MkDocs plugin pass a ``ProgressReporter``: a bar per stage on a terminal, and on anything
else (a CI log, a pipe) a few plain lines through logging: each stage's start and end, and every
tenth of the articles in a stage that reports them one by one (extraction, the long one).
Progress goes to stderr or the log, never into records or pages.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Protocol, TextIO

from tqdm import tqdm

#: Lines between a stage's start and end: one per tenth of its articles.
STEPS = 10


class _Bar(tqdm):
    #: no monitor thread: extraction forks its workers only from a single-threaded process
    #: (``generator.extract.workers.forking_available``)
    monitor_interval = 0


class Progress(Protocol):
    def start(self, stage: str, total: int) -> None:
        """A stage starts; ``total``: the articles it goes through (0: it does not count them)."""

    def update(self, done: int) -> None:
        """``done`` articles of the current stage are done."""

    def end(self) -> None:
        """The current stage is over."""


class NoProgress:
    """Reports nothing (the default of ``build``)."""

    def start(self, stage: str, total: int) -> None:
        pass

    def update(self, done: int) -> None:
        pass

    def end(self) -> None:
        pass


class ProgressReporter:
    """A bar per stage (tqdm) when ``stream`` is a terminal, else plain lines on ``log``."""

    def __init__(
        self, log: logging.Logger, stream: TextIO | None = None, bar: bool | None = None
    ) -> None:
        self.log = log
        self.stream = stream if stream is not None else sys.stderr
        self.bar = _is_terminal(self.stream) if bar is None else bar
        self._stage = ""
        self._total = 0
        self._done = 0
        self._next_line = 0  # articles done at which the next plain line is due
        self._started = 0.0
        self._tqdm: _Bar | None = None

    def start(self, stage: str, total: int) -> None:
        self.end()
        self._stage, self._total, self._done = stage, total, 0
        self._started = time.perf_counter()
        if self.bar:
            self._tqdm = _Bar(
                total=total or None,
                desc=stage,
                unit=" articles",
                # a stage that does not count articles shows its time only
                bar_format=None if total else "{desc}: {elapsed}",
                file=self.stream,
                leave=True,
                dynamic_ncols=True,
            )
            return
        self._next_line = self._step()
        self.log.info("dossier: %s%s", stage, self._count(0))

    def update(self, done: int) -> None:
        if not self._stage or done <= self._done:
            return
        if self._tqdm is not None:
            self._tqdm.update(done - self._done)
        elif done >= self._next_line and done < self._total:
            self.log.info("dossier: %s%s", self._stage, self._count(done))
            while self._next_line <= done:
                self._next_line += self._step()
        self._done = done

    def end(self) -> None:
        if not self._stage:
            return
        if self._tqdm is not None:
            if self._total:
                self._tqdm.update(self._total - self._done)
            self._tqdm.close()
            self._tqdm = None
        else:
            seconds = time.perf_counter() - self._started
            self.log.info("dossier: %s%s, done in %.1f s", self._stage, self._count(), seconds)
        self._stage = ""

    def _step(self) -> int:
        return max(1, -(-self._total // STEPS))  # a tenth, rounded up

    def _count(self, done: int | None = None) -> str:
        if not self._total:
            return ""
        return f" {self._total if done is None else done}/{self._total} articles"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
