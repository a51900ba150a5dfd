"""Events: meetings, talks, visits, summits and calls reported in a sentence.

A trigger ("met", "talks", "travelled to Brazzaville", "summit") and its participants are read from
the dependency parse: the people of the trigger's own phrase ("a meeting between A and B", "talks
with B") and the subject its clauses lead up to ("A held talks", "A flew to Sochi to meet B", "a trip
that took him to Moscow"), pronouns standing for the person they refer to (eventparse.py). One
sentence may report several events: a visit and the meetings of that visit, talks on two successive
days, a trip to two cities. A forum named in the trigger's own phrase makes the report one of that
forum's session ("a meeting of the Quad", kind ``summit``); a forum beside which it took place ("on
the sidelines of the BRICS summit") makes it a meeting at that forum. Speculation without a date ("a
possible meeting is expected"), negated or skipped events and words inside quotation marks are not
events. Places and forums: eventplaces.py; dates: eventdates.py.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from generator.data import EventCandidate, Mention
from generator.extract.events import (
    abroad,
    attendance,
    backrefs,
    companions,
    counterparts,
    delegations,
    greeted,
    history,
    lost_subject,
    merge,
    pairs,
    parse,
    places,
    presence,
    reported,
    stays,
    thanks,
    visiting,
    whereabouts,
)
from generator.extract.events.dates import EventDate, Timeline, days_by_person, event_date
from generator.extract.events.exchanges import caller, exchanged_with, spoke_together, talks_kind
from generator.extract.events.merge import TRAVEL_VERBS, Report
from generator.extract.events.plans import (
    headline_infinitive,
    looked_forward_to,
    planned_destination,
    readied,
    upcoming,
)
from generator.extract.events.roles import lost_role, no_subject
from generator.extract.events.venues import stay_places, towns

NOUN_TRIGGERS = {
    "meeting": "meeting",
    "talks": "talks",
    "talk": "talks",
    "summit": "summit",
    "visit": "visit",
    "trip": "visit",
    "call": "call",
    "conference": "meeting",
    "session": "meeting",
    "dialogue": "meeting",
    "negotiations": "talks",
    "negotiation": "talks",
    "tour": "visit",
    "attendance": "summit",
    "gathering": "summit",
}
#: Nouns that name a gathering: with a forum in their own phrase they report its session.
SESSION_NOUNS = {"meeting", "summit", "talks", "talk", "conference", "session", "dialogue"}
SESSION_NOUNS |= {"negotiations", "negotiation", "attendance"}
VERB_TRIGGERS = {
    "meet": "meeting",
    "visit": "visit",
    "host": "meeting",
    "tour": "visit",
    "talk": "talks",
    "negotiate": "talks",
    "convene": "meeting",
}
#: Verbs whose object is a guest, who visits the host's place: "hosted Modi in Paris".
HOSTING = {"host", "receive", "welcome"}
#: With a forum as their subject these report one of its sessions: "the ADMM-Plus takes place".
SESSION_VERBS = {"take", "convene", "open", "gather", "begin", "hold", "close", "conclude", "end"}
SESSION_VERBS |= {"wrap", "start"}
#: What two leaders sign together they sign in one room: "Putin and Kim signed a treaty".
AGREEMENTS = {"treaty", "agreement", "deal", "pact", "accord", "declaration", "memorandum"}
AGREEMENTS |= {"communique", "statement", "partnership", "charter", "protocol"}


def find_events(
    doc: Doc,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    published: str | None,
    title: str | None = None,
) -> list[EventCandidate]:
    ctx = parse.Context.build(doc, mentions, sentences, title)
    timeline = Timeline(doc, published, ctx.quoted)
    reports: list[Report] = []
    for index, sentence in enumerate(sentences):
        triggers = _triggers(ctx, sentence)
        at = {t.i for t, _ in triggers}
        found: list[Report] = []
        again: list[Token] = []  # "the meeting on Monday": one reported before
        pair = pairs.recent_pair(reports, index)
        for trigger, kind in triggers:
            told = _reports(ctx, timeline, index, trigger, kind, at, pair)
            for report in told:
                report.who = frozenset(ctx.who(i) for i in report.participants)
                found.append(report)
            if not told and backrefs.refers_back(ctx, trigger):
                again.append(trigger)
        found += whereabouts.present_in(ctx, timeline, index, sentence)  # "X, in Kyiv on Monday,"
        found += stays.stays_for(ctx, timeline, index, sentence)  # "X is in Haiti for talks"
        reports += merge.within_sentence(found)
        for trigger in again:
            reports = backrefs.join_back(reports, ctx, timeline, index, trigger, at)
        reports = merge.joined_later(merge.refer_back(reports, ctx, index), ctx, index)
    reports = merge.during_trips(merge.arrivals_at_sessions(reports), ctx)
    reports = presence.add_present(attendance.add_attendees(reports, ctx), ctx)
    reports = backrefs.third_sides(reports, ctx)
    reports = history.news_only(merge.merge_within(merge.named_later(reports)), timeline)
    return [_candidate(r, ctx) for r in reports]  # "his historic visit in 1973": no news


# --- triggers ------------------------------------------------------------------------------------


def _triggers(ctx: parse.Context, sentence: Span) -> list[tuple[Token, str]]:
    out = []
    listed = parse.keyword_items(sentence)
    for token in sentence:
        if token.i in ctx.quoted:
            continue  # words inside a quotation report what someone said, not what happened
        if token.i in listed:
            continue  # "..., Modi Pak visit, SAARC yatra, ...": a page's keywords, no report
        kind = _kind(ctx, token)
        if kind is not None:
            out.append((token, kind))
    return out


def _kind(ctx: parse.Context, token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma == "conversation" and parse.by_phone_noun(token):
        return "call"  # "during a telephone conversation"
    if talks_kind(ctx, token):  # "exchanged views with X", "phoned X": talks, a call
        return talks_kind(ctx, token)
    if parse.nominal(token) and (token.lower_ in NOUN_TRIGGERS or lemma in NOUN_TRIGGERS):
        kind = NOUN_TRIGGERS.get(token.lower_) or NOUN_TRIGGERS[lemma]
        return _call_kind(ctx, token) if kind == "call" else kind
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if _session_verb(ctx, token):
        return "summit"
    if lemma in ("discuss", "confer") and any(
        parse.with_person(ctx, t) for t in [token, *parse.direct_objects(token)]
    ):
        return "talks"  # "discussed humanitarian aid with Grandi"
    if lemma in ("discuss", "confer") and _together(ctx, token):
        return "talks"  # "Pompeo and Lavrov discussed the relationship"
    if lemma in ("speak", "talk") and parse.with_person(ctx, token):
        return "call" if parse.by_phone(token) else "talks"
    if lemma in ("speak", "talk") and parse.by_phone(token) and _together(ctx, token):
        return "call"  # "Biden and Netanyahu spoke by phone"
    if lemma in ("speak", "talk") and _together(ctx, token) and spoke_together(token):
        return "talks"  # "Aliyev and Pashinian spoke in a one-on-one format"
    if lemma == "negotiate" and not _negotiating_with(ctx, token):
        return None  # "the bill was negotiated by ...": a text, not a meeting
    if lemma in VERB_TRIGGERS and token.pos_ == "VERB":
        return None if visiting.describes_person(ctx, token) else VERB_TRIGGERS[lemma]
    if lemma == "call" and _calling_on(ctx, token):
        return "meeting"  # "Singh called on President Marcos": a courtesy call
    if thanks.thanked_host(ctx, token):
        return "meeting"  # "thanked X for the warm welcome": X received the guest
    if greeted.received_by(ctx, token):
        return "meeting"  # "X was received by President Y"
    if lemma in ("receive", "welcome") and _receiving(ctx, token):
        return "meeting"  # "Biden received Kishida at the White House", "welcomed X to Rome"
    if lemma in TRAVEL_VERBS and (places.destinations(token) or _dated_arrival(token)):
        return "visit"
    if lemma == "leave" and places.destinations(token) and _dated(token):
        return "visit"  # "left Suva on Friday morning": the end of a stay there
    if lemma == "sign" and _joint_signing(ctx, token):
        return "meeting"
    gathering = [c for c in token.children if c.dep_ == "nsubjpass" and c.lower_ in NOUN_TRIGGERS]
    if lemma == "attend" and gathering:
        return NOUN_TRIGGERS[gathering[0].lower_]  # "the meeting is attended by A and B"
    if lemma == "attend" and not any(c.dep_ == "dobj" for c in token.children):
        return "summit"  # "Zelensky, attending as a guest": at the forum the article is about
    named = [c for c in token.children if c.dep_ == "dobj" and not parse.has_trigger_noun(c)]
    if lemma == "attend" and named and parse.forums_in(ctx, parse.objects(token)):
        return "summit"  # "attended the G20"; "attended the G20 summit" is the noun's
    return None


def _call_kind(ctx: parse.Context, token: Token) -> str | None:
    """A phone or video call; a courtesy call (on someone) is a meeting; 'calls for' is neither.
    A call from someone ('received a call from Biden') is a phone call."""
    words = {c.lower_ for c in token.children}
    if words & {"phone", "video", "telephone"} or any(
        c.dep_ == "prep" and c.lower_ == "with" for c in token.children
    ):
        return "call"
    if "for" not in words and any(
        c.dep_ == "prep" and c.lower_ == "from" and ctx.people_in(t.i for t in c.subtree)
        for c in token.children
    ):
        return "call"
    if caller(ctx, token):
        return "call"  # "received a phone call on Friday from X"
    if "courtesy" in words or any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
        return "meeting"
    return None


def _calling_on(ctx: parse.Context, verb: Token) -> bool:
    """'called on President Marcos' (a visit of courtesy), not 'called on Netanyahu to agree'
    nor 'called on X for restraint' (an appeal)."""
    ons = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"]
    if not any(ctx.people_in(t.i for t in on.subtree) for on in ons):
        return False
    scope = [t for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree]
    appeal = any(t.dep_ == "aux" and t.lower_ == "to" for t in scope)
    return not appeal and not any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


def _receiving(ctx: parse.Context, verb: Token) -> bool:
    """'received Prime Minister Kishida': a person as the object itself, not 'received a letter
    from Kishida' or 'received Kishida's envoy'."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + visiting.guests(ctx, verb)
    # "received Prince Mohammed bin Salman bin Abdul Aziz": the name's head may lie past the mention
    names = [t for o in objects for t in (o, *o.children) if t is o or t.dep_ == "compound"]
    return any(t.i in ctx.person_at for t in names)


