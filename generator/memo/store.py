"""The extraction cache: what the NER model said about each article, kept between builds.

Two layers, both on disk under one folder (default ``<seeds>/../.cache/dossier/``):

``docs/``
    The spaCy ``Doc`` of an article body as ``DocBin`` bytes, keyed by the SHA-256 of the cleaned
    body and everything that shapes the Doc: the model (name, package version, spaCy version, the
    pipeline's components), the code that loads and adjusts the pipeline (``generator/extract/model.py``)
    and the title abbreviations it was taught. It does not depend on the rest of the curated data, so an edit to
    ``people.yml`` re-runs the cheap rule part (``extract_doc``) on these Docs but never the model.
``extractions/``
    The whole ``Extraction`` of an article (pickled, with its clean article), keyed by the source
    file as read, the model, the curated data's hash (``Registry.digest``), ``generator.__version__``
    and the fingerprint of the code that cleans and extracts (``EXTRACTION_CODE`` and everything it
    imports, see ``fingerprint.py``). A fully warm rebuild reads these and
    neither cleans the articles again nor loads or runs the model or the rules.

Every entry is written atomically (a temporary file in the same folder, then ``os.replace``) and
carries a checksum; an entry that does not load (truncated, corrupt, from another spaCy) is ignored,
deleted and rebuilt. Nothing is ever evicted: delete the folder to reclaim the space.

``DOSSIER_CACHE=off`` (or ``BuildConfig(cache_dir=None)``) disables the cache;
``DOSSIER_CACHE_DIR`` (or ``BuildConfig(cache_dir=...)``) moves it; see ``config.resolve_cache_dir``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from generator import __version__
from generator.data import Extraction, SourceFile
from generator.memo.fingerprint import code_fingerprint

log = logging.getLogger("dossier")

#: Bump when the layout or the envelope of entries changes.
CACHE_FORMAT = 1
_MAGIC = b"DOSSIER-CACHE\x01"
_CHECK = 16  # bytes of SHA-256 kept as the checksum of an entry's payload
#: Token attributes kept in a cached Doc: everything extract_doc, quotes and events read.
DOC_ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS",
             "SENT_START")  # fmt: skip


def sha256(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


#: The code an extraction depends on: cleaning and extraction, and all they import.
EXTRACTION_CODE = ("generator.clean", "generator.extract")
#: The code a Doc depends on besides the model: how the pipeline is loaded and adjusted.
DOC_CODE = ("generator.extract.model",)


def model_fingerprint(name: str) -> str:
    """The model's identity without loading it: package name and version, or the meta and config
    of a pipeline folder, and the spaCy version that runs it."""
    version = spacy.util.get_package_version(name) if spacy.util.is_package(name) else None
    if version:
        ident = f"{name}=={version}"
    else:
        folder = Path(name)
        files = [folder / "meta.json", folder / "config.cfg"]
        ident = sha256(name, *(p.read_bytes() for p in files if p.is_file()))
    return f"{ident};spacy=={spacy.__version__}"


def doc_fingerprint(nlp: Language, model: str, abbreviations: tuple[str, ...]) -> str:
    """Everything besides the text that decides the Doc a pipeline makes."""
    return sha256(
        str(CACHE_FORMAT),
        model_fingerprint(model),
        f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        ",".join(nlp.pipe_names),
        ",".join(sorted(abbreviations)),
        code_fingerprint(*DOC_CODE),
        ",".join(DOC_ATTRS),
    )


def doc_to_bytes(doc: Doc) -> bytes:
    """A Doc as the Doc layer stores it."""
    docbin = DocBin(attrs=DOC_ATTRS, store_user_data=False)
    docbin.add(doc)
    return docbin.to_bytes()


def doc_from_bytes(payload: bytes, nlp: Language) -> Doc:
    """The Doc of a ``doc_to_bytes`` payload, in ``nlp``'s vocabulary; raises if it is none."""
    docs = list(DocBin(attrs=DOC_ATTRS).from_bytes(payload).get_docs(nlp.vocab))
    if len(docs) != 1:
        raise ValueError(f"{len(docs)} docs in one entry")
    return docs[0]


@dataclass
class CacheStats:
    extraction_hits: int = 0
    memory_hits: int = 0  # of the extraction hits, those the last build in this process kept
    extraction_misses: int = 0
    doc_hits: int = 0
    doc_misses: int = 0
    corrupt: int = 0
    writes: int = 0
    errors: list[str] = field(default_factory=list)


