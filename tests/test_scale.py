"""Spreading the work changes nothing in the output: --jobs, the result cache and dask all give
the single-process jsonl (sorted by id); the cache misses when the pipeline changes and
--no-cache neither reads nor writes it."""

import concurrent.futures
import importlib.util
import json

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from klantverhaal import cache, runner
from klantverhaal.cache import Cache
from klantverhaal.cli import app
from klantverhaal.corpus import StoryText, read_stories

HAS_DASK = importlib.util.find_spec("dask") is not None and importlib.util.find_spec("distributed") is not None
STORY = ("Ik heb Ziggo drie keer gebeld en na vijf dagen kwam de monteur eindelijk langs. "
         "Vriendelijk waren ze wel, opgelost is het nog steeds niet.")


def _analyse(*args: str) -> list[str]:
    """jsonl lines of `klantverhaal analyse ... --format jsonl`, sorted by id."""
    result = CliRunner().invoke(app, ["analyse", *args, "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return sorted(lines, key=lambda line: json.loads(line)["id"])


@pytest.fixture(scope="module")
def single():
    lines = _analyse(str(CORPUS), "--no-cache")
    assert len(lines) == len(list(read_stories(CORPUS)))
    return lines


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    return folder


@pytest.fixture()
def pipeline_calls(monkeypatch):
    """Counts the stories that really went through the pipeline in this process."""
    seen: list[str] = []
    real = runner._analyse_here

    def counting(stories, nlp):
        stories = list(stories)
        seen.extend(s.id for s in stories)
        return real(stories, nlp)

    monkeypatch.setattr(runner, "_analyse_here", counting)
    return seen


def test_jobs_2_gives_the_single_process_output(single, cache_dir):
    assert _analyse(str(CORPUS), "--jobs", "2", "--no-cache") == single


def test_cached_run_gives_the_same_output_without_the_pipeline(single, cache_dir, pipeline_calls):
    assert _analyse(str(CORPUS)) == single
    assert len(pipeline_calls) == len(single)
    with Cache() as store:
        assert len(store) == len(single)
    pipeline_calls.clear()
    assert _analyse(str(CORPUS)) == single
    assert pipeline_calls == []


def test_jobs_2_reads_and_fills_the_cache(single, cache_dir, monkeypatch):
    assert _analyse(str(CORPUS), "--jobs", "2") == single
    with Cache() as store:
        assert len(store) == len(single)

    def no_pool(*args, **kwargs):
        raise AssertionError("a run served wholly from the cache starts no workers")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert _analyse(str(CORPUS), "--jobs", "2") == single


def test_a_moved_file_still_hits_and_gets_its_new_source(tmp_path, cache_dir, pipeline_calls):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ziggo.txt").write_text(STORY, encoding="utf-8")
    first = json.loads(_analyse(str(tmp_path / "a"))[0])
    second = json.loads(_analyse(str(tmp_path / "b"))[0])
    assert pipeline_calls == ["ziggo"]
    assert second["source"].endswith("b/ziggo.txt") and first["source"].endswith("a/ziggo.txt")
    assert {**first, "source": None} == {**second, "source": None}


def test_the_cache_misses_when_the_fingerprint_changes(tmp_path, cache_dir, pipeline_calls, monkeypatch):
    (tmp_path / "ziggo.txt").write_text(STORY, encoding="utf-8")
    before = _analyse(str(tmp_path))
    _analyse(str(tmp_path))
    assert pipeline_calls == ["ziggo"]
    monkeypatch.setattr(cache, "fingerprint", lambda: "another-pipeline")
    assert _analyse(str(tmp_path)) == before
    assert pipeline_calls == ["ziggo", "ziggo"]
    with Cache() as store:
        assert len(store) == 2
        assert store.prune() == 1 and len(store) == 1


def test_the_fingerprint_follows_the_data_files(monkeypatch):
    from klantverhaal import resources

    now = cache.fingerprint.__wrapped__()  # computed afresh, past the per-process memo
    assert len(now) == 16 and now == cache.fingerprint.__wrapped__()
    monkeypatch.setattr(resources, "fingerprint", lambda: "a changed channels.jsonl")
    assert cache.fingerprint.__wrapped__() != now


def test_the_key_depends_on_text_id_and_date_not_path():
    story = StoryText(id="x", text="Ik belde KPN.", path="a/x.txt", date="2024-01-02")
    same = cache.key(story, "fp")
    assert cache.key(StoryText("x", "Ik belde KPN.", "b/x.txt", "2024-01-02"), "fp") == same
    for other in (StoryText("y", "Ik belde KPN.", "a/x.txt", "2024-01-02"),
                  StoryText("x", "Ik belde KPN!", "a/x.txt", "2024-01-02"),
                  StoryText("x", "Ik belde KPN.", "a/x.txt", None)):
        assert cache.key(other, "fp") != same
    assert cache.key(story, "fp2") != same


def test_no_cache_neither_reads_nor_writes(tmp_path, cache_dir):
    (tmp_path / "ziggo.txt").write_text(STORY, encoding="utf-8")
    real = _analyse(str(tmp_path), "--no-cache")
    assert not (cache_dir / cache.FILE_NAME).exists()
    story = next(read_stories(tmp_path))
    with Cache() as store:  # plant a record the pipeline would never write
        store.put_many([(store.key(story), {"id": "ziggo", "date": None, "experiences": [], "mentions": ["PLANTED"]})])
    assert "PLANTED" in _analyse(str(tmp_path))[0]
    assert _analyse(str(tmp_path), "--no-cache") == real
    with Cache() as store:
        assert len(store) == 1


def test_an_unwritable_cache_folder_turns_the_cache_off(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker / "cache"))
    with pytest.warns(UserWarning, match="result cache off"):
        records = list(runner.analyse_texts([StoryText("ziggo", STORY, "ziggo.txt")]))
    assert [r.id for r in records] == ["ziggo"]


def test_cache_location_follows_platform_conventions(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "own"))
    assert cache.directory() == tmp_path / "own"
    monkeypatch.delenv(cache.ENV_DIR)
    monkeypatch.setattr(cache.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == tmp_path / "xdg" / "klantverhaal"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.directory() == tmp_path / "home" / ".cache" / "klantverhaal"


def test_evaluate_takes_jobs_and_no_cache(cache_dir):
    args = ["evaluate", str(CORPUS / "gold.jsonl"), str(CORPUS), "--json"]
    one = CliRunner().invoke(app, [*args, "--no-cache"])
    two = CliRunner().invoke(app, [*args, "--jobs", "2", "--no-cache"])
    assert one.exit_code == two.exit_code == 0, two.output
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_a_custom_pipeline_stays_in_process_and_uncached(nlp, cache_dir):
    stories = [StoryText("ziggo", STORY, "ziggo.txt")]
    with pytest.raises(ValueError, match="custom nlp"):
        list(runner.analyse_texts(stories, nlp=nlp, jobs=2))
    assert [r.id for r in runner.analyse_texts(stories, nlp=nlp)] == ["ziggo"]
    assert not (cache_dir / cache.FILE_NAME).exists()


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--jobs", "0"], "--jobs"),
])
def test_spread_usage_errors(args, message):
    result = CliRunner().invoke(app, ["analyse", str(CORPUS), *args])
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.skipif(not HAS_DASK, reason="dask is not installed (pip install -e '.[dask]')")
def test_dask_gives_the_single_process_output(single, cache_dir):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        lines = _analyse(str(CORPUS), "--engine", "dask", "--scheduler", cluster.scheduler_address, "--no-cache")
    assert lines == single


def test_dask_engine_without_dask_says_what_to_install(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *rest: None if name in ("dask", "distributed") else real(name, *rest))
    result = CliRunner().invoke(app, ["analyse", str(CORPUS), "--engine", "dask"])
    assert result.exit_code == 1
    assert "klantverhaal[dask]" in result.output
