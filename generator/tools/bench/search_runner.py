"""The time to a first search result: ``python -m generator.tools.bench.search_runner SITE QUERY
CHROMIUM [TIMEOUT_S]`` serves the built site SITE on 127.0.0.1, opens its home page in headless
Chromium, clicks the search box, types QUERY key by key and waits until the results for the
whole query are drawn (Pagefind in Material's box, ``generator/assets/search/search.js``). It
prints one JSON line: the seconds from opening the page to those results, the bytes the page
fetched from the site on the way (pages, scripts, Pagefind's bundle, index chunks and result
fragments) and how many of them were Pagefind's, and the first result's path.

Every wait is on a condition, and all of them together get at most TIMEOUT_S seconds (default
60): on a timeout it prints why to stderr and exits 1. Playwright's sync API must not share a
process with another one (the test suite's), hence a process of its own."""

from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
import time
from urllib.parse import urlsplit

DEFAULT_TIMEOUT_S = 60.0  # the benchmark passes its own (site.SEARCH_TIMEOUT_S)
SEARCH_INPUT = "input.md-search__input"
FIRST_RESULT = ".md-search-result__item .md-search-result__link"
#: The results drawn are those for the whole query (the script marks what it answered).
ANSWERED = """(query) => {
  const result = document.querySelector(".md-search-result");
  return result !== null && result.getAttribute("data-dossier-query") === query
    && document.querySelector(".md-search-result__item") !== null;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def first_result(url: str, query: str, chromium: str, timeout_s: float) -> dict[str, object]:
    """Time, bytes and first result of a search for ``query`` from ``url``; raises
    Playwright's TimeoutError when no result comes within ``timeout_s``."""
    from playwright.sync_api import sync_playwright

    fetched: dict[str, int] = {}

    def on_response(response) -> None:
        try:
            fetched[response.url] = len(response.body())
        except Exception:  # a redirect or an aborted request has no body
            fetched.setdefault(response.url, 0)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            context = browser.new_context()
            context.on("response", on_response)  # the worker's requests too
            page = context.new_page()
            start = time.perf_counter()
            deadline = start + timeout_s

            def left() -> float:  # milliseconds of the budget still left (Playwright: 0 = none)
                return max(1.0, 1000 * (deadline - time.perf_counter()))

            page.goto(url, timeout=left())
            box = page.locator(SEARCH_INPUT)
            box.click(timeout=left())
            box.press_sequentially(query, timeout=left())
            page.wait_for_function(ANSWERED, arg=query.strip(), timeout=left())
            seconds = time.perf_counter() - start
            href = page.locator(FIRST_RESULT).first.get_attribute("href", timeout=left()) or ""
            return {
                "seconds": seconds,
                "bytes": sum(fetched.values()),
                "search_bytes": sum(n for u, n in fetched.items() if "/pagefind/" in u),
                "first": urlsplit(href).path,
            }
        finally:
            browser.close()


def main(argv: list[str]) -> int:
    site, query, chromium = argv[:3]
    timeout_s = float(argv[3]) if len(argv) > 3 else DEFAULT_TIMEOUT_S
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    handler = functools.partial(_Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        found = first_result(f"http://127.0.0.1:{server.server_port}/", query, chromium, timeout_s)
    except PlaywrightTimeoutError as exc:
        print(f"no search result within {timeout_s:g} s: {exc}", file=sys.stderr)
        return 1
    finally:
        server.shutdown()
        server.server_close()
    print(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
