"""Rewrite tests/data/known_failures.json: the table rows the analyser gets wrong today.

    python tests/known_failures.py

Each row becomes a strict xfail with what was found and what was wanted, so
a fix shows up as XPASS (a failure) and the list must shrink with it. Run it
after a change, read the diff, and commit the list with the change.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import DATA, read_jsonl  # noqa: E402

from klantverhaal import durations  # noqa: E402
from klantverhaal.corpus import StoryText  # noqa: E402
from klantverhaal.pipeline import WAITS, shared_nlp  # noqa: E402
from klantverhaal.runner import analyse_texts  # noqa: E402


def _experience(nlp, row):
    story = next(analyse_texts([StoryText(id="t", text=row["text"], path="t")], nlp=nlp))
    return next((e for e in story.experiences if e.company.casefold() == row["company"].casefold()), None)


def main() -> None:
    nlp = shared_nlp()
    known: dict[str, dict[str, str]] = {"durations": {}, "wait_sentences": {}, "channel_contacts": {},
                                        "contacts": {}, "friendliness": {}, "resolved": {}}
    for row in csv.DictReader((DATA / "durations.tsv").open(encoding="utf-8"), delimiter="\t"):
        hours = durations.parse(row["phrase"])
        want = [None if v.strip() in ("null", "") else float(v) for v in (row["min_h"], row["max_h"])]
        got = [hours.min_h, hours.max_h] if hours else None
        ok = got is not None and all(
            (w is None and g is None) or (w is not None and g is not None and abs(g - w) <= max(0.001, 0.01 * w))
            for g, w in zip(got, want))
        if not ok:
            known["durations"][row["phrase"]] = f"got {got}, want {want}"
    for row in read_jsonl(DATA / "wait_sentences.jsonl"):
        doc = nlp(row["sentence"])
        got = sorted((s.text, s.label_) for s in doc.spans[WAITS])
        want = sorted((w["text"], w["kind"]) for w in row["waits"])
        if len(got) != len(want) or any(g[1] != w[1] or not (g[0] in w[0] or w[0] in g[0] or
                                                              set(g[0].split()) & set(w[0].split()))
                                         for g, w in zip(got, want)):
            known["wait_sentences"][row["sentence"]] = f"got {got}, want {want}"
    for row in read_jsonl(DATA / "channel_contacts.jsonl"):
        e = _experience(nlp, row)
        channels = sorted(e.channels) if e else []
        if channels != sorted(row["channels"]):
            known["channel_contacts"][row["text"]] = f"channels {channels}, want {sorted(row['channels'])}"
        got = e.contacts.min if e and e.contacts else None
        want = row["contacts"]["min"] if row["contacts"] else None
        if got != want:
            known["contacts"][row["text"]] = f"contacts {got}, want {want}"
    for row in read_jsonl(DATA / "judgements.jsonl"):
        e = _experience(nlp, row)
        if (e.friendliness if e else 0) != row["friendliness"]:
            known["friendliness"][row["text"]] = f"friendliness {e.friendliness if e else None}, want {row['friendliness']}"
        told = None if e is None or e.resolved_inferred else e.resolved  # as test_judgements reads it
        if told != row["resolved"]:
            known["resolved"][row["text"]] = f"resolved {told}, want {row['resolved']}"
    (DATA / "known_failures.json").write_text(json.dumps(known, ensure_ascii=False, indent=1) + "\n",
                                              encoding="utf-8")
    print({k: len(v) for k, v in known.items()})


if __name__ == "__main__":
    main()
