"""Run the pipeline over stories and yield records: the one loop every command shares.

Stories stream from reading to writing; no Doc outlives its record.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from klantverhaal import experiences, pipeline
from klantverhaal.corpus import Skipped, StoryText, read_stories
from klantverhaal.records import Story

BATCH_SIZE = 32
ENGINES = ("local", "dask")
DASK_CHUNK = 64  # batches per dask bag: about 2,000 stories travel at a time


class EngineError(RuntimeError):
    """The chosen engine cannot run here (dask missing, scheduler unreachable); the message says what to do."""


def analyse_texts(stories: Iterable[StoryText], *, nlp=None, jobs: int = 1, cache: Any = None,
                  engine: str = "local", scheduler: str | None = None,
                  skipped: list[Skipped] | None = None) -> Iterator[Story]:
    """One Story record per StoryText, in input order, however the work is spread.

    A story whose analysis raises is appended to ``skipped`` ("analysis failed: ...")
    and the run goes on; without a ``skipped`` list the error is raised.

    ``jobs`` > 1 runs a process pool (one pipeline per worker, built once) that
    gets batches of stories and sends back plain record dicts, never Docs.
    ``engine="dask"`` sends batches through a dask bag to ``scheduler`` (an
    address such as ``tcp://10.0.0.5:8786``), or to a local cluster of ``jobs``
    workers. ``cache``: None = on unless a custom ``nlp`` is given (the cache
    cannot fingerprint it), True/False, or an open ``cache.Cache``.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if jobs < 1:
        raise ValueError(f"jobs must be 1 or more, not {jobs}")
    if nlp is not None and (jobs > 1 or engine != "local"):
        raise ValueError("a custom nlp runs in this process only: use jobs=1 and engine='local'")
    store, opened = _open_cache(cache if cache is not None else nlp is None)
    try:
        if store is None and jobs == 1 and engine == "local":
            for item in _analyse_here(stories, nlp or pipeline.shared_nlp()):
                if isinstance(item, Skipped):
                    _failed(item, skipped)
                else:
                    yield item
            return
        if engine == "dask":
            run = lambda batches: _dask_batches(batches, scheduler=scheduler, jobs=jobs)  # noqa: E731
        elif jobs > 1:
            run = lambda batches: _pool_batches(batches, jobs=jobs)  # noqa: E731
        else:
            # the pipeline is built at the first miss: a run served wholly from the cache never builds it
            run = lambda batches: ([_row(r) for r in _analyse_here(b, nlp or pipeline.shared_nlp())]  # noqa: E731
                                   if b else [] for b in batches)
        yield from _through_cache(stories, store, run, skipped)
    finally:
        if opened:
            store.close()


def _analyse_here(stories: Iterable[StoryText], nlp) -> Iterator[Story | Skipped]:
    """A Story, or a Skipped("analysis failed: ..."), for every story in input order.

    Batches go through ``nlp.pipe``; when a batch raises, its stories are run one by one so
    that only the story at fault is lost. Texts beyond ``nlp.max_length`` are read in
    paragraph parts whose records are merged into one (``longtext``)."""
    for batch in _batched(stories, BATCH_SIZE):
        short = [i for i, s in enumerate(batch) if len(s.text) < nlp.max_length]
        docs: dict[int, Any] = {}
        try:
            for i, parsed in zip(short, nlp.pipe((batch[i].text for i in short), batch_size=BATCH_SIZE)):
                docs[i] = parsed
        except Exception:  # noqa: BLE001 - retried one story at a time below
            docs = {}
        for i, story in enumerate(batch):
            try:
                if i in docs:
                    record = experiences.read_story(docs[i], story)
                elif len(story.text) < nlp.max_length:
                    record = experiences.read_story(nlp(story.text), story)
                else:
                    record = _read_long(story, nlp)
            except Exception as err:  # noqa: BLE001 - one bad story must never stop a run
                yield Skipped(story.path, f"analysis failed: {type(err).__name__}: {err}"[:300])
                continue
            yield record


def _read_long(story: StoryText, nlp) -> Story:
    """A story beyond ``nlp.max_length``: every paragraph part read as a story, the records merged."""
    from dataclasses import replace

    from klantverhaal import longtext

    parts = longtext.split(story.text, min(longtext.PART_CHARS, nlp.max_length - 1))
    docs = nlp.pipe((text for _, text in parts), batch_size=BATCH_SIZE)
    return longtext.merge(story, [(offset, experiences.read_story(d, replace(story, text=text)))
                                  for (offset, text), d in zip(parts, docs)])


def doc(text: str, nlp):
    """The Doc of ``text``, also beyond ``nlp.max_length``: spaCy refuses such texts, so they
    are cut at paragraph breaks (then line ends, sentence ends, spaces) into chunks that
    fit, and the chunk Docs are joined with their span groups; offsets stay those of ``text``.
    For highlighting (evidence pages); records of long texts come from ``_read_long``."""
    if len(text) < nlp.max_length:
        return nlp(text)
    from spacy.tokens import Doc

    parts = list(nlp.pipe(chunks(text, nlp.max_length - 1), batch_size=2))
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])  # user_data: per-Doc caches


