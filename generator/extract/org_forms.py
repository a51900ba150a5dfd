"""Organization names as real pages write them.

- A short form defined in brackets after the name, 'the Libyan National Army (LNA)', or the
  initials of a body the article names in full ('DFA' beside the 'Department of Foreign Affairs'),
  in any case ('Sadc'): one organization, and never a person the tagger took it for.
- A country's possessive before the name, 'Libya's Government of National Unity': the country
  counts on its own; the organization is the 'Government of National Unity'.
- A name the tagger ran into the country's possessive before it, 'Malawi's Lazarus Chakwera' read
  as one organization: two or three plain name words after a country's possessive, none a body's,
  a company's or a party's word, nor a place, are the country's person.
- The site naming itself: the whole name of the publisher, or most of it ('Reuters' for 'Thomson
  Reuters'); one word of a longer publisher's name ('Taliban' in a ministry's name) is no self-name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from generator import names
from generator.data import Mention
from generator.extract.gazetteer import Gazetteer
from generator.extract.name_types import NameTypes, is_place
from generator.extract.spelled_out import spells

#: Words an acronym skips ('Bureau of Fisheries and Aquatic Resources' is BFAR).
_LINKING = {"of", "and", "the", "for", "on", "in", "to", "de", "des", "du", "la", "le", "et", "&"}
#: A bracketed short form right after a name: '(LNA)', '(Sadc)', '(S.A.D.C.)'.
_BRACKETED = re.compile(r"\s*\(([A-Za-z][A-Za-z.&]{1,11})\)")
_POSSESSOR = re.compile(r"^(.+?)\s*['’]s\s+(\S.*)$")


def is_the_publisher(text: str, publisher: str | None) -> bool:
    """The publisher's own name, or a name that covers at least half of its words."""
    if not publisher:
        return False
    mine = names.fold(text).removeprefix("the ").split()
    theirs = names.fold(publisher).removeprefix("the ").split()
    if not mine or not theirs:
        return False
    n = len(mine)
    inside = any(theirs[i : i + n] == mine for i in range(len(theirs) - n + 1))
    return inside and 2 * n >= len(theirs)


def without_possessor(text: str, gaz: Gazetteer) -> str:
    """'Libya's Government of National Unity' → 'Government of National Unity'."""
    match = _POSSESSOR.match(text)
    if match and match.group(1) in gaz.country_names and match.group(2)[:1].isupper():
        return match.group(2)
    return text


def initials_fit(short: str, name: str) -> bool:
    """'SADC' / 'Southern African Development Community'; 'DFA' / 'Philippine Department of
    Foreign Affairs' (the last words' initials); any case. One letter is no short form."""
    letters = re.sub(r"[^a-z]", "", names.fold(short))
    words = [w for w in re.split(r"[\s\-]+", names.fold(name)) if w and w not in _LINKING]
    initials = "".join(w[0] for w in words if w[0].isalpha())
    fits = len(letters) >= 2 and len(words) >= 2 and initials.endswith(letters)
    return fits or spells(short, name)  # 'UNMISS' / 'United Nations Mission in South Sudan'


def defines_short_form(doc: Doc, end_char: int, name: str) -> bool:
    """'... Government of National Unity (GNU)': a name its own bracketed initials follow."""
    bracket = _BRACKETED.match(doc.text, end_char)
    return bool(bracket) and initials_fit(bracket.group(1), name)


def _looks_short(text: str) -> bool:
    """One word of 2-12 letters, in capitals or written like a name ('Sadc')."""
    bare = names.strip_possessive(text)
    return " " not in bare and 2 <= len(re.sub(r"[^A-Za-z]", "", bare)) <= 12


