"""A one-word name the tagger reads as an organization, which the article writes as a body.

A one-word organization name nobody curated is weak evidence on its own: the tagger gives the
label to a stray capitalised word ('Channel', 'Surrender') as readily as to an armed movement
or a broadcaster, so ``link`` sends it to the review page. The words after it settle it: only a
body has a spokesman, a delegation, fighters, a regime or officials ('a X delegation', 'X
fighters', 'the X's political office', 'the X foreign minister'). Such a mention is marked
``ner-body``, and the name is published like a typed party. A generic body word ('Ministry',
'Parliament': a curated organization word) and a place stay out: 'the Ministry spokesman' names
no particular body, 'Sudan's government' is the country's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from generator import names
from generator.extract.name_types import NameTypes, is_place

#: Nouns for a body's members, offices and parts: what no stray word has.
BODY_PARTS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "delegation",
        "delegations", "regime", "authorities", "administration", "fighters", "militants",
        "leadership", "commander", "commanders", "official", "officials", "negotiators",
        "envoy", "envoys", "founder", "operatives", "cadres", "takeover", "politburo",
        "minister", "ministers", "office", "bureau", "cabinet", "wing",
    }
)  # fmt: skip
#: Words that may stand between the name and that noun ('the X foreign minister', 'the X's
#: interim cabinet', 'X senior officials').
_MAX_BETWEEN = 2


def named_as_a_body(doc: Doc, span: Span, types: NameTypes) -> bool:
    """One capitalised word, no generic body word nor a place, followed (after its possessive
    and up to two adjectives or nouns in lower case) by a body's member, office or part."""
    words = [t for t in span if not t.is_punct and t.text not in ("'s", "’s")]
    if len(words) != 1:
        return False
    word = words[0]
    if not (word.is_alpha and word.text[:1].isupper() and not word.is_upper):
        return False  # an acronym is published already
    folded = names.fold(word.text)
    generic = types.organization_words | types.party_words | types.company_words
    if folded in generic or folded.rstrip("s") in generic or is_place(word.text):
        return False
    i = word.i + 1
    if i < len(doc) and doc[i].text in ("'s", "’s"):
        i += 1
    for token in doc[i : i + _MAX_BETWEEN + 1]:
        if not token.is_lower or not token.is_alpha:
            return False
        if token.lower_ in BODY_PARTS:
            return True
        if token.pos_ not in ("ADJ", "NOUN"):
            return False
    return False
