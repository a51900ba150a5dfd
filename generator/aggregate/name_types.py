"""A name's type from all of its evidence across the corpus.

Extraction rules on each mention (``extract/name_types.py``): 'Plaid Cymru leader' is a party there,
but the same name alone before 'said' looks like a person. Here every mention is weighed: a name
that some mention anywhere shows to be a party, a place, a group or a work, and that no mention
gives a personal title ('Mr', 'Sir', 'President'), is not a person anywhere.

Lone words settle across articles (``corpus._settle_people``) only as surnames: a lone given name
('Samantha') is not joined to the one person of the corpus who has it, unless its own article ties
them; nor is a city's name ('Hamilton') without a title before it.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator import names
from generator.data import LinkedArticle, Mention
from generator.extract.name_types import is_city


def typed_forms(linked: Iterable[LinkedArticle]) -> set[str]:
    """Folded names some mention shows to be no person."""
    return {
        names.fold(lm.mention.text)
        for art in linked
        for lm in art.mentions
        if lm.mention.source.startswith("typed-")
    }


def is_evidence_only(mention: Mention) -> bool:
    """A mention typed as a place, a work or a group (not a party or a brand): it weighs on what
    a name is and becomes no entity."""
    return mention.source.startswith("typed-") and mention.source not in (
        "typed-party",
        "typed-organization",
    )


def ruled_out(variants: Iterable[str], titled: bool, typed: set[str]) -> bool:
    """A person entity whose every name was shown somewhere to be no person, never titled."""
    forms = [names.fold(names.strip_possessive(v)) for v in variants]
    return bool(forms) and not titled and all(f in typed for f in forms)


def settles_across_articles(word: str, owner_name: str, titled: bool, tied: bool) -> bool:
    """A lone word joins the one person of the corpus whose name has it only as that person's
    surname, or as a short form an article tied to that person ('Lai' for 'Lai Ching-te', written
    family name first); and, when it is also a city's name, only after a title ('Mr Hamilton')."""
    parts = names.parts(owner_name)
    if not parts or (parts[-1] != word and not tied):
        return False
    return titled or not is_city(word)


def people_read_as_organizations(
    linked: Iterable[LinkedArticle], variants: dict[str, str]
) -> dict[str, str]:
    """Organization keys the tagger made of a person's full name: 'the special envoy of Miroslav
    Lajčak' read as an organization in one article, while the corpus names him as a person.
    Only an organization of the tagger's own (no curated entry, no party or brand ruling), under
    a full name that is exactly one person's. The tagger's labels for a name vary with the words
    around it; a person's mention with its name's shape is the stronger evidence."""
    linked = list(linked)
    people: dict[str, set[str]] = {}  # folded full name -> person keys
    for art in linked:
        for lm in art.mentions:
            if lm.key.startswith("person:?") or not lm.key.startswith("person:"):
                continue
            name = lm.mention.refers_to or lm.mention.text
            if names.is_full(name):
                people.setdefault(names.fold(name), set()).add(variants.get(lm.key, lm.key))
    rekey: dict[str, str] = {}
    for art in linked:
        for lm in art.mentions:
            if not lm.key.startswith("organization:~") or lm.mention.source != "ner":
                continue
            owners = people.get(names.fold(lm.mention.text), set())
            if len(owners) == 1 and names.is_full(lm.mention.text):
                rekey[lm.key] = next(iter(owners))
    return rekey
