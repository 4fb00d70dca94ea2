"""durations.parse on the independent annotators' table (tests/data/durations.tsv, 330+ rows)."""

import csv

import pytest
from conftest import DATA, table_params

from klantverhaal import durations

ROWS = list(csv.DictReader((DATA / "durations.tsv").open(encoding="utf-8"), delimiter="\t"))


def _value(text: str):
    return None if text.strip().lower() in ("null", "none", "") else float(text)


@pytest.mark.parametrize("row", table_params(ROWS, "phrase", "durations"))
def test_duration_table(row):
    hours = durations.parse(row["phrase"])
    assert hours is not None, f"no duration found in {row['phrase']!r}"
    for got, want in ((hours.min_h, _value(row["min_h"])), (hours.max_h, _value(row["max_h"]))):
        if want is None:
            assert got is None
        else:
            assert got == pytest.approx(want, rel=0.01, abs=0.001)


def test_table_is_big_enough():
    assert len(ROWS) >= 150


@pytest.mark.parametrize("text", ["om 4 uur", "tot 17 uur open", "van 9 tot 5 uur", "per dag", "de week",
                                  "het weekend erna", "tussen 2 en 4 uur", "dinsdag tussen 8 en 12 uur"])
def test_no_duration(text):
    assert durations.find(text) == []


def test_find_gives_offsets_into_the_text():
    text = "Na drie weken wachten en nog eens ruim een half uur in de wacht."
    found = durations.find(text)
    assert [text[f.start:f.end] for f in found] == ["drie weken", "ruim een half uur"]
    assert found[1].hours.max_h is None