def _session_verb(ctx: parse.Context, token: Token) -> bool:
    """'The ADMM-Plus would take place ...', 'COP29 will be held in Baku': a forum as subject."""
    lemma = token.lemma_.lower()
    if lemma not in SESSION_VERBS:
        return False
    if lemma == "take" and not any(c.lower_ == "place" for c in token.children):
        return False  # "take place", not "take part"
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        ctx.own_forums_at(_head_words(ctx, s)) and not parse.has_trigger_noun(s) for s in subjects
    )


def _head_words(ctx: parse.Context, noun: Token) -> list[int]:
    """The forum a session verb's subject is: the subject itself ("the ADMM-Plus", "COP29") or
    its members ("the G20 leaders", "leaders of the G7"). Not a forum in a phrase hung on another noun: "the expansion
    of the BRICS" is no session of the BRICS, "the UN Envoy to Yemen" none of the UN."""
    if noun.lemma_.lower() in MEMBERS:
        owners = [c for c in noun.children if c.dep_ in ("compound", "poss") or parse.of(c)]
        return [t.i for c in owners for t in c.subtree]  # "the G20 leaders", "leaders of the G7"
    return [noun.i] if noun.i in ctx.forum_at else []


#: Those who meet as a forum: "the G20 leaders gathered in Rio".
MEMBERS = {"leader", "minister", "member", "head", "delegate", "delegation", "chief"}


