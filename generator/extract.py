"""Extract: find names, quotes and events in each clean article.

Three sources of names, most trusted first: the curated registry (PhraseMatchers built from
``seeds/curated/``), rules (titles before a name, "<country>'s Defense Ministry"), and spaCy's
statistical NER for everything the registry has never heard of. Overlaps go to the most trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import events as event_rules
from . import gazetteer, names, nlp, topics
from . import quotes as quote_rules
from .gazetteer import Gazetteer
from .models import CleanArticle, EntityType, Extraction, Mention
from .registry import Registry

# Trust of each source when two candidate spans overlap.
_PRIORITY = {"registry": 4, "body": 4, "title": 3, "ner-person": 2, "ner-org": 1}
#: Titles that are also common given names ("Sultan Al Jaber", "Amir Al Said").
_TITLES_AND_GIVEN_NAMES = {"sultan", "amir"}
_PERSON_STOP = {"god", "allah", "brexit", "covid", "twitter", "x", "instagram", "facebook"}


@dataclass
class Tools:
    """What extraction needs, built once per build: the model and the compiled registry."""

    nlp: Language
    gazetteer: Gazetteer
    registry: Registry
    model: str
    #: folded names, aliases and phrase cues of the curated issues (new-issue candidates skip them)
    known_issues: frozenset[str] = frozenset()


def load_tools(registry: Registry, model: str) -> Tools:
    language = nlp.load(model)
    for title in registry.title_words:
        for word in title.split():
            if word.endswith(".") and len(word) > 2:
                language.tokenizer.add_special_case(word, [{ORTH: word}])
                nlp.NO_SENTENCE_END.add(word)
    issue_texts = [
        text
        for entity in registry.of_type(EntityType.ISSUE)
        for text in [entity.name, *entity.aliases, *entity.get("cues", [])]
        if isinstance(text, str)  # a list cue (words that meet in a sentence) names no phrase
    ]
    known = topics.known_phrases(issue_texts)
    return Tools(language, gazetteer.build(language, registry), registry, model, known)


def extract(
    articles: Iterable[CleanArticle],
    tools: Tools,
    n_process: int | None = 1,
    cache=None,
    timings: dict[str, float] | None = None,
) -> list[Extraction]:
    """Run the model over every article body and read mentions, quotes and events from it.

    With a ``cache`` (``generator.cache.ExtractionCache``) an article whose Doc is cached skips the
    model, and every new Doc is stored; the rules (``extract_doc``) always run. ``n_process=None``
    chooses: 2 processes when there are at least ``config.PARALLEL_MIN_ARTICLES`` articles on a
    machine with 2+ cores, else 1. Where fork is available, each worker process runs the model and
    the rules on its share (``generator/parallel.py``). ``timings`` (if given) gains the seconds
    spent waiting for the model (``ner``), reading and writing cached Docs (``doc_cache``) and in
    the rules (``rules``).
    """
    import os
    import time

    from . import parallel
    from .config import PARALLEL_MIN_ARTICLES

    articles = list(articles)
    clock = time.perf_counter
    spent = {"ner": 0.0, "doc_cache": 0.0, "rules": 0.0}
    keys: list[str] = []
    start = clock()
    if cache is not None:
        context = cache.doc_context(tools.nlp, tools.model)
        keys = [cache.doc_key(a.body, context) for a in articles]
        todo = [i for i, key in enumerate(keys) if not cache.has_doc(key)]
    else:
        todo = list(range(len(articles)))
    spent["doc_cache"] += clock() - start
    if n_process is None:
        enough = len(articles) >= PARALLEL_MIN_ARTICLES and (os.cpu_count() or 1) >= 2
        n_process = 2 if enough else 1
    if n_process > 1 and len(articles) > 1 and parallel.available():
        out = parallel.run(articles, tools, cache, keys, set(todo), n_process, spent)
        n_process = 0  # done
    else:
        out = []
    fresh = iter(
        tools.nlp.pipe((articles[i].body for i in todo), n_process=n_process, batch_size=16)
        if n_process and todo
        else ()
    )
    pending = set(todo)
    for i, article in enumerate(articles if n_process else ()):
        doc = None
        if i not in pending:
            start = clock()
            doc = cache.get_doc(keys[i], tools.nlp)
            spent["doc_cache"] += clock() - start
            if doc is None:  # the entry went bad since it was listed: run the model on this one
                start = clock()
                doc = tools.nlp(article.body)
                spent["ner"] += clock() - start
                pending.add(i)
        else:
            start = clock()
            doc = next(fresh)
            spent["ner"] += clock() - start
        if cache is not None and i in pending:
            start = clock()
            cache.put_doc(keys[i], doc)
            spent["doc_cache"] += clock() - start
        start = clock()
        out.append(extract_doc(article, doc, tools))
        spent["rules"] += clock() - start
    start = clock()
    if next(fresh, None) is not None:  # also lets a multi-process pipe join its workers
        raise RuntimeError("the model returned more documents than it was given")
    spent["ner"] += clock() - start
    if timings is not None:
        for name, seconds in spent.items():
            timings[name] = timings.get(name, 0.0) + seconds
    return out


def extract_doc(article: CleanArticle, doc: Doc, tools: Tools) -> Extraction:
    sentences = list(doc.sents)
    sent_index = {}
    for i, sent in enumerate(sentences):
        for k in range(sent.start, sent.end):
            sent_index[k] = i
    text = doc.text  # once: spaCy joins every token's text each time it is asked
    candidates = _candidates(doc, tools)
    # Countries and issues stand inside other names ("U.S. Department of Defense", "the
    # Russia-Ukraine war") and count there too; each layer settles its own overlaps.
    layered = {"country": [], "issue": [], "other": []}
    for cand in candidates:
        layered[cand.label if cand.label in ("country", "issue") else "other"].append(cand)
    chosen = sorted(
        (c for layer in layered.values() for c in _resolve_overlaps(layer)), key=lambda c: c.start
    )
    mentions = _mentions(doc, chosen, tools, sentences, sent_index, article)
    mentions += _role_references(doc, text, mentions, sentences, sent_index, tools.gazetteer)
    mentions += _cue_mentions(doc, text, tools, sentences, mentions, sent_index)
    mentions = sorted(
        {(m.start, m.end, m.label, m.entity_id): m for m in mentions}.values(),
        key=lambda m: (m.start, m.end, m.label, m.entity_id or ""),
    )
    quotes = quote_rules.find_quotes(doc, mentions, sentences, sent_index, text)
    found_events = event_rules.find_events(
        doc, mentions, sentences, sent_index, article.published, title=article.title
    )
    candidates = topics.find_candidates(
        doc, mentions, sent_index, tools.known_issues, tools.gazetteer.office_words
    )
    return Extraction(
        article=article,
        sentences=tuple(s.text.strip() for s in sentences),
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        events=tuple(found_events),
        issue_candidates=tuple(candidates),
    )


@dataclass
class _Candidate:
    start: int
    end: int
    label: str  # person | country | forum | issue | organization | body
    key: str | None
    source: str
    kind: str = "name"


def _candidates(doc: Doc, tools: Tools) -> list[_Candidate]:
    gaz = tools.gazetteer
    ner_people = [e for e in doc.ents if e.label_ == "PERSON"]
    out: list[_Candidate] = []
    for hit in gaz.hits(doc):
        label = hit.key.split(":", 1)[0]
        surface = doc[hit.start : hit.end].text
        if label == "country":
            if surface in gaz.ambiguous and not _tagged_place(doc, hit.start, hit.end):
                continue
            if any(
                p.start <= hit.start and hit.end <= p.end and len(p) > hit.end - hit.start
                for p in ner_people
            ):
                continue  # "Jordan" inside "Michael Jordan"
        source = "body" if label == "body" else "registry"
        out.append(_Candidate(hit.start, hit.end, label, hit.key, source, hit.kind))
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            out.append(_Candidate(ent.start, ent.end, "person", None, "ner-person"))
        elif ent.label_ in ("ORG", "NORP", "GPE", "FAC", "EVENT", "LOC"):
            out.append(_Candidate(ent.start, ent.end, "organization", None, "ner-org", ent.label_))
    out.extend(_titled_names(doc, gaz))
    return out


def _tagged_place(doc: Doc, start: int, end: int) -> bool:
    return any(e.label_ in ("GPE", "LOC") and e.start <= start and end <= e.end for e in doc.ents)


def _titled_names(doc: Doc, gaz: Gazetteer) -> list[_Candidate]:
    """'Col. Tan Kefei', 'Adm. John Aquilino': a title then capitalised words is a name."""
    out = []
    i = 0
    while i < len(doc):
        length = _title_at(doc, i, gaz)
        if not length:
            i += 1
            continue
        j = i + length
        while _title_at(doc, j, gaz):
            j += _title_at(doc, j, gaz)
        k = j
        while (
            k < len(doc)
            and k - j < 6
            and (_name_token(doc[k]) or (k > j and _particle_before_name(doc, k)))
        ):
            k += 1
        if k < len(doc) and names.fold(doc[k].text).strip(".") in names.SUFFIXES and k > j:
            k += 1  # "Lloyd J. Austin II"
        if k > j:
            out.append(_Candidate(j, k, "person", None, "title"))
        i = max(k, i + 1)
    return out


def _title_at(doc: Doc, i: int, gaz: Gazetteer) -> int:
    if i >= len(doc) or doc[i].lower_.strip(".") not in gaz.title_first_words:
        return 0  # cheap test first: most tokens start no title
    for length in (3, 2, 1):
        if i + length > len(doc):
            continue
        words = gazetteer.title_key(doc[i : i + length].text)
        if words and words in gaz.title_phrases and doc[i].text[:1].isupper():
            return length
    return 0


def _name_token(token) -> bool:
    text = token.text
    return (
        token.pos_ == "PROPN"
        and text[:1].isupper()
        and not token.is_punct
        and text not in ("’s", "'s")
        and not any(ch.isdigit() for ch in text)
    )


def _particle_before_name(doc: Doc, k: int) -> bool:
    """'bin', 'al', 'de', 'van' inside a name, when a capitalised name word follows."""
    return (
        names.fold(doc[k].text) in names.PARTICLES and k + 1 < len(doc) and _name_token(doc[k + 1])
    )


def _resolve_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    ranked = sorted(
        candidates, key=lambda c: (-_PRIORITY[c.source], -(c.end - c.start), c.start, c.label)
    )
    taken: set[int] = set()
    chosen = []
    for cand in ranked:
        span = set(range(cand.start, cand.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _mentions(
    doc: Doc,
    chosen: list[_Candidate],
    tools: Tools,
    sentences: list[Span],
    sent_index: dict[int, int],
    article: CleanArticle,
) -> list[Mention]:
    gaz = tools.gazetteer
    authors = {names.key(a) for a in article.authors}
    publisher = names.fold(article.publisher or "\0")
    people = [c for c in chosen if c.label == "person"]
    person_spans = {}
    for cand in people:
        span = _person_span(doc, cand, gaz)
        if span is not None:
            person_spans[(cand.start, cand.end)] = span
    full_names = sorted(
        {names.strip_possessive(s.text) for s in person_spans.values() if names.is_full(s.text)}
    )
    out: list[Mention] = []
    last_body: dict[str, str] = {}  # body id -> country key, for "the Defense Ministry" later on
    for cand in chosen:
        span = doc[cand.start : cand.end]
        if cand.label == "person" or (cand.source == "ner-org" and _short_form(span, full_names)):
            person = person_spans.get((cand.start, cand.end), span)
            mention = _person_mention(doc, person, full_names, gaz, sentences, sent_index, cand)
            if mention and names.key(mention.refers_to or mention.text) not in authors:
                out.append(mention)  # the byline's authors are not the article's subjects
            continue
        if cand.label == "body":
            mention = _body_mention(doc, cand, tools, sentences, sent_index, last_body)
            if mention:
                out.append(mention)
            continue
        if cand.source == "ner-org":
            if cand.kind not in ("ORG",):
                continue
            text = _trim_org(span)
            if not text or text in gaz.country_names or names.fold(text) in publisher:
                continue
            if _not_an_organization(doc, span, text, gaz):
                continue
            known = gaz.match_org(text)
            if known:
                label = known[0].split(":", 1)[0]
                source = "registry" if known[1] else "fuzzy"
                out.append(
                    _mention(doc, span, text, label, known[0], sentences, sent_index, source)
                )
            else:
                out.append(
                    _mention(doc, span, text, "organization", None, sentences, sent_index, "ner")
                )
            continue
        if cand.label == "organization" and names.fold(span.text) in publisher:
            continue  # the wire's own credit, "(Reuters)"
        out.append(
            _mention(doc, span, span.text, cand.label, cand.key, sentences, sent_index, "registry")
        )
    return out


def _short_form(span: Span, full_names: list[str]) -> bool:
    """A one-word span that is a part of exactly one full name in the article ('Ryder')."""
    text = names.strip_possessive(span.text)
    if len(text.split()) != 1:
        return False
    folded = names.fold(text)
    return sum(folded in names.parts(full) for full in full_names) == 1


def _person_span(doc: Doc, cand: _Candidate, gaz: Gazetteer) -> Span | None:
    """The name without leading titles ('Gen. Wei Fenghe' → 'Wei Fenghe') or trailing 's."""
    start, end = cand.start, cand.end
    if _given_name_before_particle(doc, start, gaz):
        start -= 1  # NER's "Al Jaber" in "Sultan Al Jaber": the word before is the given name
    while start < end:
        length = _title_at(doc, start, gaz)
        if not length:
            break
        if (
            names.fold(doc[start + length].text) in names.PARTICLES
            if start + length < end
            else False
        ):
            break  # "Sultan Al Jaber": the title word is part of the name
        start += length
    while end > start and doc[end - 1].text in ("’s", "'s", "’", "'", ".", ","):
        end -= 1
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2  # "Cho Tae" + "-yul"
    suffix = doc[end] if end < len(doc) else None
    if suffix is not None and suffix.text[:1].isupper() and _is_suffix(suffix.text):
        end += 1  # "Lloyd J. Austin" + "II"
    if start >= end:
        return None
    return doc[start:end]


