"""A quotation that is the text of an official release reports what happened.

Words inside quotation marks are what someone said, not what the narrator reports happened, so
they give no event. A quotation the article takes from a written release, statement or readout
("'... tomorrow the minister will travel to Beijing to meet Wang Yi,' they said in a media
release", "'...,' according to a statement from the presidency") is different: it is the
government's own report of its meetings and trips, which the article relays. Its events count like
the narrator's, with the same checks (no plan without a day of its own, no wish, no denial).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

#: What follows the closing mark of a quotation taken from a written release: the speech verb
#: (a few words in) with "in a (joint) (media) release", or "according to a statement".
_FROM_RELEASE = re.compile(
    r"^\W{0,3}(?:[\w.’'-]+\s+){0,8}?(?:said|says|stated|announced|wrote|added)\s+in\s+"
    r"(?:a|an|the|their|his|her|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:release|statement|readout|communiqu[eé])\b"
    r"|^\W{0,3}according\s+to\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:release|statement|readout|communiqu[eé])\b",
    re.IGNORECASE,
)
#: How far after the closing mark the attribution is looked for, in characters.
REACH = 160


def release_quotes(doc: Doc, quoted: set[int]) -> set[int]:
    """The quoted tokens of quotations a written release is credited with."""
    out: set[int] = set()
    for run in quoted_runs(quoted):
        end = doc[run[-1]]
        after = doc.text[end.idx + len(end.text) : end.idx + len(end.text) + REACH]
        if _FROM_RELEASE.match(after):
            out |= set(run)
    return out


def quoted_runs(quoted: set[int]) -> list[list[int]]:
    """Consecutive quoted tokens, one run per quotation."""
    runs: list[list[int]] = []
    for i in sorted(quoted):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
