"""New-issue candidates: recurring topic phrases that the curated issue taxonomy does not cover.

An article's recurring subject shows as a noun phrase it repeats ("the grain corridor", "the
foreign influence law"). A phrase is a candidate when, in one article,

* it is a common-noun phrase of at least two content words ("grain corridor", not "corridor");
* it recurs: in ``MIN_SENTENCES`` sentences, or ``MIN_TOPIC_SENTENCES`` when its head names a
  matter of dispute or negotiation ("the Essequibo dispute", "the grain deal", "the <X> law");
* it is not a name (its head is no person, place, organization or forum the article names), not
  a role ("foreign minister"), not generic ("last week", "joint statement"), and not an issue the
  taxonomy knows (no cue or name of a curated issue stands in it or contains it).

Candidates are never published as issues; the review page lists them with their sentences, and a
curator adds the real ones to ``seeds/curated/issues.yml`` (as an issue, or a cue of one).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from generator.data import IssueCandidate, Mention


def _words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


MIN_SENTENCES = 3
MIN_TOPIC_SENTENCES = 2
MAX_EVIDENCE = 5
#: Heads that name a matter of dispute, negotiation or law: "the <X> dispute/crisis/talks/deal/law"
#: (folded: lower case, singular).
TOPIC_HEADS = _words_of(
    "accord agreement ban blockade bill ceasefire conflict corridor crackdown crisis dam deal "
    "dispute embargo insurgency initiative law negotiation offensive pact pipeline plan programme "
    "program project protest referendum reform row sanction scheme standoff talk tariff tax "
    "tension treaty truce war"
)
#: Heads too generic to name a topic, however often they recur (news furniture, time, people).
GENERIC_HEADS = _words_of(
    "account action age analysis area article aspect attention case comment conference country "
    "day decade effort end event example fact figure group hour issue level lot matter media "
    "member month moment nation news number official part party people percent period person "
    "place point position question reader record region report reporter result side source "
    "spokesman spokesperson spokeswoman start statement step story term thing time today view "
    "visit way week weekend world year"
)
#: Modifiers that rate or date a thing rather than say what it is about ("the underlying dispute",
#: "a landmark agreement", "the stalled talks", "a fragile truce"): a phrase needs a modifier
#: outside this list to name a topic, and leading ones are no part of its key.
UNSPECIFIC = _words_of(
    "additional bilateral bitter broad broader comprehensive contested controversial current "
    "deadlocked early entire existing faltering final first formal fragile frozen full further "
    "historic important informal initial key landmark last late latest long longstanding main "
    "major multilateral new next ongoing original other overall past possible potential previous "
    "proposed provisional recent renewed second serious significant so-called special stalled "
    "strong third underlying whole wide wider"
)
_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")


def find_candidates(
    doc: Doc,
    mentions: Iterable[Mention],
    sent_index: dict[int, int],
    known: frozenset[str],
    office_words: set[str],
) -> list[IssueCandidate]:
    """Candidates of one article, most frequent first. ``known`` holds the folded names, aliases
    and phrase cues of the curated issues; ``office_words`` the role words ('minister')."""
    mentions = list(mentions)
    covered = _covered(doc, mentions)
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)  # key -> (sentence, surface)
    back: dict[str, list[tuple[int, str]]] = defaultdict(list)  # "the deal" -> (sentence, "")
    for chunk in doc.noun_chunks:
        head = _back_reference(chunk, covered)
        if head is not None:
            back[head].append((sent_index.get(chunk.root.i, 0), ""))
            continue
        words = _content(chunk)
        if words is None or not _topical(words, covered, office_words):
            continue
        key = " ".join(_fold(t) for t in words)
        surface = doc[words[0].i : words[-1].i + 1].text
        found[key].append((sent_index.get(words[0].i, 0), surface))
    _add_back_references(found, back)
    on_issues = {m.sentence_index for m in mentions if m.label == "issue" and " + " not in m.text}
    sentences = list(doc.sents)
    out = []
    for key, hits in found.items():
        where = sorted({s for s, _ in hits})
        need = MIN_TOPIC_SENTENCES if key.split()[-1] in TOPIC_HEADS else MIN_SENTENCES
        if len(where) < need or _is_known(key, known):
            continue
        if 2 * len(on_issues.intersection(where)) >= len(where):
            continue  # said mostly beside a known issue's cue: a part of that issue
        name = Counter(surface for _, surface in hits if surface).most_common(1)[0][0]
        evidence = tuple(sentences[i].text.strip() for i in where[:MAX_EVIDENCE])
        out.append(IssueCandidate(name=name, key=key, count=len(hits), sentences=evidence))
    return sorted(out, key=lambda c: (-c.count, c.key))


def _back_reference(chunk: Span, covered: dict[int, str]) -> str | None:
    """'the deal', 'this law': a topic head alone after a definite determiner, folded."""
    tokens = list(chunk)
    if len(tokens) != 2 or tokens[0].lower_ not in ("the", "this", "that"):
        return None
    head = tokens[1]
    if head != chunk.root or head.pos_ != "NOUN" or head.i in covered:
        return None
    lemma = _fold(head)
    return lemma if lemma in TOPIC_HEADS else None


def _add_back_references(
    found: dict[str, list[tuple[int, str]]], back: dict[str, list[tuple[int, str]]]
) -> None:
    """'the deal' counts for the article's one named deal ('the grain deal'); when it names two
    deals, for neither."""
    for head, hits in back.items():
        owners = [key for key in found if key.split()[-1] == head]
        if len(owners) == 1:
            found[owners[0]].extend(hits)


def known_phrases(texts: Iterable[str]) -> frozenset[str]:
    """Folded forms of curated issue names, aliases and phrase cues, to compare candidates with."""
    return frozenset(" ".join(_fold_word(w) for w in _words(text)) for text in texts if text)


def _content(chunk: Span) -> list[Token] | None:
    """The chunk without determiners, possessives, numbers and stop words in front; None unless a
    common noun heads at least two content words."""
    tokens = list(chunk)
    while tokens and (
        tokens[0].is_stop
        or tokens[0].pos_ in ("DET", "PRON", "NUM", "PUNCT", "PART", "ADV", "CCONJ")
        or tokens[0].tag_ == "POS"
        or not tokens[0].text[:1].isalpha()
    ):
        tokens.pop(0)
    if not tokens or tokens[-1] != chunk.root or chunk.root.pos_ != "NOUN":
        return None
    if any(t.pos_ in ("NUM", "PRON", "DET") or t.tag_ == "POS" for t in tokens):
        return None  # "its two neighbours", "China's navy": not a topic's name
    if any(not _WORD.match(t.text) and t.text != "-" for t in tokens):
        return None
    # "the stalled reunification talks" are the "reunification talks": a rating word in front
    # says nothing of what they are about ("the underlying dispute" is then too short)
    while len(tokens) > 1 and (tokens[0].lower_ in UNSPECIFIC or tokens[0].text == "-"):
        tokens.pop(0)
    if sum(1 for t in tokens if t.text != "-") < 2:
        return None
    return tokens


def _topical(words: list[Token], covered: dict[int, str], office_words: set[str]) -> bool:
    head = words[-1]
    lemma = _fold(head)
    if lemma in GENERIC_HEADS or head.lower_ in office_words or lemma in office_words:
        return False
    if head.i in covered:
        return False  # the head is part of a name the article already links
    # no word of a person's name ("the Putin government") or of a known issue's cue
    return not any(covered.get(t.i) in ("person", "issue") for t in words)


def _covered(doc: Doc, mentions: Iterable[Mention]) -> dict[int, str]:
    """Token index -> label of the mention it stands in (issue mentions: phrase cues only)."""
    out: dict[int, str] = {}
    for m in mentions:
        if m.label == "issue" and " + " in m.text:
            continue  # a list cue spans its whole sentence
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            out.setdefault(token.i, m.label)
    return out


def _is_known(key: str, known: frozenset[str]) -> bool:
    """The candidate is, contains or is contained in a curated issue's name, alias or cue."""
    padded = f" {key} "
    return any(f" {k} " in padded or padded in f" {k} " for k in known)


def _fold(token: Token) -> str:
    return _fold_word(token.lemma_ if token.pos_ == "NOUN" else token.text)


def _fold_word(word: str) -> str:
    word = word.lower().replace("’", "'")
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        word = word[:-1]  # plural cues and lemmas agree: "talks" / "talk", "sanctions"
    return word


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’]+|-", text)
