"""Is this a Dutch word? From the Dutch lemma lists of spacy-lookups-data (161k nouns, 22k
adjectives, 19k verbs, 213k inflected forms) and spaCy's Dutch stop words.

A name typed in lower case ("een abonnement bij brokkenbox") looks like any other word; that
it is no word of the language is what sets it apart. The words are kept as sorted 8-byte
hashes in data/dutch_words.npy (built by scripts/build_lexicon.py), read with a memory map:
3 MB shared by every worker instead of 400k strings in each.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import numpy as np

from klantverhaal import resources

LEXICON_FILE = Path(__file__).parent / "data" / "dutch_words.npy"
# plural, diminutive, adjective and verb endings: "winkels", "winkeltje", "snelle", "belt"
ENDINGS = resources.phrases("lexicon.endings")


def word_hash(word: str) -> int:
    """The stable 64-bit hash a word is stored under."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@cache
def _hashes() -> np.ndarray:
    return np.load(LEXICON_FILE, mmap_mode="r")


def is_lemma(word: str) -> bool:
    """Is ``word`` (lower case) itself in the word list, with no ending taken off? ("schotel" is;
    "chotel" is not.)"""
    return _known(word)


def _known(word: str) -> bool:
    hashes = _hashes()
    h = np.uint64(word_hash(word))
    i = int(np.searchsorted(hashes, h))
    return bool(i < len(hashes) and hashes[i] == h)


# adverbs the lemma lists lack ("meteen", "gisteren"), and the pronominal adverbs ("erbij",
# "daarmee", "waarover"): grammar.json lexicon.*
EXTRA_WORDS = resources.words("lexicon.extra_words")
PRONOMINAL_HEADS = resources.phrases("lexicon.pronominal_heads")
PRONOMINAL_PREPOSITIONS = resources.words("lexicon.pronominal_prepositions")


def _pronominal_adverb(word: str) -> bool:
    return any(word.startswith(h) and word[len(h):] in PRONOMINAL_PREPOSITIONS for h in PRONOMINAL_HEADS)


def is_dutch_word(word: str) -> bool:
    """Is ``word`` (lower case) a Dutch word, or one with a plural, diminutive or inflected
    ending on a Dutch word?"""
    return word in EXTRA_WORDS or _pronominal_adverb(word) or _known(word) \
        or any(word.endswith(e) and _known(word[: -len(e)]) for e in ENDINGS)
