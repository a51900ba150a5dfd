"""Ids: lowercase ASCII slugs that are safe as file and URL path segments."""

from __future__ import annotations

import hashlib
import re

from slugify import slugify

_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LEN = 80


def slug(text: str) -> str:
    """Slug of any text; names in scripts slugify cannot transliterate get a hash-based id."""
    s = slugify(text, max_length=MAX_LEN, word_boundary=True, lowercase=True)
    if not s:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
        s = f"x-{digest}"
    return s


def is_safe(candidate: str) -> bool:
    return bool(_SAFE.match(candidate)) and len(candidate) <= MAX_LEN + 12


def unique(base: str, taken: set[str], disambiguator: str) -> str:
    """``base`` if free, else ``base-<hash of disambiguator>``: stable across builds."""
    if base not in taken:
        return base
    digest = hashlib.sha1(disambiguator.encode("utf-8")).hexdigest()
    for width in (6, 10, 40):
        candidate = f"{base}-{digest[:width]}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"cannot make a unique id for {disambiguator!r}")
