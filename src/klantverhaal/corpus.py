"""read_stories(path): every story under a path, decoded and cleaned, or skipped with a reason.

Nothing is lost: each input file (or corpus row) ends up either as a
StoryText or as a Skipped(path, reason), and one bad file never stops a run.

    corpus/x.txt, x.md       one story per file
    x.html, x.htm            the page's main text (trafilatura) and its date
    x.jsonl, x.csv           one story per row: id, text (or --text-column), optional date, url
    x.txt.gz, x.csv.gz, ...  gzip of any of these

Bytes are decoded as LIBRARIES.md measured: BOM (UTF-8, UTF-16, UTF-32), then
strict UTF-8, then cp1252; ftfy then repairs mojibake ("verhuizingâ€™" ->
"verhuizing’") keeping curly quotes. Damage nothing can repair ("pl?tseling",
U+FFFD) is kept and listed in ``StoryText.flags``. Boilerplate goes next
(``boilerplate``: page furniture by pattern, then lines repeated across the
run), then stories that are not Dutch (``language``) and duplicates
(``dedupe``) are skipped, naming what they duplicate. Symlink loops are caught
by tracking real paths; FIFOs and devices are never opened.
"""

from __future__ import annotations

import codecs
import csv
import errno
import gzip
import io
import itertools
import json
import logging
import os
import re
import stat
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from klantverhaal import boilerplate, dates, dedupe, language

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".csv")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
MAX_BYTES = 50_000_000
TEXT_COLUMN = "text"
MAX_CONTROL_SHARE = 0.02  # more control characters than this in decoded text: binary
MAX_NUL_SHARE = 0.1  # stray NUL bytes in text are removed (then the control-character test decides); more: binary
BINARY_MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
                b"PK\x03\x04": "zip archive", b"\x7fELF": "executable", b"\xd0\xcf\x11\xe0": "Office document"}

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# '?' standing in for lost letters: "pl?tseling", "Cura?ao"; or for a lost curly quote
# mid-sentence: "het woord ???verhuizing??? staat" (a question ends a sentence instead)
_LOST_LETTER = re.compile(r"(?<![\w/=&.?%-])[^\W\d_]+\?[^\W\d_]+(?![\w=&/?])")
_LOST_QUOTE = re.compile(r"[^\W\d_]\?{3}(?=[ \t]+[a-zà-ÿ])|(?<=\s)\?{3}(?=[^\W\d_])")


@dataclass
class StoryText:
    id: str
    text: str
    path: str
    date: str | None = None
    url: str | None = None
    flags: list[str] = field(default_factory=list)


@dataclass
class Skipped:
    path: str
    reason: str


class CorpusError(Exception):
    """The path itself cannot be read (missing, not a file or folder)."""


BOILERPLATE_SAMPLE = 2000  # stories read ahead to learn the lines every post repeats


