"""Budgets for flattening DXF curves: a bounded number of points per entity, never a hang.

A CIRCLE of radius 1e303 flattened to 1 cm chords never ends; one of radius 1e9
took 42 s and a gigabyte. :func:`curve_points` checks a curve's size (from
its control points) before flattening: curves that are not finite, span more
than :data:`CURVE_LIMITS.extent_m` or lie absurdly far from the origin are
refused (the importer skips and counts them), and the chord distance grows with the curve's size so that no entity
yields more than :data:`CURVE_LIMITS.segments` points.

>>> import ezdxf
>>> from ezdxf import path as ezpath
>>> msp = ezdxf.new().modelspace()
>>> len(curve_points(ezpath.make_path(msp.add_circle((0, 0), 1000.0)), 10.0, metres_per_unit=0.001)) < 400
True
>>> curve_points(ezpath.make_path(msp.add_circle((0, 0), 1e303)), 10.0, metres_per_unit=0.001)
Traceback (most recent call last):
...
planner.importers.limits.CurveBudgetError: a curve with coordinates that are not finite numbers
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = ["CURVE_LIMITS", "CurveBudgetError", "CurveLimits", "check_arc", "curve_points"]


@dataclass(frozen=True)
class CurveLimits:
    """Limits on DXF curves (documented in ``docs/limits.md``)."""

    #: Points one curve entity may yield.
    segments: int = 4_096
    #: Largest size of one curve (its control points' bounding box), in plan metres.
    extent_m: float = 100_000.0
    #: Largest distance of a control point from the drawing's origin, in plan metres (survey coordinates are
    #: far from it; the importer moves the plan to the origin afterwards).
    reach_m: float = 100_000_000.0


CURVE_LIMITS = CurveLimits()


class CurveBudgetError(ValueError):
    """A curve is refused: not finite or too far from the origin."""


def curve_points(path: Any, distance: float, *, metres_per_unit: float = 1.0,
                 limits: CurveLimits = CURVE_LIMITS) -> list[tuple[float, float]]:
    """Flatten an ezdxf ``Path`` to at most ``limits.segments`` points (chords at least ``distance`` apart in sagitta).

    Raises :class:`CurveBudgetError` for a curve whose control points are not
    finite, span more than ``limits.extent_m`` metres or lie farther than
    ``limits.reach_m`` metres from the origin.
    """
    if not len(path):
        return []
    xs, ys = [], []
    for v in path.control_vertices():
        xs.append(v.x)
        ys.append(v.y)
    if not all(math.isfinite(c) for c in (*xs, *ys)):
        raise CurveBudgetError("a curve with coordinates that are not finite numbers")
    size = max(max(xs) - min(xs), max(ys) - min(ys))
    across = size * abs(metres_per_unit)
    if across > limits.extent_m:
        raise CurveBudgetError(f"a curve {across:.3g} m across (limit {limits.extent_m:g} m)")
    reach = max(max(map(abs, xs)), max(map(abs, ys))) * abs(metres_per_unit)
    if reach > limits.reach_m:
        raise CurveBudgetError(f"a curve {reach:.3g} m from the origin (limit {limits.reach_m:g} m)")
    # a circle of diameter `size` flattened with sagitta s has about pi * sqrt(size / s) chords
    sagitta = max(distance, size * (math.pi / limits.segments) ** 2 * 4, 1e-12)
    points = []
    for v in path.flattening(sagitta):
        points.append((v.x, v.y))
        if len(points) > limits.segments:
            raise CurveBudgetError(f"a curve of more than {limits.segments} points")
    return points


def check_arc(arc: tuple[Any, ...], *, metres_per_unit: float = 1.0, limits: CurveLimits = CURVE_LIMITS
              ) -> tuple[Any, ...]:
    """Return ``arc`` (``((cx, cy), radius, ...)`` in drawing units) if it is within the curve budget.

    Raises :class:`CurveBudgetError` like :func:`curve_points` (polylines drawn from it are capped at
    ``limits.segments`` points where they are made).
    """
    (cx, cy), radius = arc[0], arc[1]
    if not all(math.isfinite(v) for v in (cx, cy, radius)):
        raise CurveBudgetError("an arc with numbers that are not finite")
    across = 2 * abs(radius) * abs(metres_per_unit)
    if across > limits.extent_m:
        raise CurveBudgetError(f"an arc {across:.3g} m across (limit {limits.extent_m:g} m)")
    reach = (max(abs(cx), abs(cy)) + abs(radius)) * abs(metres_per_unit)
    if reach > limits.reach_m:
        raise CurveBudgetError(f"an arc {reach:.3g} m from the origin (limit {limits.reach_m:g} m)")
    return arc
