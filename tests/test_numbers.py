import pytest

from klantverhaal import numbers


@pytest.mark.parametrize("text, value", [
    ("3", 3), ("21", 21), ("1,5", 1.5), ("2.5", 2.5), ("1.000", 1000), ("12.500", 12500),
    ("een", 1), ("één", 1), ("twee", 2), ("elf", 11), ("veertien", 14), ("twintig", 20),
    ("eenentwintig", 21), ("tweeëntwintig", 22), ("vijfendertig", 35), ("negenennegentig", 99),
    ("honderd", 100), ("vierhonderdvijftig", 450), ("tweeduizend", 2000), ("drieduizendvijfhonderd", 3500),
    ("half", 0.5), ("een half", 0.5), ("anderhalf", 1.5), ("anderhalve", 1.5), ("tweeënhalf", 2.5),
    ("kwart", 0.25), ("driekwart", 0.75),
])
def test_parse(text, value):
    assert numbers.parse(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "keer", "dag", "paar", "eentje", "veel", "tien-tallen", "x"])
def test_parse_rejects_words_that_are_not_numbers(text):
    assert numbers.parse(text) is None


@pytest.mark.parametrize("text, value", [
    ("eerste", 1), ("tweede", 2), ("derde", 3), ("vierde", 4), ("achtste", 8), ("twaalfde", 12),
    ("4e", 4), ("4de", 4), ("21ste", 21), ("twintigste", 20), ("eenentwintigste", 21),
])
def test_ordinal(text, value):
    assert numbers.ordinal(text) == value


@pytest.mark.parametrize("text", ["vier", "keer", "de", "zoveel"])
def test_ordinal_rejects(text):
    assert numbers.ordinal(text) is None


@pytest.mark.parametrize("text, bounds", [
    ("een paar", (2, 4)), ("enkele", (2, 4)), ("een aantal", (2, 4)), ("talloze", (3, None)),
    ("tientallen", (20, None)), ("meerdere", (2, None)),
])
def test_vague(text, bounds):
    assert numbers.vague(text) == bounds
