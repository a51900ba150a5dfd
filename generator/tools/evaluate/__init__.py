"""Evaluate: score built records against hand-made gold files, with a plain-spaCy baseline beside them.

Gold files are ``<stem>.yml`` in a gold folder, in the format of ``tests/corpus/README.md``; the gold
file ``<stem>.yml`` belongs to the article whose record has ``source.path: articles/<stem>.txt``.

Both the records and the baseline are first turned into one neutral form per article
(:class:`Prediction`); :func:`score` compares predictions with gold and returns a :class:`Report`:
TP/FP/FN per type micro-averaged over articles, metadata accuracy, violations, and per-article misses.

Matching rules (the functions below are small and tested one by one):

* people — :func:`person_match`: folded name keys (``names.key``: order-free significant words) equal,
  or one a subset of the other with at least two words in common; against an entity's name and aliases.
* countries, forums, issues — by id.
* organizations — :func:`org_match`: casefolded, accents and punctuation ignored, leading "the"
  dropped; equal, or one contains the other (whole words).
* quotes (recall only) — :func:`quote_text_match`: the predicted text contains the gold text's first
  five words (quotes, punctuation, whitespace and case normalised), and the speaker matches as a person.
* events — :func:`event_match`: participant sets match one-to-one as people (a gold event without
  participants matches on its forum), and :func:`dates_agree`.

People, organizations and events are paired one-to-one (maximum bipartite matching), so a person split
over two entities gives one TP and one FP.

Modules: ``gold`` (gold files), ``predict`` (records and baseline in one form), ``match`` (the
matching rules), ``score``, ``baseline`` (seeds folders, plain spaCy), ``report`` (the printout).
"""

from generator.tools.evaluate.baseline import (
    _cluster_people,
    build_records,
    default_curated,
    evaluate_baseline,
    prepared_seeds,
)
from generator.tools.evaluate.gold import GOLD_KEYS, Gold, GoldEvent, GoldQuote, load_gold
from generator.tools.evaluate.match import (
    METADATA,
    RECALL_ONLY,
    TYPES,
    dates_agree,
    keys_match,
    max_matching,
    normalise,
    org_match,
    participants_match,
    person_match,
    quote_text_match,
)
from generator.tools.evaluate.predict import Prediction, predictions_from_records
from generator.tools.evaluate.report import format_report, run
from generator.tools.evaluate.score import Report, Score, evaluate, score, score_article

__all__ = [
    "GOLD_KEYS",
    "METADATA",
    "RECALL_ONLY",
    "TYPES",
    "Gold",
    "GoldEvent",
    "GoldQuote",
    "Prediction",
    "Report",
    "Score",
    "_cluster_people",
    "build_records",
    "dates_agree",
    "default_curated",
    "evaluate",
    "evaluate_baseline",
    "format_report",
    "keys_match",
    "load_gold",
    "max_matching",
    "normalise",
    "org_match",
    "participants_match",
    "person_match",
    "predictions_from_records",
    "prepared_seeds",
    "quote_text_match",
    "run",
    "score",
    "score_article",
]
