"""Who a quotation's "he", "she" or "the minister" is: the person an article means by a pronoun or
a role phrase, for ``generator.extract.quotes``.

- A pronoun stands for the subject of the nearest earlier sentence that has a person as subject
  (the one reported on before the one reporting). A run of sentences whose subject is the same
  pronoun speaks of one person throughout, so the search goes back past all of them; when such a
  run opens the article (an excerpt cut before the person was named), the person is the first one
  the article later names as speaking.
- A role ("the minister", "the Cambodian premier", a capitalised "the President") stands for the
  latest person whose titles or role hold its words; "premier" and "prime minister" are one office.
- A subject the model did not tag is matched to a person named before by one of their names,
  spelled as printed or with one letter different ("Dbeibah" for "Dbeibeh").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from generator import names
from generator.data import Mention
from generator.extract.pronoun_gender import person_key

PRONOUNS = {"he", "she", "they"}
#: How many sentences back a pronoun or a role ("the minister") looks for the person it means.
CONTEXT_SENTENCES = 3
#: Words of speech whose subject is the one speaking (lemmas), for a person named later.
_SPEAKING = frozenset({"say", "tell", "add", "state", "note", "stress", "write", "declare"})
#: Offices written two ways: a role's word -> the words a description holds instead.
_SAME_OFFICE = {"premier": ("prime", "minister"), "pm": ("prime", "minister")}
#: One office under several words: 'the chairperson' is the one described as chair, 'the union
#: chief' the head of the union.
_ONE_WORD_OFFICES = (
    frozenset({"chair", "chairperson", "chairman", "chairwoman"}),
    frozenset({"head", "chief"}),
)
#: Offices of a country's leader: 'the Senegalese leader' is its president or prime minister.
_LEADERS = (
    ("president",),
    ("prime", "minister"),
    ("premier",),
    ("chancellor",),
    ("king",),
    ("emir",),
    ("sultan",),
)
#: Offices of a country's diplomats: 'the senior diplomat' is its foreign minister, their deputy,
#: an ambassador or an envoy.
_DIPLOMATS = (
    ("foreign", "minister"),
    ("foreign", "secretary"),
    ("secretary", "state"),
    ("ambassador",),
    ("envoy",),
    ("diplomat",),
)
#: Words that say which office or when it was held ('the foreign minister', 'the former
#: president'); any other adjective of a role is the writer's ('the beleaguered chancellor').
OFFICE_QUALIFIERS = frozenset(
    {
        "foreign", "prime", "deputy", "vice", "chief", "first", "federal", "supreme", "special",
        "defence", "defense", "finance", "interior", "home", "external", "economic", "military",
        "national", "general", "former", "acting", "interim", "outgoing", "incoming", "caretaker",
    }
)  # fmt: skip
#: Words of rank before a role that no title holds ('the senior diplomat', 'the top official').
_RANK_WORDS = frozenset({"senior", "high", "-", "ranking", "top", "veteran", "seasoned"})
#: Offices a state-media readout capitalises alone ("…,” said the President.").
OFFICES = frozenset(
    [
        "president",
        "premier",
        "chancellor",
        "minister",
        "secretary",
        "ambassador",
        "governor",
        "chairman",
        "chairwoman",
        "chairperson",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "king",
        "emir",
    ]
)
#: The shortest name word matched with one letter different.
_FUZZY_MIN = 5


@dataclass(frozen=True)
class Context:
    """What every speaker lookup in one article needs."""

    doc: Doc
    sentences: list[Span]
    sent_index: dict[int, int]
    mentions: list[Mention]
    people: list[tuple[int, Mention]]  # (index into mentions, mention), outside quotations
    descriptions: dict[frozenset[str], set[str]]  # person -> lower-cased title and role words
    text: str  # doc.text, made once: spaCy joins every token's text each time it is asked
    #: person key -> "he" or "she", from the article's own words (``pronoun_gender``)
    genders: dict[str, str] = field(default_factory=dict)
    #: person -> words of the offices the registry says they held (``generator.extract.offices``)
    offices: dict[frozenset[str], set[str]] = field(default_factory=dict)

    def may_be(self, index: int, pronoun: str) -> bool:
        """Whether the article lets the person of mention ``index`` be called ``pronoun``."""
        known = self.genders.get(person_key(self.mentions[index]))
        return known is None or pronoun not in ("he", "she") or known == pronoun

    def is_called(self, index: int, pronoun: str) -> bool:
        """Whether the article itself calls the person of mention ``index`` ``pronoun``."""
        return self.genders.get(person_key(self.mentions[index])) == pronoun


def subject_span(token: Token) -> tuple[int, int]:
    left = min(t.idx for t in token.subtree)
    right = max(t.idx + len(t.text) for t in token.subtree)
    return left, right


def person_in(lo: int, hi: int, people: list[tuple[int, Mention]]) -> int | None:
    inside = [(i, m) for i, m in people if m.start >= lo and m.end <= hi]
    if not inside:
        return None
    return inside[-1][0]


def antecedent(ctx: Context, char: int, first: int, pronoun: str = "") -> int | None:
    """The person 'he' or 'she' (``pronoun``) stands for: the subject of the nearest earlier
    sentence that has a person as subject (one reported on before one reporting), else the last
    person named. Sentences whose subject is the same pronoun are about the same person: the
    search goes on past them, and past the article's start to the first person it names speaking."""
    floor = max(0, first - CONTEXT_SENTENCES)
    index = first - 1
    chained = False  # the sentence just looked at has the same pronoun as subject
    while index >= floor:
        said_of = _pronoun_subject(ctx.sentences[index], pronoun) if pronoun else None
        chained = said_of is not None
        if said_of is not None:
            # "When the findings were relayed to Bannon, he conceded": the one named before it
            named = [
                i
                for i, m in ctx.people
                if ctx.sentences[index].start_char <= m.start < said_of and ctx.may_be(i, pronoun)
            ]
            if named:
                return named[-1]
            # "He said Tarabulsi ...": about the same one as before, whoever else it names
            floor = max(0, index - CONTEXT_SENTENCES)
            index -= 1
            continue
        subjects = [
            (i, m)
            for i, m in ctx.people
            if m.sentence_index == index and is_subject(ctx.doc, m) and ctx.may_be(i, pronoun)
        ]
        agent = _known_agent(ctx, index, pronoun)
        if agent is not None and not any(ctx.is_called(i, pronoun) for i, _ in subjects):
            return agent  # "X was accompanied by Wong, who said …" then "She said:"
        if subjects:
            # "Austin urged ..., Ryder said": the one reported on, not the reporter
            topical = [(i, m) for i, m in subjects if not is_subject(ctx.doc, m, of_say=True)]
            return (topical or subjects)[0][0]
        for token in ctx.sentences[index]:
            found = by_surname(ctx, token) if token.dep_ in ("nsubj", "nsubjpass") else None
            if found is not None and ctx.may_be(found, pronoun):
                return found
        role = _described_subject(ctx.sentences[index])
        if role is not None:  # "The union leader did not rule out a strike. “…,” he warned."
            found = role_holder(ctx, role, char, first)
            return found if found is not None and ctx.may_be(found, pronoun) else None
        index -= 1
    if chained and index < 0:  # the article opens speaking of someone it names only later
        return _first_speaker_after(ctx, char)
    start = ctx.sentences[floor].start_char
    before = [i for i, m in ctx.people if start <= m.start < char and ctx.may_be(i, pronoun)]
    return before[-1] if before else None


