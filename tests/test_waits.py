"""Waits in sentences: wait or not, and waited versus promised (tests/data/wait_sentences.jsonl)."""

import pytest
from conftest import DATA, read_jsonl, table_params

from klantverhaal.pipeline import WAITS

ROWS = read_jsonl(DATA / "wait_sentences.jsonl")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@pytest.mark.parametrize("row", table_params(ROWS, "sentence", "wait_sentences"))
def test_wait_sentence(nlp, row):
    doc = nlp(row["sentence"])
    found = [(s.start_char, s.end_char, s.label_) for s in doc.spans[WAITS]]
    expected = []
    for wait in row["waits"]:
        start = row["sentence"].index(wait["text"])
        expected.append((start, start + len(wait["text"]), wait["kind"]))
    assert len(found) == len(expected), f"found {[doc.text[a:b] for a, b, _ in found]}"
    for (gs, ge, kind), (ps, pe, pkind) in zip(expected, sorted(found)):
        assert _overlap((gs, ge), (ps, pe)), f"{doc.text[ps:pe]!r} is not {doc.text[gs:ge]!r}"
        assert pkind == kind


def test_table_covers_both_kinds_and_negatives():
    kinds = [w["kind"] for r in ROWS for w in r["waits"]]
    assert kinds.count("promised") >= 40 and kinds.count("waited") >= 40
    assert sum(1 for r in ROWS if not r["waits"]) >= 40
