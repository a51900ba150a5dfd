"""Ids: lowercase ASCII slugs that are safe as file and URL path segments."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from slugify import slugify

_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LEN = 80  # a slug made from text
MAX_ID_LEN = 200  # any id, curated or minted with a hash suffix


@lru_cache(maxsize=1 << 16)  # ids are asked for again and again: per build, per page, per link
def slug(text: str) -> str:
    """Slug of any text; names in scripts slugify cannot transliterate get a hash-based id.

    Long text is cut at the last word that fits in ``MAX_LEN`` (a first word longer than that is
    cut inside the word), so the slug is always a prefix of the full one: words are never
    skipped or reordered.
    """
    s = slugify(text, max_length=MAX_LEN, word_boundary=True, save_order=True, lowercase=True)
    if not _SAFE.fullmatch(s):
        digest = hashlib.sha1(_utf8(text)).hexdigest()[:10]
        s = f"x-{digest}"
    return s


def _utf8(text: str) -> bytes:
    """UTF-8 bytes of any Python string, lone surrogates (from undecodable file names) included."""
    return text.encode("utf-8", "surrogatepass")


def is_safe(candidate: str) -> bool:
    """Whether ``candidate`` is usable as an id: a slug, short enough for a file name with its
    suffix (``.json``) on any file system."""
    return bool(_SAFE.fullmatch(candidate)) and len(candidate) <= MAX_ID_LEN


def unique(base: str, taken: set[str], disambiguator: str) -> str:
    """``base`` if free, else ``base-<hash of disambiguator>``: stable across builds.

    Never returns an id in ``taken``; the result depends only on ``base``, ``disambiguator`` and
    ``taken``, so the same inputs in the same order give the same ids in every build.
    """
    if base not in taken:
        return base
    digest = hashlib.sha1(_utf8(disambiguator)).hexdigest()
    for width in (6, 10, 40):
        candidate = f"{base}-{digest[:width]}"
        if candidate not in taken:
            return candidate
    n = 2
    while f"{base}-{digest[:10]}-{n}" in taken:
        n += 1
    return f"{base}-{digest[:10]}-{n}"
