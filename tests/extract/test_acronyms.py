"""Acronyms an article defines (extract/org_forms.py, aggregate/acronyms.py): "the Northern
Security Forces (NSF) ... the NSF" is one organization, in that article and in others that use
the acronym bare; brackets that hold no acronym of the name before them tie nothing."""

from __future__ import annotations

from generator.aggregate.acronyms import is_acronym
from tests.extract.records import named_records

DEFINED = (
    "Militia accepts truce talks\n\n"
    "General Omar Tesfaye, head of the paramilitary Northern Security Forces (NSF), welcomed "
    "the invitation on Monday.\n\n"
    "The army asked for the NSF to pull out of the towns it holds before any talks, a spokesman "
    "said.\n"
)
BARE = (
    "Truce talks open\n\n"
    "Envoys of the army and the NSF met in Geneva on Friday, the mediators said.\n"
)


def test_what_an_acronym_looks_like():
    assert all(map(is_acronym, ["NSF", "M23", "EUFOR", "UNHCR"]))
    assert not any(map(is_acronym, ["McDonald", "Fatah", "US-led", "the NSF"]))


def test_an_acronym_the_article_defines_is_the_body_it_was_defined_for(build_case):
    found = named_records(build_case({"a.txt": DEFINED}), "organizations")
    assert "NSF" not in found, sorted(found)
    body = found["Northern Security Forces"]
    assert body["aliases"] == ["NSF"]
    assert body["mentions"][0]["count"] == 3  # the name, the acronym in brackets, "the NSF"


def test_another_article_using_the_acronym_bare_names_the_same_body(build_case):
    found = named_records(build_case({"a.txt": DEFINED, "b.txt": BARE}), "organizations")
    assert "NSF" not in found, sorted(found)
    articles = [m["article"] for m in found["Northern Security Forces"]["mentions"]]
    assert articles == ["a", "b"]


def test_brackets_without_an_acronym_of_the_name_tie_nothing(build_case):
    text = (
        "Rebels accept truce talks\n\n"
        "The rebel Free Lakes Movement (MLL) welcomed the invitation on Monday, a spokesman said."
        "\n\nThe army asked for the MLL to pull out of the towns it holds.\n"
    )
    found = named_records(build_case({"a.txt": text}), "organizations")  # another language
    assert found["Free Lakes Movement"]["aliases"] == [] and "MLL" in found, sorted(found)