def read_stories(path: str | Path, *, skipped: list[Skipped] | None = None, text_column: str = TEXT_COLUMN,
                 any_language: bool = False, dedupe_stories: bool = True,
                 sample: int = BOILERPLATE_SAMPLE) -> Iterator[StoryText]:
    """Stories under ``path`` (a file or a folder searched recursively). Whatever cannot be used is
    appended to ``skipped`` with its reason instead of stopping the run.

    Stories stream: only the first ``sample`` stories are read ahead, to learn the lines repeated
    across the run's documents ("Dit verhaal verscheen op ..."); after that each story is yielded
    as soon as it is read, so memory does not grow with the corpus (the duplicate index and the ids
    seen live in a temporary SQLite file, not in memory).
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path} does not exist")
    skipped = skipped if skipped is not None else []
    stories = _stories_in(path, skipped, text_column)
    ahead = list(itertools.islice(stories, sample))
    repeated = boilerplate.repeated_lines(story.text for story in ahead)
    index = dedupe.Index()
    try:
        for story in itertools.chain(ahead, stories):
            kept = _admit(story, repeated, index, any_language=any_language, dedupe_stories=dedupe_stories)
            if isinstance(kept, Skipped):
                skipped.append(kept)
            else:
                yield kept
    finally:
        index.close()


def _stories_in(path: Path, skipped: list[Skipped], text_column: str) -> Iterator[StoryText]:
    for file in iter_files(path, skipped=skipped):
        for item in read_file(file, text_column=text_column):
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                yield item


def _admit(story: StoryText, repeated: frozenset[str], index: dedupe.Index, *,
           any_language: bool, dedupe_stories: bool) -> StoryText | Skipped:
    """The story ready for analysis, or why it is skipped (furniture only, not Dutch, a
    duplicate, an id seen before)."""
    if repeated:
        story.text = boilerplate.drop_lines(story.text, repeated)
        if not story.text.strip():
            return Skipped(story.path, "empty after removing lines repeated across the files")
    if not any_language:
        reason = language.not_dutch(story.text)
        if reason:
            return Skipped(story.path, reason + "; --any-language keeps it")
    if dedupe_stories:
        reason = index.check(story.path, story.text)
        if reason:
            return Skipped(story.path, reason)
    earlier = index.claim_id(story.id, story.path)
    if earlier is not None:
        return Skipped(story.path, f"duplicate id {story.id} (also {earlier})")
    if story.date is None:
        story.date = dates.find(story.text)
    return story


def iter_files(path: Path, *, skipped: list[Skipped] | None = None) -> Iterator[Path]:
    """Every non-hidden file under ``path`` in a stable order, following symlinks once.
    Folders met again through a symlink (a loop) and unreadable folders go to ``skipped``."""
    skipped = skipped if skipped is not None else []
    if not path.is_dir():
        yield path
        return
    seen: set[str] = set()

    def unreadable(err: OSError) -> None:
        skipped.append(Skipped(str(err.filename or path), f"unreadable folder: {err.strerror or err}"))

    for root, dirs, files in os.walk(path, followlinks=True, onerror=unreadable):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            above = os.path.realpath(os.path.dirname(root))
            loop = above == real or above.startswith(real.rstrip(os.sep) + os.sep)
            skipped.append(Skipped(root, "symlink loop (points back to a folder above it)" if loop
                                   else f"folder already read through another path ({real})"))
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


# a corpus folder's own notes ("corpus/README.md") are not stories
DOCUMENTATION_NAMES = {"readme", "license", "licence", "changelog", "contributing", "notice", "authors"}


def read_file(file: Path, *, text_column: str = TEXT_COLUMN) -> Iterator[StoryText | Skipped]:
    """The stories of one file (several for a .jsonl/.csv corpus), or why there are none."""
    name = file.name.lower()
    packed = name.endswith(".gz")
    inner = name[:-3] if packed else name
    kind = os.path.splitext(inner)[1]
    if os.path.splitext(inner)[0] in DOCUMENTATION_NAMES:
        yield Skipped(str(file), "documentation of the folder (README, LICENSE, ...), not a story")
        return
    if kind not in SUFFIXES:
        what = f"'{kind}{'.gz' if packed else ''}'" if kind else "without extension"
        yield Skipped(str(file), f"not a story file ({what}); read are {', '.join(SUFFIXES)} and their .gz")
        return
    raw = _read_bytes(file)
    if isinstance(raw, Skipped):
        yield raw
        return
    if packed:
        raw = _gunzip(raw, file)
        if isinstance(raw, Skipped):
            yield raw
            return
    stem = os.path.splitext(os.path.splitext(file.name)[0] if packed else file.name)[0]
    try:
        if kind in HTML_SUFFIXES:
            yield _read_html(raw, file, stem)
        elif kind in TABLE_SUFFIXES:
            yield from _read_table(raw, file, stem, kind=kind, text_column=text_column)
        else:
            yield _read_text(raw, file, stem)
    except Exception as err:  # noqa: BLE001 - one odd file must never stop a run
        yield Skipped(str(file), f"unreadable: {type(err).__name__}: {err}")


def read_story_file(file: Path, *, root: Path | None = None) -> StoryText | Skipped:
    """The first story of ``file`` or why it has none (kept for callers that read one file)."""
    return next(iter(read_file(file)), Skipped(str(file), "empty"))


def _read_bytes(file: Path) -> bytes | Skipped:
    try:
        info = os.stat(file)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return Skipped(str(file), "symlink loop")
        if err.errno == errno.ENOENT and os.path.islink(file):
            return Skipped(str(file), "broken symlink")
        return Skipped(str(file), f"unreadable: {err.strerror or err}")
    if not stat.S_ISREG(info.st_mode):
        return Skipped(str(file), f"not a regular file ({_file_type(info.st_mode)})")
    if info.st_size > MAX_BYTES:
        return Skipped(str(file), f"too large (over {MAX_BYTES // 1_000_000} MB)")
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as err:
        return Skipped(str(file), f"unreadable: {err.strerror or err}")
    if len(raw) > MAX_BYTES:
        return Skipped(str(file), f"too large (over {MAX_BYTES // 1_000_000} MB)")
    return raw


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "folder")):
        if test(mode):
            return name
    return "special file"


def _gunzip(raw: bytes, file: Path) -> bytes | Skipped:
    """Decompressed bytes, never more than MAX_BYTES (a small .gz can hold gigabytes)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as handle:
            data = handle.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as err:
        return Skipped(str(file), f"unreadable gzip: {err}")
    if len(data) > MAX_BYTES:
        return Skipped(str(file), f"too large unpacked (over {MAX_BYTES // 1_000_000} MB)")
    return data


