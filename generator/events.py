"""Events: meetings, talks, visits, summits and calls reported in a sentence.

A trigger word ("met", "talks", "visited", "summit") with its participants read from the dependency
parse: the people in the trigger's own phrase ("a meeting between A and B") or the subject of the
verb that governs it ("A and B held talks"). Dates come from the sentence's DATE entities, resolved
against the publication date; a present-tense report ("are attending") is dated by publication.
Speculation without a date ("a possible meeting is expected") is not an event.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from . import dates
from .models import DateClaim, EventCandidate, Mention

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
    "tour": "visit",
}
# Travel verbs report a visit when a place follows: "travelled to Brazzaville", "arrived in Kyiv".
TRAVEL_VERBS = {"travel", "arrive", "fly", "land", "visit", "tour", "head", "go"}
VERB_TRIGGERS = {
    "meet": "meeting",
    "visit": "visit",
    "host": "meeting",
    "tour": "visit",
    "talk": "talks",
    "negotiate": "talks",
    "convene": "meeting",
}
# Verbs that govern an event noun and whose subject takes part: "A held talks", "B attended".
GOVERNING = {
    "hold",
    "attend",
    "have",
    "host",
    "join",
    "convene",
    "participate",
    "chair",
    "make",
    "pay",
    "begin",
    "conclude",
    "open",
    "arrive",
    "co-chair",
    "lead",
}
# With a forum in the sentence, these report one of its sessions: "the ADMM-Plus takes place ...".
SESSION_VERBS = {"take", "convene", "open", "gather", "begin", "hold", "close", "conclude"}
_SPECULATION = re.compile(
    r"\b(possible|possibility|expected|may|might|could|whether|plan(?:s|ned)? to|likely|hope|"
    r"would|will|proposed|potential|if)\b",
    re.IGNORECASE,
)
_THE_TWO = re.compile(
    r"\bthe two (?:\w+ ){0,2}(?:leaders|ministers|chiefs|presidents|sides|men|women|officials|"
    r"counterparts|heads of state|diplomats|envoys|defense chiefs|defence chiefs)\b",
    re.IGNORECASE,
)
_RELATIVE_OFFSET = re.compile(
    r"\b(?:(?:just|about|nearly|almost|some|roughly) )?(?:over |under |more than |less than )?"
    r"(?P<n>a|an|one|two|three|four|five|six|\d+) (?P<unit>day|week|month|year)s? "
    r"(?P<dir>after|before|earlier|ago|later)\b",
    re.IGNORECASE,
)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def find_events(
    doc: Doc,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    published: str | None,
) -> list[EventCandidate]:
    people = [(i, m) for i, m in enumerate(mentions) if m.label == "person"]
    top_two = _most_mentioned(people)
    found: list[EventCandidate] = []
    forum_sentences = {m.sentence_index for m in mentions if m.label == "forum"}
    for index, sentence in enumerate(sentences):
        options = []
        for trigger, kind in _triggers(sentence, index in forum_sentences):
            event = _event(
                doc, sentence, index, trigger, kind, mentions, people, top_two, published
            )
            if event is not None:
                options.append(event)
        if options:
            # One event per sentence: its triggers describe the same thing; the one with the
            # most participants says the most about it.
            found.append(max(options, key=lambda e: (len(e.participants), e.kind != "summit")))
    return _merge_within(found, mentions)


def _triggers(sentence: Span, has_forum: bool) -> list[tuple[Token, str]]:
    out = []
    for token in sentence:
        if _session_verb(token, has_forum):
            out.append((token, "summit"))
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and (token.lower_ in NOUN_TRIGGERS or lemma in NOUN_TRIGGERS):
            kind = NOUN_TRIGGERS.get(token.lower_) or NOUN_TRIGGERS[lemma]
            if kind == "call" and not re.search(
                r"\b(phone|video|telephone) call|call with\b", sentence.text, re.IGNORECASE
            ):
                continue
            out.append((token, kind))
        elif token.pos_ == "VERB" and lemma in VERB_TRIGGERS:
            out.append((token, VERB_TRIGGERS[lemma]))
        elif token.pos_ == "VERB" and lemma in TRAVEL_VERBS and _goes_to_place(token):
            out.append((token, "visit"))
    return out


def _goes_to_place(verb: Token) -> bool:
    """'travelled to Brazzaville', 'arrived in Moscow': a place right after to/in."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("to", "in", "at")
        and any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in prep.children)
        for prep in verb.children
    )


