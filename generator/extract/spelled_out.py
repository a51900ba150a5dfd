"""A body's full name spelt out before its short form in brackets: "United Nations Mission in
South Sudan (UNMISS)", "the Intergovernmental Authority on Development (IGAD)".

The tagger often cuts such a name at a place inside it ('United Nations Mission' | 'South
Sudan'), so the short form's definition is lost and the body is known only by its initials. The
long form is found as Schwartz and Hearst do ("A simple algorithm for identifying abbreviation
definitions in biomedical text", 2003): the short form's letters matched right to left in the
words before the bracket, its first letter at a word's start, the shortest such run of words.
That run becomes one organization candidate when it is a proper name (capitalised words and the
small words between them)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

#: Small words a body's name may hold between its capitalised words.
_JOINING = {"of", "in", "on", "for", "and", "the", "to", "de", "des", "du", "la", "le", "et", "&"}
_SHORT = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_POSSESSIVE = re.compile(r"[’']s$")


def spelled_out(doc: Doc) -> list[Span]:
    """The long forms of the article's bracketed short forms, as spans of ``doc``."""
    out: list[Span] = []
    for match in _SHORT.finditer(doc.text):
        short = match.group(1)
        if sum(ch.isupper() for ch in short) < 3:
            continue  # '(Ed)', '(Mr)': no body's initials
        before = doc.char_span(0, match.start(), alignment_mode="contract")
        if before is None:
            continue
        words = [t for t in before[-(len(short) + 6) :] if not t.is_space]
        while words and (_POSSESSIVE.fullmatch(words[-1].text) or words[-1].text in ("’s", "'s")):
            words = words[:-1]
        start = _long_form_start(short, [t.text for t in words])
        if start is None:
            continue
        span = doc[words[start].i : words[-1].i + 1]
        if _proper_name(span):
            out.append(span)
    return out


def _long_form_start(short: str, words: list[str]) -> int | None:
    """The index of the word the long form starts at, or None (Schwartz and Hearst)."""
    text = " ".join(words)
    s, i = len(short) - 1, len(text) - 1
    while s >= 0:
        ch = short[s].lower()
        while i >= 0 and (text[i].lower() != ch or (s == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    first = text.rfind(" ", 0, i + 1) + 1  # the start of the word the first letter opens
    return text[:first].count(" ")


def _proper_name(span: Span) -> bool:
    """Two words or more, the first and last capitalised, the rest capitalised or small words,
    and no person's name inside."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or not words[0].text[:1].isupper() or not words[-1].text[:1].isupper():
        return False
    if any(t.ent_type_ == "PERSON" for t in words):
        return False
    return all(t.text[:1].isupper() or t.lower_ in _JOINING for t in words)


def spells(short: str, name: str) -> bool:
    """Whether ``short`` is the short form of the whole of ``name``: its letters in order in the
    name, the first at the name's start (Schwartz and Hearst), and every capitalised word's
    initial among them ('UNMISS' / 'United Nations Mission in South Sudan', 'IGAD' /
    'Intergovernmental Authority on Development'; not 'UN' for the first)."""
    letters = [ch for ch in short if ch.isalpha()]
    words = name.split()
    if len(letters) < 2 or len(words) < 2 or _long_form_start("".join(letters), words) != 0:
        return False
    initials = iter(ch.lower() for ch in letters)
    return all(
        any(ch == word[0].lower() for ch in initials) for word in words if word[:1].isupper()
    )
