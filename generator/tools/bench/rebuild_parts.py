"""The parts of a `mkdocs serve` rebuild that are kept across rebuilds, timed both ways:
``python -m generator.tools.bench.rebuild_parts SEEDS`` builds the records of SEEDS (the
extraction cache makes a second run quick), edits one article's title in memory and prints the
CPU seconds of the records archive, the feeds and the related entities made from scratch and
from the last build's kept parts, and whether both give the same result."""

from __future__ import annotations

import copy
import dataclasses
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.build import build
from generator.config import BuildConfig
from generator.render.archive import MemberCache
from generator.render.feeds import FeedCache, FeedSite, render_feeds
from generator.render.related import related_index


def _cpu(work: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()  # what is left of the last part is not counted in this one
    gc.freeze()  # as the memo does under `mkdocs serve`: what the process holds is not traversed
    started = time.process_time()
    out = work()
    return time.process_time() - started, out


def main(argv: list[str]) -> int:
    result = build(BuildConfig(seeds=Path(argv[0])), with_pages=False)
    corpus, records = result.corpus, {**result.records, **result.records_json}
    site = FeedSite(url="https://example.org/", name="Dossier")
    edited = copy.deepcopy(corpus)  # one article edited: its title, and so its record
    record = edited.articles[len(edited.articles) // 2]
    record.article = dataclasses.replace(record.article, title=record.article.title + " (updated)")
    path = f"articles/{record.article.id}.yml"
    after = {**records, path: records[path] + "# edited\n"}
    print(
        f"{len(corpus.articles)} articles, {len(corpus.entities)} entities, {len(records)} records"
    )

    old, whole = _cpu(lambda: MemberCache().archive(after))
    members = MemberCache()
    members.archive(records)
    new, kept = _cpu(lambda: members.archive(after))
    print(f"archive: {old:.2f} s from scratch, {new:.2f} s kept ({members.compressed} compressed)"
          f"; same bytes: {whole == kept}")  # fmt: skip
    old, whole = _cpu(lambda: render_feeds(edited, site))
    feeds = FeedCache()
    render_feeds(corpus, site, feeds)
    new, kept = _cpu(lambda: render_feeds(edited, site, feeds))
    print(f"feeds: {old:.2f} s from scratch, {new:.2f} s kept ({feeds.written} of {len(kept)}"
          f" written); same: {whole == kept}")  # fmt: skip
    old, whole = _cpu(lambda: related_index(edited.entities))
    last = related_index(corpus.entities)
    new, kept = _cpu(lambda: related_index(edited.entities, last))
    print(f"related: {old:.2f} s from scratch, {new:.2f} s kept ({kept.worked_out} of"
          f" {len(edited.entities)} worked out); same: {whole.ranked == kept.ranked}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