def _negotiating_with(ctx: parse.Context, token: Token) -> bool:
    """Negotiating with someone, or together with no object: not negotiating a text."""
    if parse.with_person(ctx, token):
        return True
    return not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in token.children)


def _dated_arrival(token: Token) -> bool:
    """'Xi arrived on Monday': an arrival with a day, though the place goes unsaid."""
    return token.lemma_.lower() == "arrive" and _dated(token)


def _dated(verb: Token) -> bool:
    return any(
        c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
        for c in verb.children
    )


def _joint_signing(ctx: parse.Context, token: Token) -> bool:
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in AGREEMENTS for o in objects) and _together(ctx, token):
        return True
    return _signed_by_two(ctx, token)


def _signed_by_two(ctx: parse.Context, verb: Token) -> bool:
    """'The accord was signed in Addis Ababa by Abiy Ahmed and Muse Bihi Abdi', 'It was signed
    ... by' an agreement named just before: two signatories in one room."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if not any(len(ctx.people_in(t.i for t in a.subtree)) >= 2 for a in agents):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if any(s.lemma_.lower() in AGREEMENTS for s in subjects):
        return True
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in AGREEMENTS:
        return True  # "the deal, which was signed by ..."
    if not any(s.lower_ == "it" for s in subjects):
        return False
    start = verb.sent.start
    before = ctx.doc[max(0, start - 60) : start]  # the sentence before, roughly
    return any(t.lemma_.lower() in AGREEMENTS for t in before)


def _together(ctx: parse.Context, verb: Token) -> bool:
    """Two people or more as the verb's subject: 'Putin and Kim signed', 'A and B spoke'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    stray = [t.i for t in lost_subject.stray_subject(verb)]  # a subject the parser lost
    return (
        any(len(ctx.people_in([t.i for t in s.subtree])) >= 2 for s in subjects)
        or len(ctx.people_in(stray)) >= 2
    )


