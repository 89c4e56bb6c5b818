"""Visibility by triangular expansion against an independent shadow-based reference."""

from __future__ import annotations

import math
import random

import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.affinity import translate
from shapely.geometry import LineString, Point, Polygon, box

from planner.geometry import LevelGeometry, view_intervals
from planner.geometry.visibility import SNAP_OFFSET_M
from planner.model import Level, Opening, Wall, Zone
from tests.unit.geometry_fixtures import corridor_level, grid_level, reference_visibility, sector

TOL_AREA = 1e-3


def _close(a, b) -> float:
    """Symmetric-difference area, also relative to the larger area."""
    diff = a.symmetric_difference(b).area
    return min(diff, diff / max(a.area, b.area, 1e-12) * 1e3)


@pytest.fixture(scope="module")
def grid3() -> LevelGeometry:
    return LevelGeometry.from_level(grid_level(3))


@pytest.fixture(scope="module")
def corridor() -> LevelGeometry:
    return LevelGeometry.from_level(corridor_level())


def _angled_level() -> Level:
    """Rooms with skewed walls, a pillar, a window and a glass partition."""
    walls = [
        Wall(id="outer", path=((0, 0), (14, 0), (15, 9), (1, 10), (0, 0)), thickness_m=0.2),
        Wall(id="skew", path=((5, 0), (6.5, 6)), thickness_m=0.15),
        Wall(id="bend", path=((9, 9.4), (10, 4), (14.5, 4.5)), thickness_m=0.12),
        Wall(id="pillar", path=((3, 6), (3.4, 6), (3.4, 6.4), (3, 6.4), (3, 6)), thickness_m=0.1),
        Wall(id="glass", path=((1, 5), (4.5, 5)), thickness_m=0.05, material="glass"),
    ]
    openings = [
        Opening(id="d1", kind="door", segment=((5.5, 2), (5.75, 3))),
        Opening(id="win", kind="window", segment=((11, 4.11), (13, 4.33))),
    ]
    return Level(
        id="L1", walls=walls, openings=openings, zones=[Zone(id="z", polygon=((0, 0), (14, 0), (15, 9), (1, 10)))]
    )


@pytest.fixture(scope="module")
def angled() -> LevelGeometry:
    return LevelGeometry.from_level(_angled_level())


def _random_free_points(geo: LevelGeometry, n: int, seed: int, bounds) -> list[tuple[float, float]]:
    rnd = random.Random(seed)
    minx, miny, maxx, maxy = bounds
    pts = []
    while len(pts) < n:
        q = (rnd.uniform(minx, maxx), rnd.uniform(miny, maxy))
        if geo.free_space.contains(Point(q)) and geo.free_space.boundary.distance(Point(q)) > 1e-3:
            pts.append(q)
    return pts


# -- reference comparisons ---------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_matches_reference_on_grid(grid3, seed):
    rnd = random.Random(seed)
    for q in _random_free_points(grid3, 6, seed, (0.1, 0.1, 11.9, 11.9)):
        kw = {}
        if rnd.random() < 0.7:
            kw = dict(heading_deg=rnd.uniform(0, 360), hfov_deg=rnd.uniform(10, 300), range_m=rnd.uniform(1, 12))
        ours = grid3.visibility(q, **kw)
        ref = reference_visibility(
            grid3.free_space,
            q,
            radius=kw.get("range_m"),
            heading_deg=kw.get("heading_deg"),
            hfov_deg=kw.get("hfov_deg", 360.0),
        )
        assert ours.is_valid
        assert _close(ours, ref) < TOL_AREA, (q, kw)


