"""Names the tagger reads as organizations that are none: treaties, ships, places, sites,
events, amounts, offices ("Consul General", "Service Chiefs"), a country written in capitals, a
live blog's time stamp ("GMT Final day of ..."), part of a job title."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from generator import names
from generator.extract.candidates import Candidate
from generator.extract.gazetteer import Gazetteer, title_key
from generator.extract.name_types import NameTypes, is_place, rest_of_an_office
from generator.extract.org_forms import defines_short_form
from generator.extract.peoples import names_a_people

_NOT_ORG_ENDINGS = re.compile(
    r"\b(agreement|treaty|accord|pact|convention|initiative|declaration|deal|framework|"
    r"mechanism|strategy|plan|program|programme|act|bill|law|resolution|partnership|exercise|"
    r"operation|region|area|sea|ocean|peninsula|strait|islands?|shoal|reef|atoll|gulf|bay|"
    r"river|lake|mountains|valley|desert|basin|balkans|caucasus|territory|dialogue|development|"
    r"summit|ceasefire|truce|day|"
    r"base|airbase|airfield|airport|stadium|hospital|prison|barracks|dam|canal|pipeline|"
    r"temple|mosque|cathedral|shrine|monastery|mausoleum|tomb|square|bridge|tower|guesthouse|"
    r"monument|republic|kingdom|emirate|sultanate|principality)$",  # sites, events, states
    re.IGNORECASE,
)
#: Names a place or an operation opens ('Cape Erimo', 'Mount Sinjar', 'Operation Sindoor').
_NOT_ORG_OPENINGS = re.compile(
    r"^(cape|mount|lake|gulf of|bay of|operation|temple of|tomb of|mausoleum of|shrine of)\s",
    re.IGNORECASE,
)
#: Lower-case words no body's name holds: a name with one inside is two names the tagger ran
#: together with the clause between them ('spoke to Kiir about Machar's detention').
_CLAUSE_WORDS = frozenset(
    ["about", "after", "before", "since", "that", "which", "who", "whom", "while", "when",
     "said", "says", "told", "asked", "urged", "because", "although", "though", "if"]
)  # fmt: skip
#: A lower-case noun right after a name that makes it a place's ('the Preah Vihear area',
#: 'Somaliland's Berbera port', 'the Kherson region').
_PLACE_NOUNS_AFTER = frozenset(
    [
        "area",
        "areas",
        "region",
        "province",
        "district",
        "port",
        "harbour",
        "harbor",
        "village",
        "town",
        "city",
        "enclave",
        "governorate",
        "prefecture",
        "municipality",
        "county",
        "valley",
        "temple",
    ]
)
#: An amount of money ('N60m' ransom, 'PHP 2 billion') or a disease ('COVID-19') the tagger
#: reads as an organization.
_AMOUNT_OR_DISEASE = re.compile(
    r"^((N|₦|PHP|Php|Rs\.?|INR|USD|US\$|\$|€|£|KSh|Tk|RM|EUR|GBP)\s?\d|covid\b)", re.IGNORECASE
)
_SHIP_PREFIX = re.compile(r"^(BRP|USS|USNS|HMS|HMAS|HMCS|INS|JS|RFS|ROKS|CNS|KRI)\s")


#: A live blog's time stamp before its entry's first words ("13.05 GMT Final day of ...").
_TIME_ZONE = re.compile(r"^(GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|PST|PDT|IST|JST|KST|AEST)\b")
#: Offices named "<office> General": the second word is no rank of a body.
_GENERAL_OFFICES = frozenset(
    ["attorney", "auditor", "consul", "director", "inspector", "secretary", "solicitor", "surgeon"]
)


def _names_an_office(text: str, gaz: Gazetteer) -> bool:
    """Whether the name's head (its last word, or the last before "of") is an office: a person's
    title or the plural of one, which names holders of an office, not a body."""
    words = text.split()
    if " of " in text:
        words = text[: text.index(" of ")].split()
    head = words[-1].lower()
    if head == "general" and len(words) > 1:
        return words[-2].lower() in _GENERAL_OFFICES or words[-2].lower() in gaz.office_words
    return head in gaz.office_words or (head.endswith("s") and head[:-1] in gaz.office_words)


def _a_country_in_capitals(text: str, gaz: Gazetteer) -> bool:
    """'PHILIPPINES' in a shouted first line: a country's name written in capitals."""
    if not text.isupper() or len(text) < 5:
        return False
    plain = text.removeprefix("THE ").title()
    return plain in gaz.country_names or f"The {plain}" in gaz.country_names


