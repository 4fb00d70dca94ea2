"""Evidence: the words of a story the pipeline found, by kind, beside the record read from them.

    "Ik heb Ziggo drie keer gebeld, maar het is nog steeds niet opgelost."
      Ziggo -> company, gebeld -> channel (phone) and contact, keer -> contact,
      niet opgelost -> resolution (unresolved), niet -> modifier (negation)

A journalist checks a figure by looking at the phrases behind it. ``highlights``
turns a Doc's span groups into plain ``Highlight(start, end, kind, label,
cited)`` tuples; ``cited`` says that the record points at the phrase (a wait it
lists, a cue in its evidence, a contact in a sentence of its contact log, a
company it reports an experience with), so what was found but set aside
stays visible and distinguishable. Everything after ``mark`` works without the
Doc: ``segments`` cuts the text into non-overlapping runs for any renderer,
and ``view`` builds the rich renderables for ``klantverhaal show``; the HTML
report (``html_report``) uses the same segments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc

from klantverhaal import pipeline
from klantverhaal.records import Story


@dataclass(frozen=True)
class Kind:
    name: str
    description: str
    style: str  # rich style of a cited phrase; a found-but-not-cited phrase is underlined in `colour`
    colour: str  # rich colour name, for the underline of uncited phrases
    css: str  # CSS colour of the HTML report
    tint: str  # CSS background of a cited phrase


# in order of precedence: where phrases overlap, the first kind colours the run
KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("company", "a company, named or by its kind", "bold white on dodger_blue2", "dodger_blue2",
         "#1f5fbf", "#d4e3fb"),
    Kind("wait", "a wait: waited or promised", "bold black on gold1", "gold1", "#b07800", "#ffe9a8"),
    Kind("friendliness", "a friendliness cue (friendly, unfriendly)", "black on spring_green2", "spring_green2",
         "#1d8a4a", "#c9f0d6"),
    Kind("resolution", "a resolution cue (resolved, unresolved, runaround)", "white on dark_orange3", "dark_orange3",
         "#c0561b", "#fbd9c4"),
    Kind("contact", "a contact: the customer got in touch", "white on medium_purple3", "medium_purple3",
         "#7446b8", "#e6dafa"),
    Kind("channel", "a channel: phone, e-mail, shop, ...", "black on dark_slate_gray2", "dark_slate_gray2",
         "#137a86", "#c8f0f3"),
    Kind("modifier", "negation, irony or an offer that changes a cue", "white on grey42", "grey62",
         "#6b6b6b", "#e4e4e4"),
)}
PRECEDENCE = {name: i for i, name in enumerate(KINDS)}

# cue-ruler labels shown, by kind; the others (self, hedge_but, not_outcome, ...) only steer the reading
CUE_KINDS = {
    "channel": "channel",
    "contact_verb": "contact", "comm_verb": "contact", "vague_contact": "contact", "explicit_count_word": "contact",
    "friendly": "friendliness", "unfriendly": "friendliness",
    "resolved": "resolution", "unresolved": "resolution", "runaround": "resolution",
    "negation": "modifier", "irony": "modifier", "offered": "modifier",
}
NEGATIVE_LABELS = frozenset({"unfriendly", "unresolved", "runaround"})


class Highlight(NamedTuple):
    """A found phrase: characters start..end of the story, its kind, a label ("phone",
    "promised", "Ziggo") and whether the record cites it."""

    start: int
    end: int
    kind: str
    label: str = ""
    cited: bool = False


class Segment(NamedTuple):
    """A run of text covered by the same highlights (none for plain text), strongest first."""

    text: str
    start: int
    end: int
    marks: tuple[Highlight, ...] = ()

    @property
    def primary(self) -> Highlight | None:
        return self.marks[0] if self.marks else None


@dataclass
class StoryEvidence:
    """A story's text, its highlights and its record: all the evidence views need, without a Doc."""

    text: str
    highlights: list[Highlight]
    record: Story


def mark(doc: Doc, record: Story | None = None) -> StoryEvidence:
    """Highlights of ``doc`` with the record's citations; the Doc may be dropped afterwards."""
    record = record if record is not None else Story(id="")
    return StoryEvidence(doc.text, highlights(doc, record), record)


