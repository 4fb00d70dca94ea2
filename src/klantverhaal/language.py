"""Is a story Dutch? py3langid (langid.py's model, numpy only) decides, cautiously.

The pipeline's word lists are Dutch; an English review run through it yields
nothing useful and would pull the per-company tables down, so non-Dutch stories
are skipped with their reason (``analyse --any-language`` keeps them).

Measured on this machine (py3langid 0.4.0, normalised probabilities, our own
texts): Dutch of 12+ words scores P(nl) >= 0.99; "KPN belt niet terug." 0.87;
but "Drie keer gebeld, niks opgelost." comes out Afrikaans (0.64, nl 0.35) and
"Weer gebeld." nl 0.43. English of one sentence scores P(nl) <= 0.001
("They never called me back." en 0.93). So a story counts as not Dutch only
when another language wins *and* Dutch is all but excluded (P(nl) < 0.05),
and texts with fewer than 20 letters are too short to judge and are kept.
All 36 corpus stories and the 5 seed posts score P(nl) > 0.99 (the English
corpus/README.md scores en 1.00).
"""

from __future__ import annotations

from functools import cache

DUTCH = "nl"
MIN_LETTERS = 20
MAX_CHARS = 20_000  # the head of a long story is enough, and keeps this fast
MIN_P_DUTCH = 0.05

NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
         "af": "Afrikaans", "fy": "Frisian", "da": "Danish", "sv": "Swedish", "no": "Norwegian", "pl": "Polish",
         "tr": "Turkish", "ar": "Arabic", "lb": "Luxembourgish", "id": "Indonesian"}


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float, float]:
    """(best language code, its probability, probability of Dutch)."""
    ranks = _identifier().rank(text[:MAX_CHARS])
    best, p_best = ranks[0]
    p_dutch = next((p for lang, p in ranks if lang == DUTCH), 0.0)
    return best, float(p_best), float(p_dutch)


def not_dutch(text: str) -> str | None:
    """The skip reason when ``text`` is clearly not Dutch, else None.

    >>> not_dutch("They promised to call me back within two days, and they never did.")
    'not Dutch: English (en 1.00, nl 0.00)'
    >>> not_dutch("Ze beloofden binnen twee dagen terug te bellen, maar dat deden ze nooit.") is None
    True
    """
    if sum(c.isalpha() for c in text[:MAX_CHARS]) < MIN_LETTERS:
        return None
    best, p_best, p_dutch = identify(text)
    if best == DUTCH or p_dutch >= MIN_P_DUTCH:
        return None
    return f"not Dutch: {NAMES.get(best, best)} ({best} {p_best:.2f}, nl {p_dutch:.2f})"
