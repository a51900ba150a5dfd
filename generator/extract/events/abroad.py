"""The trip a meeting in the host's city implies: "Modi called on Macron in Paris", "Zelenskyy met
British Defence Minister Healey in Kyiv", where the text says one is of the place's country and
the other of another: the foreigner came to the host's city.

Nothing when nobody is said to be of the place's country or a nationality is unknown: two
foreigners who "met in Siem Reap" are both visitors of a summit. (Taking one whose country goes
unsaid, who went to meet the host, for a visitor found one more visit on the real-article dev
set, and one the written corpus's gold does not list: "Trump's envoy met Netanyahu in
Jerusalem".) One exception: "A and his Japanese counterpart B met in Tokyo": a counterpart is of
another country than the one whose counterpart he is, so A, of a country unsaid, came to Tokyo.
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.events.parse import Context

#: Triggers of a meeting that implies a trip; hosts and receivers are read elsewhere (_visits).
_MEETING = {"call", "meet", "meeting", "talk", "talks"}


def met_abroad(ctx: Context, trigger: Token, people: list[int], countries: list[int]) -> list[int]:
    """The guests among ``people`` who came to the city of ``countries``."""
    if trigger.lemma_.lower() not in _MEETING:
        return []
    here = {ctx.mentions[c].entity_id or ctx.mentions[c].text for c in countries}
    homes = {p: ctx.nationality(p) for p in people}
    if not here or not any(h in here for h in homes.values()):
        return []
    if None in homes.values():
        return _counterparts_guest(ctx, homes, here)
    return [p for p, h in homes.items() if h not in here]


def _counterparts_guest(ctx: Context, homes: dict[int, str | None], here: set[str]) -> list[int]:
    """'A and his Japanese counterpart B met in Tokyo': B, of the place's country, is named as a
    counterpart, so A (of a country unsaid) is of another: the guest."""
    if len(homes) != 2:
        return []
    host = next(p for p, h in homes.items() if h in here)
    guest = next(p for p, h in homes.items() if h is None)
    return [guest] if _called_counterpart(ctx, host) else []


def _called_counterpart(ctx: Context, person: int) -> bool:
    mention = ctx.mentions[person]
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    before = ctx.doc[max(span.sent.start, span.start - 2) : span.start]  # "counterpart, B"
    return any(t.lemma_.lower() == "counterpart" for t in before)
