"""The members of a delegation an event report names only as a group.

"A Kenyan delegation met and held talks with X. The delegation was led by A and B." and "A senior
delegation left Cairo after talks with Egyptian officials. The delegation, led by A, included B, C
and D." name the people who took part one or two sentences after the report: the sentence that
takes the same group noun again, definite, as the subject of a verb that says who is in it (led,
headed, included, comprised, consisted of). A person named only as an owner there ("the
president's adviser") is no member. "The delegation" with no members of its own is the one the
text last named with them.

The other side of a meeting may go unnamed and still be there: "met envoys of the Gulf states",
"talks with Egyptian officials" (people said to be of somewhere, met or talked with), which makes
a meeting of one named person (``unnamed_side``).
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.events.parse import Context, leaders

#: Nouns for the people one side sends to an event.
GROUPS = {"delegation", "team", "mission", "entourage"}
#: Verbs by which the text says who is in the group: "was led by A", "included B and C".
MEMBERSHIP = {"lead", "head", "include", "comprise", "consist", "feature", "involve"}
#: What hangs on a membership verb besides its members: its subject, clauses, words of form.
_NOT_MEMBERS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc", "mark", "ccomp"}
_NOT_MEMBERS |= {"advcl", "xcomp", "parataxis", "csubj", "conj"}
#: How many sentences after the report may name its members.
WINDOW = 2


def members_in(ctx: Context, tokens: set[int]) -> list[int]:
    """The members of the unnamed groups among ``tokens`` (an event's phrase and subject)."""
    out: list[int] = []
    for i in sorted(tokens):
        token = ctx.doc[i]
        if token.lemma_.lower() in GROUPS and token.pos_ == "NOUN":
            out += _members(ctx, token)
    return list(dict.fromkeys(out))


def _members(ctx: Context, group: Token) -> list[int]:
    """Named in the sentences after the report; else, for 'the delegation', where the text
    last named that group with its members ('A delegation headed by X ... the delegation')."""
    position = next(k for k, s in enumerate(ctx.sentences) if s.start <= group.i < s.end)
    for sentence in ctx.sentences[position : position + WINDOW + 1]:
        for token in sentence:
            if token.i > group.i and _same_group(token, group) and _definite(token):
                found = _described(ctx, token)
                if found:
                    return found
    if not _definite(group) or _described(ctx, group):
        return []
    for sentence in reversed(ctx.sentences[max(0, position - BACK) : position + 1]):
        for token in reversed(sentence):
            if token.i < group.i and _same_group(token, group):
                found = _described(ctx, token)
                if found:
                    return found
    return []


#: How many sentences back "the delegation" may refer to one named with its members.
BACK = 8


def _same_group(token: Token, group: Token) -> bool:
    return token.lemma_.lower() == group.lemma_.lower() and token.pos_ == "NOUN"


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children)


def _described(ctx: Context, group: Token) -> list[int]:
    """'The delegation, led by A, included B and C', 'The team was headed by A and B', 'the
    A-led delegation'."""
    tokens = set(leaders(group))
    for child in group.children:
        if child.dep_ in ("compound", "amod", "npadvmod", "nmod"):
            tokens |= {t.i for t in child.subtree}
    verb = group.head
    if group.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in MEMBERSHIP:
        for child in verb.children:
            if child.dep_ not in _NOT_MEMBERS:  # "included leaders, among them A, B and C"
                tokens |= {t.i for t in child.subtree}
    owners = {ctx.person_at.get(i) for i in tokens if ctx.doc[i].dep_ == "poss"}
    return [p for p in ctx.people_in(tokens) if p not in owners]  # not "Ruto's adviser"


#: Nouns for people of one side whom the text does not name: "talks with Egyptian officials".
SIDES = {"official", "envoy", "diplomat", "representative", "delegation", "delegate", "minister"}
SIDES |= {"negotiator", "mediator", "ambassador", "lawmaker", "congressman", "senator", "team"}


def unnamed_side(ctx: Context, tokens: set[int], subject: set[int]) -> bool:
    """The other side of an event is there but unnamed, said to be of a country or a body:
    'met envoys of the Gulf states', 'talks with Egyptian officials', 'a US congressman'. Not
    the subject's own group, and not people of nowhere ('met officials')."""
    for i in sorted(tokens - subject):
        noun = ctx.doc[i]
        if noun.lemma_.lower() not in SIDES or noun.pos_ != "NOUN":
            continue
        if not _met(noun) or i in ctx.person_at:
            continue
        if ctx.people_in(t.i for t in noun.subtree):
            continue  # "envoy X": named
        if _of_somewhere(ctx, noun):
            return True
    return False


def _met(noun: Token) -> bool:
    """The one met: the object of 'met', 'with' whom talks are held ('talks with Houthi and
    Omani officials'); not those a reception is held for."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in MEETING_VERBS
    return noun.dep_ == "pobj" and noun.head.lower_ in ("with", "between")


#: Verbs whose object is the other side of the meeting.
MEETING_VERBS = {"meet", "visit", "call"}


def _of_somewhere(ctx: Context, noun: Token) -> bool:
    """'Egyptian officials', 'US congressman', 'envoys of the Gulf states', 'Qatar's envoy'."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.ent_type_ in _WHOSE:
            return True
        of = child.dep_ == "prep" and child.lower_ in ("of", "from")
        if of and any(t.ent_type_ in _WHOSE or t.i in ctx.country_at for t in child.subtree):
            return True
    return False


_WHOSE = {"NORP", "GPE", "ORG", "LOC"}
