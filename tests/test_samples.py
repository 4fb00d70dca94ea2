"""Extraction quality on the annotated samples, as `klantverhaal evaluate` measures it.

Thresholds start at what was measured and rise as capability issues land;
the numbers in the closing notes come from the same scorer.
"""

import pytest
from conftest import CORPUS, SEED_GOLD, SEEDS, needs_seeds

from klantverhaal import runner, scoring

SEED_MIN = {
    "companies": 1.0, "channels": 0.94, "waits_found": 0.90, "wait_values": 1.0, "wait_kinds": 1.0,
    "contacts": 0.8, "friendliness": 1.0, "resolved": 1.0, "gap": 1.0,
}
CORPUS_MIN = {
    "companies": 0.93, "channels": 0.900, "waits_found": 0.87, "wait_values": 0.95, "wait_kinds": 0.93,
    "contacts": 0.54, "friendliness": 0.73, "resolved": 0.74, "gap": 0.855,
}


def _scores(gold_path, stories_path):
    gold = runner.read_records(gold_path)
    predicted = list(runner.analyse_path(stories_path))
    return scoring.score(gold, predicted)


@pytest.fixture(scope="module")
def seed_scores():
    return _scores(SEED_GOLD, SEEDS)


@pytest.fixture(scope="module")
def corpus_scores():
    return _scores(CORPUS / "gold.jsonl", CORPUS)


@needs_seeds()
@pytest.mark.parametrize("name, minimum", SEED_MIN.items())
def test_seed_scores(seed_scores, name, minimum):
    assert seed_scores.value(name) >= minimum, seed_scores.to_dict()[name]


@pytest.mark.parametrize("name, minimum", CORPUS_MIN.items())
def test_corpus_scores(corpus_scores, name, minimum):
    assert corpus_scores.value(name) >= minimum, corpus_scores.to_dict()[name]


def test_every_corpus_story_has_gold():
    gold_ids = {s.id for s in runner.read_records(CORPUS / "gold.jsonl")}
    story_ids = {p.stem for p in CORPUS.rglob("*.txt")}
    assert story_ids == gold_ids


@needs_seeds()
def test_seed_mentions_match_gold():
    gold = {s.id: sorted(s.mentions) for s in runner.read_records(SEED_GOLD)}
    predicted = {s.id: sorted(s.mentions) for s in runner.analyse_path(SEEDS)}
    assert predicted == gold
