"""Who wrote which post of a forum thread.

A thread copied from a forum holds replies by other users ("Re: · Sanne_K · 3 oktober
2024", "Reactie van dirkjan_84, 2 maart 2023", "kneuterbeer · 12-04-2024 om 21:13",
"**Wim_van_de_Dijk** schreef:"). Their calls and mails are their own, not the writer's
(SPEC: someone else's contact does not count). A post starts at a header line naming its
author by a forum handle; the writer is the author with the most text, and the posts of
every other author are someone else's.
"""

from __future__ import annotations

import re
from collections import defaultdict

from klantverhaal import resources

# a forum handle: a word with an underscore or a digit ("Sanne_K", "dirkjan_84"), or an
# all-lower-case word ("kneuterbeer", "tomvdb")
MARKED_HANDLE = r"[A-Za-z][\w.]*?(?:_[\w.]*|\d+)"  # with an underscore or a digit
HANDLE = rf"@?\**(?P<author>{MARKED_HANDLE}|[a-z][a-z0-9_.]{{3,}})\**"
_HEAD_WORDS = "|".join(re.escape(w) for w in resources.phrases("forum.header_openers"))
_BY_WORDS = "|".join(re.escape(w) for w in resources.phrases("forum.author_markers"))
# "Re: · Sanne_K · 3 oktober 2024", "Reactie van dirkjan_84, 2 maart 2023", "Geplaatst door:
# jasper_vd | 12-03-2024": a marker, then the handle, then a date or the end of the line
BY_HEADER = re.compile(
    rf"(?m)^[ \t]*(?:(?:{_HEAD_WORDS})[^\n]{{0,30}}?)?(?:{_BY_WORDS})[ \t]*:?[ \t]*{HANDLE}"
    rf"(?=[ \t]*(?:[·,»|(]|op\b|$))[^\n]{{0,60}}$")
# "kneuterbeer · 12-04-2024 om 21:13", "**Wim_van_de_Dijk** schreef:": the handle first
# ("marloes_d – 14-03-2024, 21:12", "tom_b - 3 mei 2024": after a dash only a handle with an
# underscore or a digit and a full date, so a diary's "dinsdag – 12 mei 2024" is no header)
HANDLE_HEADER = re.compile(rf"(?m)^[ \t]*{HANDLE}[ \t]*(?:·[^\n]{{0,60}}|schreef:[ \t]*)$")
DASH_HEADER = re.compile(rf"(?m)^[ \t]*@?(?P<author>{MARKED_HANDLE})[ \t]*[–—|-][ \t]*"
                         rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}}[ \t]+[a-z]{{3,9}}[ \t]+\d{{4}})[^\n]{{0,30}}$")
NOT_HANDLES = resources.words("forum.not_handles")


def posts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, author) of each post that opens with a header line naming its author."""
    found = sorted((m.start(), m.group("author").strip("*@").lower())
                   for pattern in (BY_HEADER, HANDLE_HEADER, DASH_HEADER) for m in pattern.finditer(text))
    heads = [(start, author) for start, author in found if not text[start : start + 3].lstrip().startswith(">")]
    heads = [(start, author) for start, author in heads if author and author not in NOT_HANDLES]
    return [(start, heads[k + 1][0] if k + 1 < len(heads) else len(text), author)
            for k, (start, author) in enumerate(heads)]


def others_posts(text: str) -> list[tuple[int, int]]:
    """Where the posts of authors other than the writer (the one who wrote most) stand."""
    found = posts(text)
    if len({author for _, _, author in found}) < 2:
        return []
    size: dict[str, int] = defaultdict(int)
    for start, end, author in found:
        size[author] += end - start
    # the opening post counts double: the thread is its writer's story
    size[found[0][2]] += found[0][1] - found[0][0]
    writer = max(size, key=size.get)
    return [(start, end) for start, end, author in found if author != writer]
