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


def _told_outcome(experience):
    """The end as the sentences tell it; an end read from the tone counts as untold here."""
    if experience is None or experience.resolved_inferred:
        return None
    return experience.resolved


@pytest.mark.parametrize("row", table_params(ROWS, "text", "resolved"))
def test_resolved(nlp, row):
    assert _told_outcome(_experience(nlp, row)) == row["resolved"]


UNTOLD = [
    ("Ik belde Eneco over de jaarafrekening. Een heel vriendelijke medewerkster nam alles door.", "Eneco", True),
    ("Ik belde Eneco over de jaarafrekening. De medewerker was bot en zei dat ik maar moest betalen.", "Eneco", False),
    ("Ik heb Eneco gemaild over de jaarafrekening en twee keer gebeld.", "Eneco", False),
]


@pytest.mark.parametrize("text, company, expected", UNTOLD)
def test_untold_outcome_is_read_from_the_tone_and_flagged(nlp, text, company, expected):
    experience = _experience(nlp, {"text": text, "company": company})
    assert experience.resolved is expected
    assert experience.resolved_inferred is True
    assert experience.to_dict()["resolved_inferred"] is True


def test_told_outcome_is_not_flagged(nlp):
    text = "Ik belde Eneco over de jaarafrekening. Een week later was het bedrag teruggestort."
    experience = _experience(nlp, {"text": text, "company": "Eneco"})
    assert experience.resolved is True and experience.resolved_inferred is False


def test_table_has_enough_hard_rows():
    assert len(ROWS) >= 100
    hard = [r for r in ROWS if r.get("note", "").startswith(("negated", "hedged", "ironic"))]
    assert len(hard) >= 30
