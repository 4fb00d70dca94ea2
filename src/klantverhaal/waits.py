"""Is a duration a wait, and was it waited or promised?

    "Ik heb al vijf dagen geen internet."          -> waited
    "U hoort binnen twee werkdagen van ons."       -> promised
    "Ik gebruik de lamp drie uur per dag."         -> not a wait (usage rate)
    "Een paar jaar geleden verhuisde ik."          -> not a wait (a time reference)

Pure functions over a sentence and the phrase's offsets in it, so they are
table-tested without a pipeline. Cue lists live in data/waits.json. Kind is
decided by the cue nearest to the phrase inside its clause, then inside the
sentence; without a cue an upper bound ("binnen twee dagen") is a promise
and anything else was waited.
"""

from __future__ import annotations

import re
from functools import cache

from klantverhaal import durations, resources

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+|[^\s\w]", re.UNICODE)


@cache
def _cues() -> dict:
    table = resources.read_json("waits.json")
    as_tuples = lambda key: [tuple(p.lower().split()) for p in table[key]]  # noqa: E731
    cues = {key: as_tuples(key) for key in (
        "not_wait_before", "not_wait_after", "not_wait_clause", "promise", "waited", "clause_breaks",
        "elapsed_wait_before", "long_unit_needs", "later_needs", "act_verbs")}
    cues["past_forms"] = frozenset(table["past_forms"])
    # phrases by first word, so a clause is scanned once instead of once per phrase
    cues["by_first"] = {key: _by_first(cues[key]) for key in ("promise", "waited", "not_wait_clause",
                                                             "long_unit_needs", "later_needs", "act_verbs")}
    return cues


def _by_first(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return out


def _contains(words: list[str], key: str, lo: int = 0, hi: int | None = None) -> bool:
    """Does words[lo..hi] hold any phrase of cue list ``key``?"""
    index = _cues()["by_first"][key]
    hi = len(words) - 1 if hi is None else hi
    for k in range(lo, hi + 1):
        for phrase in index.get(words[k], ()):
            if k + len(phrase) - 1 <= hi and tuple(words[k : k + len(phrase)]) == phrase:
                return True
    return False


def _words(text: str) -> list[tuple[str, int]]:
    return [(m.group().lower(), m.start()) for m in _WORD.finditer(text)]


def _has_at(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


def _clause(words: list[str], first: int, last: int) -> tuple[int, int]:
    """Word range of the clause around [first, last]: up to a comma, "maar", "want", ..."""
    breaks = _cues()["clause_breaks"]
    lo = first
    while lo > 0 and not any(_has_at(words, lo - 1, b) for b in breaks):
        lo -= 1
    hi = last
    while hi < len(words) - 1 and not any(_has_at(words, hi + 1, b) for b in breaks):
        hi += 1
    return lo, hi


def classify(sentence: str, start: int, end: int, found: durations.Found | None = None) -> str | None:
    """"waited", "promised", or None when the duration at sentence[start:end] is no wait."""
    pairs = _words(sentence)
    words = [w for w, _ in pairs]
    first = next((i for i, (_, s) in enumerate(pairs) if s >= start), None)
    last = max((i for i, (_, s) in enumerate(pairs) if s < end), default=None)
    if first is None or last is None:
        return None
    cues = _cues()
    if _has_at(words, last + 1, ("geleden",)):
        # "Dat is nu ruim tien weken geleden": time since an open request; "Twee jaar geleden
        # kocht ik ..." is only a time reference
        if not any(_has_at(words, first - len(p), p) for p in cues["elapsed_wait_before"]):
            return None
    elif any(_has_at(words, last + 1, p) for p in cues["not_wait_after"]):
        return None
    if any(_has_at(words, first - len(p), p) for p in cues["not_wait_before"]):
        return None
    lo, hi = _clause(words, first, last)
    clause = words[lo : hi + 1]
    waiting = {"wachten", "wacht", "gewacht", "wachtte", "wachtten", "wachttijd"} & set(clause)
    if not waiting and _contains(clause, "not_wait_clause"):
        return None
    if _has_at(words, last + 1, ("later",)) and not _contains(clause, "later_needs"):
        return None  # "twee weken later nam ik het mee": elapsed time that ends in no service event
    if found is not None and found.unit_hours < 1 and _contains(clause, "act_verbs") and not waiting:
        return None  # "Hij vond binnen tien minuten de oorzaak": how long the service act took
    if found is not None and found.unit_hours >= 8760 and not _contains(words, "long_unit_needs"):
        return None  # years are tenure, contracts and ages unless the sentence is about waiting
    kind = _nearest_kind(words, first, last, lo, hi)
    if kind is None:
        kind = _nearest_kind(words, first, last, 0, len(words) - 1)
    bound = found.bound if found else ""
    before = words[first - 1] if first > 0 else ""
    if before == "over":
        return "promised"  # "over 8 dagen", "over een paar dagen": a time still to come
    if words[last].endswith("lang") or _has_at(words, last + 1, ("lang",)):
        return "waited"  # "wekenlang", "een week lang": time lived through, never a promise
    upper = bound == "upper" or before == "binnen" or words[first] in ("binnen", "uiterlijk", "maximaal", "hooguit")
    if upper:
        # "binnen twee werkdagen hoort u": a promise; "binnen een uur reageerden ze": waited
        if _nearest_kind(words, first, last, lo, hi) == "promised" and _has_promise_verb(words, lo, hi):
            return "promised"
        return "waited" if _past_tense_near(words, lo, hi) else "promised"
    return kind or "waited"


def _nearest_kind(words: list[str], first: int, last: int, lo: int, hi: int) -> str | None:
    """The kind of the cue closest to the phrase within words[lo..hi]; ties go to "promised"."""
    index = _cues()["by_first"]
    best: tuple[int, int, str] | None = None
    for k in range(lo, hi + 1):
        if first <= k <= last and words[k] not in ("na", "pas", "al"):
            continue
        for rank_kind, (kind, key) in enumerate((("promised", "promise"), ("waited", "waited"))):
            for phrase in index[key].get(words[k], ()):
                if k + len(phrase) - 1 <= hi and tuple(words[k : k + len(phrase)]) == phrase:
                    distance = first - k if k < first else max(0, k - last)
                    if best is None or (distance, rank_kind) < best[:2]:
                        best = (distance, rank_kind, kind)
    return best[2] if best else None


def _past_tense_near(words: list[str], lo: int, hi: int) -> bool:
    """A clause told in the past ("was het opgelost", "reageerden ze") reports a wait, not a promise."""
    past = _cues()["past_forms"]
    return any(w in past or (len(w) > 6 and w.endswith(("eerde", "eerden"))) for w in words[lo : hi + 1])


PROMISE_VERBS = resources.words("waits.promise_verbs")


def _has_promise_verb(words: list[str], lo: int, hi: int) -> bool:
    return any(w in PROMISE_VERBS for w in words[lo : hi + 1])
