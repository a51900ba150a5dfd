"""A body's full name spelt out before its bracketed short form (``extract.spelled_out``): found
whole even where the tagger cuts it at a place, and its short form joined to it. Texts written
for this test."""

from __future__ import annotations

from generator.extract.spelled_out import spelled_out, spells
from tests.extract.records import named_records


def test_the_short_forms_letters_spell_the_whole_name():
    assert spells("UNMISS", "United Nations Mission in South Sudan")
    assert spells("IGAD", "Intergovernmental Authority on Development")
    assert spells("RSF", "Rapid Support Forces")
    assert not spells("UN", "United Nations Mission in South Sudan")  # only its start
    assert not spells("AU", "Arab League")
    assert not spells("X", "Xavier Group")  # one letter is no short form


def test_the_long_form_is_found_in_the_text(tools):
    doc = tools.nlp(
        "The plan drew concern from the Arab League and the United Nations Mission in Kerbia "
        "(UNMIK) on Monday, while Mr Halden (PM) and the Talvo Development Fund (TDF) said nothing."
    )
    found = [span.text for span in spelled_out(doc)]
    assert "United Nations Mission in Kerbia" in found, found
    assert "Talvo Development Fund" in found, found
    assert not any("Halden" in name for name in found), found


def test_a_body_cut_at_a_place_is_one_organization_named_in_full(build_case):
    story = (
        "Mission warns of new fighting\n\n"
        "JUBA — The United Nations Mission in South Sudan (UNMISS) said on Monday that fighting "
        "had spread. UNMISS asked both sides to respect the peace agreement.\n"
    )
    found = set(named_records(build_case({"a.txt": story}), "organizations"))
    assert "United Nations Mission in South Sudan" in found, sorted(found)
    assert "UNMISS" not in found, sorted(found)
