"""An organization's name as the tagger read it whole (extract/candidates.py, mentions.py): a
proper name around a body word is that body's own ('the Chadian National Army' is no 'Army
(Chad)'); a country's possessive before a body says whose it is, and the body after 'head of' is
no office; a site (an air base, an airport) is no organization."""

from __future__ import annotations

from generator import yamlio
from generator.data import Mention
from generator.extract.acronyms import tie_acronyms

STORY = (
    "Rival leaders agree to meet\n\n"
    "The head of Chad's Government of National Salvation, Idriss Mahamat, said on Monday he would "
    "meet Abakar Saleh, commander of the Chadian National Army, if elections were held this year."
    "\n\nSaleh said the talks would be held at the Robins Air Force Base in Georgia, where both "
    "delegations landed on Sunday.\n"
)


def test_a_bodys_proper_name_its_owner_and_a_site(build_case):
    result = build_case({"a.txt": STORY})
    found = {
        yamlio.load(text)["name"]
        for path, text in result.records.items()
        if path.startswith("organizations/")
    }
    assert found == {"Government of National Salvation", "Chadian National Army"}


def test_an_acronym_the_tagger_read_names_the_words_before_its_brackets():
    """When the tagger read the acronym but not the name it stands for, the capitalised words
    before the brackets whose initials hold its letters are that name."""
    text = "He would meet the commander of the Eastern Lakes Army (ELA) if the ELA agreed."

    def mention(word: str, at: int) -> Mention:
        start = text.index(word, at)
        return Mention(word, "organization", start, start + len(word), text, 0)

    first = mention("ELA", 0)
    later = mention("ELA", first.end)
    tied = tie_acronyms(text, [first, later])
    assert [(m.text, m.refers_to) for m in tied] == [
        ("Eastern Lakes Army", None),
        ("ELA", "Eastern Lakes Army"),
        ("ELA", "Eastern Lakes Army"),
    ]
    assert tied[0].source == "rule" and text[tied[0].start : tied[0].end] == "Eastern Lakes Army"
