"""A military exercise's or an operation's code name, which a tagger reads as a person's name:
'their annual Freedom Shield military exercise', 'the Iron Lantern drills'.

Code names are two capitalised words, the shape of a given name and a surname. The noun after
them says what they are: no person is followed by 'exercise' or 'drills' (with at most two
words in lower case between: 'military', 'joint naval'). A person's name before such a noun
would be a possessive ('Kim's drills'), which this leaves alone.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Nouns for a military exercise or manoeuvre.
EXERCISE_NOUNS = frozenset(
    {"exercise", "exercises", "drill", "drills", "manoeuvres", "maneuvers", "wargames"}
)
_MAX_BETWEEN = 2


def names_an_exercise(doc: Doc, start: int, end: int) -> bool:
    """The span is followed by an exercise's noun, after up to two adjectives or nouns in lower
    case."""
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        return False
    for token in doc[end : end + _MAX_BETWEEN + 1]:
        if not (token.is_alpha and token.is_lower):
            return False
        if token.lower_ in EXERCISE_NOUNS:
            return True
        if token.pos_ not in ("ADJ", "NOUN"):
            return False  # 'X said the drills': a verb between
    return False
