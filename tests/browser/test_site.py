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

from tests.browser.conftest import CORPUS_ARTICLES, new_context

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


#: The search (Pagefind in Material's box, generator/assets/search/search.js) has drawn the
#: results for exactly what the box holds, under the type filter ``kind`` ("" for all): the
#: list is the answer to the whole query, not to the keys typed so far.
SEARCH_ANSWERED = """([kind]) => {
  const result = document.querySelector(".md-search-result");
  const box = document.querySelector(".md-search__input");
  return result !== null && box !== null && box.value.trim() !== ""
    && result.getAttribute("data-dossier-query") === box.value.trim()
    && result.getAttribute("data-dossier-filter") === kind;
}"""


def type_search(page, query: str) -> None:
    """Open the search box, type ``query`` key by key, and wait for the answer to the whole
    query with a first result in it."""
    box = page.locator(".md-search__input")
    box.click()
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)
    page.wait_for_function(SEARCH_ANSWERED, arg=[""], timeout=30_000)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


def result_paths(page) -> list[str]:
    items = page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = items.evaluate_all("els => els.map(e => e.href)")
    return [
        urlsplit(h).path + (f"#{urlsplit(h).fragment}" if urlsplit(h).fragment else "")
        for h in hrefs
    ]


def search(page, site, query: str) -> list[str]:
    """Type ``query`` into the search box; return the result links' paths, best first."""
    goto(page, site, HOME)
    type_search(page, query)
    return result_paths(page)


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


@pytest.mark.browser
def test_search_filters_by_type(page, seeds_site):
    """The type filters narrow the results: "Austin" finds the person and the events he was at;
    the "event" filter keeps only event pages, "all" brings the person back first."""
    results = search(page, seeds_site, "Austin")
    assert results[0] == "/people/lloyd-austin/"
    assert any(r.startswith("/events/") for r in results)
    page.locator('.dossier-search-filter[data-dossier-type="event"]').click()
    page.wait_for_function(SEARCH_ANSWERED, arg=["event"], timeout=15_000)
    events = result_paths(page)
    assert events and all(r.startswith("/events/") for r in events), events
    page.locator('.dossier-search-filter[data-dossier-type=""]').click()
    page.wait_for_function(SEARCH_ANSWERED, arg=[""], timeout=15_000)
    assert result_paths(page)[0] == "/people/lloyd-austin/"


@pytest.mark.browser
def test_search_results_show_a_reader_summary(page, seeds_site):
    """A person's result: the name, "type · main role · country", the alias it was found by;
    never the fact table or editor text; at most a few aliases drawn."""
    search(page, seeds_site, "Lloyd J. Austin II")
    first = page.locator(".md-search-result__item").first
    expect(first.locator("h1")).to_have_text("Lloyd Austin")
    expect(first.locator(".dossier-search-summary")).to_have_text(
        "person · Secretary of Defense · United States"
    )
    expect(first.locator(".dossier-search-aliases mark").first).to_have_text("Lloyd J. Austin II")
    assert first.locator(".dossier-search-aliases mark").count() <= 3
    shown = page.locator(".md-search-result").inner_text()
    for editor in ("curated registry", "not curated", "curated/people.yml", "YAML", "First seen"):
        assert editor not in shown, f"the results show {editor!r}:\n{shown}"


@pytest.mark.browser
def test_search_leaves_out_developer_pages(page, seeds_site):
    for query in ("ADMM", "ids", "scaling"):
        goto(page, seeds_site, HOME)
        box = page.locator(".md-search__input")
        box.click()
        box.press_sequentially(query, delay=20)
        page.wait_for_function(SEARCH_ANSWERED, arg=[""], timeout=30_000)
        found = result_paths(page)
        assert not [r for r in found if r.startswith(("/dev/", "/scaling/", "/reliability/"))], (
            f"{query!r} finds developer pages: {found}"
        )


@pytest.mark.browser
def test_search_keys_open_and_close(page, seeds_site):
    goto(page, seeds_site, "/about/")
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    assert page.locator("#__search").is_checked()
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()


@pytest.mark.browser
@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (390, "dark")])
def test_open_search_is_accessible(browser, seeds_site, screenshots_dir: Path, width, scheme):
    """The search dialog with results, on a desktop in the light scheme and on a phone in the
    dark one: axe-clean, and kept as a screenshot."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        goto(page, seeds_site, "/about/")
        if width < 960:  # on a phone the box opens from the header's magnifier
            page.locator('label.md-header__button[for="__search"]').click()
        type_search(page, "China")
        results = Axe().run(page, context=".md-search")
        bad = [
            v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")
        ]
        assert not bad, "the open search has violations:\n" + describe_violations(bad)
        page.screenshot(path=str(screenshots_dir / f"seeds-search-{width}-{scheme}.png"))
    finally:
        context.close()


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
    # Search too: it loads Pagefind, its web worker, index chunks and result fragments.
    type_search(watched.page, site.probe.person_name)
    watched.page.wait_for_load_state("networkidle")
    assert not watched.errors, f"{path}: errors in the browser console:\n" + "\n".join(
        watched.errors
    )
    assert any(urlsplit(u).path.endswith("/pagefind/pagefind.js") for u in watched.requests), (
        f"{path}: Pagefind was not loaded: {watched.requests}"
    )
    assert any("/pagefind/fragment/" in u for u in watched.requests), (
        f"{path}: no result fragment was fetched: {watched.requests}"
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


@pytest.mark.screenshots
@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(browser, site, screenshots_dir: Path, width):
    """A full-page screenshot of every page type at a desktop and a phone width, for a person
    to look at; a graph is drawn before its page is taken."""
    context = new_context(browser, width)
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


def test_the_corpus_site_builds_strict_with_every_article(site_factory):
    """The whole site from the 18 development articles instead of the seeds. The fixture builds
    it with ``mkdocs build --strict`` (a warning fails it); the browser checks then use it."""
    root = site_factory("corpus").root
    articles = [p for p in (root / "articles").iterdir() if p.is_dir()]
    assert len(articles) == len(list(CORPUS_ARTICLES.glob("*.txt"))) == 18
    assert (root / "people/volodymyr-zelenskyy/index.html").is_file()
    assert (root / "graph/index.html").is_file() and (root / "timeline/index.html").is_file()


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
        # a provenance label sits in a span that keeps it out of the search index
        cell = rf"<t[dh]>(?:<span data-pagefind-ignore>)?{label}(?:</span>)?</t[dh]>"
        return re.search(cell, page_html) is not None

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