def _given_name_before_particle(doc: Doc, start: int, gaz: Gazetteer) -> bool:
    """A name that starts with a particle ('Al Jaber', 'von der Leyen') after a capitalised word
    that is no title ('President al-Assad'), or a title that is also a common given name: that
    word is the given name."""
    if start == 0 or names.fold(doc[start].text) not in names.PARTICLES:
        return False
    before = doc[start - 1]
    if not (_name_token(before) and before.is_alpha) or doc[start].is_sent_start:
        return False
    if before.ent_type_ not in ("", "PERSON"):
        return False  # "on Tuesday al-Sisi said", "in Cairo al-Sisi"
    word = before.lower_
    return word in _TITLES_AND_GIVEN_NAMES or word not in gaz.title_first_words


def _is_suffix(text: str) -> bool:
    return names.fold(text).strip(".") in names.SUFFIXES


def _person_mention(
    doc: Doc,
    span: Span,
    full_names: list[str],
    gaz: Gazetteer,
    sentences: list[Span],
    sent_index: dict[int, int],
    cand: _Candidate,
) -> Mention | None:
    text = names.strip_possessive(span.text)
    if not names.looks_like_name(text) or names.fold(text) in _PERSON_STOP:
        return None
    if gazetteer.title_key(text) in gaz.title_phrases or text in gaz.country_names:
        return None
    if all(gazetteer.title_key(w) in gaz.title_phrases for w in text.split()):
        return None
    refers_to = None
    if not names.is_full(text):
        folded = names.fold(text)
        owners = [f for f in full_names if folded in names.parts(f)]
        if len(owners) == 1:
            refers_to = owners[0]
    titles = _titles_before(doc, span.start, gaz)
    role = _role(doc, span, gaz)
    source = "registry" if cand.source == "registry" else "ner"
    mention = _mention(doc, span, text, "person", cand.key, sentences, sent_index, source)
    return Mention(**{**mention.__dict__, "titles": titles, "role": role, "refers_to": refers_to})


