"""DataFrames: one row per experience, and per-company summaries.

Figures a journalist quotes come from here, so every summary carries the
number of stories behind it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from klantverhaal.records import Story

EXPERIENCE_COLUMNS = ["id", "date", "company", "sector", "channels", "contacts", "contacts_exact",
                      "waits", "waited_h_max", "promised_h_max", "friendliness", "resolved", "resolved_inferred", "gap", "mentions"]


def experience_frame(stories: Iterable[Story]) -> pd.DataFrame:
    """One row per (story, company); a story without experiences gives one row with no company,
    so nothing disappears from an export."""
    rows = []
    for story in stories:
        if not story.experiences:
            rows.append({"id": story.id, "date": story.date, "company": None, "sector": None, "channels": "",
                         "contacts": None, "contacts_exact": None, "waits": "", "waited_h_max": None,
                         "promised_h_max": None, "friendliness": None, "resolved": None, "resolved_inferred": None, "gap": None,
                         "mentions": "; ".join(story.mentions)})
            continue
        for e in story.experiences:
            waited = [w.max_h if w.max_h is not None else w.min_h for w in e.waits if w.kind == "waited"]
            promised = [w.max_h for w in e.waits if w.kind == "promised" and w.max_h is not None]
            rows.append({
                "id": story.id, "date": story.date, "company": e.company, "sector": e.sector,
                "channels": " ".join(e.channels),
                "contacts": e.contacts.min if e.contacts else None,
                "contacts_exact": e.contacts.exact if e.contacts else None,
                "waits": "; ".join(w.text for w in e.waits),
                "waited_h_max": max((w for w in waited if w is not None), default=None),
                "promised_h_max": max(promised, default=None),
                "friendliness": e.friendliness, "resolved": e.resolved, "resolved_inferred": e.resolved_inferred,
                "gap": e.gap,
                "mentions": "; ".join(story.mentions),
            })
    frame = pd.DataFrame(rows, columns=EXPERIENCE_COLUMNS)
    frame["contacts"] = frame["contacts"].astype("Int64")
    return frame


def company_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per company: stories, median contacts, median and max waited hours, share resolved,
    share friendly-but-unresolved (over experiences whose outcome is told)."""
    known = frame.dropna(subset=["company"])
    if known.empty:
        return pd.DataFrame(columns=["company", "sector", "stories", "median_contacts", "median_waited_h",
                                     "max_waited_h", "share_resolved", "share_gap"])
    rows = []
    for company, group in known.groupby("company", sort=False):
        # an end read from the tone (``resolved_inferred``) is no figure to quote about a company
        told = group[group["resolved"].notna() & (group["resolved_inferred"] != True)]  # noqa: E712
        rows.append({
            "company": company,
            "sector": group["sector"].iloc[0],
            "stories": group["id"].nunique(),
            "median_contacts": _median(group["contacts"]),
            "median_waited_h": _median(group["waited_h_max"]),
            "max_waited_h": group["waited_h_max"].max(skipna=True) if group["waited_h_max"].notna().any() else None,
            "share_resolved": float((told["resolved"] == True).mean()) if len(told) else None,  # noqa: E712
            "share_gap": float(told["gap"].astype(bool).mean()) if len(told) else None,
        })
    out = pd.DataFrame(rows)
    return out.sort_values(["stories", "company"], ascending=[False, True], ignore_index=True)


def _median(series: pd.Series) -> float | None:
    values = pd.to_numeric(series, errors="coerce").dropna()
    return float(values.median()) if len(values) else None
