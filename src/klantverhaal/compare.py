"""Companies side by side, with the uncertainty a journalist can quote.

Pure functions over Story records and pandas frames; nothing here prints.
``compare(stories, ...)`` selects experiences (sector, company, story date),
summarises them per company and splits off the companies with too few stories
to compare. Every share carries its counts and a Wilson 95 % score interval,
because "40 % of KPN's customers" means little when it is 2 of 5 stories
("40% (12–77%)") and something when it is 40 of 100.

Definitions (issue 8):

- waited hours of an experience: its largest ``waited`` wait, a lower bound
  ("meer dan een week", max_h null) counting with its min_h;
- promised hours: the largest max_h of its ``promised`` waits (an open-ended
  promise promises nothing to hold a company to);
- promised versus actual: over experiences with both, the median waited /
  promised ratio (a promise of 0 hours has no ratio, but can be broken) and
  the share of promises broken (waited > promised);
- shares: resolved over experiences whose outcome is told (resolved not
  null), friendly over experiences with a friendliness (-1, 0 and 1 all
  count: 0 is "neutral or not told"), gap (friendly and unresolved) over
  experiences whose outcome is told, as SPEC's gap score does.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from klantverhaal import analysis
from klantverhaal.records import Story

Z95 = 1.96
MIN_STORIES = 3

# (name, kind) per column of the summary; "text" sorts A-Z, "number" largest first.
SUMMARY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("company", "text"), ("sector", "text"), ("stories", "number"), ("experiences", "number"),
    ("contacts_n", "number"), ("contacts_median", "number"), ("contacts_q1", "number"), ("contacts_q3", "number"),
    ("waited_n", "number"), ("waited_median_h", "number"), ("waited_max_h", "number"),
    ("promises", "number"), ("ratio_median", "number"),
    ("broken", "number"), ("share_broken", "number"), ("share_broken_low", "number"), ("share_broken_high", "number"),
    ("resolved_n", "number"), ("resolved", "number"),
    ("share_resolved", "number"), ("share_resolved_low", "number"), ("share_resolved_high", "number"),
    ("friendly_n", "number"), ("friendly", "number"),
    ("share_friendly", "number"), ("share_friendly_low", "number"), ("share_friendly_high", "number"),
    ("gap_n", "number"), ("gap", "number"),
    ("share_gap", "number"), ("share_gap_low", "number"), ("share_gap_high", "number"),
)
COLUMNS: tuple[str, ...] = tuple(name for name, _ in SUMMARY_COLUMNS)
TEXT_COLUMNS = frozenset(name for name, kind in SUMMARY_COLUMNS if kind == "text")


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval for ``successes`` of ``n``: 3 of 10 -> (0.108, 0.603).

    Unlike p ± z·se it stays inside 0..1 and is honest for small n (0 of 4 is
    0 % to 49 %, not "0 % exactly"). None when there is nothing to count.
    """
    if n <= 0:
        return None
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def parse_date(text: str | None) -> date | None:
    """A story date as SPEC writes it ("2019-03-14"); anything else is no date."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


@dataclass
class Selection:
    """The experiences behind a comparison, and what the filters left out."""

    frame: pd.DataFrame
    stories_read: int
    undated_excluded: int = 0
    out_of_range: int = 0


def select(
    stories: Iterable[Story],
    *,
    sectors: Sequence[str] = (),
    companies: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
) -> Selection:
    """One row per experience (``analysis.experience_frame``) that passes the filters.

    Companies match case-insensitively ("kpn" is KPN). When ``since`` or
    ``until`` is given, stories without a date are left out and counted in
    ``undated_excluded``; both bounds are inclusive.
    """
    # figures as the SPEC record states them (hours rounded to 4 decimals), so a folder and the jsonl
    # `analyse` wrote from it give the same figures to the last digit
    stories = [Story.from_dict(s.to_dict(extras=False)) for s in stories]
    frame = analysis.experience_frame(stories)
    frame = frame[frame["company"].notna()]
    if sectors:
        frame = frame[frame["sector"].isin(set(sectors))]
    if companies:
        wanted = {c.casefold() for c in companies}
        frame = frame[frame["company"].map(lambda c: str(c).casefold() in wanted)]
    undated = out_of_range = 0
    if since is not None or until is not None:
        dates = frame["date"].map(parse_date)
        dated = dates.notna()
        undated = frame.loc[~dated, "id"].nunique()
        in_range = dated & dates.map(lambda d: d is not None and (since is None or d >= since)
                                     and (until is None or d <= until))
        out_of_range = frame.loc[dated & ~in_range, "id"].nunique()
        frame = frame[in_range]
    return Selection(frame.reset_index(drop=True), len(stories), undated, out_of_range)


def summarise(frame: pd.DataFrame) -> pd.DataFrame:
    """Per company: every figure in ``COLUMNS``, sorted by stories (most first), then name.

    A figure with nothing behind it (no waits told, no outcome told) is NaN,
    never 0: "no data" and "zero" are different news.
    """
    rows = [_company_row(company, group) for company, group in frame.groupby("company", sort=False)]
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    for name, kind in SUMMARY_COLUMNS:
        if kind == "number":
            out[name] = pd.to_numeric(out[name], errors="coerce")
    return sort(out, "stories")


def _company_row(company: str, group: pd.DataFrame) -> dict:
    contacts = pd.to_numeric(group["contacts"], errors="coerce").dropna().astype(float)
    waited = pd.to_numeric(group["waited_h_max"], errors="coerce").astype(float)
    promised = pd.to_numeric(group["promised_h_max"], errors="coerce").astype(float)
    pairs = waited.notna() & promised.notna()
    ratio = (waited[pairs] / promised[pairs]).replace([math.inf, -math.inf], math.nan).dropna()
    broken = int((waited[pairs] > promised[pairs]).sum())
    told = group["resolved"].notna()
    resolved = int((group.loc[told, "resolved"] == True).sum())  # noqa: E712
    with_friendliness = group["friendliness"].notna()
    friendly = int((group.loc[with_friendliness, "friendliness"] == 1).sum())
    gap = int(((group["friendliness"] == 1) & (group["resolved"] == False) & told).sum())  # noqa: E712
    row = {
        "company": company,
        "sector": _most_common(group["sector"]),
        "stories": group["id"].nunique(),
        "experiences": len(group),
        "contacts_n": len(contacts),
        "contacts_median": _quantile(contacts, 0.5),
        "contacts_q1": _quantile(contacts, 0.25),
        "contacts_q3": _quantile(contacts, 0.75),
        "waited_n": int(waited.notna().sum()),
        "waited_median_h": _quantile(waited.dropna(), 0.5),
        "waited_max_h": float(waited.max()) if waited.notna().any() else None,
        "promises": int(pairs.sum()),
        "ratio_median": _quantile(ratio, 0.5),
    }
    row.update(_share("broken", broken, int(pairs.sum())))
    row.update(_share("resolved", resolved, int(told.sum())))
    row.update(_share("friendly", friendly, int(with_friendliness.sum())))
    row.update(_share("gap", gap, int(told.sum())))
    return row


def _most_common(values: pd.Series) -> str | None:
    """The sector a company is filed under most; on a tie the one seen first."""
    counts = values.dropna().value_counts(sort=False)
    return str(counts.idxmax()) if len(counts) else None


def _share(name: str, k: int, n: int) -> dict:
    interval = wilson(k, n)
    out = {f"share_{name}": k / n if n else None,
           f"share_{name}_low": interval[0] if interval else None,
           f"share_{name}_high": interval[1] if interval else None}
    if name == "broken":
        return {"broken": k, **out}
    return {f"{name}_n": n, name: k, **out}


def _quantile(values: pd.Series, q: float) -> float | None:
    """Linear interpolation between order statistics (numpy's and pandas' default):
    contacts 1, 2, 4, 8 -> Q1 1.75, median 3, Q3 5."""
    return float(values.quantile(q)) if len(values) else None


def sort(summary: pd.DataFrame, column: str) -> pd.DataFrame:
    """Sort by ``column``: names A-Z, figures largest first, missing figures last; ties by company."""
    if column not in COLUMNS:
        raise ValueError(f"unknown column {column!r}; choose from {', '.join(COLUMNS)}")
    if summary.empty:
        return summary.reset_index(drop=True)
    by = [column] if column == "company" else [column, "company"]
    return summary.sort_values(by, ascending=[c in TEXT_COLUMNS for c in by], na_position="last",
                               key=_sort_key, kind="mergesort", ignore_index=True)


def _sort_key(series: pd.Series) -> pd.Series:
    return series.astype(str).str.casefold() if series.name in TEXT_COLUMNS else series


@dataclass
class Part:
    """One table of the comparison and the counts behind it."""

    summary: pd.DataFrame
    stories: int
    experiences: int


@dataclass
class Comparison:
    """The companies to compare, those with too few stories, and the counts behind both."""

    companies: Part
    too_few: Part
    min_stories: int
    stories: int
    experiences: int
    stories_read: int
    undated_excluded: int = 0
    out_of_range: int = 0
    filters: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-ready: missing figures become null."""
        return {
            "companies": records(self.companies.summary),
            "too_few_stories": records(self.too_few.summary),
            "min_stories": self.min_stories,
            "stories": self.stories,
            "experiences": self.experiences,
            "stories_read": self.stories_read,
            "undated_excluded": self.undated_excluded,
            "out_of_range": self.out_of_range,
            "filters": self.filters,
            "note": SELF_SELECTED,
        }

    def frame(self) -> pd.DataFrame:
        """Both tables in one frame (for CSV), marked by a ``too_few_stories`` column."""
        parts = [part.summary.assign(too_few_stories=flag)
                 for part, flag in ((self.companies, False), (self.too_few, True))]
        return pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)


