"""Quotation marks as publishers print them, rewritten to the English curly pair “…”.

The quotation rules (``generator.extract.quote_marks``) read “…” and "…". Publishers from other
traditions, and their English editions, print:

- guillemets, «…» (French, Russian, Swiss, many African and Middle Eastern outlets) or »…«
  (German, Danish);
- a low opening mark, „…“ or „…” (German, Central European and Balkan outlets);
- one mark for both ends, ”…” (Swedish, Finnish) or “…“ (a typing habit);
- two single marks for a double one, ‘‘…’’ (Indian wire copy) or ``…'' (old typesetting).

Only marks that pair up inside one paragraph are rewritten, so a lone mark ("Read More »", a
chevron before a link) never opens a quotation. Each mark is replaced by one character (a doubled one by a space
and a mark): every offset stays where it was.
"""

from __future__ import annotations

import re

#: An opening mark, the words, the closing mark of the same style, within one paragraph.
_GUILLEMETS = re.compile(r"«(?P<text>[^«»\n]{2,2000}?)»")
_REVERSED = re.compile(r"»(?P<text>[^«»\n]{2,2000}?)«")  # in a paragraph with no «…»
_LOW = re.compile(r"„(?P<text>[^„“”\"\n]{2,2000}?)[“”\"]")
#: Two single marks for a double one (‘‘…’’ in Indian wire copy, ``…'' from old typesetting).
_DOUBLED = re.compile(r"(?:‘‘|``)(?P<text>[^‘’`\n]{2,2000}?)(?:’’|'')")
_PARAGRAPH = re.compile(r"[^\n]+")


def english_marks(text: str) -> str:
    """``text`` with every paired quotation mark of another style written “…”, same length."""
    if not any(mark in text for mark in "«»„“”‘`"):
        return text
    chars = list(text)
    for para in _PARAGRAPH.finditer(text):
        start, line = para.start(), para.group()
        guillemets = _GUILLEMETS if _GUILLEMETS.search(line) else _REVERSED
        for pattern in (guillemets, _LOW):
            for match in pattern.finditer(line):
                chars[start + match.start()] = "“"
                chars[start + match.end() - 1] = "”"
        for match in _DOUBLED.finditer(line):  # two marks: a space and one mark, same length
            at, end = start + match.start(), start + match.end()
            chars[at : at + 2] = [" ", "“"]
            chars[end - 2 : end] = ["”", " "]
        _one_mark_for_both(chars, start, para.end())
    return "".join(chars)


def _one_mark_for_both(chars: list[str], start: int, end: int) -> None:
    """A paragraph that prints one curly mark only, an even number of times (”…” or “…“):
    its marks alternate, opening then closing."""
    para = chars[start:end]
    for mark in "”“":
        other = "“" if mark == "”" else "”"
        if other in para or '"' in para:
            continue
        at = [start + i for i, c in enumerate(para) if c == mark]
        if len(at) < 2 or len(at) % 2:
            continue
        if not all(_opens(chars, i, start) for i in at[::2]) or not all(
            _closes(chars, i, end) for i in at[1::2]
        ):
            continue  # '“Since …,’ he said, adding that they “hosted': two openers
        for k, i in enumerate(at):
            chars[i] = "“" if k % 2 == 0 else "”"


def _opens(chars: list[str], i: int, start: int) -> bool:
    """A mark that opens: at the paragraph's start or after a space, before a word."""
    after = chars[i + 1] if i + 1 < len(chars) else " "
    return (i == start or not chars[i - 1].isalnum()) and not after.isspace()


def _closes(chars: list[str], i: int, end: int) -> bool:
    """A mark that closes: after a word or punctuation, before a space, punctuation or the end."""
    return not chars[i - 1].isspace() and (i + 1 == end or not chars[i + 1].isalnum())