class ExtractionCache:
    """The two cache layers under one folder."""

    def __init__(self, root: Path, code: str | None = None) -> None:
        self.root = Path(root)
        self.stats = CacheStats()
        #: the fingerprint of the extraction code (``EXTRACTION_CODE``), derived once per cache
        self.code = code if code is not None else code_fingerprint(*EXTRACTION_CODE)

    # --- keys -------------------------------------------------------------------------------

    def extraction_context(self, registry_digest: str, model: str) -> str:
        return sha256(
            str(CACHE_FORMAT),
            __version__,
            self.code,
            model_fingerprint(model),
            registry_digest,
        )

    @staticmethod
    def extraction_key(source: SourceFile, context: str) -> str:
        # The whole source file as read (path, text, front matter): the clean article, and so the
        # extraction, follow from it, the curated boilerplate and the code, all in the context.
        return sha256(context, repr(source))

    @staticmethod
    def doc_context(nlp: Language, model: str, abbreviations: tuple[str, ...]) -> str:
        return doc_fingerprint(nlp, model, abbreviations)

    @staticmethod
    def doc_key(body: str, context: str) -> str:
        return sha256(context, body)

    # --- the extraction layer ---------------------------------------------------------------

    def get_extraction(self, source: SourceFile, key: str) -> Extraction | None:
        """The extraction stored under ``key`` (``extraction_key(source, context)``), if any."""
        path = self._path("extractions", key, ".pickle")
        payload = self._read(path)
        if payload is not None:
            try:
                extraction = pickle.loads(payload)
                if not isinstance(extraction, Extraction) or extraction.article.source != source:
                    raise ValueError("not this article's extraction")
            except Exception as exc:
                self._corrupt(path, exc)
            else:
                self.stats.extraction_hits += 1
                return extraction
        self.stats.extraction_misses += 1
        return None

    def put_extraction(self, extraction: Extraction, key: str) -> None:
        payload = pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(self._path("extractions", key, ".pickle"), payload)

    # --- the Doc layer ----------------------------------------------------------------------

    def has_doc(self, key: str) -> bool:
        return self._path("docs", key, ".spacy").is_file()

    def get_doc(self, key: str, nlp: Language) -> Doc | None:
        payload = self.get_doc_bytes(key)
        if payload is None:
            return None
        try:
            doc = doc_from_bytes(payload, nlp)
        except Exception as exc:
            self.unreadable_doc(key, exc)
            return None
        self.stats.doc_hits += 1
        return doc

    def put_doc(self, key: str, doc: Doc) -> None:
        self.put_doc_bytes(key, doc_to_bytes(doc))

    # The Doc layer as bytes, for a client whose workers hold the model (``extract.dask_client``):
    # it reads and writes the entries, the workers turn them into Docs and back.

    def get_doc_bytes(self, key: str) -> bytes | None:
        """The stored ``doc_to_bytes`` payload under ``key`` (checksum checked), if any; the hit is
        counted by whoever turns it into a Doc."""
        payload = self._read(self._path("docs", key, ".spacy"))
        if payload is None:
            self.stats.doc_misses += 1
        return payload

    def put_doc_bytes(self, key: str, payload: bytes) -> None:
        self._write(self._path("docs", key, ".spacy"), payload)

    def unreadable_doc(self, key: str, exc: Exception) -> None:
        """The entry under ``key`` passed its checksum but is no Doc (another spaCy): dropped."""
        self._corrupt(self._path("docs", key, ".spacy"), exc)
        self.stats.doc_misses += 1

    # --- the rendered-records layer ---------------------------------------------------------

    def get_rendered(self, context: str) -> dict[str, str]:
        """The YAML text of each record of the last build, keyed by a hash of its JSON text
        (``records.render_all``); empty when there is none or it was made by other code."""
        payload = self._read(self._path("records", "rendered", ".pickle"))
        if payload is None:
            return {}
        try:
            saved_context, memo = pickle.loads(payload)
            if not isinstance(memo, dict):
                raise ValueError("not a record memo")
        except Exception as exc:
            self._corrupt(self._path("records", "rendered", ".pickle"), exc)
            return {}
        return memo if saved_context == context else {}

    def put_rendered(self, context: str, memo: dict[str, str]) -> None:
        payload = pickle.dumps((context, memo), protocol=pickle.HIGHEST_PROTOCOL)
        self._write(self._path("records", "rendered", ".pickle"), payload)

    # --- files ------------------------------------------------------------------------------

    def _path(self, layer: str, key: str, suffix: str) -> Path:
        return self.root / f"v{CACHE_FORMAT}" / layer / key[:2] / f"{key}{suffix}"

    def _read(self, path: Path) -> bytes | None:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        head = len(_MAGIC) + _CHECK
        payload = data[head:]
        if (
            data[: len(_MAGIC)] != _MAGIC
            or data[len(_MAGIC) : head] != hashlib.sha256(payload).digest()[:_CHECK]
        ):
            self._corrupt(path, ValueError("bad header or checksum"))
            return None
        return payload

    def _write(self, path: Path, payload: bytes) -> None:
        data = _MAGIC + hashlib.sha256(payload).digest()[:_CHECK] + payload
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a read-only or full disk costs speed, never the build
            if not self.stats.errors:
                log.warning("extraction cache: cannot write %s: %s", path, exc)
            self.stats.errors.append(str(exc))
            return
        self.stats.writes += 1

    def _corrupt(self, path: Path, exc: Exception) -> None:
        self.stats.corrupt += 1
        log.debug("extraction cache: ignoring unreadable entry %s (%s)", path, exc)
        path.unlink(missing_ok=True)
