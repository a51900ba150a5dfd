"""Mentions found without a name: a role after its named holder ("the prime minister"), and
issues and forums signalled by curated cue phrases and word lists."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.data import Mention, split_key
from generator.extract.gazetteer import Gazetteer
from generator.extract.inner_places import inner_countries
from generator.extract.mentions import make_mention
from generator.extract.tools import Tools

_ROLE_REFERENCE = re.compile(
    r"\b[Tt]he ((?:[A-Z][\w.]*|prime|foreign|defen[cs]e|deputy|vice|chief|top|senior|"
    r"finance|interior|trade)\s+){0,2}(?P<office>[a-z]+)\b"
)


def role_references(
    doc: Doc,
    text: str,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    gaz: Gazetteer,
) -> list[Mention]:
    """'the prime minister', 'the Pentagon chief': a role after a named holder of it is that
    person, when exactly one person named so far in the article holds such a role."""
    people = [m for m in mentions if m.label == "person"]
    out: list[Mention] = []
    for match in _ROLE_REFERENCE.finditer(text):
        office = match.group("office")
        if office not in gaz.office_words or office in ("officials", "leaders", "ministers"):
            continue
        phrase = match.group(0).lower()
        holders = {
            m.refers_to or m.text
            for m in people
            if m.start < match.start() and _holds(m, office, phrase)
        }
        if len(holders) != 1:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(m.start <= span.start_char < m.end for m in mentions):
            continue
        if _titles_a_name(span, people):
            continue  # "the head of the mission Godfrey Otunge": his title, not a reference
        found = make_mention(doc, span, span.text, "person", None, sentences, sent_index, "rule")
        out.append(Mention(**{**found.__dict__, "refers_to": next(iter(holders))}))
    return out


def _titles_a_name(span: Span, people: list[Mention]) -> bool:
    """A person named inside the role's own noun phrase ("the head of the mission Jane Doe")."""
    phrase = list(span.root.subtree)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    return any(span.end_char <= m.start and m.end <= end and m.start >= start for m in people)


def _holds(person: Mention, office: str, phrase: str) -> bool:
    described = " ".join([*(t.lower() for t in person.titles), (person.role or "").lower()])
    if office not in described:
        return False
    qualifiers = [w for w in phrase.split()[1:-1] if w.islower()]
    return all(q in described for q in qualifiers)


def cue_mentions(
    doc: Doc,
    text: str,
    tools: Tools,
    sentences: list[Span],
    found: list[Mention],
    sent_index: dict[int, int],
) -> list[Mention]:
    """Issues and unnamed forums signalled by cue phrases (curated, per entry)."""
    out: list[Mention] = []
    for hit in tools.gazetteer.cue_hits(doc):
        label = split_key(hit.key)[0]
        span = doc[hit.start : hit.end]
        cue = make_mention(doc, span, span.text, label, hit.key, sentences, sent_index, "cue")
        if label == "issue" and _discussed(span):
            cue = Mention(**{**cue.__dict__, "discussed": True})
        elif label == "issue" and _in_passing(span):
            cue = Mention(**{**cue.__dict__, "passing": True})
        out.append(cue)
    by_sentence: dict[int, set[str]] = {}
    for mention in found:
        if mention.entity_id:
            by_sentence.setdefault(mention.sentence_index, set()).add(mention.entity_id)
    countries_in: dict[int, list[Mention]] = {}
    for mention in found:
        if mention.label == "country" and " " in mention.text.strip():
            countries_in.setdefault(mention.sentence_index, []).append(mention)
    lowered_text = text.lower()
    lowered_sentences = [lowered_text[sent.start_char : sent.end_char] for sent in sentences]
    for key, rules in sorted(tools.gazetteer.list_cues.items()):
        label = split_key(key)[0]
        # plain substring tests first, over the article and then the sentence (most rules
        # fail on their first word); the word-boundary regex only when they pass
        words = [[p.lower() for p in rule if not p.startswith("@")] for rule in rules]
        live = [
            (rule, plain)
            for rule, plain in zip(rules, words, strict=True)
            if all(w in lowered_text for w in plain)
        ]
        for index, sent in enumerate(sentences if live else ()):
            lowered = lowered_sentences[index]
            # "Sudan" in "South Sudan" is not Sudan
            inner = (
                inner_countries(
                    sent.start_char, countries_in[index], tools.gazetteer.country_folded
                )
                if index in countries_in
                else set()
            )
            present = by_sentence.get(index, set())
            for rule, plain in live:
                if plain and (plain[0] not in lowered or not all(w in lowered for w in plain)):
                    continue
                if all(_cue_part_present(part, lowered, present, inner) for part in rule):
                    out.append(
                        make_mention(
                            doc, sent, " + ".join(rule), label, key, sentences, sent_index, "cue"
                        )
                    )
                    break
    return out


