"""Rich renderables for the terminal. Functions return tables; the CLI prints them.

Columns wrap at word boundaries (``overflow="fold"`` is never used for
prose), so the tables stay readable at 100 columns.
"""

from __future__ import annotations

import math

import pandas as pd
from rich import box
from rich.table import Table

from klantverhaal.records import Experience, Story
from klantverhaal.scoring import ACCURACY_SCORES, PRF_SCORES, Scores

FRIENDLINESS = {1: "friendly", 0: "neutral", -1: "unfriendly", None: "–"}
TONE = {1: "kind", 0: "–", -1: "rude", None: "–"}
RESOLVED = {True: "yes", False: "no", None: "–"}


def resolved_text(experience: Experience) -> str:
    """yes / no, with a "?" when no sentence told the end and it was read from the tone."""
    return RESOLVED.get(experience.resolved, "–") + ("?" if experience.resolved_inferred else "")


def hours(value: float | None) -> str:
    """Readable hours: 0.5 -> "30 min", 36 -> "36 h", 504 -> "3 wk"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if value < 1:
        return f"{round(value * 60)} min"
    if value < 72:
        return f"{value:g} h"
    if value < 24 * 21:
        return f"{value / 24:.3g} d"
    if value < 730 * 3:
        return f"{value / 168:.3g} wk"
    return f"{value / 730:.3g} mo"


def _wait_text(wait) -> str:
    """ "binnen 48 uur" -> "binnen 48 uur ≤ 48 h (promised)": the phrase, its hours, its kind."""
    if wait.max_h is None:
        span = f"≥ {hours(wait.min_h)}"
    elif wait.min_h == wait.max_h:
        span = hours(wait.min_h)
    elif not wait.min_h:
        span = f"≤ {hours(wait.max_h)}"
    else:
        span = f"{hours(wait.min_h)}–{hours(wait.max_h)}"
    return f"{wait.text}: {span} ({'promised' if wait.kind == 'promised' else 'waited'})"


def _fixed_width(values: list[str], cap: int) -> int:
    """Width that shows the longest value whole (names and ids are never cut), up to ``cap``."""
    return min(cap, max((len(v) for v in values), default=4))


def stories_table(stories: list[Story], *, width: int = 100) -> Table:
    """One section per story: its id and date, then one row per company. Ids and names keep
    their full width (never cut); channels and waits wrap between words, so the table reads
    at 100 columns."""
    table = Table(title="Stories", show_lines=False)
    heads = [s.id for s in stories] + [e.company + " ⚑ gap" for s in stories for e in s.experiences]
    # fixed widths for everything but the waits, which take the rest and wrap
    wide = width >= 100
    head_w = _fixed_width(heads, 26 if wide else 16)
    channels_w = 14 if wide else 10
    waits_w = max(12, width - head_w - channels_w - 8 - 4 - 6 - 19)
    table.add_column("story / company", width=head_w, overflow="fold")
    table.add_column("channels", width=channels_w)
    table.add_column("contacts", width=8)
    table.add_column("waits", width=waits_w)
    table.add_column("tone", width=4)
    table.add_column("solved", width=6)
    for story in stories:
        table.add_section()
        table.add_row(f"[bold]{story.id}[/]", story.date or "", "", "", "", "")
        if not story.experiences:
            table.add_row("  (no company contact)", "", "", "", "", "")
            continue
        for e in story.experiences:
            table.add_row(
                "  " + e.company + (" [red]⚑ gap[/]" if e.gap else ""),
                ", ".join(e.channels) or "–",
                str(e.contacts) if e.contacts else "–",
                "; ".join(_wait_text(w) for w in e.waits) or "–",
                TONE.get(e.friendliness, "–"),
                resolved_text(e),
            )
    return table


def companies_table(summary: pd.DataFrame, *, width: int = 100) -> Table:
    table = Table(title="Companies", show_lines=False)
    narrow = width < 100
    table.add_column("company", width=_fixed_width([str(c) for c in summary["company"]], 14 if narrow else 20),
                     overflow="fold")
    for name, justify, col_w in (("sector", "left", 8 if narrow else 11), ("stories", "right", 7),
                                 ("median contacts", "right", 8), ("median waited", "right", 6 if narrow else 7),
                                 ("max waited", "right", 6 if narrow else 7), ("solved", "right", 6),
                                 ("kind but unsolved", "right", 8)):
        table.add_column(name, justify=justify, width=col_w)
    for row in summary.itertuples(index=False):
        table.add_row(
            row.company, row.sector, str(row.stories),
            number(row.median_contacts), hours(row.median_waited_h), hours(row.max_waited_h),
            share(row.share_resolved), share(row.share_gap),
        )
    return table


def number(value) -> str:
    """A count or median for a table cell; "–" where there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:g}"


