"""Where an event took place: the destinations of a trip, the place of a meeting, and the forum
it belongs to.

A trip goes where its "to" leads ("travelled to Brazzaville", "a trip that took him to Moscow ...
and to Beijing"), one visit per destination named with its own day. A meeting took place where its
own phrase, or a verb carrying it, says "in" or "at" ("met in Siem Reap, Cambodia"). A gathering
named as the place of another event ("on the sidelines of the APEC summit", "at the summit") is
that event's forum, not an event of its own; a bare "on the sidelines" or "the same meeting" means
the forum the article is about (``Context.current_forum``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.data import DateClaim
from generator.extract.events.parse import (
    CAUSATIVE,
    GATHERINGS,
    Chain,
    Context,
    nominal,
    objects,
)
from generator.extract.events.roles import OFFICE_NOUNS

_SIDELINES = {"sideline", "sidelines", "margin", "margins", "fringe", "fringes"}
_PLACES = ("GPE", "LOC", "FAC")
#: Verbs by which someone makes the trip a noun names: "the visit that Lula made to China".
_MAKING = {"make", "pay", "undertake", "conduct"}


def venue_only(trigger: Token, triggers: set[int]) -> bool:
    """A gathering named as the place of another event ('met Xi on the sidelines of the APEC
    summit', 'spoke at the summit') is that event's venue, not an event of its own here."""
    if not nominal(trigger) or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ == "of" and prep.head.lower_ in _SIDELINES:
        return True
    if prep.lower_ not in ("at", "during"):
        return False
    # another event's trigger above ("met Xi at the summit"); with none, "Orbán, speaking at the
    # summit" reports the speaker there: a participant of the session
    others = triggers - {trigger.i}
    return any(a.i in others or any(c.i in others for c in a.children) for a in trigger.ancestors)


def venue_forums(ctx: Context, trigger: Token, phrase: set[int], chain: Chain) -> list[int]:
    """The forum an event took place at or beside: 'on the sidelines of the G20 meeting', 'at the
    BRICS summit'; a bare 'on the sidelines' or 'the same meeting' means the article's forum."""
    preps = [t for t in trigger.subtree if t.dep_ == "prep" and t.i in phrase]
    preps += [c for v in chain.verbs for c in v.children if c.dep_ == "prep"]
    for prep in preps:
        target = _venue(prep)
        if target is None:
            continue
        if target is prep:  # "on the sidelines"
            found = ctx.current_forum("", trigger)
            return [found] if found is not None else []
        forums = ctx.forums_at(t.i for t in target.subtree)
        if forums:
            return forums
        if bare_gathering(target):
            found = ctx.current_forum(target.lemma_.lower(), trigger)
            return [found] if found is not None else []
    return []


def _venue(prep: Token) -> Token | None:
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.lower_ in _SIDELINES:
        of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return inner if inner is not None else prep
    if prep.lower_ in ("at", "during"):
        return pobj
    return None


def bare_gathering(token: Token) -> bool:
    """'the summit', 'the same meeting': a gathering named by its noun alone."""
    if token.lemma_.lower() not in GATHERINGS or not nominal(token):
        return False
    children = list(token.children)
    if any(c.dep_ in ("poss", "compound", "nmod") for c in children):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children)


def anaphoric(token: Token, ctx: Context) -> bool:
    """'the visit', 'this trip': a visit named by its noun alone refers back."""
    if not nominal(token) or token.lemma_.lower() not in ("visit", "trip", "tour"):
        return False
    children = list(token.children)
    if any(c.dep_ in ("poss", "compound") or c.dep_ == "prep" for c in children):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children)


def visitors(ctx: Context, trigger: Token, tokens: set[int]) -> list[int]:
    """Who makes a visit named by a noun: 'Putin's visit', 'a visit by Putin', 'his trip', 'a trip
    that took him to Moscow'. Empty when the noun does not say (the subject then does)."""
    if not nominal(trigger):
        return []
    out: list[int] = []
    for child in trigger.children:
        by = child.dep_ == "prep" and child.lower_ == "by"
        if child.dep_ in ("poss", "compound") or by:
            out += ctx.people_in(t.i for t in child.subtree)
        elif child.dep_ == "relcl" and child.lemma_.lower() in CAUSATIVE:
            out += ctx.people_in(objects(child))
        elif child.dep_ == "relcl" and child.lemma_.lower() in _MAKING:  # "the visit Lula made"
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            out += ctx.people_in(t.i for s in subjects for t in s.subtree)
    return out


def destinations(trigger: Token, tokens: set[int] | None = None) -> list[Span]:
    """Where a trip goes: 'travelled to Brazzaville', 'arrived in Kyiv', 'visited Taiwan', 'a trip
    to Canada and Indonesia', 'a trip that took him to Moscow ... and to Beijing'."""
    lemma = trigger.lemma_.lower()
    found: list[Token] = []
    if trigger.pos_ == "VERB" and lemma in ("visit", "tour", "leave"):  # "left Suva": was there
        found += [
            c
            for c in trigger.children
            if c.dep_ == "dobj" and (c.ent_type_ in _PLACES or apposed_town(c) is not None)
        ]
    preps = ("to", "in", "at") if lemma in ("arrive", "land", "stop") else ("to",)
    preps += ("of",) if lemma == "tour" and nominal(trigger) else ()  # "a tour of Asia"
    if nominal(trigger):
        scope = [t for t in trigger.subtree if t.i != trigger.i]
    else:
        scope = [  # "gone well, and hoped to travel to X": another verb's destination
            c
            for c in trigger.children
            if c.dep_ == "prep" or (c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX"))
        ]
        scope = [t for c in scope for t in c.subtree]
    for token in scope:
        if token.head.lemma_.lower() in OFFICE_NOUNS and token.head.i != trigger.i:
            continue  # "with the US ambassador to Israel": an office, not where the trip went
        if token.lower_ in preps and token.pos_ == "ADP":
            found += [c for c in token.children if c.dep_ == "pobj"]
    spans = []
    for token in found:
        for place in [token, *(c for c in token.children if c.dep_ == "conj")]:
            span = _place_span(place)
            if span is not None:
                spans.append(span)
    return spans


def places_in(verb: Token) -> list[Span]:
    """'hosted Zelenskyy in Istanbul': the place of the verb itself, or of its object (the
    parser often hangs 'in Istanbul' on the guest); a venue the model took for an organization
    too, which ``venues.towns`` turns into its town or drops."""
    spans = []
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    where = ("in", "at", "to") if verb.lemma_.lower() == "welcome" else ("in", "at")  # "to Rome"
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in where]
    for prep in preps:
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            span = _place_span(pobj)
            # a building ("at State House in Nairobi") stands for its town, if it names one
            if span is not None and pobj.ent_type_ in (*_PLACES, "ORG"):
                spans.append(span)
    return spans


#: Nouns for a town whose name stands beside them: "the Ukrainian capital, Kyiv".
CITY_NOUNS = {"capital", "city", "town", "port"}


def apposed_town(token: Token) -> Token | None:
    """'Greenland's capital, Nuuk', 'the Malian capital, Bamako': the name set beside a noun for
    a town is that town's, however the model tagged it."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in CITY_NOUNS:
        return None
    return next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _place_span(token: Token) -> Span | None:
    doc = token.doc
    named = apposed_town(token)
    if named is not None:
        token = named
    if token.ent_type_:
        ent = next((e for e in sentence_ents(token) if e.start <= token.i < e.end), None)
        if ent is not None and ent.label_ in (*_PLACES, "ORG"):
            return ent
    if token.pos_ == "PROPN":
        return doc[token.left_edge.i : token.i + 1]
    return national_capital(token)


def national_capital(token: Token) -> Span | None:
    """'the Ukrainian capital', 'the capital of Lebanon': a town, named by its country (the
    country's mention inside the phrase carries the destination's country)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() != "capital":
        return None
    near = [c for c in token.children if c.dep_ in ("amod", "compound", "poss")]
    near += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    if not any(c.ent_type_ in ("NORP", "GPE") for c in near):
        return None
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def dated_destinations(
    places: list[Span], phrases: list, trigger: Token
) -> list[tuple[DateClaim | None, list[Span]]]:
    """Destinations grouped by the day named nearest to each, when they differ ('to Moscow on
    Friday ... and to Beijing on Monday'); one group (dated as the trip) otherwise."""
    if len(places) < 2:
        return [(None, places)] if places else []
    scope = {t.i for t in trigger.subtree}
    dated = [p for p in phrases if p.claim.start and p.span.root.i in scope]
    groups: dict[str | None, list[Span]] = {}
    claims: dict[str | None, DateClaim] = {}
    for place in places:
        near = min(dated, key=lambda p: abs(p.span.start - place.start), default=None)
        key = near.claim.start if near else None
        groups.setdefault(key, []).append(place)
        if near:
            claims[key] = near.claim
    if len(groups) < 2:
        return [(None, places)]
    return [(claims.get(k), v) for k, v in groups.items()]


def place(ctx: Context, trigger: Token, tokens: set[int], chain: Chain) -> Span | None:
    """'in Siem Reap, Cambodia' → 'Siem Reap, Cambodia': where the event's own phrase, or a verb
    that carries it, says it took place."""
    verbs = {v.i for v in chain.verbs}
    found = _places_after(ctx, trigger, lambda prep: prep.i in tokens or prep.head.i in verbs)
    # "it was in Singapore that they met": a place the sentence's verbs give, never a noun's
    return found or _places_after(ctx, trigger, lambda prep: prep.head.pos_ in ("VERB", "AUX"))


def _places_after(ctx: Context, trigger: Token, where) -> Span | None:
    doc = trigger.doc
    ents = sentence_ents(trigger)
    for ent in sorted([*ents, *_untagged_places(ctx, trigger, ents)], key=lambda e: e.start):
        known = ent.start in ctx.country_at  # a capital the model took for an organization
        if (ent.label_ not in _PLACES and not known) or ent.start == 0:
            continue
        prep = doc[ent.start - 1]
        if prep.lower_ not in ("in", "at") or not where(prep):
            continue
        end = ent.end
        follow = next((e for e in ents if e.start == end + 1 and e.label_ in _PLACES), None)
        if follow is not None and doc[end].text == ",":
            end = follow.end
        return doc[ent.start : end]
    return None


def _untagged_places(ctx: Context, trigger: Token, ents: list[Span]) -> list[Span]:
    """Places the registry knows (a capital, a country) that NER left untagged in the sentence:
    the model tags "Kyiv" in "met Healey in Kyiv." and not in "... in Kyiv on Tuesday."."""
    sent = trigger.sent
    tagged = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for i in range(sent.start, sent.end):
        if i in ctx.country_at and i not in tagged and (not out or out[-1].end <= i):
            mention = ctx.mentions[ctx.country_at[i]]
            span = trigger.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.start == i:
                out.append(span)
    return out


def sentence_ents(token: Token) -> list[Span]:
    """The entities of the token's sentence, indexed once per document (``Span.ents`` scans every
    entity of the document on each call, which makes a long article quadratic)."""
    doc = token.doc
    table = doc.user_data.get("dossier_ents")
    if table is None:
        table = {}
        for ent in doc.ents:
            table.setdefault(ent.sent.start, []).append(ent)
        doc.user_data["dossier_ents"] = table
    return table.get(token.sent.start, [])


def homeward(trigger: Token) -> bool:
    """'headed home to Beijing', 'flew back to India': a return, not a visit."""
    return any(
        c.lower_ in ("home", "back") for c in trigger.children if c.dep_ in ("advmod", "prt")
    )