def analyse(story, *, nlp=None) -> StoryEvidence:
    """Run the pipeline over one StoryText and read its record: ``klantverhaal show``."""
    from klantverhaal import experiences, runner

    nlp = nlp or pipeline.shared_nlp()
    doc = nlp(runner._fit(story.text, nlp.max_length))
    return mark(doc, experiences.read_story(doc, story))


def analyse_many(stories: Iterable, records: Iterable[Story], *, nlp=None) -> Iterator[StoryEvidence]:
    """Evidence for records that were already made (perhaps by worker processes or from the cache,
    where no Doc survives): the stories go through the pipeline once more for their spans, and each
    is paired with its own record by id. Stories without a record are passed over."""
    from klantverhaal import runner

    nlp = nlp or pipeline.shared_nlp()
    by_id = {r.id: r for r in records}
    wanted = [s for s in stories if s.id in by_id]
    pairs = ((runner._fit(s.text, nlp.max_length), s) for s in wanted)
    for doc, story in nlp.pipe(pairs, as_tuples=True, batch_size=runner.BATCH_SIZE):
        yield mark(doc, by_id[story.id])


def highlights(doc: Doc, record: Story | None = None) -> list[Highlight]:
    """Every shown span of the Doc as a Highlight, in text order (kinds by precedence at a tie)."""
    cited = _Citations(record)
    out: set[Highlight] = set()
    for span in doc.spans.get(pipeline.COMPANIES, []):
        name = span.id_ or span.text
        label = f"{name} (from context)" if span.label_ == "UNKNOWN" else name
        out.add(Highlight(span.start_char, span.end_char, "company", label, name in cited.companies))
    for span in doc.spans.get(pipeline.KINDS, []):
        if span.label_ == "REF":  # "de klantenservice": refers back, is no company itself
            continue
        out.add(Highlight(span.start_char, span.end_char, "company", span.id_, span.id_ in cited.companies))
    for span in doc.spans.get(pipeline.CUES, []):
        kind = CUE_KINDS.get(span.label_)
        if kind is None:
            continue
        ident = span.id_.split("/")[0]
        if kind == "channel":
            label = ident
        elif kind == "contact":
            label = span.label_.replace("_", " ") + (f" ({ident})" if ident not in ("any", span.label_) else "")
        else:
            label = span.label_
        out.add(Highlight(span.start_char, span.end_char, kind, label, cited.has(kind, span.start_char, span.end_char)))
    for span in doc.spans.get(pipeline.WAITS, []):
        out.add(Highlight(span.start_char, span.end_char, "wait", span.label_,
                          cited.has("wait", span.start_char, span.end_char)))
    return sorted(out, key=lambda h: (h.start, -h.end, PRECEDENCE[h.kind], h.label))


class _Citations:
    """Character ranges the record points at, by kind."""

    def __init__(self, record: Story | None):
        self.companies: set[str] = set()
        self.exact: dict[str, set[tuple[int, int]]] = {k: set() for k in KINDS}
        self.sentences: list[tuple[int, int]] = []
        for e in record.experiences if record else ():
            self.companies.add(e.company)
            self.exact["wait"].update((w.start, w.end) for w in e.waits if w.start is not None)
            for key, kind in (("friendliness", "friendliness"), ("resolved", "resolution"), ("channels", "channel")):
                self.exact[kind].update((c["start"], c["end"]) for c in e.evidence.get(key, ())
                                        if "start" in c and "end" in c)
            self.sentences.extend((c["start"], c["end"]) for c in e.contact_log if "start" in c and "end" in c)

    def has(self, kind: str, start: int, end: int) -> bool:
        if kind == "contact":
            return any(a <= start and end <= b for a, b in self.sentences)
        return (start, end) in self.exact.get(kind, ())


