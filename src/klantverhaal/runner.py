"""Run the pipeline over stories and yield records: the one loop every command shares.

Stories stream from reading to writing; no Doc outlives its record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from klantverhaal import experiences, pipeline
from klantverhaal.corpus import Skipped, StoryText, read_stories
from klantverhaal.records import Story

BATCH_SIZE = 32


def analyse_texts(stories: Iterable[StoryText], *, nlp=None) -> Iterator[Story]:
    """One Story record per StoryText, in input order."""
    nlp = nlp or pipeline.shared_nlp()
    pairs = ((_fit(s.text, nlp.max_length), s) for s in stories)
    for doc, story in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        yield experiences.read_story(doc, story)


def _fit(text: str, limit: int) -> str:
    """spaCy refuses texts over nlp.max_length; keep whole paragraphs up to the limit."""
    if len(text) < limit:
        return text
    cut = text.rfind("\n", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1]


def analyse_path(path: str | Path, *, skipped: list[Skipped] | None = None, nlp=None) -> Iterator[Story]:
    return analyse_texts(read_stories(path, skipped=skipped), nlp=nlp)


def read_records(path: str | Path) -> list[Story]:
    """Story records from a JSON Lines file (gold or `analyse --format jsonl` output)."""
    stories = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                stories.append(Story.from_dict(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
                raise ValueError(f"{path} line {number}: not a story record ({err})") from err
    return stories
