"""Is this a Dutch word? (data/dutch_words.npy, from spacy-lookups-data's Dutch lemma lists)."""

import numpy as np
import pytest

from klantverhaal import lexicon


@pytest.mark.parametrize("word, dutch", [
    ("winkel", True), ("winkels", True), ("winkeltje", True), ("klantenservice", True),
    ("gebeld", True), ("opnieuw", True), ("abonnement", True), ("verzekeraar", True),
    ("meteen", True), ("erbij", True), ("daarover", True), ("ombouwers", True),
    ("knabbelkist", False), ("kleiwolkje", False), ("brokkenbox", False), ("velodokter", False),
])
def test_is_dutch_word(word, dutch):
    assert lexicon.is_dutch_word(word) is dutch


def test_lexicon_file_is_built_from_the_installed_lookups():
    """The shipped hashes are those scripts/build_lexicon.py makes now (re-run it after
    upgrading spacy-lookups-data)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("build_lexicon", Path(__file__).parents[1] / "scripts" / "build_lexicon.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    fresh = np.unique(np.array([lexicon.word_hash(w) for w in build.words()], dtype=np.uint64))
    assert np.array_equal(np.asarray(lexicon._hashes()), fresh)
