"""Aggregate: merge every article's linked mentions into entities, events and article records.

Everything is decided here, before anything is written: provisional people become one entity per
person across spellings, ids are minted (unique per folder, stable across builds), events reported
by several articles are merged, and disagreements between sources are kept as claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from generator import names
from generator.aggregate.acronyms import acronym_keys
from generator.aggregate.auto_issues import auto_issue_slots, candidate_groups
from generator.aggregate.events import merge_events
from generator.aggregate.incremental import KeptAggregate
from generator.aggregate.name_types import (
    is_evidence_only,
    people_read_as_organizations,
    ruled_out,
    settles_across_articles,
    typed_forms,
)
from generator.aggregate.relations import build_graph
from generator.aggregate.roles import TitleNormalizer, add_title_disagreements
from generator.aggregate.variants import name_variants
from generator.curated.registry import Registry
from generator.data import (
    ArticleRecord,
    CandidateIssue,
    Corpus,
    Entity,
    EntityMention,
    EntityType,
    LinkedArticle,
    LinkedMention,
    Problem,
    QuoteRecord,
    ReviewItem,
    Role,
    entity_key,
    split_key,
)
from generator.extract.name_types import is_place
from generator.paths import FOLDERS
from generator.slugs import is_safe, slug, unique

#: Entities below this confidence go to the review page instead of the site's sections.
PUBLISH_CONFIDENCE = 0.5
#: A lone surname after an honorific ('Mr Kilroy-Silk') that names no one else: a person.
TITLED_NAME_CONFIDENCE = 0.9
MAX_SENTENCES = 5


def aggregate(
    linked: list[LinkedArticle],
    registry: Registry,
    problems: list[Problem],
    kept: KeptAggregate | None = None,
) -> Corpus:
    """The corpus of ``linked``. With ``kept`` (a process that builds again: ``mkdocs serve``),
    an entity or article record made of the same inputs as in the last build is its object."""
    linked = sorted(linked, key=lambda a: a.article.id)
    if kept is not None:
        kept.start(registry.digest)
    variants = name_variants(linked, registry)  # 'Aizaz Chaudhry' is 'Aizaz Ahmad Chaudhry'
    rekey = {
        **acronym_keys(linked),  # "RSF" where another article defined it
        **variants,
        **people_read_as_organizations(linked, variants),
        **_settle_people(linked, _honorifics(registry), variants),
    }
    review: list[ReviewItem] = []
    by_key: dict[str, dict] = {}
    typed = typed_forms(linked)
    for art in linked:
        for lm in art.mentions:
            key = rekey.get(lm.key, lm.key)
            if is_evidence_only(lm.mention):
                continue  # a place, work or group: it tells what a name is, it is no entity
            if key.startswith("person:?"):
                review.append(_unresolved(lm, art))
                continue
            slot = by_key.get(key)
            if slot is None:  # not setdefault: that would build a new slot for every mention
                slot = by_key[key] = {
                    "variants": Counter(),
                    "mentions": defaultdict(list),
                    "confidence": 0.0,
                    "roles": [],
                    "titled": False,
                }
            if lm.mention.source != "cue":
                slot["variants"][lm.mention.refers_to or lm.mention.text] += 1
                if lm.mention.refers_to and _alias_worthy(lm.mention.text):
                    slot["variants"][lm.mention.text] += 0  # keep as an alias
            slot["mentions"][art.article.id].append(lm.mention.sentence)
            slot["confidence"] = max(slot["confidence"], lm.confidence)
            if key == "person:~" + lm.key.removeprefix("person:?"):
                slot["confidence"] = max(slot["confidence"], TITLED_NAME_CONFIDENCE)
            slot["titled"] = slot["titled"] or bool(lm.mention.titles)
            if lm.mention.role:
                slot["roles"].append(Role(lm.mention.role, art.article.id, lm.mention.sentence))
    for key in [k for k in by_key if k.startswith("person:~")]:
        if ruled_out(by_key[key]["variants"], by_key[key]["titled"], typed):
            del by_key[key]  # a party, place or group the corpus shows is no person
    groups = candidate_groups(linked)
    for key, slot in auto_issue_slots(linked, groups).items():
        by_key.setdefault(key, slot)  # a place topic of the same words keeps its own evidence
    ids = _mint_ids(by_key, registry)
    dates = {a.article.id: a.article.published for a in linked}
    entities = []
    fresh = []  # made now, not taken from the last build: their title disagreements to add
    for key in sorted(by_key):
        slot = by_key[key]

        def make(key: str = key, slot: dict = slot) -> Entity:
            return _entity(key, ids[key], slot, registry)

        entity, made = kept.entity(key, ids[key], slot, dates, make) if kept else (make(), True)
        if entity.confidence < PUBLISH_CONFIDENCE:
            review.append(
                ReviewItem(
                    kind="low confidence",
                    type=entity.type.value,
                    name=entity.name,
                    confidence=entity.confidence,
                    articles=[m.article for m in entity.mentions],
                    evidence=entity.mentions[0].sentences[:1],
                )
            )
            continue
        entities.append(entity)
        if made:
            fresh.append(entity)
    titles = TitleNormalizer.from_registry(registry)
    add_title_disagreements(fresh, dates, titles)
    published = {e.key: e for e in entities}
    id_of = {k: e.id for k, e in published.items()}
    events = merge_events(linked, rekey, id_of, published, registry)
    events_of: dict[str, list[str]] = defaultdict(list)  # article id → its events' ids
    for event in events:
        for article_id in event.articles:
            events_of[article_id].append(event.id)
    for group in groups:  # from the issue's key to its id, as the records name it
        group.issue = id_of.get(group.issue) if group.issue else None
    articles = []
    for art in linked:
        event_ids = events_of.get(art.article.id, [])

        def record(art: LinkedArticle = art, event_ids: list[str] = event_ids) -> ArticleRecord:
            return _article_record(art, rekey, published, event_ids, groups)

        if kept is None:
            articles.append(record())
        else:
            inputs = article_inputs(art, rekey, published, event_ids, groups)
            articles.append(kept.article(art, inputs, record))
    corpus = Corpus(
        articles=articles,
        entities=entities,
        events=events,
        review=review,
        problems=problems,
        titles=titles,
        issue_candidates=groups,
    )
    corpus.relations = build_graph(corpus)
    return corpus


def _alias_worthy(short: str) -> bool:
    """A short form worth listing as another name of the person it stands for ('Austin' for
    'Lloyd Austin'); a role phrase ('the prime minister') is not one."""
    return short[:1].isupper() and short.split()[0].casefold() not in ("the", "a", "an")


def _honorifics(registry: Registry) -> set[str]:
    """Honorifics as written ('Mr', 'Sir'; not 'DR' in 'DR Congo'): only a person has one. Not
    ranks: 'General' also opens 'General Assembly'."""
    return set(registry.titles.get("honorifics", []))


def _settle_people(
    linked: list[LinkedArticle], honorifics: set[str], variants: dict[str, str]
) -> dict[str, str]:
    """Map provisional lone-word person keys to one key per person across the corpus (full
    names already joined by ``variants``); a lone word named no other way in the corpus is a
    person of its own after an honorific ('Mr Kilroy-Silk')."""
    name_of: dict[str, str] = {}  # provisional or curated key -> a full name it was written as
    parts_index: dict[str, set[str]] = defaultdict(set)
    titled: set[str] = set()  # lone-word keys some mention of which has a title ('Mr Hamilton')
    acting: set[str] = set()  # lone-word keys some mention of which says or meets ('Saied said')
    tied: set[tuple[str, str]] = set()  # (word, key): an article used the word for that person
    for art in linked:
        for lm in art.mentions:
            if lm.key.startswith("person:") and not lm.key.startswith("person:?"):
                key = variants.get(lm.key, lm.key)
                name = lm.mention.refers_to or lm.mention.text
                if names.is_full(name):
                    name_of.setdefault(key, name)
                for part in names.parts(name):
                    parts_index[part].add(key)
                if lm.mention.refers_to and not names.is_full(lm.mention.text):
                    tied.add((names.lone(lm.mention.text), key))
            elif lm.key.startswith("person:?") and (
                set(lm.mention.titles) & honorifics or _with_initials(lm.mention.text)
            ):
                titled.add(lm.key)  # 'Mr Kilroy-Silk', 'T C A Raghavan': a person's name
            elif lm.key.startswith("person:?") and lm.mention.acts:
                acting.add(lm.key)  # 'Saied said': a surname the article names no other way
    rekey: dict[str, str] = {}
    for art in linked:
        for lm in art.mentions:
            if lm.key.startswith("person:?") and lm.key not in rekey:
                word = lm.key.removeprefix("person:?")
                owners = parts_index.get(word, set())
                if not owners and lm.key in titled:
                    rekey[lm.key] = "person:~" + word  # 'Mr Kilroy-Silk', named no other way
                elif not owners and lm.key in acting and not is_place(word):
                    rekey[lm.key] = "person:~" + word  # 'Saied said', and no city that speaks
                if len(owners) != 1:
                    continue
                owner = next(iter(owners))
                if settles_across_articles(
                    word, name_of.get(owner, word), lm.key in titled, (word, owner) in tied
                ):
                    rekey[lm.key] = owner
    return rekey


def _with_initials(text: str) -> bool:
    """'T C A Raghavan', 'J. Smith': initials before one name word, a form only a person's name
    takes."""
    words = text.split()
    return len(words) > 1 and all(len(w.rstrip(".")) == 1 and w[:1].isupper() for w in words[:-1])


def _unresolved(lm: LinkedMention, art: LinkedArticle) -> ReviewItem:
    return ReviewItem(
        kind="unresolved name",
        type=lm.mention.label,
        name=lm.mention.text,
        confidence=lm.confidence,
        articles=[art.article.id],
        evidence=[lm.mention.sentence],
    )


def _mint_ids(by_key: dict[str, dict], registry: Registry) -> dict[str, str]:
    """Curated entities keep their ids; new ones get a slug of their name, made unique. An id
    that is not a safe path segment (the schema's ``$`` lets ``"x\\n"`` through) is minted anew."""
    ids: dict[str, str] = {}
    taken: dict[str, set[str]] = defaultdict(set)
    for key in sorted(by_key):
        kind, ident = split_key(key)
        if not ident.startswith(("~", "?")) and is_safe(ident):
            ids[key] = ident
            taken[kind].add(ident)
    for key in sorted(by_key):
        if key in ids:
            continue
        kind = split_key(key)[0]
        name = _display_name(key, by_key[key], registry)
        base = slug(names.id_base(name) if kind == "person" else name)
        ids[key] = unique(base, taken[kind], key)
        taken[kind].add(ids[key])
    return ids


def _display_name(key: str, slot: dict, registry: Registry) -> str:
    curated = registry.get(key)
    if curated is not None:
        return curated.name
    if key.startswith("organization:") and "-" in key and not split_key(key)[1].startswith("~"):
        return _body_name(key, registry)
    variants = list(slot["variants"].items())
    if not variants:
        return split_key(key)[1].lstrip("~?")
    if key.startswith("person:"):
        return names.display_choice(variants)
    name = sorted(variants, key=lambda v: (-v[1], -len(v[0]), v[0]))[0][0]
    if key.startswith("issue:~"):
        return name[:1].upper() + name[1:]  # a heading: "Fuel levy bill", as the taxonomy's
    return name


def _body_name(key: str, registry: Registry) -> str:
    """'organization:japan-defense-ministry' → 'Ministry of Defense (Japan)'."""
    ident = split_key(key)[1]
    for body in registry.bodies:
        if ident.endswith("-" + body["id"]):
            country_id = ident[: -len(body["id"]) - 1]
            country = registry.get(entity_key("country", country_id))
            return f"{body['name']} ({country.name if country else country_id})"
    return ident


def _entity(key: str, ident: str, slot: dict, registry: Registry) -> Entity:
    kind = EntityType(split_key(key)[0])
    curated = registry.get(key)
    name = _display_name(key, slot, registry)
    aliases = set(slot["variants"]) | set(curated.aliases if curated else [])
    aliases = {a for a in aliases if a.casefold() != name.casefold() or a == name} - {name}
    mentions = [
        EntityMention(article=a, count=len(s), sentences=list(dict.fromkeys(s))[:MAX_SENTENCES])
        for a, s in sorted(slot["mentions"].items())
    ]
    confidence = 1.0 if curated else slot["confidence"]
    if kind is EntityType.PERSON and not curated and sum(m.count for m in mentions) >= 2:
        confidence = max(confidence, 0.9)
    country = curated.get("country") if curated else None
    if curated is None and kind is EntityType.ORGANIZATION and "-" in ident:
        for body in registry.bodies:  # a minted id is a slug: "japan-defense-ministry"
            if ident.endswith("-" + body["id"]):
                country = ident[: -len(body["id"]) - 1]
    extra = {}
    if curated:
        for field_name in ("native_name", "wikidata", "kind", "members", "parent", "iso"):
            if curated.get(field_name) is not None:
                extra[field_name] = curated.get(field_name)
        for role in curated.get("roles", []) or []:
            slot["roles"].insert(0, Role(role["title"], "", "", role.get("from")))
    roles = _dedupe_roles(slot["roles"])
    return Entity(
        key=key,
        id=ident,
        type=kind,
        name=name,
        aliases=sorted(aliases, key=lambda a: (a.casefold(), a)),
        mentions=mentions,
        confidence=round(confidence, 2),
        curated=curated is not None,
        description=curated.get("description") if curated else None,
        country=country,
        roles=roles,
        extra=extra,
    )


def _dedupe_roles(roles: list[Role]) -> list[Role]:
    seen: dict[tuple[str, str], Role] = {}
    for role in roles:
        seen.setdefault((role.title.casefold(), role.article), role)
    return list(seen.values())


def article_inputs(
    art: LinkedArticle,
    rekey: dict[str, str],
    published: dict[str, Entity],
    event_ids: list[str],
    groups: list[CandidateIssue],
) -> tuple:
    """Everything ``_article_record`` reads besides the linked article itself: under
    ``mkdocs serve`` the last build's record of the same linked article is taken when these
    are the same (``aggregate.incremental``). Keep the two together."""
    own = {c.key for c in art.issue_candidates}
    issues = sorted(g.issue for g in groups if g.issue and g.key in own)
    # one flat tuple of strings, compared in C: each mention's and quote's entity by its key
    # ("" for none), then the issues and events, each part after its length
    keys = [rekey.get(lm.key, lm.key) for lm in art.mentions]
    keys += [rekey.get(q.speaker, q.speaker) for q in art.quotes]
    found = [published.get(key) for key in keys]
    entities = [f"{e.type.value}:{e.id}" if e is not None else "" for e in found]
    events = sorted(set(event_ids))
    return (str(len(art.mentions)), *entities, str(len(issues)), *issues, *events)


def _article_record(
    art: LinkedArticle,
    rekey: dict[str, str],
    published: dict[str, Entity],
    event_ids: list[str],
    groups: list[CandidateIssue],
) -> ArticleRecord:
    by_folder: dict[str, set[str]] = {folder: set() for folder in FOLDERS.values()}
    own = {c.key for c in art.issue_candidates}
    by_folder[FOLDERS[EntityType.ISSUE]].update(g.issue for g in groups if g.issue and g.key in own)
    spans = []
    for lm in art.mentions:
        entity = published.get(rekey.get(lm.key, lm.key))
        if entity is None:
            continue
        folder = FOLDERS[entity.type]
        by_folder[folder].add(entity.id)
        if lm.mention.source != "cue":
            spans.append((lm.mention.start, lm.mention.end, folder, entity.id))
    quotes: list[QuoteRecord] = []
    for q in art.quotes:
        speaker = published.get(rekey.get(q.speaker, q.speaker))
        if speaker is not None:
            quotes.append(
                QuoteRecord(
                    speaker=speaker.id, text=q.text, sentence=q.sentence, fragment=q.fragment
                )
            )
    return ArticleRecord(
        article=art.article,
        entities={folder: sorted(ids) for folder, ids in by_folder.items()},
        quotes=quotes,
        events=sorted(set(event_ids)),
        mention_spans=sorted(set(spans)),
        issue_candidates=list(art.issue_candidates),
    )
