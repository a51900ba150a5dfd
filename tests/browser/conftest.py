"""Browser fixtures: one site build, one local HTTP server and one Chromium per test session.

- ``DOSSIER_SITE_DIR``: serve an already built site instead of building one (faster local runs).
- ``CHROMIUM_PATH``: the Chromium binary (default ``/usr/bin/chromium``; never downloaded).
- ``CI``: when set (non-empty), a missing browser fails the run instead of skipping it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BUILD_TIMEOUT = 300  # seconds; the seeds build in well under a minute


def build_site(config_dir: Path, dest: Path) -> Path:
    """Run ``mkdocs build --strict`` on ``config_dir/mkdocs.yml`` into ``dest``; fail on error."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=config_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    if proc.returncode != 0 or not (dest / "index.html").is_file():
        pytest.fail(
            f"mkdocs build --strict in {config_dir} failed (exit {proc.returncode}):\n"
            f"{(proc.stdout + proc.stderr)[-6000:]}",
            pytrace=False,
        )
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a free port; yield the base URL (ending in "/")."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class Site:
    """A built site and the URL it is served at."""

    root: Path
    base_url: str

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    @property
    def netloc(self) -> str:
        return urlsplit(self.base_url).netloc

    def exists(self, path: str) -> bool:
        """Whether the page at a site path such as ``/graph/`` was built."""
        target = self.root / path.strip("/")
        return (target / "index.html").is_file() or (target.is_file() and path[-1:] != "/")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    reuse = os.environ.get("DOSSIER_SITE_DIR")
    if reuse:
        root = Path(reuse).resolve()
        if not (root / "index.html").is_file():
            pytest.fail(f"DOSSIER_SITE_DIR={reuse} holds no built site (no index.html)")
    else:
        root = build_site(REPO, tmp_path_factory.mktemp("site") / "site")
    with serve(root) as base_url:
        yield Site(root, base_url)


def _unavailable(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so a missing browser is an error)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole session (never downloaded by Playwright)."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the machine
        _unavailable(f"the Python package playwright is not installed: {exc}")
    executable = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM
    if not (Path(executable).is_file() and os.access(executable, os.X_OK)):
        _unavailable(f"no Chromium executable at {executable} (set CHROMIUM_PATH)")
    pw = sync_playwright().start()
    try:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
    except PlaywrightError as exc:
        pw.stop()
        _unavailable(f"Chromium at {executable} did not start: {exc}")
    try:
        yield chromium
    finally:
        chromium.close()
        pw.stop()


@dataclass
class Watched:
    """A page and what it did: console errors, uncaught exceptions and every request URL."""

    page: object
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser, site: Site) -> Iterator[Watched]:
    """A fresh browser context and page, with console errors and requests recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(15_000)
    page = context.new_page()
    w = Watched(page)

    def on_console(msg) -> None:
        if msg.type == "error":
            loc = msg.location or {}
            w.errors.append(
                f"console.error: {msg.text} ({loc.get('url', '?')}:{loc.get('lineNumber', '?')})"
            )

    page.on("console", on_console)
    page.on("pageerror", lambda exc: w.errors.append(f"uncaught exception: {exc}"))
    # On the context, so requests made by the search web worker are seen too.
    context.on("request", lambda request: w.requests.append(request.url))
    try:
        yield w
    finally:
        context.close()


@pytest.fixture
def page(watched: Watched):
    return watched.page


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


# Normal news sentences naming people and countries, with markup, a script, an event handler,
# a javascript: link and Jinja syntax in between: all of it must come out as inert text.
HOSTILE_ARTICLE = """\
---
title: Defense chiefs meet in Phnom Penh
publisher: Test Wire
published: 2022-11-22
---
U.S. Secretary of Defense Lloyd Austin met Chinese Defense Minister Wei Fenghe in Cambodia on \
Tuesday, officials in Washington and Beijing said.

The talks covered Taiwan and the South China Sea. <script>window.__pwned=1</script> Officials \
from Japan and the Philippines followed the meeting closely.

Austin said the United States wanted open lines of communication. \
<img src=x onerror="window.__pwned=2"> Wei said China would defend its interests.

A statement said readers could [click](javascript:alert(1)) for more, and that the budget was \
{{ 7*7 }} million dollars {% raw %} in total, according to officials in Tokyo.
"""


@pytest.fixture(scope="session")
def hostile_article() -> str:
    return HOSTILE_ARTICLE


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, hostile_article: str) -> Iterator[Site]:
    """A separate site built from one hostile article plus the curated registry."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    (root / "seeds" / "articles").mkdir(parents=True)
    shutil.copytree(REPO / "seeds" / "curated", root / "seeds" / "curated")
    (root / "seeds" / "articles" / "hostile.txt").write_text(hostile_article, encoding="utf-8")
    out = build_site(root, root / "site")
    with serve(out) as base_url:
        yield Site(out, base_url)
