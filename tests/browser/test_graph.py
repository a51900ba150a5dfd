"""The interactive relationship graphs in a real browser, on the graph page and a person page, at
desktop (1280 px) and phone (390 px) widths: drawn with nodes and edges, labels legible at every
zoom, a node click opens its page, an edge shows its sentences, filters, the dark palette, taps,
and the static drawing when scripts do not run or the data does not load. Each check reads the
Cytoscape.js instance the script exposes on its container (``box.cy``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser.conftest import new_context

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips (or fails under CI) with the reason
    expect = None

pytestmark = pytest.mark.usefixtures("browser")

WIDTHS = {"desktop": 1280, "phone": 390}
READY = ".dossier-graph-live[data-ready='true']"
#: The smallest label on screen, in CSS pixels.
MIN_LABEL_PX = 11
BOX = "document.querySelector('.dossier-graph-live')"
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"
#: Labels shown (not culled for lack of room) and their size on screen, in pixels.
LABEL_SIZES = f"""() => {{
  const cy = {BOX}.cy;
  return cy.nodes(':visible').filter(n => !n.hasClass('dg-quiet'))
    .map(n => parseFloat(n.style('font-size')) * cy.zoom());
}}"""
#: The element of a group ("node" or "edge") farthest from every other node and edge midpoint,
#: with its page coordinates: pointing there cannot hit another.
LONELIEST = f"""(group) => {{
  const box = {BOX}, cy = box.cy;
  const rect = box.querySelector('.dg-canvas').getBoundingClientRect();
  const spot = (e) => e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
  const others = cy.elements(':visible');
  let best = null, far = -1;
  cy.elements(group + ':visible').forEach((e) => {{
    const p = spot(e);
    if (p.x < 20 || p.y < 20 || p.x > cy.width() - 20 || p.y > cy.height() - 20) return;
    const hit = document.elementFromPoint(rect.left + p.x, rect.top + p.y);
    if (!hit || !box.querySelector('.dg-canvas').contains(hit)) return;  // off screen, covered
    let d = Infinity;
    others.forEach((o) => {{
      if (o === e) return;
      const q = spot(o);
      d = Math.min(d, Math.hypot(p.x - q.x, p.y - q.y));
    }});
    if (d > far) {{ far = d; best = e; }}
  }});
  const p = spot(best);
  return {{
    x: rect.left + p.x, y: rect.top + p.y, id: best.id(), url: best.data('url') || null,
    name: best.data('name') || null,
    sentence: best.isEdge() ? best.data('evidence')[0].sentence : null,
    article: best.isEdge() ? best.data('evidence')[0].article : null,
  }};
}}"""


def graph_person(site) -> str:
    """The most-mentioned person when a sentence states one of their relationships, else the first
    person with a neighbourhood file."""
    data = site.root / "assets" / "graph" / "data" / "people"
    if (data / f"{site.probe.person}.json").is_file():
        return site.probe.person
    found = sorted(p.stem for p in data.glob("*.json"))
    if not found:
        pytest.fail(f"no person of the site in {site.root} has a relationship graph")
    return found[0]


def graph_path(site, name: str) -> str:
    return "/graph/" if name == "graph" else f"/people/{graph_person(site)}/"


def data_of(site, name: str) -> dict:
    stem = "all" if name == "graph" else f"people/{graph_person(site)}"
    return json.loads((site.root / f"assets/graph/data/{stem}.json").read_text(encoding="utf-8"))


class Opened:
    """A page in its own context, with its console errors and every request it made."""

    def __init__(self, page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []


@pytest.fixture
def open_page(browser) -> Iterator[Callable[..., Opened]]:
    """``open_page(site, path, width, **context)``: a fresh context at that width, the page loaded
    and its graph drawn (when ``ready``)."""
    contexts = []

    def open_(site, path: str, width: int = 1280, ready: bool = True, **options) -> Opened:
        context = new_context(browser, width, **options)
        context.set_default_timeout(20_000)
        opened = Opened(context.new_page())
        opened.page.on(
            "console", lambda m: m.type == "error" and opened.errors.append(f"console: {m.text}")
        )
        opened.page.on("pageerror", lambda exc: opened.errors.append(f"uncaught: {exc}"))

        def record(request) -> None:
            opened.requests.append(request.url)

        context.on("request", record)
        contexts.append((context, record))
        response = opened.page.goto(site.url(path), wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP error"
        if ready:
            opened.page.wait_for_selector(READY, state="attached")
            opened.page.locator(".dg-canvas").evaluate(
                "e => e.scrollIntoView({block: 'center', behavior: 'instant'})"
            )
            # two frames: the scroll event reaches Cytoscape, which then measures its box anew
            opened.page.wait_for_function(FRAMES)
        return opened

    yield open_
    for context, record in contexts:
        context.remove_listener("request", record)
        context.close()


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    # colours are read as drawn: wait until the theme's transitions (a palette's header fading
    # in) have finished, or axe may measure a colour halfway
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000
    )
    violations = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(" ".join(n.get("html", "").split())[:160] for n in v["nodes"][:5])
        for v in violations
        if v.get("impact") in ("serious", "critical")
    ]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["graph", "person"])
def test_graph_draws_legibly_cleanly_and_accessibly(open_page, site, name, width):
    path = graph_path(site, name)
    opened = open_page(site, path, WIDTHS[width])
    page = opened.page
    data = data_of(site, name)
    counts = page.evaluate(f"() => [{BOX}.cy.nodes().length, {BOX}.cy.edges().length]")
    assert counts == [len(data["nodes"]), len(data["edges"])], f"{path}: not the file's graph"
    assert counts[0] >= 2 and counts[1] >= 1, f"{path}: nodes and edges {counts}"
    canvas = page.locator(".dg-canvas").bounding_box()
    assert canvas["height"] >= 280 and canvas["width"] <= WIDTHS[width], canvas
    assert page.locator("noscript.dossier-graph-static").count() == 1  # the fallback stays

    # labels: legible at the default zoom, and still when zoomed out or in
    for factor in (1, 0.25, 4):
        if factor != 1:
            page.evaluate(
                f"(f) => {{ const cy = {BOX}.cy; cy.zoom({{level: cy.zoom() * f,"
                " renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}}); }",
                factor,
            )
            page.wait_for_function(FRAMES)
        sizes = page.evaluate(LABEL_SIZES)
        assert sizes, f"{path} at {width}, zoom x{factor}: no label shown"
        assert min(sizes) >= MIN_LABEL_PX, (
            f"{path} at {width}, zoom x{factor}: labels of {min(sizes):.1f} px on screen"
        )

    assert not opened.errors, f"{path} at {width}: " + "\n".join(opened.errors)
    outside = [
        url
        for url in opened.requests
        if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != site.netloc
    ]
    assert not outside, f"{path}: requests leaving {site.netloc}: {outside}"
    assert any(u.endswith("assets/graph/vendor/cytoscape.min.js") for u in opened.requests)
    bad = serious_violations(page)
    assert not bad, f"{path} at {width}: axe-core found:\n" + "\n".join(bad)


@pytest.mark.browser
@pytest.mark.parametrize("name", ["graph", "person"])
def test_clicking_a_node_opens_its_page(open_page, site, name):
    page = open_page(site, graph_path(site, name)).page
    node = page.evaluate(LONELIEST, "node")
    page.mouse.click(node["x"], node["y"])
    page.wait_for_url(site.url(node["url"]))
    expect(page.locator("article h1")).to_contain_text(node["name"][:20])


@pytest.mark.browser
@pytest.mark.parametrize("name", ["graph", "person"])
def test_pointing_at_an_edge_shows_its_sentence_and_article(open_page, site, name):
    page = open_page(site, graph_path(site, name)).page
    edge = page.evaluate(LONELIEST, "edge")
    page.mouse.move(edge["x"], edge["y"], steps=4)
    info = page.locator(".dg-info")
    expect(info).to_contain_text(edge["sentence"][:80])
    link = info.locator(f"a[href$='articles/{edge['article']}/']")
    expect(link).to_have_count(1)
    # selecting it (a click) keeps it shown when the pointer leaves
    page.mouse.click(edge["x"], edge["y"])
    page.mouse.move(5, 5)
    expect(info).to_contain_text(edge["sentence"][:80])


@pytest.mark.browser
def test_on_a_phone_a_tap_shows_a_node_and_a_second_tap_opens_it(open_page, site):
    page = open_page(site, graph_path(site, "person"), WIDTHS["phone"]).page
    edge = page.evaluate(LONELIEST, "edge")
    page.touchscreen.tap(edge["x"], edge["y"])
    expect(page.locator(".dg-info")).to_contain_text(edge["sentence"][:80])
    node = page.evaluate(LONELIEST, "node[hop > 0]")  # not the page's own entity
    before = page.url
    page.touchscreen.tap(node["x"], node["y"])
    info = page.locator(".dg-info")
    expect(info.locator(f"a[href$='{node['url']}']")).to_have_count(1)
    assert page.url == before, "the first tap opened the page"
    page.touchscreen.tap(node["x"], node["y"])
    page.wait_for_url(site.url(node["url"]))
    # the opened page is drawn in turn (and closing a context mid-load could hang Playwright)
    page.wait_for_selector(READY, state="attached")


@pytest.mark.browser
def test_filters_hide_a_type_and_a_relationship_from_the_keyboard(open_page, site):
    page = open_page(site, "/graph/").page
    person = page.get_by_role("checkbox", name="person")
    person.focus()
    page.keyboard.press("Space")
    expect(person).not_to_be_checked()
    counts = f"""() => {{ const cy = {BOX}.cy; return [
        cy.nodes('[type = "person"]:visible').length,
        cy.edges(':visible').filter(e => !e.source().visible() || !e.target().visible()).length,
        cy.nodes('[type = "person"]').length]; }}"""
    # the drawing follows the box's change event: wait for it (a loaded machine can lag), then check
    page.wait_for_function(f"() => ({counts})()[0] === 0")
    hidden = page.evaluate(counts)
    assert hidden[0] == 0 and hidden[1] == 0 and hidden[2] > 0, hidden
    page.keyboard.press("Space")
    expect(person).to_be_checked()
    kinds = page.evaluate(f"() => [...new Set({BOX}.cy.edges().map(e => e.data('kind')))]")
    relation = page.get_by_role("checkbox", name=kinds[0])
    relation.focus()
    page.keyboard.press("Space")
    expect(relation).not_to_be_checked()
    shown = (
        f"(k) => [{BOX}.cy.edges(':visible').filter(e => e.data('kind') === k).length,"
        f" {BOX}.cy.nodes('[type = \"person\"]:visible').length]"
    )
    page.wait_for_function(f"(k) => ({shown})(k)[0] === 0", arg=kinds[0])
    left = page.evaluate(shown, kinds[0])
    assert left[0] == 0 and left[1] > 0, left


@pytest.mark.browser
def test_the_dark_palette_draws_light_labels_on_dark(open_page, site):
    opened = open_page(site, "/graph/", color_scheme="dark")
    colours = opened.page.evaluate(
        f"""() => {{ const box = {BOX};
        return [box.cy.nodes()[0].style('color'), getComputedStyle(box).color,
                getComputedStyle(document.body).backgroundColor]; }}"""
    )
    label, text, background = colours

    def brightness(css: str) -> float:
        r, g, b = (float(x) for x in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def channels(css: str) -> list[float]:
        return [round(float(x), 2) for x in css[css.index("(") + 1 : css.index(")")].split(",")]

    assert channels(label) == channels(text), colours  # the page's own text colour
    assert brightness(label) > 150 > 60 > brightness(background), colours
    bad = serious_violations(opened.page)
    assert not bad, "/graph/ in the dark palette: axe-core found:\n" + "\n".join(bad)


@pytest.mark.browser
def test_without_scripts_the_static_drawing_links_entities(open_page, site):
    page = open_page(site, "/graph/", ready=False, java_script_enabled=False).page
    assert page.locator("svg.dossier-graph circle").count() >= 2
    assert page.locator("svg.dossier-graph line").count() >= 1
    people = page.locator('svg.dossier-graph a[href*="people/"]')
    assert people.count() >= 1, "the static graph links no person page"
    link = people.first
    target = urljoin(page.url, link.get_attribute("href"))
    link.click()
    page.wait_for_load_state("load")
    assert page.url == target
    assert page.locator("svg.dossier-graph circle").count() >= 2  # its own neighbourhood


@pytest.mark.browser
def test_the_static_drawing_stands_in_when_the_data_does_not_load(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.route("**/assets/graph/data/**", lambda route: route.fulfill(status=404))
        page.goto(site.url(graph_path(site, "person")), wait_until="load")
        page.wait_for_selector(".dossier-graph-live[data-ready='failed']", state="attached")
        expect(page.locator(".dossier-graph-live svg.dossier-graph")).to_be_visible()
        assert page.locator(".dossier-graph-live svg.dossier-graph circle").count() >= 2
    finally:
        context.close()
