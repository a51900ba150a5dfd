"""A lone given name the article ties to a person as a relative: 'his wife, Samantha,', 'her
father, Jean-Paul,', 'the premier's daughter Kavya', 'Meera, his wife,'.

News names a public figure's relatives by their given name alone, once the family name is
plain from the figure beside them. A lone word is a person only on evidence (it speaks, meets,
has a title: ``aggregate/corpus.py``); a kinship noun in apposition is such evidence, as strong
as 'said': a wife, a father, a daughter is a person. The noun must be owned ('his', 'her',
'X's'): 'the Mother of Parliaments', 'Father Christmas' are no one's relatives.
"""

from __future__ import annotations

from spacy.tokens import Span

#: Nouns for a relative.
KIN = frozenset(
    {
        "wife", "husband", "spouse", "widow", "widower", "son", "daughter", "father",
        "mother", "brother", "sister", "uncle", "aunt", "nephew", "niece", "cousin",
        "grandson", "granddaughter", "grandfather", "grandmother", "stepson",
        "stepdaughter", "fiancée", "fiancee", "fiancé", "fiance", "son-in-law",
        "daughter-in-law", "brother-in-law", "sister-in-law",
    }
)  # fmt: skip
_OWNERS = {"his", "her", "their", "'s", "’s"}


def named_as_kin(span: Span) -> bool:
    """A name right after an owned kinship noun (a comma between allowed) or in apposition
    before one ('Meera, his wife,')."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 0 and doc[i].lower_ in KIN and doc[i].is_lower:
        j = i - 1
        if j >= 0 and doc[j].pos_ == "ADJ" and doc[j].is_lower:
            j -= 1  # 'his late father'
        if j >= 0 and doc[j].lower_ in _OWNERS:
            return True
    k = span.end
    return (
        k + 2 < len(doc)
        and doc[k].text == ","
        and doc[k + 1].lower_ in ("his", "her", "their")
        and doc[k + 2].lower_ in KIN
    )
