"""An acronym one article defined stands for the same body in the articles that use it bare.

Within an article, ``extract.org_forms`` ties "the RSF" to "the Rapid Support Forces (RSF)". A
later report often uses the acronym alone; it names that body too, when the corpus defines the
acronym for one body only (two bodies with one acronym leave it alone: it is then ambiguous)."""

from __future__ import annotations

from collections import defaultdict

from generator import names
from generator.data import LinkedArticle


def is_acronym(text: str) -> bool:
    """'RSF', 'M23', 'EUFOR': one word, more capitals and digits than small letters, two or more."""
    if " " in text or not text[:1].isupper():
        return False
    capitals = sum(c.isupper() or c.isdigit() for c in text)
    return capitals >= 2 and sum(c.islower() for c in text) <= capitals


def acronym_keys(linked: list[LinkedArticle]) -> dict[str, str]:
    """The key a bare acronym got ('organization:~rsf') -> the key of the body it was defined for."""
    meanings: dict[str, set[str]] = defaultdict(set)
    for art in linked:
        for lm in art.mentions:
            mention = lm.mention
            if mention.refers_to and mention.label != "person" and is_acronym(mention.text):
                meanings[names.fold(mention.text)].add(lm.key)
    out = {}
    for folded, keys in sorted(meanings.items()):
        bare = "organization:~" + " ".join(folded.split())  # as link._resolve_org keys it
        if len(keys) == 1 and bare not in keys:
            out[bare] = next(iter(keys))
    return out
