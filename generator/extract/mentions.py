"""Mentions from the chosen candidates: people without their titles and with their roles,
government bodies tied to their country, organizations from NER checked against the registry."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from generator import names
from generator.data import CleanArticle, Mention, split_key
from generator.extract import gazetteer
from generator.extract.candidates import (
    TITLES_AND_GIVEN_NAMES,
    Candidate,
    acting_verb,
    name_token,
    title_at,
)
from generator.extract.clause_names import gerund_before_place
from generator.extract.credits import (
    credit_lines,
    credit_openers,
    credited_reporters,
    in_credit_line,
    is_wire_credit,
    names_the_publisher,
    publisher_hosts,
)
from generator.extract.described import described_as_a_person, owns_a_persons_thing
from generator.extract.exercise_names import names_an_exercise
from generator.extract.gazetteer import Gazetteer
from generator.extract.glued import split_glued
from generator.extract.kin import named_as_kin
from generator.extract.known_as import known_as_aliases
from generator.extract.listed import skipped_in_lists
from generator.extract.lone_bodies import named_as_a_body
from generator.extract.name_types import (
    PLACE,
    WORK,
    NameTypes,
    is_place,
    name_start,
    party_contexts,
    person_read_as_organization,
    person_read_as_place,
)
from generator.extract.not_organizations import (
    group_named_as_a_party,
    not_an_organization,
    trim_org,
)
from generator.extract.org_forms import (
    is_the_publisher,
    persons_after_a_country,
    with_short_forms,
    without_possessor,
)
from generator.extract.peoples import names_a_people
from generator.extract.place_names import names_a_place
from generator.extract.referents import is_judging as _judging
from generator.extract.repeated import with_repeated_names, word_end
from generator.extract.role_titles import tidy_role
from generator.extract.tools import Tools

PERSON_STOP = {"god", "allah", "brexit", "covid", "twitter", "x", "instagram", "facebook"}
#: Words no person's name holds ('Deliver Brexit' is a slogan); 'X' and 'God' may ('Malcolm X').
_NEVER_IN_A_NAME = PERSON_STOP - {"god", "allah", "x"}


def find_mentions(
    doc: Doc,
    chosen: list[Candidate],
    tools: Tools,
    sentences: list[Span],
    sent_index: dict[int, int],
    article: CleanArticle,
) -> list[Mention]:
    gaz = tools.gazetteer
    authors = {names.key(a) for a in article.authors}
    hosts = publisher_hosts(article.source.front_matter.get("url"))
    types = tools.name_types or NameTypes.from_registry(tools.registry)
    chosen = [c for c in chosen if not _dateline_place(doc, c)]
    chosen = [part for c in chosen for part in split_glued(doc, c, types, gaz)]
    chosen = [_as_person(doc, c, types, gaz) for c in chosen]
    named = {doc[c.start : c.end].text for c in chosen if c.label == "person"}
    chosen = [_named_elsewhere(doc, c, gaz, named) for c in chosen]
    chosen = sorted([*chosen, *skipped_in_lists(doc, chosen, gaz)], key=lambda c: c.start)
    chosen = with_repeated_names(doc, chosen, gaz)
    credits = credited_reporters(doc, chosen, tools.registry, article.publisher)
    chosen = [c for c in chosen if (c.start, c.end) not in credits]  # a newsroom's team
    lines = credit_lines(doc)
    credited = ("person", "organization")  # a credit line's names are the copy's, not the story's
    chosen = [c for c in chosen if not (c.label in credited and in_credit_line(c, lines))]
    chosen = _without_credit_words(chosen, set(credit_openers(doc)))
    people = [c for c in chosen if c.label == "person"]
    person_spans = {}
    rulings: dict[tuple[int, int], str] = {}  # a person candidate that is no person: what it is
    for cand in people:
        span = _person_span(doc, cand, gaz, types)
        if span is None or _group_of_people(span) or names_a_people(span.text, gaz):
            continue
        ruling = types.ruling(doc, span) if cand.source != "registry" else None
        if not ruling and cand.source != "registry" and names_a_place(doc, span.start, span.end):
            ruling = PLACE  # 'Lake Victoria', 'Kim Il Sung Square', 'USS Gerald R. Ford'
        if not ruling and gerund_before_place(doc, span.start, span.end, gaz.country_names):
            ruling = PLACE  # 'Helping Pyongyang build ...': a clause's verb and a place
        if (
            not ruling
            and cand.source != "registry"
            and names_an_exercise(doc, span.start, span.end)
        ):
            ruling = WORK  # 'the Freedom Shield military exercise': a code name
        if ruling:
            rulings[(cand.start, cand.end)] = ruling
            continue
        person_spans[(cand.start, cand.end)] = span
    _widen_to_known_names(doc, person_spans)
    full_names = sorted(
        {names.strip_possessive(s.text) for s in person_spans.values() if names.is_full(s.text)}
    )
    aliases = known_as_aliases(doc, list(person_spans.values()))  # 'X, better known as Y'
    out: list[Mention] = []
    last_body: dict[str, str] = {}  # body id -> country key, for "the Defense Ministry" later on
    for cand in chosen:
        span = doc[cand.start : cand.end]
        ruling = rulings.get((cand.start, cand.end))
        if ruling:  # kept as a ruling the aggregate stage weighs across the corpus
            text = trim_org(person_spans.get((cand.start, cand.end), span))
            if text and names.looks_like_name(text):
                out.append(
                    make_mention(
                        doc,
                        span,
                        text,
                        "organization",
                        None,
                        sentences,
                        sent_index,
                        "typed-" + ruling,
                    )
                )
            continue
        if cand.label == "person" or (cand.source == "ner-org" and _short_form(span, full_names)):
            person = person_spans.get((cand.start, cand.end), span)
            mention = _person_mention(
                doc, person, full_names, gaz, sentences, sent_index, cand, types
            )
            if mention and (mention.refers_to or mention.text) in aliases:
                mention = replace(mention, refers_to=aliases[mention.refers_to or mention.text])
            if mention and names.key(mention.refers_to or mention.text) not in authors:
                out.append(mention)  # the byline's authors are not the article's subjects
            continue
        if cand.label == "body":
            mention = _body_mention(doc, cand, tools, sentences, sent_index, last_body)
            if mention:
                out.append(mention)
            continue
        if cand.source == "ner-org":
            if cand.kind != "ORG" and not group_named_as_a_party(doc, cand, gaz):
                continue
            text = without_possessor(trim_org(span), gaz)
            if not text or text in gaz.country_names or is_the_publisher(text, article.publisher):
                continue
            if names_the_publisher(text, hosts) or is_wire_credit(doc, span.start, span.end):
                continue  # the site naming itself: 'in an interview with Al Arabiya'
            if not_an_organization(doc, span, text, gaz, types):
                continue
            if names_an_exercise(doc, span.start, span.end):
                continue  # 'the Iron Lantern drills': a code name
            known = gaz.match_org(text)
            if known:
                label = split_key(known[0])[0]
                source = "registry" if known[1] else "fuzzy"
                out.append(
                    make_mention(doc, span, text, label, known[0], sentences, sent_index, source)
                )
            else:
                source = "ner" if cand.kind == "ORG" else "typed-party"  # 'his Greens party'
                if source == "ner" and named_as_a_body(doc, span, types):
                    source = "ner-body"  # 'a X delegation': one word, but a body's
                out.append(
                    make_mention(
                        doc, span, text, "organization", None, sentences, sent_index, source
                    )
                )
            continue
        if cand.label == "organization" and (
            is_the_publisher(span.text, article.publisher)
            or names_the_publisher(span.text, hosts)
            or is_wire_credit(doc, span.start, span.end)
        ):
            continue  # the wire's own credit, "(Reuters)"; the site naming itself
        out.append(
            make_mention(
                doc, span, span.text, cand.label, cand.key, sentences, sent_index, "registry"
            )
        )
    for start, end in party_contexts(doc, types):
        span = doc[start:end]
        out.append(
            make_mention(
                doc, span, span.text, "organization", None, sentences, sent_index, "typed-group"
            )
        )
    return with_short_forms(doc, out)


def _without_credit_words(chosen: list[Candidate], openers: set[int]) -> list[Candidate]:
    """'Press Trust of India Written by Shubhajit Roy': the tagger ran a name on into the credit
    word after it, which is no part of the name."""
    out = []
    for cand in chosen:
        end = cand.end
        while end - 1 > cand.start and end - 1 in openers:
            end -= 1
        out.append(cand if end == cand.end else replace(cand, end=end))
    return out


def _named_elsewhere(doc: Doc, cand: Candidate, gaz: Gazetteer, named: set[str]) -> Candidate:
    """An NER organization or place with the very text the article names a person by elsewhere
    ('Vučić met Borrell', then '…," wrote Vučić' read as a place): a name keeps one meaning
    through one article, unless a gazetteer knows it as a place or an organization."""
    if cand.source != "ner-org" or cand.kind not in ("ORG", "GPE") or cand.label == "person":
        return cand
    text = doc[cand.start : cand.end].text
    if text not in named or gaz.match_org(text) or text in gaz.country_names or is_place(text):
        return cand
    return Candidate(cand.start, cand.end, "person", None, "ner-org-person")


def _as_person(doc: Doc, cand: Candidate, types: NameTypes, gaz: Gazetteer) -> Candidate:
    """An NER organization or place the registry does not know that its evidence shows is a
    person."""
    if cand.source != "ner-org" or cand.kind not in ("ORG", "GPE"):
        return cand
    span = doc[cand.start : cand.end]
    text = trim_org(span)
    if not text or gaz.match_org(text) or text in gaz.country_names:
        return cand
    if cand.kind == "GPE":
        if not person_read_as_place(doc, span):
            return cand
    elif not (
        person_read_as_organization(doc, span, types, gaz.office_words)
        or persons_after_a_country(doc, span, types, gaz)
    ):
        return cand
    return Candidate(cand.start, cand.end, "person", None, "ner-org-person")


def _dateline_place(doc: Doc, cand: Candidate) -> bool:
    """'RIGA, March 3, 2025 —', 'NEW DELHI (Reuters) —': the wire dateline's city in capitals
    at a paragraph's start, which a tagger takes for an organization; it names no entity."""
    if cand.source != "ner-org":
        return False
    span = doc[cand.start : cand.end]
    letters = [c for c in span.text if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return False
    before = doc.text[: span.start_char].rstrip(" ")
    after = doc[cand.end] if cand.end < len(doc) else None
    at_start = not before or before.endswith("\n")
    return at_start and after is not None and after.text in (",", "(", "—", "–", "-", ":")


def _widen_to_known_names(doc: Doc, person_spans: dict[tuple[int, int], Span]) -> None:
    """'junta boss Min Aung Hlaing', where the tagger's name starts at 'Aung': a capitalised word
    just before a name joins it when the two make a name the article writes elsewhere; one just
    after it, when it and the name's last word do."""
    written = {" ".join(s.text.split()) for s in person_spans.values()}
    for key, span in person_spans.items():
        before = doc[span.start - 1] if span.start > 0 else None
        if before is None or not (before.is_alpha and before.is_title):
            continue
        if f"{before.text} {' '.join(span.text.split())}" in written:
            person_spans[key] = doc[span.start - 1 : span.end]
    # 'Omar Garza Harfeld attended', read as 'Omar Garza': the word after joins when the name's
    # last word and it are a name the article writes ('Garza Harfeld said'), a double surname
    for key, span in person_spans.items():
        after = doc[span.end] if span.end < len(doc) else None
        if after is None or not (after.is_alpha and after.is_title) or after.ent_type_:
            continue
        if len(span) >= 2 and f"{span[-1].text} {after.text}" in written:
            person_spans[key] = doc[span.start : span.end + 1]


def _short_form(span: Span, full_names: list[str]) -> bool:
    """A one-word span that is a part of exactly one full name in the article ('Ryder')."""
    text = names.strip_possessive(span.text)
    if len(text.split()) != 1:
        return False
    folded = names.lone(text)
    return sum(folded in names.parts(full) for full in full_names) == 1


def _person_span(doc: Doc, cand: Candidate, gaz: Gazetteer, types: NameTypes) -> Span | None:
    """The name without leading titles ('Gen. Wei Fenghe' → 'Wei Fenghe') or trailing 's; a
    peer's title stays ('Lord Falconer')."""
    start, end = cand.start, cand.end
    if _given_name_before_particle(doc, start, gaz):
        start -= 1  # NER's "Al Jaber" in "Sultan Al Jaber": the word before is the given name
    while start < end:
        length = title_at(doc, start, gaz)
        if not length:
            break
        if start + length < end and not doc[start + length - 1].whitespace_:
            break  # 'Saint-Cyr': a title word joined to the next by a hyphen is the name's
        if (
            names.fold(doc[start + length].text) in names.PARTICLES
            if start + length < end
            else False
        ):
            break  # "Sultan Al Jaber": the title word is part of the name
        start += length
    while end > start and doc[end - 1].text in ("’s", "'s", "’", "'", ".", ","):
        end -= 1
    while end - start > 1 and _agency_in_capitals(doc[start], gaz):
        start += 1  # a photo credit run into a caption: '| REUTERS Obama to speak'
    for i in range(start + 1, end - 1):
        if doc[i].text in ("’s", "'s"):
            if doc[start:i].text in gaz.country_names and end - i > 2:
                start = i + 1  # "Benin's Thomas Yayi Boni": the name is the country's man's
            else:
                end = i  # "Obama's Hiroshima trip": the name is the possessor's
            break
    if start < end:
        start = name_start(doc, start, end, types)
    end = word_end(doc, end - 1)  # "Cho Tae" + "-yul"
    suffix = doc[end] if end < len(doc) else None
    if suffix is not None and suffix.text[:1].isupper() and _is_suffix(suffix.text):
        end += 1  # "Lloyd J. Austin" + "II"
    if start >= end:
        return None
    return doc[start:end]


def _agency_in_capitals(token, gaz: Gazetteer) -> bool:
    text = token.text
    return len(text) >= 3 and text.isupper() and text.isalpha() and bool(gaz.match_org(text))


def _given_name_before_particle(doc: Doc, start: int, gaz: Gazetteer) -> bool:
    """A name that starts with a particle ('Al Jaber', 'von der Leyen') after a capitalised word
    that is no title ('President al-Assad'), or a title that is also a common given name: that
    word is the given name."""
    if start == 0 or names.fold(doc[start].text) not in names.PARTICLES:
        return False
    before = doc[start - 1]
    if not (name_token(before) and before.is_alpha) or doc[start].is_sent_start:
        return False
    if before.ent_type_ not in ("", "PERSON"):
        return False  # "on Tuesday al-Sisi said", "in Cairo al-Sisi"
    word = before.lower_
    return word in TITLES_AND_GIVEN_NAMES or word not in gaz.title_first_words


def _group_of_people(span: Span) -> bool:
    """'Tory MPs', 'Labour lawmakers': a name whose last word is a plural common noun (lower
    case, or a plural acronym) names a group of people, not a person. A surname the tagger reads
    as a plural ('Guterres', 'Tsipras') is capitalised and stays a name."""
    last = span[-1]
    plural = last.is_lower or re.fullmatch(r"[A-Z]{2,}s", last.text) is not None
    return len(span) > 1 and last.tag_ == "NNS" and plural


def _is_suffix(text: str) -> bool:
    return names.fold(text).strip(".") in names.SUFFIXES


def _person_mention(
    doc: Doc,
    span: Span,
    full_names: list[str],
    gaz: Gazetteer,
    sentences: list[Span],
    sent_index: dict[int, int],
    cand: Candidate,
    types: NameTypes,
) -> Mention | None:
    text = names.strip_possessive(span.text)
    if not names.looks_like_name(text) or names.fold(text) in PERSON_STOP:
        return None
    if len(text.split()) > 1 and {names.fold(w) for w in text.split()} & _NEVER_IN_A_NAME:
        return None  # 'Deliver Brexit', a slogan
    if gazetteer.title_key(text) in gaz.title_phrases or text in gaz.country_names:
        return None
    if all(gazetteer.title_key(w) in gaz.title_phrases for w in text.split()):
        return None
    if _group_of_people(span) or names_a_people(text, gaz):
        return None
    refers_to = None
    if not names.is_full(text):
        # 'Le Pen' is the one significant word 'pen' of 'Marine Le Pen' with its particle
        folded = (names.parts(text) or [names.fold(text)])[0]
        owners = [f for f in full_names if folded in names.parts(f)]
        if len(owners) == 1:
            refers_to = owners[0]
    titles = _titles_before(doc, span.start, gaz)
    role = _role(doc, span, gaz)
    source = "registry" if cand.source == "registry" else "ner"
    mention = make_mention(doc, span, text, "person", cand.key, sentences, sent_index, source)
    # 'Saied said'; 'his wife, Meera,': a lone word a person's
    acts = not names.is_full(text) and (
        _acts_as_a_person(span)
        or named_as_kin(span)
        or described_as_a_person(doc, span[-1], types.organization_words)  # 'X, his deputy,'
        or owns_a_persons_thing(doc, span[-1])  # "after X's arrest"
    )
    return Mention(
        **{**mention.__dict__, "titles": titles, "role": role, "refers_to": refers_to, "acts": acts}
    )


def _acts_as_a_person(span: Span) -> bool:
    """'Saied said', 'Aliyev met', 'Aliyev and Pashinian spoke', 'met with Pashinian': a name
    that does, or is met by, what only a person does."""
    return acting_verb(span.root) is not None


def _titles_before(doc: Doc, start: int, gaz: Gazetteer) -> tuple[str, ...]:
    out: list[str] = []
    i = start
    while i > 0:
        for length in (3, 2, 1):
            if i - length >= 0 and title_at(doc, i - length, gaz) == length:
                out.insert(0, doc[i - length : i].text)
                i -= length
                break
        else:
            break
    return tuple(out)


def _rank_at(doc: Doc, i: int, gaz: Gazetteer) -> int:
    """Length of a rank or honorific ending at token ``i`` ('Senior Col.' → 2), else 0."""
    for length in (3, 2, 1):
        start = i - length + 1
        if start >= 0 and gazetteer.title_key(doc[start : i + 1].text) in gaz.rank_phrases:
            return length
    return 0


def _role(doc: Doc, span: Span, gaz: Gazetteer) -> str | None:
    """The office before the name ('Pentagon Press Secretary') or in apposition after it."""
    # skip ranks and honorifics directly before the name ("Brig. Gen."); the office stands
    # before them ("Pentagon Press Secretary")
    i = span.start
    while i > 0 and _rank_at(doc, i - 1, gaz):
        i -= _rank_at(doc, i - 1, gaz)
    j = i
    words: list[int] = []
    while j > 0:
        token = doc[j - 1]
        if token.is_sent_start and token.pos_ not in ("PROPN",) and not token.text[:1].isupper():
            break
        if token.lower_ == "of" and j >= 2 and _no_office_before_of(doc[j - 2], gaz):
            break  # 'the collapse of Chancellor X': the office is 'Chancellor'
        if (
            token.text in ("’s", "'s")
            or token.pos_ in ("PROPN", "NOUN", "ADJ")
            or token.lower_ == "of"
        ):
            words.insert(0, j - 1)
            j -= 1
            if token.is_sent_start:
                break
            continue
        break
    while words and (doc[words[0]].lower_ in ("of", "’s", "'s") or _judging(doc[words[0]])):
        words.pop(0)  # 'his recalcitrant finance minister': the writer's word is no office's
    if words and any(doc[w].lower_.strip(".") in gaz.office_words for w in words):
        return tidy_role(doc[words[0] : words[-1] + 1], span, gaz)
    # apposition: "Wei Fenghe, China's minister of national defense,"
    k = span.end
    if k < len(doc) and doc[k].text == ",":
        tail = []
        for token in doc[k + 1 : k + 10]:
            if token.text in (",", ".", ";", "“", '"') or token.pos_ == "VERB":
                break
            tail.append(token)
        if tail and any(t.lower_ in gaz.office_words for t in tail):
            return tidy_role(doc[tail[0].i : tail[-1].i + 1], span, gaz)
    return _office_before_comma(doc, span, gaz)


def _no_office_before_of(token, gaz: Gazetteer) -> bool:
    """'collapse' in 'the collapse of Chancellor X': a common noun no office is, before 'of'
    ('Minister of Foreign Affairs', 'Ministry of Defence spokesperson' go on)."""
    return token.is_lower and token.lower_ not in gaz.office_words


def _office_before_comma(doc: Doc, span: Span, gaz: Gazetteer) -> str | None:
    """'The chairperson of the African Union Commission, Moussa Faki, said': an office phrase
    that opens the sentence and names the person in apposition."""
    if span.start < 2 or doc[span.start - 1].text != ",":
        return None
    first = span.sent.start
    phrase = doc[first : span.start - 1]
    if not 1 < len(phrase) <= 12 or phrase[0].lower_ not in ("the", "a", "an"):
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in phrase):
        return None
    if not any(t.is_lower and t.lower_ in gaz.office_words for t in phrase[1:3]):
        return None  # the office heads the phrase: "the chairperson of ...", not "the city of"
    return tidy_role(phrase[1:], span, gaz)