#: Nouns that name a person by what they do, as a sentence's subject ("The 58-year-old union
#: leader did not rule out a strike"): a pronoun after it stands for that person.
PERSON_NOUNS = OFFICES | {
    "leader", "official", "chief", "head", "diplomat", "negotiator", "lawmaker", "legislator",
    "senator", "general", "commander", "mayor", "director", "activist", "politician", "premier",
    "ruler", "monarch", "mediator", "prosecutor", "judge", "spokesperson", "representative",
}  # fmt: skip


def _described_subject(sentence: Span) -> tuple[str, ...] | None:
    """The role words of a sentence's subject that names a person by a common noun ("the union
    leader" → ('union', 'leader')), else None: a writer's adjective or an age says nothing of
    the office."""
    subject = next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() not in PERSON_NOUNS:
        return None
    if subject.tag_ != "NN":  # "The regional leaders last met in 2021": no "he" or "she"
        return None
    words = [
        t.text
        for t in subject.lefts
        if t.dep_ in ("compound", "amod") and t.is_alpha and not is_judging(t)
    ]
    return (*words, subject.text)


def _known_agent(ctx: Context, index: int, pronoun: str) -> int | None:
    """The person the article calls ``pronoun`` who does the deed of a passive sentence ("X was
    accompanied by Wong"): the one a gendered pronoun after it stands for, when the grammatical
    subject is not known to be called so."""
    if pronoun not in ("he", "she"):
        return None
    for i, m in ctx.people:
        if m.sentence_index != index or not ctx.is_called(i, pronoun):
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            return i
    return None


