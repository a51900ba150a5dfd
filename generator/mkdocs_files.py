"""The generated files of the site, and which of them changed since the plugin's last build.

MkDocs counts every generated file (``File.generated``) as modified, so even ``mkdocs serve
--dirty`` renders every generated page again after any edit: at 1,000 articles, about 7,000 pages
and two and a half minutes. A :class:`GeneratedFile` is modified only when its content differs
from what the same plugin gave the last build (``mkdocs serve`` keeps its plugins across
rebuilds), so a dirty rebuild renders the pages an edit changed and copies the records it
changed, and leaves the rest as they are in the site folder.
"""

from __future__ import annotations

from mkdocs.structure.files import File, InclusionLevel


class GeneratedFile(File):
    """A generated file that knows whether its content changed since the last build."""

    changed: bool = True
    #: (src_uri, whether it is a Markdown page): MkDocs asks each of ~26,000 files six times
    #: a build at 1,000 articles (its listings of pages and static files), ~0.1 s a rebuild
    _page_kind: tuple[str, bool] | None = None

    def is_modified(self) -> bool:
        return self.changed

    def is_documentation_page(self) -> bool:
        kind = self._page_kind
        if kind is None or kind[0] is not self.src_uri:
            kind = self._page_kind = (self.src_uri, super().is_documentation_page())
        return kind[1]


class ChangeTracker:
    """The content of each generated file in the last build, owned by the plugin. Compared as
    it is rather than by a digest: the pages and the graph's files a rebuild takes from the last
    are the same objects (``generator.render.reuse``), and two texts compare in C without being
    encoded; at 1,000 articles digesting the ~22,000 files cost about a second a rebuild."""

    def __init__(self) -> None:
        self._last: dict[str, str | bytes] = {}
        #: each file as the last build had it, and what it was made under (its folder and URL
        #: style): a rebuild hands MkDocs the same ``File`` for the same content object (the
        #: records, pages and graph files a rebuild takes from the last build are), as making
        #: ~26,000 of them again cost ~0.5 s of CPU at 1,000 articles
        self._files: dict[str, GeneratedFile] = {}
        self._made_under: tuple[object, ...] = ()

    def make(self, config, path: str, content: str | bytes) -> GeneratedFile:
        """A generated file at ``path``, marked changed when its content is new or different."""
        under = (config.site_dir, config.use_directory_urls, config.plugins._current_plugin)
        if under != self._made_under:
            self._files, self._made_under = {}, under
        last = self._last.get(path)
        kept = self._files.get(path)
        if kept is not None and last is content:
            # as MkDocs makes it: its page and inclusion are this build's to set
            kept.page, kept.inclusion, kept.changed = None, InclusionLevel.UNDEFINED, False
            return kept
        file = GeneratedFile.generated(config, path, content=content)
        assert isinstance(file, GeneratedFile)
        file.changed = last is None or type(last) is not type(content) or last != content
        self._last[path] = content
        self._files[path] = file
        return file

    def forget_missing(self, paths: set[str]) -> None:
        """Drop the files the last build no longer made (a removed article's pages)."""
        for path in set(self._last) - paths:
            del self._last[path]
            self._files.pop(path, None)
