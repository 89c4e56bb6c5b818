"""Rectangle clipping and cone areas against shapely's general intersection."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
import shapely

from planner.geometry.clip import ConeArea, clip, rect_of, rects_of


def _exact_wedge(origin: tuple[float, float], a0: float, a1: float, radius: float = 1000.0) -> shapely.Polygon:
    ts = np.linspace(a0, a1, max(2, int((a1 - a0) / 0.001)))
    arc = [(origin[0] + radius * math.cos(t), origin[1] + radius * math.sin(t)) for t in ts]
    return shapely.Polygon([origin, *arc])


def _random_region(rng: random.Random) -> shapely.geometry.base.BaseGeometry:
    blobs = [shapely.Point(rng.uniform(-5, 5), rng.uniform(-5, 5)).buffer(rng.uniform(0.5, 3),
                                                                          quad_segs=rng.choice([1, 2, 4]))
             for _ in range(rng.randint(1, 4))]
    region = shapely.union_all(blobs)
    if rng.random() < 0.5:  # a hole, or a bite out of the edge
        region = region.difference(shapely.Point(rng.uniform(-3, 3), rng.uniform(-3, 3)).buffer(rng.uniform(0.3, 2)))
    if rng.random() < 0.3 and region.geom_type == "Polygon":
        region = shapely.geometry.polygon.orient(region, -1.0)  # clockwise exterior: still counted right
    return region


@pytest.mark.parametrize("seed", range(6))
def test_cone_area_matches_intersection_with_the_cone(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(60):
        region = _random_region(rng)
        origin = (rng.uniform(-6, 6), rng.uniform(-6, 6))  # inside, outside, in a hole
        start = rng.uniform(-4.0, 4.0)
        intervals = []
        for _ in range(rng.randint(1, 3)):
            width = rng.uniform(0.05, 2.0)
            intervals.append((start, start + width))
            start += width + rng.uniform(0.05, 1.0)
        if intervals[-1][1] - intervals[0][0] > 2 * math.pi:
            intervals = intervals[:1]
        expected = sum(region.intersection(_exact_wedge(origin, a0, a1)).area for a0, a1 in intervals)
        assert ConeArea(region, origin).area(intervals) == pytest.approx(expected, abs=1e-7)


def test_cone_area_all_round_and_empty() -> None:
    ring = shapely.box(-2, -2, 2, 2).difference(shapely.box(-1, -1, 1, 1))
    cone = ConeArea(ring, (0.0, 0.0))
    assert cone.area(None) == pytest.approx(12.0)
    assert cone.area([(-math.pi, math.pi)]) == pytest.approx(12.0)
    assert cone.area([(0.0, math.pi / 2)]) == pytest.approx(3.0)
    assert ConeArea(shapely.Polygon(), (0.0, 0.0)).area([(0.0, 1.0)]) == 0.0


def test_rectangles_are_told_apart() -> None:
    square, triangle, turned = shapely.box(0, 0, 4, 3), shapely.Polygon([(0, 0), (4, 0), (0, 3)]), \
        shapely.affinity.rotate(shapely.box(0, 0, 4, 3), 30)
    holed = square.difference(shapely.box(1, 1, 2, 2))
    assert rects_of([square, triangle, turned, holed]) == [(0.0, 0.0, 4.0, 3.0), None, None, None]
    assert rect_of(shapely.MultiPolygon([square])) is None


def test_clip_to_a_rectangle_equals_the_intersection() -> None:
    rng = random.Random(3)
    room = shapely.box(-1, -2, 3, 2)
    for _ in range(100):
        region = _random_region(rng)
        fast, slow = clip(region, room, rect_of(room)), region.intersection(room)
        assert fast.is_valid
        assert fast.area == pytest.approx(slow.area, abs=1e-9)
        assert fast.symmetric_difference(slow).area == pytest.approx(0.0, abs=1e-9)
