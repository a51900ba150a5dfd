"""Who speaks in a sentence: the subject of a verb of speech outside a quotation.

The subject may be a name ("Wei said"), one the model did not tag, a name in the subject's phrase
("the chancellor, Philip Hammond, said"), a name after the verb ("…,” wrote Vučić"), a pronoun
(the person whose speech verb governs its clause, else the one the sentences before are about)
or a role ("the minister said": the person the article ties that role to), all resolved by
``generator.extract.referents``. A relayed quotation goes to the one the relayer says spoke it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.data import Mention
from generator.extract.referents import (
    PRONOUNS,
    Context,
    antecedent,
    by_surname,
    person_in,
    role_holder,
    role_words,
    subject_span,
)

SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "state",
    "declare",
    "announce",
    "warn",
    "note",
    "stress",
    "insist",
    "describe",
    "write",
    "tweet",
    "post",
    "explain",
    "urge",
    "argue",
    "claim",
    "deny",
    "respond",
    "reply",
    "ask",
    "comment",
    "acknowledge",
    "confirm",
    "emphasize",
    "emphasise",
    "underscore",
    "caution",
    "vow",
    "pledge",
    "promise",
    "call",
    "recall",
    "predict",
    "conclude",
    "complain",
    "accuse",
    "assert",
    "maintain",
    "suggest",
    "quip",
    "remark",
    "observe",
    "charge",
    "contend",
    "quote",  # "he was quoted as saying": the passive subject is the speaker
    "joke",
    "admit",
    "concede",
    "reiterate",
    "affirm",
    "allege",
    "boast",
    "proclaim",
    "retort",
    "lament",
    "hail",
    "tout",
    "exclaim",
    "assure",
    "signal",  # "signalled that his party would “continue to fulfil its duties”"
    "indicate",
    # "advocated “a return to the talks”": the words its subject argued for are its subject's
    "advocate",
    # verbs of depiction: their subject chose the quoted words ("painted a picture of an invasion
    # “so bold, so brazen”", "termed the vote “a travesty of justice”")
    "paint",
    "portray",
    "characterize",
    "characterise",
    "term",
    "dub",
    "label",
    "brand",
    # more verbs of saying: "underlined that “…”", "pointed out that “…”", "“…,” he continued"
    "underline",
    "highlight",
    "point",
    "disclose",
    "reveal",
    "clarify",
    "mention",
    "express",
    "voice",
    "answer",
    "recount",
    "reaffirm",
    "restate",
    "repeat",
    "continue",
    "demand",
    "appeal",
    "plead",
    "testify",
    "question",
    "propose",
    "inform",
    "brief",
    "shout",
}


#: Verbs of judging or thanking: the quoted words are their subject's ("thanked his host for “the
#: support and determination of ...”", "welcomed the “positive signals”"), though not a passive
#: one's ("the victory was welcomed by Trump, who tweeted: “...”").
JUDGING = frozenset({"thank", "praise", "commend", "welcome", "condemn", "criticize", "criticise"})


SPEECH_VERBS = frozenset(SPEECH_VERBS | JUDGING)


def verb_subject(verb: Token, quote: Span) -> Token | None:
    subjects = [
        c
        for c in verb.children
        if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and verb.lemma_.lower() not in JUDGING))
        and not quote.start <= c.i < quote.end
    ]
    if subjects:  # the one nearest the verb: "Japan's PM Shinzo Abe vowed" parses as two
        # a name before its description ("…,” Idriss Deby, outgoing chairperson of the AU said")
        # parses as two subjects too: the name speaks
        named = [c for c in subjects if c.pos_ == "PROPN"]
        nearest = min(named or subjects, key=lambda c: abs(c.i - verb.i))
        if nearest.lower_ == "who" and verb.dep_ == "relcl":
            return verb.head  # "welcomed by Maria Santos, who wrote: …": the one 'who' is
        return nearest
    inverted = _inverted_subject(verb, quote)
    if inverted is not None:
        return inverted
    head = verb.head
    if (
        verb.dep_ in ("conj", "advcl")
        and head.pos_ in ("VERB", "AUX")
        and not quote.start <= head.i < quote.end  # a verb of the quoted words is theirs
    ):
        return verb_subject(head, quote)  # "Abe vowed action, added '...'": a shared subject
    return None


def _inverted_subject(verb: Token, quote: Span) -> Token | None:
    """'…,” wrote Vučić on his account': a speech verb right after the quotation with a name after
    it, which a parser often reads as the verb's object."""
    doc = verb.doc
    if verb.i < quote.end or any(not t.is_punct for t in doc[quote.end : verb.i]):
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "dative", "oprd") and child.pos_ == "PROPN":
            return child
    return None


