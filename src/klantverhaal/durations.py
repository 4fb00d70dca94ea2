"""Dutch durations to hours, exactly as SPEC normalises them.

    "4 tot 6 werkdagen"       -> Hours(96, 144, business=True)
    "binnen twee werkdagen"   -> Hours(0, 48, business=True)
    "ruim een half uur"       -> Hours(0.5, None)
    "een dag of twee"         -> Hours(24, 48)
    "wekenlang"               -> Hours(336, None)

``find(text)`` locates every duration phrase in a text and returns it with
character offsets; ``parse(phrase)`` is ``find`` on one phrase. Both read the
same grammar, so what the pipeline finds is what the tests parse. The grammar
is anchored on a unit word (found with one compiled regex, so long texts cost
little) and reads its neighbours: quantity to the left (number, range,
product, fraction, vague amount), a bound word before that ("binnen",
"ruim", "bijna"), "of N" and "en N kwartier" to the right. Word lists live
in data/units.json and data/numbers.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from klantverhaal import numbers, resources

# ("'s avonds", "'t": a clitic keeps its apostrophe; "'binnen een uur'" quoted is a quote mark and a word)
_PIECE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?|'(?:s|t|n|k)(?![^\W\d_])|[^\s\w]", re.UNICODE)


@dataclass(frozen=True)
class Hours:
    min_h: float | None
    max_h: float | None
    business: bool = False


@dataclass(frozen=True)
class Found:
    """A duration phrase in a text: its offsets, hours, and the bound that shaped it."""

    start: int
    end: int
    text: str
    hours: Hours
    bound: str = ""  # "", "upper", "lower", "almost", "about", "range", "vague"
    unit_hours: float = 0.0
    clock: bool = False  # "om 4 uur", "van 9 tot 17 uur": a time of day, not a duration


@dataclass(frozen=True)
class _Piece:
    low: str
    start: int
    end: int


@cache
def _grammar() -> dict:
    table = resources.read_json("units.json")
    units: dict[str, tuple[float, bool]] = {}
    for unit in table["units"]:
        for form in unit["forms"]:
            units[form] = (float(Fraction(str(unit["hours"]))), bool(unit.get("business", False)))
    vague_long = {word: units[base] for word, base in table["vague_long"].items()}
    anchors = sorted(set(units) | set(vague_long), key=len, reverse=True)
    anchor_re = re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(a) for a in anchors) + r")(?![\w])|(?<=\d)(?:u|uur|min|wk|mnd)\b",
        re.IGNORECASE,
    )
    def phrases(key: str) -> list[tuple[str, ...]]:
        return sorted((tuple(p.split()) for p in table[key]), key=len, reverse=True)
    return {
        "units": units,
        "vague_long": vague_long,
        "anchor_re": anchor_re,
        "bare_plurals": set(table["bare_plurals"]),
        "bare_blockers": set(table["bare_plural_blockers"]),
        "article_only": set(table["article_only_units"]),
        "self_quantified": set(table["self_quantified"]),
        "bounds": [(p, "upper") for p in phrases("upper")] + [(p, "lower") for p in phrases("lower")]
        + [(p, "about") for p in phrases("about")] + [(p, "almost") for p in phrases("almost")],
        "joiners": set(table["range_joiners"]),
        "openers": phrases("range_openers"),
        "clock_before": set(table["clock_words_before"]),
        "fractions": table["fraction_words"],
    }


def _pieces(text: str, offset: int = 0) -> list[_Piece]:
    """Split into words, numbers and punctuation, keeping offsets: "5x24u" -> 5, x, 24, u."""
    return [_Piece(m.group().lower(), m.start() + offset, m.end() + offset) for m in _PIECE.finditer(text)]


def _number(piece: _Piece | None) -> float | None:
    if piece is None:
        return None
    return numbers.parse(piece.low)


def find(text: str) -> list[Found]:
    """Every duration phrase in ``text``, left to right, without overlaps."""
    grammar = _grammar()
    found: list[Found] = []
    for match in grammar["anchor_re"].finditer(text):
        lo = max(0, match.start() - 90)
        window_start = text.rfind(" ", 0, lo) + 1 if lo else 0
        window = _pieces(text[window_start : match.end() + 60], window_start)
        index = next((i for i, p in enumerate(window) if p.start <= match.start() < p.end), None)
        if index is None:
            continue
        # a unit glued to a number ("24u", "5mnd") splits into two pieces already
        result = _read(window, index, text)
        if result is None:
            continue
        if found and result.start < found[-1].end:
            if result.end - result.start > found[-1].end - found[-1].start:
                found[-1] = result
            continue
        found.append(result)
    return [f for f in found if not f.clock]


def parse(phrase: str) -> Hours | None:
    """Hours of one duration phrase: "tussen 24 en 48 uur" -> Hours(24, 48). None if it holds none."""
    results = find(phrase)
    if not results:
        return None
    if len(results) == 1:
        return results[0].hours
    # "twee uur en tien minuten" is found as one composite; anything else: the longest
    return max(results, key=lambda f: f.end - f.start).hours


def _read(pieces: list[_Piece], i: int, text: str) -> Found | None:
    g = _grammar()
    unit_word = pieces[i].low
    if unit_word in g["vague_long"]:
        unit_hours, business = g["vague_long"][unit_word]
        return _finish(pieces, i, i, text, (2 * unit_hours, None), "vague", unit_hours, business)
    if unit_word not in g["units"]:
        return None
    unit_hours, business = g["units"][unit_word]
    quantity = _quantity_before(pieces, i)
    first = i
    bound = ""
    if quantity is None:
        # "een dag of twee", "een week of zes": about N units, read as N-1..N
        if _is_article_or(pieces, i - 1) and _at(pieces, i + 1) == "of" and (n := _number(_get(pieces, i + 2))):
            if n >= 2:
                return _finish(pieces, i - 1, i + 2, text, ((n - 1) * unit_hours, n * unit_hours), "range",
                               unit_hours, business)
        if _at(pieces, i - 1) in ("het", "de") and _at(pieces, i - 2) == "binnen":
            # "binnen het uur", "binnen de week", "binnen het halfuur": within one unit
            quantity = (i - 1, 1.0, 1.0, "point")
        elif unit_word in g["self_quantified"]:
            quantity = (i, 1.0, 1.0, "point")
    if quantity is None:
        if unit_word in g["bare_plurals"] and _at(pieces, i - 1) not in g["bare_blockers"] \
                and _at(pieces, i + 1) not in ("geleden", "terug"):
            return _finish(pieces, i, i, text, (2 * unit_hours, None), "vague", unit_hours, business)
        return None
    first, low, high, kind = quantity
    if kind == "article" and unit_word in g["article_only"]:
        return None
    # "een dag of twee" again, when "een" was read as the quantity
    if kind == "article" and _at(pieces, i + 1) == "of" and (n := _number(_get(pieces, i + 2))) and n >= 2:
        return _finish(pieces, first, i + 2, text, ((n - 1) * unit_hours, n * unit_hours), "range",
                       unit_hours, business)
    last = i
    min_h = low * unit_hours
    max_h = None if high is None else high * unit_hours
    if kind in ("range", "vague"):
        bound = kind
    # composite: "een uur en drie kwartier", "2 uur en 10 minuten"
    if _at(pieces, i + 1) == "en" and kind in ("point", "article"):
        tail = _composite_tail(pieces, i + 2, unit_hours)
        if tail is not None:
            last, extra = tail
            min_h += extra
            max_h = None if max_h is None else max_h + extra
    clock = _is_clock(pieces, first, unit_hours, low, high, kind)
    if kind not in ("range",):
        first, bound_kind = _bound_before(pieces, first)
        if bound_kind:
            bound = bound_kind
            if bound_kind == "upper":
                min_h = 0.0
                if max_h is None:
                    max_h = high * unit_hours if high else None
            elif bound_kind == "lower":
                max_h = None
            elif bound_kind == "almost":
                top = max_h if max_h is not None else min_h
                min_h, max_h = 0.85 * top, top
    return _finish(pieces, first, last, text, (min_h, max_h), bound, unit_hours, business, clock)


def _finish(pieces, first, last, text, hours, bound, unit_hours, business, clock=False) -> Found:
    start, end = pieces[first].start, pieces[last].end
    return Found(start, end, text[start:end], Hours(hours[0], hours[1], business), bound, unit_hours, clock)


def _get(pieces: list[_Piece], i: int) -> _Piece | None:
    return pieces[i] if 0 <= i < len(pieces) else None


def _at(pieces: list[_Piece], i: int) -> str:
    p = _get(pieces, i)
    return p.low if p else ""


def _is_article_or(pieces, i) -> bool:
    return _at(pieces, i) in ("een", "één")


def _quantity_before(pieces: list[_Piece], i: int) -> tuple[int, float, float | None, str] | None:
    """The amount left of the unit at ``i``: (first piece, low, high, kind) with kind
    point / article / range / vague. "4 x 24" multiplies, "twee à drie" is a range,
    "een paar" is vague, "anderhalf", "een half", "drie kwartier" are points."""
    g = _grammar()
    j = i - 1
    word = _at(pieces, j)
    if not word:
        return None
    # vague amounts: "een paar", "enkele", "een aantal", "talloze"
    for size in (2, 1):
        if j - size + 1 < 0:
            continue
        phrase = " ".join(p.low for p in pieces[j - size + 1 : j + 1])
        amount = numbers.vague(phrase)
        if amount and phrase not in ("veel", "vele"):
            return j - size + 1, float(amount[0]), None if amount[1] is None else float(amount[1]), "vague"
    # fractions: "een half uur", "anderhalve week", "twee en een half uur"
    if word in g["fractions"]:
        value = g["fractions"][word]
        if _is_article_or(pieces, j - 1):
            first = j - 1
            if _at(pieces, j - 2) == "en" and (n := _number(_get(pieces, j - 3))) is not None:
                return j - 3, n + value, n + value, "point"
            return first, value, value, "point"
        if (n := _number(_get(pieces, j - 1))) is not None and word in ("kwart",):
            return j - 1, n * value, n * value, "point"
        return j, value, value, "point"
    value = _number(_get(pieces, j))
    if value is None:
        return None
    first, low, high, kind = j, value, value, "article" if word in ("een",) else "point"
    # product: "4 x 24 uur", "16 x24 uur"
    if _at(pieces, j - 1) in ("x", "×", "keer", "maal") and (n := _number(_get(pieces, j - 2))) is not None:
        return j - 2, n * value, n * value, "point"
    # ranges: "4 tot 6", "twee à drie", "2-3", "tussen 24 en 48", "tussen de 6 en 8"
    joiner = _at(pieces, j - 1)
    joiner2 = " ".join((_at(pieces, j - 3), _at(pieces, j - 2), _at(pieces, j - 1)))
    if joiner2 == "tot en met" and (n := _number(_get(pieces, j - 4))) is not None and n < value:
        return j - 4, n, value, "range"
    if joiner == "en":
        a = _get(pieces, j - 2)
        n = _number(a)
        if n is not None and n < value:
            for opener in g["openers"]:
                k = j - 2 - len(opener)
                if k >= 0 and tuple(p.low for p in pieces[k : j - 2]) == opener:
                    return k, n, value, "range"
    if joiner in g["joiners"] and joiner != "of" and (n := _number(_get(pieces, j - 2))) is not None and n < value:
        return j - 2, n, value, "range"
    if joiner == "of" and (n := _number(_get(pieces, j - 2))) is not None and n < value:
        return j - 2, n, value, "range"
    return first, low, high, kind


def _composite_tail(pieces: list[_Piece], k: int, unit_hours: float) -> tuple[int, float] | None:
    """After "en": a smaller unit with its amount ("drie kwartier", "10 minuten", "een half")."""
    g = _grammar()
    if _at(pieces, k) in ("een", "één") and _at(pieces, k + 1) == "half" and _at(pieces, k + 2) not in g["units"]:
        return k + 1, 0.5 * unit_hours
    value = _number(_get(pieces, k))
    unit = _at(pieces, k + 1)
    if value is not None and unit in g["units"]:
        hours = g["units"][unit][0]
        if hours < unit_hours:
            return k + 1, value * hours
    return None


def _bound_before(pieces: list[_Piece], first: int) -> tuple[int, str]:
    """Read bound words left of the amount, longest first, possibly chained
    ("binnen maximaal", "uiterlijk binnen"); the innermost decides the kind."""
    g = _grammar()
    kind = ""
    changed = True
    while changed:
        changed = False
        for phrase, bound_kind in g["bounds"]:
            k = first - len(phrase)
            if k >= 0 and tuple(p.low for p in pieces[k:first]) == phrase:
                first = k
                kind = kind or bound_kind
                changed = True
                break
    return first, kind


def _is_clock(pieces, first, unit_hours, low, high, kind) -> bool:
    """ "om 4 uur", "tot 17 uur", "tussen 2 en 4 uur", "van 9 tot 5 uur", "14.12 uur": a time of day."""
    if unit_hours != 1 or low is None:
        return False
    number = pieces[first].low if first < len(pieces) else ""
    if re.fullmatch(r"\d{1,2}[.:]\d{2}", number):
        return True
    top = high if high is not None else low
    if top > 24 or low != int(low):
        return False
    before = _at(pieces, first - 1)
    if kind == "range" and (_at(pieces, first) == "tussen" or before == "tussen"):
        # "tussen 2 en 4 uur" (digits) is an appointment window; "tussen de twee en drie uur" a duration
        return pieces[first + 1].low.isdigit() or pieces[first + 2].low.isdigit() if first + 2 < len(pieces) else False
    if kind == "range" and before == "van":
        return True
    if kind == "range" and _at(pieces, first - 1) in ("om", "rond", "tussen"):
        return True
    return before in _grammar()["clock_before"] and kind != "range"
