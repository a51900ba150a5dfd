"""The theme's compiled templates, kept across the rebuilds of ``mkdocs serve``.

MkDocs makes the theme's Jinja2 environment anew for every build, so each rebuild compiled the
theme's templates again: Material's ~30 templates took about 1.5 s of a rebuild at 1,000
articles. The plugin hands every build's environment this cache of their bytecode, which Jinja2
uses only while a template's source is the same (its bucket checks a digest of the source), so
an edited template is compiled again and any theme works as before.

The theme's files are kept too (:class:`KeptListing`): MkDocs lists every file of the theme's
folders again each build to copy its static ones (Jinja2's ``list_templates``, Material's
~14,500 files with its icons, about a third of MkDocs' own time in a rebuild at 1,000 articles).
A theme installed outside the project does not change while ``serve`` runs, so its listing is
kept; a theme folder inside the project (``custom_dir``) is listed again every build.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache


class KeptBytecode(BytecodeCache):
    """Compiled templates in memory, by Jinja2's key (the template's name and file)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # discarded by the bucket if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


class KeptListing:
    """The files of a theme's folders as ``list_templates`` gave them, by the folders, the
    filter (MkDocs' own, by its code) and what that filter reads of the config."""

    def __init__(self) -> None:
        self._lists: dict[tuple, list[str]] = {}

    def attach(self, env: jinja2.Environment, dirs: list[str], project: Path, read: tuple) -> None:
        """Make ``env`` list its templates from this cache when every folder of the theme is
        outside ``project``; ``read``: what the caller's filter depends on besides its code."""
        if any(Path(d).resolve().is_relative_to(project) for d in dirs):
            return  # a folder the writer edits: listed each build
        listing = env.list_templates

        def kept(extensions=None, filter_func: Callable[[str], bool] | None = None) -> list[str]:
            code = getattr(filter_func, "__code__", filter_func)
            key = (tuple(dirs), tuple(extensions or ()), code, read)
            found = self._lists.get(key)
            if found is None:
                found = self._lists[key] = listing(extensions, filter_func)
            return list(found)

        env.list_templates = kept  # type: ignore[method-assign]
