"""Topics named by place: "the war in Sudan", "Haiti's gang crisis", "the Sahel insurgency",
"relations between India and Pakistan", "the Armenia-Azerbaijan peace process".

Much of what international news is about has no cue word of its own: it is a kind of trouble (a
war, a crisis, violence, a dispute) or of dealings (relations, talks, a peace process) tied to a
place or a pair of places. Each such phrase becomes an issue mention named "<Place> <topic>" or
"<A>–<B> <topic>" (places in alphabetical order), which links to a curated issue whose name holds
the same places (the registry's "Sudan conflict" for "the war in Sudan") and otherwise to a new
issue, found automatically. Only a topic the article is about counts: one named in its title or
lede, or in two sentences or more, or dealings that name both of the article's two most-named
countries ("ties between A and B" in a story of A's and B's leaders, said once).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator import names
from generator.curated.registry import Registry
from generator.data import EntityType, Mention
from generator.extract.mentions import make_mention
from generator.extract.place_questions import (
    fuller_places,
    glued_places,
    peace_in_places,
    place_troubles,
)

#: Kinds of trouble a place can have (longest first, so "civil war" wins over "war").
TROUBLE = (
    "humanitarian crisis",
    "political crisis",
    "security crisis",
    "gang violence",
    "civil war",
    "insurgency",
    "conflict",
    "violence",
    "fighting",
    "famine",
    "unrest",
    "ceasefire",
    "crisis",
    "truce",
    "coup",
    "war",
)
#: One name for a place's armed conflict however it is called, so that "the war in Yemen",
#: "fighting in Yemen" and "the truce in Yemen" are one issue, "Yemen conflict" (the name the
#: taxonomy gives its own: "Sudan conflict", "Syria conflict").
SAME_TROUBLE = {
    "war": "conflict",
    "fighting": "conflict",
    "truce": "conflict",
    "ceasefire": "conflict",
}
#: Dealings between two places.
DEALINGS = (
    "peace process",
    "peace talks",
    "peace treaty",
    "peace deal",
    "peace agreement",
    "border dispute",
    "relations",
    "standoff",
    "stand-off",
    "rift",
    "feud",
    "spat",
    "row",
    "dialogue",
    "tensions",
    "dispute",
    "rivalry",
    "ties",
    "talks",
    "cooperation",
    "partnership",
    "conflict",
    "war",
)
#: One name for dealings that are the same thing said two ways, so that "India-Pakistan ties" and
#: "relations between India and Pakistan" are one issue.
SAME_DEALINGS = {
    "ties": "relations",
    "peace talks": "peace process",
    "peace treaty": "peace process",
    "peace deal": "peace process",
    "peace agreement": "peace process",
    "relationship": "relations",
    # two states' cooperation or partnership is the state of their relations: "strengthen
    # cooperation between the two countries", "the Estonian-Finnish strategic partnership"
    "cooperation": "relations",
    "partnership": "relations",
    # the state of two places' dealings is their relations: "India-Pakistan tensions", "the
    # Belgrade-Pristina dialogue" and "relations between India and Pakistan" are one issue
    "tensions": "relations",
    "dialogue": "relations",
    "rivalry": "relations",
    # talks between two places are their dealings, not a topic apart: "talks between India and
    # Bangladesh" and "India-Bangladesh talks" are their relations ("peace talks" stay a process)
    "talks": "relations",
    # a quarrel between two states is a passage of their relations, not a topic of its own: "the
    # diplomatic row between India and Canada" is their relations ("a border dispute" stays one)
    "standoff": "relations",
    "stand-off": "relations",
    "rift": "relations",
    "feud": "relations",
    "spat": "relations",
    "row": "relations",
    # fighting on a border is the border dispute it comes from
    "border conflict": "border dispute",
    "border clashes": "border dispute",
    "territorial dispute": "border dispute",
}
#: "frosty bilateral relations", "ties between the two countries", "the two nations'
#: relationship": dealings between the two countries the article is about.
_BILATERAL = re.compile(
    r"\bbilateral\s+(?P<topic>relations|ties|talks|dialogue|relationship)\b"
    r"|\b(?P<between>relations|ties|relationship|cooperation|partnership|tensions|rivalry)"
    r"\s+between\s+(?:the|our)\s+(?:two\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:countries|nations|neighbou?rs|states|rivals|allies|sides)\b"
    r"|\bthe\s+two\s+(?:countries|nations|neighbou?rs)['’]?\s+(?P<own>relations|ties|relationship)\b",
    re.IGNORECASE,
)
#: Dealings named without their parties, which a sentence naming both countries makes theirs:
#: "bring Kosovo closer to Serbia through dialogue", "for Kosovo and Serbia to reduce tensions",
#: "Thailand and Cambodia agreed to talks on their border dispute" ("row" only as a diplomatic
#: one: "the third time in a row" is no quarrel).
_SHARED = re.compile(
    r"\b(?P<topic>border (?:dispute|conflict|clashes)|territorial dispute|dialogue|tensions"
    r"|relations|ties|relationship|standoff|stand-off|rift|feud|spat|(?<=diplomatic )row)\b",
    re.IGNORECASE,
)
#: A peace process named without its parties: "the peace treaty", "a peace deal".
_PEACE = re.compile(r"\b(?P<topic>peace (?:treaty|deal|agreement|talks|process))\b", re.IGNORECASE)
#: "eastern", "north-western", "northeast", "South": a part of the place.
_COMPASS = (
    r"(?:(?:(?:north|south)-?)?(?:east|west)(?:ern)?\s+|(?:north|south)(?:ern)?\s+|central\s+)?"
)
_TROUBLE = "|".join(TROUBLE)
_DEALINGS = "|".join(DEALINGS)
#: "the war in", "gang violence across": a trouble before its place.
_BEFORE = re.compile(
    rf"\b(?P<topic>{_TROUBLE})\s+(?:in|across)\s+(?:the\s+)?(?P<compass>{_COMPASS})$",
    re.IGNORECASE,
)
#: Troubles a place has within itself: "Haiti's gang crisis" is in Haiti, "Russia's war" is not.
INTERNAL = tuple(t for t in TROUBLE if t not in ("war", "conflict", "fighting", "coup"))
#: "'s gang crisis", "'s long civil war": an internal trouble after a possessive place.
_POSSESSIVE = re.compile(rf"^(?:'s|’s)\s+(?:[a-z-]+\s+){{0,2}}?(?P<topic>{'|'.join(INTERNAL)})\b")
#: " war", " insurgency": a place as the modifier of its trouble.
_MODIFIER = re.compile(rf"^\s(?P<topic>{_TROUBLE})\b")
#: "relations between": dealings before a pair of places.
_BETWEEN = re.compile(rf"\b(?P<topic>{_DEALINGS})\s+between\s+(?:the\s+)?$")
#: "defence, science and energy ties between": ties in listed fields, not the relations as such.
_SECTORS = re.compile(r"(?:,|\band)\s+[a-z]+(?:\s+[a-z]+)?\s*$")
_AND = re.compile(r"^\s+and\s+(?:the\s+)?$")
_DASH = re.compile(r"^\s?[-–—]\s?$")
#: " peace process", " cricketing ties": dealings after a hyphenated pair (one word may qualify
#: them).
_PAIR_TOPIC = re.compile(
    rf"^\s(?:(?!(?:border|peace)\s)[a-z]+\s)?(?P<topic>{_DEALINGS})\b", re.IGNORECASE
)
#: "negotiations regarding northeast", "talks on the situation in": a place as what people
#: discuss. It names no kind of topic, so it only links to the curated issue of that place.
_TALKS_ON = re.compile(
    r"\b(?:talks|negotiations|discussions|consultations)\s+"
    r"(?:on|over|about|regarding|concerning)\s+(?:the\s+situation\s+in\s+)?(?:the\s+)?"
    rf"(?P<compass>{_COMPASS})$",
    re.IGNORECASE,
)
LEDE_SENTENCES = 2
MIN_SENTENCES = 2


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    name: str  # the country's curated name, or the place as printed


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    name: str  # "Haiti gang violence", "India–Pakistan relations"
    places: tuple[str, ...]
    #: what people discuss ("talks on Syria"): counts when named once, and only for the
    #: curated issue of the place
    discussed: bool = False
    #: said as tensions ("tensions between Russia and Ukraine"): where the two places' curated
    #: issue is a war or conflict between them and none is their relations, it is that war
    tense: bool = False
    #: the phrase names both places ("ties between A and B", "A-B talks"), not only implies them
    explicit: bool = False


def place_topics(
    doc: Doc,
    text: str,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    registry: Registry,
    title: str = "",
) -> list[Mention]:
    """Issue mentions for the topics named by place that the article is about."""
    places = _places(doc, mentions, registry)
    found = _peace_holds_relations(
        _pairs(text, places)
        # the pair a sentence gives its dealings to before the article's standing pair
        + _theirs(text, places, sentences)
        + _bilateral(text, mentions, sentences, registry)
        + _singles(text, places)
        + _adjectival(doc, text, places)
        + [
            _Found(start, end, f"{name} peace process", (name,))
            for start, end, name in peace_in_places(
                text,
                [(p.start, p.end, p.name) for p in places],
                {e.name for e in registry.of_type(EntityType.COUNTRY)},
            )
        ]
        + [
            _Found(start, end, f"{name} {kind}", (name,))
            for start, end, name, kind in place_troubles(
                text, [(p.start, p.end, p.name) for p in places]
            )
        ]
    )
    curated_issues = [(e.key, [e.name, *e.aliases]) for e in registry.of_type(EntityType.ISSUE)]
    place_names = {e.name: [e.name, *e.aliases] for e in registry.of_type(EntityType.COUNTRY)}
    taken = [(m.start, m.end) for m in mentions if m.label == "issue"]
    leading = frozenset(leading_pair(mentions, registry))
    own: set[str | None] = set()  # the article's two leading countries' dealings
    out: list[Mention] = []
    for topic in sorted(found, key=lambda f: (f.start, -f.end)):
        if any(a < topic.end and topic.start < b for a, b in taken):
            continue  # a curated cue or a longer topic already says it
        span = doc.char_span(topic.start, topic.end, alignment_mode="expand")
        if span is None:
            continue
        key = _curated_for(topic, curated_issues, place_names) or f"issue:~{names.fold(topic.name)}"
        if topic.discussed and key.startswith("issue:~"):
            continue
        source = "cue" if not key.startswith("issue:~") else "topic"
        name = topic.name if source == "topic" else span.text
        found_here = make_mention(doc, span, name, "issue", key, sentences, sent_index, source)
        if topic.discussed:
            found_here = Mention(**{**found_here.__dict__, "discussed": True})
        out.append(found_here)
        taken.append((topic.start, topic.end))
        if topic.explicit and frozenset(topic.places) == leading:
            own.add(found_here.entity_id)
    return [m for m in out if m.discussed or m.entity_id in own or _about(m, out, title)]


#: What two places' relations are a passage of, where an article follows it (most telling first).
_HOLDING = (" peace process", " border dispute", " dispute", " conflict")


def _peace_holds_relations(found: list[_Found]) -> list[_Found]:
    """Where an article follows two places' peace process, dispute or conflict, their relations
    ("normalising relations", "tensions between them", "the dispute strains relations") are
    that, not a second topic."""
    holding: dict[frozenset[str], str] = {}
    for kind in reversed(_HOLDING):
        for f in found:
            if len(f.places) == 2 and f.name.endswith(kind):
                holding[frozenset(f.places)] = kind
    return [
        _Found(
            f.start,
            f.end,
            f.name.removesuffix(" relations") + holding[frozenset(f.places)],
            f.places,
        )
        if f.name.endswith(" relations") and frozenset(f.places) in holding
        else f
        for f in found
    ]


def _about(mention: Mention, found: list[Mention], title: str) -> bool:
    """The article is about the topic: it names it in the title or the lede, or twice."""
    same = {m.sentence_index for m in found if m.entity_id == mention.entity_id}
    in_title = bool(title) and all(
        word in names.fold(title) for word in names.fold(mention.text).replace("–", " ").split()
    )
    return in_title or min(same) < LEDE_SENTENCES or len(same) >= MIN_SENTENCES


def _places(doc: Doc, mentions: list[Mention], registry: Registry) -> list[_Place]:
    """Countries the registry knows (by name, demonym or capital), then other places NER tags."""
    out: list[_Place] = []
    for m in mentions:
        if m.label == "country" and m.entity_id:
            entity = registry.get(m.entity_id)
            out.append(_Place(m.start, m.end, entity.name if entity else m.text))
    covered = [(p.start, p.end) for p in out]
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        if any(a < ent.end_char and ent.start_char < b for a, b in covered):
            continue
        name = re.sub(r"^the\s+", "", ent.text, flags=re.IGNORECASE)
        if name[:1].isupper():
            out.append(_Place(ent.end_char - len(name), ent.end_char, name))
    countries = {p.name for p in out[: len(covered)]}
    glued = glued_places([p.name for p in out], countries)
    out = [
        _Place(p.start, p.start + len(glued[p.name]), glued[p.name]) if p.name in glued else p
        for p in out
    ]
    fuller = fuller_places([p.name for p in out], countries)
    return sorted(
        (_Place(p.start, p.end, fuller.get(p.name, p.name)) for p in out), key=lambda p: p.start
    )


def _singles(text: str, places: list[_Place]) -> list[_Found]:
    out = []
    for place in places:
        talks = _TALKS_ON.search(text[max(0, place.start - 80) : place.start])
        if talks:
            start = place.start - (
                len(text[max(0, place.start - 80) : place.start]) - talks.start()
            )
            name = f"{place.name} conflict"  # of the trouble kind: "Syria conflict", "Status of Taiwan"
            out.append(_Found(start, place.end, name, (place.name,), discussed=True))
            continue
        before = _BEFORE.search(text[max(0, place.start - 60) : place.start])
        if before:
            compass = before["compass"].strip()
            where = f"{compass.capitalize()} {place.name}" if compass else place.name
            start = place.start - (
                len(text[max(0, place.start - 60) : place.start]) - before.start()
            )
            topic = _trouble(before["topic"])
            if compass and topic == "crisis":
                topic = "conflict"  # "the crisis in eastern X": a region's crisis is its fighting
            out.append(_Found(start, place.end, f"{where} {topic}", (place.name,)))
            continue
        after = text[place.end : place.end + 60]
        match = _POSSESSIVE.match(after) or _MODIFIER.match(after)
        if match:
            out.append(
                _Found(
                    place.start,
                    place.end + match.end(),
                    f"{place.name} {_trouble(match['topic'])}",
                    (place.name,),
                )
            )
    return out


#: Adjectives of a continent or a bloc, which name no one place's conflict ("the European crisis").
_WIDE = frozenset(
    {"european", "asian", "african", "american", "western", "eastern", "arab", "latin", "global"}
)
#: " conflict", " civil war": the troubles a people's or a region's adjective may name.
_ADJECTIVAL = re.compile(r"^\s(?P<topic>civil war|conflict|insurgency|crisis|war)\b")


def _adjectival(doc: Doc, text: str, places: list[_Place]) -> list[_Found]:
    """A trouble named by a region's or a people's adjective the registry does not know as a
    country's: "the Transnistrian conflict", "the Kurdish insurgency" (a country's demonym is a
    country mention, which ``_singles`` reads)."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "NORP" or not ent.text[:1].isupper() or ent.text.lower() in _WIDE:
            continue
        if any(p.start < ent.end_char and ent.start_char < p.end for p in places):
            continue  # a country's demonym: ``_singles`` names it after the country
        match = _ADJECTIVAL.match(text[ent.end_char : ent.end_char + 30])
        if match:
            name = f"{ent.text} {_trouble(match['topic'])}"
            out.append(_Found(ent.start_char, ent.end_char + match.end(), name, (ent.text,)))
    return out