@pytest.mark.parametrize("seed", range(4))
def test_matches_reference_with_skewed_walls(angled, seed):
    rnd = random.Random(100 + seed)
    for q in _random_free_points(angled, 6, seed, (0.2, 0.2, 14.5, 9.5)):
        kw = dict(
            heading_deg=rnd.uniform(0, 360),
            hfov_deg=rnd.choice([45, 90, 180, 270, 360]),
            range_m=rnd.choice([None, 3.0, 8.0]),
        )
        ours = angled.visibility(q, **kw)
        ref = reference_visibility(
            angled.free_space, q, radius=kw["range_m"], heading_deg=kw["heading_deg"], hfov_deg=kw["hfov_deg"]
        )
        assert ours.is_valid
        assert _close(ours, ref) < TOL_AREA, (q, kw)


def test_line_of_sight_on_sampled_points(angled):
    rnd = random.Random(7)
    sight = angled.obstacles.sight
    for q in _random_free_points(angled, 8, 7, (0.2, 0.2, 14.5, 9.5)):
        vis = angled.visibility(q)
        inner = vis.buffer(-1e-3)
        outer = vis.buffer(1e-3)
        for _ in range(60):
            p = (rnd.uniform(-1, 16), rnd.uniform(-1, 11))
            seg = LineString([q, p])
            blocked = seg.intersection(sight).length > 1e-6 or not angled.free_space.covers(seg)
            if inner.contains(Point(p)):
                assert not blocked, (q, p)
            elif not outer.contains(Point(p)):
                assert blocked, (q, p)


# -- scenarios ---------------------------------------------------------------


def test_corridor_camera_sees_room_through_doorway(corridor):
    # wall faces: corridor wall y=2 spans 1.95..2.05, doorway x 6.5..7.5; room interior x 4.05..9.95, y 2.05..6.95
    vis = corridor.visibility((7.0, 1.0))
    room = box(4.05, 2.05, 9.95, 6.95)
    seen = vis.intersection(room)
    # the cone through the far jambs (6.5, 2.05) and (7.5, 2.05): half-width 0.5 (y - 1) / 1.05
    expected = ((6.95 - 1) ** 2 - (2.05 - 1) ** 2) / (2 * 1.05)
    assert seen.area == pytest.approx(expected, abs=1e-6)
    assert seen.area == pytest.approx(16.0 + 1.0 / 3.0, abs=1e-6)


def test_camera_in_line_with_door_frame(corridor):
    for q in [(6.5, 1.0), (7.5, 0.5), (6.5, 1.95 - 1e-3)]:
        vis = corridor.visibility(q)
        ref = reference_visibility(corridor.free_space, q)
        assert vis.is_valid
        assert _close(vis, ref) < TOL_AREA


def _partition_level(material: str = "opaque", window: bool = False) -> LevelGeometry:
    walls = [
        Wall(id="outer", path=((0, 0), (10, 0), (10, 4), (0, 4), (0, 0)), thickness_m=0.1),
        Wall(id="part", path=((5, 0), (5, 4)), thickness_m=0.1, material=material),
    ]
    openings = [Opening(id="w", kind="window", segment=((5, 1), (5, 3)))] if window else []
    return LevelGeometry.from_level(Level(id="L", walls=walls, openings=openings))


def test_glass_wall_lets_sight_through():
    vis = _partition_level("glass").visibility((2.5, 2.0))
    assert vis.intersection(box(5.05, 0.05, 9.95, 3.95)).area == pytest.approx(4.9 * 3.9, abs=1e-6)


def test_frosted_wall_blocks_sight():
    vis = _partition_level("frosted").visibility((2.5, 2.0))
    assert vis.intersection(box(5.06, 0.05, 9.95, 3.95)).area == pytest.approx(0.0, abs=1e-9)


def test_window_lets_sight_through_its_length_only():
    geo = _partition_level("opaque", window=True)
    vis = geo.visibility((2.5, 2.0))
    far = vis.intersection(box(5.05, 0.05, 9.95, 3.95)).area
    assert far > 3.0
    # the window spans y 1..3: sight lines through it fan out from (2.5, 2)
    ref = reference_visibility(geo.free_space, (2.5, 2.0))
    assert _close(vis, ref) < TOL_AREA


