"""An organization's name as the tagger read it whole (extract/org_forms.py, mentions.py): a
proper name around a body word is that body's own ('the Chadian National Army' is no 'Army
(Chad)'); a country's possessive before a body says whose it is, and the body after 'head of' is
no office; a site (an air base, an airport) is no organization."""

from __future__ import annotations

from generator import yamlio

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
