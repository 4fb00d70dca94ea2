"""Exact and near-duplicate stories: the same post saved twice, or reposted with a new footer.

Exact: a digest of the normalised text (case, accents as written, every run of
non-word characters one space). Near: MinHash over word 3-grams with rensa
(Rust, +1.3 MB; datasketch pulls scipy and is 19x slower), candidates from a
banded LSH index and kept when the estimated Jaccard similarity reaches 0.8.
Without rensa a plain shingle-set Jaccard does the same job on small corpora.

The index must remember every story of a run, so it lives on disk: a SQLite
file in a temporary folder (digests, story names, band keys, signatures and the
story ids already used), with a bounded page cache. Reading memory therefore
stays flat however large the corpus; the in-memory numpy index it replaces
kept about 2.5 KB a story, which took a 100 MB corpus's reading from 213 to
405 MB. Writes are committed in batches; the connection sees its own
uncommitted rows, so lookups need no separate buffer.

The first story seen is kept; a later copy is skipped with the file it copies:
"near duplicate of blog/kpn-storing.txt (similarity 0.91)".
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import tempfile
import weakref
from pathlib import Path

import numpy as np

THRESHOLD = 0.8
SHINGLE = 3
MIN_WORDS = 20  # shorter texts are compared exactly only: a few shared words are no evidence
NUM_PERM = 128
NUM_BANDS = 32  # 32 bands of 4 rows: a pair at similarity 0.8 shares a band with p > 0.9999
COMMIT_EVERY = 4096  # stories per write transaction
CACHE_KB = 8192  # SQLite page cache: the index's whole memory, whatever the corpus size
SEED = 9

_NON_WORD = re.compile(r"[\W_]+")

try:
    import rensa
except ImportError:  # pragma: no cover - rensa is a dependency; this keeps the reader working without it
    rensa = None

_SCHEMA = """
CREATE TABLE stories (story INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE exact (digest BLOB PRIMARY KEY, story INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE bands (key INTEGER NOT NULL, story INTEGER NOT NULL);
CREATE INDEX bands_key ON bands (key);
CREATE TABLE signatures (story INTEGER PRIMARY KEY, signature BLOB NOT NULL);
CREATE TABLE ids (ident TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
"""


def normalise(text: str) -> str:
    """'Drie keer GEBELD!\\n\\nNiks.' -> 'drie keer gebeld niks'"""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(words: list[str]) -> set[str]:
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


class Index:
    """Stories seen so far in one run; ``check`` answers with a skip reason or adds the story,
    ``claim_id`` does the same for story ids."""

    def __init__(self, *, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._db, folder = _open_store()
        self._remove = weakref.finalize(self, _remove_store, self._db, folder, os.getpid())
        self._count = 0
        self._uncommitted = 0
        self._sets: dict[int, set[str]] = {}  # without rensa only (small corpora)
        self._bands = _BandKeys() if rensa is not None else None

    def check(self, name: str, text: str) -> str | None:
        """None when ``text`` is new (it is then remembered under ``name``), else the reason to skip it."""
        norm = normalise(text)
        digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()
        earlier = self._db.execute("SELECT story FROM exact WHERE digest = ?", (digest,)).fetchone()
        if earlier is not None:
            return f"duplicate of {self._name(earlier[0])}"
        words = norm.split()
        key = self._count
        if len(words) >= MIN_WORDS:
            match = self._near(shingles(words), key)
            if match is not None:
                other, similarity = match
                return f"near duplicate of {self._name(other)} (similarity {similarity:.2f})"
        self._db.execute("INSERT INTO stories VALUES (?, ?)", (key, name))
        self._db.execute("INSERT INTO exact VALUES (?, ?)", (digest, key))
        self._count += 1
        self._written()
        return None

    def claim_id(self, ident: str, name: str) -> str | None:
        """None when no earlier story had ``ident`` (it is now ``name``'s), else that story's name."""
        earlier = self._db.execute("SELECT name FROM ids WHERE ident = ?", (ident,)).fetchone()
        if earlier is not None:
            return earlier[0]
        self._db.execute("INSERT INTO ids VALUES (?, ?)", (ident, name))
        self._written()
        return None

    def close(self) -> None:
        """Closes and deletes the index file (also done when the index is collected or at exit)."""
        self._remove()

    def _name(self, story: int) -> str:
        return self._db.execute("SELECT name FROM stories WHERE story = ?", (story,)).fetchone()[0]

    def _written(self) -> None:
        self._uncommitted += 1
        if self._uncommitted >= COMMIT_EVERY:
            self._db.commit()
            self._uncommitted = 0

    def _near(self, grams: set[str], key: int) -> tuple[int, float] | None:
        """The most similar earlier story at or above the threshold; the new one is indexed."""
        if self._bands is None:
            best = max(((i, len(grams & other) / len(grams | other)) for i, other in self._sets.items()),
                       key=lambda pair: pair[1], default=None)
            if best is not None and best[1] >= self.threshold:
                return best
            self._sets[key] = grams
            return None
        sketch = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
        sketch.update(sorted(grams))
        signature = np.asarray(sketch.digest(), dtype=np.uint32)
        keys = self._bands.keys(signature)
        best = self._nearest(signature, keys)
        if best is None:
            self._db.executemany("INSERT INTO bands VALUES (?, ?)", ((k, key) for k in keys))
            self._db.execute("INSERT INTO signatures VALUES (?, ?)", (key, signature.tobytes()))
        return best

    def _nearest(self, signature: np.ndarray, keys: list[int]) -> tuple[int, float] | None:
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT s.story, s.signature FROM signatures s WHERE s.story IN "
            f"(SELECT DISTINCT story FROM bands WHERE key IN ({marks})) ORDER BY s.story", keys).fetchall()
        best = None
        for story, blob in rows:
            similarity = float((np.frombuffer(blob, dtype=np.uint32) == signature).mean())
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (story, similarity)
        return best


class _BandKeys:
    """The 32 band keys of a MinHash signature as signed 64-bit integers (SQLite's INTEGER), the
    band number mixed in so equal rows in different bands never collide."""

    def __init__(self) -> None:
        rows = NUM_PERM // NUM_BANDS
        self._weights = np.array([(0x9E3779B97F4A7C15 * (i + 1)) & 0xFFFFFFFFFFFFFFFF for i in range(rows)],
                                 dtype=np.uint64)
        self._salt = np.array([(0xC2B2AE3D27D4EB4F * (b + 7)) & 0xFFFFFFFFFFFFFFFF for b in range(NUM_BANDS)],
                              dtype=np.uint64)

    def keys(self, signature: np.ndarray) -> list[int]:
        bands = signature.astype(np.uint64).reshape(NUM_BANDS, -1)
        with np.errstate(over="ignore"):
            mixed = (bands * self._weights).sum(axis=1, dtype=np.uint64) ^ self._salt
        return mixed.view(np.int64).tolist()


def _open_store() -> tuple[sqlite3.Connection, Path]:
    """A fresh SQLite file in its own temporary folder. Durability is switched off: the file only
    lives for the run."""
    folder = Path(tempfile.mkdtemp(prefix="klantverhaal-dedupe-"))
    db = sqlite3.connect(folder / "index.sqlite", isolation_level="DEFERRED", check_same_thread=False)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    db.executescript(_SCHEMA)
    return db, folder


def _remove_store(db: sqlite3.Connection, folder: Path, owner: int) -> None:
    """Only the process that made the file removes it: a forked worker leaves it alone."""
    if os.getpid() != owner:
        return
    db.close()
    shutil.rmtree(folder, ignore_errors=True)