# --- one trigger's reports -----------------------------------------------------------------------


def _reports(
    ctx: parse.Context,
    timeline: Timeline,
    index: int,
    trigger: Token,
    kind: str,
    triggers: set[int],
    pair: list[int],
) -> list[Report]:
    if places.venue_only(trigger, triggers):
        return []  # "on the sidelines of the APEC summit": the place of another event
    chain = parse.climb(ctx, trigger, triggers)
    if chain.negated or looked_forward_to(trigger) or upcoming(trigger) or readied(trigger):
        return []  # "looking forward to meeting X", "ahead of his visit": still to come
    # "Sisi to travel to Addis Ababa for the summit": announced, not done
    chain.speculative |= any(headline_infinitive(v) for v in [trigger, *chain.verbs])
    phrase = parse.phrase(trigger, triggers)
    forums, session = _forums(ctx, trigger, kind, phrase, chain)
    date = event_date(trigger, kind, timeline, ctx.starts)
    if chain.wished or (chain.speculative and not _a_day_of_its_own(date)):
        # possible or planned with no date of its own ("said on Friday he would meet X"), or
        # only hoped for: not an event yet
        return []
    visits = []
    if kind == "visit" or (kind == "meeting" and trigger.lemma_.lower() in HOSTING):
        visits = _visits(ctx, timeline, index, trigger, kind, phrase, chain)
        if kind == "visit":
            return visits
    people = ctx.people_in(phrase, owner=trigger) + ctx.hosts(trigger)
    people += exchanged_with(ctx, trigger) + caller(ctx, trigger)
    people += presence.brought_together(ctx, trigger)  # "the talks brought together A and B"
    people += delegations.members_in(ctx, phrase | chain.subject_tokens)
    people += counterparts.holders(ctx, phrase, chain.subject_tokens)  # "with the President"
    people = _distinct(ctx, chain.people + people)
    if not people:  # "the two leaders": the pair just reported, else the article's two
        people = pairs.the_two_people(ctx, phrase, chain, pair)
    if session and kind in ("meeting", "talks", "call"):
        kind = "summit"
    # one named, and those present with them named just after ("Also present were ..."): met
    present = kind in presence.GATHERINGS and presence.named_after(ctx, index, len(people))
    if not present and not _enough(ctx, kind, people, forums, phrase, chain.subject_tokens):
        return visits
    if kind != "summit" and lost_role(ctx, chain.subject_tokens, people, chain.people):
        return visits  # "the visiting president met X", the title naming nobody
    if kind != "summit" and no_subject(ctx, trigger, people, chain.people):
        people = reported.with_speaker(ctx, trigger, people)  # "X said ... a call with A, B"
        if not people:  # "the deal came after a conversation with A and B": whose, unsaid
            return visits
    unnamed = kind != "summit" and len(people) == 1 and not parse.unnamed_counterpart(phrase, ctx)
    # those who came along ("along with B", "accompanied by B") join a meeting that is one already
    people = _distinct(ctx, people + companions.companions(ctx, trigger, chain))
    place, countries = _place(ctx, trigger, phrase, chain)
    if kind in ("meeting", "talks") and not forums:
        guests = abroad.met_abroad(ctx, trigger, people, countries)
        if guests:  # the foreigner's trip to the host's city
            when = event_date(trigger, "visit", timeline, ctx.starts, allow_below=True)
            visits.append(Report("visit", trigger, guests, guests, when, index, place, countries))
    out = []
    for group, when in _by_day(ctx, trigger, timeline, phrase, chain, people, date):
        guests = chain.people or group
        out.append(
            Report(kind, trigger, group, guests, when, index, place, countries, forums, session)
        )
        out[-1].unnamed_side = unnamed
    return [*visits, *out]


