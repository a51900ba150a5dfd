"""Reading who took part in an event from the dependency parse, and whether it happened.

The people of an event are those of the trigger's own phrase (its relative and adverbial clauses
cut off: "a visit in which he and Putin promised ..." is about the visit's content) and the subject
its clauses lead up to: through the verbs that govern an event noun ("A held talks", "B joined C
for a meeting"), through purpose and adverbial clauses ("A flew to Sochi to meet B", "A said after
meeting B"), through coordinated verbs that share a subject ("A held talks ... and later met B"),
and through relative pronouns to the noun they stand for ("Erdoğan, who met Biden"). A verb that
does not govern the event stops the climb ("the prime minister addressed a joint meeting of
Congress" names no participant). Personal pronouns stand for the nearest person named as a subject
before them. On the way up, a negating verb ("skipped the meeting", "cancelled a trip") says the
event did not happen, and a modal, a verb of planning or hoping, or an "if" that it has not yet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from generator.data import Mention
from generator.extract.events import lost_subject, roles
from generator.extract.events.indexes import (
    GATHERINGS,
    forum_nouns,
    most_mentioned,
    quoted_statements,
    token_map,
)
from generator.extract.events.phrases import (  # noqa: F401  (re-exported for the rules)
    LEADING,
    NAMED_GATHERINGS,
    by_phone,
    by_phone_noun,
    direct_objects,
    forums_in,
    has_trigger_noun,
    keyword_items,
    leaders,
    nominal,
    objects,
    of,
    unnamed_counterpart,
    with_person,
)

#: Verbs that govern an event noun and whose subject takes part: "A held talks", "B attended".
GOVERNING = {"hold", "attend", "have", "host", "join", "convene", "participate", "chair", "make"}
GOVERNING |= {"pay", "begin", "conclude", "open", "arrive", "co-chair", "lead", "start", "end"}
GOVERNING |= {"wrap", "close", "finish", "complete", "leave", "cap", "cut", "undertake", "resume"}
GOVERNING |= {"receive", "address", "tell"}  # "received a call", "addressed/told the summit"
#: Verbs whose object takes part as well as their subject: "joined A and B for a summit",
JOINING = {"join", "host", "receive", "welcome", "tell"}  # "told Netanyahu in the call"
#: Verbs by which an event noun happens: "a meeting took place between A and B".
HAPPENING = {"take", "hold", "happen", "occur", "convene"}
#: Verbs whose agent holds the gathering: "talks held by A and B", "a summit hosted by C".
CONVENING = {"host", "hold", "chair", "co-chair", "convene", "attend", "conduct"}
#: Verbs whose object is the traveller: "a trip that took him to Moscow".
CAUSATIVE = {"take", "bring"}
#: Verbs that say the event did not happen (for this subject).
NEGATING = {"skip", "miss", "cancel", "postpone", "boycott", "snub", "decline", "refuse", "scrap"}
NEGATING |= {"shun", "avoid", "deny", "delay", "reject", "bar", "ban", "exclude", "prevent"}
#: Verbs under which an event is only wished for or asked for, whatever date the sentence names:
#: "hoped to travel to Tehran in October", "angled for a meeting with Trump".
DESIRING = {"hope", "want", "wish", "seek", "angle", "request", "lobby", "try", "attempt", "crave"}
#: Verbs that ask for what follows "for": "called for talks", "pressed for a summit".
APPEALING = {"call", "press", "push", "appeal", "ask", "clamor", "clamour", "plead"}
#: Adjectives under which it is only possible: "the EU is ready to organize a meeting".
READY = {"ready", "willing", "eager", "keen", "prepared"}  # not "able": "was able to meet" did
#: Verbs and adjectives under which an event is only planned, hoped for or possible.
IRREALIS = {"plan", "expect", "hope", "want", "seek", "intend", "aim", "agree", "propose"}
IRREALIS |= {"direct", "ask", "urge", "invite", "offer", "prepare", "consider", "set", "due"}
IRREALIS |= {"likely", "possible", "try", "wish", "need", "schedule", "call", "push", "press"}
MODALS = {"will", "would", "may", "might", "could", "should", "shall", "'ll", "wo", "can", "must"}
UNSURE_NOUN = {"possible", "potential", "proposed", "planned", "expected", "future", "upcoming"}
UNSURE_NOUN |= {"likely", "next", "prospective", "possibility"}
PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
_RELATIVE = {"who", "that", "which", "whom"}
_UP = {"dobj", "pobj", "prep", "attr", "pcomp", "advcl", "xcomp", "conj", "acl", "relcl"}
_UP |= {"compound", "appos", "npadvmod", "agent", "dative", "oprd", "nsubj", "nsubjpass", "acomp"}
#: Arriving by these relations, a verb's subject is the event's whatever the verb.
_PASS = {"prep", "advcl", "xcomp", "pcomp", "conj", "acl", "agent"}
_CUT = {"relcl", "advcl", "acl", "ccomp", "parataxis", "csubj"}
#: Prepositions that place an event in time beside a verb: "announced the step after talks".
_TEMPORAL = {"after", "before", "during", "following", "ahead"}
_SCENE = {"after", "while", "when", "as"}
#: Prepositions of circumstance, never of company: "amid threats by X", "despite calls by X".
_CIRCUMSTANCE = {"amid", "amidst", "despite", "notwithstanding"}
_THE_TWO = re.compile(
    r"\b(?:the two|both) (?:\w+ ){0,2}(?:leaders|ministers|chiefs|presidents|sides|men|women|"
    r"officials|counterparts|heads of state|diplomats|envoys)\b",
    re.IGNORECASE,
)


@dataclass
class Chain:
    """What climbing from a trigger to its subject found."""

    people: list[int] = field(default_factory=list)  # person mentions
    subject_tokens: set[int] = field(default_factory=set)
    verbs: list[Token] = field(default_factory=list)
    negated: bool = False
    speculative: bool = False
    wished: bool = False  # only hoped or asked for: never an event, even with a date


@dataclass
class Context:
    """One document's mentions, indexed by token, and what events need to know across sentences."""

    doc: Doc
    mentions: list[Mention]
    sentences: list[Span]
    starts: list[int]  # first token of each sentence
    title: str
    person_at: dict[int, int]
    forum_at: dict[int, int]
    country_at: dict[int, int]
    quoted: set[int]
    top_two: tuple[int, ...]
    forum_nouns: list[tuple[int, int, str]]  # (token, forum mention, the gathering noun it names)

    @classmethod
    def build(
        cls,
        doc: Doc,
        mentions: list[Mention],
        sentences: list[Span],
        title: str | None,
    ) -> Context:
        at = {label: token_map(doc, mentions, label) for label in ("person", "forum", "country")}
        people = [(i, m) for i, m in enumerate(mentions) if m.label == "person"]
        ctx = cls(
            doc=doc,
            mentions=mentions,
            sentences=sentences,
            starts=[s.start for s in sentences],
            title=title or "",
            person_at=at["person"],
            forum_at=at["forum"],
            country_at=at["country"],
            quoted=quoted_statements(doc),
            top_two=most_mentioned(people),
            forum_nouns=[],
        )
        ctx.forum_nouns = forum_nouns(doc, ctx.forum_at)
        return ctx

    def who(self, index: int) -> str:
        return self.mentions[index].refers_to or self.mentions[index].text

    def people_in(self, tokens, owner: Token | None = None) -> list[int]:
        """Person mentions among ``tokens`` (indexes), pronouns standing for their antecedent. A
        possessive counts only as the owner of ``owner`` ('his visit'; not 'his envoy')."""
        out: list[int] = []
        for i in sorted(tokens):
            token = self.doc[i]
            if i in self.person_at:
                out.append(self.person_at[i])
            elif token.tag_ == "PRP$" and (owner is None or token.head.i != owner.i):
                continue
            elif token.lower_ in PRONOUNS and token.pos_ == "PRON":
                found = self.antecedent(self.doc[i])
                if found is not None:
                    out.append(found)
        return list(dict.fromkeys(out))

    def antecedent(self, pronoun: Token) -> int | None:
        """The person a pronoun stands for: the last subject named before it in its sentence, else
        the subject of one of the two sentences before, else the last person named before it."""
        sent = pronoun.sent
        before = [i for i in range(sent.start, pronoun.i) if i in self.person_at]
        if pronoun.dep_ in ("dobj", "pobj", "dative"):  # "Xi told him", "X called on him": not X
            verb = pronoun.head
            if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
                verb = verb.head
            before = [i for i in before if _clause_verb(self.doc[i]).i != verb.i]
        subjects = [i for i in before if _subject_like(self.doc[i])]
        if subjects:
            return self.person_at[subjects[-1]]
        position = bisect_right(self.starts, pronoun.i) - 1
        for back in (1, 2):
            if position - back < 0:
                break
            earlier = self.sentences[position - back]
            found = [t.i for t in earlier if t.i in self.person_at and _subject_like(t)]
            if found:
                return self.person_at[found[0]]
            role = roles.unnamed_subject(earlier, self.person_at)
            if role is not None:  # "The Sultan of Oman began his visit ... He is visiting ..."
                return self.titled(role, earlier.start)
        if before:
            return self.person_at[before[-1]]
        return self._only_one_before(position)

    def _only_one_before(self, position: int) -> int | None:
        """'... a priority for the far-right Meloni, who is making her second trip. She
        visited Tuesday': the one person the sentence before names, though not as its subject."""
        if position < 1:
            return None
        named = [self.person_at[t.i] for t in self.sentences[position - 1] if t.i in self.person_at]
        people = {self.who(i) for i in named}
        return named[0] if len(people) == 1 else None

    def titled(self, role: str, before: int) -> int | None:
        return roles.holder(self, role, before)

    def nationality(self, person: int) -> str | None:
        """The country a person's own noun phrase names anywhere in the text ('Japanese Prime
        Minister Fumio Kishida', 'Kenya's President Ruto'), when it names exactly one."""
        who = self.who(person)
        found: set[str] = set()
        for i, m in enumerate(self.mentions):
            if m.label != "person" or self.who(i) != who:
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            near = [t for t in self._title_before(span.start) if t in self.country_at]
            before = range(span.root.left_edge.i, span.start)
            for t in near or [t for t in before if t in self.country_at]:
                country = self.mentions[self.country_at[t]]
                found.add(country.entity_id or country.text)
        return next(iter(found)) if len(found) == 1 else None

    def _title_before(self, start: int) -> list[int]:
        """The words just before a name that the parser hung elsewhere ("Syria's de facto ruler
        Ahmed al-Sharaa" parsed as an apposition): back to a verb, a conjunction or a comma."""
        out: list[int] = []
        for t in range(start - 1, max(start - 7, -1), -1):
            if self.doc[t].pos_ in ("VERB", "AUX", "CCONJ", "ADP", "PUNCT", "PRON"):
                break
            out.append(t)
        return out

    def country_keys(self, span: Span) -> set[str]:
        return {
            self.mentions[c].entity_id or self.mentions[c].text for c in self.countries_in([span])
        }

    def forums_at(self, tokens) -> list[int]:
        return list(dict.fromkeys(self.forum_at[i] for i in sorted(tokens) if i in self.forum_at))

    def own_forums_at(self, tokens) -> list[int]:
        """The forums among ``tokens`` that are not a person's affiliation: "the EU's High
        Representative, Josep Borrell" and "NATO Secretary-General Mark Rutte" name who someone
        is, not a session of the EU or NATO."""
        found = self.forums_at(tokens)
        return [f for f in found if not self.affiliation(self._root(f))]

    def _root(self, mention: int) -> Token:
        m = self.mentions[mention]
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None else self.doc[0]

    def affiliation(self, token: Token) -> bool:
        """The noun phrase ``token`` modifies (through compounds and possessives) is a person or
        a title standing beside one ("the EU's Special Representative, Miroslav Lajčak")."""
        head = token
        if any(c.dep_ == "appos" and c.i in self.person_at for c in token.children):
            return True  # "the ambassador to the UN, Salma Brik" with the name hung on "UN"
        while head.dep_ in ("compound", "poss", "amod", "nmod", "case") or _of(head, office=True):
            if head.head.i == head.i:
                break
            # "the envoy of the UN, X", "Morocco's ambassador to the UN"
            head = head.head.head if _of(head, office=True) else head.head
            if head.i in self.person_at:
                return True
        if head is token:
            return False
        if head.dep_ == "appos" and head.head.i in self.person_at:
            return True  # "Filippo Grandi, the United Nations High Commissioner"
        if head.tag_ == "NN" and head.lemma_.lower() in roles.ROLE_NOUNS:
            return True  # "UN envoy meets Haftar": one person's office, unnamed; no session
        return any(
            c.dep_ in ("appos", "conj") and (c.i in self.person_at or c.pos_ == "PROPN")
            for c in head.children  # a name beside the title, even one NER did not call a person
        )

    def countries_in(self, spans: list[Span]) -> list[int]:
        found = [self.country_at[t.i] for s in spans for t in s if t.i in self.country_at]
        return list(dict.fromkeys(found))

    def hosts(self, trigger: Token) -> list[int]:
        """'The summit, which ... is hosted by Putin', 'talks held in Oman by Cameron and
        Grundberg': who hosts or holds a gathering takes part."""
        if not nominal(trigger):
            return []
        out: list[int] = []
        clauses = [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
        if trigger.dep_ == "nsubjpass":  # "The summit ... is hosted by Putin"
            clauses.append(trigger.head)
        for child in clauses:
            for token in [child] if child is trigger.head else child.subtree:
                if token.lemma_.lower() in CONVENING:
                    for agent in (c for c in token.children if c.dep_ == "agent"):
                        out += self.people_in(t.i for t in agent.subtree)
        return out

    def the_two(self, phrase: set[int], chain: Chain) -> bool:
        """'the two leaders', 'both ministers': the two people the article is about."""
        tokens = sorted(phrase | chain.subject_tokens)
        text = " ".join(self.doc[i].text for i in tokens)
        alone = text.lower() in ("the two", "both", "the pair", "the two men", "the two women")
        return len(self.top_two) == 2 and (alone or bool(_THE_TWO.search(text)))

    def current_forum(self, noun: str, before: Token) -> int | None:
        """The forum a bare 'the summit' or 'on the sidelines' means: the one the headline names
        with that noun, else the last forum named with it, else the last forum named."""
        title = self.title.lower()
        if any(re.search(rf"\b{re.escape(n or g)}", title) for n in [noun] for g in GATHERINGS):
            named = {
                self._key(f)
                for _, f, _ in self.forum_nouns
                if re.search(rf"\b{re.escape(self.mentions[f].text.lower())}\b", title)
            }
            if len(named) == 1:
                key = next(iter(named))
                return next(f for _, f, _ in self.forum_nouns if self._key(f) == key)
        seen = [(f, n) for t, f, n in self.forum_nouns if t < before.i]
        same = [f for f, n in seen if n == noun or (not noun and n)]
        if same:
            return same[-1]
        return seen[-1][0] if seen else None

    def _key(self, forum: int) -> str:
        return self.mentions[forum].entity_id or self.mentions[forum].text


# --- the climb to the subject --------------------------------------------------------------------


def climb(ctx: Context, trigger: Token, triggers: set[int]) -> Chain:
    """From the trigger up to the subject of the event, noting negation and speculation."""
    chain = Chain()
    if any(c.lower_ in UNSURE_NOUN for c in trigger.children if c.dep_ in ("amod", "compound")):
        chain.speculative = True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        chain.negated = True  # "there was no formal meeting"
    auxiliaries = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if "to" in auxiliaries:
        _flags(trigger.head, "xcomp", chain)  # "directed them to meet": whatever its subject
        chain.speculative |= trigger.dep_ == "ccomp"  # "said X and Y (were) to meet"
        # "was to have met", "were to meet": planned, perhaps never done
        chain.speculative |= bool(auxiliaries & {"was", "were", "is", "are", "be"})
    token, came, child = trigger, None, None
    for _ in range(12):
        _flags(token, came, chain, child)
        if _verbal(token):
            chain.verbs.append(token)
            if _take_subject(ctx, token, trigger, came, triggers, chain):
                return chain
        head = token.head
        if token.dep_ == "ccomp":  # "directed them to meet": planned, and not their subject
            _flags(head, "ccomp", chain)
            break
        if head.i == token.i or token.dep_ not in _UP:
            break
        came, child = token.dep_, token
        if head.pos_ in ("NOUN", "PROPN", "PRON") and not _climbable(token, head, triggers):
            if not (token.dep_ == "prep" and token.lower_ in _TEMPORAL):
                break
            while not _verbal(head) and head.head.i != head.i:  # "announced the step after talks"
                head = head.head
        token = head
    return chain


def _take_subject(
    ctx: Context, verb: Token, trigger: Token, came: str | None, triggers: set[int], chain: Chain
) -> bool:
    """Add the verb's subject when the verb carries the event; True when the climb ends here."""
    lemma = verb.lemma_.lower()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.i in triggers:  # "and later met Pezeshkian" parsed with a subject after the verb
        subjects = [c for c in subjects if c.i < verb.i]
    if came in ("nsubj", "nsubjpass"):
        return False  # the trigger is the subject: "The talks came two days after ..."
    carries = verb.i == trigger.i or came in _PASS or lemma in GOVERNING or verb.i in triggers
    carries = carries or (lemma == "take" and any(c.lower_ == "part" for c in verb.children))
    if not carries and lemma in COMPRISING:
        chain.people += _travellers(ctx, subjects)  # "Grossi's visit included talks with X"
    if not carries:
        return bool(subjects)
    if lemma in JOINING and verb.i != trigger.i:
        chain.people += ctx.people_in(objects(verb))
    if lemma in CAUSATIVE:
        travellers = ctx.people_in(objects(verb))
        if travellers:
            chain.people += travellers
            return True
    if verb.i == trigger.i and verb.lemma_.lower() == "host" and verb.tag_ == "VBN":
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            chain.people += ctx.people_in(t.i for t in agent.subtree)
    present = verb.lemma_.lower() == "present" and came == "prep"  # "was present at the meeting"
    if (
        not subjects
        and verb.pos_ == "ADJ"
        and verb.dep_ == "acomp"
        and (came == "xcomp" or present)
    ):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "is due"
    stray = [t.i for t in lost_subject.stray_subject(verb)] if not subjects else []
    if ctx.people_in(stray):  # "Amid threats by Trump, A and B spoke": A, B parsed as Trump's
        chain.subject_tokens |= set(stray)
        chain.people += ctx.people_in(stray)
        return True
    participle = verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG"
    if not subjects and participle and verb.head.pos_ in ("NOUN", "PROPN"):
        subjects = [verb.head]  # "Zelensky, attending as a guest, ..."

    for subject in subjects:
        if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
            subject = verb.head  # "Erdoğan, who met Biden": the noun the pronoun stands for
        tokens = _without_clauses(subject)
        chain.subject_tokens |= tokens
        named = ctx.people_in(tokens)
        role = roles.role_phrase(subject) if not named else None
        titled = ctx.titled(role, subject.i) if role else None
        chain.people += named if titled is None else [titled]  # "the Prime Minister held ..."
    return bool(subjects)


#: Verbs by which a trip holds the events of its days: "his visit included talks with X".
COMPRISING = {"include", "feature", "involve", "comprise"}
TRIPS = {"visit", "trip", "tour", "journey"}


def _travellers(ctx: Context, subjects: list[Token]) -> list[int]:
    """The owner of a trip as a subject: "Grossi's visit to Tehran", "his trip"."""
    out: list[int] = []
    for subject in subjects:
        if subject.lemma_.lower() in TRIPS:
            owners = [c.i for c in subject.children if c.dep_ == "poss"]
            out += ctx.people_in([t for o in owners for t in _without_clauses(ctx.doc[o])])
    return out


def _flags(token: Token, came: str | None, chain: Chain, child: Token | None = None) -> None:
    """Negation, speculation and wishes that ``token`` puts on the event below it; ``child`` is
    the word the climb came up from, by the relation ``came``."""
    lemma = token.lemma_.lower()
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children) or lemma in NEGATING:
        chain.negated = True
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in children):
        chain.speculative = True
    if came in ("xcomp", "ccomp", "advcl", "acl") and lemma in IRREALIS and not _scene(child):
        chain.speculative = True
    if came in ("xcomp", "acl") and lemma in ("set", "due", "likely", "expected", "possible", "be"):
        chain.speculative = True
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in children):
        chain.speculative = True
    if came in ("xcomp", "ccomp", "advcl", "acl", "prep", "dobj") and _one_of(token, DESIRING):
        chain.speculative = chain.wished = True
    if came == "prep" and lemma in APPEALING and child is not None and child.lower_ == "for":
        chain.speculative = chain.wished = True  # "called for talks with X": asked for
    if came in ("xcomp", "acl") and lemma in READY:
        chain.speculative = chain.wished = True


