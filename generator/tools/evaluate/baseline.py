"""Seeds folders for evaluation, and the plain-spaCy NER baseline on the same texts."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator import names, yamlio
from generator.tools.evaluate.gold import load_gold
from generator.tools.evaluate.match import REPO, _org_form
from generator.tools.evaluate.predict import PredictedEntity, Prediction
from generator.tools.evaluate.score import Report, score


def default_curated(seeds: Path) -> Path:
    """``<seeds>/curated`` when it exists, else ``seeds/curated`` (here, then in the repository)."""
    for candidate in (seeds / "curated", Path("seeds/curated"), REPO / "seeds" / "curated"):
        if candidate.is_dir():
            return candidate
    return seeds / "curated"


@contextlib.contextmanager
def prepared_seeds(seeds: Path, curated: Path | None = None) -> Iterator[Path]:
    """A seeds folder with ``articles/`` from ``seeds`` and ``curated/`` from ``curated``.

    When ``seeds`` already has that curated folder it is used as it is. Otherwise a temporary seeds
    folder is made: the articles are copied (ingest refuses files that link outside the seeds folder)
    and the curated folder is linked (copied where links are not allowed).
    """
    seeds = Path(seeds)
    curated = Path(curated) if curated is not None else default_curated(seeds)
    if not (seeds / "articles").is_dir():
        raise FileNotFoundError(f"no articles/ folder in {seeds}")
    own = seeds / "curated"
    if own.is_dir() and own.resolve() == curated.resolve():
        yield seeds
        return
    if not curated.is_dir():
        raise FileNotFoundError(f"curated folder not found: {curated}")
    with tempfile.TemporaryDirectory(prefix="dossier-eval-") as tmp:
        root = Path(tmp)
        shutil.copytree(seeds / "articles", root / "articles")
        try:
            (root / "curated").symlink_to(curated.resolve(), target_is_directory=True)
        except OSError:
            shutil.copytree(curated, root / "curated")
        yield root


def build_records(seeds: Path, curated: Path | None = None, model: str | None = None, tools=None):
    """Build the records (no pages) of a seeds folder; returns the ``BuildResult``."""
    from generator.build import build
    from generator.config import BuildConfig, model_name

    with prepared_seeds(seeds, curated) as folder:
        return build(
            BuildConfig(seeds=folder, model=model_name(model)), tools=tools, with_pages=False
        )


# --- baseline: plain spaCy NER ---------------------------------------------------------------------


def _strip_the(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text.lower().startswith("the ") else text


def _cluster_people(texts: list[str]) -> list[PredictedEntity]:
    """Distinct PERSON strings as people; a name whose key lies inside exactly one longer name's key
    ('Austin' in 'Lloyd Austin') is folded into it, as any reader would."""
    by_key: dict[frozenset[str], list[str]] = {}
    for text in texts:
        k = names.key(names.strip_possessive(text))
        if k:
            by_key.setdefault(k, []).append(names.strip_possessive(text))
    keys = sorted(by_key, key=lambda k: (-len(k), sorted(k)))
    owner: dict[frozenset[str], frozenset[str]] = {}
    for k in keys:
        bigger = [b for b in keys if len(b) > len(k) and k < b and owner.get(b) == b]
        owner[k] = bigger[0] if len(bigger) == 1 else k
    groups: dict[frozenset[str], list[str]] = {}
    for k in keys:
        groups.setdefault(owner[k], []).extend(by_key[k])
    return [
        PredictedEntity(" ".join(sorted(k)), tuple(dict.fromkeys(sorted(v, key=lambda n: -len(n)))))
        for k, v in groups.items()
    ]


def _curated_lookup(curated: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Country names/aliases/demonyms -> id; forum names/aliases (casefolded) -> id."""
    countries: dict[str, str] = {}
    forums: dict[str, str] = {}
    path = curated / "countries.yml"
    if path.is_file():
        for entry in (yamlio.load(path.read_text(encoding="utf-8")) or {}).get("countries") or []:
            for n in [entry["name"], *(entry.get("aliases") or []), *(entry.get("demonyms") or [])]:
                countries.setdefault(n.casefold(), entry["id"])
    path = curated / "forums.yml"
    if path.is_file():
        for entry in (yamlio.load(path.read_text(encoding="utf-8")) or {}).get("forums") or []:
            for n in [entry["name"], *(entry.get("aliases") or [])]:
                forums.setdefault(n.casefold(), entry["id"])
    return countries, forums


def baseline_predictions(
    seeds: Path, curated: Path | None = None, model: str | None = None
) -> dict[str, Prediction]:
    """Plain spaCy NER on the article texts (front matter off, nothing else cleaned, no registry)."""
    from generator.config import DEFAULT_MAX_ARTICLE_BYTES, model_name
    from generator.ingest import ingest

    curated = Path(curated) if curated is not None else default_curated(Path(seeds))
    countries, forums = _curated_lookup(curated)
    sources, _ = ingest(Path(seeds), DEFAULT_MAX_ARTICLE_BYTES)
    nlp = _plain_model(model_name(model))
    out: dict[str, Prediction] = {}
    for source, doc in zip(sources, nlp.pipe(s.text for s in sources), strict=True):
        pred = Prediction(path=source.path, article_id=source.id, has_metadata=False)
        people: list[str] = []
        orgs: dict[str, str] = {}
        for ent in doc.ents:
            text = " ".join(ent.text.split())
            used = False
            if ent.label_ == "PERSON":
                people.append(text)
                used = True
            elif ent.label_ == "GPE":
                ident = countries.get(_strip_the(text).casefold())
                if ident:
                    pred.countries.add(ident)
                    used = True
            elif ent.label_ in ("ORG", "NORP", "FAC", "EVENT"):
                ident = forums.get(text.casefold()) or forums.get(_strip_the(text).casefold())
                if ident:
                    pred.forums.add(ident)
                    used = True
                elif ent.label_ == "ORG":
                    orgs.setdefault(_org_form(text), _strip_the(text))
                    used = True
            if used:
                pred.texts.append((f"{ent.label_} {text!r} sentence", ent.sent.text))
                pred.texts.append((f"{ent.label_} name", text))
        pred.people = _cluster_people(people)
        pred.organizations = [PredictedEntity(k, (v,)) for k, v in orgs.items() if k]
        out[pred.path] = pred
    return out


def _plain_model(name: str):
    import spacy

    return spacy.load(name)


def evaluate_baseline(
    seeds: Path, gold_dir: Path | str, curated: Path | None = None, model: str | None = None
) -> Report:
    return score(
        baseline_predictions(seeds, curated, model), load_gold(Path(gold_dir)), "spaCy NER"
    )


# --- output -----------------------------------------------------------------------------------------
