"""Direct quotations and who said them.

A quotation is text between quotation marks of at least four words (shorter ones are scare quotes:
"red line", "one China"). A quotation that runs on into the next paragraph (no closing mark at the
end of the first, an opening mark at the start of the next) is one quotation. Its speaker is, in
order of trust:

1. the person in "quoted X as saying";
2. the subject of a speech verb outside the quotation in the sentences it stands in ("..., Wei
   said"; "Biden said ... '...'"; "... he was quoted as saying"). A pronoun ("he said") or a role
   ("the minister said") stands for the person the preceding sentences are about
   (``generator.extract.referents``). A relayed quotation goes to the one the relayer says spoke
   it ("'...,' Peskov said Putin told his guest"). Verbs of depiction and of thanks or judgement
   count as speech ("painted an invasion “so bold, so brazen”", "thanked him for “the support”");
3. "according to X" — the source of a quotation nobody in the sentence is said to speak;
4. for a quotation that closes its sentence, the speaker of the next sentence when it only says
   who spoke ("“… Indo-Pacific.” Hagiuda said at the meeting.");
5. for a quotation that opens a sentence or a paragraph with no attribution, the person the
   sentence before says is speaking ("X said the resolution “offers hope.”" then a paragraph
   of quotation; "X, the envoy, says 1.5C is dead." then the words);
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
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator import names
from generator.data import Mention, QuoteCandidate
from generator.extract import transcripts, tweets
from generator.extract.referents import (
    CONTEXT_SENTENCES,
    OFFICES,
    PRONOUNS,
    Context,
    antecedent,
    by_surname,
    descriptions,
    person_in,
    role_holder,
    role_words,
    subject_span,
)

MIN_WORDS = 4
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
}
#: Verbs of judging or thanking: the quoted words are their subject's ("thanked his host for “the
#: support and determination of ...”", "welcomed the “positive signals”"), though not a passive
#: one's ("the victory was welcomed by Trump, who tweeted: “...”").
JUDGING = frozenset({"thank", "praise", "commend", "welcome", "condemn", "criticize", "criticise"})
SPEECH_VERBS = frozenset(SPEECH_VERBS | JUDGING)
OPENERS = '“"'
CLOSERS = '”"'
_QUOTE = re.compile(r"[“\"](?P<text>[^“”\"\n]{2,2000}?)[”\"]")
#: A paragraph that opens with a dash is a quotation in many publishers' style ("–We meet at a
#: historic moment, says Rutte."): the words up to the comma before the speech verb.
_DASHED = re.compile(
    r"^[–—]\s?(?P<text>(?:[^–—“”\"\n]|(?<=\s)[–—](?=\s)){10,1500}?)[,:]?\s+"
    r"(?=(?:says|said|adds|added|notes|noted|"
    r"writes|wrote|tells|told|stresses|stressed|explains|explained)\b[^.!?]{1,160}[.!?]?\s*$)"
)
_QUOTED_AS = re.compile(r"quot\w*\s+(?P<who>[^,“\"]{2,80}?)\s+as\s+say", re.IGNORECASE)
_ACCORDING = re.compile(r"according to\s+(?P<who>[^,“\"]{2,80})", re.IGNORECASE)
#: "…,” read a statement by Michel": a statement, post or message said to be someone's.
_STATEMENT_BY = re.compile(
    r"\b(?:statement|communiqu[ée]|post|message|letter|remarks)\s+(?:by|from)\s+"
    r"(?P<who>[^,.;“\"]{2,80})",
    re.IGNORECASE,
)
#: A paragraph whose first quotation mark closes a quotation it never opened ("Today, we agree
#: to ...,” read a statement by Michel."): a typing slip; the quotation opens the paragraph.
_UNOPENED = re.compile(r"^(?P<text>[^“”\"\n]{10,1500}?)”(?=\s*,?\s*\w)")


@dataclass(frozen=True)
class Quoted:
    """A quotation as it stands in the text: character range (marks included) and its words."""

    start: int
    end: int
    text: str


def find_quotes(
    doc: Doc,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    text: str | None = None,
) -> list[QuoteCandidate]:
    """Every quotation with a named speaker, embedded posts included, in reading order.
    ``text`` is ``doc.text``, when the caller has it already."""
    text = doc.text if text is None else text
    quoted = quoted_spans(text)
    people = [
        (i, m)
        for i, m in enumerate(mentions)
        if m.label == "person" and not any(q.start <= m.start < q.end for q in quoted)
    ]
    context = Context(doc, sentences, sent_index, mentions, people, descriptions(mentions), text)
    posts = tweets.find_posts(text, mentions)
    turns = transcripts.find_turns(text, mentions)
    out: list[QuoteCandidate] = []
    previous: QuoteCandidate | None = None
    previous_end = -1
    for q in quoted:
        if any(p.start <= q.start < p.end for p in posts + turns):
            continue  # the post's own text, attributed by its signature below
        quote = " ".join(q.text.split()).strip()
        if len(quote.split()) < MIN_WORDS:
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
            and not (_fragment(text, q.start, quote) and _said_of_a_thing(context, span))
        ):
            speaker, cue = previous.speaker, "continued quotation"
        if speaker is None:
            continue
        candidate = QuoteCandidate(
            text=quote,
            speaker=speaker,
            sentence_index=index,
            cue=cue,
            fragment=_fragment(text, q.start, quote),
        )
        out.append(candidate)
        previous, previous_end = candidate, q.end
    for post, cue in [(p, "embedded post") for p in posts] + [(t, "transcript") for t in turns]:
        span = doc.char_span(post.start, post.end, alignment_mode="expand")
        if span is not None and len(post.text.split()) >= MIN_WORDS:
            index = sent_index.get(span.start, 0)
            out.append(QuoteCandidate(post.text, post.speaker, index, cue))
    return sorted(out, key=lambda c: c.sentence_index)


#: What stands right before a quotation that is a whole statement though it opens in lower case:
#: a speech verb ('Babayev said "we have reached ..."') or a colon.
_INTRODUCED = re.compile(
    r"(?:\b(?:say|says|said|saying|tell|tells|told|add|adds|added|adding|state|states|stated|"
    r"write|writes|wrote|declare|declared|warn|warned|note|noted|insist|insisted)\s*,?|:)\s*$",
    re.IGNORECASE,
)


def _fragment(text: str, start: int, quote: str) -> bool:
    """Words quoted inside reported speech: the quotation opens in lower case, in the middle of
    the writer's own sentence ('vowed "concrete action"', 'claiming the projectile "is believed
    to have landed"'), not after a speech verb or a colon."""
    if not quote[:1].islower():
        return False
    return _INTRODUCED.search(text[max(0, start - 40) : start]) is None


