"""What the last build in this process read and made, kept in memory for the next build.

``mkdocs serve`` rebuilds in the same process after every save. Reading 1,000 cached extractions
from disk, linking them again and re-validating the curated files took 2–3 s of a one-article
rebuild; here the next build takes all of that from memory for everything that did not change.

Each memo holds the last build's values only (it is replaced, never grown), so memory stays that of
one build however long ``serve`` runs. The keys are the same content hashes the disk cache uses:
an article's extraction key covers its source file, the curated data, the model and the generator's
code, so a hit is exactly what the build would compute again. ``clear()`` forgets everything (the
benchmark calls it to time a build as a new process would run it).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Any

from .models import Extraction, LinkedArticle


@dataclass
class Articles:
    """One build's extractions and linked articles, by extraction key."""

    extractions: dict[str, Extraction] = field(default_factory=dict)
    linked: dict[str, LinkedArticle] = field(default_factory=dict)
    #: the curated data the articles were linked with (the extraction key covers the registry the
    #: extraction tools were built from, which a caller may pass in from elsewhere)
    registry_digest: str = ""


_articles: dict[str, Articles] = {}  # cache folder -> the last build's articles
_values: dict[str, tuple[str, Any]] = {}  # what (registry, tools) -> (its key, the value)


def articles(root: str) -> Articles:
    """The last build's articles for the cache folder ``root`` (empty if there was none)."""
    return _articles.get(root, Articles())


def keep_articles(root: str, kept: Articles) -> None:
    _articles.clear()  # one corpus at a time: a build of another site drops the last one's
    _articles[root] = kept


def get(what: str, key: str) -> Any | None:
    """The value ``what`` (``"registry"``, ``"tools"``) of the last build, if made under ``key``."""
    entry = _values.get(what)
    return entry[1] if entry is not None and entry[0] == key else None


def put(what: str, key: str, value: Any) -> None:
    _values[what] = (key, value)


def clear() -> None:
    _articles.clear()
    _values.clear()


#: Builds between two full passes of the collector over the frozen objects.
UNFREEZE_EVERY = 16
_frozen_builds = 0


def freeze_kept() -> None:
    """Exempt what this process now holds (the model, the kept articles) from the cyclic garbage
    collector's full passes. Each of those traverses every live object, ~0.4 s with 1,000 articles
    kept, and a rebuild's allocations set off two or three: a third of a one-article rebuild.

    Frozen objects are still freed when nothing refers to them; only objects in reference cycles
    wait, so every ``UNFREEZE_EVERY`` builds everything is handed back to one full collection."""
    global _frozen_builds
    _frozen_builds += 1
    if _frozen_builds % UNFREEZE_EVERY == 0:
        gc.unfreeze()
        gc.collect()
    gc.freeze()
