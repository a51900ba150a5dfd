"""Candidate names in a Doc: the registry's matches, titled names and NER spans, and which of
overlapping candidates wins (the most trusted source, then the longest)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from generator import names
from generator.curated.registry import Registry
from generator.data import split_key
from generator.extract import gazetteer, name_types
from generator.extract.described import described_as_a_person, owns_a_persons_thing
from generator.extract.gazetteer import Gazetteer
from generator.extract.name_types import NameTypes
from generator.extract.org_forms import proper_name_around
from generator.extract.respelled import respelled
from generator.extract.spelled_out import spelled_out
from generator.extract.tools import Tools

# Trust of each source when two candidate spans overlap.
_PRIORITY = {"registry": 4, "body": 4, "title": 3, "ner-person": 2, "ner-org": 1}
#: Words of a region's name ('West Bengal's ruling party' is the region's).
_PLACE_WORDS = {
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Greater",
    "New",
}
#: Titles that are also common given names ("Sultan Al Jaber", "Amir Al Said").
TITLES_AND_GIVEN_NAMES = {"sultan", "amir"}


@dataclass
class Candidate:
    start: int
    end: int
    label: str  # person | country | forum | issue | organization | body
    key: str | None
    source: str
    kind: str = "name"


def find_candidates(doc: Doc, tools: Tools) -> list[Candidate]:
    gaz = tools.gazetteer
    ner_people = [e for e in doc.ents if e.label_ == "PERSON"]
    out: list[Candidate] = []
    for hit in gaz.hits(doc):
        label = split_key(hit.key)[0]
        surface = doc[hit.start : hit.end].text
        if label == "country":
            if surface in gaz.ambiguous and not _tagged_place(doc, hit.start, hit.end):
                continue
            if any(
                p.start <= hit.start and hit.end <= p.end and len(p) > hit.end - hit.start
                for p in ner_people
            ):
                continue  # "Jordan" inside "Michael Jordan"
        if label == "body" and proper_name_around(doc, hit.start, hit.end, gaz):
            continue  # 'Army' in 'Libyan National Army': the tagger's longer name stands
        source = "body" if label == "body" else "registry"
        out.append(Candidate(hit.start, hit.end, label, hit.key, source, hit.kind))
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            start = _given_names_before(doc, ent.start, gaz)
            out.append(Candidate(start, ent.end, "person", None, "ner-person"))
        elif ent.label_ in ("ORG", "NORP", "GPE", "FAC", "EVENT", "LOC"):
            out.append(Candidate(ent.start, ent.end, "organization", None, "ner-org", ent.label_))
    out.extend(_people_tagged_otherwise(doc, ner_people, gaz))
    out.extend(_lone_actors(doc, gaz, tools.name_types))
    out.extend(_titled_names(doc, gaz))
    out = _short_country_names(doc, out, tools.registry)
    out = _with_spelled_out_bodies(doc, out)
    return respelled(doc, out, tools.registry)  # 'Subrahmanyan Jaishankar' for '…yam Jaishankar'


def _short_country_names(doc: Doc, found: list[Candidate], registry: Registry) -> list[Candidate]:
    """'Korea' is short for South or North Korea (curated ``stands_for``): in an article that
    names exactly one of them, the short name there is that one ('the Korea-Japan summit' in a
    report on Seoul and Tokyo); naming both or neither leaves it as it is."""
    named = {c.key for c in found if c.label == "country"}
    out = []
    for cand in found:
        entity = registry.get(cand.key) if cand.label == "country" and cand.key else None
        meant = entity.get("stands_for", []) if entity is not None else []
        written = doc[cand.start : cand.end].text
        if meant and written == entity.name:  # not its other names ('Korean Peninsula')
            among = [key for key in (f"country:{m}" for m in meant) if key in named]
            if len(among) == 1:
                cand = replace(cand, key=among[0])
        out.append(cand)
    return out


def _with_spelled_out_bodies(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """A body's name spelt out before its bracketed short form ('United Nations Mission in South
    Sudan (UNMISS)') is one organization candidate, in place of the pieces the tagger cut it into;
    a curated name that covers it (a country's, a forum's) stands, and the tagger must have read
    some part of it as a body."""
    for span in spelled_out(doc):
        if any(
            c.source == "registry" and c.start <= span.start and span.end <= c.end for c in found
        ):
            continue
        if any(c.label == "person" and span.start < c.end and c.start < span.end for c in found):
            continue
        inside = [
            c
            for c in found
            if (span.start <= c.start and c.end <= span.end)
            or (c.source == "ner-org" and span.start < c.end and c.start < span.end)
        ]  # with the tagger's reading of it ('the X’s'): the span is the name
        if not any(c.source == "ner-org" and c.kind == "ORG" for c in inside):
            continue  # the tagger read no part of it as a body ('Line of Actual Control (LAC)')
        if any(
            c.start == span.start and c.end == span.end and c.source == "ner-org" for c in inside
        ):
            continue  # the tagger read it whole
        found = [c for c in found if c not in inside]
        found.append(Candidate(span.start, span.end, "organization", None, "ner-org", "ORG"))
    return found


def _people_tagged_otherwise(doc: Doc, ner_people: list, gaz: Gazetteer) -> list[Candidate]:
    """'held talks with the head of the council Laurent Saint-Cyr' tagged a facility, while the
    article's 'Saint-Cyr said' is a person: the tagger reads a full name by the words around it,
    and the surname alone, said or described, shows what it is. A two- or three-word name of
    capitalised words ending in words the tagger reads alone as a person ('Saint-Cyr', 'Le Pen'
    for 'Marine Le Pen') is that person; so is one that owns a party ('Nigel Farage's Brexit
    party', read as one organization): a party's owner is its leader."""
    surnames = set()
    for ent in ner_people:
        start = ent.start
        while start < ent.end - 1 and title_at(doc, start, gaz):
            start += title_at(doc, start, gaz)  # 'Ms Le Pen'
        if ent.end - start <= 2:
            surnames.add(tuple(t.text for t in doc[start : ent.end]))
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC"):
            continue
        start = ent.start + (ent[0].lower_ == "the")
        owner = next((t.i for t in doc[start : ent.end] if t.text in ("’s", "'s")), None)
        end = ent.end if owner is None else owner  # "Marine Le Pen's party"
        words = [t.text for t in doc[start:end]]
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
            continue
        if any(tuple(words[-k:]) in surnames for k in range(1, len(words))) or (
            owner is not None and _owns_a_party(doc, owner, gaz, doc[start:end].text)
        ):
            out.append(Candidate(start, end, "person", None, "ner-person"))
    return out


def _given_names_before(doc: Doc, start: int, gaz: Gazetteer) -> int:
    """'and Filipe Jacinto Nyusi, the President': the tagger's name starts at 'Nyusi'; one or two
    untagged capitalised words right before it, after a lower-case word or a comma (not 'of':
    'Secretary of State X'), that are no title and no name a gazetteer knows, are given names."""
    i = start
    while start - i < 2 and i > 0 and _given_name_word(doc[i - 1], gaz):
        i -= 1
    if i == start:
        return start
    before = doc[i - 1] if i > 0 else None
    if before is None or "\n" in before.text:
        return start  # a line's first words may be a headline's
    if before.lower_ in ("of", "the", "’s", "'s") or not (before.is_lower or before.text == ","):
        return start
    return i


def _given_name_word(token, gaz: Gazetteer) -> bool:
    text = token.text
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and text[:1].isupper()
        and not text.isupper()
        and not token.ent_type_
        and token.lower_ not in gaz.title_first_words
        and text not in gaz.country_names
        and not gaz.match_org(text)
        and not name_types.is_place(text)
    )


#: What an institution does as well as a person ('the ministry said', 'Gazprom told'): a word
#: the tagger read as an organization must do something else to be read as a person.
_SPOKEN = {"say", "tell", "write", "add", "urge", "insist", "admit"}
_ACTS = name_types.PERSON_VERBS | {"speak", "hold"}


def _lone_actors(doc: Doc, gaz: Gazetteer, types: NameTypes | None) -> list[Candidate]:
    """'Pashinyan said', 'Aliyev and Pashinian spoke', 'Erdogan met with Pashinian': a lone
    capitalised word the tagger missed or read as a nation, a place or a body, that is the subject
    of a verb only a person does (or joined by 'and' to such a subject, or met by one), and that
    no gazetteer knows, is a person's surname."""
    out = []
    for token in doc:
        if not _lone_name(doc, token, gaz):
            continue
        if types is not None and names.fold(token.text) in types.organization_words:
            continue  # 'the French Presidency said'
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text[:1].isupper() and not token.is_sent_start:
            continue  # the last word of a longer name
        verb = acting_verb(token)
        if verb is not None and token.ent_type_ == "ORG" and verb.lemma_.lower() in _SPOKEN:
            continue
        if (
            verb is None
            and not owns_a_persons_thing(doc, token)
            and not (
                token.ent_type_ == ""
                and types is not None
                and described_as_a_person(doc, token, types.organization_words)
            )
        ):
            continue  # 'Widodo, his predecessor,' or "X's arrest": a word described as a person
        out.append(Candidate(token.i, token.i + 1, "person", None, "ner-person"))
    return out


def _lone_name(doc: Doc, token, gaz: Gazetteer) -> bool:
    text = token.text
    if not token.is_alpha or len(text) < 3:
        return False
    if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and token.ent_type_):
        return False  # a capitalised common noun opening a sentence ('Police said')
    if not text[:1].isupper() or text.isupper() or token.ent_type_ in ("PERSON", "DATE"):
        return False
    if token.ent_type_ and not (token.ent_iob_ == "B" and _entity_length(doc, token.i) == 1):
        return False  # a word of a longer name
    if token.tag_ in ("NNPS", "NNS") or (token.ent_type_ == "NORP" and text.endswith("s")):
        return False  # a people, not a person: 'Muslims said', 'the Kurds met
    if token.i > 0 and doc[token.i - 1].lower_ == "the":
        return False
    return not (
        text in gaz.country_names
        or gaz.match_org(text)
        or name_types.is_place(text)
        or token.lower_ in gaz.title_first_words
    )


