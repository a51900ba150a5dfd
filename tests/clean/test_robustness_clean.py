"""Property test: cleaning never crashes on any lines (``docs/reliability.md``, part 6)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.clean import Rules, clean
from generator.curated.registry import load_registry
from tests.conftest import SEEDS
from tests.robustness import FAST, prop_source

_RULES: Rules | None = None


def _rules() -> Rules:
    global _RULES
    if _RULES is None:
        registry, _ = load_registry(SEEDS)
        _RULES = Rules.from_curated(registry.boilerplate)
    return _RULES


LINES = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(
            [
                "By Jane Doe and John Roe",
                "Tuesday 22 November 2022 09:54 GMT",
                "© 2022 Example News. All rights reserved.",
                "Read more:",
                "Share",
                "Please support our journalism; your donation helps us.",
                "U.S. Secretary of Defense Lloyd Austin met Wei Fenghe in Cambodia on Tuesday.",
                "",
                "---",
                "key: value",
            ]
        ),
    ),
    max_size=30,
)


@FAST
@given(LINES, st.one_of(st.none(), st.text(min_size=1, max_size=40)))
def test_clean_never_crashes(lines: list[str], title: str | None):
    source = prop_source("\n".join(lines), {"title": title} if title else {})
    article = clean(source, _rules())
    assert isinstance(article.title, str) and article.title
    for paragraph in article.paragraphs:
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
    total = len(source.text.split("\n"))
    assert all(1 <= d.line <= total for d in article.dropped)
