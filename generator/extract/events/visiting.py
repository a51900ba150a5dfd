"""'Visiting' as a word of description: "Wang met with visiting Secretary of State Blinken",
"Xi told visiting Chancellor Scholz". The parser often reads such a 'visiting' as a verb whose
object is the person it describes ("with [someone] visiting Blinken"), so the sentence's subject
would become the visitor and the meeting would lose its guest. Only a participle that opens a
clause of its own ("Scholz, visiting Biden at the White House, said") visits someone."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

#: Where the parser hangs a describing 'visiting': after a preposition, as a verb's complement,
#: or inside the noun phrase itself.
_DESCRIBING = {"pcomp", "xcomp", "amod", "compound", "dobj", "pobj", "nmod"}


def describes_person(ctx: Any, token: Token) -> bool:
    """'visiting' right before the person it takes as its object, not opening a clause."""
    if token.lower_ != "visiting" or token.dep_ not in _DESCRIBING:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in token.children):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return any(o.left_edge.i == token.i + 1 and ctx.people_in([o.i]) for o in objects)


def guests(ctx: Any, verb: Token) -> list[Token]:
    """The people a describing 'visiting' hangs between a verb and its object: 'received
    visiting Chancellor Scholz'."""
    words = [c for c in verb.children if describes_person(ctx, c)]
    return [o for w in words for o in w.children if o.dep_ == "dobj"]
