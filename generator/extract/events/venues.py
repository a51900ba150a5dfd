"""A visitor goes to a town or a country; a building, an office or a shrine is a venue inside one.

"Received the emir at the Arqa Palace in Riyadh" is a visit to Riyadh; "arrived at the Felipe
Ángeles International Airport" and "Abe's visit to the Yasukuni Shrine" name no town at all, so they
report no visit of one country's leader to another (a wrong destination misleads more than a missing
one). The destination is kept when it is a country or capital the registry knows, or a place the
model did not tag as a building or an organization and whose last word is no building's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extract.events.places import apposed_town, sentence_ents

#: Last words of a building, a site or an institution: a venue, never a town.
VENUE_WORDS = {"palace", "house", "airport", "shrine", "office", "ministry", "hotel", "base"}
VENUE_WORDS |= {"hall", "centre", "center", "headquarters", "building", "temple", "mosque"}
VENUE_WORDS |= {"church", "residence", "museum", "university", "school", "hospital", "stadium"}
VENUE_WORDS |= {"embassy", "consulate", "parliament", "square", "garden", "gardens", "camp"}
VENUE_WORDS |= {"memorial", "cemetery", "port", "station", "compound", "plant", "club", "arena"}
VENUE_WORDS |= {"chancellery", "secretariat", "court"}
#: What the model tags a building or an institution as.
_VENUES = ("FAC", "ORG")


def towns(ctx, spans: list[Span]) -> list[Span]:
    """Each destination that is a town or a country; a venue gives the town it is said to be in
    ('the Arqa Palace in Riyadh'), or nothing."""
    out: list[Span] = []
    for span in spans:
        if is_town(ctx, span):
            out.append(span)
            continue
        inside = _town_after(ctx, span)
        if inside is not None:
            out.append(inside)
    return out


def is_town(ctx, span: Span) -> bool:
    if span.root.i in ctx.country_at:
        return True  # a country or a capital the registry knows (not "Japan's Foreign Ministry")
    if span[-1].lower_ in VENUE_WORDS:
        return False
    named = apposed_town(span.root.head) if span.root.dep_ == "appos" else None
    if named is not None and named.i == span.root.i:
        return True  # "Greenland's capital, Nuuk": named as a town, whatever the model's tag
    return span.root.ent_type_ not in _VENUES


def _town_after(ctx, span: Span) -> Span | None:
    """'the Arqa Palace in Riyadh': the town a venue is in, from the phrase hung on it."""
    doc = span.doc
    after = [span.end + 1] if span.end + 1 < len(doc) and doc[span.end].lower_ == "in" else []
    preps = [c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "in"]
    objects = [c.i for p in preps for c in p.children if c.dep_ == "pobj"]
    for i in [*after, *objects]:  # "Camp Navarro in Zamboanga City", however it is parsed
        ent = next((e for e in sentence_ents(doc[i]) if e.start <= i < e.end), None)
        if ent is not None and is_town(ctx, ent):
            return ent
    return None


def stay_places(trigger: Token) -> list[Span]:
    """'X is in Kenya for a two-day state visit', 'X, who is in Kazakhstan on a state visit': the
    place a visitor is said to be in, beside the visit noun."""
    prep = trigger.head
    verb = prep.head
    if trigger.dep_ != "pobj" or prep.lower_ not in ("on", "for") or verb.lemma_ != "be":
        return []
    ins = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"]
    out = []
    for pobj in (c for i in ins for c in i.children if c.dep_ == "pobj"):
        ent = next((e for e in sentence_ents(pobj) if e.start <= pobj.i < e.end), None)
        if ent is not None and ent.label_ in ("GPE", "LOC"):
            out.append(ent)
    return out