def quoted_spans(text: str) -> list[Quoted]:
    """Every quotation, paragraph by paragraph; one left open at a paragraph's end runs on when
    the next paragraph opens with a quotation mark (the convention for a multi-paragraph quote)."""
    out: list[Quoted] = []
    # start, pieces and end so far of a quotation running on
    pending: tuple[int, list[str], int] | None = None
    for start, end in _paragraphs(text):
        para = text[start:end]
        pos = 0
        if pending is not None and para[:1] in OPENERS:
            close = _closing(para, 1)
            if close < 0:
                pending[1].append(para[1:])
                pending = (pending[0], pending[1], end)
                continue
            pending[1].append(para[1:close])
            out.append(Quoted(pending[0], start + close + 1, " ".join(pending[1])))
            pos = close + 1
        elif pending is not None:  # left open and not taken up: it ran to its paragraph's end
            out.append(Quoted(pending[0], pending[2], " ".join(pending[1])))
        pending = None
        dashed = _DASHED.match(para) if pos == 0 else None
        if dashed is not None:  # "–It is important that ..., says Rutte."
            out.append(
                Quoted(start + dashed.start("text"), start + dashed.end("text"), dashed["text"])
            )
            continue
        unopened = _UNOPENED.match(para) if pos == 0 else None
        if unopened is not None:  # "Today, we agree to ...,” read a statement by Michel."
            out.append(Quoted(start, start + unopened.end("text") + 1, unopened["text"]))
            pos = unopened.end("text") + 1
        for match in _quotes_in(para, pos):
            out.append(Quoted(start + match.start(), start + match.end(), match.group("text")))
            pos = match.end()
        opener = _dangling_opener(para, pos)
        if opener >= 0:
            pending = (start + opener, [para[opener + 1 :]], end)
    if pending is not None:
        out.append(Quoted(pending[0], pending[2], " ".join(pending[1])))
    return out