def test_open_room_all_round():
    geo = LevelGeometry.from_free_space(box(0, 0, 10, 8))
    assert geo.visibility((3, 3)).area == pytest.approx(80.0)
    assert geo.visibility((3, 3), heading_deg=90, hfov_deg=90, range_m=100).area == pytest.approx(9 + 14 + 16, abs=1e-9)


# -- viewpoints on and near wall faces ----------------------------------------


@pytest.mark.parametrize("offset", [0.0, 1e-3, 1e-2])
@pytest.mark.parametrize("heading", [0.0, 30.0, 90.0, 180.0])
def test_camera_on_and_near_wall_face(corridor, offset, heading):
    # bottom corridor wall: centre-line y=0, thickness 0.1, face at y=0.05
    q = (3.3, 0.05 + offset)
    fan = corridor.fan(q, heading_deg=heading, hfov_deg=100, range_m=6)
    vx, vy = fan.origin
    if offset == 0.0:
        assert vy == pytest.approx(0.05 + SNAP_OFFSET_M, abs=1e-9) and vx == pytest.approx(3.3)
    else:
        assert (vx, vy) == q
    vis = fan.polygon()
    assert vis.is_valid
    ref = reference_visibility(corridor.free_space, (vx, vy), radius=6, heading_deg=heading, hfov_deg=100)
    assert _close(vis, ref) < TOL_AREA


def test_camera_inside_wall_snaps_to_the_face_it_looks_through(corridor):
    # on the centre-line of the wall between corridor (y < 1.95) and room (y > 2.05)
    up = corridor.fan((5.0, 2.0), heading_deg=0, hfov_deg=90, range_m=3)
    down = corridor.fan((5.0, 2.0), heading_deg=180, hfov_deg=90, range_m=3)
    assert up.origin[1] == pytest.approx(2.05 + SNAP_OFFSET_M, abs=1e-6)
    assert down.origin[1] == pytest.approx(1.95 - SNAP_OFFSET_M, abs=1e-6)
    assert up.polygon().intersection(box(0, 0, 20, 1.95)).area == 0.0
    assert down.polygon().intersection(box(0, 2.05, 20, 8)).area == 0.0
    # omnidirectional cameras go to the nearest face
    near = corridor.fan((5.0, 1.99))
    assert near.origin[1] == pytest.approx(1.95 - SNAP_OFFSET_M, abs=1e-6)


def test_camera_on_triangle_vertex_and_edge(grid3):
    tri = grid3.triangulation
    # a point in the middle of an interior (unconstrained) triangle edge
    h = next(h for h, t in enumerate(tri.twin) if t >= 0 and h < t)
    a, b = tri.org[h], tri.dst[h]
    q = ((tri.x[a] + tri.x[b]) / 2, (tri.y[a] + tri.y[b]) / 2)
    assert len(tri.locate(*q)) >= 1
    vis = grid3.visibility(q)
    assert vis.is_valid
    assert _close(vis, reference_visibility(grid3.free_space, q)) < TOL_AREA
    # a vertex lies on an obstacle corner: the viewpoint is snapped off it
    v = (tri.x[a], tri.y[a])
    fan = grid3.fan(v)
    assert fan.origin != v and grid3.contains(fan.origin)
    assert fan.polygon().is_valid


# -- properties ----------------------------------------------------------------

_PLAN = _angled_level()
_GEO = LevelGeometry.from_level(_PLAN)

