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


def test_total_split_by_channel_is_a_recap(nlp):
    """ "Sindsdien heb ik u elf keer benaderd: zes keer telefonisch, drie keer per e-mail en twee
    keer via Facebook" is the writer's recap per channel (the log says so), and the letter the
    story itself is stays one more."""
    text = ("Geachte heer, mevrouw, Met deze brief dien ik een klacht in over Triodos Bank. Op 3 juni heb ik u "
            "voor het eerst een bericht gestuurd via uw Facebookpagina. Sindsdien heb ik u elf keer benaderd: zes "
            "keer telefonisch, drie keer per e-mail en twee keer via uw Facebookpagina. Nog steeds staat mijn oude "
            "adres op de pas.")
    story = next(analyse_texts([StoryText(id="t", text=text, path="t")], nlp=nlp))
    experience = story.experiences[0]
    recaps = [entry for entry in experience.contact_log if entry["text"].startswith("Sindsdien")]
    assert [entry["count"] for entry in recaps] == ["recap"]
    assert (experience.contacts.min, experience.contacts.exact) == (12, True)