def decode(raw: bytes) -> str | None:
    """BOM -> strict UTF-8 -> cp1252; None for binary data."""
    return decode_bytes(raw)[0]


def decode_bytes(raw: bytes) -> tuple[str | None, list[str]]:
    """(text, flags), or (None, [why]) for binary data. A BOM decides the encoding (UTF-16 is full
    of NUL bytes, so BOMs come before the binary test); a few stray NUL bytes in text are removed
    and flagged; text in no encoding is kept with U+FFFD only behind a BOM."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom):]
            try:
                return body.decode(encoding), []
            except UnicodeDecodeError:
                return body.decode(encoding, errors="replace"), [f"not valid {encoding.upper()} after its BOM"]
    for magic, what in BINARY_MAGIC.items():
        if raw.startswith(magic):
            return None, [f"binary ({what})"]
    flags: list[str] = []
    nuls = raw.count(0)
    if nuls:
        text = _utf16_without_bom(raw) if nuls > len(raw) * 0.3 else None
        if text is not None:
            return text, []
        if nuls > len(raw) * MAX_NUL_SHARE:
            return None, ["binary (NUL bytes)"]
        raw = raw.replace(b"\x00", b"")
        flags.append(f"{nuls} NUL bytes removed")
    for encoding in ("utf-8", "cp1252"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text)) > max(2, len(text) * MAX_CONTROL_SHARE):
            return None, ["binary (control characters)"]
        return text, flags
    return None, ["binary or undecodable"]


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 without a BOM: the NUL bytes sit in the odd (little endian) or even positions."""
    odd, even = raw[1::2].count(0), raw[0::2].count(0)
    encoding = "utf-16-le" if odd > 3 * even else "utf-16-be" if even > 3 * odd else None
    if encoding is None or len(raw) % 2:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if len(_CONTROL.findall(text)) > max(2, len(text) * MAX_CONTROL_SHARE) else text


def repair(text: str) -> tuple[str, list[str]]:
    """ftfy's repair of mojibake, keeping curly quotes, and flags for damage it cannot undo."""
    import ftfy

    text = ftfy.fix_text(text, uncurl_quotes=False)
    return text, damage(text)


def damage(text: str) -> list[str]:
    """What is visibly lost: U+FFFD and '?' where letters or quotes were ('pl?tseling')."""
    flags = []
    lost = text.count("\ufffd")
    if lost:
        flags.append(f"{lost} unreadable characters (U+FFFD)")
    marks = [m.group(0) for m in _LOST_LETTER.finditer(text)] + [m.group(0) for m in _LOST_QUOTE.finditer(text)]
    if marks:
        examples = ", ".join(repr(_context(text, m)) for m in marks[:2])
        flags.append(f"'?' where characters were lost ({len(marks)}x, e.g. {examples})")
    return flags


def _context(text: str, mark: str) -> str:
    at = text.find(mark)
    return " ".join(text[max(0, at - 12): at + len(mark) + 8].split())