def _titles_before(doc: Doc, start: int, gaz: Gazetteer) -> tuple[str, ...]:
    out: list[str] = []
    i = start
    while i > 0:
        for length in (3, 2, 1):
            if i - length >= 0 and _title_at(doc, i - length, gaz) == length:
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
    while words and doc[words[0]].lower_ in ("of", "’s", "'s"):
        words.pop(0)
    if words and any(doc[w].lower_.strip(".") in gaz.office_words for w in words):
        return doc[words[0] : words[-1] + 1].text
    # apposition: "Wei Fenghe, China's minister of national defense,"
    k = span.end
    if k < len(doc) and doc[k].text == ",":
        tail = []
        for token in doc[k + 1 : k + 10]:
            if token.text in (",", ".", ";", "“", '"') or token.pos_ == "VERB":
                break
            tail.append(token)
        if tail and any(t.lower_ in gaz.office_words for t in tail):
            return doc[tail[0].i : tail[-1].i + 1].text
    return None


def _body_mention(
    doc: Doc,
    cand: _Candidate,
    tools: Tools,
    sentences: list[Span],
    sent_index: dict[int, int],
    last_body: dict[str, str],
) -> Mention | None:
    """'China's Defense Ministry' → the Chinese ministry; a bare 'Defense Ministry' → the last one."""
    body_id = cand.key.split(":", 1)[1]
    country = _qualifier(doc, cand.start, cand.end, tools.gazetteer)
    if country is None:
        country = last_body.get(body_id)
    if country is None:
        return None
    last_body[body_id] = country
    span = doc[cand.start : cand.end]
    key = f"body:{body_id}@{country.split(':', 1)[1]}"
    return _mention(doc, span, span.text, "organization", key, sentences, sent_index, "rule")


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