def with_short_forms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Each short form of an organization the article names in full refers to that name; a
    short form the tagger read as a person is the organization's."""
    full: dict[str, Mention] = {}  # folded short form -> the mention of the full name
    text = doc.text
    bodies = ("organization", "forum")  # 'PIF' for the 'Pacific Islands Forum' named in full
    orgs = [m for m in mentions if m.label in bodies and len(m.text.split()) >= 2]
    for m in orgs:
        bracket = _BRACKETED.match(text, m.end)
        if bracket and defines_short_form(doc, m.end, m.text):
            full.setdefault(names.fold(bracket.group(1)).replace(".", ""), m)
    out = []
    for m in mentions:
        if m.label == "organization" and not m.entity_id and not _looks_short(m.text):
            owner = _tail_of(m.text, orgs)  # 'the Security Council' after 'UN Security Council'
            out.append(m if owner is None else _as_owner(m, owner))
            continue
        if m.label not in ("organization", "person") or not _looks_short(m.text):
            out.append(m)
            continue
        short = names.fold(names.strip_possessive(m.text)).replace(".", "")
        owner = full.get(short) or _only_fit(m.text, orgs)
        if owner is None or owner is m:
            out.append(m)
            continue
        out.append(_as_owner(m, owner))
    return out


def _as_owner(m: Mention, owner: Mention) -> Mention:
    """The mention of a short form, made a mention of the body (or forum) it stands for."""
    return replace(
        m,
        label=owner.label,
        entity_id=owner.entity_id,
        refers_to=None if owner.entity_id else owner.text,
        source=owner.source if owner.entity_id else "ner",
        acts=False,
        titles=(),
        role=None,
    )


def _tail_of(text: str, bodies: list[Mention]) -> Mention | None:
    """The one known body or forum of the article whose name ends in these two words or more
    ('Security Council' of 'UN Security Council'); none when two different ones do."""
    words = names.fold(text).removeprefix("the ").split()
    if len(words) < 2:
        return None
    fits = {
        m.entity_id: m
        for m in bodies
        if m.entity_id
        and len(m.text.split()) > len(words)
        and names.fold(m.text).split()[-len(words) :] == words
    }
    return next(iter(fits.values())) if len(fits) == 1 else None


def _only_fit(short: str, orgs: list[Mention]) -> Mention | None:
    """The one full name of the article whose initials the short form is, if just one is
    (the same name written twice counts once); only a form in capitals is read this way."""
    bare = names.strip_possessive(short)
    if not bare.isupper():
        return None
    fits = {names.fold(m.text): m for m in orgs if initials_fit(bare, m.text)}
    return next(iter(fits.values())) if len(fits) == 1 else None


def proper_name_around(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """A body word ending a longer name the tagger read as an organization, after a capitalised
    word that is no country ('Libyan National Army' around 'Army'): the organization's own name,
    not '<country>'s army'."""
    for ent in doc.ents:
        if ent.label_ != "ORG" or not (ent.start <= start and end <= ent.end):
            continue
        if ent.end != end or ent.start == start:
            return False  # 'Armed Forces Day', 'International Congress Center': other names
        return any(_proper_word(t, gaz) for t in doc[ent.start : start])
    return False


def _proper_word(token, gaz: Gazetteer) -> bool:
    text = token.text
    return (
        text[:1].isupper()
        and token.is_alpha
        and text not in gaz.country_names
        and names.fold(text) not in _LINKING
    )


def persons_after_a_country(doc: Doc, span, types: NameTypes, gaz: Gazetteer) -> bool:
    """'Malawi's Lazarus Chakwera' read as one organization: the country's person."""
    if len(span) < 4 or span[1].text not in ("’s", "'s") or span[0].text not in gaz.country_names:
        return False
    words = list(span[2:])
    if not 2 <= len(words) <= 3:
        return False
    for token in words:
        text = token.text
        if not (token.is_alpha and text[:1].isupper() and not text.isupper()):
            return False
        if text in gaz.country_names or names.fold(text) in gaz.office_words:
            return False
    rest = " ".join(t.text for t in words)
    bodies = types.organization_words | types.company_words | types.party_words
    if any(names.fold(t.text) in bodies for t in words):
        return False
    return not (types.shape(rest) or gaz.match_org(rest) or is_place(rest))
