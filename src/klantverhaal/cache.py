"""A result cache: one SPEC record per (story, pipeline), so a re-run over an unchanged corpus is instant.

A record depends on the story's text, id and date and on the pipeline that read
it. The key is the sha256 of those three plus a pipeline *fingerprint*: the
package version, spaCy's version, a hash of every data file
(``resources.fingerprint()``) and a hash of the package's Python modules that
shape a record (all but those listed in ``NOT_HASHED``), so editing
``data/channels.jsonl`` or ``experiences.py`` makes every old entry miss
instead of serving stale answers. The story's path is not part of the
key: a renamed or moved file still hits (its ``source`` is filled in afresh).

Entries live in one sqlite3 file (stdlib, safe for several readers) under the
platform's cache folder: ``$KLANTVERHAAL_CACHE_DIR`` when set, else
``$XDG_CACHE_HOME/klantverhaal``, else ``~/.cache/klantverhaal`` (on macOS
``~/Library/Caches/klantverhaal``, on Windows ``%LOCALAPPDATA%\\klantverhaal``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterable
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from klantverhaal.corpus import StoryText

ENV_DIR = "KLANTVERHAAL_CACHE_DIR"
# modules that cannot change a record (they read, key, render or score records): editing them keeps
# the cache; every other module, including new ones, is hashed, so a new rule never serves stale answers
NOT_HASHED = frozenset({
    "__main__.py", "cli.py", "cache.py", "corpus.py", "dates.py", "boilerplate.py", "language.py", "dedupe.py",
    "analysis.py", "compare.py", "report.py", "html_report.py", "scoring.py",
})
FILE_NAME = "records.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    key TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    record TEXT NOT NULL
)
"""


def directory() -> Path:
    """Where the cache lives, by the platform's conventions (see the module docstring)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR]).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "klantverhaal"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "klantverhaal"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "klantverhaal"


@cache
def fingerprint() -> str:
    """What the records depend on besides the story: versions, data files and our own code."""
    import spacy

    from klantverhaal import __version__, resources

    digest = hashlib.sha256()
    digest.update(f"klantverhaal {__version__}; spacy {spacy.__version__}; data {resources.fingerprint()}".encode())
    for name, content in sorted(_source_files()):
        digest.update(name.encode())
        digest.update(content)
    return digest.hexdigest()[:16]


def _source_files() -> Iterable[tuple[str, bytes]]:
    """The package's .py files that shape a record, so an edited rule invalidates the cache even
    without a version bump. Text, id and date are in the key already, so the modules that read
    and clean files (corpus, dates, ...) are left out, with those that only render or score."""
    root = importlib_resources.files("klantverhaal")
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        for entry in folder.iterdir():
            if entry.is_dir() and entry.name not in ("data", "__pycache__"):
                stack.append((entry, f"{prefix}{entry.name}/"))
            elif entry.is_file() and entry.name.endswith(".py") and f"{prefix}{entry.name}" not in NOT_HASHED:
                yield f"{prefix}{entry.name}", entry.read_bytes()


def key(story: StoryText, pipeline_fingerprint: str) -> str:
    """sha256 of text, id, date and pipeline fingerprint; the NUL separators keep fields apart."""
    digest = hashlib.sha256()
    for part in (pipeline_fingerprint, story.id, story.date or "", story.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class Cache:
    """key -> record dict in a sqlite3 table; ``get_many`` and ``put_many`` work per batch.

    >>> store = Cache()                        # doctest: +SKIP
    >>> store.get_many(["9f2c..."])            # {} on a miss  # doctest: +SKIP
    """

    def __init__(self, folder: str | Path | None = None, *, pipeline_fingerprint: str | None = None):
        self.folder = Path(folder) if folder is not None else directory()
        self.fingerprint = pipeline_fingerprint or fingerprint()
        self.path = self.folder / FILE_NAME
        self.folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=30)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError:  # some network file systems refuse WAL; the default journal works
            pass
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def key(self, story: StoryText) -> str:
        return key(story, self.fingerprint)

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """The records found among ``keys``; missing keys are simply absent."""
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(keys), 500):  # sqlite's limit on bound parameters
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for k, record in self._db.execute(f"SELECT key, record FROM records WHERE key IN ({marks})", chunk):
                found[k] = json.loads(record)
        return found

    def put_many(self, items: Iterable[tuple[str, dict[str, Any]]]) -> None:
        rows = [(k, self.fingerprint, json.dumps(record, ensure_ascii=False)) for k, record in items]
        if rows:
            self._db.executemany("INSERT OR REPLACE INTO records (key, fingerprint, record) VALUES (?, ?, ?)", rows)
            self._db.commit()

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM records").fetchone()[0]

    def prune(self) -> int:
        """Drop entries written by other pipeline fingerprints; returns how many went."""
        cursor = self._db.execute("DELETE FROM records WHERE fingerprint != ?", (self.fingerprint,))
        self._db.commit()
        return cursor.rowcount

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