def _pronoun_subject(sentence: Span, pronoun: str) -> int | None:
    """Where ``pronoun`` stands as the subject of the sentence's main clause ("He said the talks
    ..."), else None."""
    for child in sentence.root.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ == pronoun:
            return child.idx
    return None


def _first_speaker_after(ctx: Context, char: int) -> int | None:
    """The first person after ``char`` who is the subject of a sentence's main verb of speech
    ("Anwar said ..."; not "Reuters reported that Hun Manet said ...")."""
    for i, m in ctx.people:
        if m.start < char:
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        verb = root.head
        if root.dep_ == "nsubj" and verb.dep_ == "ROOT" and verb.lemma_.lower() in _SPEAKING:
            return i
    return None


def by_surname(ctx: Context, token: Token) -> int | None:
    """A name the model did not tag ("O’Brien", "Dbeibah") that is a part of exactly one person
    named earlier in the article, as printed or one letter apart: that person's latest mention."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    word = names.lone(names.strip_possessive(token.text))
    earlier = [(i, m) for i, m in ctx.people if m.start < token.idx and len(identity(m)) >= 2]
    owners = {identity(m): i for i, m in earlier if word in identity(m)}
    if not owners and len(word) >= _FUZZY_MIN:
        owners = {
            identity(m): i
            for i, m in earlier
            if any(len(w) >= _FUZZY_MIN and _one_letter_apart(word, w) for w in identity(m))
        }
    return next(iter(owners.values())) if len(owners) == 1 else None


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped ("dbeibah" / "dbeibeh", "mutaqi" / "muttaqi")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def is_subject(doc: Doc, mention: Mention, of_say: bool = False) -> bool:
    """The mention is a subject (with ``of_say``: the subject of 'say'), or a name in apposition
    to one ("Head of the government Abdulhamid Dbeibeh stated ...")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("appos", "compound") and root.head.i != root.i and root.head.i < root.i:
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return not of_say or root.head.lemma_.lower() == "say"


def role_words(subject: Token) -> tuple[str, ...] | None:
    """'the minister', 'the foreign minister', 'the US president', 'the Secretary General' →
    ('foreign', 'minister'), ('US', 'president'). "The Kremlin" or "the White House" give words
    too, but no person's description holds them (``described_by``)."""
    tokens = list(subject.subtree)
    if tokens[0].lower_ != "the" or not 2 <= len(tokens) <= 5:
        return None
    # 'the high-ranking diplomat' (high, -, ranking): words of rank say nothing of the office
    words = [t.text for t in tokens[1:] if t.lower_ not in _RANK_WORDS and not is_judging(t)]
    if not words or len(words) > 3:
        return None
    lone_name = len(words) == 1 and not words[0].islower() and words[0].lower() not in OFFICES
    if not all(w.isalpha() for w in words) or lone_name:
        return None  # "the Kremlin": a lone capitalised word is a name, not a role
    return tuple(words)


def is_judging(token: Token) -> bool:
    """A writer's adjective before a role ('the beleaguered chancellor'), which no title holds."""
    return token.pos_ == "ADJ" and token.is_lower and token.lower_ not in OFFICE_QUALIFIERS


