"""The reader's search: Pagefind, run over the built site, inside Material's search box.

MkDocs builds the HTML; ``marks`` tells Pagefind which part of each page is the reader's (the
page's own marks, else its whole content but the sections marked ``data-search-exclude``), and
leaves out pages whose front matter says ``search: {exclude: true}`` (developer notes,
listings); ``pagefind`` runs the binary from the ``pagefind[extended]`` wheel over the site
after the build, writing ``pagefind/`` beside the pages; the script and styles in
``generator/assets/search/`` mount the search into the theme's header and draw the results
with the theme's own classes. Entity pages mark their searchable part themselves
(``generator.render.search_marks``).
"""

from generator.search.marks import excluded, mark_for_index
from generator.search.pagefind import PagefindMissing, PagefindRun, pagefind_binary, run_pagefind

#: The script and styles the plugin adds to every page: (file in the package, path in the site).
ASSETS = (
    ("assets/search/search.js", "assets/dossier/search.js"),
    ("assets/search/search.css", "assets/dossier/search.css"),
)

__all__ = [
    "ASSETS",
    "PagefindMissing",
    "PagefindRun",
    "excluded",
    "mark_for_index",
    "pagefind_binary",
    "run_pagefind",
]
