"""Analysing many articles: in this process or in a pool of worker processes.

Results come back in input order and are streamed (only a bounded window of tasks is in
flight), so memory stays flat however many files go in. A file that cannot be read is
reported as a failure and the rest go on.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from typing import Any

from reader.errors import ReaderError
from reader.loaders import DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input file: its ``reader.quotes/1`` record, or the reason it failed."""

    path: str
    record: dict[str, Any] | None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def analyse_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Outcome:
    """Load and analyse one article. Never raises for bad input: the Outcome says what failed."""
    from reader.engine import analyze
    from reader.export import to_record
    from reader.loaders import load

    try:
        article = load(path, max_bytes=max_bytes)
    except ReaderError as exc:
        return Outcome(path, None, str(exc))
    return Outcome(path, to_record(analyze(article)), None, article.warnings)


def _analyse_task(task: tuple[str, int]) -> Outcome:
    path, max_bytes = task
    try:
        return analyse_file(path, max_bytes)
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop a batch
        return Outcome(path, None, f"unexpected error in '{path}': {type(exc).__name__}: {exc}")


def resolve_jobs(jobs: int) -> int:
    """``0`` means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _analyse_chunk(tasks: list[tuple[str, int]]) -> list[Outcome]:
    return [_analyse_task(task) for task in tasks]


def _warm_up() -> None:
    """Import the engine and compile its patterns once, before the workers are forked, so
    each worker starts with them instead of paying for them again."""
    from reader.engine import analyze
    from reader.export import to_record
    from reader.loaders.text import parse_text

    to_record(analyze(parse_text("Headline\n\n\u201cWords,\u201d said Jane Doe.\n")))


def chunk_size(count: int, jobs: int) -> int:
    """Articles per task: enough to make the cost of a task small against its work, few enough
    that every worker gets many tasks (and results stream out steadily)."""
    return max(1, min(16, count // (jobs * 8)))


def analyse_paths(paths: Iterable[str], jobs: int = 1,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    """Outcomes for ``paths`` in input order, using ``jobs`` processes (0 = all cores)."""
    paths = list(paths)
    jobs = min(resolve_jobs(jobs), len(paths))
    tasks = [(path, max_bytes) for path in paths]
    # Standard input can only be read by this process, and one file needs no pool.
    if jobs <= 1 or "-" in paths:
        for task in tasks:
            yield _analyse_task(task)
        return
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        _warm_up()
    size = chunk_size(len(tasks), jobs)
    chunks = (tasks[i:i + size] for i in range(0, len(tasks), size))
    # A bounded window of submitted chunks keeps memory flat even when the reader of the
    # results (a slow pipe, say) falls behind the workers; results are yielded in input order.
    window: deque[AsyncResult[list[Outcome]]] = deque()
    with context.Pool(jobs) as pool:
        for chunk in chunks:
            window.append(pool.apply_async(_analyse_chunk, (chunk,)))
            if len(window) >= jobs * 4:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()
