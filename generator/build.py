"""The whole pipeline, top to bottom: ingest → clean → extract → link → aggregate → records → pages.

The CLI and the MkDocs plugin both call ``build``; nothing else runs the stages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from .aggregate import aggregate
from .clean import Rules, clean
from .config import BuildConfig
from .extract import Tools, extract, load_tools
from .ingest import ingest
from .link import Linker, link
from .models import Corpus, Problem
from .pages import render_pages
from .records import render as render_records
from .records import render_json
from .registry import load_registry

log = logging.getLogger("dossier")


@dataclass
class BuildResult:
    corpus: Corpus
    records: dict[str, str]  # path in the out folder -> YAML text
    records_json: dict[str, str]  # same, as JSON
    pages: dict[str, str]  # path under the docs root -> Markdown
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def build(config: BuildConfig, tools: Tools | None = None, with_pages: bool = True) -> BuildResult:
    # Curated knowledge first: every later stage reads it.
    registry, problems = load_registry(config.seeds)
    # ingest: files → decoded sources; unreadable files are reported and skipped.
    sources, ingest_problems = ingest(config.seeds, config.max_article_bytes)
    problems += ingest_problems
    # clean: boilerplate out; title, byline, date and publisher read.
    rules = Rules.from_curated(registry.boilerplate)
    articles = [clean(source, rules) for source in sources]
    # extract: NER + registry + rules → mentions, quotes, events per article.
    tools = tools or load_tools(registry, config.model)
    extractions = extract(articles, tools)
    # link: mentions → entity keys within each article.
    linked = link(extractions, Linker.build(registry))
    # aggregate: one entity per real-world thing across articles; ids minted; events merged.
    corpus = aggregate(linked, registry, problems)
    # records and pages: rendered in memory; the caller decides where they go.
    records = render_records(corpus)
    records_json = render_json(corpus)
    pages = render_pages(corpus, registry, config) if with_pages else {}
    for problem in problems:
        log.log(logging.ERROR if problem.severity == "error" else logging.WARNING, "%s", problem)
    return BuildResult(corpus, records, records_json, pages, problems)
