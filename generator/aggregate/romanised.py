"""One person's name romanised two ways: 'Nicolai' and 'Nikolai', 'Zhaksylyk' and 'Jaksylyk',
'Qasym' and 'Kassym', 'Assaddudin' and 'Asaduddin'.

Names from Cyrillic, Arabic, Turkic or Indian scripts reach English news in several
romanisations, often within one article. The one-letter rule of ``spellings.py`` misses the
usual ones: they change a first letter ('Q'/'K'), two letters at once ('Zh'/'J', a doubled
letter moved), or a word shorter than six letters. Here each word is reduced to a key that
forgets only those choices (doubled letters, 'zh'/'dzh'/'dj'/'j', 'q'/'c'/'k', 'ph'/'f',
'w'/'v', 'y'/'i', 'ou'/'u', 'ee'/'i', letters no accent-stripping reaches: 'ı', 'ø', 'ł'); two
names with the same keys word for word are one person's. Vowels other than these stay apart,
and so do 'h' and 'ch': 'Ahmed' and 'Ahmad', 'John' and 'Jon', 'Chan' and 'Khan' are names
different people bear. A name written exactly the same way in two articles is one person
already; this only lets its romanisations join it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

Form = tuple[str, ...]

#: Letters NFKD leaves whole, as their plain Latin letters ('Yıldız', 'Støre', 'Wałęsa').
_LETTERS = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th"}
)
#: Romanisation choices, in order: longer spellings first ('dzh' before 'zh'); 'ch' is kept
#: apart from 'k' ('Chan' is not 'Khan').
_SPELLINGS = (
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("ch", "\x00"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
    ("ee", "i"),
    ("ou", "u"),
    ("oo", "u"),
)
_DOUBLED = re.compile(r"(.)\1+")


def word_key(word: str) -> str:
    """A folded word with its romanisation choices forgotten."""
    key = word.translate(_LETTERS)
    for written, said in _SPELLINGS:
        key = key.replace(written, said)
    return _DOUBLED.sub(r"\1", key).replace("\x00", "ch")


def form_key(form: Form) -> Form:
    return tuple(word_key(w) for w in form)


def romanised(a: Form, b: Form) -> bool:
    """Two different forms of two words or more with the same keys word for word."""
    return len(a) >= 2 and a != b and form_key(a) == form_key(b)


def romanised_owners(
    forms: dict[str, set[Form]],
    keys: Iterable[str],
    count: Counter[str],
    curated: Iterable[str],
) -> dict[str, str]:
    """Provisional person keys ('person:~…') -> the person another romanisation of whose name
    they are, across the corpus: the curated person when exactly one of the group is, else the
    one written most often (then the smallest key, so the choice is stable)."""
    curated = set(curated)
    groups: dict[Form, dict[str, set[Form]]] = defaultdict(lambda: defaultdict(set))
    for key in keys:
        for form in forms.get(key, ()):
            if len(form) >= 2:
                groups[form_key(form)][key].add(form)
    owners: dict[str, set[str]] = defaultdict(set)
    for members in groups.values():
        if len(members) < 2:
            continue
        settled = set(members) & curated
        if len(settled) > 1:
            continue  # two curated people: not ours to join
        owner = next(iter(settled)) if settled else min(members, key=lambda k: (-count[k], k))
        for key in set(members) - {owner}:
            # another spelling, not the same words ('Mary-Jane' / 'Mary Jane' in two articles
            # may be two people: ``variants`` joins those only within an article)
            if key.startswith("person:~") and members[key] - members[owner]:
                owners[key].add(owner)
    return {key: next(iter(found)) for key, found in owners.items() if len(found) == 1}
