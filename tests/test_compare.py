"""`klantverhaal compare`: every figure on a hand-computed fixture, every option through CliRunner,
and the same figures from a corpus folder as from the jsonl `analyse` wrote of it.

The fixture (written as SPEC records by ``fixture_records``):

- Alpha (telecom), 4 stories a1..a4
    contacts 1, 2, 4 (≥), 8                   -> median 3, Q1 1.75, Q3 5 (linear interpolation)
    waited per experience: a1 24; a2 max(72, "meer dan een week" 168..null -> 168) = 168; a3 2; a4 none
                                              -> 3 with a wait, median 24, max 168
    promised: a1 48 vs waited 24 (ratio 0.5, kept); a2 max(24, 72) = 72 vs 168 (ratio 7/3, broken);
              a4 promised but no wait         -> 2 promises, median ratio 17/12, broken 1 of 2
    resolved: True, False, null, False        -> 1 of 3
    friendliness: 1, 1, 0, -1                 -> friendly 2 of 4
    gap (friendly and unresolved): a2         -> 1 of 3
- Beta (bank), in a4 only: no contacts, no waits, resolved null -> every figure empty, friendly 1 of 1
- Gamma (energy), g1: contacts 3, waited 30 min, friendliness 0, resolved True
- Delta (retail), 10 stories d0..d9 dated 2023: no contacts, no waits; resolved in d0..d2 (3 of 10:
  Wilson 0.108..0.603), friendly in d0..d3 (4 of 10), so d3 is the one gap (1 of 10)
- e1: a story without experiences

Dates: a1 2020-01-10, a2 2020-02-01, a3 2021-06-15, a4 none, g1 2022-03-03, e1 2020-05-05.
"""

from __future__ import annotations

import io
import json
import math

import pandas as pd
import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from klantverhaal import compare, report
from klantverhaal.cli import app
from klantverhaal.records import Story

# Wilson 95 % score intervals, worked out by hand from
# (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.96
W_1_2 = (0.0945, 0.9055)
W_1_3 = (0.0615, 0.7923)
W_2_4 = (0.1500, 0.8500)
W_3_10 = (0.1078, 0.6032)
W_1_10 = (0.0179, 0.4042)
W_4_10 = (0.1682, 0.6873)
W_1_1 = (0.2065, 1.0)
W_0_1 = (0.0, 0.7935)


def _wait(text, min_h, max_h, kind):
    return {"text": text, "min_h": min_h, "max_h": max_h, "kind": kind}


def _experience(company, sector, *, contacts=None, exact=True, waits=(), friendliness=0, resolved=None):
    return {"company": company, "sector": sector, "channels": ["phone"],
            "contacts": None if contacts is None else {"min": contacts, "exact": exact},
            "waits": list(waits), "friendliness": friendliness, "resolved": resolved}


def fixture_records() -> list[dict]:
    records = [
        {"id": "a1", "date": "2020-01-10", "mentions": [], "experiences": [
            _experience("Alpha", "telecom", contacts=1, friendliness=1, resolved=True, waits=[
                _wait("een dag", 24, 24, "waited"), _wait("binnen twee dagen", 0, 48, "promised")])]},
        {"id": "a2", "date": "2020-02-01", "mentions": ["PostNL"], "experiences": [
            _experience("Alpha", "telecom", contacts=2, friendliness=1, resolved=False, waits=[
                _wait("twee tot drie dagen", 48, 72, "waited"), _wait("meer dan een week", 168, None, "waited"),
                _wait("binnen 24 uur", 0, 24, "promised"), _wait("twee tot drie dagen", 48, 72, "promised")])]},
        {"id": "a3", "date": "2021-06-15", "mentions": [], "experiences": [
            _experience("Alpha", "telecom", contacts=4, exact=False, friendliness=0, resolved=None,
                        waits=[_wait("twee uur", 2, 2, "waited")])]},
        {"id": "a4", "date": None, "mentions": [], "experiences": [
            _experience("Alpha", "telecom", contacts=8, friendliness=-1, resolved=False,
                        waits=[_wait("binnen 24 uur", 0, 24, "promised")]),
            _experience("Beta", "bank", friendliness=1, resolved=None)]},
        {"id": "g1", "date": "2022-03-03", "mentions": [], "experiences": [
            _experience("Gamma", "energy", contacts=3, friendliness=0, resolved=True,
                        waits=[_wait("een half uur", 0.5, 0.5, "waited")])]},
        {"id": "e1", "date": "2020-05-05", "mentions": ["KPN"], "experiences": []},
    ]
    for i in range(10):
        records.append({"id": f"d{i}", "date": f"2023-01-{i + 1:02d}", "mentions": [], "experiences": [
            _experience("Delta", "retail", friendliness=1 if i < 4 else 0, resolved=i < 3)]})
    return records


