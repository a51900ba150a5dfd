"""Records are written atomically: a failure, an interruption or a kill midway keeps the
previous records (``docs/reliability.md``, part 5).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator.render.records import write
from tests.conftest import REPO


def test_records_write_failure_midway_keeps_previous_records(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    old = {f"people/p{n}.yml": f"id: p{n}\n" for n in range(5)}
    write(old, out)
    new = {f"people/q{n}.yml": f"id: q{n}\n" for n in range(10)}
    real = Path.write_text
    calls = {"n": 0}

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 4:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)
    with pytest.raises(OSError, match="No space left"):
        write(new, out)
    monkeypatch.setattr(Path, "write_text", real)
    assert _tree(out) == old
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left behind


def test_records_write_interrupted_keeps_previous_records(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    old = {"people/a.yml": "id: a\n"}
    write(old, out)
    real = Path.write_text

    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Path, "write_text", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write({"people/b.yml": "id: b\n"}, out)
    monkeypatch.setattr(Path, "write_text", real)
    assert _tree(out) == old


def test_records_swap_failure_restores_previous_records(tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    old = {"people/a.yml": "id: a\n"}
    write(old, out)
    real = Path.rename

    def rename(self, target):
        staging = self.name.startswith(".out.") and ".old-" not in self.name
        if Path(target) == out.resolve() and staging:
            raise OSError(5, "Input/output error")  # the staging folder cannot be swapped in
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="Input/output"):
        write({"people/b.yml": "id: b\n"}, out)
    monkeypatch.setattr(Path, "rename", real)
    assert _tree(out) == old
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_records_write_killed_midway_keeps_previous_records(tmp_path: Path):
    out = tmp_path / "out"
    old = {f"people/p{n}.yml": f"id: p{n}\n" for n in range(3)}
    write(old, out)
    ready = tmp_path / "ready"
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from generator.render.records import write
        real = Path.write_text
        count = 0
        def slow(self, *args, **kwargs):
            global count
            count += 1
            if count == 5:
                Path({str(ready)!r}).write_bytes(b"")
                time.sleep(60)
            return real(self, *args, **kwargs)
        Path.write_text = slow
        write({{f"people/q{{n}}.yml": "id: q\\n" for n in range(20)}}, Path({str(out)!r}))
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert proc.poll() is None, "the writer exited before it was killed"
            assert time.monotonic() < deadline, "the writer never got halfway"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert _tree(out) == old  # the half-written records are in a hidden staging folder


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8") for p in root.rglob("*") if p.is_file()
    }