def _entity_length(doc: Doc, i: int) -> int:
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end - i


def acting_verb(token):
    """The person's verb of which the word is the subject ('X said'), or a subject's partner
    ('X and Y spoke'), or whom such a subject met ('X met with Y')."""
    head = token.head
    if token.dep_ == "conj" and head.dep_ == "nsubj":
        token, head = head, head.head
    elif token.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() == "meet":
        return head.head
    near = abs(head.i - token.i) <= 6  # a parse joining far words is often wrong
    if token.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in _ACTS and near:
        return head
    return None


def _owns_a_party(doc: Doc, owner: int, gaz: Gazetteer, text: str) -> bool:
    """'X's Brexit party', 'X's populist National Rally party': 'party' within a few words after
    the possessive, and the owner no body, place or country the gazetteers know, nor a region's
    name ('West Bengal', 'Northern Ireland')."""
    after = [t.lower_ for t in doc[owner + 1 : owner + 6]]
    if "party" not in after or any(w in (",", ".", ";") for w in after[: after.index("party")]):
        return False
    if gaz.match_org(text) or text in gaz.country_names or name_types.is_place(text):
        return False
    return not any(w in _PLACE_WORDS for w in text.split())


def _tagged_place(doc: Doc, start: int, end: int) -> bool:
    return any(e.label_ in ("GPE", "LOC") and e.start <= start and end <= e.end for e in doc.ents)