def _pairs(text: str, places: list[_Place]) -> list[_Found]:
    out = []
    for a, b in itertools.pairwise(places):
        if a.name == b.name:
            continue
        between = text[a.end : b.start]
        pair = "–".join(sorted((a.name, b.name)))
        if _AND.match(between):
            lead = text[max(0, a.start - 40) : a.start]
            match = _BETWEEN.search(lead)
            if match and not _SECTORS.search(lead[: match.start()]):
                start = a.start - (len(lead) - match.start())
                topic = _dealings(match["topic"])
                tense = match["topic"].lower() == "tensions"
                out.append(
                    _Found(
                        start,
                        b.end,
                        f"{pair} {topic}",
                        (a.name, b.name),
                        tense=tense,
                        explicit=True,
                    )
                )
        elif _DASH.match(between):
            match = _PAIR_TOPIC.match(text[b.end : b.end + 40])
            if match:
                out.append(
                    _Found(
                        a.start,
                        b.end + match.end(),
                        f"{pair} {_dealings(match['topic'])}",
                        (a.name, b.name),
                        tense=match["topic"].lower() == "tensions",
                        explicit=True,
                    )
                )
    return out


def _trouble(topic: str) -> str:
    return SAME_TROUBLE.get(topic.lower(), topic.lower())


