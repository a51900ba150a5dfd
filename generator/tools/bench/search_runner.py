"""The time to a first search result: ``python -m generator.tools.bench.search_runner SITE QUERY
CHROMIUM [TIMEOUT_S]`` serves the built site SITE on 127.0.0.1, opens its home page in headless
Chromium, waits for Material's search to be ready, types QUERY into it key by key and waits for a
first result. It prints the seconds from opening the page to that result (a reader waits for the
search worker to fetch and index ``search_index.json`` too).

Every wait is on a condition, and all of them together get at most TIMEOUT_S seconds (default
60): on a timeout it prints why to stderr and exits 1. Playwright's sync API must not share a
process with another one (the test suite's), hence a process of its own."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time

DEFAULT_TIMEOUT_S = 60.0  # the benchmark passes its own (site.SEARCH_TIMEOUT_S)
SEARCH_INPUT = "input.md-search__input"
RESULT_ITEM = ".md-search-result__item"
#: Material's search is ready when its worker has indexed the site: it then answers the empty
#: query, and the result list's first line turns from "Initializing search" to the placeholder
#: "Type to start searching" (read from the page's own translations, so any language will do).
#: Typed before then, keys can be lost: the first query goes out when the worker is ready.
SEARCH_READY = """() => {
  const input = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const config = document.getElementById("__config");
  if (!input || input.disabled || !meta || !config) return false;
  const placeholder = JSON.parse(config.textContent).translations["search.result.placeholder"];
  return meta.textContent.trim() === placeholder;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def first_result(url: str, query: str, chromium: str, timeout_s: float) -> float:
    """Seconds from opening ``url`` to the first result for ``query``; raises Playwright's
    TimeoutError when the search is not ready or gives no result within ``timeout_s``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            start = time.perf_counter()
            deadline = start + timeout_s

            def left() -> float:  # milliseconds of the budget still left (Playwright: 0 = none)
                return max(1.0, 1000 * (deadline - time.perf_counter()))

            page.goto(url, timeout=left())
            box = page.locator(SEARCH_INPUT)
            box.wait_for(state="attached", timeout=left())
            page.wait_for_function(SEARCH_READY, timeout=left())
            box.click(timeout=left())
            box.press_sequentially(query, timeout=left())  # Material searches on key events
            page.locator(RESULT_ITEM).first.wait_for(state="visible", timeout=left())
            return time.perf_counter() - start
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
        seconds = first_result(
            f"http://127.0.0.1:{server.server_port}/", query, chromium, timeout_s
        )
    except PlaywrightTimeoutError as exc:
        print(f"no search result within {timeout_s:g} s: {exc}", file=sys.stderr)
        return 1
    finally:
        server.shutdown()
        server.server_close()
    print(seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