def _session_verb(token: Token, has_forum: bool) -> bool:
    if not has_forum or token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma == "take":  # "take place", not "take part"
        return any(c.lower_ == "place" for c in token.children)
    return lemma in SESSION_VERBS


def _event(
    doc: Doc,
    sentence: Span,
    index: int,
    trigger: Token,
    kind: str,
    mentions: list[Mention],
    people: list[tuple[int, Mention]],
    top_two: tuple[int, ...],
    published: str | None,
) -> EventCandidate | None:
    region = _participant_region(trigger)
    in_sentence = [(i, m) for i, m in people if m.sentence_index == index]
    participants = [i for i, m in in_sentence if any(lo <= m.start < hi for lo, hi in region)]
    if not participants and _THE_TWO.search(sentence.text) and len(top_two) == 2:
        participants = list(top_two)
    forums = [
        i
        for i, m in enumerate(mentions)
        if m.label == "forum" and m.sentence_index == index and _at_forum(doc, m, trigger, region)
    ]
    ents = _ents_of(doc, sentence)
    place = _place(doc, ents)
    countries = [
        i
        for i, m in enumerate(mentions)
        if m.label == "country"
        and m.sentence_index == index
        and (_inside(m, place) or (kind == "visit" and _visited(doc, m, trigger)))
    ]
    date = _date(sentence, ents, trigger, published)
    if _SPECULATION.search(sentence.text) and (date is None or date.start is None):
        return None
    if (
        kind in ("meeting", "talks", "call")
        and len(_distinct(participants, mentions)) < 2
        and not forums
    ) and not (date and date.start and participants == []):
        return None
    if kind == "visit" and not participants:
        return None
    if forums and kind in ("meeting", "summit") and not participants:
        kind = "summit"
    return EventCandidate(
        kind=kind,
        trigger=trigger.text,
        participants=tuple(_distinct(participants, mentions)),
        sentence_index=index,
        sentence=sentence.text.strip(),
        date=date,
        place=place.text if place is not None else None,
        place_mentions=tuple(countries),
        forum_mentions=tuple(forums),
    )


_AT_FORUM = re.compile(
    r"\b(at|during|on the sidelines of|on the margins of|ahead of|attend(?:ing|ed|s)?|"
    r"meeting of|summit of|session of|host(?:ing|ed|s)?)\s+(?:the\s+|a\s+|an\s+|this\s+)?[^.]*$",
    re.IGNORECASE,
)


def _at_forum(doc: Doc, mention: Mention, trigger: Token, region: list[tuple[int, int]]) -> bool:
    """The event took place at the forum: the forum stands in the trigger's own phrase, is the
    trigger's subject (for a summit), or follows 'at', 'during', 'on the sidelines of' ..."""
    if mention.source == "cue" or any(lo <= mention.start < hi for lo, hi in region):
        return True
    sentence_start = doc[trigger.i].sent.start_char
    before = doc.text[sentence_start : mention.start]
    return bool(_AT_FORUM.search(before[-60:]))


def _distinct(indexes: list[int], mentions: list[Mention]) -> list[int]:
    """One mention per person: 'Austin' and 'Lloyd Austin' in one sentence are one participant."""
    seen: dict[str, int] = {}
    for i in indexes:
        who = mentions[i].refers_to or mentions[i].text
        seen.setdefault(who, i)
    return sorted(seen.values())