#: A quotation closed by a single mark after its last word's punctuation ("“… could deliver,’ he
#: said"): a typing slip for ”, which would otherwise run the quotation on to the next one.
_QUOTE_SLIP = re.compile(r"“(?P<text>[^“”\"\n]{2,2000}?[,.!?])’(?=\s)")


#: A quotation in single marks, the house style of many British, Irish, Australian and Indian
#: papers ("‘We have made progress,’ Ms Marsh said"): it opens a word with a capital and closes
#: right after its last punctuation, so an apostrophe ("We’re", "the ministers’ plans") never
#: closes it and a title in single marks ('Black Panther') is none. Read only in a paragraph with
#: no double marks, where single marks would be quotations inside a quotation.
_SINGLE = re.compile(
    r"(?:^|(?<=[\s(\[—–-]))[‘'](?P<text>[A-Z][^‘“”\"\n]{8,2000}?[,.!?])[’'](?=\s|$)"
)


def _quotes_in(para: str, pos: int) -> list[re.Match[str]]:
    """The paragraph's quotations from ``pos`` on, in order."""
    if not any(mark in para for mark in '“”"'):
        return list(_SINGLE.finditer(para, pos))
    found: list[re.Match[str]] = []
    while True:
        match = _QUOTE.search(para, pos)
        slip = _QUOTE_SLIP.search(para, pos)
        if slip is not None and (match is None or slip.start() < match.start()):
            match = slip  # its opener comes first: no regular quotation closes it
        if match is None:
            return found
        found.append(match)
        pos = match.end()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _closing(para: str, pos: int) -> int:
    found = [i for i in (para.find(c, pos) for c in CLOSERS) if i >= 0]
    return min(found) if found else -1


def _dangling_opener(para: str, pos: int) -> int:
    """An opening mark after the last closed quotation that nothing closes, else -1."""
    for i in range(pos, len(para)):
        if para[i] in OPENERS:
            rest = para[i + 1 :]
            return i if _closing(rest, 0) < 0 and len(rest.split()) >= MIN_WORDS else -1
    return -1


