"""Direct quotations and who said them.

A quotation is text between quotation marks of any publisher's style (“…”, "…", «…», „…“, ‘…’:
``generator.extract.publisher_marks``, ``generator.extract.quote_marks``) of at least four
words (shorter ones are scare quotes: "red line", "one China"). A quotation that runs on into the next paragraph (no closing mark at the
end of the first, an opening mark at the start of the next) is one quotation. Its speaker is, in
order of trust:

1. the person in "quoted X as saying" ("quoted him as saying": the one the sentences before are
   about);
2. the subject of a speech verb outside the quotation in the sentences it stands in ("..., Wei
   said"; "Biden said ... '...'"; "... he was quoted as saying"). A pronoun ("he said") or a role
   ("the minister said") stands for the person the preceding sentences are about
   (``generator.extract.referents``). A relayed quotation goes to the one the relayer says spoke
   it ("'...,' Peskov said Putin told his guest"). Several people ("Hale and Ruiz said", "they
   stated") are a joint statement's authors, none of them its speaker. Verbs of depiction and
   of thanks or judgement
   count as speech ("painted an invasion “so bold, so brazen”", "thanked him for “the support”");
   Else a noun of speech owned by a person, before a colon ("Meloni's message was clear: “…”")
   or as "In Ruto's words, “…”";
3. "according to X" — the source of a quotation nobody in the sentence is said to speak, named
   before it or right after it ("“…,” according to X.");
4. for a quotation that closes its sentence, the speaker of the next sentence when it only says
   who spoke ("“… Indo-Pacific.” Hagiuda said at the meeting.");
5. for a quotation that opens a sentence or a paragraph with no attribution, the person the
   sentence before says is speaking ("X said the resolution “offers hope.”" then a paragraph
   of quotation; "X, the envoy, says 1.5C is dead." then the words), or the person subject of a
   sentence ending with a colon ("Ramaphosa struck a defiant tone:");
6. else, for a quotation with no attribution of its own, the speaker of the quotation just
   before it, unless it is wording the writer quotes in a sentence about a thing ("a pact that
   covers the “sovereignty and territorial integrity”").

A paragraph that opens with a dash ("–We meet at a historic moment, says Rutte.") is a quotation
up to the comma before its speech verb.

Embedded posts (a tweet pasted into an article, signed "— Name (@handle) date") are read by
``generator.extract.tweets`` and given to the person who signs them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator import names
from generator.data import Mention, QuoteCandidate
from generator.extract import pronoun_gender, transcripts, tweets
from generator.extract.publisher_marks import english_marks
from generator.extract.quote_marks import CLOSERS, MIN_WORDS, OPENERS, is_fragment, quoted_spans
from generator.extract.referents import (
    CONTEXT_SENTENCES,
    OFFICES,
    PERSON_NOUNS,
    PRONOUNS,
    Context,
    antecedent,
    descriptions,
    person_in,
    subject_span,
)
from generator.extract.speech import SPEECH_VERBS, subject_person, verb_subject, words_owner

_QUOTED_AS = re.compile(r"quot\w*\s+(?P<who>[^,“\"]{2,80}?)\s+as\s+say", re.IGNORECASE)


_ACCORDING = re.compile(r"according to\s+(?P<who>[^,“\"]{2,80})", re.IGNORECASE)
#: "“…,” according to X.": the source named right after the quotation's closing mark.
_ACCORDING_AFTER = re.compile(r"^[\s,;:–—-]*according to\s+(?P<who>[^,“\"]{2,80})", re.IGNORECASE)


#: "…,” read a statement by Michel": a statement, post or message said to be someone's.
_STATEMENT_BY = re.compile(
    r"\b(?:statement|communiqu[ée]|post|message|letter|remarks)\s+(?:by|from)\s+"
    r"(?P<who>[^,.;“\"]{2,80})",
    re.IGNORECASE,
)


def find_quotes(
    doc: Doc,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    text: str | None = None,
    offices: dict[frozenset[str], set[str]] | None = None,
) -> list[QuoteCandidate]:
    """Every quotation with a named speaker, embedded posts included, in reading order.
    ``text`` is ``doc.text``, when the caller has it already; ``offices`` the words of the
    offices curated people held then (``generator.extract.offices``). Quotation marks of every
    style are read as “…” (``publisher_marks``), offsets unchanged."""
    text = english_marks(doc.text if text is None else text)
    quoted = quoted_spans(text)
    people = [
        (i, m)
        for i, m in enumerate(mentions)
        if m.label == "person" and not any(q.start <= m.start < q.end for q in quoted)
    ]
    context = Context(
        doc,
        sentences,
        sent_index,
        mentions,
        people,
        descriptions(mentions),
        text,
        pronoun_gender.genders(doc, people),
        offices or {},
    )
    posts = tweets.find_posts(text, mentions)
    turns = transcripts.find_turns(text, mentions)
    out: list[QuoteCandidate] = []
    previous: QuoteCandidate | None = None
    previous_end = -1
    for q in quoted:
        if any(p.start <= q.start < p.end for p in posts + turns):
            continue  # the post's own text, attributed by its signature below
        quote = " ".join(q.text.split()).strip()
        if len(quote.split()) < MIN_WORDS or _heading(text, q.start, q.end, quote):
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        index = sent_index.get(span.start, 0)
        recent = (
            previous is not None
            and previous.sentence_index >= index - CONTEXT_SENTENCES
            and not _another_spoke(context, previous_end, q.start, previous.speaker)
        )
        speaker, cue, attributed = _speaker(context, span, previous.speaker if recent else None)
        if speaker is None and not attributed:  # "“….” Hagiuda said at the meeting."
            speaker, cue = _said_after(context, span), "said in the sentence after"
        if speaker is None and not attributed:  # the speaker of the sentence before, if any
            speaker, cue = _introduced_before(context, span), "introduced in the sentence before"
        if (
            speaker is None
            and not attributed
            and previous is not None
            and _continues(text, previous_end, q.start)
            and not _people_between(context, previous_end, q.start)
            and not _said_of_a_thing(context, span)
        ):
            speaker, cue = previous.speaker, "continued quotation"
        if speaker is None:
            continue
        candidate = QuoteCandidate(
            text=quote,
            speaker=speaker,
            sentence_index=index,
            cue=cue,
            fragment=is_fragment(text, q.start, quote, q.end),
        )
        out.append(candidate)
        previous, previous_end = candidate, q.end
    for post, cue in [(p, "embedded post") for p in posts] + [(t, "transcript") for t in turns]:
        span = doc.char_span(post.start, post.end, alignment_mode="expand")
        if span is not None and len(post.text.split()) >= MIN_WORDS:
            index = sent_index.get(span.start, 0)
            out.append(QuoteCandidate(post.text, post.speaker, index, cue))
    return sorted(out, key=lambda c: c.sentence_index)


def _heading(text: str, start: int, end: int, quote: str) -> bool:
    """A quotation in capitals that is its paragraph's whole text ("“LESSER OF TWO EVILS”"): a
    section heading quoting someone's words, not their statement."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return not any(c.islower() for c in quote) and line.strip() == text[start:end].strip()