def _participant_region(trigger: Token) -> list[tuple[int, int]]:
    """Character ranges whose people take part: the trigger's phrase and its governing subject."""
    regions = [_subtree_range(trigger, skip_clauses=True)]
    head = trigger
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                    regions.append(_subtree_range(child))
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                break
            passes_through = head.lemma_.lower() in GOVERNING or head.i == trigger.i
            if not passes_through and head.dep_ not in ("pcomp", "advcl", "xcomp", "conj"):
                break
        if head.head.i == head.i:
            break
        if head.dep_ not in (
            "dobj",
            "pobj",
            "prep",
            "attr",
            "pcomp",
            "advcl",
            "xcomp",
            "conj",
            "nsubj",
            "acl",
            "relcl",
            "compound",
            "appos",
        ):
            break
        head = head.head
        if head.pos_ == "NOUN" and head.lemma_.lower() not in NOUN_TRIGGERS and head.dep_ != "pobj":
            break
    return regions


def _subtree_range(token: Token, skip_clauses: bool = False) -> tuple[int, int]:
    """Characters covered by a token's phrase; with ``skip_clauses``, without its relative and
    adverbial clauses ('a visit in which he and Putin promised ...' is about the visit's content,
    not who visited)."""
    sub = list(token.subtree)
    if skip_clauses:
        cut = [c for c in token.children if c.dep_ in ("relcl", "advcl", "acl") and c.i > token.i]
        if cut:
            first = min(min(t.i for t in c.subtree) for c in cut)
            sub = [t for t in sub if t.i < first]
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def _inside(mention: Mention, place: Span | None) -> bool:
    return place is not None and place.start_char <= mention.start and mention.end <= place.end_char


def _visited(doc: Doc, mention: Mention, trigger: Token) -> bool:
    """'visited Taiwan', 'a trip to Canada and Indonesia': the trigger's object or destination."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.head.i == trigger.i and token.dep_ in ("dobj", "pobj", "npadvmod"):
        return True
    head = token.head
    return head.lower_ in ("to", "in") and head.head.i == trigger.i


def _ents_of(doc: Doc, sentence: Span) -> list[Span]:
    """The sentence's entities, found once per document (``Span.ents`` scans every entity of the
    document on each call, which makes a long article quadratic)."""
    table = doc.user_data.get("dossier_ents")
    if table is None:
        table = {}
        for ent in doc.ents:
            table.setdefault(ent.sent.start, []).append(ent)
        doc.user_data["dossier_ents"] = table
    return table.get(sentence.start, [])


def _place(doc: Doc, ents: list[Span]) -> Span | None:
    """'in Siem Reap, Cambodia' → 'Siem Reap, Cambodia'."""
    places = [e for e in ents if e.label_ in ("GPE", "LOC", "FAC")]
    for ent in places:
        if ent.start == 0 or doc[ent.start - 1].lower_ not in ("in", "at", "to"):
            continue
        end = ent.end
        if end + 1 < len(doc) and doc[end].text == ",":
            follow = next((e for e in places if e.start == end + 1), None)
            if follow is not None:
                end = follow.end
        return doc[ent.start : end]
    return None


def _date(
    sentence: Span, ents: list[Span], trigger: Token, published: str | None
) -> DateClaim | None:
    future = any(t.lower_ in ("will", "would", "next", "upcoming") for t in sentence)
    claims = []
    for ent in ents:
        if ent.label_ != "DATE" or _in_wire_dateline(ent, sentence):
            continue
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("since", "until", "by", "before"):
            continue  # "the first talks since 2018" dates another event
        claim = dates.resolve(ent.text, published, future=future)
        if claim is not None:
            claims.append((abs(ent.start - trigger.i), claim))
    resolved = [c for _, c in sorted(claims, key=lambda x: x[0]) if c.start]
    if resolved:
        return resolved[0]
    offset = _RELATIVE_OFFSET.search(sentence.text)
    if offset and published:
        return _offset_claim(offset, published)
    if published and _present_tense(trigger):
        return DateClaim("(present tense, dated by publication)", published, approximate=True)
    if claims:
        return claims[0][1]
    return None


def _in_wire_dateline(ent: Span, sentence: Span) -> bool:
    """'TOKYO, March 6 (Reuters) -': the filing date of the story, not the event's."""
    doc = ent.doc
    return (
        ent.start - sentence.start <= 4
        and ent.end < len(doc)
        and doc[ent.end].text in ("(", "-", "–", "—")
    )


