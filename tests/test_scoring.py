"""Scoring on small hand-made gold/prediction pairs whose answers were worked out by hand."""

import pytest

from klantverhaal.records import Story
from klantverhaal.scoring import score


def story(id, *experiences, mentions=()):
    return Story.from_dict({"id": id, "date": None, "experiences": list(experiences), "mentions": list(mentions)})


def exp(company, channels=(), contacts=None, waits=(), friendliness=0, resolved=None):
    return {"company": company, "sector": "telecom", "channels": list(channels), "contacts": contacts,
            "waits": list(waits), "friendliness": friendliness, "resolved": resolved}


def wait(text, lo, hi, kind="waited"):
    return {"text": text, "min_h": lo, "max_h": hi, "kind": kind}


GOLD = [
    story("a", exp("KPN", ["phone", "sms"], {"min": 5, "exact": False},
                   [wait("vijf dagen", 120, 120), wait("binnen 24 uur", 0, 24, "promised")], 1, False),
          exp("(kabelbedrijf)", ["phone"], None, [], 0, True)),
    story("b", exp("Ziggo", ["email"], {"min": 2, "exact": True}, [wait("twee weken", 336, 336)], -1, None)),
]
PRED = [
    story("a", exp("kpn", ["phone", "visit"], {"min": 4, "exact": False},
                   [wait("dagen", 48, None), wait("24 uur", 0, 26, "waited"), wait("een uur", 1, 1)], 1, False),
          exp("Eneco", ["phone"], {"min": 1, "exact": True}, [], 0, None)),
    story("b", exp("Ziggo", ["email"], {"min": 2, "exact": True}, [wait("twee weken", 336, 336)], 1, False)),
]


@pytest.fixture(scope="module")
def scores():
    return score(GOLD, PRED)


def test_companies_match_case_folded(scores):
    # KPN~kpn and Ziggo match; (kabelbedrijf) missed; Eneco extra
    assert (scores.companies.tp, scores.companies.fp, scores.companies.fn) == (2, 1, 1)
    assert scores.companies.f1 == pytest.approx(2 / 3)


def test_channels_only_on_matched_experiences(scores):
    # KPN: phone tp, visit fp, sms fn; Ziggo: email tp
    assert (scores.channels.tp, scores.channels.fp, scores.channels.fn) == (2, 1, 1)


def test_contacts_share_and_mae(scores):
    assert (scores.contacts.correct, scores.contacts.n) == (1, 2)
    assert scores.contacts.mae == pytest.approx(0.5)


def test_waits_found_by_overlap_as_multiset(scores):
    # "vijf dagen"~"dagen", "binnen 24 uur"~"24 uur", "twee weken"; "een uur" extra
    assert (scores.waits_found.tp, scores.waits_found.fp, scores.waits_found.fn) == (3, 1, 0)


def test_wait_values_within_ten_percent_and_null_equals_null(scores):
    # dagen 48..None vs 120..120 wrong; 0..26 vs 0..24 within 10%; twee weken right
    assert (scores.wait_values.correct, scores.wait_values.n) == (2, 3)
    assert (scores.wait_kinds.correct, scores.wait_kinds.n) == (2, 3)


def test_judgements(scores):
    assert (scores.friendliness.correct, scores.friendliness.n) == (1, 2)
    # resolved only where gold is not null: KPN (false == false)
    assert (scores.resolved.correct, scores.resolved.n) == (1, 1)
    assert (scores.gap.correct, scores.gap.n) == (1, 1)
    # gap cases: KPN in both; Ziggo predicted only
    assert (scores.gap_cases.tp, scores.gap_cases.fp, scores.gap_cases.fn) == (1, 1, 0)


def test_missing_prediction_counts_as_all_missed():
    result = score(GOLD, PRED[:1])
    assert result.missing_predictions == ["b"]
    assert result.companies.fn == 2


def test_perfect_prediction_scores_one():
    result = score(GOLD, GOLD)
    for name in ("companies", "channels", "waits_found", "contacts", "wait_values", "friendliness", "resolved"):
        assert result.value(name) == 1.0, name