def _continues(text: str, previous_end: int, start: int) -> bool:
    """An unattributed quotation right after an attributed one (next sentence or paragraph)."""
    between = text[previous_end:start]
    return len(between) < 200 and not re.search(r"[“\"]", between) and between.count("\n\n") <= 1


#: Nouns for groups of people: a sentence about them ("His countrymen celebrated.") between two
#: quotations may give the second one to them.
_GROUPS = frozenset(
    {
        "countryman", "critic", "resident", "supporter", "protester", "protestor", "voter",
        "people", "worker", "citizen", "crowd", "opponent", "fan", "demonstrator", "official",
        "leader", "minister", "diplomat", "lawmaker", "analyst", "expert", "activist", "family",
        "villager", "student", "farmer", "survivor", "witness", "member",
    }
)  # fmt: skip


def _people_between(ctx: Context, start: int, end: int) -> bool:
    """A sentence wholly between two quotations whose subject is other people, named by a noun
    ("His countrymen, even some critics, celebrated."): the words after it may be theirs, so
    they do not continue the quotation before."""
    for sentence in ctx.sentences:
        if sentence.start_char < start or sentence.end_char > end:
            continue
        root = sentence.root  # a noun root: the parser lost the verb ("Her voters, …, celebrated")
        if any(
            c.dep_ in ("nsubj", "nsubjpass", "ROOT")
            and c.pos_ == "NOUN"
            and c.lemma_.lower() in _GROUPS | PERSON_NOUNS
            for c in [root, *root.children]
        ):
            return True
    return False


