"""Run the per-level checks of a large project in several processes, with the result one process gives.

Levels are independent for the geometric checks (coverage, privacy, signs), so
:func:`run_levels` has forked worker processes and the calling process take
levels one at a time from a shared counter, the levels with most cameras first,
until none is left: a process that drew quick levels takes more of them, so
the processes finish together however the work is spread. The results come
back level by level and are put together in the project's level order.
Where ``fork`` is not available (or one job is asked for) everything runs here.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from planner.model import Level, Project

__all__ = ["run_levels", "level_order"]

T = TypeVar("T")
E = TypeVar("E")

#: What the forked workers inherit: the project, the per-level work, how to make its engine, the shared counter.
_STATE: dict[str, Any] = {}


def level_order(levels: Sequence[Level]) -> list[int]:
    """Indexes of ``levels`` in the order they are handed out: most cameras first, then in project order.

    >>> from planner.model import Camera
    >>> lv = [Level(id=f"L{i}", cameras=[Camera(id=f"c{i}{k}", position=(0, 0)) for k in range(i % 3)])
    ...       for i in range(5)]
    >>> level_order(lv)
    [2, 1, 4, 0, 3]
    """
    return sorted(range(len(levels)), key=lambda i: -len(levels[i].cameras))


def _take() -> int | None:
    """The next level index to check (None when every level is taken)."""
    counter = _STATE["counter"]
    order: list[int] = _STATE["order"]
    with counter.get_lock():
        k = counter.value
        if k >= len(order):
            return None
        counter.value = k + 1
    return int(order[k])


def _work() -> dict[int, Any]:
    project: Project = _STATE["project"]
    check: Callable[[Any, Level], Any] = _STATE["check"]
    engine = _STATE["make_engine"]()
    try:
        out = {}
        while (i := _take()) is not None:
            out[i] = check(engine, project.levels[i])
        return out
    finally:
        close = getattr(engine, "close", None)
        if callable(close):
            close()


def run_levels(project: Project, check: Callable[[E, Level], T], *, make_engine: Callable[[], E],
               engine: E | None = None, jobs: int = 1) -> list[T]:
    """``check(engine, level)`` for every level of ``project``, in level order, on up to ``jobs`` processes.

    The calling process uses ``engine`` (default: one from ``make_engine``); each worker makes its own.
    Results travel back pickled, so return plain values (findings, bytes).
    """
    levels = list(project.levels)
    own = engine if engine is not None else make_engine()
    workers = min(jobs, len(levels))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [check(own, level) for level in levels]
    ctx = multiprocessing.get_context("fork")
    _STATE.update(project=project, check=check, make_engine=make_engine, order=level_order(levels),
                  counter=ctx.Value("i", 0))
    try:
        with ctx.Pool(workers - 1) as pool:
            pending = [pool.apply_async(_work) for _ in range(workers - 1)]
            by_index: dict[int, Any] = {}
            while (i := _take()) is not None:
                by_index[i] = check(own, levels[i])
            for result in pending:
                by_index.update(result.get())
    finally:
        _STATE.clear()
    return [by_index[i] for i in range(len(levels))]