def fixture_stories() -> list[Story]:
    return [Story.from_dict(r) for r in fixture_records()]


@pytest.fixture()
def jsonl(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in fixture_records()), encoding="utf-8")
    return path


@pytest.fixture()
def runner():
    return CliRunner()


def _row(summary: pd.DataFrame, company: str) -> dict:
    rows = compare.records(summary[summary["company"] == company])
    assert len(rows) == 1, f"{company} not in {list(summary['company'])}"
    return rows[0]


def _check(row: dict, expected: dict) -> None:
    for key, value in expected.items():
        if isinstance(value, float):
            assert row[key] == pytest.approx(value, abs=5e-5), key
        else:
            assert row[key] == value, key


ALPHA = {
    "company": "Alpha", "sector": "telecom", "stories": 4, "experiences": 4,
    "contacts_n": 4, "contacts_median": 3.0, "contacts_q1": 1.75, "contacts_q3": 5.0,
    "waited_n": 3, "waited_median_h": 24.0, "waited_max_h": 168.0,
    "promises": 2, "ratio_median": 17 / 12, "broken": 1, "share_broken": 0.5,
    "share_broken_low": W_1_2[0], "share_broken_high": W_1_2[1],
    "resolved_n": 3, "resolved": 1, "share_resolved": 1 / 3,
    "share_resolved_low": W_1_3[0], "share_resolved_high": W_1_3[1],
    "friendly_n": 4, "friendly": 2, "share_friendly": 0.5,
    "share_friendly_low": W_2_4[0], "share_friendly_high": W_2_4[1],
    "gap_n": 3, "gap": 1, "share_gap": 1 / 3, "share_gap_low": W_1_3[0], "share_gap_high": W_1_3[1],
}
BETA = {  # no waits, no contacts, no outcome told: every such figure is empty, not zero
    "company": "Beta", "sector": "bank", "stories": 1, "experiences": 1,
    "contacts_n": 0, "contacts_median": None, "contacts_q1": None, "contacts_q3": None,
    "waited_n": 0, "waited_median_h": None, "waited_max_h": None,
    "promises": 0, "ratio_median": None, "broken": 0, "share_broken": None,
    "share_broken_low": None, "share_broken_high": None,
    "resolved_n": 0, "resolved": 0, "share_resolved": None, "share_resolved_low": None, "share_resolved_high": None,
    "friendly_n": 1, "friendly": 1, "share_friendly": 1.0,
    "share_friendly_low": W_1_1[0], "share_friendly_high": W_1_1[1],
    "gap_n": 0, "gap": 0, "share_gap": None, "share_gap_low": None, "share_gap_high": None,
}
GAMMA = {
    "company": "Gamma", "sector": "energy", "stories": 1, "experiences": 1,
    "contacts_n": 1, "contacts_median": 3.0, "contacts_q1": 3.0, "contacts_q3": 3.0,
    "waited_n": 1, "waited_median_h": 0.5, "waited_max_h": 0.5, "promises": 0, "ratio_median": None,
    "resolved_n": 1, "resolved": 1, "share_resolved": 1.0,
    "share_resolved_low": W_1_1[0], "share_resolved_high": W_1_1[1],
    "friendly_n": 1, "friendly": 0, "share_friendly": 0.0,
    "share_friendly_low": W_0_1[0], "share_friendly_high": W_0_1[1],
    "gap_n": 1, "gap": 0, "share_gap": 0.0, "share_gap_low": W_0_1[0], "share_gap_high": W_0_1[1],
}
DELTA = {
    "company": "Delta", "sector": "retail", "stories": 10, "experiences": 10,
    "contacts_n": 0, "contacts_median": None, "waited_n": 0, "waited_median_h": None, "waited_max_h": None,
    "promises": 0, "ratio_median": None, "share_broken": None,
    "resolved_n": 10, "resolved": 3, "share_resolved": 0.3,
    "share_resolved_low": W_3_10[0], "share_resolved_high": W_3_10[1],
    "friendly_n": 10, "friendly": 4, "share_friendly": 0.4,
    "share_friendly_low": W_4_10[0], "share_friendly_high": W_4_10[1],
    "gap_n": 10, "gap": 1, "share_gap": 0.1, "share_gap_low": W_1_10[0], "share_gap_high": W_1_10[1],
}


