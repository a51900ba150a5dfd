"""A person's other name given in apposition: 'Mohammed al-Masri, better known as Mohammed
Deif', 'Abu Bakr (also known as Ibrahim Awad)'. The second name is the same person as the first,
not a second person; the record keeps it among the person's aliases."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from generator import names

#: Words between the comma (or bracket) and 'known as' ('better known as', 'also known as').
_ADVERBS = frozenset({"better", "also", "widely", "commonly", "popularly", "locally", "more"})
_OPENERS = frozenset({",", "(", "—", "–"})


def _opener_before(doc: Doc, start: int) -> int | None:
    """The index of the comma or bracket that opens ', better known as' right before ``start``,
    or None when the name is not introduced that way."""
    i = start - 1
    if i < 2 or doc[i].lower_ != "as" or doc[i - 1].lower_ not in ("known", "called"):
        if i >= 1 and doc[i].lower_ in ("aka", "a.k.a.", "alias") and doc[i - 1].text in _OPENERS:
            return i - 1
        return None
    k = i - 2
    while k > 0 and doc[k].lower_ in _ADVERBS:
        k -= 1
    return k if doc[k].text in _OPENERS else None


def known_as_aliases(doc: Doc, spans: list[Span]) -> dict[str, str]:
    """Person name -> the name of the person it is another name of, for each person span that
    follows ', known as' right after another person's full name."""
    ends = {span.end: span for span in spans}
    out: dict[str, str] = {}
    for span in spans:
        opener = _opener_before(doc, span.start)
        owner = ends.get(opener) if opener is not None else None
        if owner is None or owner.start == span.start:
            continue
        alias, name = names.strip_possessive(span.text), names.strip_possessive(owner.text)
        if names.is_full(name) and names.key(alias) != names.key(name):
            out.setdefault(alias, out.get(name, name))
    return out