def _dealings(topic: str) -> str:
    return SAME_DEALINGS.get(topic.lower(), topic.lower())


def _bilateral(
    text: str, mentions: list[Mention], sentences: list[Span], registry: Registry
) -> list[_Found]:
    """Dealings that name no places, in an article about two countries: 'the frosty bilateral
    relations', and 'the peace treaty' once a sentence on peace names both countries. The two
    must stand out (``standing_pair``)."""
    pair, named = standing_pair(mentions, registry)
    if not pair:
        return []
    found = list(_BILATERAL.finditer(text))
    starts = [s.start_char for s in sentences]

    def beside_both(match: re.Match[str]) -> bool:
        return set(pair) <= named.get(bisect_right(starts, match.start()) - 1, set())

    peace = list(_PEACE.finditer(text))
    if any(beside_both(m) for m in peace):
        found += peace
    found += [
        m
        for m in _SHARED.finditer(text)
        if beside_both(m)
        and not _SECTORS.search(text[max(0, m.start() - 40) : m.start()])
        and not _OWN_PARTIES.match(text[m.end() :])
    ]
    return [
        _Found(m.start(), m.end(), f"{'–'.join(pair)} {_dealings(_topic(m))}", pair) for m in found
    ]


#: "tensions between the president and his deputy", "the rift within the party": dealings whose
#: parties the phrase names itself (the two countries' own are found by ``_pairs`` and
#: ``_BILATERAL``), not the article's two countries.
_OWN_PARTIES = re.compile(r"\s+(?:between|among|amongst|within|inside)\b", re.IGNORECASE)
#: "their decades-long border dispute": dealings the sentence gives to the places it names.
_THEIR = re.compile(r"\btheir\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _theirs(text: str, places: list[_Place], sentences: list[Span]) -> list[_Found]:
    """Dealings without places, owned by "their" in a sentence that names two places joined by
    "and" before them: "Thailand and Cambodia agreed to talks on their border dispute". The pair
    need not be the article's two most-named countries (a mediator may be named as often)."""
    out = []
    for sentence in sentences:
        inside = [
            p for p in places if sentence.start_char <= p.start and p.end <= sentence.end_char
        ]
        for match in _SHARED.finditer(text, sentence.start_char, sentence.end_char):
            if not _THEIR.search(text[max(0, match.start() - 40) : match.start()]):
                continue
            pairs = [
                (a, b)
                for a, b in itertools.pairwise(inside)
                if b.end <= match.start() and a.name != b.name and _AND.match(text[a.end : b.start])
            ]
            if pairs:
                a, b = pairs[-1]
                pair = "–".join(sorted((a.name, b.name)))
                topic = _dealings(match["topic"])
                out.append(_Found(match.start(), match.end(), f"{pair} {topic}", (a.name, b.name)))
    return out


def standing_pair(
    mentions: list[Mention], registry: Registry
) -> tuple[tuple[str, ...], dict[int, set[str]]]:
    """The two countries an article is about, in alphabetical order (each named at least twice,
    and no third country as often), or (); and the countries each sentence names."""
    counts: dict[str, int] = {}
    named: dict[int, set[str]] = {}  # sentence -> the countries it names
    for m in mentions:
        if m.label == "country" and m.entity_id:
            entity = registry.get(m.entity_id)
            name = entity.name if entity else m.text
            counts[name] = counts.get(name, 0) + 1
            named.setdefault(m.sentence_index, set()).add(name)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) > 2 and ranked[2][1] >= ranked[1][1]):
        return (), named
    return tuple(sorted((ranked[0][0], ranked[1][0]))), named


