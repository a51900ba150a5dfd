"""A place's trouble named without a word of trouble (extract/place_questions.py)."""

from __future__ import annotations

from generator.extract.place_questions import fuller_places, glued_places, place_troubles


def places_in(text: str, *names: str) -> list[tuple[int, int, str]]:
    out = []
    for name in names:
        start = text.index(name)
        out.append((start, start + len(name), name))
    return sorted(out)


def test_an_envoys_brief_is_a_place_in_trouble_but_an_envoy_to_a_place_is_none():
    text = "The special envoy for Ruritania met the US envoy to Freedonia."
    found = place_troubles(text, places_in(text, "Ruritania", "Freedonia"))
    assert [(text[s:e], n) for s, e, n, _ in found] == [("envoy for Ruritania", "Ruritania")]


def test_a_places_question_is_its_trouble_and_a_continent_has_none():
    text = "They discussed the Ruritania question, and the envoy for Europe spoke."
    found = place_troubles(text, places_in(text, "Ruritania", "Europe"))
    assert [(text[s:e], n) for s, e, n, _ in found] == [("the Ruritania question", "Ruritania")]


def test_a_place_named_by_its_last_word_is_the_place_named_in_full():
    fuller = fuller_places(
        ["Sahel", "Western Sahel", "Sudan", "South Sudan"], {"Sudan", "South Sudan"}
    )
    assert fuller == {"Sahel": "Western Sahel"}  # countries keep their own names


def test_the_uns_envoy_to_a_place_is_a_mediator_and_a_places_problem_its_trouble():
    text = "The ambassador to Freedonia spoke of the Ruritania problem."
    found = place_troubles(text, places_in(text, "Ruritania", "Freedonia"))
    assert [(text[s:e], n) for s, e, n, _ in found] == [("the Ruritania problem", "Ruritania")]
    text = "The UN envoy to Ruritania spoke first."
    assert [text[s:e] for s, e, _, _ in place_troubles(text, places_in(text, "Ruritania"))] == [
        "UN envoy to Ruritania"
    ]


def test_a_quarrel_over_a_place_is_its_dispute_but_not_over_something_of_the_places():
    text = "The row over the Ruritania islands went on, and a dispute over Freedonia's port deal."
    found = place_troubles(text, places_in(text, "Ruritania islands", "Freedonia"))
    assert [(text[s:e], k) for s, e, _, k in found] == [
        ("row over the Ruritania islands", "dispute")
    ]


def test_a_place_run_on_into_a_name_is_the_place_the_article_names_alone():
    found = ["Western Sahel", "Western Sahel Jane Doe", "South Sudan", "South Sudan Juba"]
    assert glued_places(found, {"South Sudan"}) == {
        "Western Sahel Jane Doe": "Western Sahel",
        "South Sudan Juba": "South Sudan",  # a tagger's span, not a country of the registry
    }