def _offset_claim(match: re.Match[str], published: str) -> DateClaim:
    from datetime import date, timedelta

    n = _NUMBERS.get(match.group("n").lower()) or int(match.group("n"))
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[match.group("unit").lower()] * n
    sign = 1 if match.group("dir").lower() == "later" else -1
    when = date.fromisoformat(published) + timedelta(days=sign * days)
    if match.group("unit").lower() == "year":
        return DateClaim(match.group(0), f"{when.year:04d}", approximate=True)
    return DateClaim(match.group(0), f"{when.year:04d}-{when.month:02d}", approximate=True)


def _present_tense(trigger: Token) -> bool:
    head = trigger
    for _ in range(3):
        if head.tag_ in ("VBP", "VBZ"):
            return True
        if any(c.tag_ in ("VBP", "VBZ") and c.dep_ in ("aux", "auxpass") for c in head.children):
            return True
        if head.head.i == head.i:
            break
        head = head.head
    return head.tag_ in ("VBP", "VBZ")


def _most_mentioned(people: list[tuple[int, Mention]]) -> tuple[int, ...]:
    counts: dict[str, list[int]] = {}
    for i, m in people:
        counts.setdefault(m.refers_to or m.text, []).append(i)
    full = {k: v for k, v in counts.items() if len(k.split()) >= 2}
    ranked = sorted(full.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
    return tuple(v[0] for _, v in ranked[:2])


def _merge_within(found: list[EventCandidate], mentions: list[Mention]) -> list[EventCandidate]:
    """Merge one article's reports of one event; an unnamed lede ('talks Tuesday') joins the first
    named meeting after it."""
    merged: list[EventCandidate] = []
    for event in found:
        target = next((m for m in merged if _same(m, event, mentions)), None)
        if target is None:
            merged.append(event)
            continue
        merged[merged.index(target)] = _combine(target, event)
    unnamed = [e for e in merged if not e.participants and not e.forum_mentions]
    for lede in unnamed:
        follower = next(
            (
                e
                for e in merged
                if e.participants
                and e.sentence_index > lede.sentence_index
                and e.sentence_index - lede.sentence_index <= 3
                and e.kind in ("meeting", "talks")
            ),
            None,
        )
        merged.remove(lede)
        if follower is not None:
            merged[merged.index(follower)] = _combine(follower, lede)
    return merged


def _who(event: EventCandidate, mentions: list[Mention]) -> frozenset[str]:
    return frozenset(mentions[i].refers_to or mentions[i].text for i in event.participants)


def _forums(event: EventCandidate, mentions: list[Mention]) -> set[str]:
    return {mentions[i].entity_id or mentions[i].text for i in event.forum_mentions}


def _same(a: EventCandidate, b: EventCandidate, mentions: list[Mention]) -> bool:
    if a.kind == "summit" or b.kind == "summit":
        return a.kind == b.kind and bool(_forums(a, mentions) & _forums(b, mentions))
    if not a.participants or not b.participants:
        return False
    if _who(a, mentions) != _who(b, mentions):
        return False
    da, db = a.date, b.date
    if da and db and da.start and db.start and da.start[:7] != db.start[:7]:
        return False
    return a.kind == b.kind or {a.kind, b.kind} <= {"meeting", "talks"}


def _more_specific(a: str | None, b: str | None) -> str | None:
    """'Siem Reap, Cambodia' over 'Cambodia'; otherwise the first report's place."""
    if a and b and a in b:
        return b
    return a or b


def _combine(a: EventCandidate, b: EventCandidate) -> EventCandidate:
    date = a.date if (a.date and a.date.start and not a.date.approximate) else (b.date or a.date)
    if a.date and a.date.start and b.date and b.date.start and b.date.end and not a.date.end:
        date = b.date
    return EventCandidate(
        kind=a.kind,
        trigger=a.trigger,
        participants=a.participants or b.participants,
        sentence_index=a.sentence_index,
        sentence=a.sentence,
        date=date,
        place=_more_specific(a.place, b.place),
        place_mentions=tuple(dict.fromkeys(a.place_mentions + b.place_mentions)),
        forum_mentions=tuple(dict.fromkeys(a.forum_mentions + b.forum_mentions)),
    )
