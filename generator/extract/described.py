"""A lone capitalised word the tagger missed, which the article describes as a person in
apposition ('Widodo, his predecessor, had resisted', 'Arkadi, the party chairwoman, said') or
as the owner of what only a person has ("after Dlamini's arrest", "Okafor's widow").

A surname alone is a person's when it does what only a person does ('X said': ``cues``'s
acting verbs). An apposition naming what the word is serves as well, when its head is a
person's noun: an office or occupation nameparser knows ('chairwoman', 'envoy', 'adviser'), a
predecessor or successor, a relative. A body's noun ('the energy giant', 'the spy agency') or a
place's makes no person. What only a person has: a relative, a killing or a death suffered
(not 'X's killing of ...': a body kills too), an arrest, a funeral.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from generator import names
from generator.extract.kin import KIN
from generator.extract.name_types import _BODY_NOUNS, office_titles

_DETERMINERS = {"a", "an", "the", "his", "her", "their", "its"}
#: Person's nouns nameparser does not list as titles.
_PERSONS = {"predecessor", "successor", "deputy", "rival", "ally", "opponent", "challenger"}
_MAX_WORDS = 5
#: nameparser titles that name a body, a country or a company as often as a person.
_NO_PERSONS = {"state", "producer", "exporter", "importer", "group", "army", "power", "nation"}


def described_as_a_person(doc: Doc, token: Token, organization_words: frozenset[str]) -> bool:
    """``token`` followed by ', <determiner> ... <person's noun>' and a comma or a verb."""
    i = token.i + 1
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _DETERMINERS:
        return False
    head = None
    for k in range(i + 2, min(len(doc), i + 2 + _MAX_WORDS)):
        word = doc[k]
        if (
            word.text in (",", ";", ")")
            or word.pos_ in ("VERB", "AUX")
            or word.lower_
            in (
                "who",
                "which",
                "that",
            )
        ):
            break
        if word.pos_ == "ADP" and head is not None:
            break  # 'the leader of the party': the head comes before 'of'
        head = word
    if head is None or not head.is_lower:
        return False
    noun = names.fold(head.text)
    if noun in organization_words or noun in _BODY_NOUNS or noun in _NO_PERSONS:
        return False  # 'X, the oil producer,', 'X, the broadcaster,': nameparser lists them
    return noun in _PERSONS or noun in KIN or noun in office_titles()


#: What only a person has or suffers, after a possessive.
PERSONS_THINGS = (
    frozenset(
        {"killing", "murder", "assassination", "death", "funeral", "arrest", "detention", "burial"}
    )
    | KIN
)


def owns_a_persons_thing(doc: Doc, token: Token) -> bool:
    """``token`` + 's + a noun for what only a person has, which no 'of' or noun follows
    ("Dlamini's arrest,"; not "X's killing of civilians", "X's death toll")."""
    i = token.i + 1
    if i + 1 >= len(doc) or doc[i].text not in ("'s", "’s"):
        return False
    noun = doc[i + 1]
    if not noun.is_lower or noun.lower_ not in PERSONS_THINGS:
        return False
    after = doc[i + 2] if i + 2 < len(doc) else None
    return after is None or (after.lower_ != "of" and after.pos_ not in ("NOUN", "PROPN"))
