"""Browser fixtures: each site built once and served once per test session; Chromium per module.

Two sites are tested with the same checks: the seeds' (``seeds/``) and the development corpus's
(``tests/corpus/articles`` with the seeds' curated data). What a check looks for on a site (the
person, the alias) is read from the site's own records (:class:`Probe`), so it holds for any corpus.

- ``DOSSIER_SITE_DIR`` / ``DOSSIER_CORPUS_SITE_DIR``: serve an already built seeds / corpus site
  instead of building one (faster local runs).
- ``CHROMIUM_PATH``: the Chromium binary (default ``/usr/bin/chromium``; never downloaded).
- ``CI``: when set (non-empty), a missing browser fails the run instead of skipping it.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

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
#: The sites every check runs on, and the variable naming a prebuilt copy of each.
SITES = {"seeds": "DOSSIER_SITE_DIR", "corpus": "DOSSIER_CORPUS_SITE_DIR"}
CORPUS_ARTICLES = REPO / "tests" / "corpus" / "articles"


def build_site(config_dir: Path, dest: Path) -> Path:
    """Run ``mkdocs build --strict`` on ``config_dir/mkdocs.yml`` into ``dest``; fail on error.
    A project in a temporary folder shares the repository's extraction cache (its keys are the
    articles' bytes and the generator's source), so a second run does not extract again."""
    env = {
        "DOSSIER_CACHE_DIR": str(REPO / ".cache" / "dossier"),
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
    }
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


def make_project(root: Path, articles: Path | dict[str, str]) -> Path:
    """A project like the repository (mkdocs.yml, docs/, the curated data) with other articles:
    a folder of them, or ``{file name: text}``."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "seeds" / "curated", root / "seeds" / "curated")
    target = root / "seeds" / "articles"
    if isinstance(articles, Path):
        shutil.copytree(articles, target)
    else:
        target.mkdir(parents=True)
        for name, text in articles.items():
            (target / name).write_text(text, encoding="utf-8")
    return root


@dataclass(frozen=True)
class Probe:
    """What the checks look for on one site, chosen from its records, not from known names."""

    person: str  # id of the most-mentioned person
    person_name: str
    aliases: tuple[tuple[str, str], ...]  # (alias, site path of its entity), best first


def _records(root: Path) -> list[tuple[str, dict]]:
    """(folder, record) of every entity record the site offers for download."""
    out = []
    for path in sorted((root / "records").glob("*/*.yml")):
        if path.parent.name not in ("articles", "events"):
            out.append((path.parent.name, yaml.safe_load(path.read_text(encoding="utf-8"))))
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _distinct_aliases(entity: dict, others: list[dict]) -> list[str]:
    """Aliases a search can only mean this entity by: not just words of its name ("Putin"), not
    words of any other entity's name or alias, and free of search-syntax characters. Acronyms
    ("PRC", "DPRK") first, as the issue's examples are."""
    names = [n for o in others for n in (o["name"], *o["aliases"])]
    found = [
        alias
        for alias in entity["aliases"]
        if len(alias) >= 3
        and re.fullmatch(r"[\w .'’-]+", alias)
        and not _words(alias) <= _words(entity["name"])
        and not any(_words(alias) <= _words(name) for name in names)
    ]
    return sorted(found, key=lambda a: (not re.fullmatch(r"[A-Z]{3,6}", a), a.casefold()))


def choose_probe(root: Path) -> Probe:
    """The most-mentioned person, and one alias each of the most-mentioned person and other
    entity that have a distinct alias."""
    records = _records(root)
    if not any(folder == "people" for folder, _ in records):
        pytest.fail(f"the site in {root} has no person records to check")
    records.sort(key=lambda fr: (-len(fr[1]["mentions"]), -_count(fr[1]), fr[0], fr[1]["id"]))
    person = next(r for folder, r in records if folder == "people")
    aliases: list[tuple[str, str]] = []
    for want_person in (True, False):
        for folder, record in records:
            if (folder == "people") != want_person:
                continue
            others = [r for _, r in records if r is not record]
            found = _distinct_aliases(record, others)
            if found:
                aliases.append((found[0], f"/{folder}/{record['id']}/"))
                break
    if not aliases:
        pytest.fail(f"no entity of the site in {root} has an alias that only it carries")
    return Probe(person["id"], person["name"], tuple(aliases))


def _count(record: dict) -> int:
    return sum(m["count"] for m in record["mentions"])


@dataclass
class Site:
    """A built site and the URL it is served at."""

    name: str  # "seeds", "corpus" or "hostile"
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

    @cached_property
    def probe(self) -> Probe:
        return choose_probe(self.root)


def _site_root(name: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    reuse = os.environ.get(SITES[name])
    if reuse:
        root = Path(reuse).resolve()
        if not (root / "index.html").is_file():
            pytest.fail(f"{SITES[name]}={reuse} holds no built site (no index.html)")
        return root
    if name == "seeds":
        return build_site(REPO, tmp_path_factory.mktemp("site") / "site")
    project = make_project(tmp_path_factory.mktemp(name) / "project", CORPUS_ARTICLES)
    return build_site(project, project / "site")


@pytest.fixture(scope="session")
def site_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Site]]:
    """Build and serve a named site on first use; later uses get the same one."""
    built: dict[str, Site] = {}
    with contextlib.ExitStack() as servers:

        def get(name: str) -> Site:
            if name not in built:
                root = _site_root(name, tmp_path_factory)
                built[name] = Site(name, root, servers.enter_context(serve(root)))
            return built[name]

        yield get


@pytest.fixture(scope="session", params=list(SITES))
def site(request: pytest.FixtureRequest, site_factory: Callable[[str], Site]) -> Site:
    """Each site in turn: every test that takes ``site`` runs on the seeds' and the corpus's."""
    return site_factory(request.param)


@pytest.fixture(scope="session")
def seeds_site(site_factory: Callable[[str], Site]) -> Site:
    """The seeds' site alone, for checks of facts the seeds are known to hold."""
    return site_factory("seeds")


def _unavailable(message: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so a missing browser is an error)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium per test module (never downloaded by Playwright). Not per session:
    a running sync Playwright blocks any other in the process (the benchmark's, in
    tests/test_cache.py), so it stops when the browser tests are done."""
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
def watched(browser) -> Iterator[Watched]:
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
    # On the context, so requests made by Pagefind's web worker are seen too.
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
    root = make_project(tmp_path_factory.mktemp("hostile"), {"hostile.txt": hostile_article})
    out = build_site(root, root / "site")
    with serve(out) as base_url:
        yield Site("hostile", out, base_url)


def new_context(browser, width: int, **options):
    """A fresh browser context at ``width``: below 600 px a phone (touch, mobile viewport)."""
    phone = width < 600
    return browser.new_context(
        viewport={"width": width, "height": 844 if phone else 900},
        has_touch=phone,
        is_mobile=phone,
        service_workers="block",
        **options,
    )
