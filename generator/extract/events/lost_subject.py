"""A subject the parser lost. In "Amid threats by Trump of action in Mexico, Mexico's foreign
secretary A and Secretary of State B spoke by phone", the tagger hangs A and B on Trump as his
conjuncts and leaves "spoke" with no subject at all. The words between the clause's last comma
and such a verb, when none of them hangs below the verb and none is a verb, are then its subject:
nothing else can be."""

from __future__ import annotations

from spacy.tokens import Token

#: Dependencies that give a verb its subject (an expletive "there" is one too).
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
#: Marks that end the stretch a lost subject may fill.
_BREAKS = {",", ";", ":", "—", "–", "(", ")", '"', "“", "”"}


def stray_subject(verb: Token) -> list[Token]:
    """The words before a main verb that has no subject, back to the clause's last comma, when
    they were parsed as part of something before them (a lost subject); else none."""
    if verb.dep_ != "ROOT" or verb.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in _SUBJECTS for c in verb.children) or verb.tag_ in ("VB", "VBG", "VBN"):
        return []  # a subject of its own; an imperative, a participle or an infinitive: none due
    doc, start = verb.doc, verb.i
    while start > verb.sent.start and doc[start - 1].text not in _BREAKS:
        start -= 1
    words = [t for t in doc[start : verb.i] if not t.is_space]
    if not words or start == verb.sent.start:
        return []  # a subject at the head of the sentence is the parser's to find
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return []  # a clause of its own
    inside = {t.i for t in words}
    for word in words:
        top = word
        while top.head.i in inside and top.head.i != top.i:
            top = top.head
        if top.head.i >= start:
            return []  # words the verb itself governs ("Later, ..."): not lost
    return words
