"""The post's own date, when the text gives one near its top.

    "dinsdag 20 augustus 2013"  -> 2013-08-20
    "20-08-2013", "2013-08-20"  -> 2013-08-20
    "di 20 aug 2013"            -> 2013-08-20
    "Geplaatst op 7 januari 2022" -> 2022-01-07

Only the first lines count: a date deep in the story ("In 2011 kocht ik")
is about the events, not the post. Month names live in data/dates.json.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from klantverhaal import resources

HEAD_CHARS = 400


@cache
def _patterns() -> tuple[dict[str, int], list[re.Pattern]]:
    months = resources.read_json("dates.json")["months"]
    names = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return months, [
        re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        re.compile(r"\b(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>(?:19|20)\d{2})\b"),
        re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mn>{names})\.?\s+(?P<y>(?:19|20)\d{{2}})\b", re.IGNORECASE),
    ]


@cache
def month_names() -> frozenset[str]:
    """Every month name and abbreviation of data/dates.json ("maart", "mrt")."""
    return frozenset(_patterns()[0])


def find(text: str) -> str | None:
    """ISO date of the post, or None when its head holds no full date."""
    months, patterns = _patterns()
    head = text[:HEAD_CHARS]
    best: tuple[int, str] | None = None
    for pattern in patterns:
        for m in pattern.finditer(head):
            month = int(m.group("m")) if "m" in m.groupdict() and m.groupdict().get("m") else \
                months.get(m.group("mn").lower().rstrip("."))
            try:
                iso = date(int(m.group("y")), int(month), int(m.group("d"))).isoformat()
            except (TypeError, ValueError):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), iso)
    return best[1] if best else None
