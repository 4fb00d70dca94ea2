"""Dutch numbers as customers write them: "anderhalf" -> 1.5, "vierde" -> 4, "een paar" -> (2, 4).

Pure functions over strings, table-tested in tests/test_numbers.py. The word
parts live in data/numbers.json; compounds are built here the way Dutch
builds them: units + "en" + tens ("eenentwintig"), multipliers
("vierhonderdvijftig", "tweeduizend") and "-ënhalf" ("tweeënhalf" = 2.5).
"""

from __future__ import annotations

import re
from functools import cache

from klantverhaal import resources

_DIGITS = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+(?:[.,]\d+)?$")


@cache
def _table() -> dict:
    return resources.read_json("numbers.json")


def _simple_words() -> dict[str, float]:
    t = _table()
    return {**t["units"], **t["teens"], **t["tens"], **t["fractions"]}


def parse(text: str) -> float | None:
    """The value of a cardinal or fraction, or None: "21" -> 21, "1,5" -> 1.5, "1.000" -> 1000,
    "eenentwintig" -> 21, "tweeënhalf" -> 2.5, "een half" -> 0.5, "een" -> 1."""
    word = text.strip().lower().replace("-", "")
    if not word:
        return None
    if _DIGITS.match(word):
        if re.match(r"^\d{1,3}(?:\.\d{3})+$", word):
            return float(word.replace(".", ""))
        return float(word.replace(",", "."))
    if " " in word:
        parts = word.split()
        if len(parts) == 2 and parts[0] in ("een", "één") and parts[1] in ("half", "halve", "kwart"):
            return _simple_words()[parts[1]]
        return None
    return _compound(word)


def _compound(word: str) -> float | None:
    """Parse a written-out number such as "vierhonderdvijftig" (450) or "tweeënhalf" (2.5)."""
    if not word:
        return None
    simple = _simple_words()
    if word in simple:
        return float(simple[word])
    for suffix, fraction in (("ënhalf", 0.5), ("enhalf", 0.5), ("ënhalve", 0.5), ("enhalve", 0.5)):
        if word.endswith(suffix):
            head = _compound(word[: -len(suffix)])
            return head + fraction if head is not None and head < 100 else None
    multipliers = _table()["multipliers"]
    for name, value in sorted(multipliers.items(), key=lambda kv: -kv[1]):
        if name in word:
            head, _, tail = word.partition(name)
            head_value = _compound(head) if head else 1.0
            tail_value = _compound(tail) if tail else 0.0
            if head_value is None or tail_value is None or head_value >= value and value < 1000:
                return None
            return head_value * value + tail_value
    tens = _table()["tens"]
    for name, value in tens.items():
        if word.endswith(name) and word != name:
            head = word[: -len(name)]
            for joint in ("ën", "en"):
                if head.endswith(joint):
                    unit = _table()["units"].get(head[: -len(joint)])
                    if unit and unit < 10:
                        return float(value + unit)
    return None


def ordinal(text: str) -> int | None:
    """The value of an ordinal: "vierde" -> 4, "4e" -> 4, "4de" -> 4, "eenentwintigste" -> 21."""
    word = text.strip().lower()
    match = re.match(r"^(\d+)\s*(?:e|de|ste)$", word)
    if match:
        return int(match.group(1))
    known = _table()["ordinals"]
    if word in known:
        return int(known[word])
    for suffix in ("ste", "de"):
        if word.endswith(suffix):
            value = _compound(word[: -len(suffix)])
            if value is not None and value == int(value) and value >= 20:
                return int(value)
    return None


def vague(text: str) -> tuple[int, int | None] | None:
    """A vague amount as (at least, at most): "een paar" -> (2, 4), "talloze" -> (3, None)."""
    found = _table()["vague"].get(" ".join(text.lower().split()))
    return (found[0], found[1]) if found else None
