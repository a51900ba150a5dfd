"""The built sites in a real browser: search, navigation, console, network, accessibility, safety.

Tests that take ``site`` run on the seeds' site and on the development corpus's; what they look
for there comes from ``site.probe`` (chosen from the site's records). Tests that take
``seeds_site`` check facts the seeds are known to hold.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips (or fails under CI) with the reason
    expect = None

# The browser first: without one the tests skip (or fail under CI) before building the site.
pytestmark = pytest.mark.usefixtures("browser")

HOME = "/"
ARTICLE_HREF = re.compile(r"^/articles/[^/]+/$")
PAGES = ["home", "person", "article", "graph"]


# --- helpers -------------------------------------------------------------------------------


def first_article_path(site) -> str:
    """The site path of the first article listed in /articles/ (the seeds may change)."""
    index = (site.root / "articles" / "index.html").read_text(encoding="utf-8")
    body = index[index.find("<article") :]
    for href in re.findall(r'href="([^"#]+)"', body):
        path = urlsplit(urljoin(site.url("/articles/"), href)).path
        if ARTICLE_HREF.match(path):
            return path
    pytest.fail("the articles index /articles/ links no article page")


def person_path(site) -> str:
    return f"/people/{site.probe.person}/"


def page_path(site, name: str) -> str:
    if name == "graph":
        return "/graph/"
    if name == "person":
        return person_path(site)
    return {"home": HOME, "article": first_article_path(site)}[name]


def goto(page, site, path: str):
    response = page.goto(site.url(path), wait_until="load")
    assert response is not None and response.ok, (
        f"{path}: HTTP {response.status if response else 'no response'}"
    )
    page.wait_for_load_state("networkidle")
    return response


#: Material's search worker has indexed the site (counted by conftest's ``SEARCH_TAP``): keys
#: typed before then can be lost.
SEARCH_READY = "() => window.__dossierSearch !== undefined && window.__dossierSearch.ready"
#: The worker has answered every query, the last of them being what the search box holds: the
#: result list is the one for the whole query, not for the keys typed so far.
SEARCH_ANSWERED = """() => {
  const tap = window.__dossierSearch;
  const box = document.querySelector(".md-search__input");
  return tap.queries > 0 && tap.results === tap.queries && box !== null && tap.last === box.value;
}"""


def type_search(page, query: str) -> None:
    """Wait for Material's search to be ready, open its box, type ``query`` key by key, and wait
    for the answer to the whole query with a first result in it."""
    box = page.locator(".md-search__input")
    page.wait_for_function(SEARCH_READY, timeout=30_000)
    box.click()
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)  # Material searches on key events, not on fill()
    page.wait_for_function(SEARCH_ANSWERED, timeout=15_000)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


def search(page, site, query: str) -> list[str]:
    """Type ``query`` into Material's search box; return the result links' paths, best first."""
    goto(page, site, HOME)
    type_search(page, query)  # results arrive per keystroke: this waits for the last key's
    items = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = items.evaluate_all("els => els.map(e => e.href)")
    return [
        urlsplit(h).path + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "")
        for h in hrefs
    ]


def assert_first_result(page, site, query: str, expected: str) -> None:
    results = search(page, site, query)
    assert results, f"search for {query!r} returned no results"
    first = results[0].split("#", 1)[0]
    assert first == expected, (
        f"search for {query!r}: first result is {results[0]}, expected {expected}; "
        f"results in order: {results[:8]}"
    )


# --- 1, 2: search ----------------------------------------------------------------------------


@pytest.mark.browser
def test_search_by_name(page, site):
    assert_first_result(page, site, site.probe.person_name, person_path(site))


def assert_on_page(site, text: str, path: str) -> None:
    """The query must be on the target page, or the search has nothing to find it by."""
    page_html = (site.root / path.strip("/") / "index.html").read_text(encoding="utf-8")
    article = page_html[page_html.find("<article") :]
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())
    assert text in shown, f"{path} does not show {text!r}, so a search cannot find it there"


@pytest.mark.browser
def test_search_by_alias(page, site):
    for alias, expected in site.probe.aliases:
        assert_on_page(site, alias, expected)
        assert_first_result(page, site, alias, expected)


@pytest.mark.browser
def test_seeds_search_finds_names_aliases_and_titles(page, seeds_site):
    for query, expected in [
        ("Wei Fenghe", "/people/wei-fenghe/"),
        ("Lloyd J. Austin II", "/people/lloyd-austin/"),
        ("ADMM-Plus", "/forums/admm-plus/"),
        ("PRC", "/countries/china/"),
        ("Pentagon Press Secretary", "/people/pat-ryder/"),
    ]:
        assert_on_page(seeds_site, query, expected)
        assert_first_result(page, seeds_site, query, expected)


# --- 3: navigation ---------------------------------------------------------------------------


@pytest.mark.browser
def test_round_trip_person_article_person(page, site):
    person = person_path(site)
    goto(page, site, person)
    mention = page.locator(
        "article.md-content__inner h2#mentions ~ h3 a[href*='articles/']:not(.headerlink)"
    ).first
    expect(mention).to_be_visible()
    mention.click()
    page.wait_for_load_state("load")
    landed = urlsplit(page.url).path
    assert ARTICLE_HREF.match(landed), f"the mention link led to {page.url}, not an article page"

    back = page.locator(f"article.md-content__inner a[href*='people/{site.probe.person}/']").first
    expect(back).to_be_visible()
    back.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == person, (
        f"the {site.probe.person_name} link on {landed} led to {page.url}, not {person}"
    )
    expect(page.locator("article.md-content__inner h1")).to_contain_text(site.probe.person_name)


# --- 4, 5: console and network ---------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_no_console_errors_and_no_external_requests(watched, site, name):
    """One visit checks both: each page is loaded and searched once per site, not twice."""
    path = page_path(site, name)
    goto(watched.page, site, path)
    # Open the search too: it starts the web worker and loads the index.
    type_search(watched.page, site.probe.person_name)
    watched.page.wait_for_load_state("networkidle")
    assert not watched.errors, f"{path}: errors in the browser console:\n" + "\n".join(
        watched.errors
    )
    assert any(u.endswith("search/search_index.json") for u in watched.requests), (
        f"{path}: the search index request was not recorded: {watched.requests}"
    )
    outside = [
        url
        for url in watched.requests
        if not url.startswith(("data:", "blob:"))
        and not (urlsplit(url).scheme == "http" and urlsplit(url).netloc == site.netloc)
    ]
    assert not outside, f"{path}: requests leaving {site.netloc}:\n" + "\n".join(outside)


# --- 6: accessibility ------------------------------------------------------------------------


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v.get('helpUrl', '')}]")
        for node in v["nodes"][:10]:
            target = ", ".join(str(t) for t in node.get("target", []))
            html = " ".join(node.get("html", "").split())[:200]
            lines.append(f"    at {target}: {html}")
            summary = " ".join((node.get("failureSummary") or "").split())
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more elements")
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_axe_no_serious_violations(page, site, name):
    from axe_playwright_python.sync_playwright import Axe

    path = page_path(site, name)
    goto(page, site, path)
    results = Axe().run(page)
    violations = results.response["violations"]
    bad = [v for v in violations if v.get("impact") in ("serious", "critical")]
    assert not bad, (
        f"{path}: axe-core found serious or critical violations:\n" + describe_violations(bad)
    )


# --- 7: screenshots --------------------------------------------------------------------------


#: Every page type, for the screenshots kept in test-artifacts/screenshots.
PAGE_TYPES = [
    *PAGES,
    "country",
    "forum",
    "issue",
    "organization",
    "event",
    "timeline",
    "review",
]
TYPE_FOLDERS = {
    "country": "countries",
    "forum": "forums",
    "issue": "issues",
    "organization": "organizations",
    "event": "events",
}


def any_page_path(site, name: str) -> str:
    """The site path of a page of type ``name``: the first one its section lists."""
    if name in ("timeline", "review"):
        return f"/{name}/"
    if name not in TYPE_FOLDERS:
        return page_path(site, name)
    folder = TYPE_FOLDERS[name]
    index = (site.root / folder / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"#]+)"', index[index.find("<article") :]):
        path = urlsplit(urljoin(site.url(f"/{folder}/"), href)).path
        if re.fullmatch(rf"/{folder}/(?!list/)[^/]+/", path):
            return path
    pytest.fail(f"the index /{folder}/ lists no {name} page")


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(browser, site, screenshots_dir: Path, width):
    """A full-page screenshot of every page type at a desktop and a phone width, for a person
    to look at; a graph is drawn before its page is taken."""
    phone = width < 600
    context = browser.new_context(
        viewport={"width": width, "height": 844 if phone else 900},
        has_touch=phone,
        is_mobile=phone,
        service_workers="block",
    )
    try:
        page = context.new_page()
        for name in PAGE_TYPES:
            path = any_page_path(site, name)
            goto(page, site, path)
            if page.locator(".dossier-graph-live").count():
                page.wait_for_selector(".dossier-graph-live[data-ready='true']", state="attached")
            target = screenshots_dir / f"{site.name}-{name}-{width}.png"
            target.unlink(missing_ok=True)
            page.screenshot(path=str(target), full_page=True)
            assert target.is_file() and target.stat().st_size > 0, f"no screenshot of {path}"
    finally:
        context.close()


# --- 8: timeline (the graphs: test_graph.py) -------------------------------------------------------------------


@pytest.mark.browser
def test_timeline_lists_events_newest_first(page, site):
    goto(page, site, "/timeline/")
    dates = page.locator("article li strong").all_inner_texts()
    dated = [d for d in dates if d[:1].isdigit()]
    assert len(dated) >= 3 and dated == sorted(dated, reverse=True)


@pytest.mark.browser
def test_pages_hold_their_parts(site):
    """What the issue asks of each page, on both sites: infobox, chips and sections of an entity
    page, the header of an article page, the parts of the home page."""

    def built(path: str) -> str:
        return (site.root / path.strip("/") / "index.html").read_text(encoding="utf-8")

    def has_row(page_html: str, label: str) -> bool:  # the first row is the table's header
        return re.search(rf"<t[dh]>{label}</t[dh]>", page_html) is not None

    person = built(person_path(site))
    for part in ("Type", "Articles", "First seen", "Last seen"):
        assert has_row(person, part), f"{person_path(site)}: no infobox row {part}"
    assert re.search(r'class="md-tag[^"]*"[^>]*>\s*person\s*<', person), "no 'person' chip"
    for section in ("mentions", "related"):
        assert f'id="{section}"' in person, f"{person_path(site)}: no {section} section"
    article = built(first_article_path(site))
    for part in ("Publisher", "Byline", "Published", "Source file", "Record"):
        assert has_row(article, part), f"{first_article_path(site)}: no header row {part}"
    home = built(HOME)
    for section in ("latest-articles", "most-mentioned", "recent-events"):
        assert f'id="{section}"' in home, f"the home page has no {section} section"


# --- 9: hostile content ----------------------------------------------------------------------


@pytest.mark.browser
def test_hostile_article_renders_inert(page, hostile_site, hostile_article):
    articles = sorted(p.parent.name for p in (hostile_site.root / "articles").glob("*/index.html"))
    assert len(articles) == 1, f"expected one article page in the hostile build, found {articles}"
    path = f"/articles/{articles[0]}/"
    goto(page, hostile_site, path)
    # let any injected handler run: an <img>'s onerror fires when it fails to load
    page.wait_for_function(
        "() => document.readyState === 'complete' && [...document.images].every(i => i.complete)"
    )

    pwned = page.evaluate("typeof window.__pwned === 'undefined' ? null : window.__pwned")
    assert pwned is None, f"{path}: injected script ran (window.__pwned = {pwned!r})"

    hrefs = page.eval_on_selector_all("[href]", "els => els.map(e => e.getAttribute('href'))")
    js = [h for h in hrefs if re.sub(r"[\s\x00-\x1f]", "", h).lower().startswith("javascript:")]
    assert not js, f"{path}: javascript: links in the page: {js}"
    assert page.locator("img[src='x']").count() == 0, (
        f"{path}: the injected <img> became an element"
    )
    assert page.locator("article script").count() == 0, f"{path}: a <script> element in the article"

    content = page.locator("article.md-content__inner")
    for literal in ("<script>window.__pwned=1</script>", "{{ 7*7 }}", "{% raw %}"):
        assert literal in hostile_article  # the fixture still carries the payload
        expect(content.get_by_text(literal, exact=False).first).to_be_visible()
    assert "<script>" in content.inner_text(), f"{path}: the literal text <script> is not shown"
