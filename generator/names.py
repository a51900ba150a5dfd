"""Person names: titles stripped, variants compared, canonical ids made.

"Lloyd J. Austin", "Lloyd J. Austin II" and "Austin" are one person: middle initials and generational
suffixes do not tell people apart, and word order does not either ("Kishida Fumio" / "Fumio Kishida").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq"}
PARTICLES = {
    "de",
    "da",
    "das",
    "do",
    "dos",
    "van",
    "von",
    "der",
    "den",
    "al",
    "el",
    "bin",
    "bint",
    "ibn",
    "la",
    "le",
    "du",
    "di",
    "del",
    "della",
    "ter",
    "ten",
    "y",
}
#: "Trump's", "Trump’s", and a page's backtick or acute accent for the apostrophe ("Trump`s")
_POSSESSIVE = re.compile(r"(?:['’`´]s|['’])$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase ASCII-ish form for comparing names (accents and apostrophes ignored)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[’'`´]", "", stripped).casefold()


def strip_possessive(name: str) -> str:
    return _POSSESSIVE.sub("", name).strip()


def parts(name: str) -> list[str]:
    """Significant name words: no initials, suffixes or particles, folded."""
    return list(_parts(name))


@lru_cache(maxsize=65536)
def _parts(name: str) -> tuple[str, ...]:
    out = []
    for word in re.split(r"[\s]+", name):
        bare = fold(word).strip(".,")
        if not bare or bare in SUFFIXES or bare in PARTICLES:
            continue
        if re.fullmatch(r"[a-z]", bare):  # an initial
            continue
        particle, dash, rest = bare.partition("-")
        if dash and rest and particle in PARTICLES:
            bare = rest  # "Al-Thani" is "Al Thani": the particle is written joined or apart
        out.append(bare)
    return tuple(out)


#: "son of", "daughter of": the words on each side of one are not interchangeable.
PATRONYMICS = frozenset({"bin", "bint", "ibn", "binti"})


def lone(word: str) -> str:
    """A name of one word as ``parts`` reads it inside a full name ("al-Rishq" → "rishq"), so
    that the lone form finds the full one."""
    found = parts(word)
    return found[-1] if found else fold(word)


def key(name: str) -> frozenset[str]:
    """Identity of a full name, order-free: {'lloyd', 'austin'}; "Kishida Fumio" is "Fumio
    Kishida". Not across a patronymic: "Abdulaziz bin Salman" (Salman's son) is not "Salman bin
    Abdulaziz" (his father), so the key also holds the pair in its order ('abdulaziz>salman')."""
    words = [fold(w).strip(".,") for w in name.split()]
    pairs = {
        f"{words[i - 1]}>{words[i + 1]}"
        for i in range(1, len(words) - 1)
        if words[i] in PATRONYMICS
    }
    return frozenset(parts(name)) | pairs


def id_base(name: str) -> str:
    """The words an id is made from: 'Lloyd J. Austin III' → 'Lloyd Austin'."""
    words = []
    for word in name.split():
        bare = fold(word).strip(".,")
        if bare in SUFFIXES or re.fullmatch(r"[a-z]", bare):
            continue
        words.append(word.strip(","))
    return " ".join(words) or name


def is_full(name: str) -> bool:
    return len(parts(name)) >= 2


def looks_like_name(name: str) -> bool:
    """Capitalised words only (particles allowed), no digits nor brackets, a sane length."""
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60:
        return False
    if any(ch.isdigit() or ch in "@#()[]{}|" for ch in name):
        return False  # 'Chuck Todd Charles (Chuck': a page's widget text run together
    for word in words:
        bare = word.strip(".,")
        if not bare:
            return False
        if fold(bare) in PARTICLES or fold(bare.split("-")[0]) in PARTICLES:
            continue  # "bin", "al-Rishq"
        if not (bare[0].isupper() or not bare[0].isalpha()):
            return False
    return any(ch.isalpha() for ch in name)


def display_choice(variants: list[tuple[str, int]]) -> str:
    """Pick the display name: the fullest form, then the most frequent, then alphabetical —
    among the forms the name itself was written in (not 'the prime minister')."""
    named = [v for v in variants if v[1] > 0 and looks_like_name(v[0])] or variants
    return sorted(named, key=lambda v: (-len(parts(v[0])), -v[1], -len(v[0]), v[0]))[0][0]
