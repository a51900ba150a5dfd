"""Two people named only as a pair. "The two leaders met yesterday" right after a sentence that
reported the meeting of two people ("Modi is set to hold talks with Yunus today") is those two,
whoever else the article names more often; with no such report near, the two the article is about.
The two leaders of two countries, named by their office: "the presidents of the two
countries held talks", "two of the countries' ministers held talks in Paris", "Presidents of
Kazakhstan and Uzbekistan held talks". They are the two people the article is about (its two
most-mentioned full names, as for "the two leaders"); when the countries are named, each of the
two must be known to be of one of them, and of different ones.
"""

from __future__ import annotations

import re

from generator.extract.events.merge import Report
from generator.extract.events.parse import Chain, Context

#: How many sentences back "the two leaders" may reach for the pair last reported.
PAIR_REACH = 2

#: Offices held by one person per country.
_OFFICES = r"(?:presidents|leaders|premiers|(?:prime |foreign |interior |defen[cs]e )?ministers"
_OFFICES += r"|heads of (?:state|government)|chiefs|secretaries|chancellors|counterparts)"
_OF_THE_TWO = re.compile(
    rf"\b{_OFFICES} of (?:the two|both) (?:countries|nations|states)\b"
    rf"|\b(?:the two|both|two of the) (?:countries|nations) ?['’]s? ?(?:\w+ )?{_OFFICES}\b",
    re.IGNORECASE,
)
_PLURAL_OFFICES = {"presidents", "leaders", "ministers", "premiers", "chancellors", "heads"}


def of_two_countries(ctx: Context, phrase: set[int], chain: Chain) -> bool:
    if len(ctx.top_two) != 2:
        return False
    tokens = sorted(phrase | chain.subject_tokens)
    text = " ".join(ctx.doc[i].text for i in tokens)
    if _OF_THE_TWO.search(text) or any(_two_before(ctx, i) for i in chain.subject_tokens):
        return True
    for i in tokens:
        office = ctx.doc[i]
        if office.lower_ not in _PLURAL_OFFICES:
            continue
        for prep in (c for c in office.children if c.dep_ == "prep" and c.lower_ == "of"):
            named = {
                ctx.mentions[ctx.country_at[t.i]].entity_id or ctx.country_at[t.i]
                for t in prep.subtree
                if t.i in ctx.country_at
            }
            homes = {ctx.nationality(p) for p in ctx.top_two}
            if len(named) == 2 and homes == named:
                return True
    return False


def _two_before(ctx: Context, i: int) -> bool:
    """'two of the countries' ministers' ending in the subject, however the parser hung the
    words before it."""
    subject = ctx.doc[i]
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    words = ctx.doc[max(subject.sent.start, i - 6) : i + 1]
    return any(m.end() == len(words.text) for m in _OF_THE_TWO.finditer(words.text))


def recent_pair(reports: list[Report], index: int) -> list[int]:
    """The two people of the last event reported in the sentences just before sentence
    ``index``, if it had exactly two; else none."""
    for report in reversed(reports):
        if report.sentence_index < index - PAIR_REACH:
            break
        if report.sentence_index < index and not report.session:
            return list(report.participants) if len(report.who) == 2 else []
    return []


def the_two_people(ctx: Context, phrase: set[int], chain: Chain, pair: list[int]) -> list[int]:
    """Who 'the two leaders', 'both ministers', 'the presidents of the two countries' are: the
    pair just reported, else the article's two most-mentioned people; none if the phrase is
    not such a pair."""
    if ctx.the_two(phrase, chain):
        return pair or list(ctx.top_two)
    return list(ctx.top_two) if of_two_countries(ctx, phrase, chain) else []