def _titled_names(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """'Col. Tan Kefei', 'Adm. John Aquilino': a title then capitalised words is a name."""
    out = []
    i = 0
    while i < len(doc):
        length = title_at(doc, i, gaz)
        if not length:
            i += 1
            continue
        j = i + length
        while title_at(doc, j, gaz):
            j += title_at(doc, j, gaz)
        k = j
        while (
            k < len(doc)
            and k - j < 6
            and (
                name_token(doc[k])
                or _initial_before_name(doc, k)
                or (k > j and _particle_before_name(doc, k))
                or (k > j and _hyphen_in_name(doc, k))
            )
        ):
            k += 1
        if k < len(doc) and names.fold(doc[k].text).strip(".") in names.SUFFIXES and k > j:
            k += 1  # "Lloyd J. Austin II"
        if k > j:
            out.append(Candidate(j, k, "person", None, "title"))
        i = max(k, i + 1)
    return out


def _hyphen_in_name(doc: Doc, k: int) -> bool:
    """'Jens-Frederik Nielsen': a hyphen glued between two name words is inside the name."""
    return (
        doc[k].text in ("-", "‐")
        and not doc[k - 1].whitespace_
        and not doc[k].whitespace_
        and k + 1 < len(doc)
        and name_token(doc[k + 1])
    )


def title_at(doc: Doc, i: int, gaz: Gazetteer) -> int:
    if i >= len(doc) or doc[i].lower_.strip(".") not in gaz.title_first_words:
        return 0  # cheap test first: most tokens start no title
    if i > 0 and doc[i - 1].like_num:
        return 0  # '5 PM Aden Time': a clock time, no title
    for length in (3, 2, 1):
        if i + length > len(doc):
            continue
        window = doc[i : i + length]
        if any(t.is_space or (t.i > i and t.is_sent_start) for t in window):
            continue  # '… said the President.\n\nRosa Tamayo': a title ends at its sentence
        words = gazetteer.title_key(window.text)
        if words and words in gaz.title_phrases and doc[i].text[:1].isupper():
            return length
    return 0


def name_token(token) -> bool:
    text = token.text
    return (
        token.pos_ == "PROPN"
        and text[:1].isupper()
        and not token.is_punct
        and text not in ("’s", "'s")
        and not any(ch.isdigit() for ch in text)
    )


def _initial_before_name(doc: Doc, k: int) -> bool:
    """'T C A Raghavan', 'J. Smith': initials (the tagger may read 'A' as an article) count when
    a capitalised name word ends them."""
    while k < len(doc) and len(doc[k].text.rstrip(".")) == 1 and doc[k].text[:1].isupper():
        k += 1
    return k < len(doc) and name_token(doc[k]) and len(doc[k].text) > 1


def _particle_before_name(doc: Doc, k: int) -> bool:
    """'bin', 'al', 'de', 'van' inside a name, when a capitalised name word follows."""
    return (
        names.fold(doc[k].text) in names.PARTICLES and k + 1 < len(doc) and name_token(doc[k + 1])
    )


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    ranked = sorted(
        candidates, key=lambda c: (-_PRIORITY[c.source], -(c.end - c.start), c.start, c.label)
    )
    taken: set[int] = set()
    chosen = []
    for cand in ranked:
        span = set(range(cand.start, cand.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