def leading_pair(mentions: list[Mention], registry: Registry) -> tuple[str, ...]:
    """The article's two most-named countries, or () when a third is named as often as the
    second: dealings that name those two are what the article is about, even said once."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.label == "country" and m.entity_id:
            entity = registry.get(m.entity_id)
            name = entity.name if entity else m.text
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if len(ranked) < 2 or (len(ranked) > 2 and ranked[2] == ranked[1]):
        return ()
    top = sorted(counts, key=lambda n: -counts[n])[:2]
    return tuple(sorted(top))


def _topic(match: re.Match[str]) -> str:
    return next(v for k, v in match.groupdict().items() if v and k in ("topic", "between", "own"))


def topic_key(name: str, places: tuple[str, ...], registry: Registry) -> str:
    """The key of a topic named by place: the curated issue named after the same places and of
    the same kind, else the key of an issue found automatically."""
    curated = [(e.key, [e.name, *e.aliases]) for e in registry.of_type(EntityType.ISSUE)]
    place_names = {e.name: [e.name, *e.aliases] for e in registry.of_type(EntityType.COUNTRY)}
    found = _Found(0, 0, name, places)
    return _curated_for(found, curated, place_names) or f"issue:~{names.fold(name)}"


def _curated_for(
    topic: _Found, issues: list[tuple[str, list[str]]], place_names: dict[str, list[str]]
) -> str | None:
    """The curated issue named after the same places (by any of their names: "US-China
    relations" for the United States and China), and a topic of the same kind."""
    wanted = [
        [names.fold(n).replace("-", " ") for n in place_names.get(p, [p])] for p in topic.places
    ]
    kind = _kinds(topic.name)
    at_war = None  # the places' curated war or conflict, for tensions between them
    for key, labels in issues:
        for label in labels:
            folded = names.fold(label).replace("–", " ").replace("-", " ")
            if not all(
                any(re.search(rf"\b{re.escape(n)}\b", folded) for n in place) for place in wanted
            ):
                continue
            # and the same kind of topic: "India–Pakistan relations" is not "India-Pakistan
            # conflict", though "the war in Sudan" is the "Sudan conflict"
            # a place's trouble or dispute is the curated issue named by the place alone
            # ("Kashmir", "Status of Taiwan")
            if kind & _kinds(folded) or (kind in ({"trouble"}, {"dispute"}) and not _kinds(folded)):
                return key
            if topic.tense and len(wanted) == 2 and _kinds(folded) == {"trouble"}:
                at_war = at_war or key
    return at_war


_BORDER_QUARREL = re.compile(r" border (?:standoff|stand-off|row|tensions|rift|feud|spat) ")


def _kinds(name: str) -> set[str]:
    """'trouble' if the name holds a kind of trouble; each (canonical) kind of dealings it holds."""
    text = " " + names.fold(name).replace("–", " ") + " "
    # "the border standoff", "border tensions": a quarrel on a border is the border dispute, not
    # the two states' relations as a whole
    text = _BORDER_QUARREL.sub(" border dispute ", text)
    out = {"trouble"} if any(f" {t} " in text for t in TROUBLE) else set()
    out |= {_dealings(d) for d in DEALINGS if f" {d} " in text and d not in TROUBLE}
    return out
