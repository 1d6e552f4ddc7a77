"""Parse and extract on several processes: ``eventsift run --workers N``.

The parent process reads the inputs, decides what is new, and writes the store, as in
a one-process run; N worker processes each hold one loaded pipeline and turn batches of
articles into mentions. Outcomes come back in the order the batches went out, so the
store ends up the same as with one process.

    >>> with worker_pool(loaded, settings, workers=2) as process:  # doctest: +SKIP
    ...     report = run_articles(articles, loaded, store, settings=settings, process=process)

Where the platform can fork, workers inherit the parent's loaded pipeline (no second
load, memory shared until written); elsewhere each worker loads its own.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from eventsift.model import Article
from eventsift.pipeline import Loaded, Outcome, Process, Settings, load, process_or_reject

log = logging.getLogger(__name__)

# The pipeline of this worker process, set once by _init. Process-local by design: it is
# what a worker is for, and it never exists in the parent.
_worker_loaded: Loaded | None = None


def _init(source: Loaded | Settings) -> None:
    global _worker_loaded
    _worker_loaded = source if isinstance(source, Loaded) else load(source)


def _ready() -> int:
    return os.getpid()


def _work(batch: Sequence[Article], batch_size: int) -> list[Outcome]:
    if _worker_loaded is None:  # pragma: no cover - _init always runs first
        raise RuntimeError("worker pipeline not loaded")
    return [got for _, got in process_or_reject(batch, _worker_loaded, batch_size=batch_size)]


@contextmanager
def worker_pool(loaded: Loaded, settings: Settings, *, workers: int) -> Iterator[Process]:
    """A ``process`` for :func:`eventsift.pipeline.run_articles` that runs on ``workers`` processes.

    Open it before the store and any progress display: forked workers then hold no
    copy of an open database or a running thread.
    """
    if workers < 1:
        raise ValueError(f"workers must be a positive int, not {workers}")
    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork" if fork else "spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                             initargs=(loaded if fork else settings,)) as pool:
        pool.submit(_ready).result()  # starts the workers now, while this process has no other threads
        log.info("%d worker processes (%s)", workers, ctx.get_start_method())
        in_flight = 2 * workers

        def process(batches: Iterable[list[Article]]) -> Iterator[list[tuple[Article, Outcome]]]:
            pending: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()
            for batch in batches:
                pending.append((batch, pool.submit(_work, batch, settings.batch_size)))
                if len(pending) >= in_flight:
                    done, fut = pending.popleft()
                    yield list(zip(done, fut.result()))
            while pending:
                done, fut = pending.popleft()
                yield list(zip(done, fut.result()))

        yield process
