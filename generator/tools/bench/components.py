"""Where an article's milliseconds go: each pipeline component, then the rules, one process.

``python -m generator.tools.bench.components --articles 150`` writes that many synthetic
articles (the benchmark's corpus), runs the pipeline over them a batch at a time with each
component timed on its own, then the rules (``extract_doc``), and prints milliseconds an article
and words a second for each. Times are CPU time of this process (``time.process_time``), which a
machine shared with other work disturbs less than the wall clock. ``--plain`` uses spaCy's own
attribute ruler and lemmatizer instead of the indexed ones (``generator.nlp``), to compare.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from spacy.language import Language
from spacy.util import minibatch

from generator.clean import Rules, clean
from generator.config import model_name
from generator.curated.registry import load_registry
from generator.data import CleanArticle
from generator.extract.article import extract_doc
from generator.extract.tools import Tools, load_tools
from generator.ingest import ingest
from generator.tools.bench.corpus import write_corpus

BATCH = 16  # as the extraction workers pipe them


def component_seconds(tools: Tools, articles: list[CleanArticle]) -> dict[str, float]:
    """CPU seconds of the tokenizer (``make_doc``), each pipeline component and the rules over
    ``articles``, in pipeline order."""
    nlp = tools.nlp
    seconds = {"make_doc": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "rules": 0.0}
    clock = time.process_time
    for batch in minibatch(articles, BATCH):
        start = clock()
        docs = [nlp.make_doc(a.body) for a in batch]
        seconds["make_doc"] += clock() - start
        for name, component in nlp.pipeline:
            start = clock()
            docs = (
                list(component.pipe(docs))
                if hasattr(component, "pipe")
                else [component(doc) for doc in docs]
            )
            seconds[name] += clock() - start
        start = clock()
        for article, doc in zip(batch, docs, strict=True):
            extract_doc(article, doc, tools)
        seconds["rules"] += clock() - start
    return seconds


def unindex(nlp: Language) -> None:
    """Put spaCy's own attribute ruler and lemmatizer back, with the same patterns and tables."""
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    plain = nlp.replace_pipe("attribute_ruler", "attribute_ruler")
    plain.add_patterns(ruler.patterns)
    config = {"mode": lemmatizer.mode, "overwrite": lemmatizer.overwrite}
    nlp.replace_pipe("lemmatizer", "lemmatizer", config=config).lookups = lemmatizer.lookups


def report(seconds: dict[str, float], articles: int, words: int) -> str:
    total = sum(seconds.values())
    lines = [f"{articles} articles, {words:,} words; CPU time of one process", ""]
    lines.append(f"{'part':<20} {'ms/article':>10} {'share':>7} {'words/s':>10}")
    for name, spent in [*seconds.items(), ("total", total)]:
        rate = f"{words / spent:,.0f}" if spent else "-"
        share = 100 * spent / total if total else 0.0
        lines.append(f"{name:<20} {1000 * spent / articles:>10.1f} {share:>6.1f}% {rate:>10}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.tools.bench.components")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--model", default=None)
    parser.add_argument("--plain", action="store_true", help="spaCy's own ruler and lemmatizer")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        seeds = Path(work) / "seeds"
        write_corpus(seeds, args.articles)
        registry, _ = load_registry(seeds)
        sources, _ = ingest(seeds, 10**7)
    rules = Rules.from_curated(registry.boilerplate)
    articles = [clean(source, rules) for source in sources]
    tools = load_tools(registry, model_name(args.model))
    if args.plain:
        unindex(tools.nlp)
    words = sum(len(a.body.split()) for a in articles)
    print(report(component_seconds(tools, articles), len(articles), words))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
