"""Exact and near-duplicate stories: the same post saved twice, or reposted with a new footer.

Exact: sha256 of the normalised text (case, accents as written, every run of
non-word characters one space). Near: MinHash over word 3-grams with rensa
(Rust, +1.3 MB; datasketch pulls scipy and is 19x slower), candidates from an
LSH index and kept when the estimated Jaccard similarity reaches 0.8. Without
rensa a plain shingle-set Jaccard does the same job on small corpora.

The first story seen is kept; a later copy is skipped with the file it copies:
"near duplicate of blog/kpn-storing.txt (similarity 0.91)".
"""

from __future__ import annotations

import hashlib
import re

THRESHOLD = 0.8
SHINGLE = 3
MIN_WORDS = 20  # shorter texts are compared exactly only: a few shared words are no evidence
NUM_PERM = 256
NUM_BANDS = 64
SEED = 9

_NON_WORD = re.compile(r"[\W_]+")

try:
    import rensa
except ImportError:  # pragma: no cover - rensa is a dependency; this keeps the reader working without it
    rensa = None


def normalise(text: str) -> str:
    """'Drie keer GEBELD!\\n\\nNiks.' -> 'drie keer gebeld niks'"""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(words: list[str]) -> set[str]:
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


class Index:
    """Stories seen so far in one run; ``check`` answers with a skip reason or adds the story."""

    def __init__(self, *, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._exact: dict[str, str] = {}
        self._names: list[str] = []
        self._hashes: list = []
        self._lsh = rensa.RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=NUM_BANDS) \
            if rensa is not None else None

    def check(self, name: str, text: str) -> str | None:
        """None when ``text`` is new (it is then remembered under ``name``), else the reason to skip it."""
        norm = normalise(text)
        digest = hashlib.sha256(norm.encode("utf-8")).hexdigest()
        if digest in self._exact:
            return f"duplicate of {self._exact[digest]}"
        words = norm.split()
        sketch = None
        if len(words) >= MIN_WORDS:
            sketch = self._sketch(words)
            match = self._nearest(sketch)
            if match is not None:
                other, similarity = match
                return f"near duplicate of {other} (similarity {similarity:.2f})"
        self._exact[digest] = name
        if sketch is not None:
            key = len(self._names)
            self._names.append(name)
            self._hashes.append(sketch)
            if self._lsh is not None:
                self._lsh.insert(key, sketch)
        return None

    def _sketch(self, words: list[str]):
        grams = shingles(words)
        if rensa is None:
            return grams
        sketch = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
        sketch.update(sorted(grams))
        return sketch

    def _nearest(self, sketch) -> tuple[str, float] | None:
        if self._lsh is None:
            candidates = range(len(self._hashes))
            similarity = lambda other: len(sketch & other) / len(sketch | other)  # noqa: E731
        else:
            candidates = sorted(self._lsh.query(sketch))
            similarity = sketch.jaccard
        best = None
        for key in candidates:
            value = similarity(self._hashes[key])
            if value >= self.threshold and (best is None or value > best[1]):
                best = (self._names[key], value)
        return best
