"""Forum threads: post headers, their authors, and whose posts are someone else's."""

import pytest

from klantverhaal import forum


@pytest.mark.parametrize("header, author", [
    ("Re: · Sanne_K · 3 oktober 2024", "sanne_k"),
    ("Gestart door: mvdberg_ · 3 oktober 2024", "mvdberg_"),
    ("Update 2 · mvdberg_ · 10 oktober 2024", "mvdberg_"),
    ("Reactie van dirkjan_78, 15 maart 2025", "dirkjan_78"),
    ("Bericht van tomvdb » 12 maart 2024", "tomvdb"),
    ("Geplaatst door: jasper_vd | 12-03-2024 14:02", "jasper_vd"),
    ("Re: door festivalfenna, vr 23 augustus", "festivalfenna"),
    ("kneuterbeer · 12-04-2024 om 21:13", "kneuterbeer"),
    ("**Wim_van_de_Dijk** schreef:", "wim_van_de_dijk"),
    ("ruud_k – 14-03-2024, 21:12", "ruud_k"),
    ("Anouk88 - 3 mei 2024", "anouk88"),
])
def test_header_author(header, author):
    text = f"{header}\nIk heb gisteren gebeld.\n"
    assert [a for _, _, a in forum.posts(text)] == [author]


@pytest.mark.parametrize("line", [
    "Reactie van mij, drie dagen later: nog steeds niks gehoord.",
    "> Marloes_83 schreef: Heeft iemand ervaring met nummerbehoud?",
    "Vorige week is onze laadpaal geplaatst door Laadwerk Noord.",
    "★★☆☆☆ · Priya R. · 4 reviews · een week geleden",
    "maandag – 3 keer gebeld, niemand nam op",
    "dinsdag – 12 mei 2024",
])
def test_no_header(line):
    assert forum.posts(f"{line}\nIk heb gisteren gebeld.\n") == []


def test_others_posts_are_the_replies_of_other_users():
    text = ("Gestart door: petra_v · 2 mei 2024\nSinds de verhuizing geen internet, twee keer gebeld.\n\n"
            "Re: · harm_b · 2 mei 2024\nHerkenbaar, ik heb acht keer gebeld.\n\n"
            "Update · petra_v · 9 mei 2024\nVandaag nog een keer gebeld.\n")
    (start, end), = forum.others_posts(text)
    assert text[start:end].startswith("Re: · harm_b") and "acht keer" in text[start:end]
    assert "Vandaag" not in text[start:end]


def test_one_author_has_no_others():
    text = "Bericht van joost_85, 3 maart\nGebeld.\n\nReactie van joost_85, 6 maart\nGemaild.\n"
    assert forum.others_posts(text) == []
