"""`evaluate` counts relationship edges per article, and those without a stating sentence."""

from __future__ import annotations

from generator.tools.evaluate.relations import relation_counts


def person(ident: str, articles: list[str], relations: list[dict]) -> dict:
    return {"id": ident, "mentions": [{"article": a} for a in articles], "relations": relations}


def test_edges_count_once_per_article_and_unstated_ones_are_found():
    met = {
        "kind": "met",
        "with": "people/b",
        "evidence": [{"article": "one", "sentence": "A met B."}],
    }
    data = {
        "people/a": person(
            "a",
            ["one", "two"],
            [
                {**met, "direction": "out"},
                # the same edge seen from its other end is not counted again
                {**met, "with": "people/a", "direction": "in"},
                # no evidence: counted for each article naming both ends, as unstated
                {"kind": "spoke on", "direction": "out", "with": "issues/x", "evidence": []},
                # evidence naming an article but with an empty sentence is unstated there
                {
                    "kind": "attended",
                    "direction": "out",
                    "with": "forums/f",
                    "evidence": [{"article": "two", "sentence": ""}],
                },
            ],
        ),
        "people/b": person("b", ["one"], []),
        "issues/x": person("x", ["two", "three"], []),
        "forums/f": person("f", ["two"], []),
    }
    stated, unstated = relation_counts(data)
    assert dict(stated) == {"one": 1, "two": 2}
    assert dict(unstated) == {"two": 2}
