"""The klantverhaal command line: analyse, compare, evaluate, show. Parse options, call, render; no logic here.

Data goes to stdout (or --output), progress and messages to stderr, so
``klantverhaal analyse corpus/ --format jsonl > out.jsonl`` stays clean.
Exit codes: 0 done, 1 failure (or a threshold missed), 2 usage error.
"""

from __future__ import annotations

import itertools
import json
import sys
from enum import Enum
from pathlib import Path
from types import SimpleNamespace
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


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class CompareFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


# how the analysing is spread: shared by every command that analyses stories
JobsOption = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes; 1 runs in this process.")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the result cache "
                                             "(~/.cache/klantverhaal, or $KLANTVERHAAL_CACHE_DIR).")]
EngineOption = Annotated[Engine, typer.Option("--engine", help="local: this machine (--jobs processes); "
                                              "dask: a dask cluster (extra `dask`).")]
SchedulerOption = Annotated[str | None, typer.Option("--scheduler", help="Address of a dask scheduler, "
                                                     "e.g. tcp://10.0.0.5:8786 (with --engine dask).")]


def _spread(jobs: int, no_cache: bool, engine: Engine, scheduler: str | None) -> dict:
    """runner keyword arguments from the shared options; usage errors exit 2 before any work."""
    if scheduler and engine is not Engine.dask:
        _fail("--scheduler needs --engine dask.")
    if engine is Engine.dask:
        import importlib.util

        if importlib.util.find_spec("distributed") is None or importlib.util.find_spec("dask") is None:
            _fail("--engine dask needs the dask extra: pip install 'klantverhaal\\[dask]'", EXIT_FAILURE)  # \[: rich
    return {"jobs": jobs, "cache": not no_cache, "engine": engine.value, "scheduler": scheduler}


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
    path: Annotated[Path, typer.Argument(help="A story file, or a folder searched recursively for .txt, .md, "
                                         ".html/.htm, .jsonl and .csv corpora (one story per row), and .gz of these.")],
    *,
    format: Annotated[Format, typer.Option("--format", "-f", help="table: two rich tables; jsonl: one SPEC "
                                           "record per story; csv: one row per (story, company).")] = Format.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write data here instead of stdout.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or messages on stderr.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any file was skipped.")] = False,
    skipped_file: Annotated[Path | None, typer.Option("--skipped", help="Write the skipped files (and corpus rows) "
                                                      "to this CSV: path, reason.")] = None,
    text_column: Annotated[str, typer.Option("--text-column", help="The column holding the story in .jsonl and "
                                             ".csv corpora.")] = "text",
    any_language: Annotated[bool, typer.Option("--any-language", help="Keep stories that are not Dutch "
                                               "(skipped by default).")] = False,
    keep_duplicates: Annotated[bool, typer.Option("--keep-duplicates", help="Analyse copies and near copies too "
                                                  "(skipped by default). The duplicate index lives in a temporary "
                                                  "SQLite file, so memory stays flat either way.")] = False,
    jobs: JobsOption = 1,
    no_cache: NoCacheOption = False,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write a standalone HTML report to this folder: "
                                              "index.html and one highlighted page per story.")] = None,
) -> None:
    """Analyse stories: companies, channels, contacts, waits, friendliness and resolution.

    Exit 0 when done (also for an empty folder, with a message), 1 on failure or with --strict
    when files were skipped, 2 for a path that does not exist.
    """
    if not path.exists():
        _fail(f"{path} does not exist. Give a story file or a folder of .txt/.md files.")
    if html is not None and html.exists() and not html.is_dir():
        _fail(f"--html {html} is a file. Give a folder for the report (it is created if missing).")
    from klantverhaal import analysis, report, runner
    from klantverhaal.corpus import read_stories

    spread = _spread(jobs, no_cache, engine, scheduler)
    console = _console()
    skipped: list = []
    # stories stream from reading to writing: only what the chosen output needs is kept (the
    # records for the tables and CSV, the texts for the HTML report, the flagged few)
    stories = read_stories(path, skipped=skipped, text_column=text_column, any_language=any_language,
                           dedupe_stories=not keep_duplicates)
    first = next(stories, None)
    if first is None:
        _write_skipped(skipped_file, skipped)
        if not quiet:
            console.print(f"No stories found in {path}: it holds no readable story files "
                          "(.txt, .md, .html, .jsonl, .csv).")
            if skipped:
                console.print(report.skipped_table(skipped, root=path))
        raise typer.Exit(EXIT_FAILURE if strict and skipped else 0)
    records, stories_in, flagged = [], [], []
    keep_records = format is not Format.jsonl or html is not None
    analysed = 0

    def feed():
        for story in itertools.chain([first], stories):
            if html is not None:
                stories_in.append(story)
            if story.flags:
                flagged.append(SimpleNamespace(path=story.path, reason="; ".join(story.flags)))
            yield story

    sink = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        progress = _progress(console, quiet)
        with progress:
            task = progress.add_task("analysing", total=None)
            for record in runner.analyse_texts(feed(), skipped=skipped, **spread):
                analysed += 1
                if keep_records:
                    records.append(record)
                if format is Format.jsonl:
                    sink.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                progress.advance(task)
        if format is Format.csv:
            analysis.experience_frame(records).to_csv(sink, index=False)
        elif format is Format.table:
            out = _console(stderr=False) if not output else _file_console(sink)
            out.print(report.stories_table(records, width=out.width))
            out.print(report.companies_table(analysis.company_summary(analysis.experience_frame(records)),
                                             width=out.width))
    except runner.EngineError as err:
        _fail(str(err), EXIT_FAILURE)
    finally:
        if output:
            sink.close()
    if html is not None:
        _write_html(html, stories_in, records, skipped=skipped, source=str(path), console=console, quiet=quiet)
    _write_skipped(skipped_file, skipped)
    if not quiet:
        console.print(f"{analysed} stories analysed" + (f", {len(skipped)} files skipped" if skipped else "")
                      + (f"; written to {output}" if output else ""))
        if flagged:
            console.print(report.skipped_table(flagged, root=path, title="Analysed, but flagged"))
        if skipped:
            console.print(report.skipped_table(skipped, root=path))
    if strict and skipped:
        raise typer.Exit(EXIT_FAILURE)