def subject_person(
    ctx: Context, verb: Token, subject: Token, quote: Span, first: int
) -> tuple[int | None, str]:
    found = named_subject(ctx, subject)
    if found is not None:
        relayed = _relayed_speaker(verb, quote, ctx.people)
        if relayed is not None:
            return relayed, "relayed: X said Y told"
        return found, "X said"
    if subject.lower_ in PRONOUNS:
        outer = _outer_speaker(ctx, subject, quote)
        if outer is not None:
            return outer, "X said he told"
        return antecedent(ctx, quote.start_char, first, subject.lower_), "pronoun said"
    role = role_words(subject)
    if role is not None:
        return role_holder(ctx, role, quote.start_char, first), "the <role> said"
    return None, ""


def _relayed_speaker(verb: Token, quote: Span, people: list[tuple[int, Mention]]) -> int | None:
    """'"...," Peskov said Putin told his guest': the words are those of the person the relayer
    says spoke them — a speech verb in the relayer's clause with a named subject of its own."""
    for child in verb.children:
        if child.dep_ != "ccomp" or child.lemma_.lower() not in SPEECH_VERBS:
            continue
        if quote.start <= child.i < quote.end:
            continue
        subject = verb_subject(child, quote)
        if subject is not None and subject.lower_ not in PRONOUNS:
            found = person_in(*subject_span(subject), people)
            if found is not None:
                return found
    return None


def named_subject(ctx: Context, subject: Token) -> int | None:
    """The person a subject names: its own word's name first ("Abiy, a favourite despite talk of
    Thunberg, told ..."; "Japan's PM Shinzo Abe vowed"), then one the model did not tag, then a
    name elsewhere in its phrase ("the chancellor, Philip Hammond, said"), never its owner's
    ("Petro's office said")."""
    own = [i for i, m in ctx.people if m.start <= subject.idx < m.end]
    if own:
        return own[-1]
    found = by_surname(ctx, subject)
    if found is not None:
        return found
    # "Petro's office said", "Putin's aide told", "Ruiz's spokesperson Jan Kubis said" (the
    # possessive hangs on the title before the name): the owner is not the one speaking
    owners = [t for c in subject.subtree if c.dep_ == "poss" for t in c.subtree]
    return person_in(
        *subject_span(subject),
        [(i, m) for i, m in ctx.people if not any(m.start <= t.idx < m.end for t in owners)],
    )


def _outer_speaker(ctx: Context, pronoun: Token, quote: Span) -> int | None:
    """'Blinken said he told Lavrov: "..."', 'Abiy told the committee he was humbled, calling
    peace “…”': the pronoun is the person whose speech verb governs the pronoun's clause."""
    clause = pronoun.head
    while clause.dep_ in ("ccomp", "conj", "advcl") and clause.head.i != clause.i:
        head = clause.head
        if head.lemma_.lower() in SPEECH_VERBS and head.pos_ in ("VERB", "AUX"):
            subject = verb_subject(head, quote)
            if subject is None or subject.lower_ in PRONOUNS:
                return None
            return named_subject(ctx, subject)
        clause = head
    return None


#: Nouns for what someone said: the quotation after "X's message was clear:" is X's.
SPEECH_NOUNS = frozenset(
    {"word", "message", "response", "reply", "answer", "remark", "comment", "verdict", "warning"}
)


def words_owner(ctx: Context, outside: list[Token], quote: Span) -> int | None:
    """The person whose words a noun of speech says the quotation is, by a possessive or 'of',
    when a colon leads from the noun to the quotation ("Meloni's message was clear: “…”") or the
    noun opens the sentence as "in X's words" ("In Ruto's words, “…”")."""
    for noun in outside:
        if noun.lemma_.lower() not in SPEECH_NOUNS or noun.pos_ != "NOUN" or noun.i > quote.start:
            continue
        between = ctx.text[noun.idx : quote.start_char]
        in_words = noun.head.lower_ == "in" and noun.head.i == noun.sent.start
        if ":" not in between and not (in_words and between.rstrip().endswith(",")):
            continue
        owners = [
            c for c in noun.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
        ]
        for owner in owners:
            found = person_in(*subject_span(owner), ctx.people)
            if found is not None:
                return found
    return None