def clean(text: str) -> str:
    """Normalise line ends and spaces; keep paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _prepare(text: str, flags: list[str]) -> tuple[str, list[str], list[str]]:
    """Repaired, cleaned text without boilerplate; (text, flags, kinds of boilerplate removed)."""
    text, damaged = repair(text)
    text = clean(unicodedata.normalize("NFC", text))
    text, removed = boilerplate.remove(text)
    return text, flags + damaged, sorted({kind for kind, _ in removed})


def _story(text: str, flags: list[str], *, path: str, story_id: str, date: str | None = None,
           url: str | None = None, where: str = "") -> StoryText | Skipped:
    if not text.strip():
        return Skipped(path, f"{where}empty")
    text, flags, removed = _prepare(text, flags)
    if not text.strip():
        return Skipped(path, f"{where}only boilerplate ({', '.join(removed)})")
    return StoryText(id=story_id, text=text, path=path, date=date, url=url, flags=flags)


def _read_text(raw: bytes, file: Path, stem: str) -> StoryText | Skipped:
    text, flags = decode_bytes(raw)
    if text is None:
        return Skipped(str(file), flags[0])
    return _story(text, flags, path=str(file), story_id=stem)


_quiet_logs = False


def _read_html(raw: bytes, file: Path, stem: str) -> StoryText | Skipped:
    """Main text by trafilatura (comments excluded), its date when the page gives one."""
    global _quiet_logs
    import trafilatura

    if not _quiet_logs:  # trafilatura logs every page it finds empty; our skip table says it once
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        _quiet_logs = True
    decoded, flags = decode_bytes(raw)
    if decoded is None:
        return Skipped(str(file), flags[0])
    if not decoded.strip():
        return Skipped(str(file), "empty")
    # bytes keep the page's own charset declaration; decoded text when it needed a BOM or NUL removal
    page = raw if raw.lstrip()[:1] == b"<" and not flags else decoded
    doc = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        text = trafilatura.extract(page, include_comments=False, favor_recall=True)
    if not text:
        text = trafilatura.html2txt(page)
    if not text or not text.strip():
        return Skipped(str(file), "HTML page without text")
    date = getattr(doc, "date", None) if doc is not None else None
    date = dates.find(date) if date else None
    return _story(text, flags, path=str(file), story_id=stem, date=date)


def _read_table(raw: bytes, file: Path, stem: str, *, kind: str, text_column: str) -> Iterator[StoryText | Skipped]:
    """One story per row of a .jsonl or .csv corpus: id, text, optional date and url. A row's
    path is ``file#rowN`` (N counts lines in .jsonl, data rows in .csv), and so is its skip."""
    decoded, flags = decode_bytes(raw)
    if decoded is None:
        yield Skipped(str(file), flags[0])
        return
    if not decoded.strip():
        yield Skipped(str(file), "empty")
        return
    rows = _jsonl_rows(decoded, file) if kind == ".jsonl" else _csv_rows(decoded, file)
    columns: set[str] = set()
    found_column = False
    stories: list[StoryText | Skipped] = []
    for number, row in rows:
        if isinstance(row, Skipped):
            stories.append(row)
            continue
        columns.update(row)
        key = _column(row, text_column)
        found_column = found_column or key is not None
        value = row.get(key) if key is not None else None
        where = f"row {number}: "
        path = f"{file}#row{number}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            stories.append(Skipped(path, f"{where}no text in column '{text_column}'"))
            continue
        row_id = _cell(row, "id") or f"{stem}#{number}"
        date = _cell(row, "date")
        stories.append(_story(value, list(flags), path=path, story_id=row_id, where=where,
                              date=dates.find(date) if date else None, url=_cell(row, "url")))
    if columns and not found_column:
        hint = "; these look like analysis records, not stories" if "experiences" in columns else ""
        yield Skipped(str(file), f"no '{text_column}' column (has {', '.join(sorted(columns)[:8])}){hint}; "
                      "choose one with --text-column")
        return
    if not stories:
        yield Skipped(str(file), "empty (no rows)")
        return
    yield from stories


def _column(row: dict, name: str) -> str | None:
    if name in row:
        return name
    wanted = name.strip().casefold()
    return next((key for key in row if isinstance(key, str) and key.strip().casefold() == wanted), None)


def _cell(row: dict, name: str) -> str | None:
    key = _column(row, name)
    value = row.get(key) if key is not None else None
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    value = str(value).strip()
    return value or None


def _jsonl_rows(text: str, file: Path) -> Iterator[tuple[int, dict | Skipped]]:
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            yield number, Skipped(f"{file}#row{number}", f"row {number}: not valid JSON ({err})")
            continue
        if not isinstance(row, dict):
            yield number, Skipped(f"{file}#row{number}", f"row {number}: not a JSON object")
            continue
        yield number, row


def _csv_rows(text: str, file: Path) -> Iterator[tuple[int, dict | Skipped]]:
    """Rows of a CSV with a header; comma, semicolon (Dutch Excel) or tab separated."""
    csv.field_size_limit(MAX_BYTES)
    head = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=head.count)
    if head.lower().startswith("sep="):  # Excel's separator hint line
        delimiter = head[4:5] or ","
        text = text.split("\n", 1)[1] if "\n" in text else ""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        header = next(reader, None)
        if header is None:
            return
        header = [h.strip() for h in header]
        for number, cells in enumerate(reader, start=1):
            if not any(c.strip() for c in cells):
                continue
            yield number, dict(zip(header, cells))
    except csv.Error as err:
        yield number + 1, Skipped(f"{file}#row{number + 1}", f"row {number + 1} and after: unreadable CSV ({err})")
