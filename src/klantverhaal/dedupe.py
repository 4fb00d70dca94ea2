"""Exact and near-duplicate stories: the same post saved twice, or reposted with a new footer.

Exact: sha256 of the normalised text (case, accents as written, every run of
non-word characters one space). Near: MinHash over word 3-grams with rensa
(Rust, +1.3 MB; datasketch pulls scipy and is 19x slower), candidates from a
banded LSH index and kept when the estimated Jaccard similarity reaches 0.8.
Without rensa a plain shingle-set Jaccard does the same job on small corpora.

The index is compact because it lives for a whole run: per story a 16-byte
digest, a 128 x uint32 signature and 32 band keys in sorted numpy arrays (about
0.9 KB a story, merged from a small buffer as it fills); rensa's own LSH and
sketch objects cost about 6 KB a story, which made reading grow with the corpus.

The first story seen is kept; a later copy is skipped with the file it copies:
"near duplicate of blog/kpn-storing.txt (similarity 0.91)".
"""

from __future__ import annotations

import hashlib
import re
from array import array

import numpy as np

THRESHOLD = 0.8
SHINGLE = 3
MIN_WORDS = 20  # shorter texts are compared exactly only: a few shared words are no evidence
NUM_PERM = 128
NUM_BANDS = 32  # 32 bands of 4 rows: a pair at similarity 0.8 shares a band with p > 0.9999
MERGE_EVERY = 4096  # new band keys wait in a buffer; merged into the sorted arrays this often
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
        self._exact: dict[bytes, int] = {}
        self._names: list[str] = []
        self._sets: list[set[str]] = []  # without rensa only
        self._bands = _Bands() if rensa is not None else None

    def check(self, name: str, text: str) -> str | None:
        """None when ``text`` is new (it is then remembered under ``name``), else the reason to skip it."""
        norm = normalise(text)
        digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()
        if digest in self._exact:
            return f"duplicate of {self._names[self._exact[digest]]}"
        words = norm.split()
        key = len(self._names)
        if len(words) >= MIN_WORDS:
            match = self._near(shingles(words), key)
            if match is not None:
                other, similarity = match
                return f"near duplicate of {self._names[other]} (similarity {similarity:.2f})"
        self._exact[digest] = key
        self._names.append(name)
        return None

    def _near(self, grams: set[str], key: int) -> tuple[int, float] | None:
        """The most similar earlier story at or above the threshold; the new one is indexed."""
        if self._bands is None:
            best = max(((i, len(grams & other) / len(grams | other)) for i, other in enumerate(self._sets) if other),
                       key=lambda pair: pair[1], default=None)
            if best is not None and best[1] >= self.threshold:
                return best
            while len(self._sets) < key:
                self._sets.append(set())
            self._sets.append(grams)
            return None
        sketch = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
        sketch.update(sorted(grams))
        signature = np.asarray(sketch.digest(), dtype=np.uint32)
        best = self._bands.nearest(signature, self.threshold)
        if best is None:
            self._bands.add(key, signature)
        return best


class _Bands:
    """Banded LSH over MinHash signatures in numpy arrays: one sorted array of band keys (the
    band number mixed in) with their story numbers, a buffer of recent keys, and the signatures
    for the similarity check."""

    def __init__(self) -> None:
        rows = NUM_PERM // NUM_BANDS
        self._weights = np.array([(0x9E3779B97F4A7C15 * (i + 1)) & 0xFFFFFFFFFFFFFFFF for i in range(rows)],
                                 dtype=np.uint64)
        self._salt = np.array([(0xC2B2AE3D27D4EB4F * (b + 7)) & 0xFFFFFFFFFFFFFFFF for b in range(NUM_BANDS)],
                              dtype=np.uint64)
        self._keys = np.empty(0, dtype=np.uint64)
        self._ids = np.empty(0, dtype=np.int32)
        self._buffer_keys = np.empty((MERGE_EVERY, NUM_BANDS), dtype=np.uint64)
        self._buffer_ids: list[int] = []
        self._signatures = np.empty((0, NUM_PERM), dtype=np.uint32)
        self._stored = array("i")  # story number -> row in the signatures (-1: none, too short)
        self._pending: list[np.ndarray] = []

    def _band_keys(self, signature: np.ndarray) -> np.ndarray:
        bands = signature.astype(np.uint64).reshape(NUM_BANDS, -1)
        with np.errstate(over="ignore"):
            return (bands * self._weights).sum(axis=1, dtype=np.uint64) ^ self._salt

    def nearest(self, signature: np.ndarray, threshold: float) -> tuple[int, float] | None:
        keys = self._band_keys(signature)
        lo = np.searchsorted(self._keys, keys, side="left")
        hi = np.searchsorted(self._keys, keys, side="right")
        candidates = {ident for a, b in zip(lo.tolist(), hi.tolist()) if b > a for ident in self._ids[a:b].tolist()}
        waiting = len(self._buffer_ids)
        if waiting:
            hits = np.flatnonzero((self._buffer_keys[:waiting] == keys).any(axis=1))
            candidates.update(self._buffer_ids[i] for i in hits.tolist())
        best = None
        for ident in sorted(candidates):
            similarity = float((self._signature(ident) == signature).mean())
            if similarity >= threshold and (best is None or similarity > best[1]):
                best = (ident, similarity)
        return best

    def add(self, ident: int, signature: np.ndarray) -> None:
        row = len(self._signatures) + len(self._pending)
        self._stored.extend([-1] * (ident + 1 - len(self._stored)))
        self._stored[ident] = row
        self._pending.append(signature)
        self._buffer_keys[len(self._buffer_ids)] = self._band_keys(signature)
        self._buffer_ids.append(ident)
        if len(self._buffer_ids) >= MERGE_EVERY:
            self._merge()

    def _signature(self, ident: int) -> np.ndarray:
        row = self._stored[ident]
        if row < len(self._signatures):
            return self._signatures[row]
        return self._pending[row - len(self._signatures)]

    def _merge(self) -> None:
        waiting = len(self._buffer_ids)
        keys = np.concatenate([self._keys, self._buffer_keys[:waiting].ravel()])
        ids = np.concatenate([self._ids, np.repeat(np.asarray(self._buffer_ids, dtype=np.int32), NUM_BANDS)])
        order = np.argsort(keys, kind="stable")
        self._keys, self._ids = keys[order], ids[order]
        self._signatures = np.concatenate([self._signatures, np.stack(self._pending)])
        self._buffer_ids, self._pending = [], []
