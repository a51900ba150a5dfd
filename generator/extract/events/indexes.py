"""Document-wide indexes the event rules share: which tokens lie inside quotation marks, which
belong to a person, forum or country mention, which gathering noun each forum is named with, and
the two people an article is most about."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.data import Mention
from generator.extract.events.releases import quoted_runs, release_quotes

GATHERINGS = {"meeting", "summit", "talks", "talk", "conference", "session", "dialogue"}
GATHERINGS |= {"negotiations", "negotiation", "attendance", "forum", "gathering"}


def quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside quotation marks; a quotation left open runs to the end of its paragraph."""
    inside: set[int] = set()
    opened: int | None = None
    for token in doc:
        text = token.text
        if "\n\n" in text or (token.is_space and text.count("\n") >= 2):
            opened = None
            continue
        if text in ("“", "‘‘") or (text == '"' and opened is None):
            opened = token.i
            continue
        if text in ("”", "’’") or (text == '"' and opened is not None):
            opened = None
            continue
        if opened is not None:
            inside.add(token.i)
    return inside


#: A quotation this short without a verb is a term the narrator quotes, not a quoted statement.
TERM_TOKENS = 6


def quoted_terms(doc: Doc, quoted: set[int]) -> set[int]:
    """The tokens of quoted terms the narrator's sentence is built on: a "friendship and working
    visit" with a leader, a "productive" meeting. A short verbless run inside quotation marks whose
    head word hangs on a word outside the marks is the narrator's noun phrase."""
    out: set[int] = set()
    for run in quoted_runs(quoted):
        words = [doc[i] for i in run if not doc[i].is_punct]
        if not words or len(run) > TERM_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in words):
            continue
        if any(t.head.i not in run and t.head.i != t.i for t in words):
            out.update(run)
    return out


def quoted_statements(doc: Doc) -> set[int]:
    """Quoted tokens, less the terms the narrator quotes inside their own sentence and the text
    of quoted releases."""
    quoted = quoted_tokens(doc)
    # a quoted release is the government's own report of what happened (releases.py)
    return quoted - quoted_terms(doc, quoted) - release_quotes(doc, quoted)


def token_map(doc: Doc, mentions: list[Mention], label: str) -> dict[int, int]:
    out: dict[int, int] = {}
    for i, mention in enumerate(mentions):
        if mention.label != label:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                out.setdefault(token.i, i)
    return out


def forum_nouns(doc: Doc, forum_at: dict[int, int]) -> list[tuple[int, int, str]]:
    """Each forum mention with the gathering noun it names ('the BRICS summit' → summit, 'a
    meeting of the Quad' → meeting), in reading order."""
    out = []
    seen: set[int] = set()
    for i, forum in sorted(forum_at.items()):
        if forum in seen:
            continue
        seen.add(forum)
        token = doc[i]
        noun = ""
        for candidate in (token.head, token.head.head):
            if candidate.lemma_.lower() in GATHERINGS:
                noun = candidate.lemma_.lower()
                break
        if not noun and i + 1 < len(doc) and doc[i + 1].lemma_.lower() in GATHERINGS:
            noun = doc[i + 1].lemma_.lower()
        out.append((i, forum, noun))
    return out


def most_mentioned(people: list[tuple[int, Mention]]) -> tuple[int, ...]:
    counts: dict[str, list[int]] = {}
    for i, m in people:
        counts.setdefault(m.refers_to or m.text, []).append(i)
    full = {k: v for k, v in counts.items() if len(k.split()) >= 2}
    ranked = sorted(full.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
    return tuple(v[0] for _, v in ranked[:2])