def group_named_as_a_party(doc: Doc, cand: Candidate, gaz: Gazetteer) -> bool:
    """'his Greens party': a group's name the tagger reads as a nationality or creed (NORP),
    before 'party', is the party's name; a demonym ('a French party') never is."""
    after = doc[cand.end] if cand.end < len(doc) else None
    if cand.kind != "NORP" or after is None or after.lower_ != "party":
        return False
    text = doc[cand.start : cand.end].text.removeprefix("the ")
    return text not in gaz.country_names and all(w not in gaz.country_names for w in text.split())


def _places_joined(text: str, gaz: Gazetteer) -> bool:
    """'Dhaka/New Delhi': two places or countries joined by a slash (the two sides of a
    relationship), no body; 'RFE/RL' joins no places."""
    parts = [p.strip() for p in text.split("/")]
    return len(parts) >= 2 and all(p and (p in gaz.country_names or is_place(p)) for p in parts)


def _an_office_of(text: str, types: NameTypes) -> bool:
    """'Office of the Spokesperson', 'Secretariat of the Special Envoy': a body (its head before
    'of' a body's word) that serves an office, not the office."""
    head = text.split(" of ", 1)[0].split() if " of " in text else []
    return bool(head) and names.fold(head[-1]) in types.organization_words


#: Last words of a name that, after two countries joined by a dash, name their relationship.
_RELATION_WORDS = frozenset(
    ["alliance", "relations", "ties", "cooperation", "talks", "consultations", "friendship"]
)


def _countries_relation(text: str, gaz: Gazetteer) -> bool:
    """'Japan-US Alliance', 'China-India Relations': two countries' relationship, no body."""
    words = text.split()
    parts = [p for p in re.split(r"[-–—]", words[0]) if p]
    return (
        len(words) >= 2
        and len(parts) >= 2
        and all(p in gaz.country_names for p in parts)
        and words[-1].lower() in _RELATION_WORDS
    )


def _possessed_adjective(span: Span) -> bool:
    """ "Sharaa’s Islamist" (group ...): someone's possessive and an adjective, where the tagger
    stopped before the noun; a name of a body ends in a noun."""
    tokens = [t for t in span if t.lower_ != "the"]
    return (
        len(tokens) == 3
        and tokens[1].text in ("’s", "'s")
        and tokens[2].pos_ == "ADJ"
        and tokens[2].text[:1].isupper()
    )


def _place_noun_after(doc: Doc, span: Span) -> bool:
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.is_lower and after.text in _PLACE_NOUNS_AFTER


def _ends_in_an_office(text: str, gaz: Gazetteer) -> bool:
    """The name's last two or three words are an office the titles list ('Chargé d'Affaires',
    'Consul General'): the holder of an office, no body."""
    words = text.split()
    return " of " not in text and any(
        len(words) > n and title_key(" ".join(words[-n:])) in gaz.office_phrases for n in (2, 3)
    )