# --- the Wilson interval -------------------------------------------------------------------------

@pytest.mark.parametrize("k, n, expected", [
    (3, 10, W_3_10), (1, 2, W_1_2), (1, 3, W_1_3), (2, 4, W_2_4), (1, 10, W_1_10), (4, 10, W_4_10),
    (1, 1, W_1_1), (0, 1, W_0_1), (0, 4, (0.0, 0.4899)), (4, 4, (0.5101, 1.0)),
])
def test_wilson_interval(k, n, expected):
    low, high = compare.wilson(k, n)
    assert (low, high) == pytest.approx(expected, abs=5e-5)
    assert 0.0 <= low <= k / n <= high <= 1.0


def test_wilson_three_of_ten_as_the_issue_states():
    low, high = compare.wilson(3, 10)
    assert round(low, 3) == 0.108 and round(high, 3) == 0.603


def test_wilson_of_nothing_is_none():
    assert compare.wilson(0, 0) is None


# --- every figure on the fixture -----------------------------------------------------------------

@pytest.mark.parametrize("company, expected", [("Alpha", ALPHA), ("Beta", BETA), ("Gamma", GAMMA),
                                               ("Delta", DELTA)], ids=["Alpha", "Beta-empty", "Gamma", "Delta"])
def test_every_figure(company, expected):
    summary = compare.summarise(compare.select(fixture_stories()).frame)
    _check(_row(summary, company), expected)


def test_split_and_counts_behind_each_table():
    result = compare.compare(fixture_stories())
    assert list(result.companies.summary["company"]) == ["Delta", "Alpha"]  # most stories first
    assert list(result.too_few.summary["company"]) == ["Beta", "Gamma"]     # ties A-Z
    assert (result.companies.stories, result.companies.experiences) == (14, 14)
    assert (result.too_few.stories, result.too_few.experiences) == (2, 2)
    # a4 stands behind Alpha and Beta: counted once overall
    assert (result.stories, result.experiences, result.stories_read) == (15, 16, 16)
    assert result.undated_excluded == 0 and result.out_of_range == 0


def test_min_stories_moves_companies_between_tables():
    assert list(compare.compare(fixture_stories(), min_stories=1).too_few.summary["company"]) == []
    result = compare.compare(fixture_stories(), min_stories=5)
    assert list(result.companies.summary["company"]) == ["Delta"]
    assert list(result.too_few.summary["company"]) == ["Alpha", "Beta", "Gamma"]


def test_filters_on_sector_company_and_dates():
    stories = fixture_stories()
    assert list(compare.select(stories, sectors=["bank"]).frame["company"]) == ["Beta"]
    picked = compare.select(stories, companies=["alpha", "BETA"]).frame
    assert sorted(set(picked["company"])) == ["Alpha", "Beta"]
    window = compare.select(stories, since=compare.parse_date("2020-01-15"), until=compare.parse_date("2021-12-31"))
    assert list(window.frame["id"]) == ["a2", "a3"]
    assert window.undated_excluded == 1            # a4 (Alpha and Beta), counted once
    assert window.out_of_range == 12               # a1, g1 and d0..d9
    inclusive = compare.select(stories, since=compare.parse_date("2020-01-10"), until=compare.parse_date("2020-01-10"))
    assert list(inclusive.frame["id"]) == ["a1"]


def test_figures_follow_the_date_window():
    since, until = compare.parse_date("2020-01-15"), compare.parse_date("2021-12-31")
    result = compare.compare(fixture_stories(), since=since, until=until, min_stories=1)
    _check(_row(result.companies.summary, "Alpha"), {
        "stories": 2, "contacts_median": 3.0, "contacts_q1": 2.5, "contacts_q3": 3.5,
        "waited_median_h": 85.0, "waited_max_h": 168.0, "promises": 1, "ratio_median": 168 / 72, "broken": 1,
        "resolved_n": 1, "resolved": 0, "share_resolved": 0.0, "gap": 1, "share_gap": 1.0,
        "friendly_n": 2, "friendly": 1})