_NOT_ORG_ENDINGS = re.compile(
    r"\b(agreement|treaty|accord|pact|convention|initiative|declaration|deal|framework|"
    r"mechanism|strategy|plan|program|programme|act|bill|law|resolution|partnership|exercise|"
    r"operation|region|area|sea|ocean|peninsula|strait|islands?)$",
    re.IGNORECASE,
)
_SHIP_PREFIX = re.compile(r"^(BRP|USS|USNS|HMS|HMAS|HMCS|INS|JS|RFS|ROKS|CNS|KRI)\s")


def _not_an_organization(doc: Doc, span: Span, text: str, gaz: Gazetteer) -> bool:
    """NER 'ORG' spans that are treaties, ships, places, lower-case phrases, or part of a job
    title ('External Affairs' in 'External Affairs Minister', 'Republic of the Congo President')."""
    if _NOT_ORG_ENDINGS.search(text) or _SHIP_PREFIX.match(text) or text[:1].islower():
        return True
    if text.split()[-1].lower() in gaz.office_words:
        return True
    following = doc[span.end] if span.end < len(doc) else None
    return following is not None and following.lower_ in gaz.office_words


def _trim_org(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (
        tokens[-1].text in ("’s", "'s") or tokens[-1].is_punct or tokens[-1].text == "party"
    ):
        tokens.pop()  # "Georgian Dream party" is "Georgian Dream"
    if not tokens:
        return ""
    text = doc_text(tokens)
    if len(text) < 2 or not any(t.text[:1].isupper() for t in tokens):
        return ""
    return text


def doc_text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _mention(
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


_ROLE_REFERENCE = re.compile(
    r"\b[Tt]he ((?:[A-Z][\w.]*|prime|foreign|defen[cs]e|deputy|vice|chief|top|senior|"
    r"finance|interior|trade)\s+){0,2}(?P<office>[a-z]+)\b"
)


def _role_references(
    doc: Doc,
    text: str,
    mentions: list[Mention],
    sentences: list[Span],
    sent_index: dict[int, int],
    gaz: Gazetteer,
) -> list[Mention]:
    """'the prime minister', 'the Pentagon chief': a role after a named holder of it is that
    person, when exactly one person named so far in the article holds such a role."""
    people = [m for m in mentions if m.label == "person"]
    out: list[Mention] = []
    for match in _ROLE_REFERENCE.finditer(text):
        office = match.group("office")
        if office not in gaz.office_words or office in ("officials", "leaders", "ministers"):
            continue
        phrase = match.group(0).lower()
        holders = {
            m.refers_to or m.text
            for m in people
            if m.start < match.start() and _holds(m, office, phrase)
        }
        if len(holders) != 1:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(m.start <= span.start_char < m.end for m in mentions):
            continue
        found = _mention(doc, span, span.text, "person", None, sentences, sent_index, "rule")
        out.append(Mention(**{**found.__dict__, "refers_to": next(iter(holders))}))
    return out


def _holds(person: Mention, office: str, phrase: str) -> bool:
    described = " ".join([*(t.lower() for t in person.titles), (person.role or "").lower()])
    if office not in described:
        return False
    qualifiers = [w for w in phrase.split()[1:-1] if w.islower()]
    return all(q in described for q in qualifiers)


def _cue_mentions(
    doc: Doc,
    text: str,
    tools: Tools,
    sentences: list[Span],
    found: list[Mention],
    sent_index: dict[int, int],
) -> list[Mention]:
    """Issues and unnamed forums signalled by cue phrases (curated, per entry)."""
    out: list[Mention] = []
    for hit in tools.gazetteer.cue_hits(doc):
        label = hit.key.split(":", 1)[0]
        span = doc[hit.start : hit.end]
        cue = _mention(doc, span, span.text, label, hit.key, sentences, sent_index, "cue")
        if label == "issue" and _in_passing(span):
            cue = Mention(**{**cue.__dict__, "passing": True})
        out.append(cue)
    by_sentence: dict[int, set[str]] = {}
    for mention in found:
        if mention.entity_id:
            by_sentence.setdefault(mention.sentence_index, set()).add(mention.entity_id)
    lowered_text = text.lower()
    lowered_sentences = [lowered_text[sent.start_char : sent.end_char] for sent in sentences]
    for key, rules in sorted(tools.gazetteer.list_cues.items()):
        label = key.split(":", 1)[0]
        # plain substring tests first, over the article and then the sentence (most rules
        # fail on their first word); the word-boundary regex only when they pass
        words = [[p.lower() for p in rule if not p.startswith("@")] for rule in rules]
        live = [
            (rule, plain)
            for rule, plain in zip(rules, words, strict=True)
            if all(w in lowered_text for w in plain)
        ]
        for index, sent in enumerate(sentences if live else ()):
            lowered = lowered_sentences[index]
            present = by_sentence.get(index, set())
            for rule, plain in live:
                if plain and (plain[0] not in lowered or not all(w in lowered for w in plain)):
                    continue
                if all(_cue_part_present(part, lowered, present) for part in rule):
                    out.append(
                        _mention(
                            doc, sent, " + ".join(rule), label, key, sentences, sent_index, "cue"
                        )
                    )
                    break
    return out


def _cue_part_present(part: str, lowered: str, present: set[str]) -> bool:
    if part.startswith("@"):
        ref = part[1:]
        return any(k.split(":", 1)[1] == ref for k in present)
    # a word of a list cue stands in its plural too ("missile" in "shells and missiles")
    return re.search(rf"(?<!\w){re.escape(part.lower())}(?:s|es)?(?!\w)", lowered) is not None


#: Subordinators and prepositions of a time clause: what stands in one is background.
_TIME_WORDS = {"after", "before", "since", "until", "till", "once"}
#: Conjuncts from which a coordination is a list of topics ("energy, minerals, health and ...").
LIST_ITEMS = 3


def _in_passing(span: Span) -> bool:
    """An issue cue said in passing: a common noun in a list of three or more ('cooperation on
    clean energy, critical minerals, health and education': areas, not issues — a named one, 'the
    South China Sea, Ukraine and the Korean Peninsula', is still an issue), or a cue inside a
    time clause ('the visit comes days after Trump won the election')."""
    root = span.root
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    items = 1 + sum(1 for t in top.subtree if t.dep_ == "conj" and _conj_chain(t, top))
    if items >= LIST_ITEMS and span.text.islower():
        return True
    for ancestor in root.ancestors:  # up to the clause the cue stands in, no further
        if ancestor.dep_ == "prep" and ancestor.lower_ in _TIME_WORDS:
            return True  # "since the election"
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in _TIME_WORDS for c in ancestor.children
            )
    return False


def _conj_chain(token: Token, top: Token) -> bool:
    """The token is a conjunct of ``top`` (directly or through other conjuncts)."""
    while token.dep_ == "conj" and token.i != top.i:
        token = token.head
    return token.i == top.i
