"""A person's role as printed, tidied, or refused when the words are not this person's title.

The phrase before a name or in apposition after it is read greedily (``mentions._role``); real
sentences then hand it words that belong elsewhere. The role is shown on the person's page as a
fact, so a phrase that may be another person's title is dropped rather than shown:

- "Albin Kurti, and the Serbian president, Aleksandar Vucic": a phrase that opens with "and" or
  a relative word ("who", "which") is another person's title or a clause, not an apposition;
- "Hassan Rashad, the US deputy envoy to the Middle East Morgan Ortagus": a phrase that holds
  another person's name, or runs on into one, is that person's title;
- "the assassination of President Jovenel Moïse": the office is the part after "of";
- "the President of the Republic of Mozambique and outgoing", "chairperson of the", "Qatari
  Foreign Minister Sheikh", "Ambassador to Afghanistan in Kabul on Tuesday": words after the
  office (a conjunction and what follows it, function words, an honorific of the name, a date)
  are cut;
- "head of Haiti's transitional presidential": a phrase that ends before its noun is cut short
  and dropped.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extract.gazetteer import Gazetteer, title_key

_CONJUNCTIONS = frozenset({"and", "or", "but", "nor", "&"})
_RELATIVES = frozenset({"who", "whom", "whose", "which", "that", "where", "when"})
#: Parts of speech a title never ends in ("minister of the", "envoy to", "leader and").
_NO_END = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "PUNCT", "AUX", "VERB"})
#: Adjectives that may close an office ("President-elect", "Secretary General", "Attorney General").
_CLOSING_ADJECTIVES = frozenset({"elect", "designate", "general", "emeritus"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


def tidy_role(phrase: Span, person: Span, gaz: Gazetteer) -> str | None:
    """The title ``phrase`` gives ``person``, tidied; None when it may be someone else's."""
    doc = phrase.doc
    tokens = [t for t in phrase]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    if not tokens or tokens[0].lower_ in _CONJUNCTIONS | _RELATIVES:
        return None
    if any(_names_someone_else(t, person) for t in tokens):
        return None
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if phrase.start >= person.end and after is not None and _runs_on(tokens[-1], after, person):
        return None  # the apposition runs on into the next person's name: it is theirs
    tokens = _cut_after_a_conjunction(tokens, gaz)
    tokens = _trim_end(tokens, person, gaz)
    tokens = _office_after_of(tokens, gaz)
    while tokens and tokens[0].pos_ == "DET" and tokens[0].lower_ in ("the", "a", "an"):
        tokens.pop(0)
    if not tokens or not any(_is_office(t, gaz) for t in tokens):
        return None
    last = tokens[-1]
    if last.pos_ == "ADJ" and last.lower_ not in _CLOSING_ADJECTIVES and not _is_office(last, gaz):
        return None  # "transitional presidential": the noun it qualifies was not read
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    if text.isupper() and len(text) > 5:  # "FOREIGN MINISTER" in a shouted dateline
        text = " ".join(w if len(w) <= 3 else w.capitalize() for w in text.split())
    return text


def _is_office(token: Token, gaz: Gazetteer) -> bool:
    return token.lower_.strip(".") in gaz.office_words


def _any_office(tokens: list[Token], gaz: Gazetteer) -> bool:
    return any(_is_office(t, gaz) for t in tokens)


def _names_someone_else(token: Token, person: Span) -> bool:
    """Whether ``token`` is part of a person's name that is not ``person``'s."""
    if token.ent_type_ != "PERSON":
        return False
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None:
        return False
    return not (ent.start < person.end and person.start < ent.end)  # not an overlap


def _runs_on(last: Token, after: Token, person: Span) -> bool:
    """Whether the phrase ends inside a name: the next word is another person's, or a name
    goes on across the phrase's end ("... to the Middle East Morgan | Ortagus")."""
    if _names_someone_else(after, person):
        return True
    return last.pos_ == "PROPN" and after.pos_ == "PROPN" and after.text[:1].isupper()


def _cut_after_a_conjunction(tokens: list[Token], gaz: Gazetteer) -> list[Token]:
    """'President of Mozambique and outgoing', 'representative for climate and who': what follows
    the conjunction names no office, so it is the start of something else."""
    for k, token in enumerate(tokens):
        if k and token.lower_ in _CONJUNCTIONS and not _any_office(tokens[k + 1 :], gaz):
            return tokens[:k]
    return tokens


def _trim_end(tokens: list[Token], person: Span, gaz: Gazetteer) -> list[Token]:
    """Drop function words, a date, and the honorific that opens the name from the end."""
    while tokens:
        last = tokens[-1]
        if last.ent_type_ in _TIME_LABELS and not _is_office(last, gaz):
            tokens.pop()
            continue
        if last.pos_ in _NO_END or last.is_punct:
            tokens.pop()
            continue
        name_word = last.ent_type_ == "PERSON" and not _names_someone_else(last, person)
        if name_word and _any_office(tokens[:-1], gaz):
            tokens.pop()  # "Foreign Minister Sheikh": the honorific is the name's
            continue
        if not _is_office(last, gaz) and _opens_a_rank(last, person, gaz):
            tokens.pop()  # "junta chief Senior [General]", "leader Sen."
            continue
        break
    return tokens


def _opens_a_rank(token: Token, person: Span, gaz: Gazetteer) -> bool:
    """Whether a rank or honorific ("Senior General", "Sen.") starts at ``token`` and ends
    before the name."""
    doc = token.doc
    for length in (1, 2, 3):
        end = token.i + length
        if end <= person.start and title_key(doc[token.i : end].text) in gaz.rank_phrases:
            return True
    return False


def _office_after_of(tokens: list[Token], gaz: Gazetteer) -> list[Token]:
    """'assassination of President', 'mandate of President': when the words before the last
    "of" hold no office, the office is what follows it."""
    for k in range(len(tokens) - 1, 0, -1):
        if tokens[k].lower_ == "of":
            before, after = tokens[:k], tokens[k + 1 :]
            if not _any_office(before, gaz) and _any_office(after, gaz):
                return after
            break
    return tokens