SELF_SELECTED = ("Stories on the web are self-selected: people write when something went wrong (or very right). "
                 "These figures describe the stories, not all customers; they are not a survey.")


def compare(
    stories: Iterable[Story],
    *,
    sectors: Sequence[str] = (),
    companies: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    min_stories: int = MIN_STORIES,
    sort_by: str = "stories",
) -> Comparison:
    """Select, summarise, sort, and split off companies with fewer than ``min_stories`` stories."""
    if sort_by not in COLUMNS:
        raise ValueError(f"unknown column {sort_by!r}; choose from {', '.join(COLUMNS)}")
    selection = select(stories, sectors=sectors, companies=companies, since=since, until=until)
    frame = selection.frame
    summary = sort(summarise(frame), sort_by)
    enough = summary["stories"] >= min_stories
    names = set(summary.loc[enough, "company"])
    in_main = frame["company"].isin(names)
    main_ids = set(frame.loc[in_main, "id"])
    few_ids = set(frame.loc[~in_main, "id"])
    return Comparison(
        companies=Part(summary[enough].reset_index(drop=True), len(main_ids), int(in_main.sum())),
        too_few=Part(summary[~enough].reset_index(drop=True), len(few_ids), int((~in_main).sum())),
        min_stories=min_stories,
        stories=frame["id"].nunique(),
        experiences=len(frame),
        stories_read=selection.stories_read,
        undated_excluded=selection.undated_excluded,
        out_of_range=selection.out_of_range,
        filters={"sector": list(sectors), "company": list(companies),
                 "since": since.isoformat() if since else None, "until": until.isoformat() if until else None},
    )


def records(summary: pd.DataFrame) -> list[dict]:
    """Rows as plain dicts with None for missing figures and ints kept as ints."""
    out = []
    for row in summary.to_dict(orient="records"):
        out.append({k: _plain(v) for k, v in row.items()})
    return out


def _plain(value):
    if value is None:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