_BREAKS = (r"\n[ \t]*\n\s*", r"\n", r"(?<=[.!?])\s+", r"\s+")


def chunks(text: str, limit: int, level: int = 0) -> list[str]:
    """Pieces of ``text`` of at most ``limit`` characters that join back into ``text``,
    cut at the coarsest break that works: paragraphs, lines, sentences, spaces."""
    if len(text) <= limit:
        return [text]
    if level == len(_BREAKS):
        return [text[i:i + limit] for i in range(0, len(text), limit)]
    import re

    pieces, start = [], 0
    for match in re.finditer(_BREAKS[level], text):
        if match.end() > start:
            pieces.append(text[start:match.end()])
            start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    out: list[str] = []
    current = ""
    for piece in pieces:
        if len(piece) > limit:
            if current:
                out.append(current)
                current = ""
            out.extend(chunks(piece, limit, level + 1))
        elif len(current) + len(piece) > limit:
            out.append(current)
            current = piece
        else:
            current += piece
    if current:
        out.append(current)
    return out


FAILED = "__skipped__"


def _row(item: Story | Skipped) -> dict[str, Any]:
    """What a worker sends back: a record dict, or a marker for a story whose analysis failed."""
    if isinstance(item, Skipped):
        return {FAILED: item.reason, "source": item.path}
    return item.to_dict()


def _failed(item: Skipped, skipped: list[Skipped] | None) -> None:
    if skipped is None:
        raise RuntimeError(f"{item.path}: {item.reason}")
    skipped.append(item)


def _open_cache(cache: Any):
    """(store, opened_here): a Cache for True, None for False, the caller's own Cache as is.
    A cache folder that cannot be written (a read-only home) turns the cache off with a warning."""
    if cache is True:
        import sqlite3
        import warnings

        from klantverhaal.cache import ENV_DIR, Cache, directory

        try:
            return Cache(), True
        except (OSError, sqlite3.Error) as err:
            warnings.warn(f"result cache off: cannot use {directory()} ({err}); set {ENV_DIR} to a writable "
                          "folder, or pass --no-cache", stacklevel=2)
            return None, False
    if cache is False:
        return None, False
    return cache, False


