"""A standalone HTML report: ``klantverhaal analyse corpus/ --html report/``.

    report/index.html                 the company table and every story, with links
    report/stories/<story-id>.html    the story with its phrases highlighted, and its record

Every page carries its own CSS (no CDN, no script, no network) so the folder can
be zipped and mailed to an editor. Story text is escaped by Jinja's autoescape;
highlights come from ``evidence.segments``, the same runs ``klantverhaal show``
colours in the terminal. Templates are package data in ``klantverhaal/templates``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from klantverhaal import __version__, evidence
from klantverhaal.records import Story

STORIES_DIR = "stories"


@cache
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("klantverhaal", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(kinds=evidence.KINDS, version=__version__)
    return env


def page_name(story_id: str, taken: set[str] | None = None) -> str:
    """A safe, unique file name for a story page: "c01_ziggo-storing" -> "c01_ziggo-storing.html",
    "klacht: KPN?!" -> "klacht_KPN_.html"."""
    stem = re.sub(r"[^\w.-]+", "_", story_id, flags=re.ASCII).strip("._")[:80] or "story"
    name, n = f"{stem}.html", 1
    while taken is not None and name in taken:
        n += 1
        name = f"{stem}-{n}.html"
    if taken is not None:
        taken.add(name)
    return name


class HtmlReport:
    """Write story pages as their evidence arrives, then the index: a corpus never sits in memory
    as HTML."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        (self.directory / STORIES_DIR).mkdir(parents=True, exist_ok=True)
        self.pages: dict[str, str] = {}  # story id -> path relative to the index
        self._taken: set[str] = set()

    def add(self, item: evidence.StoryEvidence) -> Path:
        """Write the page of one story; returns its path."""
        name = page_name(item.record.id, self._taken)
        path = self.directory / STORIES_DIR / name
        path.write_text(render_story(item), encoding="utf-8")
        self.pages[item.record.id] = f"{STORIES_DIR}/{name}"
        return path

    def finish(self, records: Iterable[Story], *, skipped: Iterable = (), source: str = "") -> Path:
        """Write index.html for ``records`` (linking the pages written so far); returns its path."""
        path = self.directory / "index.html"
        path.write_text(render_index(list(records), pages=self.pages, skipped=list(skipped), source=source),
                        encoding="utf-8")
        return path


def write(directory: str | Path, items: Iterable[evidence.StoryEvidence], records: Iterable[Story], *,
          skipped: Iterable = (), source: str = "") -> Path:
    """The whole report in one call; returns the path of index.html."""
    report = HtmlReport(directory)
    for item in items:
        report.add(item)
    return report.finish(records, skipped=skipped, source=source)


def render_story(item: evidence.StoryEvidence) -> str:
    record = item.record
    segments = [(seg.text, seg.primary, seg.marks, evidence.describe(seg))
                for seg in evidence.segments(item.text, item.highlights)]
    counts = {name: sum(1 for h in item.highlights if h.kind == name) for name in evidence.KINDS}
    return _environment().get_template("story.html.j2").render(
        record=record, segments=segments, counts=counts, rows=evidence.record_rows(record),
        record_json=evidence.record_json(record), negative=evidence.NEGATIVE_LABELS,
        title=record.id, root="../",
    )


def render_index(records: list[Story], *, pages: dict[str, str], skipped: list = (), source: str = "") -> str:
    from klantverhaal import analysis, report

    summary = analysis.company_summary(analysis.experience_frame(records))
    companies = [{
        "company": row.company, "sector": row.sector, "stories": row.stories,
        "median_contacts": report.number(row.median_contacts), "median_waited": report.hours(row.median_waited_h),
        "max_waited": report.hours(row.max_waited_h), "resolved": report.share(row.share_resolved),
        "gap": report.share(row.share_gap),
    } for row in summary.itertuples(index=False)]
    stories = [{
        "id": r.id, "date": r.date or "–", "href": pages.get(r.id),
        "experiences": [(e.company, e.gap) for e in r.experiences], "mentions": r.mentions,
    } for r in records]
    made = datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
    return _environment().get_template("index.html.j2").render(
        companies=companies, stories=stories, skipped=skipped, source=source, made=made,
        title="klantverhaal report", root="",
    )


