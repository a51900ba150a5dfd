"""Gold files: hand-made facts per article, in the format of ``tests/corpus/README.md``."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from generator import yamlio
from generator.tools.evaluate.match import _iso


@dataclass(frozen=True)
class GoldQuote:
    speaker: str
    text: str


@dataclass(frozen=True)
class GoldEvent:
    kind: str
    participants: tuple[str, ...]
    date: str | None
    place: str | None
    forum: str | None

    def describe(self) -> str:
        who = " + ".join(self.participants) or f"forum {self.forum}"
        return f"{self.kind} {who} {self.date or 'undated'}" + (
            f" @ {self.place}" if self.place else ""
        )


@dataclass(frozen=True)
class GoldTopic:
    """An issue the taxonomy may not have: ``{topic: haiti gang violence, also: [...]}``. It
    matches a predicted issue that goes by one of these names (see ``match.topic_match``)."""

    topic: str
    also: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.topic


@dataclass(frozen=True)
class Gold:
    stem: str
    title: str | None
    publisher: str | None
    authors: tuple[str, ...]
    published: str | None
    people: tuple[str, ...]
    not_people: tuple[str, ...]
    countries: tuple[str, ...]
    forums: tuple[str, ...]
    organizations: tuple[str, ...]
    #: issue ids, or topics outside the taxonomy written as a phrase with other names
    issues: tuple[str | GoldTopic, ...]
    quotes: tuple[GoldQuote, ...]
    events: tuple[GoldEvent, ...]
    boilerplate: tuple[str, ...]


#: The keys of a gold file, in the order annotators write them.
GOLD_KEYS = tuple(f.name for f in fields(Gold) if f.name != "stem")


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in (value or []))


def load_gold(gold_dir: Path) -> dict[str, Gold]:
    """Every ``*.yml`` in the folder, keyed by file stem."""
    out: dict[str, Gold] = {}
    for path in sorted(Path(gold_dir).glob("*.yml")):
        data = yamlio.load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: a gold file must be a mapping")
        out[path.stem] = Gold(
            stem=path.stem,
            title=data.get("title"),
            publisher=data.get("publisher"),
            authors=_strings(data.get("authors")),
            published=_iso(data.get("published")),
            people=_strings(data.get("people")),
            not_people=_strings(data.get("not_people")),
            countries=_strings(data.get("countries")),
            forums=_strings(data.get("forums")),
            organizations=_strings(data.get("organizations")),
            issues=tuple(
                GoldTopic(str(i["topic"]), _strings(i.get("also")))
                if isinstance(i, dict)
                else str(i)
                for i in data.get("issues") or []
            ),
            quotes=tuple(
                GoldQuote(str(q["speaker"]), str(q["text"])) for q in data.get("quotes") or []
            ),
            events=tuple(
                GoldEvent(
                    kind=str(e.get("kind")),
                    participants=_strings(e.get("participants")),
                    date=_iso(e.get("date")),
                    place=e.get("place"),
                    forum=e.get("forum"),
                )
                for e in data.get("events") or []
            ),
            boilerplate=_strings(data.get("boilerplate")),
        )
    return out


# --- predictions: the neutral form records and baseline are both read into ------------------------