def _batched(items: Iterable[StoryText], size: int) -> Iterator[list[StoryText]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _through_cache(stories: Iterable[StoryText], store, run: Callable,
                   skipped: list[Skipped] | None = None) -> Iterator[Story]:
    """Look batches up in the cache, send only the misses to ``run`` (one result list per batch, in
    order, possibly computed ahead), store what comes back and yield every record in input order."""
    pending: deque = deque()

    def misses() -> Iterator[list[StoryText]]:
        for batch in _batched(stories, BATCH_SIZE):
            keys = [store.key(s) for s in batch] if store is not None else [None] * len(batch)
            hits = store.get_many(keys) if store is not None else {}
            pending.append((batch, keys, hits))
            yield [s for s, k in zip(batch, keys) if k not in hits]

    for results in run(misses()):
        batch, keys, hits = pending.popleft()
        fresh = iter(results)
        new = []
        for story, k in zip(batch, keys):
            if k in hits:
                record = hits[k]
                record["source"] = story.path
            else:
                record = next(fresh)
                if FAILED in record:
                    _failed(Skipped(story.path, record[FAILED]), skipped)
                    continue
                new.append((k, {f: v for f, v in record.items() if f != "source"}))
            yield Story.from_dict(record)
        if store is not None:
            store.put_many(new)


def _init_worker() -> None:
    """Build the pipeline once per worker process, before the first batch arrives."""
    pipeline.shared_nlp()


def analyse_batch(stories: list[StoryText]) -> list[dict[str, Any]]:
    """Plain record dicts for a batch (what pool and dask workers send back: no Docs travel)."""
    if not stories:
        return []
    return [_row(item) for item in _analyse_here(stories, pipeline.shared_nlp())]


def _pool_batches(batches: Iterator[list[StoryText]], *, jobs: int) -> Iterator[list[dict[str, Any]]]:
    """Batches through a process pool, at most 2 per worker in flight, results in input order.

    Workers start from a forkserver that has imported spaCy already: forking the
    main process itself is unsafe once the progress bar's thread runs."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods()
                                          else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["klantverhaal.pipeline", "klantverhaal.experiences"])
    pool = None  # started at the first miss: a run served wholly from the cache starts no workers
    try:
        inflight: deque = deque()
        for batch in batches:
            if batch and pool is None:
                pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker)
            inflight.append(pool.submit(analyse_batch, batch) if batch else None)
            if len(inflight) > 2 * jobs:
                done = inflight.popleft()
                yield done.result() if done is not None else []
        while inflight:
            done = inflight.popleft()
            yield done.result() if done is not None else []
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _dask_batches(batches: Iterator[list[StoryText]], *, scheduler: str | None,
                  jobs: int) -> Iterator[list[dict[str, Any]]]:
    """Batches through dask bags of DASK_CHUNK batches each, two bags in flight; rows come back.

    With ``scheduler`` the work goes to that cluster (every worker needs klantverhaal
    installed); without it a local cluster of ``jobs`` worker processes is started."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise EngineError("the dask engine needs the dask extra: pip install 'klantverhaal[dask]'") from err

    state: dict[str, Any] = {"client": None, "cluster": None}

    def connect():
        """The client, made at the first miss: a run served wholly from the cache starts no cluster."""
        if state["client"] is None:
            if scheduler:
                try:
                    state["client"] = Client(scheduler, timeout="20s")
                except (OSError, TimeoutError) as err:
                    raise EngineError(f"cannot reach the dask scheduler at {scheduler}: {err}. Is `dask "
                                      "scheduler` running there, and is the address tcp://HOST:8786?") from err
            else:
                state["cluster"] = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                                dashboard_address=None)
                state["client"] = Client(state["cluster"])
        return state["client"]

    try:
        inflight: deque = deque()

        def submit(chunk: list[list[StoryText]]) -> None:
            if not any(chunk):
                inflight.append([[] for _ in chunk])
                return
            bag = db.from_sequence(chunk, partition_size=1).map(analyse_batch)
            inflight.append(connect().compute(bag))

        def collect() -> list[list[dict[str, Any]]]:
            done = inflight.popleft()
            return done if isinstance(done, list) else done.result()

        chunk: list[list[StoryText]] = []
        for batch in batches:
            chunk.append(batch)
            if len(chunk) == DASK_CHUNK:
                submit(chunk)
                chunk = []
                if len(inflight) > 1:
                    yield from collect()
        if chunk:
            submit(chunk)
        while inflight:
            yield from collect()
    finally:
        if state["client"] is not None:
            state["client"].close()
        if state["cluster"] is not None:
            state["cluster"].close()


def _fit(text: str, limit: int) -> str:
    """spaCy refuses texts over nlp.max_length; keep whole paragraphs up to the limit.
    Only evidence pages still use this; the analysis runs long texts whole (``doc``)."""
    if len(text) < limit:
        return text
    cut = text.rfind("\n", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1]


def analyse_path(path: str | Path, *, skipped: list[Skipped] | None = None, nlp=None,
                 **spread: Any) -> Iterator[Story]:
    """``spread``: jobs, cache, engine, scheduler as for ``analyse_texts``. Reading and analysis
    failures go to ``skipped`` (a throwaway list when not given: the run always goes on)."""
    skipped = skipped if skipped is not None else []
    return analyse_texts(read_stories(path, skipped=skipped), nlp=nlp, skipped=skipped, **spread)


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