def _write_skipped(path: Path | None, skipped: list) -> None:
    """--skipped FILE: one CSV row (path, reason) per skipped file or corpus row."""
    if path is None:
        return
    import csv

    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["path", "reason"])
            writer.writerows([item.path, item.reason] for item in skipped)
    except OSError as err:
        _fail(f"cannot write --skipped {path}: {err.strerror or err}. Give a file in a folder you can write to.",
              EXIT_FAILURE)


def _file_console(handle):
    from rich.console import Console

    return Console(file=handle, width=100, force_terminal=False)


def _progress(console, quiet: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, disable=quiet, transient=True)


def _write_html(directory: Path, stories, records, *, skipped, source: str, console, quiet: bool) -> None:
    """The HTML report; the stories pass the pipeline once more here, as records from workers or the
    cache carry no Doc to highlight."""
    from klantverhaal import evidence, html_report

    report = html_report.HtmlReport(directory)
    with _progress(console, quiet) as progress:
        task = progress.add_task("writing HTML", total=len(records))
        for item in evidence.analyse_many(stories, records):
            report.add(item)
            progress.advance(task)
    index = report.finish(records, skipped=skipped, source=source)
    if not quiet:
        console.print(f"HTML report: {index}")


@app.command()
def compare(
    path: Annotated[Path, typer.Argument(help="Stories (a file or folder), or a JSON Lines file written by "
                                         "`analyse --format jsonl` (read as is, no NLP).")],
    *,
    sector: Annotated[list[str] | None, typer.Option("--sector", help="Only this sector; repeatable.")] = None,
    company: Annotated[list[str] | None, typer.Option("--company", help="Only this company (case-insensitive); "
                                                      "repeatable.")] = None,
    min_stories: Annotated[int, typer.Option("--min-stories", min=1, help="Companies with fewer stories go to a "
                                             "separate table marked too few stories.")] = 3,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD: stories dated on or after; "
                                              "undated stories are left out (and counted).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD: stories dated on or before; "
                                              "undated stories are left out (and counted).")] = None,
    sort: Annotated[str, typer.Option("--sort", help="Column to sort by (figures largest first, names A-Z), "
                                      "e.g. share_gap, waited_median_h, contacts_median.")] = "stories",
    format: Annotated[CompareFormat, typer.Option("--format", "-f", help="table: rich tables; csv: one row per "
                                                  "company; json: both tables and the counts.")]
    = CompareFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write data here instead of stdout.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or messages on stderr.")] = False,
    jobs: JobsOption = 1,
    no_cache: NoCacheOption = False,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
) -> None:
    """Compare companies: contacts, waits, promises kept, resolved, friendly, and friendly but unresolved.

    Shares come with Wilson 95 % intervals and their counts. Exit 0 done (also when nothing matches).

    Exit 1 when the input cannot be read, 2 for a usage error (unknown sector or sort column, bad date).
    """
    if not path.exists():
        _fail(f"{path} does not exist. Give stories (file or folder) or a JSON Lines file from "
              "`analyse --format jsonl`.")
    from klantverhaal import compare as comparing
    from klantverhaal import report, runner
    from klantverhaal.records import SECTORS

    unknown = sorted(set(sector or []) - set(SECTORS))
    if unknown:
        _fail(f"unknown sector {', '.join(unknown)}; choose from {', '.join(SECTORS)}")
    if sort not in comparing.COLUMNS:
        _fail(f"cannot sort by {sort!r}; choose from {', '.join(comparing.COLUMNS)}")
    first, last = _day(since, "--since"), _day(until, "--until")
    if first and last and first > last:
        _fail(f"--since {since} is after --until {until}.")
    spread = _spread(jobs, no_cache, engine, scheduler)
    console = _console()
    skipped: list = []
    try:
        if path.is_file() and path.suffix == ".jsonl":
            records = runner.read_records(path)
        else:
            from klantverhaal.corpus import read_stories

            with _progress(console, quiet) as progress:
                task = progress.add_task("analysing", total=None)
                records = []
                for record in runner.analyse_texts(read_stories(path, skipped=skipped), skipped=skipped, **spread):
                    records.append(record)
                    progress.advance(task)
    except (ValueError, runner.EngineError) as err:
        _fail(str(err), EXIT_FAILURE)
    result = comparing.compare(records, sectors=sector or (), companies=company or (), since=first, until=last,
                               min_stories=min_stories, sort_by=sort)
    note = _compare_note(result)
    sink = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if format is CompareFormat.csv:
            result.frame().to_csv(sink, index=False)
        elif format is CompareFormat.json:
            sink.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        elif result.experiences:
            out = _console(stderr=False) if not output else _file_console(sink)
            parts = [(result.companies, f"Companies compared ({min_stories} or more stories)"),
                     (result.too_few, f"Too few stories to compare (fewer than {min_stories})")]
            for part, title in parts:
                if len(part.summary):
                    out.print(report.compare_table(part.summary, stories=part.stories,
                                                   experiences=part.experiences, title=title, note=note))
    finally:
        if output:
            sink.close()
    if not quiet:
        if not result.experiences:
            chosen = " ".join([f"--sector {x}" for x in sector or []] + [f"--company {x}" for x in company or []]
                              + [f"{o} {v}" for o, v in (("--since", since), ("--until", until)) if v])
            console.print(f"No experiences to compare in {path}" + (f" with {chosen}" if chosen else "")
                          + (f"; {note}" if note else "") + ".")
        else:
            console.print(f"{len(result.companies.summary)} companies compared, "
                          f"{len(result.too_few.summary)} with too few stories; {result.experiences} experiences "
                          f"in {result.stories} of {result.stories_read} stories" + (f"; {note}" if note else "")
                          + (f"; written to {output}" if output else ""))
        if skipped:
            console.print(report.skipped_table(skipped, root=path))


