"""Read the package's data files, validating as we go.

Word lists, brands and patterns live in ``klantverhaal/data`` so that a
journalist can extend them without touching Python. Every loader checks its
lines and names the file and line number when one is wrong, because a bad
line in a data file should fail loudly at start-up, not quietly at scoring.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from typing import Any

PACKAGE = "klantverhaal"


class DataFileError(ValueError):
    """A data file has a line we cannot use; the message names file and line."""


def data_path(name: str):
    """The packaged data file ``name`` as a Traversable."""
    return resources.files(PACKAGE).joinpath("data", name)


def read_text(name: str) -> str:
    return data_path(name).read_text(encoding="utf-8")


@cache
def word_lines(name: str) -> frozenset[str]:
    """The entries of a one-per-line word file such as places.txt, lower-cased; blank lines and
    "#" comments are skipped."""
    return frozenset(line.strip().lower() for line in read_text(name).splitlines()
                     if line.strip() and not line.startswith("#"))


@cache
def read_json(name: str) -> dict[str, Any]:
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as err:
        raise DataFileError(f"{name}: not valid JSON ({err})") from err


@cache
def read_jsonl(name: str, *, required: tuple[str, ...] = ()) -> tuple[dict[str, Any], ...]:
    """Rows of a JSON Lines file; blank lines and lines starting with // are skipped."""
    rows = []
    for number, line in enumerate(read_text(name).splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise DataFileError(f"{name} line {number}: not valid JSON ({err})") from err
        missing = [key for key in required if key not in row]
        if missing:
            raise DataFileError(f"{name} line {number}: missing {', '.join(missing)}")
        rows.append(row)
    return tuple(rows)


@cache
def read_csv(name: str, *, required: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    reader = csv.DictReader(io.StringIO(read_text(name)))
    missing = [key for key in required if key not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(f"{name}: header lacks {', '.join(missing)}")
    rows = []
    for number, row in enumerate(reader, start=2):
        if any(not (row.get(key) or "").strip() for key in required[:2]):
            raise DataFileError(f"{name} line {number}: empty {' or '.join(required[:2])}")
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return tuple(rows)


def _grammar_entry(key: str) -> list[str]:
    """The list stored under ``key`` in grammar.json; a missing key names itself."""
    grammar = read_json("grammar.json")
    if key not in grammar:
        raise DataFileError(f"grammar.json: no entry {key!r}")
    return grammar[key]


def words(key: str) -> frozenset[str]:
    """A word list from grammar.json as a set, for membership tests on token text."""
    return frozenset(_grammar_entry(key))


def phrases(key: str) -> tuple[str, ...]:
    """A phrase list from grammar.json in file order, for prefix and substring tests."""
    return tuple(_grammar_entry(key))


def pairs(key: str) -> tuple[tuple[str, str], ...]:
    """A list of "left:right" entries from grammar.json ("webform:formulier", "doorgemaild:email")
    as pairs in file order; an entry without its colon is a data error, named."""
    out = []
    for entry in _grammar_entry(key):
        left, colon, right = entry.partition(":")
        if not colon or not left or not right:
            raise DataFileError(f"grammar.json: {key} entry {entry!r} is not 'left:right'")
        out.append((left, right))
    return tuple(out)


def fingerprint() -> str:
    """A short hash of every data file: changes whenever a pattern or word list changes."""
    import hashlib

    digest = hashlib.sha256()
    for entry in sorted(resources.files(PACKAGE).joinpath("data").iterdir(), key=lambda p: p.name):
        if entry.is_file():
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]
