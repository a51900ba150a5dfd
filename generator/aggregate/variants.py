"""One person written two ways: a shorter form of a longer name, or a one-letter misspelling.

Real articles write one person as 'Aizaz Ahmad Chaudhry' and, a line later, 'Aizaz Chaudhry'; the
tagger cuts 'Amir Khan Muttaqi' to 'Amir Khan' in one sentence; an editor types 'Muttqai' for
'Muttaqi'; a transliteration swaps one letter ('Subrahmanyan' for the curated 'Subrahmanyam').
Merging two different people is worse than keeping one person twice, so a form joins another only:

- in the same article (where a curated person named by one word counts with all its curated
  forms), or when the other is a curated person (whose spelling is settled);
- as a shorter form: its words in the same order inside the other's, from the same first word,
  or its last words (a surname of two words: 'López Obrador'), a hyphen read as a space
  ('Aboul Gheit' of 'Ahmed Aboul-Gheit');
- or as a variant spelling: the same words but one, that one six letters or more, same first
  letter, one edit apart (a letter changed, added, dropped, or two swapped);
- or, in the same article, with its given name contracted ('Mohd Yunus' of 'Mohammed Yunus',
  'Wm' of 'William'): the same other words, the given name's first and last letters kept and
  its letters in order;
- or, in the same article, as a sheikh's title and given name ('Sheikh Hamad' of 'Hamad bin
  Khalid Al Nasser');
- or as another romanisation of the same name, in any article (``romanised.py``: 'Nicolai' /
  'Nikolai', 'Zhaksylyk' / 'Jaksylyk');
- and when exactly one other person of the article (or of the curated list) fits.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from generator import names
from generator.aggregate.romanised import romanised_owners
from generator.curated.registry import Registry
from generator.data import EntityType, LinkedArticle
from generator.spellings import spelling_variant as _spelling

Form = tuple[str, ...]


def name_variants(linked: Iterable[LinkedArticle], registry: Registry) -> dict[str, str]:
    """Provisional person keys ('person:~…') -> the key of the person they are another form of."""
    forms: dict[str, set[Form]] = defaultdict(set)
    count: Counter[str] = Counter()
    by_article: list[set[str]] = []
    for art in linked:
        keys = set()
        for lm in art.mentions:
            if not lm.key.startswith("person:") or lm.key.startswith("person:?"):
                continue
            form = _form(lm.mention.refers_to or lm.mention.text)
            if len(form) >= 2:
                forms[lm.key].add(form)
                keys.add(lm.key)
                count[lm.key] += 1
            elif not lm.key.startswith("person:~"):
                keys.add(lm.key)  # a curated person named by one word here: its forms are known
        by_article.append(keys)
    curated: dict[str, set[Form]] = {}
    for entity in registry.of_type(EntityType.PERSON):
        written = {_form(n) for n in [entity.name, *entity.aliases]}
        curated[entity.key] = {f for f in written if len(f) >= 2}
        forms[entity.key] |= curated[entity.key]
    owners: dict[str, set[str]] = defaultdict(set)
    for keys in by_article:
        for key in keys:
            if not key.startswith("person:~"):
                continue
            for other in keys - {key}:
                if _joins(key, other, forms, count):
                    owners[key].add(other)
    masked = _masked_index(curated)  # a curated form with one word left out -> its people
    for key in {k for keys in by_article for k in keys if k.startswith("person:~")}:
        for a in forms[key]:
            for i in range(len(a)):
                for other, b in masked.get((a[:i], a[i + 1 :]), ()):
                    if _spelling(a, b):
                        owners[key].add(other)
    # another romanisation, across the corpus ('Nicolai' / 'Nikolai'): forms joined to either
    # of two romanisations join the one they settle on
    keys = {k for keys in by_article for k in keys}
    romanised = romanised_owners(forms, keys | set(curated), count, curated)
    for key, found in list(owners.items()):
        owners[key] = {romanised.get(other, other) for other in found} - {key}
    for key, owner in romanised.items():
        owners[key].add(owner)
    direct = {key: next(iter(found)) for key, found in owners.items() if len(found) == 1}
    return {key: _final(key, direct) for key in direct if _final(key, direct) != key}


def _form(name: str) -> Form:
    """A name's significant words with its hyphens read as spaces: 'Aboul-Gheit' and 'Aboul
    Gheit', 'al-Hayya' and 'Al Hayya' are one surname written two ways."""
    words = (w for part in names.parts(name) for w in part.split("-"))
    return tuple(w for w in words if w and w not in names.PARTICLES)


def _masked_index(curated: dict[str, set[Form]]) -> dict[tuple[Form, Form], list]:
    """Each curated form under every way of leaving one of its words out, so that a form one
    word apart is found without comparing it with every curated person."""
    index: dict[tuple[Form, Form], list[tuple[str, Form]]] = defaultdict(list)
    for key, written in sorted(curated.items()):
        for form in sorted(written):
            for i in range(len(form)):
                index[(form[:i], form[i + 1 :])].append((key, form))
    return index


def _joins(key: str, other: str, forms: dict[str, set[Form]], count: Counter[str]) -> bool:
    """Is ``key`` another form of ``other``: shorter, or a variant spelling of a person written
    more often (or, as often, with a smaller key: one direction only)?"""
    for a in forms[key]:
        for b in forms[other]:
            if _shorter(a, b) or _contracted(a, b) or _titled_given_name(a, b):
                return True
            if _spelling(a, b) and (count[other], key) > (count[key], other):
                return True
    return False


def _shorter(a: Form, b: Form) -> bool:
    """'aizaz chaudhry' in 'aizaz ahmad chaudhry'; 'amir khan' in 'amir khan muttaqi'; a
    surname of two words, 'lópez obrador', ending 'andrés manuel lópez obrador'."""
    if not 2 <= len(a) < len(b):
        return False
    if b[-len(a) :] == a:
        return True
    if a[0] != b[0]:
        return False
    rest = iter(b)
    return all(word in rest for word in a)


#: Titles that stay in a name and stand before a given name, not a surname ('Sheikh Tamim').
_GIVEN_NAME_TITLES = {"sheikh", "sheikha", "shaikh"}


def _titled_given_name(a: Form, b: Form) -> bool:
    """'sheikh hamad' of 'hamad bin khalid al nasser': a sheikh is named by his given name."""
    return len(a) == 2 and a[0] in _GIVEN_NAME_TITLES and len(b) >= 2 and b[0] == a[1]


def _contracted(a: Form, b: Form) -> bool:
    """'mohd yunus' of 'mohammed yunus': the same words but the first, which is a contraction
    of the other's (first and last letters kept, two letters or more left out, the rest in
    order)."""
    if len(a) != len(b) or len(a) < 2 or a[1:] != b[1:]:
        return False
    short, full = a[0], b[0]
    if not 2 <= len(short) <= len(full) - 2 or short[0] != full[0] or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(letter in rest for letter in short)


def _final(key: str, direct: dict[str, str]) -> str:
    """Follow 'a → b → c' to 'c'; a cycle stays where it started."""
    seen = {key}
    while key in direct:
        key = direct[key]
        if key in seen:
            return next(iter(sorted(seen)))
        seen.add(key)
    return key