def _scene(clause: Token | None) -> bool:
    """'Speaking at the summit, X called for aid', 'after meeting Y, X asked ...': a participle
    or an 'after'/'while' clause sets the scene of its verb, which cannot make it a mere plan."""
    if clause is None or clause.dep_ != "advcl":
        return False
    return clause.tag_ == "VBG" or any(
        c.dep_ == "mark" and c.lower_ in _SCENE for c in clause.children
    )


def _one_of(token: Token, lemmas: set[str]) -> bool:
    """The token's lemma is one of ``lemmas``, read off the word itself where the model's
    lemma is wrong ("hoped" → "hop")."""
    word = token.lower_
    forms = {token.lemma_.lower(), word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return bool(forms & lemmas)


def _verbal(token: Token) -> bool:
    return (token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")) or (
        token.pos_ == "ADJ" and token.dep_ in ("advcl", "acomp")
    )


def _climbable(token: Token, head: Token, triggers: set[int]) -> bool:
    """Up into a noun only where the noun is the same event: another trigger, a measure ('hours of
    talks'), an apposition or the thing the event is named after."""
    if head.i in triggers:
        return True
    if token.dep_ in ("appos", "attr", "compound", "npadvmod"):
        return True
    return token.dep_ == "prep" and token.lower_ == "of" and head.dep_ in ("dobj", "attr", "nsubj")


def _without_clauses(token: Token) -> set[int]:
    """A phrase without its relative and adverbial clauses."""
    keep: set[int] = set()
    stack = [token]
    while stack:
        current = stack.pop()
        keep.add(current.i)
        stack += [c for c in current.children if c.dep_ not in _CUT]
        keep |= leaders(current)
    return keep


def _of(token: Token, office: bool = False) -> bool:
    """The object of 'of' ('the envoy of the UN'); with ``office``, also of 'to' after a role
    ('the ambassador to the UN', 'envoy to NATO')."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    to_office = token.head.lower_ == "to" and token.head.head.lemma_.lower() in roles.OFFICE_NOUNS
    return token.head.lower_ == "of" or (office and to_office)


def _clause_verb(token: Token) -> Token:
    while token.dep_ in ("compound", "flat", "appos", "conj", "amod") and token.head.i != token.i:
        token = token.head
    return token.head


def _subject_like(token: Token) -> bool:
    while token.dep_ in ("compound", "flat", "appos", "conj") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


# --- phrases ---------------------------------------------------------------------------------


def _absence(prep: Token) -> bool:
    """'in the absence of X', 'without X': who is named there did not take part."""
    if prep.lower_ == "without":
        return True
    return prep.lower_ == "in" and any(
        c.dep_ == "pobj" and c.lemma_.lower() == "absence" for c in prep.children
    )


def _possessor_of_named(child: Token) -> bool:
    """'Lee's predecessor Yoon', 'the president's wife, Jane Doe': a person named as the possessor
    of someone the text names too only tells who that one is."""
    if child.dep_ != "poss" or child.ent_type_ != "PERSON":
        return False
    owned = child.head
    named = [owned, *(c for c in owned.children if c.dep_ == "appos")]
    return any(t.ent_type_ == "PERSON" and t.i != child.i for t in named)


def phrase(trigger: Token, triggers: set[int]) -> set[int]:
    """The trigger's own phrase: its subtree without clauses, coordinated verbs, other triggers'
    phrases and 'since ...' (which dates an earlier event). A summit that 'was the last for X' has
    X in its phrase."""
    keep: set[int] = set()
    stack = [trigger]
    while stack:
        token = stack.pop()
        keep.add(token.i)
        for child in token.children:
            if child.dep_ in _CUT or child.i in triggers:
                keep |= leaders(token) if child.dep_ == "acl" else set()
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            if child.dep_ == "prep" and child.lower_ in ("since", *_CIRCUMSTANCE):
                continue
            if child.dep_ == "prep" and _absence(child):
                continue  # "in the absence of X", "without X": X was not there
            if token is not trigger and _possessor_of_named(child):
                continue  # "met Lee's predecessor Yoon": Lee only says who Yoon is
            stack.append(child)
    head = trigger.head
    if trigger.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        for attr in (c for c in head.children if c.dep_ == "attr"):
            keep |= _without_clauses(attr)
    if trigger.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in HAPPENING:
        for prep in head.children:  # "a meeting took place between A and B"
            if prep.dep_ == "prep" and prep.lower_ in ("between", "among"):
                keep |= _without_clauses(prep)
    stray = lost_subject.stray_subject(trigger)
    if stray:  # the opening phrase the lost subject hung on ("Amid threats by Trump, ...") is not
        keep = {i for i in keep if i > stray[-1].i}  # the trigger's: it only sets the scene
    return keep