def test_empty_selection_gives_empty_tables():
    result = compare.compare(fixture_stories(), companies=["Nobody"])
    assert result.companies.summary.empty and result.too_few.summary.empty
    assert list(result.companies.summary.columns) == list(compare.COLUMNS)
    assert (result.stories, result.experiences) == (0, 0)
    assert result.to_dict()["companies"] == [] and result.to_dict()["too_few_stories"] == []
    assert list(result.frame().columns) == [*compare.COLUMNS, "too_few_stories"]
    assert compare.summarise(compare.select([]).frame).empty


@pytest.mark.parametrize("column, first", [
    ("stories", "Delta"), ("company", "Alpha"), ("share_resolved", "Alpha"), ("contacts_median", "Alpha"),
    ("share_gap", "Alpha"), ("share_friendly", "Alpha"), ("sector", "Delta"),
])
def test_sort(column, first):
    assert compare.compare(fixture_stories(), sort_by=column).companies.summary["company"].iloc[0] == first


def test_sort_puts_missing_figures_last():
    summary = compare.compare(fixture_stories(), min_stories=1, sort_by="waited_max_h").companies.summary
    assert list(summary["company"]) == ["Alpha", "Gamma", "Beta", "Delta"]


def test_unknown_sort_column_lists_the_valid_ones():
    with pytest.raises(ValueError, match="share_gap"):
        compare.compare(fixture_stories(), sort_by="gap_share")


def test_waited_lower_bound_counts_with_its_min():
    story = Story.from_dict({"id": "x", "experiences": [_experience("X", "other", waits=[
        _wait("meer dan een week", 168, None, "waited"), _wait("binnen drie dagen", 0, 72, "promised")])]})
    row = _row(compare.summarise(compare.select([story]).frame), "X")
    _check(row, {"waited_max_h": 168.0, "ratio_median": 168 / 72, "broken": 1, "promises": 1})


def test_sector_is_the_most_common_one_ties_to_the_first_seen():
    stories = [Story.from_dict({"id": f"s{i}", "experiences": [_experience("X", sector)]})
               for i, sector in enumerate(["bank", "other", "other", "bank", "insurance", "insurance", "insurance"])]
    assert _row(compare.summarise(compare.select(stories).frame), "X")["sector"] == "insurance"
    assert _row(compare.summarise(compare.select(stories[:4]).frame), "X")["sector"] == "bank"


def test_open_ended_promise_promises_nothing():
    story = Story.from_dict({"id": "x", "experiences": [_experience("X", "other", waits=[
        _wait("een week", 168, 168, "waited"), _wait("minimaal twee weken", 336, None, "promised")])]})
    row = _row(compare.summarise(compare.select([story]).frame), "X")
    assert row["promises"] == 0 and row["ratio_median"] is None


# --- the table -----------------------------------------------------------------------------------

def _render(renderable, width=140) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    Console(file=buffer, width=width, force_terminal=False).print(renderable)
    return buffer.getvalue()


def test_bar_and_interval_text():
    assert report.bar(0.5) == "████░░░░"
    assert report.bar(0.1) == "▊░░░░░░░"
    assert report.bar(1.0) == "████████" and report.bar(0.0) == "░░░░░░░░"
    assert report.bar(None) == "░░░░░░░░" and report.bar(math.nan) == "░░░░░░░░"
    assert report.share_interval(0.4, 0.17, 0.69) == "40% (17–69%)"
    assert report.share_interval(0.3, *compare.wilson(3, 10)) == "30% (11–60%)"
    assert report.share_interval(None, None, None) == "–"


def test_compare_table_shows_figures_bar_and_footnote():
    result = compare.compare(fixture_stories())
    text = _render(report.compare_table(result.companies.summary, stories=14, experiences=14))
    assert "Delta" in text and "Alpha" in text
    assert "30% (11–60%)" in text              # Delta resolved, 3 of 10
    assert "▊░░░░░░░ 10% (2–40%)" in text       # Delta gap, 1 of 10, with its bar
    assert "██▋░░░░░ 33% (6–79%)" in text       # Alpha gap, 1 of 3
    assert "(1.8–5)" in text                   # Alpha contacts IQR 1.75..5, shortened, under its median 3
    assert "×1.4" in text and "(1 of 2)" in text
    footnote = " ".join(text.split())
    assert "14 experiences in 14 stories behind this table" in footnote
    assert "self-selected" in footnote and "not a survey" in footnote