def _day(text: str | None, option: str):
    """A YYYY-MM-DD option as a date; anything else is a usage error."""
    if text is None:
        return None
    import re
    from datetime import date

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        _fail(f"{option} {text!r}: write a date as YYYY-MM-DD, e.g. {option} 2020-01-31")


def _compare_note(result) -> str:
    parts = []
    if result.undated_excluded:
        parts.append(f"{result.undated_excluded} stor{'ies' if result.undated_excluded != 1 else 'y'} without a "
                     "date left out by --since/--until")
    if result.out_of_range:
        parts.append(f"{result.out_of_range} dated outside the range")
    return ", ".join(parts)


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
    jobs: JobsOption = 1,
    no_cache: NoCacheOption = False,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
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
    spread = _spread(jobs, no_cache, engine, scheduler)
    try:
        gold_records = runner.read_records(gold)
        if predicted.is_file() and predicted.suffix == ".jsonl":
            predicted_records = runner.read_records(predicted)
        else:
            wanted = {g.id for g in gold_records}
            predicted_records = [r for r in runner.analyse_path(predicted, **spread) if r.id in wanted]
    except (ValueError, runner.EngineError) as err:
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


@app.command()
def show(
    file: Annotated[Path, typer.Argument(help="One story file (.txt or .md).")],
) -> None:
    """Show one story with the phrases found highlighted by kind, and the record read from them.

    Shaded phrases are cited by the record; underlined ones were found but are not cited. Exit 1 when
    the file cannot be read as a story (empty, binary, ...), 2 when it does not exist or is a folder.
    """
    if not file.is_file():
        _fail(f"{file} is not a file. Give one story file; for a folder use `klantverhaal analyse "
              f"{file} --html report/`." if file.is_dir() else f"{file} does not exist. Give one story file.")
    from klantverhaal import corpus, evidence

    story = corpus.read_story_file(file)
    if isinstance(story, corpus.Skipped):
        _fail(f"cannot show {file}: {story.reason}.", EXIT_FAILURE)
    console = _console(stderr=False)
    console.print(evidence.view(evidence.analyse(story), width=console.width, title=str(file)))


if __name__ == "__main__":  # pragma: no cover
    app()
