"""Names of a people, not of a person or a body: 'Turkish Cypriots', 'Kosovo Serbs', 'Palestinians'.

The tagger reads a qualified plural demonym as a person's name (two capitalised words) or as an
organization (NORP). A name whose last word is a plural demonym the curated countries list
('Cypriots' beside 'Cypriot') names the people of a place or one of its communities: no entity
of its own."""

from __future__ import annotations

from generator.extract.gazetteer import Gazetteer


def names_a_people(text: str, gaz: Gazetteer) -> bool:
    """Whether ``text`` ends in a curated demonym's plural ('the Greek Cypriots'). 'Swiss' or
    'Chinese', the same in both numbers, are left alone: 'the Chinese' may head a body's name."""
    words = text.split()
    if not words:
        return False
    last = words[-1].rstrip(".,")
    return last.endswith("s") and last in gaz.demonyms and last[:-1] in gaz.demonyms