def test_compare_table_fits_80_columns_without_cropping():
    result = compare.compare(fixture_stories(), min_stories=1)
    text = _render(report.compare_table(result.companies.summary, stories=15, experiences=16), width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    for piece in ("(11–60%)", "(2–40%)", "(gap)", "Gamma", "(6–79%)"):
        assert piece in text, piece


def test_compare_table_marks_empty_figures():
    result = compare.compare(fixture_stories(), min_stories=1, companies=["Beta"])
    text = _render(report.compare_table(result.companies.summary, stories=1, experiences=1))
    assert "Beta" in text and "–" in text and "1 experience in 1 story behind" in " ".join(text.split())


# --- the command ---------------------------------------------------------------------------------

def _json(runner, *args):
    result = runner.invoke(app, ["compare", *map(str, args), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_help(runner):
    result = runner.invoke(app, ["compare", "--help"])
    assert result.exit_code == 0
    for option in ("--sector", "--company", "--min-stories", "--since", "--until", "--sort", "--format", "--output"):
        assert option in result.output
    assert "compare" in runner.invoke(app, ["--help"]).output


def test_cli_json_has_every_figure(runner, jsonl):
    out = _json(runner, jsonl)
    assert [c["company"] for c in out["companies"]] == ["Delta", "Alpha"]
    assert [c["company"] for c in out["too_few_stories"]] == ["Beta", "Gamma"]
    for row, expected in zip(out["companies"] + out["too_few_stories"], (DELTA, ALPHA, BETA, GAMMA)):
        _check(row, expected)
    assert (out["stories"], out["experiences"], out["stories_read"], out["min_stories"]) == (15, 16, 16, 3)
    assert "self-selected" in out["note"]


def test_cli_table_on_stdout_messages_on_stderr(runner, jsonl):
    result = runner.invoke(app, ["compare", str(jsonl)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Companies compared (3 or more stories)" in result.stdout
    assert "Too few stories to compare (fewer than 3)" in result.stdout
    assert "30% (11–60%)" in result.stdout
    assert "self-selected" in result.stdout
    assert "2 companies compared, 2 with too few stories" in result.stderr
    assert "2 companies compared" not in result.stdout


def test_cli_quiet(runner, jsonl):
    result = runner.invoke(app, ["compare", str(jsonl), "--quiet", "--format", "csv"])
    assert result.exit_code == 0 and result.stderr == ""


def test_cli_csv(runner, jsonl):
    result = runner.invoke(app, ["compare", str(jsonl), "--format", "csv"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns) == [*compare.COLUMNS, "too_few_stories"]
    assert list(frame["company"]) == ["Delta", "Alpha", "Beta", "Gamma"]
    assert list(frame["too_few_stories"]) == [False, False, True, True]
    delta = frame.iloc[0]
    assert delta["share_resolved_low"] == pytest.approx(W_3_10[0], abs=5e-5)
    assert delta["share_resolved_high"] == pytest.approx(W_3_10[1], abs=5e-5)
    assert math.isnan(frame.iloc[2]["waited_max_h"])  # Beta: no waits is empty, not 0


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_output_file(runner, jsonl, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["compare", str(jsonl), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"written to {out}" in " ".join(result.stderr.split())
    text = out.read_text(encoding="utf-8")
    assert "Delta" in text
    if fmt == "json":
        assert json.loads(text)["experiences"] == 16


def test_cli_sector(runner, jsonl):
    out = _json(runner, jsonl, "--sector", "bank", "--sector", "energy", "--min-stories", "1")
    assert [c["company"] for c in out["companies"]] == ["Beta", "Gamma"]
    assert out["filters"]["sector"] == ["bank", "energy"]


def test_cli_company_is_case_insensitive_and_repeatable(runner, jsonl):
    out = _json(runner, jsonl, "--company", "alpha", "--company", "DELTA")
    assert [c["company"] for c in out["companies"]] == ["Delta", "Alpha"]
    assert out["too_few_stories"] == []


def test_cli_min_stories(runner, jsonl):
    out = _json(runner, jsonl, "--min-stories", "5")
    assert [c["company"] for c in out["companies"]] == ["Delta"]
    assert [c["company"] for c in out["too_few_stories"]] == ["Alpha", "Beta", "Gamma"]
    assert runner.invoke(app, ["compare", str(jsonl), "--min-stories", "0"]).exit_code == 2


def test_cli_since_until_counts_undated_stories(runner, jsonl):
    out = _json(runner, jsonl, "--since", "2020-01-15", "--until", "2021-12-31")
    assert out["companies"] == []
    assert [c["company"] for c in out["too_few_stories"]] == ["Alpha"]
    assert out["too_few_stories"][0]["stories"] == 2
    assert out["undated_excluded"] == 1 and out["out_of_range"] == 12
    result = runner.invoke(app, ["compare", str(jsonl), "--since", "2020-01-15", "--min-stories", "1"],
                           env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "1 story without a date left out by --since/--until" in " ".join(result.stdout.split())
    assert "1 story without a date" in result.stderr
    only_until = _json(runner, jsonl, "--until", "2020-01-31", "--min-stories", "1")
    assert [c["company"] for c in only_until["companies"]] == ["Alpha"]
    assert only_until["undated_excluded"] == 1


def test_cli_sort(runner, jsonl):
    out = _json(runner, jsonl, "--sort", "share_resolved")
    assert [c["company"] for c in out["companies"]] == ["Alpha", "Delta"]
    assert [c["company"] for c in _json(runner, jsonl, "--sort", "company")["companies"]] == ["Alpha", "Delta"]


def test_cli_nothing_matches_is_done(runner, jsonl):
    result = runner.invoke(app, ["compare", str(jsonl), "--company", "Nobody"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "No experiences to compare" in result.stderr and "--company Nobody" in result.stderr
    out = _json(runner, jsonl, "--company", "Nobody")
    assert out["companies"] == [] and out["too_few_stories"] == [] and out["experiences"] == 0
    csv = runner.invoke(app, ["compare", str(jsonl), "--company", "Nobody", "--format", "csv", "--quiet"])
    assert csv.stdout.splitlines() == [",".join([*compare.COLUMNS, "too_few_stories"])]


@pytest.mark.parametrize("args, message", [
    (["--sort", "gap_share"], "choose from company, sector, stories"),
    (["--sector", "telecoms"], "unknown sector telecoms"),
    (["--since", "15-01-2020"], "write a date as YYYY-MM-DD"),
    (["--until", "2020-02-30"], "write a date as YYYY-MM-DD"),
    (["--since", "2021-01-01", "--until", "2020-01-01"], "is after --until"),
    (["--format", "xml"], ""),
])
def test_cli_usage_errors_exit_2(runner, jsonl, args, message):
    result = runner.invoke(app, ["compare", str(jsonl), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    if message:
        assert len(result.stderr.strip().splitlines()) == 1  # one-line error


def test_cli_missing_path_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["compare", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_cli_bad_jsonl_line_is_one_clear_error(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "experiences": []}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["compare", str(bad)])
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_story_folder(runner, tmp_path):
    (tmp_path / "ziggo.txt").write_text(
        "Vorige week viel mijn internet uit. Ik heb Ziggo drie keer gebeld en ze beloofden dat de monteur "
        "binnen twee werkdagen zou komen. Pas na acht dagen kwam hij langs. De medewerkers waren vriendelijk, "
        "maar het probleem is nog steeds niet opgelost.", encoding="utf-8")
    out = _json(runner, tmp_path, "--min-stories", "1")
    ziggo = out["companies"][0]
    _check(ziggo, {"company": "Ziggo", "stories": 1, "contacts_median": 3.0, "promises": 1, "broken": 1,
                   "share_gap": 1.0, "share_resolved": 0.0, "share_friendly": 1.0})


# --- a corpus and the jsonl analysed from it give the same figures -------------------------------

@pytest.mark.slow
def test_corpus_and_its_jsonl_give_the_same_figures(runner, tmp_path):
    analysed = runner.invoke(app, ["analyse", str(CORPUS), "--format", "jsonl", "--quiet"])
    assert analysed.exit_code == 0, analysed.output
    path = tmp_path / "a.jsonl"
    path.write_text(analysed.stdout, encoding="utf-8")
    from_jsonl = _json(runner, path, "--min-stories", "2")
    from_corpus = _json(runner, CORPUS, "--min-stories", "2")
    assert from_jsonl == from_corpus
    assert from_corpus["experiences"] > 20 and from_corpus["companies"]
    table_jsonl = runner.invoke(app, ["compare", str(path)], env={"COLUMNS": "120"})
    table_corpus = runner.invoke(app, ["compare", str(CORPUS)], env={"COLUMNS": "120"})
    assert table_jsonl.exit_code == table_corpus.exit_code == 0
    assert table_jsonl.stdout == table_corpus.stdout
