"""Budgets a project must fit, checked when it is read, before any expensive step.

Beyond a budget the file is refused with one line naming the item and the
limit (never a hang or an out-of-memory later). The numbers are documented in
``docs/limits.md``; ``benchmarks/bench_scaling.py`` measures what they protect.

>>> from planner.model import Level, Project, Zone
>>> p = Project(levels=[Level(id="L1", zones=[Zone(id="z", use="lobby", polygon=((0, 0), (1, 0), (1, 1)))])])
>>> check_budget(p)
>>> BUDGET.vertices_per_polygon
20000
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.io.errors import ProjectFileError
from planner.model.project import Project

__all__ = ["BUDGET", "Budget", "BudgetError", "check_budget"]


@dataclass(frozen=True)
class Budget:
    """Largest project the checks and documents are sized for."""

    #: Vertices of one zone outline or wall path.
    vertices_per_polygon: int = 20_000
    #: Vertices of all zones and walls of one level.
    vertices_per_level: int = 200_000
    #: Walls, zones and openings of one level (each).
    walls_per_level: int = 20_000
    zones_per_level: int = 20_000
    openings_per_level: int = 20_000
    #: Cameras of one level and of the whole project.
    cameras_per_level: int = 5_000
    cameras_per_project: int = 20_000
    #: Every coordinate lies within this many metres of the origin (1,000 km).
    extent_m: float = 1_000_000.0


BUDGET = Budget()


class BudgetError(ProjectFileError):
    """A project exceeds a documented budget."""


def check_budget(project: Project, budget: Budget = BUDGET) -> None:
    """Raise :class:`BudgetError` (file unset, JSON path set) for the first budget ``project`` exceeds."""
    cameras = 0
    for li, level in enumerate(project.levels):
        where: list[str | int] = ["levels", li]
        for name, items, limit in (("walls", level.walls, budget.walls_per_level),
                                   ("zones", level.zones, budget.zones_per_level),
                                   ("openings", level.openings, budget.openings_per_level),
                                   ("cameras", level.cameras, budget.cameras_per_level)):
            if len(items) > limit:
                raise BudgetError(None, f"{len(items):,} {name} on one level; at most {limit:,} (split the level)",
                                  [*where, name])
        cameras += len(level.cameras)
        total = 0
        for name, items, attr in (("zones", level.zones, "polygon"), ("walls", level.walls, "path")):
            for i, item in enumerate(items):
                points = getattr(item, attr)
                n = len(points)
                if n > budget.vertices_per_polygon:
                    raise BudgetError(None, f"{n:,} vertices; at most {budget.vertices_per_polygon:,} per outline "
                                      "(simplify it)", [*where, name, i, attr])
                total += n
                if n and not _within(points, budget.extent_m):
                    raise BudgetError(None, f"a vertex lies more than {budget.extent_m:g} m from the origin "
                                      "(the plan must lie near it)", [*where, name, i, attr])
        if total > budget.vertices_per_level:
            raise BudgetError(None, f"{total:,} zone and wall vertices on one level; at most "
                              f"{budget.vertices_per_level:,} (simplify the outlines or split the level)", where)
        for i, cam in enumerate(level.cameras):
            x, y = cam.position
            if not (abs(x) <= budget.extent_m and abs(y) <= budget.extent_m) or not math.isfinite(x + y):
                raise BudgetError(None, f"the camera lies more than {budget.extent_m:g} m from the origin",
                                  [*where, "cameras", i, "position"])
    if cameras > budget.cameras_per_project:
        raise BudgetError(None, f"{cameras:,} cameras; at most {budget.cameras_per_project:,} per project "
                          "(split the venue into projects)", ["levels"])


def _within(points: tuple[tuple[float, float], ...], extent: float) -> bool:
    return all(abs(x) <= extent and abs(y) <= extent for x, y in points)
