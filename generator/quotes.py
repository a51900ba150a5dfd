"""Direct quotations and who said them.

A quotation is text between quotation marks of at least four words (shorter ones are scare quotes:
"red line", "one China"). Its speaker is, in order of trust: the subject of a speech verb in the same
sentence ("..., Wei said"; "Biden said ... '...'"), the person in "quoted X as saying" or
"according to X", or — for "he said" — the last person named before the quotation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .models import Mention, QuoteCandidate

MIN_WORDS = 4
SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "state",
    "declare",
    "announce",
    "warn",
    "note",
    "stress",
    "insist",
    "describe",
    "write",
    "tweet",
    "post",
    "explain",
    "urge",
    "argue",
    "claim",
    "deny",
    "respond",
    "reply",
    "ask",
    "comment",
    "acknowledge",
    "confirm",
    "emphasize",
    "emphasise",
    "underscore",
    "caution",
    "vow",
    "pledge",
    "promise",
    "call",
    "recall",
    "predict",
    "conclude",
    "complain",
    "accuse",
    "assert",
    "maintain",
    "suggest",
    "quip",
    "remark",
    "observe",
    "charge",
    "contend",
}
PRONOUNS = {"he", "she", "they"}
_QUOTE = re.compile(r"[“\"](?P<text>[^“”\"\n]{2,2000}?)[”\"]")
_QUOTED_AS = re.compile(r"quot\w*\s+(?P<who>[^,“\"]{2,80}?)\s+as\s+say", re.IGNORECASE)
_ACCORDING = re.compile(r"according to\s+(?P<who>[^,“\"]{2,80})", re.IGNORECASE)


def find_quotes(
    doc: Doc, mentions: list[Mention], sentences: list[Span], sent_index: dict[int, int]
) -> list[QuoteCandidate]:
    text = doc.text
    ranges = [m.span() for m in _QUOTE.finditer(text)]
    people = [
        (i, m)
        for i, m in enumerate(mentions)
        if m.label == "person" and not any(lo <= m.start < hi for lo, hi in ranges)
    ]
    out: list[QuoteCandidate] = []
    previous: QuoteCandidate | None = None
    previous_end = -1
    for match in _QUOTE.finditer(text):
        quote = " ".join(match.group("text").split()).strip()
        if len(quote.split()) < MIN_WORDS:
            continue
        start, end = match.span()
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        index = sent_index.get(span.start, 0)
        speaker, cue = _speaker(doc, span, sentences, index, people)
        if speaker is None and previous is not None and _continues(text, previous_end, start):
            speaker, cue = previous.speaker, "continued quotation"
        if speaker is None:
            continue
        candidate = QuoteCandidate(text=quote, speaker=speaker, sentence_index=index, cue=cue)
        out.append(candidate)
        previous, previous_end = candidate, end
    return out


def _continues(text: str, previous_end: int, start: int) -> bool:
    """An unattributed quotation right after an attributed one (next sentence or paragraph)."""
    between = text[previous_end:start]
    return len(between) < 200 and not re.search(r"[“\"]", between) and between.count("\n\n") <= 1


def _speaker(
    doc: Doc,
    quote: Span,
    sentences: list[Span],
    index: int,
    people: list[tuple[int, Mention]],
) -> tuple[int | None, str]:
    sentence = sentences[index]
    outside = [t for t in sentence if not (quote.start <= t.i < quote.end)]
    # 1. "quoted X as saying" / "according to X"
    before = doc.text[sentence.start_char : quote.start_char]
    for pattern, cue in ((_QUOTED_AS, "quoted X as saying"), (_ACCORDING, "according to X")):
        m = pattern.search(before)
        if m:
            lo = sentence.start_char + m.start("who")
            hi = sentence.start_char + m.end("who")
            found = _person_in(lo, hi, people)
            if found is not None:
                return found, cue
    # 2. the subject of a speech verb outside the quotation, nearest first
    verbs = [t for t in outside if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    verbs.sort(key=lambda t: min(abs(t.i - quote.start), abs(t.i - quote.end)))
    for verb in verbs:
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if quote.start <= child.i < quote.end:
                continue
            subject = _subject_span(child)
            found = _person_in(subject[0], subject[1], people)
            if found is not None:
                return found, "X said"
            if child.lower_ in PRONOUNS:
                found = _last_person_before(doc, quote.start_char, people, sentences, index)
                if found is not None:
                    return found, "pronoun said"
    return None, ""


def _subject_span(token) -> tuple[int, int]:
    left = min(t.idx for t in token.subtree)
    right = max(t.idx + len(t.text) for t in token.subtree)
    return left, right


def _person_in(lo: int, hi: int, people: list[tuple[int, Mention]]) -> int | None:
    inside = [(i, m) for i, m in people if m.start >= lo and m.end <= hi]
    if not inside:
        return None
    return inside[-1][0]


def _last_person_before(
    doc: Doc, char: int, people: list[tuple[int, Mention]], sentences: list[Span], index: int
) -> int | None:
    """The person 'he' or 'she' stands for: the last one named as the subject of something other
    than 'said' (the reporter of a statement is rarely its topic), else the last one named."""
    floor = sentences[max(0, index - 2)].start_char
    before = [(i, m) for i, m in people if floor <= m.start < char]
    if not before:
        return None
    subjects = [(i, m) for i, m in before if _subject_of_non_say(doc, m)]
    return (subjects or before)[-1][0]


def _subject_of_non_say(doc: Doc, mention: Mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() != "say"
