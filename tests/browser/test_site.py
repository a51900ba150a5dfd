"""The built site in a real browser: search, navigation, console, network, accessibility, safety."""

from __future__ import annotations

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

PERSON = "/people/lloyd-austin/"
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


def page_path(site, name: str) -> str:
    if name == "graph":
        return "/graph/"
    return {"home": HOME, "person": PERSON, "article": first_article_path(site)}[name]


def goto(page, site, path: str):
    response = page.goto(site.url(path), wait_until="load")
    assert response is not None and response.ok, (
        f"{path}: HTTP {response.status if response else 'no response'}"
    )
    page.wait_for_load_state("networkidle")
    return response


def type_search(page, query: str) -> None:
    """Open Material's search box, type ``query`` key by key, wait for a first result."""
    box = page.locator(".md-search__input")
    box.click()
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)  # Material searches on key events, not on fill()
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


def search(page, site, query: str) -> list[str]:
    """Type ``query`` into Material's search box; return the result links' paths, best first."""
    goto(page, site, HOME)
    type_search(page, query)
    items = page.locator(".md-search-result__item > .md-search-result__link")
    # Results arrive per keystroke from the web worker: wait until the list stops changing.
    previous: list[str] = []
    for _ in range(20):
        hrefs = items.evaluate_all("els => els.map(e => e.href)")
        if hrefs and hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(250)
    return [
        urlsplit(h).path + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "")
        for h in previous
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
    assert_first_result(page, site, "Wei Fenghe", "/people/wei-fenghe/")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Lloyd J. Austin II", "/people/lloyd-austin/"),
        ("ADMM-Plus", "/forums/admm-plus/"),
        ("PRC", "/countries/china/"),
        ("Pentagon Press Secretary", "/people/pat-ryder/"),
    ],
)
def test_search_by_alias(page, site, query, expected):
    # The alias must be on the target page, or the search has nothing to find.
    goto(page, site, expected)
    expect(page.locator("article.md-content__inner")).to_contain_text(query)
    assert_first_result(page, site, query, expected)


# --- 3: navigation ---------------------------------------------------------------------------


@pytest.mark.browser
def test_round_trip_person_article_person(page, site):
    person = "/people/tan-kefei/"
    goto(page, site, person)
    mention = page.locator(
        "article.md-content__inner h2#mentions ~ h3 a[href*='articles/']:not(.headerlink)"
    ).first
    expect(mention).to_be_visible()
    mention.click()
    page.wait_for_load_state("load")
    landed = urlsplit(page.url).path
    assert ARTICLE_HREF.match(landed), f"the mention link led to {page.url}, not an article page"

    back = page.locator("article.md-content__inner a[href*='people/tan-kefei/']").first
    expect(back).to_be_visible()
    back.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == person, (
        f"the Tan Kefei link on {landed} led to {page.url}, not {person}"
    )
    expect(page.locator("article.md-content__inner h1")).to_contain_text("Tan Kefei")


# --- 4, 5: console and network ---------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_no_console_errors(watched, site, name):
    path = page_path(site, name)
    goto(watched.page, site, path)
    # Open the search too: it starts the web worker and loads the index.
    type_search(watched.page, "China")
    assert not watched.errors, f"{path}: errors in the browser console:\n" + "\n".join(
        watched.errors
    )


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_no_external_requests(watched, site, name):
    path = page_path(site, name)
    goto(watched.page, site, path)
    type_search(watched.page, "China")
    watched.page.wait_for_load_state("networkidle")
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


@pytest.mark.browser
@pytest.mark.parametrize("name", ["home", "person", "article", "graph"])
def test_screenshots(page, site, screenshots_dir: Path, name):
    if name == "graph":
        if not site.exists("/graph/"):
            pytest.skip("the site has no /graph/ page")
        path = "/graph/"
    else:
        path = page_path(site, name)
    goto(page, site, path)
    target = screenshots_dir / f"{name}.png"
    target.unlink(missing_ok=True)
    page.screenshot(path=str(target), full_page=True)
    assert target.is_file() and target.stat().st_size > 0, f"no screenshot of {path} in {target}"


# --- 8: hostile content ----------------------------------------------------------------------


@pytest.mark.browser
def test_graph_renders_and_links_entities(page, site):
    goto(page, site, "/graph/")
    nodes = page.locator("svg.dossier-graph circle")
    edges = page.locator("svg.dossier-graph line")
    assert nodes.count() >= 5 and edges.count() >= 5
    assert page.locator("svg.dossier-graph").bounding_box()["height"] > 200
    link = page.locator('svg.dossier-graph a[href*="people/wei-fenghe"]')
    link.first.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == "/people/wei-fenghe/"
    # the person page shows its own neighbourhood
    assert page.locator("svg.dossier-graph circle").count() >= 2


@pytest.mark.browser
def test_timeline_lists_events_newest_first(page, site):
    goto(page, site, "/timeline/")
    dates = page.locator("article li strong").all_inner_texts()
    dated = [d for d in dates if d[:1].isdigit()]
    assert len(dated) >= 3 and dated == sorted(dated, reverse=True)


@pytest.mark.browser
def test_hostile_article_renders_inert(page, hostile_site, hostile_article):
    articles = sorted(p.parent.name for p in (hostile_site.root / "articles").glob("*/index.html"))
    assert len(articles) == 1, f"expected one article page in the hostile build, found {articles}"
    path = f"/articles/{articles[0]}/"
    goto(page, hostile_site, path)
    page.wait_for_timeout(300)  # let any injected handler run

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