def _body_mention(
    doc: Doc,
    cand: Candidate,
    tools: Tools,
    sentences: list[Span],
    sent_index: dict[int, int],
    last_body: dict[str, str],
) -> Mention | None:
    """'China's Defense Ministry' → the Chinese ministry; a bare 'Defense Ministry' → the last one."""
    body_id = split_key(cand.key)[1]
    country = _qualifier(doc, cand.start, cand.end, tools.gazetteer)
    if country is None:
        country = last_body.get(body_id)
    if country is None:
        return None
    last_body[body_id] = country
    span = doc[cand.start : cand.end]
    key = f"body:{body_id}@{split_key(country)[1]}"
    return make_mention(doc, span, span.text, "organization", key, sentences, sent_index, "rule")


def _qualifier(doc: Doc, start: int, end: int, gaz: Gazetteer) -> str | None:
    i = start - 1
    if i >= 0 and doc[i].text in ("’s", "'s"):
        i -= 1
    for length in (4, 3, 2, 1):
        if i - length + 1 >= 0:
            text = doc[i - length + 1 : i + 1].text
            if text in gaz.country_names:
                return gaz.country_names[text]
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        for length in (4, 3, 2, 1):
            text = doc[end + 1 : end + 1 + length].text
            if text in gaz.country_names:
                return gaz.country_names[text]
    return None


def doc_text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def make_mention(
    doc: Doc,
    span: Span,
    text: str,
    label: str,
    key: str | None,
    sentences: list[Span],
    sent_index: dict[int, int],
    source: str,
) -> Mention:
    index = sent_index.get(span.start, 0)
    return Mention(
        text=" ".join(text.split()),
        label=label,
        start=span.start_char,
        end=span.end_char,
        sentence=sentences[index].text.strip(),
        sentence_index=index,
        entity_id=key,
        source=source,
    )
