"""A visit told only by where someone was when they spoke: "Lavrov, in Beijing on Tuesday, said
...", "Speaking in Nairobi on Monday, Blinken said ...". The place stands in a phrase set off by
commas beside the speaker (or in the participle that opens the sentence), and the speaker is known
to be of another country than the place's: the foreigner was there, which is a visit. A speaker
whose country is unknown, a place that is no town or country, or a phrase without a day of its own
gives nothing: a wrong visit costs more than a missing one."""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extract.events.dates import EventDate, Timeline
from generator.extract.events.merge import Report
from generator.extract.events.parse import Context
from generator.extract.events.venues import towns

#: Verbs by which someone speaks where they are.
SPEAKING = {"say", "tell", "speak", "announce", "warn", "add", "note", "urge", "insist", "stress"}
SPEAKING |= {"declare", "reiterate", "address", "write", "vow", "pledge", "call", "describe"}


def present_in(ctx: Context, timeline: Timeline, index: int, sentence: Span) -> list[Report]:
    out = []
    for verb in (t for t in sentence if t.lemma_.lower() in SPEAKING and t.pos_ == "VERB"):
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            speakers = ctx.people_in(
                [subject.i, *(t.i for t in subject.children if t.dep_ == "compound")]
            )
            if len(speakers) != 1:
                continue
            for prep in _aside(subject, verb):
                report = _visit(ctx, timeline, index, speakers[0], prep)
                if report is not None:
                    out.append(report)
    return out


def _aside(subject: Token, verb: Token) -> list[Token]:
    """'in <place>' between commas right after the subject ('X, in Beijing on Tuesday, said'),
    wherever the parser hung it, or in a participle of speaking opening the sentence ('Speaking
    in Beijing on Tuesday, X said')."""
    doc = subject.doc
    found = []
    after = subject.i + 1
    if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].lower_ == "in":
        prep = doc[after + 1]
        closing = next((t for t in doc[prep.i : verb.i] if t.text == ","), None)
        if closing is not None and closing.i + 1 == verb.i:
            found.append(prep)  # "X, in Beijing on Tuesday, said": nothing else in between
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < subject.i):
        if clause.tag_ == "VBG" and clause.lemma_.lower() in SPEAKING | {"visit"}:
            found += [c for c in clause.children if c.dep_ == "prep" and c.lower_ == "in"]
    return found


def _visit(ctx: Context, timeline: Timeline, index: int, person: int, prep: Token) -> Report | None:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return None
    head = objects[0]
    if head.ent_type_ not in ("GPE", "LOC") and head.i not in ctx.country_at:
        return None  # "in a speech", "in an interview": no place
    place = next(
        (e for e in ctx.doc.ents if e.start <= head.i < e.end), ctx.doc[head.i : head.i + 1]
    )
    where = towns(ctx, [place])
    home = ctx.nationality(person)
    if not where or home is None or any(home in ctx.country_keys(w) for w in where):
        return None  # no town; a speaker of unknown country, or at home
    # the day must stand in the same aside: "in Beijing on Tuesday"
    end = next((t.i for t in ctx.doc[prep.i : prep.sent.end] if t.text == ","), prep.sent.end)
    days = [
        p.claim
        for p in timeline.phrases(prep.sent)
        if prep.i < p.span.start and p.span.end <= end and p.claim.start and p.offset_days is None
    ]
    if not days:
        return None
    date = EventDate(days[0], stated=True, own_clause=True)
    countries = ctx.countries_in(where)
    return Report("visit", prep, [person], [person], date, index, where[0].text, countries)
