"""The vectorised angular extent agrees with the edge-by-edge definition."""

from __future__ import annotations

import random

import pytest
import shapely

from planner.rules import angles


def edge_by_edge(region, origin, axis):  # the definition, one edge at a time
    spans = []
    for ring in angles._rings(region):
        coords = list(ring.coords)
        offs = [angles.offset(axis, angles.bearing(origin, p)) for p in coords]
        for i in range(len(coords) - 1):
            spans.extend(angles._edge_interval(offs[i], offs[i + 1]))
    return angles.merge_intervals(spans)


@pytest.mark.parametrize("seed", range(4))
def test_angular_extent_matches_definition(seed: int) -> None:
    rnd = random.Random(seed)
    checked = 0
    for _ in range(300):
        pts = [(rnd.uniform(-10, 10), rnd.uniform(-10, 10)) for _ in range(rnd.randint(3, 8))]
        region = shapely.make_valid(shapely.Polygon(pts)).buffer(0)
        origin = (rnd.uniform(-12, 12), rnd.uniform(-12, 12))
        axis = rnd.uniform(0, 360)
        if region.is_empty or region.buffer(1e-9).contains(shapely.Point(origin)):
            continue
        got = angles.angular_extent(region, origin, axis)
        want = edge_by_edge(region, origin, axis)
        assert len(got) == len(want)
        for (a, b), (c, d) in zip(got, want, strict=True):
            assert a == pytest.approx(c, abs=1e-9) and b == pytest.approx(d, abs=1e-9)
        checked += 1
    assert checked > 100


def test_region_behind_the_camera_wraps_at_180() -> None:
    # A box due south of a camera looking north spans the ±180 seam.
    got = angles.angular_extent(shapely.box(-1, -3, 1, -2), (0, 0), 0.0)
    assert got[0][0] == -180.0 and got[-1][1] == 180.0
    assert got[0][1] == pytest.approx(-180 + 26.565, abs=1e-3)