def _cue_part_present(
    part: str, lowered: str, present: set[str], inner: set[tuple[int, int]] = frozenset()
) -> bool:
    if part.startswith("@"):
        ref = part[1:]
        return any(split_key(k)[1] == ref for k in present)
    # a word of a list cue stands in its plural and its verb forms too ("missile" in "shells and
    # missiles", "attack" in "Russia is attacking Ukraine")
    word = re.escape(part.lower())
    return any(
        (hit.start(), hit.start() + len(part)) not in inner
        for hit in re.finditer(rf"(?<!\w){word}(?:s|es|ed|ing)?(?!\w)", lowered)
    )


#: Subordinators and prepositions of a time clause: what stands in one is background.
_TIME_WORDS = {"after", "before", "since", "until", "till", "once"}
#: Conjuncts from which a coordination is a list of topics ("energy, minerals, health and ...").
LIST_ITEMS = 3


def _in_passing(span: Span) -> bool:
    """An issue cue said in passing: a common noun in a list of three or more ('cooperation on
    clean energy, critical minerals, health and education': areas, not issues — a named one, 'the
    South China Sea, Ukraine and the Korean Peninsula', is still an issue), a cue inside a time
    clause ('the visit comes days after Trump won the election'), an example ('services such as
    roads and education'), a word that only qualifies who or what acts ('human rights
    officials', 'a counterterrorism operation'), or a relative or conditional clause
    (``_in_background_clause``). What people are said to discuss is never in passing (``_discussed``)."""
    root = span.root
    if _describes_another(span) or _in_background_clause(span):
        return True
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    items = 1 + sum(1 for t in top.subtree if t.dep_ == "conj" and _conj_chain(t, top))
    if items >= LIST_ITEMS and span.text.islower():
        return True
    for ancestor in root.ancestors:  # up to the clause the cue stands in, no further
        if ancestor.dep_ == "prep" and ancestor.lower_ in _TIME_WORDS:
            return True  # "since the election"
        if ancestor.lower_ == "as" and any(c.lower_ == "such" for c in ancestor.children):
            return True  # "services such as roads and education": an example, not the topic
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _TIME_WORDS for c in ancestor.children
            )
    return False


#: Nouns a topic may describe without being what is said: people who work on it ("human rights
#: officials", "a climate reporter") and actions taken in its name ("a counterterrorism
#: operation"). Lemmas.
_DESCRIBED = frozenset(
    [
        "official",
        "officer",
        "reporter",
        "correspondent",
        "editor",
        "expert",
        "analyst",
        "researcher",
        "advocate",
        "activist",
        "campaigner",
        "monitor",
        "observer",
        "operation",
        "raid",
    ]
)


def _describes_another(span: Span) -> bool:
    """The cue only qualifies a noun of ``_DESCRIBED`` ("Human rights officials said ...")."""
    root = span.root
    head = root.head
    return (
        root.dep_ in ("compound", "amod", "nmod")
        and head.i >= span.end
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in _DESCRIBED
    )


#: Subordinators of a condition: what stands in one may not even happen.
_CONDITION_WORDS = {"if", "unless"}


def _in_background_clause(span: Span) -> bool:
    """The cue stands in a relative clause, which describes something else ("the 2015 accord,
    which lifted sanctions in return for ..."), or in a condition ("attacks if oil production
    does not stop"), at any depth."""
    for ancestor in span.root.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        if ancestor.dep_ == "relcl":
            return True
        children = list(ancestor.children)
        if (
            ancestor.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _CONDITION_WORDS for c in children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
        ):
            return True  # a whole clause: "if production does not stop", not "if enriched"
    return False


def _conj_chain(token: Token, top: Token) -> bool:
    """The token is a conjunct of ``top`` (directly or through other conjuncts)."""
    while token.dep_ == "conj" and token.i != top.i:
        token = token.head
    return token.i == top.i


#: Words whose object is what people talked about: "discussed X", "talks on X", "focused on X",
#: "raised concerns over X", "exchanged views on X" (lemmas).
DISCUSSION_VERBS = frozenset(
    [
        "discuss",
        "focus",
        "address",
        "tackle",
        "debate",
        "concentrate",
        "centre",
        "center",
        "revolve",
        "touch",
        "brief",
    ]
)
DISCUSSION_NOUNS = frozenset(
    [
        "talk",
        "discussion",
        "conversation",
        "dialogue",
        "negotiation",
        "consultation",
        "view",
        "concern",
        "agenda",
        # what two sides are at odds over is what their dealings are about: "tensions over trade"
        "tension",
        "dispute",
        "disagreement",
        "row",
        "standoff",
    ]
)
#: Dependency steps that stay inside the phrase a discussion word governs.
_INSIDE = frozenset({"dobj", "pobj", "prep", "conj", "compound", "amod", "acl", "relcl", "appos"})


def _discussed(span: Span) -> bool:
    """The cue names what people talked about: it stands, within a few steps of the parse, in
    the object of a discussion verb or noun ("the two discussed terrorism", "talks on migration",
    "the talks focused on sanctions"). Such a topic counts for its article even when it is named
    once; a cue in background ("amid fears of famine") still needs to recur."""
    token = span.root
    for _ in range(4):
        if token.dep_ not in _INSIDE or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in DISCUSSION_VERBS and token.pos_ == "VERB":
            return True
        if token.lemma_.lower() in DISCUSSION_NOUNS and token.pos_ == "NOUN":
            return True
    return False
