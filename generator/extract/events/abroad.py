"""The trip a meeting in the host's city implies: "Modi called on Macron in Paris", "Zelenskyy met
British Defence Minister Healey in Kyiv", "Von der Leyen and Costa met China's President Xi in
Beijing". The foreigner came to the host's city.

One participant must be said to be of the place's country (the host). The others are guests when
the text says they are of another country; one whose country the text does not say is a guest
only as the subject, who went to meet the host ("A met China's Xi in Beijing"), never as the one
met ("Xi met Li in Beijing" says nothing of where Li is from). Nothing when nobody is said to be of
the place's country: two foreigners who "met in Siem Reap" are both visitors of a summit.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.events.parse import Context

#: Triggers of a meeting that implies a trip; hosts and receivers are read elsewhere (_visits).
_MEETING = {"call", "meet", "meeting", "talk", "talks"}


def met_abroad(
    ctx: Context, trigger: Token, people: list[int], countries: list[int], subjects: list[int]
) -> list[int]:
    """The guests among ``people`` who came to the city of ``countries``; ``subjects`` are those
    the meeting's clause has as its subject."""
    if trigger.lemma_.lower() not in _MEETING:
        return []
    here = {ctx.mentions[c].entity_id or ctx.mentions[c].text for c in countries}
    homes = {p: ctx.nationality(p) for p in people}
    hosts = [p for p, h in homes.items() if h is not None and h in here]
    if not here or not hosts:
        return []
    unknown = [p for p, h in homes.items() if h is None]
    if unknown and (any(p not in subjects for p in unknown) or any(p in subjects for p in hosts)):
        return []  # one whose country goes unsaid, met by or beside the host: perhaps at home
    return [p for p, h in homes.items() if h not in here]