def _continues(text: str, previous_end: int, start: int) -> bool:
    """An unattributed quotation right after an attributed one (next sentence or paragraph)."""
    between = text[previous_end:start]
    return len(between) < 200 and not re.search(r"[“\"]", between) and between.count("\n\n") <= 1


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
    # 2. the subject of a speech verb outside the quotation, nearest first
    attributed = False
    verbs = [t for t in outside if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    verbs.sort(key=lambda t: min(abs(t.i - quote.start), abs(t.i - quote.end)))
    for verb in verbs:
        subject = _subject(verb, quote)
        if subject is None:
            continue
        attributed = True
        if (
            subject.lower_ in PRONOUNS
            and verb.lemma_.lower() in _GOES_ON
            and last_speaker is not None
        ):
            return last_speaker, "pronoun added", True  # "He added: “…”": the last one goes on
        found, cue = _subject_person(ctx, verb, subject, quote, first)
        if found is not None:
            return found, cue, True
    # 3. "according to X": the source, when nobody in the sentence is said to speak the words
    found = _named_in(_ACCORDING, before, sentences[first].start_char, ctx.people)
    if found is not None:
        return found, "according to X", True
    # 4. "…,” read a statement by X"
    after = ctx.text[quote.end_char : sentences[last].end_char]
    found = _named_in(_STATEMENT_BY, after, quote.end_char, ctx.people)
    if found is not None:
        return found, "a statement by X", True
    return None, "", attributed


#: Verbs of speech that go on from what was said before ("He added: “…”"): their pronoun is the
#: speaker of the quotation just before, whoever else the sentences between name.
_GOES_ON = frozenset({"add", "continue"})
#: What may stand before a quotation that opens its paragraph: spaces, dashes, bullets.
_PARAGRAPH_LEAD = re.compile(r"[\s\-–—•]*")


def _said_of_a_thing(ctx: Context, quote: Span) -> bool:
    """The quotation's sentence has a subject of its own that is no person and no pronoun ("The
    three countries signed a pact that covers the “sovereignty and territorial integrity”"): the
    writer quoting a text's wording, not the last speaker going on ("He points out that …")."""
    root = ctx.sentences[ctx.sent_index.get(quote.start, 0)].root
    for child in root.children:
        if child.dep_ not in ("nsubj", "nsubjpass") or quote.start <= child.i < quote.end:
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
    the closing mark, only says who spoke ("“… Indo-Pacific.” Hagiuda said at the meeting."):
    its main verb is one of speech, with no words of its own said (no clause, no quotation)."""
    last = ctx.sent_index.get(quote.end - 1, 0)
    if last + 1 >= len(ctx.sentences):
        return None
    after = ctx.sentences[last + 1]
    if ctx.text[quote.end_char : after.start_char].strip() or any(
        mark in after.text for mark in OPENERS + CLOSERS
    ):
        return None
    verb = after.root
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None  # "Hagiuda said the talks went well": words of their own
    subject = _subject(verb, quote)
    if subject is None:
        return None
    return _subject_person(ctx, verb, subject, quote, last + 1)[0]


def _introduced_before(ctx: Context, quote: Span) -> int | None:
    """The speaker of a quotation that opens its sentence or paragraph with no attribution: the
    person who is the subject of a speech verb in the sentence just before ("Grossi said he
    wanted progress. “Of course, now we have to ...”")."""
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
        subject = _subject(verb, quote)
        if subject is None:
            continue
        found, _ = _subject_person(ctx, verb, subject, quote, first - 1)
        if found is not None:
            return found
    return None


def _named_in(
    pattern: re.Pattern[str], text: str, offset: int, people: list[tuple[int, Mention]]
) -> int | None:
    match = pattern.search(text)
    if match is None:
        return None
    return person_in(offset + match.start("who"), offset + match.end("who"), people)


def _subject(verb: Token, quote: Span) -> Token | None:
    subjects = [
        c
        for c in verb.children
        if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and verb.lemma_.lower() not in JUDGING))
        and not quote.start <= c.i < quote.end
    ]
    if subjects:  # the one nearest the verb: "Japan's PM Shinzo Abe vowed" parses as two
        nearest = min(subjects, key=lambda c: abs(c.i - verb.i))
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
        return _subject(head, quote)  # "Abe vowed action, added '...'": a shared subject
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


def _subject_person(
    ctx: Context, verb: Token, subject: Token, quote: Span, first: int
) -> tuple[int | None, str]:
    found = _named_subject(ctx, subject)
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
        subject = _subject(child, quote)
        if subject is not None and subject.lower_ not in PRONOUNS:
            found = person_in(*subject_span(subject), people)
            if found is not None:
                return found
    return None


def _named_subject(ctx: Context, subject: Token) -> int | None:
    """The person a subject names: its own word's name first ("Abiy, a favourite despite talk of
    Thunberg, told ..."; "Japan's PM Shinzo Abe vowed"), then one the model did not tag, then a
    name elsewhere in its phrase ("the chancellor, Philip Hammond, said")."""
    own = [i for i, m in ctx.people if m.start <= subject.idx < m.end]
    if own:
        return own[-1]
    found = by_surname(ctx, subject)
    return found if found is not None else person_in(*subject_span(subject), ctx.people)


def _outer_speaker(ctx: Context, pronoun: Token, quote: Span) -> int | None:
    """'Blinken said he told Lavrov: "..."', 'Abiy told the committee he was humbled, calling
    peace “…”': the pronoun is the person whose speech verb governs the pronoun's clause."""
    clause = pronoun.head
    while clause.dep_ in ("ccomp", "conj", "advcl") and clause.head.i != clause.i:
        head = clause.head
        if head.lemma_.lower() in SPEECH_VERBS and head.pos_ in ("VERB", "AUX"):
            subject = _subject(head, quote)
            if subject is None or subject.lower_ in PRONOUNS:
                return None
            return _named_subject(ctx, subject)
        clause = head
    return None
