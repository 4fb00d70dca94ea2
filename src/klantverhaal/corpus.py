"""read_stories(path): every story under a path, decoded and cleaned, or skipped with a reason.

Nothing is lost: each input file ends up either as a StoryText or as a
Skipped(path, reason). Decoding follows LIBRARIES.md: BOM, then strict
UTF-8, then cp1252. Symlink loops are avoided by tracking real paths.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from klantverhaal import dates

TEXT_SUFFIXES = (".txt", ".md")
MAX_BYTES = 50_000_000


@dataclass
class StoryText:
    id: str
    text: str
    path: str
    date: str | None = None


@dataclass
class Skipped:
    path: str
    reason: str


class CorpusError(Exception):
    """The path itself cannot be read (missing, not a file or folder)."""


def iter_files(path: Path) -> Iterator[Path]:
    """Story files under ``path`` in a stable order, following symlinks once."""
    if path.is_file():
        yield path
        return
    seen: set[str] = set()
    for root, dirs, files in os.walk(path, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(TEXT_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name


def read_stories(path: str | Path, *, skipped: list[Skipped] | None = None) -> Iterator[StoryText]:
    """Stories under ``path`` (a file or folder of .txt/.md). Files that cannot be used are
    appended to ``skipped`` with their reason instead of stopping the run."""
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path} does not exist")
    skipped = skipped if skipped is not None else []
    seen_ids: dict[str, str] = {}
    for file in iter_files(path):
        story = read_story_file(file, root=path)
        if isinstance(story, Skipped):
            skipped.append(story)
            continue
        if story.id in seen_ids:
            skipped.append(Skipped(str(file), f"duplicate id {story.id} (also {seen_ids[story.id]})"))
            continue
        seen_ids[story.id] = str(file)
        yield story


def read_story_file(file: Path, *, root: Path | None = None) -> StoryText | Skipped:
    try:
        if not file.is_file():
            return Skipped(str(file), "not a regular file")
        if file.stat().st_size > MAX_BYTES:
            return Skipped(str(file), f"too large (over {MAX_BYTES // 1_000_000} MB)")
        raw = file.read_bytes()
    except OSError as err:
        return Skipped(str(file), f"unreadable: {err.strerror or err}")
    text = decode(raw)
    if text is None:
        return Skipped(str(file), "binary or undecodable")
    text = clean(text)
    if not text.strip():
        return Skipped(str(file), "empty")
    return StoryText(id=file.stem, text=text, path=str(file), date=dates.find(text))


def decode(raw: bytes) -> str | None:
    """BOM -> strict UTF-8 -> cp1252; None for binary data."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in raw[:4096]:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return None


def clean(text: str) -> str:
    """Normalise line ends and spaces; keep paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
