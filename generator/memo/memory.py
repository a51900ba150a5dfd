"""What the last build of one runner (the MkDocs plugin under ``mkdocs serve``) read and made,
kept in memory for its next build.

``mkdocs serve`` rebuilds in the same process after every save. Reading 1,000 cached extractions
from disk, linking them again and re-validating the curated files took 2–3 s of a one-article
rebuild; here the next build takes all of that from memory for everything that did not change.

It holds the last build's values only (each is replaced, never grown), so memory stays that of
one build however long ``serve`` runs. The keys are the same content hashes the disk cache uses:
an article's extraction key covers its source file, the curated data, the model and the
extraction code, so a hit is exactly what the build would compute again.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Any

from generator.data import Extraction, LinkedArticle

#: Builds between two full passes of the collector over the frozen objects.
UNFREEZE_EVERY = 16


@dataclass
class Articles:
    """One build's extractions and linked articles, by extraction key."""

    extractions: dict[str, Extraction] = field(default_factory=dict)
    linked: dict[str, LinkedArticle] = field(default_factory=dict)
    #: the curated data the articles were linked with (the extraction key covers the registry the
    #: extraction tools were built from, which a caller may pass in from elsewhere)
    registry_digest: str = ""


@dataclass
class LastBuild:
    articles: Articles = field(default_factory=Articles)
    #: what (registry, tools) -> (the key it was made under, the value)
    values: dict[str, tuple[str, Any]] = field(default_factory=dict)
    builds: int = 0

    def get(self, what: str, key: str) -> Any | None:
        """The value ``what`` of the last build, if it was made under ``key``."""
        entry = self.values.get(what)
        return entry[1] if entry is not None and entry[0] == key else None

    def put(self, what: str, key: str, value: Any) -> None:
        self.values[what] = (key, value)

    def freeze(self) -> None:
        """Exempt what the process now holds (the model, the kept articles) from the cyclic
        garbage collector's full passes. Each of those traverses every live object, ~0.4 s with
        1,000 articles kept, and a rebuild's allocations set off two or three: a third of a
        one-article rebuild.

        Frozen objects are still freed when nothing refers to them; only objects in reference
        cycles wait, so every ``UNFREEZE_EVERY`` builds everything is handed back to one full
        collection."""
        self.builds += 1
        if self.builds % UNFREEZE_EVERY == 0:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
