"""Normalising and matching names, quotes, dates and events: small functions, tested one by one."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from generator import names, yamlio

TYPES = ("people", "countries", "forums", "issues", "organizations", "quotes", "events")
#: Types scored for recall only: gold lists a quote by its opening words, not every quotation.
RECALL_ONLY = frozenset({"quotes"})
METADATA = ("title", "publisher", "authors", "published")
QUOTE_PREFIX_WORDS = 5

REPO = Path(__file__).resolve().parents[3]


# --- normalising and matching -------------------------------------------------------------------

_QUOTE_CHARS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‛": "'", "«": '"', "»": '"'}
)


def normalise(text: str) -> str:
    """Casefolded, accents and apostrophes dropped, periods dropped ('U.S.' = 'US'), other
    punctuation read as a space, whitespace collapsed."""
    text = names.fold(str(text).translate(_QUOTE_CHARS))
    text = text.replace(".", "")
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def _iso(value: Any) -> str | None:
    """A gold or record date as ISO text; a range 'A/B' gives its start."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    text = str(value).strip()
    return text.split("/", 1)[0].strip() or None


def keys_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two name keys are one person: equal, or one inside the other sharing two or more words."""
    if not a or not b:
        return False
    if a == b:
        return True
    return (a <= b or b <= a) and len(a & b) >= 2


def person_match(gold: str, predicted_names: Iterable[str]) -> bool:
    """Does the gold name match the predicted person's name or any of its aliases?"""
    wanted = names.key(gold)
    return any(keys_match(wanted, names.key(n)) for n in predicted_names)


def _org_form(text: str) -> str:
    form = normalise(text)
    return form[4:] if form.startswith("the ") else form


def org_match(gold: str, predicted_names: Iterable[str]) -> bool:
    """Loose organization match: equal normalised forms, or one contained in the other as words."""
    wanted = _org_form(gold)
    if not wanted:
        return False
    for name in predicted_names:
        got = _org_form(name)
        if not got:
            continue
        if got == wanted or f" {wanted} " in f" {got} " or f" {got} " in f" {wanted} ":
            return True
    return False


def quote_text_match(gold_text: str, predicted_text: str, words: int = QUOTE_PREFIX_WORDS) -> bool:
    """The predicted quotation starts with, or contains, the gold text's first ``words`` words."""
    needle = " ".join(normalise(gold_text).split()[:words])
    if not needle:
        return False
    return f" {needle} " in f" {normalise(predicted_text)} "


def dates_agree(gold: Any, predicted: Any, approximate: bool = False) -> bool:
    """Same ISO date; or the same month when either side has only month precision or the prediction
    is approximate. A null gold date agrees with anything; a year alone only with the same year alone."""
    g, p = _iso(gold), _iso(predicted)
    if g is None:
        return True
    if p is None:
        return False
    if g == p:
        return True
    if len(g) < 7 or len(p) < 7:
        return False
    if len(g) == 7 or len(p) == 7 or approximate:
        return g[:7] == p[:7]
    return False


def max_matching(
    n_left: int, n_right: int, edge: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """Maximum bipartite matching (Kuhn's augmenting paths); pairs (left, right) in left order."""
    adjacency = [[j for j in range(n_right) if edge(i, j)] for i in range(n_left)]
    owner: list[int | None] = [None] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in adjacency[i]:
            if j in seen:
                continue
            seen.add(j)
            if owner[j] is None or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i is not None)


def participants_match(gold: Sequence[str], predicted: Sequence[Sequence[str]]) -> bool:
    """Gold participant names and predicted participants (each a list of names) pair up one-to-one."""
    if len(gold) != len(predicted):
        return False
    pairs = max_matching(
        len(gold), len(predicted), lambda i, j: person_match(gold[i], predicted[j])
    )
    return len(pairs) == len(gold)


# --- gold ----------------------------------------------------------------------------------------


_FILLER = frozenset({"the", "of", "in", "and", "on", "a", "an", "to", "for", "crisis", "issue"})


def _topic_words(text: str) -> frozenset[str]:
    """A topic's significant words; a country's demonym stands for its name ("the German
    government crisis" is the "Germany government crisis")."""
    places = _demonyms()
    words = normalise(text.replace("-", " ")).split()
    words = [part for w in words for part in places.get(w, (w,))]
    return frozenset(w.removesuffix("s") for w in words if w not in _FILLER)


@functools.cache
def _demonyms() -> dict[str, tuple[str, ...]]:
    """A demonym of one country only (normalised) -> the words of that country's name, from the
    curated countries (``seeds/curated/countries.yml``)."""
    path = REPO / "seeds" / "curated" / "countries.yml"
    if not path.is_file():
        return {}
    owners: dict[str, set[tuple[str, ...]]] = {}
    for country in yamlio.load(path.read_text("utf-8")).get("countries") or []:
        name = tuple(normalise(country["name"]).split())
        for demonym in country.get("demonyms") or []:
            owners.setdefault(normalise(demonym), set()).add(name)
    return {d: next(iter(n)) for d, n in owners.items() if len(n) == 1 and " " not in d}


def topic_match(names: Iterable[str], predicted_names: Iterable[str]) -> bool:
    """A gold topic (its names) and a predicted issue (its id, name and aliases) are the same
    when one name of each has the same significant words (order, case, plurals, hyphens and
    words like "the", "of", "crisis" aside), or the predicted name holds all of a gold name's."""
    gold = [w for w in (_topic_words(n) for n in names) if w]
    pred = [w for w in (_topic_words(n) for n in predicted_names) if w]
    return any(g == p or (len(g) >= 2 and g <= p) for g in gold for p in pred)