points = st.tuples(st.floats(0.3, 14.0), st.floats(0.3, 9.0))
lens = st.fixed_dictionaries(
    {
        "heading_deg": st.floats(0, 360, exclude_max=True),
        "hfov_deg": st.floats(1, 360),
        "range_m": st.one_of(st.none(), st.floats(0.5, 20)),
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(points, lens)
def test_coverage_stays_in_free_space_and_in_the_lens(q, kw):
    fan = _GEO.fan(q, **kw)
    vis = fan.polygon()
    assert vis.is_valid
    if vis.is_empty:
        return
    assert vis.difference(_GEO.free_space).area < 1e-6
    r = kw["range_m"] if kw["range_m"] is not None else 100.0
    wedge = sector(fan.origin, r * 1.0001 + 1e-6, kw["heading_deg"], kw["hfov_deg"])
    assert vis.difference(wedge).area < 1e-6


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(points, lens, st.randoms(use_true_random=False))
def test_no_sight_through_obstacles(q, kw, rnd):
    fan = _GEO.fan(q, **kw)
    inner = fan.polygon().buffer(-1e-3)
    if inner.is_empty:
        return
    minx, miny, maxx, maxy = inner.bounds
    hits = 0
    for _ in range(200):
        p = Point(rnd.uniform(minx, maxx), rnd.uniform(miny, maxy))
        if not inner.contains(p):
            continue
        hits += 1
        seg = LineString([fan.origin, p])
        assert seg.intersection(_GEO.obstacles.sight).length < 1e-9
        assert _GEO.free_space.covers(seg)
        if hits > 20:
            break


@settings(max_examples=40, deadline=None)
@given(points, lens)
def test_heading_plus_360_is_the_same(q, kw):
    a = _GEO.visibility(q, **kw)
    b = _GEO.visibility(q, **{**kw, "heading_deg": kw["heading_deg"] + 360.0})
    assert a.symmetric_difference(b).area < 1e-9


@settings(max_examples=15, deadline=None)
@given(points, lens, st.floats(-500, 500), st.floats(-500, 500))
def test_translation_invariance(q, kw, dx, dy):
    plan = _angled_level()
    moved = Level(
        id="L",
        walls=[w.copy(path=[(x + dx, y + dy) for x, y in w.path]) for w in plan.walls],
        openings=[o.copy(segment=[(x + dx, y + dy) for x, y in o.segment]) for o in plan.openings],
        zones=[z.copy(polygon=[(x + dx, y + dy) for x, y in z.polygon]) for z in plan.zones],
    )
    geo2 = LevelGeometry.from_level(moved)
    a = _GEO.visibility(q, **kw)
    b = geo2.visibility((q[0] + dx, q[1] + dy), **kw)
    assert abs(a.area - b.area) < 1e-6 * max(1.0, a.area) + 1e-4
    assert translate(a, dx, dy).symmetric_difference(b).area < 1e-4 * max(1.0, a.area)


@settings(max_examples=30, deadline=None)
@given(
    points,
    st.floats(0, 360, exclude_max=True),
    st.floats(20, 300),
    st.lists(st.tuples(st.floats(-150, 150), st.floats(0.5, 40)), max_size=3),
)
def test_privacy_masks_remove_their_wedges(q, heading, hfov, raw_masks):
    masks = [(a, a + w) for a, w in raw_masks if a + w <= 180]
    full = _GEO.visibility(q, heading_deg=heading, hfov_deg=hfov, range_m=6)
    masked = _GEO.visibility(q, heading_deg=heading, hfov_deg=hfov, range_m=6, masks=masks)
    assert masked.is_valid
    assert masked.difference(full).area < 1e-4  # extra arc vertices at the mask edges bulge past chords
    origin = _GEO.viewpoint(q, heading)
    for a, b in masks:
        centre = heading + (a + b) / 2
        wedge = sector(origin, 50, centre, max(b - a - 1e-3, 1e-6))
        assert masked.intersection(wedge).area < 1e-6


def test_view_intervals_full_circle_with_mask_joins_behind():
    ivs = view_intervals(0.0, 360.0, [(-10.0, 10.0)])
    assert len(ivs) == 1
    a0, a1 = ivs[0]
    assert math.degrees(a1 - a0) == pytest.approx(340.0)


def test_empty_free_space_gives_empty_region():
    geo = LevelGeometry.from_free_space(Polygon())
    assert geo.visibility((0, 0)).is_empty


def test_triangulation_adjacency_is_conforming(grid3):
    tri = grid3.triangulation
    boundary = shapely.union_all([tri.constrained_edges()])
    assert boundary.length == pytest.approx(grid3.free_space.boundary.length, rel=1e-12)