def _another_spoke(ctx: Context, start: int, end: int, speaker: int) -> bool:
    """Someone other than ``speaker`` is the subject of a verb of speech between the two
    characters ("Harris said the talks were good. She added: …")."""
    said_before = ctx.mentions[speaker]
    same = names.key(said_before.refers_to or said_before.text)
    for _, m in ctx.people:
        if not start <= m.start < end or names.key(m.refers_to or m.text) == same:
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "nsubj":
            verb = span.root.head
            if verb.lemma_.lower() in SPEECH_VERBS and verb.pos_ in ("VERB", "AUX"):
                return True
    return False


def _speaker(
    ctx: Context, quote: Span, last_speaker: int | None = None
) -> tuple[int | None, str, bool]:
    """The speaker's mention index and the cue that decided it; the flag says whether the
    sentence attributes the quotation to someone (so it is not a continuation of the last one).
    ``last_speaker`` is the speaker of the quotation just before, if it is near."""
    sentences = ctx.sentences
    first = ctx.sent_index.get(quote.start, 0)
    last = ctx.sent_index.get(quote.end - 1, first)
    outside = [
        t for s in sentences[first : last + 1] for t in s if not quote.start <= t.i < quote.end
    ]
    before = ctx.text[sentences[first].start_char : quote.start_char]
    # 1. "quoted X as saying"
    found = _named_in(_QUOTED_AS, before, sentences[first].start_char, ctx.people)
    if found is not None:
        return found, "quoted X as saying", True
    quoted_as = _QUOTED_AS.search(before)
    if quoted_as is not None and quoted_as["who"].lower() in _OBJECT_PRONOUNS:
        # "TASS quoted him as saying": the one the sentences before are about
        pronoun = _OBJECT_PRONOUNS[quoted_as["who"].lower()]
        return antecedent(ctx, quote.start_char, first, pronoun), "quoted him as saying", True
    # 2. the subject of a speech verb outside the quotation, nearest first
    attributed = False
    verbs = [t for t in outside if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    verbs.sort(key=lambda t: min(abs(t.i - quote.start), abs(t.i - quote.end)))
    for verb in verbs:
        subject = verb_subject(verb, quote)
        if subject is None:
            continue
        attributed = True
        if _joint(subject):
            return None, "", True  # "Albanese and Wong said", "they stated": no one speaker
        if (
            subject.lower_ in PRONOUNS
            and verb.lemma_.lower() in _GOES_ON
            and last_speaker is not None
            and ctx.may_be(last_speaker, subject.lower_)
        ):
            return last_speaker, "pronoun added", True  # "He added: “…”": the last one goes on
        found, cue = subject_person(ctx, verb, subject, quote, first)
        if found is not None:
            return found, cue, True
    # 2b. "Meloni's message was clear: “…”", "In Ruto's words, “…”"
    found = None if attributed else words_owner(ctx, outside, quote)
    if found is not None:
        return found, "X's words", True
    # 3. "according to X": the source, when nobody in the sentence is said to speak the words,
    # named before the quotation or right after it ("“…,” according to X.")
    after = ctx.text[quote.end_char : sentences[last].end_char]
    found = _named_in(_ACCORDING, before, sentences[first].start_char, ctx.people)
    if found is None:
        found = _named_in(_ACCORDING_AFTER, after, quote.end_char, ctx.people)
    if found is not None:
        return found, "according to X", True
    # 4. "…,” read a statement by X"
    found = _named_in(_STATEMENT_BY, after, quote.end_char, ctx.people)
    if found is not None:
        return found, "a statement by X", True
    return None, "", attributed


def _joint(subject: Token) -> bool:
    """A subject that is several people ("Albanese and Wong said", "they stated"): the words of a
    joint statement, which no one of them is the speaker of."""
    if subject.lower_ == "they":
        return True
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in subject.children)


