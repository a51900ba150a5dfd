"""A name the tagger reads as an organization is a person's when an occupation stands beside it
(extract/name_types.py, ``person_read_as_organization``): an apposition whose head is one, or a
lower-case occupation right before it; a body's noun there is no such evidence. Texts written
for this test."""

from __future__ import annotations

import pytest

from generator.extract.name_types import person_read_as_organization


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        (
            "The cuts hurt, said Marta Quiroga, a research scientist, after she voted.",
            "Marta Quiroga",
            True,
        ),
        (
            "The cuts hurt, says Tomasz Wielgus, an expert on social movements.",
            "Tomasz Wielgus",
            True,
        ),
        ("The cuts hurt, says political scientist Tomasz Wielgus.", "Tomasz Wielgus", True),
        (
            "The cuts hurt, says Harbor Wielgus, a consultancy group in Boston.",
            "Harbor Wielgus",
            False,
        ),
        ("The cuts hurt, says Harbor Wielgus, a British company.", "Harbor Wielgus", False),
    ],
)
def test_an_occupation_beside_a_name_makes_it_a_persons(tools, text, name, person):
    doc = tools.nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    gaz = tools.gazetteer
    assert person_read_as_organization(doc, span, tools.name_types, gaz.office_words) is person
