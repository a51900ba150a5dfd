"""The names the curated registry knows, compiled into spaCy PhraseMatchers.

Single-word names match case-sensitively ("Quad", not "quad"); longer ones case-insensitively
("Association of Southeast Asian Nations" in any case). Countries always match as written, since
"Chinese" and "Turkey" mean the country only when capitalised.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from generator import names
from generator.curated.registry import Registry
from generator.data import EntityType
from generator.names import fold as fold_name  # 'names' is a loop's in build()

#: How close a long organization name must be to a known one to count as a misspelling of it.
FUZZY_RATIO = 0.92


def fold_org(name: str) -> str:
    folded = names.fold(name)
    if folded.startswith("the "):
        folded = folded[4:]
    return " ".join(folded.split())


@dataclass(frozen=True)
class Hit:
    start: int  # token index
    end: int
    key: str  # "country:china", "body:defense-ministry", "issue:taiwan" (cue) ...
    kind: str  # name | demonym | capital | body | cue


@dataclass
class Gazetteer:
    cased: PhraseMatcher
    uncased: PhraseMatcher
    cues: PhraseMatcher
    kinds: dict[str, str] = field(default_factory=dict)  # match label -> kind
    ambiguous: set[str] = field(default_factory=set)  # surface strings that need an NER place tag
    list_cues: dict[str, list[list[str]]] = field(default_factory=dict)  # key -> [[phrase, ...]]
    title_phrases: set[tuple[str, ...]] = field(default_factory=set)  # folded token sequences
    office_words: set[str] = field(default_factory=set)
    office_phrases: set[tuple[str, ...]] = field(default_factory=set)  # folded, 2+ words
    rank_phrases: set[tuple[str, ...]] = field(default_factory=set)  # ranks and honorifics
    title_first_words: set[str] = field(default_factory=set)  # for a cheap test per token
    country_names: dict[str, str] = field(default_factory=dict)  # surface -> country key
    demonyms: set[str] = field(default_factory=set)  # 'Cypriot', 'Cypriots'
    #: country key -> its folded name and aliases; none for a short name curated as standing
    #: for several countries ('Korea'), which is each of them (``inner_places``)
    country_folded: dict[str, frozenset[str]] = field(default_factory=dict)
    org_names: dict[str, str] = field(default_factory=dict)  # folded forum/org name -> key
    #: fuzzy lookups done (folded name -> result): each compares with every known name, and the
    #: same unknown names recur from article to article
    _fuzzy: dict[str, tuple[str, bool] | None] = field(default_factory=dict, repr=False)

    def match_org(self, text: str) -> tuple[str, bool] | None:
        """A forum or organization the registry knows under this name, allowing a misspelling
        in a long name ('Association of Southeast Asia Nations'). Returns (key, exact)."""
        folded = fold_org(text)
        if folded in self.org_names:
            return self.org_names[folded], True
        if len(folded) < 12:
            return None
        if folded not in self._fuzzy:
            close = difflib.get_close_matches(folded, list(self.org_names), n=1, cutoff=FUZZY_RATIO)
            self._fuzzy[folded] = (self.org_names[close[0]], False) if close else None
        return self._fuzzy[folded]

    def hits(self, doc: Doc) -> list[Hit]:
        out = []
        for matcher in (self.cased, self.uncased):
            for match_id, start, end in matcher(doc):
                label = doc.vocab.strings[match_id]
                key, _, kind = label.rpartition("|")
                out.append(Hit(start, end, key, kind))
        return out

    def cue_hits(self, doc: Doc) -> list[Hit]:
        out = []
        for match_id, start, end in self.cues(doc):
            key = doc.vocab.strings[match_id]
            out.append(Hit(start, end, key, "cue"))
        return out


def build(nlp: Language, registry: Registry) -> Gazetteer:
    cased = PhraseMatcher(nlp.vocab, attr="ORTH")
    uncased = PhraseMatcher(nlp.vocab, attr="LOWER")
    cues = PhraseMatcher(nlp.vocab, attr="LOWER")
    gaz = Gazetteer(cased, uncased, cues)
    cased_patterns: dict[str, list[str]] = {}
    uncased_patterns: dict[str, list[str]] = {}

    def add(label: str, phrase: str, case_sensitive: bool) -> None:
        target = cased_patterns if case_sensitive else uncased_patterns
        # "People's Liberation Army" is printed with either apostrophe
        for variant in {phrase, phrase.replace("'", "’"), phrase.replace("’", "'")}:
            target.setdefault(label, []).append(variant)

    for entity in sorted(registry.entities.values(), key=lambda e: e.key):
        if entity.type is EntityType.COUNTRY:
            for kind, names in (
                ("name", [entity.name, *entity.aliases]),
                ("demonym", entity.get("demonyms", []) or []),
                ("capital", entity.get("capitals", []) or []),
            ):
                for name in names:
                    add(f"{entity.key}|{kind}", name, True)
                    gaz.country_names.setdefault(name, entity.key)
                    if kind == "demonym":
                        gaz.demonyms.add(name)
            gaz.ambiguous.update(entity.get("ambiguous", []) or [])
            if not entity.get("stands_for"):
                folded = (fold_name(n) for n in (entity.name, *entity.aliases))
                gaz.country_folded[entity.key] = frozenset(folded)
            continue
        all_names = [entity.name, *entity.aliases]
        people = entity.type is EntityType.PERSON
        if entity.type in (EntityType.FORUM, EntityType.ORGANIZATION):
            for name in all_names:
                gaz.org_names.setdefault(fold_org(name), entity.key)
        for name in all_names:
            single = len(name.split()) == 1
            add(f"{entity.key}|name", name, people or single)
        for cue in entity.get("cues", []) or []:
            if isinstance(cue, str):
                uncased_cue = cue
                cues.add(entity.key, list(nlp.tokenizer.pipe([uncased_cue])))
            else:
                gaz.list_cues.setdefault(entity.key, []).append(list(cue))
    for body in registry.bodies:
        for phrase in body.get("phrases", []):
            add(f"body:{body['id']}|body", phrase, False)
    for label, phrases in sorted(cased_patterns.items()):
        cased.add(label, list(nlp.tokenizer.pipe(sorted(set(phrases)))))
    for label, phrases in sorted(uncased_patterns.items()):
        uncased.add(label, list(nlp.tokenizer.pipe(sorted(set(phrases)))))
    for group in ("honorifics", "ranks", "offices"):
        for title in registry.titles.get(group, []):
            gaz.title_phrases.add(title_key(title))
            if title_key(title):
                gaz.title_first_words.add(title_key(title)[0])
            if group != "offices":
                gaz.rank_phrases.add(title_key(title))
    for title in registry.titles.get("offices", []):
        if len(title.split()) == 1 and not title.endswith("."):
            gaz.office_words.add(title.lower())
        elif len(title_key(title)) >= 2:
            gaz.office_phrases.add(title_key(title))
    gaz.office_words.update(
        {
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "minister",
            "secretary",
            "adviser",
            "advisor",
            "envoy",
            "representative",
            "representatives",
            "undersecretary",
            "president",
            "chief",
            "official",
            "officials",
            "ministers",
            "leader",
            "leaders",
            "commander",
            "head",
        }
    )
    return gaz


def title_key(text: str) -> tuple[str, ...]:
    """Folded token sequence of a title: 'Brig. Gen.' → ('brig', 'gen')."""
    return tuple(w.lower().strip(".") for w in text.replace(".", ". ").split() if w.strip("."))
