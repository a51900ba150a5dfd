"""All the rules over one article's Doc: names, quotes, events and new-issue candidates.

Three sources of names, most trusted first: the curated registry (PhraseMatchers built from
``seeds/curated/``), rules (titles before a name, "<country>'s Defense Ministry"), and spaCy's
statistical NER for everything the registry has never heard of. Overlaps go to the most trusted.
"""

from __future__ import annotations

from spacy.tokens import Doc

from generator.data import CleanArticle, Extraction
from generator.extract import quotes as quote_rules
from generator.extract import topics
from generator.extract.candidates import find_candidates, resolve_overlaps
from generator.extract.cues import cue_mentions, role_references
from generator.extract.events import find as event_rules
from generator.extract.government_crisis import government_crises
from generator.extract.mentions import find_mentions
from generator.extract.offices import curated_offices
from generator.extract.place_topics import place_topics
from generator.extract.placed_candidates import placed_candidates
from generator.extract.tools import Tools


def title_issues(title: str, tools: Tools) -> tuple[str, ...]:
    """The curated issues the headline names, by a name, alias or cue phrase. The headline is no
    part of the body the model reads: its words are only tokenized and matched."""
    if not title:
        return ()
    doc = tools.nlp.make_doc(title)
    gaz = tools.gazetteer
    hits = [h.key for h in [*gaz.hits(doc), *gaz.cue_hits(doc)] if h.key.startswith("issue:")]
    return tuple(sorted(set(hits)))


def extract_doc(article: CleanArticle, doc: Doc, tools: Tools) -> Extraction:
    sentences = list(doc.sents)
    sent_index = {}
    for i, sent in enumerate(sentences):
        for k in range(sent.start, sent.end):
            sent_index[k] = i
    text = doc.text  # once: spaCy joins every token's text each time it is asked
    candidates = find_candidates(doc, tools)
    # Countries and issues stand inside other names ("U.S. Department of Defense", "the
    # Russia-Ukraine war") and count there too; each layer settles its own overlaps.
    layered = {"country": [], "issue": [], "other": []}
    for cand in candidates:
        layered[cand.label if cand.label in ("country", "issue") else "other"].append(cand)
    chosen = sorted(
        (c for layer in layered.values() for c in resolve_overlaps(layer)), key=lambda c: c.start
    )
    mentions = find_mentions(doc, chosen, tools, sentences, sent_index, article)
    mentions += role_references(doc, text, mentions, sentences, sent_index, tools.gazetteer)
    mentions += cue_mentions(doc, text, tools, sentences, mentions, sent_index)
    mentions += place_topics(
        doc, text, mentions, sentences, sent_index, tools.registry, article.title
    )
    mentions += government_crises(
        doc, mentions, sentences, sent_index, tools.registry, article.title
    )
    mentions = sorted(
        {(m.start, m.end, m.label, m.entity_id): m for m in mentions}.values(),
        key=lambda m: (m.start, m.end, m.label, m.entity_id or ""),
    )
    offices = curated_offices(mentions, tools.registry, article.published)
    quotes = quote_rules.find_quotes(doc, mentions, sentences, sent_index, text, offices)
    found_events = event_rules.find_events(
        doc, mentions, sentences, sent_index, article.published, title=article.title
    )
    candidates = placed_candidates(
        topics.find_candidates(
            doc, mentions, sent_index, tools.known_issues, tools.gazetteer.office_words
        ),
        mentions,
        tools.registry,
    )
    return Extraction(
        title_issues=title_issues(article.title, tools),
        article=article,
        sentences=tuple(s.text.strip() for s in sentences),
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        events=tuple(found_events),
        issue_candidates=tuple(candidates),
    )