def share(value) -> str:
    """A share as a whole percentage; "–" where there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.0%}"


def scores_table(scores: Scores, *, title: str = "Scores") -> Table:
    table = Table(title=f"{title} ({scores.stories} stories)")
    for name, justify in (("score", "left"), ("value", "right"), ("P", "right"), ("R", "right"),
                          ("counts", "left")):
        table.add_column(name, justify=justify)
    for name in PRF_SCORES:
        s = getattr(scores, name)
        table.add_row(name, f"{s.f1:.3f}", f"{s.precision:.3f}", f"{s.recall:.3f}",
                      f"tp {s.tp}  fp {s.fp}  fn {s.fn}")
    for name in ACCURACY_SCORES:
        s = getattr(scores, name)
        extra = f"  MAE {s.mae:.2f}" if name == "contacts" else ""
        table.add_row(name, f"{s.accuracy:.3f}", "", "", f"{s.correct} of {s.n}{extra}")
    return table


def skipped_table(skipped, *, root=None, title: str = "Skipped files") -> Table:
    """Every file that was not analysed, with its reason; paths relative to ``root`` when given."""
    import os

    table = Table(title=f"{title} ({len(skipped)})")
    table.add_column("file", overflow="fold")
    table.add_column("reason", overflow="fold")
    for item in skipped:
        path = os.path.relpath(item.path, root) if root and os.path.isdir(root) else item.path
        table.add_row(path, item.reason)
    return table


BAR_WIDTH = 8
_EIGHTHS = " ▏▎▍▌▋▊▉"
_TRACK = "░"


def bar(share, width: int = BAR_WIDTH) -> str:
    """An inline bar of ``width`` cells in eighths on a light track: 0.5 -> "████░░░░",
    0.3 -> "██▍░░░░░"; no share -> the bare track."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return _TRACK * width
    eighths = round(max(0.0, min(1.0, float(share))) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_EIGHTHS[part] if part else "")).ljust(width, _TRACK)


def share_interval(share, low, high) -> str:
    """A share with its Wilson interval: "40% (17–69%)"; "–" when nothing was told."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{share:.0%} ({low * 100:.0f}–{high:.0%})"


def compare_table(summary: pd.DataFrame, *, stories: int, experiences: int, title: str = "Companies compared",
                  note: str = "") -> Table:
    """One row per company from ``compare.summarise``: contacts median (IQR), waited hours, promised
    versus actual, and three shares with their Wilson 95 % intervals, the gap with an inline bar.

    The caption says how many stories and experiences stand behind the table and that web stories
    are self-selected, so a quoted figure travels with its evidence.
    """
    from rich.markup import escape

    from klantverhaal.compare import SELF_SELECTED

    caption = (f"{experiences} experience{'s' if experiences != 1 else ''} in {stories} "
               f"stor{'ies' if stories != 1 else 'y'} behind this table. Shares with Wilson 95 % intervals; "
               "resolved and gap over experiences whose outcome is told. Waited ÷ promised over experiences with "
               "both; broken = waited longer than promised. " + SELF_SELECTED
               + (f" {note[:1].upper()}{note[1:]}." if note else ""))
    table = Table(title=title, caption=caption, caption_justify="left", box=box.SIMPLE_HEAD, show_edge=False,
                  collapse_padding=True, leading=1, padding=(0, 0))
    table.add_column("company\n[dim]sector[/]", overflow="fold")
    for name in ("stories\n[dim](exp.)[/]", "contacts\nmedian\n[dim](IQR)[/]", "waited\nmedian\n[dim](max)[/]",
                 "waited ÷\npromised\n[dim](broken)[/]", "\n\nresolved", "\n\nfriendly"):
        table.add_column(name, justify="right", overflow="fold")
    table.add_column("friendly\nbut not\nsolved (gap)", justify="left", overflow="fold")
    for row in summary.itertuples(index=False):
        contacts = "–" if _missing(row.contacts_median) else \
            f"{number(row.contacts_median)}\n[dim]({_short(row.contacts_q1)}–{_short(row.contacts_q3)})[/]"
        waited = "–" if _missing(row.waited_max_h) else \
            f"{hours(float(row.waited_median_h))}\n[dim]({hours(float(row.waited_max_h))})[/]"
        promised = "–" if not row.promises else \
            ("–" if _missing(row.ratio_median) else f"×{row.ratio_median:.2g}") + \
            f"\n[dim]({row.broken} of {row.promises})[/]"
        table.add_row(
            f"{escape(str(row.company))}\n[dim]{escape(str(row.sector or '–'))}[/]",
            f"{row.stories}\n[dim]({row.experiences})[/]",
            contacts, waited, promised,
            share_interval(row.share_resolved, row.share_resolved_low, row.share_resolved_high),
            share_interval(row.share_friendly, row.share_friendly_low, row.share_friendly_high),
            f"{bar(row.share_gap)} {share_interval(row.share_gap, row.share_gap_low, row.share_gap_high)}",
        )
    return table


def _short(value) -> str:
    """A quartile in a narrow column: 1.75 -> "1.8", 5.0 -> "5" (the exact value is in csv/json)."""
    return f"{value:.1f}".removesuffix(".0")


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))
