"""Every command end to end through typer's CliRunner."""

import io
import json

import jsonschema
import pandas as pd
import pytest
from conftest import CORPUS, SEED_GOLD, SEEDS, needs_seeds
from typer.testing import CliRunner

from klantverhaal import __version__, resources
from klantverhaal.cli import app

SCHEMA = json.loads(resources.read_text("record.schema.json"))
STORY = ("Vorige week viel mijn internet uit. Ik heb Ziggo drie keer gebeld en ze beloofden dat de monteur "
         "binnen twee werkdagen zou komen. Pas na acht dagen kwam hij langs. De medewerkers waren vriendelijk, "
         "maar het probleem is nog steeds niet opgelost.")


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def story_dir(tmp_path):
    (tmp_path / "ziggo.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "leeg.md").write_text("", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("args", [["--help"], ["analyse", "--help"], ["evaluate", "--help"]])
def test_help(runner, args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_no_arguments_shows_help(runner):
    result = runner.invoke(app, [])
    assert "analyse" in result.output and "evaluate" in result.output


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_analyse_jsonl_is_schema_valid(runner, story_dir):
    result = runner.invoke(app, ["analyse", str(story_dir), "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["id"] for r in lines] == ["ziggo"]
    for record in lines:
        jsonschema.validate(record, SCHEMA)
    ziggo = lines[0]["experiences"][0]
    assert ziggo["company"] == "Ziggo"
    assert {"phone", "visit"} <= set(ziggo["channels"])
    assert ziggo["contacts"] == {"min": 3, "exact": True}
    assert ziggo["friendliness"] == 1 and ziggo["resolved"] is False


def test_analyse_reports_skipped_files_on_stderr(runner, story_dir):
    result = runner.invoke(app, ["analyse", str(story_dir), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "leeg.md" in result.stderr and "empty" in result.stderr
    assert "leeg" not in result.stdout


def test_strict_makes_a_skip_fail(runner, story_dir):
    result = runner.invoke(app, ["analyse", str(story_dir), "--format", "jsonl", "--strict", "--quiet"])
    assert result.exit_code == 1


def test_analyse_csv_loads_with_pandas(runner, story_dir, tmp_path):
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["analyse", str(story_dir), "--format", "csv", "--output", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert list(frame["company"]) == ["Ziggo"]
    assert frame.loc[0, "contacts"] == 3


def test_analyse_table_prints_both_tables(runner, story_dir):
    result = runner.invoke(app, ["analyse", str(story_dir), "--quiet"], terminal_width=100)
    assert result.exit_code == 0
    assert "Stories" in result.stdout and "Companies" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    # nothing cropped at the right edge: every table line closes with its border
    assert all(line.rstrip()[-1] in "┃│┓┩┤┐┘┛╇┥" for line in result.stdout.splitlines()
               if line.strip() and line.lstrip()[0] in "┃│┏┡├└┗"), result.stdout
    assert "Ziggo" in result.stdout


def test_missing_path_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["analyse", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_empty_folder_says_so_and_exits_zero(runner, tmp_path):
    result = runner.invoke(app, ["analyse", str(tmp_path)])
    assert result.exit_code == 0
    assert "No stories found" in result.stderr


def test_evaluate_with_thresholds(runner, story_dir, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "ziggo", "date": None, "mentions": [], "experiences": [{
        "company": "Ziggo", "sector": "telecom", "channels": ["phone", "visit"], "contacts": {"min": 3, "exact": True},
        "waits": [{"text": "binnen twee werkdagen", "min_h": 0, "max_h": 48, "kind": "promised", "business": True},
                  {"text": "acht dagen", "min_h": 192, "max_h": 192, "kind": "waited"}],
        "friendliness": 1, "resolved": False}]}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(story_dir), "--json", "--min", "companies=1.0"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["companies"]["f1"] == 1.0
    assert scores["waits_found"]["tp"] == 2
    too_high = runner.invoke(app, ["evaluate", str(gold), str(story_dir), "--min", "friendliness=1.01"])
    assert too_high.exit_code == 1 and "below threshold" in too_high.stderr


def test_evaluate_reads_predictions_from_jsonl(runner, story_dir, tmp_path):
    pred = tmp_path / "pred.jsonl"
    runner_result = runner.invoke(app, ["analyse", str(story_dir), "-f", "jsonl", "-o", str(pred), "-q"])
    assert runner_result.exit_code == 0
    result = runner.invoke(app, ["evaluate", str(pred), str(pred), "--json"])
    assert json.loads(result.stdout)["companies"]["f1"] == 1.0


def test_evaluate_rejects_unknown_score_name(runner, tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(gold), "--min", "speed=2"])
    assert result.exit_code == 2 and "unknown score" in result.stderr


def test_evaluate_bad_gold_line_is_one_clear_error(runner, tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(gold)])
    assert result.exit_code == 1 and "line 1" in result.stderr and "Traceback" not in result.output


@needs_seeds()
def test_analyse_seeds_gives_five_valid_lines(runner):
    result = runner.invoke(app, ["analyse", str(SEEDS), "--format", "jsonl", "--quiet"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5
    for line in lines:
        jsonschema.validate(line, SCHEMA)


def test_analyse_corpus_prints_both_tables(runner):
    result = runner.invoke(app, ["analyse", str(CORPUS), "--quiet"], terminal_width=100)
    assert result.exit_code == 0
    assert "Stories" in result.stdout and "Companies" in result.stdout


def test_a_folders_readme_is_listed_as_documentation_not_analysed(runner, story_dir):
    (story_dir / "README.md").write_text("Deze map bevat verhalen over klantenservice.", encoding="utf-8")
    result = runner.invoke(app, ["analyse", str(story_dir), "--format", "jsonl"])
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ziggo"]
    assert "documentation" in result.stderr


def test_keep_duplicates_analyses_copies(runner, tmp_path):
    text = ("Ik heb Ziggo drie keer gebeld over de storing. Pas na vijf dagen kwam er een monteur, "
            "die het binnen een uur had opgelost. De medewerkers waren steeds vriendelijk.\n")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    default = runner.invoke(app, ["analyse", str(tmp_path), "--format", "jsonl", "--quiet", "--no-cache"])
    kept = runner.invoke(app, ["analyse", str(tmp_path), "--format", "jsonl", "--quiet", "--no-cache",
                               "--keep-duplicates"])
    assert default.exit_code == 0 and kept.exit_code == 0
    assert len(default.stdout.strip().splitlines()) == 1
    assert len(kept.stdout.strip().splitlines()) == 2
