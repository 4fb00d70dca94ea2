import pytest

from klantverhaal import dates


@pytest.mark.parametrize("text, iso", [
    ("dinsdag 20 augustus 2013\n\nOoit begon het.", "2013-08-20"),
    ("20-08-2013 door Anne", "2013-08-20"),
    ("Gepost: 2013-08-20", "2013-08-20"),
    ("di 20 aug 2013 - storing", "2013-08-20"),
    ("Geplaatst op 7 januari 2022", "2022-01-07"),
    ("za 5 okt. 2019", "2019-10-05"),
    ("3/11/2021\nMijn verhaal", "2021-11-03"),
])
def test_post_date(text, iso):
    assert dates.find(text) == iso


@pytest.mark.parametrize("text", [
    "In 2011 kocht ik zes lampen.", "Op 31 februari 2020 gebeurde niets.", "Het was dinsdag om 4 uur.",
    "x" * 500 + " 20 augustus 2013",
])
def test_no_post_date(text):
    assert dates.find(text) is None
