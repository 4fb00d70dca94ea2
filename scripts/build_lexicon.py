"""Build src/klantverhaal/data/dutch_words.npy: which lower-case strings are Dutch words.

    python scripts/build_lexicon.py

From the Dutch lemma lists of spacy-lookups-data (MIT licence: 161k nouns, 22k adjectives,
19k verbs, 213k inflected forms with their lemmas) and spaCy's Dutch stop words. Stored as
the sorted 8-byte BLAKE2b hashes of the words (3 MB, read with a memory map), so the analyser
never holds 400k strings in memory (about 150 MB per worker). Re-run after upgrading
spacy-lookups-data; tests/test_lexicon.py checks the file answers for known words.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from klantverhaal.lexicon import LEXICON_FILE, word_hash  # noqa: E402


def words() -> set[str]:
    import spacy_lookups_data
    from spacy.lang.nl.stop_words import STOP_WORDS

    found = set(STOP_WORDS)
    with gzip.open(spacy_lookups_data.get_file("nl_lemma_index.json.gz"), "rt", encoding="utf-8") as f:
        for lemmas in json.load(f).values():
            found.update(lemmas)
    with gzip.open(spacy_lookups_data.get_file("nl_lemma_lookup.json.gz"), "rt", encoding="utf-8") as f:
        lookup = json.load(f)
    found.update(lookup)
    found.update(lookup.values())
    return {w.lower() for w in found if w}


def main() -> None:
    import numpy as np

    hashes = np.unique(np.array([word_hash(w) for w in words()], dtype=np.uint64))
    np.save(LEXICON_FILE, hashes)
    print(f"{LEXICON_FILE}: {len(hashes)} words")


if __name__ == "__main__":
    main()