def not_an_organization(doc: Doc, span: Span, text: str, gaz: Gazetteer, types: NameTypes) -> bool:
    """NER 'ORG' spans that are treaties, ships, places, sites (an air base, an airport), events,
    lower-case phrases, or part of a job title ('External Affairs' in 'External Affairs
    Minister', 'Republic of the Congo President')."""
    if _NOT_ORG_ENDINGS.search(text) or _SHIP_PREFIX.match(text) or text[:1].islower():
        return True
    if _a_platform(doc, span):
        return True  # 'posted on Truth Social': where a post stands, not a body
    if any(word in _CLAUSE_WORDS for word in text.split()[1:-1]):
        return True  # 'Kiir about Machar': two names and a clause, no body
    if _AMOUNT_OR_DISEASE.match(text) or names_a_people(text, gaz):
        return True  # ... 'the Greek Cypriots': a people, no body
    if _NOT_ORG_OPENINGS.match(text) or re.fullmatch(r"\S+ and \S+", text):
        return True  # a place, an operation; two names joined ('Fordow and Natanz')
    if text.split()[-1].lower() in gaz.office_words and not _an_office_of(text, types):
        return True
    if _TIME_ZONE.match(text) or _a_country_in_capitals(text, gaz):
        return True  # "GMT Final day of Cop30" in a live blog; "THE PHILIPPINES will ..."
    if _names_an_office(text, gaz) and not gaz.match_org(text):
        return True  # "Kenyan Consul General", "Service Chiefs", "Inspector General of Police"
    if is_place(text) and not gaz.match_org(text):
        return True  # 'Nuuk airport': a town the tagger read as a body
    if _countries_relation(text, gaz) or _possessed_adjective(span):
        return True  # 'the Japan-US Alliance'; "Sharaa’s Islamist (group)"
    if _places_joined(text, gaz) or (_place_noun_after(doc, span) and not gaz.match_org(text)):
        return True  # 'Dhaka/New Delhi'; 'the Preah Vihear area', 'Berbera port'
    if _ends_in_an_office(text, gaz) and not gaz.match_org(text):
        return True  # "the Canadian Chargé d'Affaires": an office of several words
    if defines_short_form(doc, span.end_char, text):
        return False  # 'Head of the Government of National Unity (GNU)': a body's own name
    owned = text != trim_org(span)  # "Head of Chad's Government of ...": a body, no office
    if (
        span[0].lower_ != "the"
        and not owned
        and rest_of_an_office(doc, span.start, gaz.office_words)
    ):
        return not gaz.match_org(text)  # 'Chief of Air Staff': the office's formal name
    following = doc[span.end] if span.end < len(doc) else None
    if following is None or following.lower_ not in gaz.office_words:
        return False
    # 'European Council President X' names the council; 'External Affairs Minister' no body
    return names.fold(text.split()[-1]) not in types.organization_words


#: Verbs and nouns of posting: what stands after them and 'on' is a platform ('posted on X',
#: 'a video on Y'), a medium the way a newspaper's page is, no body in the news.
_POSTING_VERBS = {"post", "write", "tweet", "share", "publish"}
_POSTS = {"post", "posts", "video", "videos", "message", "tweet", "livestream", "account"}


def _a_platform(doc: Doc, span: Span) -> bool:
    if span.start < 2 or doc[span.start - 1].lower_ != "on":
        return False
    before = doc[span.start - 2]
    if before.pos_ == "VERB":
        return before.lemma_.lower() in _POSTING_VERBS
    return before.lower_ in _POSTS


_DASHES = {"-", "–", "—", "--"}


def trim_org(span: Span) -> str:
    tokens = list(span)
    dateline = 0  # 'BAMAKO - Mali', 'DOHA - A X': the tagger ran a dateline into the name
    while dateline < len(tokens) and tokens[dateline].is_upper and tokens[dateline].is_alpha:
        dateline += 1
    if (
        dateline
        and dateline < len(tokens)
        and tokens[dateline].text in _DASHES
        and tokens[dateline - 1].whitespace_  # not 'UN-backed'
    ):
        tokens = tokens[dateline + 1 :]
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (
        tokens[-1].text in ("’s", "'s", "and", "of", "the", "for")
        or tokens[-1].is_punct
        or tokens[-1].text == "party"
    ):
        tokens.pop()  # "Georgian Dream party" is "Georgian Dream"
    if not tokens:
        return ""
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    if len(text) < 2 or not any(t.text[:1].isupper() for t in tokens):
        return ""
    return text
