"""Who was present at a meeting, told in the sentences after the one that reports it.

"President A held talks with his service chiefs. Those in attendance included B and C. Also
present were D and E." and "A met B in Vienna. C was also present." name the people at a
meeting apart from the report: they join the last meeting, talks or summit reported in that
sentence or up to two sentences before (``WINDOW``). A report of one named person whose other
side goes unnamed ("talks with his service chiefs") is a meeting when such a list follows it. A
list of people present with no meeting just before is no event, and "present at the scene" (a
place that is no gathering) says nothing of a meeting.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from generator.extract.events.merge import Report
from generator.extract.events.parse import Context, has_trigger_noun

#: How many sentences after a meeting's report may say who was present at it.
WINDOW = 2
#: Kinds of report people can be present at.
GATHERINGS = {"meeting", "talks", "summit"}
#: Verbs that say who was there: "Also present were ...", "Those in attendance included ...".
_STATING = {"be", "include"}
#: Nouns for those present: "Participants included ...".
_THOSE_PRESENT = {"participant", "attendee"}
#: What hangs on such a verb besides those present.
_NOT_PRESENT = {"aux", "auxpass", "neg", "punct", "cc", "mark", "advmod", "acomp", "prep"}
_NOT_PRESENT |= {"advcl", "ccomp", "xcomp", "parataxis", "relcl", "acl", "npadvmod"}


def present_in(ctx: Context, sentence: Span) -> list[int]:
    """The people a sentence says were present ('Also present were A and B', 'C was also
    present', 'Those in attendance included D')."""
    out: list[int] = []
    for token in sentence:
        if token.i in ctx.quoted:
            continue
        verb = _stating_verb(token)
        if verb is None:
            continue
        cut = {token.i} | {t.i for t in _holder(token, verb).subtree}
        for child in verb.children:
            if child.dep_ in _NOT_PRESENT or child.i in cut:
                continue
            out += ctx.people_in(_listed(child))
    return list(dict.fromkeys(out))


def _stating_verb(token: Token) -> Token | None:
    """The verb of 'present' ('were also present') or 'in attendance' ('those in attendance
    included', 'was in attendance'), when the presence is not at something other than a
    gathering."""
    if token.lower_ == "present" and token.pos_ == "ADJ" and token.dep_ == "acomp":
        verb = token.head
        if verb.lemma_.lower() == "be" and not _elsewhere(token):
            return verb
        return None
    if token.lemma_.lower() in _THOSE_PRESENT and token.tag_ == "NNS" and token.dep_ == "nsubj":
        verb = token.head  # "Participants included A, B and C"
        if verb.lemma_.lower() in _STATING and not _elsewhere(token, ("of", "at", "in")):
            return verb
        return None
    if token.lower_ != "attendance" or token.dep_ != "pobj" or token.head.lower_ != "in":
        return None
    holder = token.head.head  # "in attendance" hangs on the verb or on "those"
    verb = holder if holder.pos_ in ("VERB", "AUX") else holder.head
    if verb.lemma_.lower() in _STATING and not _elsewhere(token.head):
        return verb
    return None


def _holder(token: Token, verb: Token) -> Token:
    """The word 'in attendance' or 'present' hangs on, when it is not the verb: 'those'."""
    node = token
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return node


def _elsewhere(word: Token, preps: tuple[str, ...] = ("at", "for")) -> bool:
    """'present at the scene', 'in attendance at the concert', 'participants of the race':
    somewhere that is no gathering."""
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in preps):
        if not any(has_trigger_noun(o) for o in prep.children if o.dep_ == "pobj"):
            return True
    return False


def _listed(noun: Token) -> list[int]:
    """A noun and those coordinated with it, without the clauses said of them."""
    out: list[int] = []
    stack = [noun]
    while stack:
        token = stack.pop()
        out.append(token.i)
        stack += [c for c in token.children if c.dep_ not in ("relcl", "acl", "advcl")]
    return out


def named_after(ctx: Context, index: int, named: int) -> bool:
    """Some sentence just after sentence ``index`` says who was present at a meeting of
    ``named`` people (one, or none when this sentence says nobody was present)."""
    if named > 1 or (not named and present_in(ctx, ctx.sentences[index])):
        return False
    after = ctx.sentences[index + 1 : index + 1 + WINDOW]
    return any(present_in(ctx, s) for s in after)


def add_present(reports: list[Report], ctx: Context) -> list[Report]:
    """Those said to be present join the last gathering reported at most ``WINDOW`` sentences
    before (or in the same sentence)."""
    out = list(reports)
    for index, sentence in enumerate(ctx.sentences):
        people = present_in(ctx, sentence)
        if not people:
            continue
        near = [
            r for r in out if r.kind in GATHERINGS and index - WINDOW <= r.sentence_index <= index
        ]
        if not near:
            continue
        target = max(near, key=lambda r: (r.sentence_index, r.trigger.i))
        new = [p for p in people if ctx.who(p) not in target.who]
        if not new:
            continue
        out[out.index(target)] = replace(
            target,
            participants=[*target.participants, *new],
            who=target.who | {ctx.who(p) for p in new},
            unnamed_side=False,
        )
    # a meeting told with nobody named ("The council met in Vienna") whom nobody joined: none
    return [r for r in out if r.participants or r.forums]


#: Verbs whose subject, a gathering, has as object those at it: "the talks brought together A
#: and B", "the summit gathered A, B and C".
_GATHERING_VERBS = {"bring", "gather", "unite", "assemble", "involve", "feature"}


def brought_together(ctx: Context, trigger: Token) -> list[int]:
    """'The talks in Rome brought together A, B and C': the people the gathering had."""
    verb = trigger.head
    if trigger.dep_ != "nsubj" or verb.lemma_.lower() not in _GATHERING_VERBS:
        return []
    if verb.lemma_.lower() == "bring" and not any(c.lower_ == "together" for c in verb.children):
        return []  # "the talks brought progress"
    return ctx.people_in(t for c in verb.children if c.dep_ == "dobj" for t in _listed(c))