def segments(text: str, marks: Iterable[Highlight]) -> list[Segment]:
    """Cut ``text`` at every highlight boundary: runs that overlap nothing have no marks; in a run
    covered by several, cited highlights come first, then kinds by precedence."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        here = sorted((m for m in marks if m.start <= start and end <= m.end),
                      key=lambda m: (not m.cited, PRECEDENCE[m.kind], m.start, m.label))
        out.append(Segment(text[start:end], start, end, tuple(here)))
    return out


def describe(segment: Segment) -> str:
    """A tooltip for a run: "company: Ziggo · channel: phone (cited)"."""
    return " · ".join(f"{m.kind}: {m.label}" + (" (cited)" if m.cited else "") for m in segment.marks)


# ---- rich renderables -------------------------------------------------------------------------


def styled_text(text: str, marks: Iterable[Highlight]):
    """The story as rich Text: cited phrases on their kind's colour, phrases that were found but
    are not cited underlined in it (a negative cue, like "onbeleefd", also in italics)."""
    from rich.text import Text

    out = Text(text)
    for seg in segments(text, marks):
        m = seg.primary
        if m is None:
            continue
        kind = KINDS[m.kind]
        style = kind.style if m.cited else f"underline {kind.colour}"
        if m.label in NEGATIVE_LABELS:
            style += " italic"
        out.stylize(style, seg.start, seg.end)
    return out


def legend():
    """One line naming every kind in its own style."""
    from rich.text import Text

    out = Text("highlighted: ")
    for kind in KINDS.values():
        out.append(f" {kind.name} ", style=kind.style)
        out.append(" ")
    out.append("  on colour = cited by the record; underlined = found, not cited", style="dim")
    return out


def record_table(record: Story):
    """The record as a compact field/value table, one column per experience."""
    from rich.table import Table

    table = Table(title=f"Record {record.id}" + (f" · {record.date}" if record.date else ""),
                  show_header=bool(record.experiences), expand=False)
    table.add_column("field", style="dim", no_wrap=True)
    for e in record.experiences:
        table.add_column(e.company + (" ⚑ gap" if e.gap else ""), overflow="fold")
    if not record.experiences:
        table.add_row("experiences", "(no company contact)")
    for name, value in record_rows(record):
        table.add_row(name, *value)
    if record.mentions:
        table.caption = "mentioned only: " + ", ".join(record.mentions)
    return table


def record_rows(record: Story) -> list[tuple[str, list[str]]]:
    """(field, one value per experience) for the record tables of the terminal and the HTML report."""
    from klantverhaal import report

    es = record.experiences
    if not es:
        return []
    return [
        ("sector", [e.sector for e in es]),
        ("channels", [", ".join(e.channels) or "–" for e in es]),
        ("contacts", [str(e.contacts) if e.contacts else "–" for e in es]),
        ("waits", ["\n".join(wait_text(w) for w in e.waits) or "–" for e in es]),
        ("friendliness", [f"{e.friendliness} ({report.FRIENDLINESS.get(e.friendliness, '–')})" for e in es]),
        ("resolved", [report.resolved_text(e) for e in es]),
        ("gap", ["yes: friendly, not solved" if e.gap else "no" for e in es]),
    ]


def wait_text(wait) -> str:
    """ "binnen 48 uur: 0–48 h, promised" """
    from klantverhaal import report

    if wait.max_h == wait.min_h:
        span = report.hours(wait.min_h)
    elif wait.max_h is None:
        span = f"≥ {report.hours(wait.min_h)}"
    elif not wait.min_h:
        span = f"up to {report.hours(wait.max_h)}"
    else:
        span = f"{report.hours(wait.min_h)}–{report.hours(wait.max_h)}"
    return f"{wait.text}: {span}, {wait.kind}"


def record_json(record: Story) -> str:
    """The record as pretty JSON (SPEC fields plus evidence)."""
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2)


def view(evidence: StoryEvidence, *, width: int = 100, title: str | None = None):
    """``klantverhaal show``: the highlighted story with its record beside it on a wide terminal
    (140 columns or more), below it on a narrow one."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table

    story = Panel(styled_text(evidence.text, evidence.highlights), title=title or evidence.record.id,
                  subtitle=f"{len(evidence.highlights)} phrases found", border_style="grey50")
    record = record_table(evidence.record)
    if width >= 140:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(ratio=3)
        grid.add_column(ratio=2)
        grid.add_row(story, record)
        return Group(legend(), grid)
    return Group(legend(), story, record)
