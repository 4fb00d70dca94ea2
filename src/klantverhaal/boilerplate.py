"""Boilerplate of saved web pages, removed before the pipeline reads a story.

A scraped blog post brings its page along: a cookie banner ("Deze site
gebruikt cookies ... Accepteren"), navigation ("Naar inhoud"), share buttons,
"Lees ook: ...", subscription ads and, at the end, the comment section with its
form ("Geef een reactie", "Je e-mailadres wordt niet gepubliceerd"). Left in,
they add channels ("e-mail"), companies and sentences the writer never wrote.

Two passes, both line based (a paragraph of story text is never cut in half):

1. ``strip(text)``: the phrase patterns of ``data/boilerplate.json`` (Dutch and
   English) drop whole lines, and everything from a comment-section header on
   ("Reacties", "3 reacties", "Geen opmerkingen:", "Leave a Reply") is cut,
   once some story text came before it. Lines made only of button words
   ("Accepteren Meer informatie", "Ja Nee", a comment count "0") go only when
   they stand next to other boilerplate.
2. ``repeated_lines(texts)`` + ``drop_lines(text, lines)``: a line present in at
   least half of the documents of one run (of at least four, and in three or
   more) is site furniture, e.g. a blog's tagline under every post. Copies of a
   text count once and no document loses more than half its text this way: a
   repost is a duplicate (``dedupe``), not furniture.

General rules (jusText, C4 line filters) were measured and drop titles and
headings, which carry the company name; see LIBRARIES.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from klantverhaal import resources

DATA_FILE = "boilerplate.json"
MIN_TEXT_BEFORE_CUT = 100  # characters of story text before a comment header cuts the rest
REPEATED_MIN_DOCS = 4
REPEATED_SHARE = 0.5
HEADER = "comment section"
BUTTONS = "buttons"

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[\u00d7]")


@dataclass(frozen=True)
class Rules:
    cut_after: tuple[re.Pattern, ...]
    lines: tuple[tuple[str, re.Pattern], ...]
    buttons: frozenset[str]
    max_words: int


@cache
def rules() -> Rules:
    data = resources.read_json(DATA_FILE)
    try:
        cut = tuple(re.compile(row["pattern"], re.IGNORECASE) for row in data["cut_after"])
        lines = tuple((row["kind"], re.compile(row["pattern"], re.IGNORECASE)) for row in data["lines"])
    except (KeyError, re.error) as err:
        raise resources.DataFileError(f"{DATA_FILE}: bad pattern ({err})") from err
    return Rules(cut, lines, frozenset(w.lower() for w in data["buttons"]["words"]), int(data["max_words"]))


def classify(line: str) -> str | None:
    """The kind of boilerplate a single line is, or None for story text.

    >>> classify("Je e-mailadres wordt niet gepubliceerd.")
    'comment form'
    >>> classify("Drie keer gebeld en nog steeds geen internet.") is None
    True
    """
    stripped = " ".join(line.split())
    if not stripped:
        return None
    r = rules()
    if any(p.fullmatch(stripped) for p in r.cut_after):
        return HEADER
    words = _WORD.findall(stripped.lower())
    if len(words) > r.max_words:
        return None
    for kind, pattern in r.lines:
        if pattern.search(stripped):
            return kind
    if words and all(w in r.buttons or w.isdigit() for w in words):
        return BUTTONS
    return None


def explain(text: str) -> list[tuple[str, str]]:
    """(kind, line) for every line ``strip`` removes, in order; the lines after a
    comment header are reported under that header's kind."""
    _, removed = _strip(text)
    return removed


def strip(text: str) -> str:
    """``text`` without its boilerplate lines and without its comment section."""
    return _strip(text)[0]


def remove(text: str) -> tuple[str, list[tuple[str, str]]]:
    """``strip`` and ``explain`` in one pass: (text, removed lines with their kind)."""
    return _strip(text)


def _strip(text: str) -> tuple[str, list[tuple[str, str]]]:
    lines = text.split("\n")
    kinds = [classify(line) for line in lines]
    cut = len(lines)
    content = 0
    for i, kind in enumerate(kinds):
        if kind == HEADER and content >= MIN_TEXT_BEFORE_CUT:
            cut = i
            break
        if kind is None:
            content += len(lines[i].strip())
    drop = {i for i in range(cut) if kinds[i] not in (None, BUTTONS)}
    drop |= _buttons_next_to(drop | ({cut} if cut < len(lines) else set()), kinds, lines, cut)
    removed = [(kinds[i], lines[i].strip()) for i in sorted(drop)]
    removed += [(HEADER, line.strip()) for line in lines[cut:] if line.strip()]
    out: list[str] = []
    gap = False  # a line was removed since the last kept text line
    for i in range(cut):
        if i in drop:
            gap = True
            continue
        if not lines[i].strip():
            if gap and out and not out[-1].strip():
                continue
        else:
            gap = False
        out.append(lines[i])
    return "\n".join(out).strip("\n"), removed


def _buttons_next_to(dropped: set[int], kinds: list, lines: list[str], cut: int) -> set[int]:
    """Button-only lines whose nearest non-blank neighbour is dropped (spreading along a row of buttons)."""
    buttons = {i for i in range(cut) if kinds[i] == BUTTONS}
    found: set[int] = set()
    changed = True
    while changed:
        changed = False
        for i in sorted(buttons - found):
            neighbours = (_nearest(lines, i, -1), _nearest(lines, i, +1))
            if any(n is not None and (n in dropped or n in found) for n in neighbours):
                found.add(i)
                changed = True
    return found


def _nearest(lines: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].strip():
            return j
        j += step
    return None


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def repeated_lines(texts: Iterable[str], *, min_docs: int = REPEATED_MIN_DOCS,
                   share: float = REPEATED_SHARE) -> frozenset[str]:
    """Normalised lines found in at least ``share`` of the documents (and in three or more),
    when there are at least ``min_docs`` of them: "Dit verhaal verscheen op Klantleed.nl"
    under every post. Copies of one text count once, so duplicates are no furniture."""
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for text in texts:
        lines = frozenset(_norm(line) for line in text.split("\n") if any(c.isalpha() for c in line))
        key = hash(lines)
        if key in seen:
            continue
        seen.add(key)
        counts.update(lines)
    if len(seen) < min_docs:
        return frozenset()
    need = max(3, share * len(seen))
    return frozenset(line for line, n in counts.items() if n >= need)


def drop_lines(text: str, lines: frozenset[str] | set[str], *, keep: float = 0.5) -> str:
    """``text`` without the lines whose normalised form is in ``lines``; unchanged when that would
    take away more than ``1 - keep`` of it (then it is a copy of a story, not furniture)."""
    if not lines:
        return text
    kept = [line for line in text.split("\n") if _norm(line) not in lines]
    if len(kept) == text.count("\n") + 1:
        return text
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    return out if len(out.strip()) >= keep * len(text.strip()) else text
