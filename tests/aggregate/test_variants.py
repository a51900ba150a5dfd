"""Which forms of a name are one person (aggregate/variants.py; issue #13)."""

from __future__ import annotations

from generator.aggregate.variants import _contracted, _final, _shorter, _spelling


def test_a_shorter_form_keeps_the_first_word_and_the_order():
    assert _shorter(("aizaz", "chaudhry"), ("aizaz", "ahmad", "chaudhry"))
    assert _shorter(("amir", "khan"), ("amir", "khan", "muttaqi"))
    assert not _shorter(("nadia", "qureshal"), ("tarek", "mahmud", "qureshal"))
    assert not _shorter(("chaudhry", "aizaz"), ("aizaz", "ahmad", "chaudhry"))
    assert not _shorter(("chaudhry",), ("aizaz", "chaudhry"))  # a lone word settles elsewhere


def test_a_variant_spelling_is_one_edit_in_one_long_word():
    assert _spelling(("amir", "khan", "muttqai"), ("amir", "khan", "muttaqi"))  # swapped
    assert _spelling(("subrahmanyan", "jaishankar"), ("subrahmanyam", "jaishankar"))
    assert _spelling(("nikol", "pashinian"), ("nikol", "pashinyan"))
    assert not _spelling(("ahmed", "hassan"), ("ahmad", "hassan"))  # too short to tell
    assert not _spelling(("john", "petrakis"), ("jon", "petrakis"))
    assert not _spelling(("karim", "haddad"), ("samir", "haddad"))
    assert not _spelling(("lina", "osmanova"), ("lina", "osmanova"))  # the same, no variant
    assert not _spelling(("lina", "osmanova"), ("lina", "asmanova"))  # another first letter


def test_chains_end_at_their_last_owner_and_cycles_stay_put():
    assert _final("a", {"a": "b", "b": "c"}) == "c"
    assert _final("a", {"a": "b", "b": "a"}) == "a"


def test_a_contracted_given_name_is_the_full_ones():
    assert _contracted(("mohd", "yunus"), ("mohammed", "yunus"))
    assert _contracted(("wm", "tarrant"), ("william", "tarrant"))
    assert not _contracted(("jo", "tarrant"), ("john", "tarrant"))  # another last letter
    assert not _contracted(("mohd", "yunus"), ("mohammed", "younis"))  # another surname
    assert not _contracted(("yunus", "mohd"), ("yunus", "mohammed"))  # only the given name
    assert not _contracted(("mohamed", "yunus"), ("mohammed", "yunus"))  # a spelling, not short


def test_a_sheikh_by_his_given_name_is_the_full_name():
    from generator.aggregate.variants import _titled_given_name

    assert _titled_given_name(("sheikh", "hamad"), ("hamad", "bin", "khalid", "nasser"))
    assert not _titled_given_name(("sheikh", "hamad"), ("khalid", "hamad", "nasser"))
    assert not _titled_given_name(("lord", "hamad"), ("hamad", "nasser"))
