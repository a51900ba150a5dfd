"""The theme's compiled templates, kept across the rebuilds of ``mkdocs serve``.

MkDocs makes the theme's Jinja2 environment anew for every build, so each rebuild compiled the
theme's templates again: Material's ~30 templates took about 1.5 s of a rebuild at 1,000
articles. The plugin hands every build's environment this cache of their bytecode, which Jinja2
uses only while a template's source is the same (its bucket checks a digest of the source), so
an edited template is compiled again and any theme works as before.
"""

from __future__ import annotations

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
