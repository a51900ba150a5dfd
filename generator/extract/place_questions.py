"""A place's trouble named around the place: "the UN envoy for Western Sahara", "the Sahara
question", "the Cyprus problem", "the dispute over the islands", "the peace deal in X".

Diplomacy names the places whose conflicts it handles by the envoys it sends to them and as "the
<place> question" (problem, issue). Each such phrase is a mention of that place's conflict,
"<Place> conflict"; a quarrel "over" a place is its dispute, "<Place> dispute" (``place_topics``
links it to the curated issue of the place, or makes it an issue found automatically, and counts
it only where the article is about it). A peace deal, agreement or process "in" a country is
that country's peace process, unless it was signed or reached there (``peace_in_places``). An envoy "to" a place is an ambassador, unless the UN's
or a special or personal one; a continent or an ocean has no one conflict.

A place the tagger names once in full ("Western Sahara") and elsewhere by its last word
("the Sahara") is one place, under its full name (``fuller_places``), and one it runs on into
the next words ("Western Sahara Jane Doe", the envoy's name) is the place the article names alone
(``glued_places``); a country of the registry keeps its own name ("Sudan" is not "South Sudan").
"""

from __future__ import annotations

import re

#: "the UN special envoy for", "Special Envoy on the": an envoy whose brief is a place.
_ENVOY = re.compile(
    r"\b(?:envoy|representative|mediator)\s+(?:for|on)\s+(?:the\s+)?$", re.IGNORECASE
)
#: "the ... question": a territory's question, as diplomacy calls it.
_QUESTION_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_QUESTION_AFTER = re.compile(r"^\s+(?:question|problem|issue)\b")
#: "the dispute over", "a row over the": a quarrel whose object is a place.
_OVER = re.compile(
    r"\b(?:dispute|disputes|row|standoff|stand-off|impasse|feud|quarrel)\s+over\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^['’]s?\b")
#: "the UN envoy to", "the Secretary-General's special envoy to": a mediator, not an ambassador.
_MEDIATOR_TO = re.compile(
    r"\b(?:UN|U\.N\.|United\s+Nations|Secretary-General's|special|personal)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:envoy|representative)\s+to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Words of a continent, an ocean or a wide region: no one conflict of its own.
_WIDE = re.compile(
    r"\b(?:africa|americas?|arctic|asia|atlantic|balkans|caribbean|europe|indo-pacific|middle east"
    r"|pacific|region|world)\b",
    re.IGNORECASE,
)


def place_troubles(
    text: str, places: list[tuple[int, int, str]]
) -> list[tuple[int, int, str, str]]:
    """(start, end, place, kind) of each place named as an envoy's brief or as a question (kind
    "conflict"), or as what a quarrel is over (kind "dispute"); ``places`` are (start, end, name)
    in order."""
    out = []
    for start, end, name in places:
        if _WIDE.search(name):
            continue
        lead = text[max(0, start - 60) : start]
        kind = "conflict"
        match = _ENVOY.search(lead) or _MEDIATOR_TO.search(lead)
        if match is None and _QUESTION_AFTER.match(text[end:]):
            match = _QUESTION_BEFORE.search(lead)
        if match is None and not _POSSESSIVE.match(text[end:]):
            match, kind = _OVER.search(lead), "dispute"  # not "over Ethiopia's port deal"
        if match:
            after = _QUESTION_AFTER.match(text[end:]) if kind == "conflict" else None
            out.append(
                (
                    start - (len(lead) - match.start()),
                    end + (after.end() if after else 0),
                    name,
                    kind,
                )
            )
    return out


def fuller_places(found: list[str], countries: set[str]) -> dict[str, str]:
    """A place named by the last words of another place the article names ("Sahara", "Western
    Sahara") -> that fuller name, when exactly one is longer; countries of the registry aside."""
    out = {}
    for short in set(found) - countries:
        longer = {
            name
            for name in set(found) - countries
            if name != short and name.endswith(" " + short) and name[: -len(short)].strip()
        }
        if len(longer) == 1:
            out[short] = longer.pop()
    return out


def glued_places(found: list[str], countries: set[str]) -> dict[str, str]:
    """A tagger's place that runs on past a place the article names alone ("Western Sahara Jane
    Doe", where the article also names "Western Sahara": the envoy's title glued to her name) ->
    that place; countries of the registry keep their names."""
    alone = set(found)
    out = {}
    for long in alone - countries:
        heads = [short for short in alone if short != long and long.startswith(short + " ")]
        if heads:
            out[long] = max(heads, key=len)
    return out


#: "a fragile peace deal in", "the peace agreement in the": a place's own peace process.
_PEACE_IN = re.compile(
    r"\bpeace\s+(?:deal|agreement|accord|process)\s+in\s+(?:the\s+)?$", re.IGNORECASE
)
#: "signed a peace deal in", "the deal reached in": where it was made, not whose it is.
_MADE_IN = re.compile(r"\b(?:sign|reach|broker|agree|ink|seal|clinch)\w*\b", re.IGNORECASE)


def peace_in_places(
    text: str, places: list[tuple[int, int, str]], countries: set[str]
) -> list[tuple[int, int, str]]:
    """(start, end, country) of each "peace deal in <country>": that country's peace process. A
    city or a deal said to be signed or reached there (the host's, not the parties') is none."""
    out = []
    for start, end, name in places:
        if name not in countries:
            continue
        lead = text[max(0, start - 60) : start]
        match = _PEACE_IN.search(lead)
        if match and not _MADE_IN.search(lead):
            out.append((start - (len(lead) - match.start()), end, name))
    return out
