"""Channels used and contacts counted, on short texts about one company (tests/data/channel_contacts.jsonl)."""

import pytest
from conftest import DATA, read_jsonl, table_params

from klantverhaal.corpus import StoryText
from klantverhaal.runner import analyse_texts

ROWS = read_jsonl(DATA / "channel_contacts.jsonl")


def _experience(nlp, row):
    story = next(analyse_texts([StoryText(id="t", text=row["text"], path="t")], nlp=nlp))
    return next((e for e in story.experiences if e.company.casefold() == row["company"].casefold()), None)


@pytest.mark.parametrize("row", table_params(ROWS, "text", "channel_contacts"))
def test_channels(nlp, row):
    experience = _experience(nlp, row)
    channels = sorted(experience.channels) if experience else []
    assert channels == sorted(row["channels"])


@pytest.mark.parametrize("row", table_params(ROWS, "text", "contacts"))
def test_contacts(nlp, row):
    experience = _experience(nlp, row)
    got = experience.contacts.min if experience and experience.contacts else None
    want = row["contacts"]["min"] if row["contacts"] else None
    assert got == want


@pytest.mark.parametrize("row", [r for r in ROWS if r.get("check_exact")], ids=lambda r: r["text"][:60])
def test_contacts_exact_flag(nlp, row):
    """An ordinal ("mijn vijfde mail") gives a known count; "de zoveelste keer" only a lower bound."""
    experience = _experience(nlp, row)
    assert (experience.contacts.min, experience.contacts.exact) == (row["contacts"]["min"], row["contacts"]["exact"])


def test_table_has_enough_negatives():
    assert len(ROWS) >= 80
    assert sum(1 for r in ROWS if r.get("note", "").startswith("negative")) >= 25
