"""Records round-trip as SPEC JSON and validate against the shipped JSON Schema."""

import json

import jsonschema
import pytest
from conftest import SEED_GOLD, needs_seeds, read_jsonl

from klantverhaal import resources
from klantverhaal.records import Contacts, Experience, Story, Wait

SCHEMA = json.loads(resources.read_text("record.schema.json"))


def test_record_has_exactly_spec_fields_without_extras():
    story = Story(id="x", date="2013-08-20", experiences=[
        Experience(company="KPN", sector="telecom", channels=["sms", "phone"], contacts=Contacts(5, False),
                   waits=[Wait("vijf dagen", 120, 120, "waited")], friendliness=1, resolved=False)],
        mentions=["PostNL"])
    record = story.to_dict(extras=False)
    assert record == {"id": "x", "date": "2013-08-20", "mentions": ["PostNL"], "experiences": [{
        "company": "KPN", "sector": "telecom", "channels": ["phone", "sms"], "contacts": {"min": 5, "exact": False},
        "waits": [{"text": "vijf dagen", "min_h": 120, "max_h": 120, "kind": "waited"}],
        "friendliness": 1, "resolved": False}]}
    jsonschema.validate(record, SCHEMA)
    jsonschema.validate(story.to_dict(), SCHEMA)


def test_hours_are_rounded_readably():
    assert Wait("een minuut", 1 / 60, 1 / 60, "waited").to_dict()["min_h"] == 0.0167
    assert Wait("bijna een week", 0.85 * 168, 168, "waited").to_dict()["min_h"] == 142.8


@needs_seeds()
def test_seed_gold_is_schema_valid_and_round_trips():
    for row in read_jsonl(SEED_GOLD):
        jsonschema.validate(row, SCHEMA)
        again = Story.from_dict(row).to_dict(extras=False)
        for record in (again, row):  # channels are a set: compare them sorted
            for e in record["experiences"]:
                e["channels"] = sorted(e["channels"])
        assert again == row


def test_schema_rejects_a_bad_record():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "date": "20-08-2013", "experiences": [], "mentions": []}, SCHEMA)
