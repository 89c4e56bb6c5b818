"""Run the per-level checks of a large project in several processes, with the result one process gives.

Levels are independent for the geometric checks (coverage, privacy, signs), so
:func:`run_levels` deals them out to forked worker processes, balanced by their
number of cameras, while the calling process checks its own share; the results
come back level by level and are put together in the project's level order.
Where ``fork`` is not available (or one job is asked for) everything runs here.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from planner.model import Level, Project

__all__ = ["run_levels", "level_groups"]

T = TypeVar("T")
E = TypeVar("E")

#: What the forked workers inherit: the project, the per-level work and how to make its engine.
_STATE: dict[str, Any] = {}


def level_groups(levels: Sequence[Level], jobs: int) -> list[list[str]]:
    """Level ids in ``jobs`` groups of about equal work (cameras), largest levels dealt first.

    >>> from planner.model import Camera
    >>> lv = [Level(id=f"L{i}", cameras=[Camera(id=f"c{i}{k}", position=(0, 0)) for k in range(i)]) for i in range(5)]
    >>> level_groups(lv, 2)
    [['L4', 'L1', 'L0'], ['L3', 'L2']]
    """
    groups: list[list[str]] = [[] for _ in range(max(1, jobs))]
    load = [0] * len(groups)
    for level in sorted(levels, key=lambda lv: -len(lv.cameras)):
        k = load.index(min(load))
        groups[k].append(level.id)
        load[k] += len(level.cameras) + 1
    return [g for g in groups if g]


def _work(level_ids: Sequence[str]) -> dict[str, Any]:
    project: Project = _STATE["project"]
    check: Callable[[Any, Level], Any] = _STATE["check"]
    engine = _STATE["make_engine"]()
    try:
        levels = {lv.id: lv for lv in project.levels}
        return {lid: check(engine, levels[lid]) for lid in level_ids}
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
    groups = level_groups(levels, jobs) if jobs > 1 else []
    own = engine if engine is not None else make_engine()
    if len(groups) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [check(own, level) for level in levels]
    _STATE.update(project=project, check=check, make_engine=make_engine)
    try:
        with multiprocessing.get_context("fork").Pool(len(groups) - 1) as pool:
            pending = [pool.apply_async(_work, (group,)) for group in groups[1:]]
            mine = set(groups[0])
            by_level = {lv.id: check(own, lv) for lv in levels if lv.id in mine}
            for result in pending:
                by_level.update(result.get())
    finally:
        _STATE.clear()
    return [by_level[lv.id] for lv in levels]
