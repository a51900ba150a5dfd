"""Property test: extraction on generated sentences keeps its indexes in range
(``docs/reliability.md``, part 6).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.clean import Rules, clean
from generator.extract import Tools, extract
from tests.robustness import prop_source

SENTENCE = st.builds(
    "{} {} {} in {} on {}{}".format,
    st.sampled_from(["Lloyd Austin", "Wei Fenghe", "José Núñez", "Xi Jinping", "Zoë Ångström"]),
    st.sampled_from(["met", "said", "visited", "called", "criticised"]),
    st.sampled_from(["Wei Fenghe", "the minister", "Japan", "ASEAN", "officials", "习近平"]),
    st.sampled_from(["Cambodia", "Tokyo", "Riyadh", "the South China Sea", "Geneva"]),
    st.sampled_from(["Tuesday", "22 November 2022", "the next day", "March"]),
    st.one_of(st.just("."), st.text(max_size=30).map(lambda t: f" {t}.")),
)


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(SENTENCE, min_size=1, max_size=6), st.text(max_size=40))
def test_extractor_on_generated_text(tools: Tools, sentences: list[str], noise: str):
    source = prop_source("Generated title\n\n" + " ".join(sentences) + f"\n\n{noise}\n")
    article = clean(source, Rules.from_curated(tools.registry.boilerplate))
    (extraction,) = extract([article], tools)
    body = article.body
    for mention in extraction.mentions:
        assert 0 <= mention.start < mention.end <= len(body)
        assert mention.label in ("person", "country", "forum", "issue", "organization")
    for quote in extraction.quotes:
        assert 0 <= quote.speaker < len(extraction.mentions)
    for event in extraction.events:
        assert all(0 <= i < len(extraction.mentions) for i in event.participants)
