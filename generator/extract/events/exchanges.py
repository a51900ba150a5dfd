"""Talks told in the words of official readouts: "exchanged views with President X", "held a
bilateral discussion with X", "had a conversation with X", "received a phone call on Friday from
X".

Each needs a named person on the other side, in the phrase itself: "exchanged views on the
crisis" and "a discussion of the budget" report no meeting.
"""

from __future__ import annotations

from spacy.tokens import Token

#: What two sides exchange when they talk: "exchanged views", "traded ideas".
_EXCHANGED = {"view", "views", "idea", "ideas", "opinion", "opinions", "note", "notes"}
_EXCHANGING = {"exchange", "trade", "share"}
_DISCUSSIONS = {"discussion", "discussions", "consultation", "consultations"}
#: Verbs by which a call comes to its receiver: "received a call from X", "took a call from X".
_RECEIVING_CALLS = {"receive", "take", "get", "answer"}


def talks_kind(ctx, token: Token) -> str | None:
    """'exchanged views with X', 'a discussion with X': talks with the person named; 'phoned X',
    'called X on Monday': a call."""
    lemma = token.lemma_.lower()
    if _phoned(ctx, token):
        return "call"
    if spoke_to(ctx, token):
        return "talks"  # "said he had spoken to President X about the crisis"
    if token.pos_ == "VERB" and lemma in _EXCHANGING:
        exchanged = [c for c in token.children if c.dep_ == "dobj" and c.lower_ in _EXCHANGED]
        withs = [c for e in [token, *exchanged] for c in e.children if _with(c)]
        if exchanged and any(_people(ctx, w) for w in withs):
            return "talks"
    discussion = token.pos_ == "NOUN" and token.lower_ in _DISCUSSIONS
    if discussion and any(_people(ctx, c) for c in token.children if _with(c)):
        return "talks"
    if _held_conversation(token) and any(_people(ctx, c) for c in token.children if _with(c)):
        return "talks"  # "had a one-on-one conversation with X"
    return None


#: Verbs of calling someone up: "phoned X", "telephoned X", "called X on Monday".
_PHONING = {"phone", "telephone", "ring", "call"}


def _phoned(ctx, verb: Token) -> bool:
    """A person called as the verb's object, and nothing more said of them: 'called X on Monday
    to discuss the crisis', not 'called X a liar' (a name), 'called on X to act' (an appeal) nor
    'called X's decision brave'."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _PHONING:
        return False
    children = list(verb.children)
    # "called Prime Minister X": the parser may take the name for a predicate of naming
    named = [c for c in children if c.dep_ == "oprd" and c.i in ctx.person_at]
    if any(c.dep_ in ("oprd", "ccomp", "acomp", "attr") for c in children if c not in named):
        return False
    if any(c.dep_ == "xcomp" and c.pos_ != "VERB" for c in children):
        return False  # "called X reliable"
    objects = [c for c in children if c.dep_ == "dobj"]
    objects = objects if objects or len(named) != 1 else named
    return (
        len(objects) == 1
        and objects[0].i in ctx.person_at
        and not any(
            c.dep_ in ("oprd", "appos", "acl") and c.pos_ in ("NOUN", "ADJ")
            for c in objects[0].children
        )
    )


def spoke_to(ctx, verb: Token) -> bool:
    """'had spoken to President X': talks with a person named as the one spoken to (not
    'spoke to reporters', 'spoke to the nation', 'spoke to Reuters': no person there)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("speak", "talk"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False  # "speaking to X" as a modifier: whose talk it is is unclear
    tos = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    return any(o.i in ctx.person_at for t in tos for o in t.children if o.dep_ == "pobj")


def _held_conversation(token: Token) -> bool:
    """'had a conversation with X', 'held conversations with X': a conversation someone holds,
    not one a remark was made in ('said in a conversation with a journalist')."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() == "conversation"
        and token.dep_ == "dobj"
        and token.head.lemma_.lower() in ("have", "hold")
    )


def exchanged_with(ctx, trigger: Token) -> list[int]:
    """The people an exchange of views was with ('exchanged views with X': 'with' hangs on the
    views as often as on the verb)."""
    if trigger.lemma_.lower() not in _EXCHANGING:
        return []
    heads = [trigger, *(c for c in trigger.children if c.lower_ in _EXCHANGED)]
    return [p for h in heads for c in h.children if _with(c) for p in _people(ctx, c)]


def caller(ctx, call: Token) -> list[int]:
    """'received a phone call on Friday from X': the caller, in a phrase of the verb."""
    verb = call.head
    if call.dep_ != "dobj" or verb.lemma_.lower() not in _RECEIVING_CALLS:
        return []
    froms = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"]
    return [p for f in froms for p in _people(ctx, f)]


def _with(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ == "with"


def _people(ctx, prep: Token) -> list[int]:
    return ctx.people_in(t.i for t in prep.subtree)


#: Prepositions after "A and B spoke" that keep it a talk between them: "in a one-on-one format",
#: "for two hours"; "on"/"at" only with a time ("on Tuesday", not "at the rally", "on climate").
_BETWEEN_THEM = {"in", "for"}
_AT_A_TIME = {"on", "at"}


def spoke_together(verb: Token) -> bool:
    """'Aliyev and Pashinian spoke in a one-on-one format' (the caller checks the two subjects):
    not to an audience ('spoke to reporters', 'at the rally'), on a topic or separately."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "ccomp", "xcomp") and child.lower_ != "both":
            return False  # "spoke both in ... and in ...": the parser's object is no topic
        if child.dep_ == "advmod" and child.lower_ in ("separately", "individually"):
            return False
        if child.dep_ != "prep" or child.lower_ in _BETWEEN_THEM:
            continue
        timed = any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
        if child.lower_ not in _AT_A_TIME or not timed:
            return False
    return True
