"""Which organisations a short story deals with, and which it only mentions
(tests/data/company_texts.jsonl: our own sentences, one rule each)."""

import pytest
from conftest import DATA, read_jsonl

from klantverhaal.corpus import StoryText
from klantverhaal.runner import analyse_texts

ROWS = read_jsonl(DATA / "company_texts.jsonl")


def _story(nlp, text):
    return next(analyse_texts([StoryText(id="t", text=text, path="t")], nlp=nlp))


@pytest.mark.parametrize("row", ROWS, ids=[r["note"][:60] for r in ROWS])
def test_experiences_and_mentions(nlp, row):
    story = _story(nlp, row["text"])
    assert sorted(e.company.casefold() for e in story.experiences) == sorted(c.casefold() for c in row["experiences"])
    assert sorted(m.casefold() for m in story.mentions) == sorted(m.casefold() for m in row["mentions"])


def test_a_kind_noun_is_named_as_the_story_writes_it(nlp):
    story = _story(nlp, "Ik had een klacht over de webshop. Ik heb de webshop twee keer gemaild en de webwinkel"
                        " heeft pas na een maand gereageerd.")
    assert [e.company for e in story.experiences] == ["(webshop)"]


def test_synonyms_of_a_kind_are_one_company(nlp):
    story = _story(nlp, "Het kabelbedrijf stuurde een monteur. Daarna belde ik de kabelaar nog drie keer.")
    assert [e.company for e in story.experiences] == ["(kabelbedrijf)"]


def test_a_wait_told_about_a_disputes_body_is_not_the_company_s(nlp):
    story = _story(nlp, "Corendon annuleerde onze vlucht en reageerde na drie weken nog steeds niet op mijn"
                        " claim. Nu heb ik een klacht ingediend bij de Geschillencommissie, die volgens hun site"
                        " binnen acht weken reageert.")
    waits = {w.text for e in story.experiences for w in e.waits}
    assert "drie weken" in waits and not any("acht weken" in w for w in waits)