#: "quoted him as saying": the subject pronoun a sentence before would use for the same one.
_OBJECT_PRONOUNS = {"him": "he", "her": "she"}
#: Verbs of speech that go on from what was said before ("He added: “…”"): their pronoun is the
#: speaker of the quotation just before, whoever else the sentences between name.
_GOES_ON = frozenset({"add", "continue"})


#: What may stand before a quotation that opens its paragraph: spaces, dashes, bullets.
_PARAGRAPH_LEAD = re.compile(r"[\s\-–—•]*")


def _said_of_a_thing(ctx: Context, quote: Span) -> bool:
    """The quotation's sentence has a subject of its own that is no person and no pronoun ("The
    three countries signed a pact that covers the “sovereignty and territorial integrity”"): the
    writer quoting a text's wording, not the last speaker going on ("He points out that …")."""
    sentence = ctx.sentences[ctx.sent_index.get(quote.start, 0)]
    inside = range(quote.start, quote.end)
    subjects = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if sentence.root.i in inside:  # the parser made the quoted words the sentence's main clause
        subjects = [
            t for t in sentence if t.dep_ in ("nsubj", "nsubjpass") and t.head.i not in inside
        ]
    for child in subjects:
        if child.i in inside:
            continue
        if child.lower_ in PRONOUNS or child.pos_ == "PROPN" or child.lemma_.lower() in OFFICES:
            return False  # a person, by name, pronoun or office
        appositions = [c for c in child.children if c.dep_ == "appos"]
        # "the envoy, Jan Kubis, …" is a person; "the three Sahel countries" is not, whatever
        # word of it a tagger took for a name
        return all(person_in(*subject_span(a), ctx.people) is None for a in appositions)
    return False


def _said_after(ctx: Context, quote: Span) -> int | None:
    """The speaker of a quotation that closes its sentence when the next sentence, right after
    the closing mark in the same paragraph, only says who spoke ("“… Indo-Pacific.” Hagiuda said
    at the meeting."): its main verb is one of speech, with no words of its own said (no clause,
    no quotation). A sentence of the next paragraph speaks of someone else ("“…,” he said. “….”"
    then "Akufo-Addo, for his part, called for patience.")."""
    last = ctx.sent_index.get(quote.end - 1, 0)
    if last + 1 >= len(ctx.sentences):
        return None
    after = ctx.sentences[last + 1]
    between = ctx.text[quote.end_char : after.start_char]
    if (
        between.strip()
        or "\n" in between
        or any(mark in ctx.text[after.start_char : after.end_char] for mark in OPENERS + CLOSERS)
    ):
        return None
    verb = after.root
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None  # "Hagiuda said the talks went well": words of their own
    subject = verb_subject(verb, quote)
    if subject is None:
        return None
    return subject_person(ctx, verb, subject, quote, last + 1)[0]


def _introduced_before(ctx: Context, quote: Span) -> int | None:
    """The speaker of a quotation that opens its sentence or paragraph with no attribution: the
    person who is the subject of a speech verb in the sentence just before ("Grossi said he
    wanted progress. “Of course, now we have to ...”"), or of a sentence ending with a colon
    ("Ramaphosa struck a defiant tone:")."""
    start = quote.start_char
    first = ctx.sent_index.get(quote.start, 0)
    if first == 0:
        return None
    opening = ctx.sentences[first].start_char
    if _PARAGRAPH_LEAD.fullmatch(ctx.text[opening:start]) is None:
        return None  # the quotation does not open its sentence
    previous = ctx.sentences[first - 1]
    verbs = [t for t in previous if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    for verb in sorted(verbs, key=lambda t: -t.i):  # the last one is the nearest
        subject = verb_subject(verb, quote)
        if subject is None:
            continue
        found, _ = subject_person(ctx, verb, subject, quote, first - 1)
        if found is not None:
            return found
    if previous.text.rstrip().endswith(":"):  # "Ramaphosa struck a defiant tone:" then the words
        root = previous.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is not None and root.pos_ in ("VERB", "AUX"):
            return subject_person(ctx, root, subject, quote, first - 1)[0]
    return None


def _named_in(
    pattern: re.Pattern[str], text: str, offset: int, people: list[tuple[int, Mention]]
) -> int | None:
    match = pattern.search(text)
    if match is None:
        return None
    return person_in(offset + match.start("who"), offset + match.end("who"), people)