def _a_day_of_its_own(date: EventDate) -> bool:
    """A plan counts with a day of its own clause: 'will meet on Tuesday', not 'is to meet
    Anwar in January' (a planned trip with only a month is still only a plan)."""
    start = date.claim.start if date.claim else None
    return date.own_clause and (start is None or len(start) == 10)  # None: a day left unplaced


def _by_day(
    ctx: parse.Context,
    trigger: Token,
    timeline: Timeline,
    phrase: set[int],
    chain: parse.Chain,
    people: list[int],
    date: EventDate,
) -> list[tuple[list[int], EventDate]]:
    """'held talks with A on Tuesday and with B on Wednesday': two events, each with its day;
    'met A and B at separate meetings', 'met A and B separately': one meeting with each."""
    named = {i: ctx.person_at[i] for i in phrase if i in ctx.person_at}
    named = {i: m for i, m in named.items() if m not in chain.people}
    others = list(dict.fromkeys(named.values()))
    if chain.people and len(others) >= 2 and _separately(trigger):
        return [(_distinct(ctx, [*chain.people, other]), date) for other in others]
    days = days_by_person(trigger, timeline, named) if len(named) >= 2 else {}
    if len({c.start for c in days.values()}) < 2:
        return [(people, date)]
    groups: dict[str, list[int]] = {}
    for person, claim in days.items():
        groups.setdefault(claim.start or "", []).append(person)
    out = []
    for members in groups.values():
        claim = days[members[0]]
        out.append((_distinct(ctx, chain.people + members), EventDate(claim, stated=True)))
    return out


def _separately(trigger: Token) -> bool:
    """'separately', 'in separate meetings', 'held individual talks' under the trigger; 'held
    bilateral talks with A and B' are talks with each; so are 'held meetings with A, B and C'."""
    if trigger.tag_ == "NNS" and trigger.lemma_.lower() in ("meeting", "call"):
        return True
    return any(
        t.lower_ in ("separate", "separately", "individually", "individual", "bilateral")
        for t in trigger.subtree
        if t.dep_ in ("amod", "advmod")
    )


def _enough(
    ctx: parse.Context, kind: str, people: list[int], forums: list[int], phrase, subject
) -> bool:
    """Two people meet, or one with an unnamed counterpart ('a call with his Philippine
    counterpart', 'met envoys of the Gulf states'); a forum's session needs only the forum."""
    if kind == "summit":
        return bool(people or forums)
    if len(people) >= 2:
        return True
    if len(people) != 1:
        return False
    return parse.unnamed_counterpart(phrase, ctx) or delegations.unnamed_side(ctx, phrase, subject)


def _forums(
    ctx: parse.Context, trigger: Token, kind: str, phrase: set[int], chain: parse.Chain
) -> tuple[list[int], bool]:
    """The forums the event belongs to, and whether it is the forum's session itself."""
    venue = places.venue_forums(ctx, trigger, phrase, chain)
    if venue:  # "met on the sidelines of the forum"; but "his attendance at the forum" is in it
        return venue, kind == "summit"
    own = ctx.own_forums_at(phrase | chain.subject_tokens)
    lemma = trigger.lemma_.lower()
    if own:
        gathering = kind == "summit" or lemma in SESSION_NOUNS or lemma in ("meet", "convene")
        return own, gathering
    # "the summit", "attending as a guest": the summit the article is about
    bare = places.bare_gathering(trigger) and lemma in ("summit", "conference", "gathering")
    if bare or (kind == "summit" and trigger.pos_ == "VERB"):
        current = ctx.current_forum(lemma if parse.nominal(trigger) else "summit", trigger)
        if current is not None:
            return [current], True
    return [], False


