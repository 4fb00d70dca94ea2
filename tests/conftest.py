"""Shared fixtures: one pipeline per session, the seeds from ../shared, the tables in tests/data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_GOLD = SHARED / "gold" / "seeds.jsonl"
CORPUS = ROOT / "corpus"
KNOWN = json.loads((DATA / "known_failures.json").read_text(encoding="utf-8")) \
    if (DATA / "known_failures.json").exists() else {}


@pytest.fixture(scope="session")
def nlp():
    from klantverhaal.pipeline import shared_nlp

    return shared_nlp()


@pytest.fixture(scope="session", autouse=True)
def _result_cache_in_tmp(tmp_path_factory):
    """No test reads or writes the real result cache in the home folder (session scope, so
    module-scoped fixtures that analyse stories are covered too)."""
    import os

    old = os.environ.get("KLANTVERHAAL_CACHE_DIR")
    os.environ["KLANTVERHAAL_CACHE_DIR"] = str(tmp_path_factory.mktemp("klantverhaal-cache"))
    yield
    if old is None:
        os.environ.pop("KLANTVERHAAL_CACHE_DIR", None)
    else:
        os.environ["KLANTVERHAAL_CACHE_DIR"] = old


def needs_seeds():
    return pytest.mark.skipif(not SEEDS.is_dir() or not SEED_GOLD.is_file(),
                              reason=f"the seed posts are read from {SHARED}, which is absent here")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def table_params(rows: list, key: str, table: str):
    """pytest params for a table; rows listed in data/known_failures.json are strict xfails with
    their reason, so a fix shows up (as XPASS, which fails) and the list gets shorter."""
    known = KNOWN.get(table, {})
    params = []
    for row in rows:
        ident = row[key] if isinstance(row, dict) else row[0]
        marks = [pytest.mark.xfail(reason=known[ident], strict=True)] if ident in known else []
        params.append(pytest.param(row, id=ident[:60], marks=marks))
    return params
