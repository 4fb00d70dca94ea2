"""The klantverhaal command line: analyse, evaluate. Parse options, call, render; no logic here.

Data goes to stdout (or --output), progress and messages to stderr, so
``klantverhaal analyse corpus/ --format jsonl > out.jsonl`` stays clean.
Exit codes: 0 done, 1 failure (or a threshold missed), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from klantverhaal import __version__

app = typer.Typer(
    name="klantverhaal",
    help="Read Dutch customer-service stories at scale: companies, channels, contacts, waiting times, "
    "and the gap between friendly staff and solved problems.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)

EXIT_FAILURE = 1
EXIT_USAGE = 2


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _console(stderr: bool = True):
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=stderr)


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    _console().print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"klantverhaal {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """klantverhaal: a corpus analyser for Dutch customer-service stories."""


@app.command()
def analyse(
    path: Annotated[Path, typer.Argument(help="A story file, or a folder searched recursively for .txt and .md.")],
    *,
    format: Annotated[Format, typer.Option("--format", "-f", help="table: two rich tables; jsonl: one SPEC "
                                           "record per story; csv: one row per (story, company).")] = Format.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write data here instead of stdout.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or messages on stderr.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any file was skipped.")] = False,
) -> None:
    """Analyse stories: companies, channels, contacts, waits, friendliness and resolution.

    Exit 0 when done (also for an empty folder, with a message), 1 on failure or with --strict
    when files were skipped, 2 for a path that does not exist.
    """
    if not path.exists():
        _fail(f"{path} does not exist. Give a story file or a folder of .txt/.md files.")
    from klantverhaal import analysis, report, runner
    from klantverhaal.corpus import read_stories

    console = _console()
    skipped: list = []
    stories_in = list(read_stories(path, skipped=skipped))
    if not stories_in:
        if not quiet:
            console.print(f"No stories found in {path}: it holds no readable .txt or .md files.")
            if skipped:
                console.print(report.skipped_table(skipped, root=path))
        raise typer.Exit(EXIT_FAILURE if strict and skipped else 0)
    records = []
    sink = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        progress = _progress(console, quiet)
        with progress:
            task = progress.add_task("analysing", total=len(stories_in))
            for record in runner.analyse_texts(stories_in):
                records.append(record)
                if format is Format.jsonl:
                    sink.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                progress.advance(task)
        if format is Format.csv:
            analysis.experience_frame(records).to_csv(sink, index=False)
        elif format is Format.table:
            out = _console(stderr=False) if not output else _file_console(sink)
            out.print(report.stories_table(records))
            out.print(report.companies_table(analysis.company_summary(analysis.experience_frame(records))))
    finally:
        if output:
            sink.close()
    if not quiet:
        console.print(f"{len(records)} stories analysed" + (f", {len(skipped)} files skipped" if skipped else "")
                      + (f"; written to {output}" if output else ""))
        if skipped:
            console.print(report.skipped_table(skipped, root=path))
    if strict and skipped:
        raise typer.Exit(EXIT_FAILURE)


def _file_console(handle):
    from rich.console import Console

    return Console(file=handle, width=100, force_terminal=False)


def _progress(console, quiet: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, disable=quiet, transient=True)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold annotations: a JSON Lines file of SPEC records.")],
    predicted: Annotated[Path, typer.Argument(help="Stories to analyse (file or folder), or a JSON Lines file "
                                              "of predicted records from `analyse --format jsonl`.")],
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON on stdout.")] = False,
    minimum: Annotated[list[str] | None, typer.Option("--min", help="SCORE=VALUE, e.g. --min companies=0.9; "
                                                      "repeatable. Exit 1 when a score falls below.")] = None,
    thresholds: Annotated[Path | None, typer.Option("--thresholds", help="A JSON file {score: minimum}.")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List what was missed or wrong, per story.")] = False,
) -> None:
    """Score extraction against gold annotations with SPEC's scores (counts included).

    Scores: companies, channels, waits_found, gap_cases (P/R/F1; thresholds apply to F1) and contacts,
    wait_values, wait_kinds, friendliness, resolved, gap (accuracy).
    """
    from klantverhaal import report, runner, scoring

    if not gold.is_file():
        _fail(f"gold file {gold} does not exist. Give a JSON Lines file of SPEC records.")
    if not predicted.exists():
        _fail(f"{predicted} does not exist. Give stories (file or folder) or a JSON Lines file of predictions.")
    limits = _parse_limits(minimum or [], thresholds, scoring.SCORE_NAMES)
    try:
        gold_records = runner.read_records(gold)
        if predicted.is_file() and predicted.suffix == ".jsonl":
            predicted_records = runner.read_records(predicted)
        else:
            wanted = {g.id for g in gold_records}
            predicted_records = [r for r in runner.analyse_path(predicted) if r.id in wanted]
    except ValueError as err:
        _fail(str(err), EXIT_FAILURE)
    scores = scoring.score(gold_records, predicted_records)
    if as_json:
        out = scores.to_dict()
        if errors:
            out["errors"] = scores.errors
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        console = _console(stderr=False)
        console.print(report.scores_table(scores, title=f"Scores of {predicted} against {gold.name}"))
        if errors:
            for err in scores.errors:
                console.print_json(json.dumps(err, ensure_ascii=False))
    if scores.missing_predictions:
        _console().print(f"{len(scores.missing_predictions)} gold stories have no prediction: "
                         + ", ".join(scores.missing_predictions[:10]))
    below = [(name, scores.value(name), value) for name, value in limits.items() if scores.value(name) < value]
    for name, got, want in below:
        _console().print(f"[red]below threshold:[/] {name} {got:.3f} < {want:.3f}")
    if below:
        raise typer.Exit(EXIT_FAILURE)


def _parse_limits(items: list[str], path: Path | None, names: tuple[str, ...]) -> dict[str, float]:
    limits: dict[str, float] = {}
    if path is not None:
        try:
            limits.update({k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()})
        except (OSError, ValueError, AttributeError) as err:
            _fail(f"cannot read thresholds from {path}: {err}. Give a JSON object like {{\"companies\": 0.9}}.")
    for item in items:
        name, sep, value = item.partition("=")
        try:
            limits[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            _fail(f"--min {item!r}: write SCORE=VALUE, e.g. --min companies=0.9")
    unknown = sorted(set(limits) - set(names))
    if unknown:
        _fail(f"unknown score {', '.join(unknown)}; choose from {', '.join(names)}")
    return limits


if __name__ == "__main__":  # pragma: no cover
    app()
