"""Every data file line is usable: patterns match their own example, brands are valid and distinct."""

import pytest

from klantverhaal import pipeline, resources
from klantverhaal.records import CHANNELS, SECTORS

CUE_FILES = ("channels.jsonl", "contacts.jsonl", "judgements.jsonl")
CUE_ROWS = [(name, row) for name in CUE_FILES for row in resources.read_jsonl(name)]
KIND_ROWS = list(resources.read_jsonl("company_kinds.jsonl"))
COMPANY_ROWS = list(resources.read_csv("companies.csv", required=pipeline.COMPANY_COLUMNS))


@pytest.mark.parametrize("name, row", CUE_ROWS, ids=[f"{n}:{r['pattern']}" for n, r in CUE_ROWS])
def test_cue_pattern_matches_its_example(nlp, name, row):
    doc = nlp(row["example"])
    # compared without spaces: the pattern "- app" is written as tokens, the text is "-app"
    found = {(s.label_, s.id_, "".join(s.text.lower().split())) for s in doc.spans[pipeline.CUES]}
    ident = f"{row['id']}/noun" if row.get("noun") else row["id"]
    assert (row["label"], ident, "".join(row["pattern"].lower().split())) in found


ARRIVALS = resources.read_json("arrivals.json")


@pytest.mark.parametrize("word", ARRIVALS["trade_arrivers"] + ARRIVALS["generic_arrivers"])
def test_every_arriver_arrives(nlp, word):
    """Each arriver word makes "kwam er ... een <word>" a `visit` cue (pipeline.arrival_patterns)."""
    doc = nlp(f"Na drie dagen kwam er eindelijk een {word}.")
    assert any(s.id_ == "visit" and s[-1].lower_ == word for s in doc.spans[pipeline.CUES])


@pytest.mark.parametrize("place", [" ".join(p) for p in ARRIVALS["door_places"]])
def test_every_door_place_is_an_arrival(nlp, place):
    doc = nlp(f"De volgende ochtend stond er een man {place}.")
    assert any(s.id_ == "visit" and s.text.endswith(place) for s in doc.spans[pipeline.CUES])


def test_channel_labels_are_spec_labels():
    labels = {row["id"] for row in resources.read_jsonl("channels.jsonl")}
    assert labels == set(CHANNELS)


@pytest.mark.parametrize("row", KIND_ROWS, ids=[r["pattern"] for r in KIND_ROWS])
def test_kind_noun_matches_its_example(nlp, row):
    doc = nlp(row["example"])
    assert any(s.text.lower() == row["pattern"].lower() for s in doc.spans[pipeline.KINDS])
    if row.get("creates", True) and row.get("id"):
        assert row["sector"] in SECTORS
        assert row["id"].startswith("(") and row["id"].endswith(")")


def test_brand_table_is_big_and_covers_every_sector():
    assert len(COMPANY_ROWS) >= 400
    assert {row["sector"] for row in COMPANY_ROWS} == set(SECTORS)


@pytest.mark.parametrize("row", COMPANY_ROWS, ids=[r["name"] for r in COMPANY_ROWS])
def test_brand_row_is_valid_and_every_alias_matches(nlp, row):
    assert row["sector"] in SECTORS
    assert row["case_exact"].lower() in ("true", "false")
    for alias in pipeline.aliases(row):
        if alias.endswith("'s"):
            continue
        doc = nlp(f"Gisteren had ik contact met {alias} over mijn rekening.")
        ids = {s.id_ for s in doc.spans[pipeline.COMPANIES]}
        assert row["name"] in ids, f"{alias!r} does not find {row['name']}"


def test_no_alias_belongs_to_two_companies():
    owner: dict[str, str] = {}
    for row in COMPANY_ROWS:
        for alias in pipeline.aliases(row):
            key = alias.casefold()
            assert owner.setdefault(key, row["name"]) == row["name"], f"{alias} is {owner[key]} and {row['name']}"


def test_grammar_word_lists_are_lists_of_strings():
    """Every grammar.json entry the rules read through resources.words/phrases is a list of text."""
    for key, value in resources.read_json("grammar.json").items():
        if key == "_doc":
            continue
        assert isinstance(value, list), key
        assert all(isinstance(item, str) and item.strip() for item in value), key


def test_missing_grammar_entry_names_itself():
    with pytest.raises(resources.DataFileError, match="no entry 'contacts.no_such_list'"):
        resources.words("contacts.no_such_list")


@pytest.mark.parametrize("key, pair", [
    ("channels.compound_heads", ("webform", "formulier")),
    ("contacts.forward_participles", ("doorgemaild", "email")),
    ("contacts.sent_back_messages", ("brief", "letter")),
])
def test_pair_lists_read_as_pairs(key, pair):
    assert pair in resources.pairs(key)


def test_pair_entry_without_colon_is_named(monkeypatch):
    monkeypatch.setattr(resources, "_grammar_entry", lambda key: ["doorgemaild:email", "doorgestuurd"])
    with pytest.raises(resources.DataFileError, match="'doorgestuurd' is not 'left:right'"):
        resources.pairs("contacts.forward_participles")
