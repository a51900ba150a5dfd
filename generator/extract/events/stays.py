"""A visit told as a stay for a gathering: "X is in Haiti for talks with the council", "Y, who is
in Nairobi for a summit, said ...", "Z was in Geneva on Monday for negotiations". Someone said to be
in a town or country for talks, a meeting, a summit or a mission has come there: a visit. The
visitor is the subject of "be"; a subject known to be of the place's country is at home, and a
stay that is denied, only planned or hoped for ("will be in Kyiv for talks") is none. Stays for a
visit or a trip ("is in Kenya for a state visit") are the visit noun's own (``venues.stay_places``).
A stay told with no purpose counts only in the past, with a day of its own clause, and for one known
to be of another country: "the Egyptian intelligence chief was in Beirut on Tuesday".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extract.events import parse
from generator.extract.events.dates import EventDate, Timeline, event_date
from generator.extract.events.merge import Report
from generator.extract.events.places import national_capital
from generator.extract.events.venues import towns

#: What someone is somewhere for: a gathering or a mission, never a visit (the visit noun's).
PURPOSES = {"talk", "talks", "meeting", "summit", "conference", "negotiation", "negotiations"}
PURPOSES |= {"consultation", "consultations", "mission", "session", "dialogue"}
_PLACE_TYPES = ("GPE", "LOC")


def stays_for(ctx: parse.Context, timeline: Timeline, index: int, sentence: Span) -> list[Report]:
    out = []
    for verb in sentence:
        if verb.lemma_ != "be" or verb.i in ctx.quoted:
            continue
        places = _places(ctx, verb)
        if not places:
            continue
        chain = parse.climb(ctx, verb, set())
        if chain.negated or chain.speculative or chain.wished:
            continue  # "will be in Kyiv for talks", "hoped to be in Doha for the summit"
        date = event_date(verb, "visit", timeline, ctx.starts)
        purpose = _for_a_gathering(verb)
        if not purpose and not _on_a_day(verb, date):
            continue
        # without a purpose, only one known to be of another country: "the Egyptian
        # intelligence chief was in Beirut on Tuesday"
        subjects = _subjects(ctx, verb)
        guests = [p for p in subjects if _foreign(ctx, p, places, known=not purpose)]
        if not guests:
            continue
        countries = ctx.countries_in(places)
        # "A and B were all in Beirut on Tuesday": each came on a trip of their own
        for group in [guests] if purpose else [[g] for g in guests]:
            report = Report("visit", verb, group, group, date, index, places[0].text, countries)
            report.who = frozenset(ctx.who(i) for i in group)  # kept apart from another's trip
            out.append(report)
    return out


def _for_a_gathering(verb: Token) -> bool:
    """'for talks with X', 'on a mission': the purpose of the stay."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")]
    return any(
        o.lemma_.lower() in PURPOSES or o.lower_ in PURPOSES
        for p in preps
        for o in p.children
        if o.dep_ == "pobj"
    )


def _places(ctx: parse.Context, verb: Token) -> list[Span]:
    """The town or country of 'in <place>' hung on the verb."""
    found: list[Span] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            ent = next((e for e in ctx.doc.ents if e.start <= pobj.i < e.end), None)
            if ent is not None and (ent.label_ in _PLACE_TYPES or pobj.i in ctx.country_at):
                found.append(ent)
            elif national_capital(pobj) is not None:  # "in the Lebanese capital"
                found.append(national_capital(pobj))
    return towns(ctx, found)


def _subjects(ctx: parse.Context, verb: Token) -> list[int]:
    """The people the verb's subject names; a relative 'who' stands for the noun it hangs on."""
    out: list[int] = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.lower_ == "who" and verb.dep_ == "relcl":
            subject = verb.head
        clauses = {t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        out += ctx.people_in(t.i for t in subject.subtree if t.i not in clauses)
    return list(dict.fromkeys(out))


def _on_a_day(verb: Token, date: EventDate) -> bool:
    """'were in Beirut on Tuesday': a past stay with a day of its own clause (left unplaced when
    the page prints no date of its own)."""
    if verb.tag_ != "VBD" or not date.own_clause or date.claim is None:
        return False
    return date.claim.start is None or len(date.claim.start) == 10


def _foreign(ctx: parse.Context, person: int, places: list[Span], known: bool = False) -> bool:
    """Not known to be of the place's country: a leader in his own capital stays at home. With
    ``known``, the person must be known to be of another country."""
    home = ctx.nationality(person)
    if home is None:
        return not known
    return not any(home in ctx.country_keys(p) for p in places)
