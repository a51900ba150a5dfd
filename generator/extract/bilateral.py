"""Two countries' relations as what an article is about when it names no other topic.

Much international news reports one country's leader or envoy meeting, calling or visiting
another's: "the presidents of the two countries held talks in Tashkent", "X received his
counterpart from Y". Such a story is about the two countries' relations even when it never says
"relations". When an article

* is about two countries (``place_topics.standing_pair``: each named at least twice, no third
  country as often), and
* reports a meeting between them in its lede: a sentence there names both countries (or one and
  "the two countries", "his counterpart") beside a word of meeting (talks, a visit, a meeting, a
  call, received, hosted),

it gets one issue mention, "<A>–<B> relations", marked ``source="about"``. The linker keeps such a
mention only when the article is about no other issue (``link.py``): a meeting on a war, a
migration deal or a forest is about that, and the pair's dealings are only its occasion.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from generator.curated.registry import Registry
from generator.data import Mention
from generator.extract.mentions import make_mention
from generator.extract.place_topics import standing_pair, topic_key

#: Mark of a mention that stands for the article's subject only when it has no other topic.
SOURCE = "about"
#: The lede: where a story says whom its dealings were between.
LEDE_SENTENCES = 3
#: Words of a meeting between two countries (matched as words, any case). Words of their ties
#: ("deepening defence and energy ties") are left to ``place_topics``, which reads them closely.
_DEALINGS = re.compile(
    r"\b(?:talks|met|meets?|meeting|visit(?:s|ed|ing)?|call|phone|received|receives|hosted|"
    r"hosts|welcomed|counterpart)\b",
    re.IGNORECASE,
)
#: "the two countries", "the two presidents", "his counterpart": the other side, unnamed.
_OTHER_SIDE = re.compile(
    r"\b(?:the\s+two\s+(?:countries|nations|states|sides|leaders|presidents|prime\s+ministers|"
    r"ministers)|(?:his|her|their)\s+(?:\w+\s+)?counterparts?)\b",
    re.IGNORECASE,
)


def bilateral_subject(
    doc: Doc,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    registry: Registry,
) -> list[Mention]:
    """One mention of the two countries' relations, in the first lede sentence that reports
    dealings between them, or none (see the module's text)."""
    pair, named = standing_pair(mentions, registry)
    if not pair:
        return []
    for index, sent in enumerate(sentences[:LEDE_SENTENCES]):
        here = named.get(index, set())
        both = set(pair) <= here or (bool(here & set(pair)) and _OTHER_SIDE.search(sent.text))
        if both and _DEALINGS.search(sent.text):
            name = f"{'–'.join(pair)} relations"
            key = topic_key(name, pair, registry)
            if any(m.entity_id == key for m in mentions if m.label == "issue"):
                return []  # the article names their relations itself
            return [make_mention(doc, sent, name, "issue", key, sentences, sent_index, SOURCE)]
    return []
