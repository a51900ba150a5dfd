"""A person's name the tagger labelled in one sentence and skipped in another.

The statistical tagger reads each sentence on its own: "Nikol Pashinyan" is a person in the lead and
"Pashinyan" a bare proper noun three sentences later, "Lajčak" a name once and nothing the next
time. A word that the article itself names as a person (the whole one-word name, or one part of a
full name that no other person of the article shares) is that person wherever it stands as an
unlabelled proper noun, or as one the tagger took for a thing ("Vučić" a place, "Lajčak" a
product) when no gazetteer knows the word as a place. Nothing is guessed about words the article
never tags as a person.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from generator import names
from generator.extract.candidates import Candidate
from generator.extract.gazetteer import Gazetteer
from generator.extract.name_types import is_place

#: A one-word name this short ("Xi" aside) is too often an abbreviation or an initial.
_MIN_LETTERS = 3


#: Labels the tagger gives a surname it does not know ("Vučić" GPE, "Lajčak" PRODUCT).
MISREAD = {"GPE", "LOC", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "FAC", "EVENT", "LAW"}


def with_repeated_names(doc: Doc, chosen: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """The candidates, with a person candidate for each proper noun that repeats a person the
    article names (in place of the thing the tagger took it for)."""
    people = [doc[c.start : c.end] for c in chosen if c.label == "person"]
    forms = _forms(people, gaz)
    if not forms:
        return chosen
    misread = {(c.start, c.end): c for c in chosen if c.source == "ner-org"}
    taken = {i for c in chosen if c.source != "ner-org" for i in range(c.start, c.end)}
    found = [
        Candidate(c.start, c.end, "person", None, "ner-person", "name")
        for c in misread.values()
        if c.end - c.start > 1 and _misread_name(doc[c.start : c.end], forms, gaz)
    ]
    taken |= {
        i
        for c in misread.values()
        if c.end - c.start > 1 and (c.start, c.end) not in {(f.start, f.end) for f in found}
        for i in range(c.start, c.end)
    }
    i = 0
    while i < len(doc):
        end = word_end(doc, i)
        word = doc[i:end]
        start = _start(word, taken, gaz) if names.fold(word.text) in forms else None
        if start is not None:
            found.append(Candidate(start, end, "person", None, "ner-person", "name"))
        i = end
    replaced = {(c.start, c.end) for c in found}
    kept = [c for c in chosen if c.source != "ner-org" or (c.start, c.end) not in replaced]
    return sorted([*kept, *found], key=lambda c: c.start)


def _misread_name(span: Span, forms: set[str], gaz: Gazetteer) -> bool:
    """'Laurent Saint-Cyr' read as a building: a few capitalised proper nouns ending in a name the
    article gives a person, no title and no known place among them."""
    words = [t for t in span if t.text != "-"]
    if len(words) > 4 or not all(t.pos_ == "PROPN" and t.is_title for t in words):
        return False
    if any(t.lower_.rstrip(".") in gaz.title_first_words for t in words):
        return False
    last = span[-1].i
    while last - 2 >= span.start and span.doc[last - 1].text == "-":
        last -= 2
    tail = span.doc[last : span.end].text
    return names.lone(tail) in forms and not is_place(span.text) and not is_place(tail)


def _forms(people: list[Span], gaz: Gazetteer) -> set[str]:
    """The folded words that stand for exactly one person of the article: a one-word name as
    written, and each part of a full name that no other full name shares."""
    full = {names.strip_possessive(s.text) for s in people if names.is_full(s.text)}
    owners = Counter(part for name in full for part in set(names.parts(name)))
    forms = {part for part, n in owners.items() if n == 1}
    for span in people:
        text = names.strip_possessive(span.text)
        if len(text.split()) == 1 and not names.is_full(text):
            folded = names.lone(text)
            if owners.get(folded, 0) <= 1:
                forms.add(folded)
    return {f for f in forms if len(f) >= _MIN_LETTERS and f not in gaz.title_first_words}


def word_end(doc: Doc, i: int) -> int:
    """A hyphenated name is one word: 'Saint', '-', 'Cyr'."""
    end = i + 1
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _start(word: Span, taken: set[int], gaz: Gazetteer) -> int | None:
    """Where the name starts: at a proper noun the tagger gave no label or a thing's label, no
    known place, standing apart from any other name, or at an unlabelled given name just before
    it ("Laurent Saint-Cyr" where the article writes "Saint-Cyr" elsewhere). None when the word
    stands beside a labelled name: part of a name the tagger cut, not a name of its own."""
    doc = word.doc
    first, last = word[0], word[-1]
    if not _bare(word, taken, gaz) or (first.ent_type_ and is_place(word.text)):
        return None  # "Preston", "Georgia": a place before a surname
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and _name_word(after, taken, gaz):
        return None
    start = first.i
    before = doc[start - 1] if start > 0 else None
    if before is not None and _name_word(before, taken, gaz):
        if before.i in taken or not _bare(doc[start - 1 : start], taken, gaz) or before.ent_type_:
            return None
        start -= 1  # an unlabelled given name
        earlier = doc[start - 1] if start > 0 else None
        if earlier is not None and _name_word(earlier, taken, gaz):
            return None
    return start


def _bare(word: Span, taken: set[int], gaz: Gazetteer) -> bool:
    """Capitalised proper nouns the tagger gave no label or a thing's label, no country."""
    first = word[0]
    if any(t.i in taken or (t.ent_type_ and t.ent_type_ not in MISREAD) for t in word):
        return False
    return first.pos_ == "PROPN" and first.is_title and word.text not in gaz.country_names


def _name_word(token, taken: set[int], gaz: Gazetteer) -> bool:
    """A labelled name's word, or a capitalised proper noun that is no title ('Mr', 'Gen.')."""
    if token.i in taken:
        return True
    title = token.lower_.rstrip(".") in gaz.title_first_words or token.text.endswith(".")
    return token.pos_ == "PROPN" and token.is_title and not title
