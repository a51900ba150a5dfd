"""The members of a delegation an event report names only as a group.

"A Kenyan delegation met and held talks with X. The delegation was led by A and B." and "A senior
delegation left Cairo after talks with Egyptian officials. The delegation, led by A, included B, C
and D." name the people who took part one or two sentences after the report: the sentence that
takes the same group noun again, definite, as the subject of a verb that says who is in it (led,
headed, included, comprised, consisted of). A person named only as an owner there ("the
president's adviser") is no member.
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
    position = next(k for k, s in enumerate(ctx.sentences) if s.start <= group.i < s.end)
    for sentence in ctx.sentences[position : position + WINDOW + 1]:
        for token in sentence:
            if token.i <= group.i or token.lemma_.lower() != group.lemma_.lower():
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
                continue
            found = _described(ctx, token)
            if found:
                return found
    return []


def _described(ctx: Context, group: Token) -> list[int]:
    """'The delegation, led by A, included B and C', 'The team was headed by A and B'."""
    tokens = set(leaders(group))
    verb = group.head
    if group.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in MEMBERSHIP:
        for child in verb.children:
            if child.dep_ not in _NOT_MEMBERS:  # "included leaders, among them A, B and C"
                tokens |= {t.i for t in child.subtree}
    owners = {ctx.person_at.get(i) for i in tokens if ctx.doc[i].dep_ == "poss"}
    return [p for p in ctx.people_in(tokens) if p not in owners]  # not "Ruto's adviser"
