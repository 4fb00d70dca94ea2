"""Friendliness and resolution with Dutch negation, hedging and irony (tests/data/judgements.jsonl)."""

import pytest
from conftest import DATA, read_jsonl, table_params

from klantverhaal.corpus import StoryText
from klantverhaal.runner import analyse_texts

ROWS = read_jsonl(DATA / "judgements.jsonl")


def _experience(nlp, row):
    story = next(analyse_texts([StoryText(id="t", text=row["text"], path="t")], nlp=nlp))
    return next((e for e in story.experiences if e.company.casefold() == row["company"].casefold()), None)


@pytest.mark.parametrize("row", table_params(ROWS, "text", "friendliness"))
def test_friendliness(nlp, row):
    experience = _experience(nlp, row)
    assert (experience.friendliness if experience else 0) == row["friendliness"]


@pytest.mark.parametrize("row", table_params(ROWS, "text", "resolved"))
def test_resolved(nlp, row):
    experience = _experience(nlp, row)
    assert (experience.resolved if experience else None) == row["resolved"]


def test_table_has_enough_hard_rows():
    assert len(ROWS) >= 100
    hard = [r for r in ROWS if r.get("note", "").startswith(("negated", "hedged", "ironic"))]
    assert len(hard) >= 30
