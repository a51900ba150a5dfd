"""Reading a test build's records by name: one helper for the extraction tests."""

from __future__ import annotations

from generator import yamlio


def named_records(result, folder: str) -> dict[str, dict]:
    """The records of one folder ('organizations', 'people') of a build, by their name."""
    return {
        record["name"]: record
        for path, text in result.records.items()
        if path.startswith(f"{folder}/")
        for record in [yamlio.load(text)]
    }
