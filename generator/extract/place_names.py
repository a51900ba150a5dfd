"""Names of places, sites and ships built on a person's name, which a tagger reads as that
person: 'Lake Victoria', 'Mount Kenya', 'Kim Il Sung Square', 'Hazara Town', 'the Jean Monnet
building', 'USS Gerald R. Ford'.

The words around the name say what it is. A place word opening it ('Lake', 'Mount', 'Cape',
'Fort', 'Port') or a site word closing it ('Square', 'Avenue', 'Town', 'Province'), a site's noun
in lower case right after it ('building', 'square'), or a navy's ship prefix right before it:
none of these stands in or beside a person's name. Words that are also surnames ('Hall',
'Park', 'Street', 'Camp') are left out of both lists: 'Emma Hall' and 'Park Jin' are people.
"""

from __future__ import annotations

from spacy.tokens import Doc

from generator import names

PLACE_OPENERS = frozenset({"lake", "mount", "mt", "cape", "fort", "port", "gulf", "isla"})
SITE_ENDINGS = frozenset(
    {
        "square", "avenue", "boulevard", "plaza", "town", "province", "district", "airport",
        "stadium", "museum", "mosque", "cathedral", "bridge", "dam", "canal", "strait", "island",
        "islands", "valley", "prize", "award", "act", "doctrine",
    }
)  # fmt: skip
#: Sites' nouns in lower case after a name: 'the Jean Monnet building'.
SITE_NOUNS = frozenset({"building", "square", "avenue", "airport", "stadium", "bridge", "prize"})
#: Navies' ship prefixes, in capitals before the ship's name.
SHIP_PREFIXES = frozenset(
    {
        "USS",
        "USNS",
        "HMS",
        "HMAS",
        "HMCS",
        "HMNZS",
        "INS",
        "PNS",
        "BRP",
        "ROKS",
        "RFS",
        "TCG",
        "KRI",
    }
)


def names_a_place(doc: Doc, start: int, end: int) -> bool:
    """A person-shaped span that names a place, a site, a prize or a ship by its words."""
    words = [names.fold(t.text).strip(".") for t in doc[start:end] if not t.is_punct]
    if len(words) >= 2 and (words[0] in PLACE_OPENERS or words[-1] in SITE_ENDINGS):
        return True
    after = doc[end] if end < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in SITE_NOUNS:
        return True
    return start > 0 and doc[start - 1].text in SHIP_PREFIXES
