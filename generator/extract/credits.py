"""A newsroom's team credited in the text: 'analysis from the Guardian's A, B, C and D', and a
wire story's credit line: '(Reporting by A and B; Editing by C)'.

Several names listed after a news organisation's possessive are its reporters, credited for the
coverage: they are not the people the story is about. One name alone after it is often someone the
story quotes or discusses ('NPR's X explained on air'), and stays a person. Every name in a credit
line is a journalist's: the line may close a paragraph of the story, where cleaning keeps it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from generator.curated.registry import Registry
from generator.extract.candidates import Candidate

_POSSESSIVE = {"’s", "'s", "’", "'"}
#: What may stand between two names of one list.
_LINKS = {",", "and", "&"}
#: A list of at least this many names is a team, not one person under discussion.
MIN_TEAM = 2
#: Capitalised words that open a credit before 'by' ('Reporting by', 'Additional reporting by').
CREDIT_WORDS = {
    "reporting", "writing", "editing", "edited", "written", "compiled", "research", "additional",
    "photos", "photo", "photographs", "graphics", "video", "produced", "translated", "translation",
    "inputs", "text",
}  # fmt: skip
#: What ends a credit line: a closing bracket, a separator of page furniture, a new line.
_CREDIT_END = {")", "|", "]"}


def credit_openers(doc: Doc) -> list[int]:
    """Indexes of the capitalised credit words that a 'by' follows, directly or after another
    credit word ('Additional reporting by'). Lower case ('reporting by the BBC') is prose."""
    out = []
    for i, token in enumerate(doc[:-1]):
        if token.lower_ not in CREDIT_WORDS or not token.text[:1].isupper():
            continue
        nxt = doc[i + 1]
        if nxt.lower_ == "by" or (
            nxt.lower_ in CREDIT_WORDS and i + 2 < len(doc) and doc[i + 2].lower_ == "by"
        ):
            out.append(i)
    return out


def credit_lines(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each credit line: from its first credit word to the closing bracket, the
    page furniture's '|' or the end of the line ('; Editing by' continues it)."""
    out: list[tuple[int, int]] = []
    for start in credit_openers(doc):
        if out and out[-1][0] <= start < out[-1][1]:
            continue  # '; Editing by' inside the line already found
        end = start + 1
        while end < len(doc) and doc[end].text not in _CREDIT_END and "\n" not in doc[end].text:
            end += 1
        out.append((start, end))
    return out


def in_credit_line(cand: Candidate, lines: list[tuple[int, int]]) -> bool:
    return any(start <= cand.start and cand.end <= end for start, end in lines)


def credited_reporters(
    doc: Doc, chosen: list[Candidate], registry: Registry, publisher: str | None
) -> set[tuple[int, int]]:
    """(start, end) of person candidates listed, several together, after the possessive of a news
    organisation the registry knows as one (``kind: media``) or of the article's publisher."""
    by_start = {c.start: c for c in chosen if c.label == "person"}
    out: set[tuple[int, int]] = set()
    for cand in chosen:
        if not _is_newsroom(doc, cand, registry, publisher):
            continue
        i = cand.end
        if i >= len(doc) or doc[i].text not in _POSSESSIVE:
            continue
        team, names_listed = [], 0
        i += 1
        while True:
            if i in by_start:
                team.append((by_start[i].start, by_start[i].end))
                i = by_start[i].end
            else:
                end = _untagged_name_end(doc, i)  # a name the tagger missed: 'Mira Castellane'
                if end == i:
                    break
                i = end
            names_listed += 1
            if i >= len(doc) or doc[i].lower_ not in _LINKS:
                break
            while i < len(doc) and doc[i].lower_ in _LINKS:
                i += 1
        if names_listed >= MIN_TEAM:
            out.update(team)
    return out


def _untagged_name_end(doc: Doc, i: int) -> int:
    """The end of two to four capitalised words from ``i`` (``i`` itself if there are none)."""
    end = i
    while end < len(doc) and end - i < 4 and doc[end].is_alpha and doc[end].is_title:
        end += 1
    return end if end - i >= 2 else i


def _is_newsroom(doc: Doc, cand: Candidate, registry: Registry, publisher: str | None) -> bool:
    if cand.label != "organization":
        return False
    if cand.key:
        entity = registry.get(cand.key)
        return entity is not None and entity.get("kind") == "media"
    text = doc[cand.start : cand.end].text.removeprefix("the ").removeprefix("The ")
    return bool(publisher) and text.casefold() == (publisher or "").casefold()