def _visits(
    ctx: parse.Context,
    timeline: Timeline,
    index: int,
    trigger: Token,
    kind: str,
    phrase: set[int],
    chain: parse.Chain,
) -> list[Report]:
    """One visit per destination named with its own day ('to Moscow on Friday ... and to Beijing
    on Monday'); the visitors are the travellers, never their hosts."""
    if kind == "meeting":  # "Erdoğan hosted Zelenskyy in Istanbul": the guest visits
        where = places.places_in(trigger)
        guests = [g for g in ctx.people_in(parse.objects(trigger)) if _foreign(ctx, g, where)]
    else:
        guests = places.visitors(ctx, trigger, phrase) or chain.people
        guests = _distinct(ctx, guests or delegations.members_in(ctx, chain.subject_tokens))
        guests = _distinct(ctx, guests + companions.companions(ctx, trigger, chain, travel=True))
        where = places.destinations(trigger, phrase) or stay_places(trigger)  # "is in Kenya"
    hosts = [h for w in where if _a_person(ctx, w) for h in ctx.people_in(t.i for t in w)]
    hosts += _visited_with(ctx, trigger) if kind == "visit" else []
    where = [w for w in where if not _a_person(ctx, w)]  # a person is no place
    named = bool(where)
    where = towns(ctx, where)  # "at the Arqa Palace in Riyadh": Riyadh
    if named and not where:
        return []  # "arrived at the airport", "a visit to the shrine": no town to visit
    if kind != "meeting" and where:  # "Kenyan President Ruto flew to Kenya": home, no visit
        guests = [] if places.homeward(trigger) else [g for g in guests if _foreign(ctx, g, where)]
    if not guests or (kind == "meeting" and not where):
        return []
    if kind != "meeting" and not where and places.anaphoric(trigger, ctx):
        return []  # "the visit", "the trip": one already reported, or to be inferred later
    date = event_date(trigger, "visit", timeline, ctx.starts, allow_below=True)
    groups = places.dated_destinations(where, timeline.phrases(trigger.sent), trigger)
    out = []
    for claim, group in groups or [(None, [])]:
        when = EventDate(claim) if claim is not None else date
        if not when.stated and claim is None:  # "a tour that will also take him to Seoul"
            kept = [w for w in group if not planned_destination(w, trigger)]
            if not kept:  # nor a trip with neither a place nor a day: "his first foreign trip"
                continue
            group = kept
        for place in group or [None]:  # "visited Pakistan and Turkey": a visit to each
            name = place.text if place is not None else None
            countries = ctx.countries_in([place]) if place is not None else []
            out.append(Report("visit", trigger, guests, guests, when, index, name, countries))
    hosts = [h for h in _distinct(ctx, hosts) if h not in guests]
    if hosts and kind == "visit":  # "visited Prime Minister Tusk": a visit to him, and a meeting
        group = _distinct(ctx, guests + hosts)
        out.append(Report("meeting", trigger, group, guests, date, index, None, []))
    return out


def _visited_with(ctx: parse.Context, trigger: Token) -> list[int]:
    """'a working visit with Captain Traoré': the people a visit noun is made with are met."""
    if not parse.nominal(trigger):
        return []
    preps = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with"]
    return [p for c in preps for p in ctx.people_in(t.i for t in c.subtree)]


def _a_person(ctx: parse.Context, span: Span) -> bool:
    """A destination that is a person's full name ("a visit to Prime Minister Donald Tusk"), not
    a place the model took for a person ("Sochi")."""
    if any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span):
        return False
    found = ctx.people_in(t.i for t in span)
    return any(len(ctx.mentions[i].text.split()) >= 2 for i in found)


def _foreign(ctx: parse.Context, person: int, where: list[Span]) -> bool:
    """Not known to be of the country of the place: a guest at home makes no visit."""
    home = ctx.nationality(person)
    return home is None or not any(home in ctx.country_keys(w) for w in where)


def _place(
    ctx: parse.Context, trigger: Token, phrase: set[int], chain: parse.Chain
) -> tuple[str | None, list[int]]:
    place = places.place(ctx, trigger, phrase, chain)
    if place is None:
        return None, []
    return place.text, ctx.countries_in([place])


def _distinct(ctx: parse.Context, indexes: list[int]) -> list[int]:
    """One mention per person: 'Austin' and 'Lloyd Austin' in one sentence are one participant."""
    seen: dict[str, int] = {}
    for i in indexes:
        seen.setdefault(ctx.who(i), i)
    return sorted(seen.values())


def _candidate(report: Report, ctx: parse.Context) -> EventCandidate:
    sentence = ctx.sentences[report.sentence_index]
    return EventCandidate(
        kind=report.kind,
        trigger=report.trigger.text,
        participants=tuple(_distinct(ctx, report.participants)),
        sentence_index=report.sentence_index,
        sentence=sentence.text.strip(),
        date=report.date.claim if report.date.claim else None,
        place=report.place,
        place_mentions=tuple(report.countries),
        forum_mentions=tuple(report.forums),
    )