def role_holder(ctx: Context, role: tuple[str, ...], char: int, first: int) -> int | None:
    """The one person named (in the last few sentences) whose titles or role include the role's
    words: 'the general' → 'Gen. Paul LaCamera'. When two people hold them, the one the sentences
    at hand are about, else none. A role of two words or more ('the
    commission president') is specific enough to look back over the whole article."""
    floor = max(0, first - CONTEXT_SENTENCES) if len(role) < 2 else 0
    start = ctx.sentences[floor].start_char
    named = [(m.start, i) for i, m in ctx.people if start <= m.start < char]
    for sentence in ctx.sentences[floor : first + 1]:
        for token in sentence:  # surnames the model did not tag
            found = by_surname(ctx, token) if token.idx < char else None
            if found is not None:
                named.append((token.idx, found))
    # identity -> latest mention, of the role's holders: by the article's words, else by the
    # offices the registry says they held (the article never titles them: "says the Secretary
    # General")
    holders = _holders(ctx.descriptions, ctx.mentions, role, named) or _holders(
        ctx.offices, ctx.mentions, role, named
    )
    # the ones the quotation's sentence or the one before is about
    about = {
        identity(m)
        for _, m in ctx.people
        if first - 1 <= m.sentence_index <= first and m.start < char and is_subject(ctx.doc, m)
    }
    if len(holders) == 1:
        # "Hale, who chairs the council, arrived. “…,” the chairman said": the one just
        # introduced, whose office the article does not title, may hold it as well
        untitled = {a for a in about - set(holders) if not ctx.descriptions.get(a)}
        return None if untitled else next(iter(holders.values()))
    # several hold it: the one the sentences at hand are about ("Ruiz said … “…,” the minister
    # said"), else nobody ("Lind and Ruiz met. “…,” the minister said")
    topical = about & set(holders)
    return holders[topical.pop()] if len(topical) == 1 else None


def _holders(
    descriptions: dict[frozenset[str], set[str]],
    mentions: list[Mention],
    role: tuple[str, ...],
    named: list[tuple[int, int]],
) -> dict[frozenset[str], int]:
    holders: dict[frozenset[str], int] = {}
    for _, i in sorted(named, reverse=True):
        described = descriptions.get(identity(mentions[i]), set())
        if all(described_by(word, described) for word in role):
            holders.setdefault(identity(mentions[i]), i)
    return holders


def described_by(word: str, described: set[str]) -> bool:
    """A word of a role is in a person's description, spelled out, abbreviated ('Gen.') or as
    another name of the same office ('premier' for 'prime minister')."""
    if word.lower() in described:
        return True
    if any(word.lower() in group and group & described for group in _ONE_WORD_OFFICES):
        return True  # 'the chairperson': the chair of the commission
    same = _SAME_OFFICE.get(word.lower())
    if same is not None and all(w in described for w in same):
        return True
    if word.lower() == "leader" and any(all(w in described for w in o) for o in _LEADERS):
        return True  # 'the Senegalese leader': a president, a prime minister, a king
    if word.lower() == "diplomat" and any(all(w in described for w in o) for o in _DIPLOMATS):
        return True  # 'the senior diplomat': a foreign minister or their deputy, an envoy
    if word.isupper() and 2 <= len(word) <= 4:  # "US": "United States" in the role
        return all(any(d.startswith(c) and len(d) > 2 for d in described) for c in word.lower())
    word = word.lower()
    return any(
        d.endswith(".") and len(d) >= 4 and word.startswith(d[:-1]) for d in described
    )  # "gen." abbreviates "general", "adm." "admiral", "sen." "senator"


def identity(mention: Mention) -> frozenset[str]:
    return names.key(mention.refers_to or mention.text)


def descriptions(mentions: list[Mention]) -> dict[frozenset[str], set[str]]:
    """Each person's title and role words over all the article's mentions of them."""
    out: dict[frozenset[str], set[str]] = {}
    for m in mentions:
        if m.label != "person":
            continue
        words = " ".join([*m.titles, m.role or ""]).lower().split()
        out.setdefault(identity(m), set()).update(words)
    return out
