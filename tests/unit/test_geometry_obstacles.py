"""Wall bodies, opening cuts, sight obstacles and free space."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from planner.geometry import free_space, level_obstacles, opening_cut, wall_body
from planner.geometry.compass import heading_to_math_deg, unit_vector
from planner.geometry.convert import to_polygon
from planner.model import Opening, Wall


def test_wall_body_is_centre_line_buffered_with_flat_ends():
    body = wall_body(Wall(id="w", path=((0, 0), (4, 0)), thickness_m=0.2))
    assert body.bounds == pytest.approx((0.0, -0.1, 4.0, 0.1))
    assert body.area == pytest.approx(0.8)


def test_closed_ring_is_joined_at_its_first_corner():
    body = wall_body(Wall(id="w", path=((0, 0), (4, 0), (4, 4), (0, 4), (0, 0)), thickness_m=0.2))
    assert body.area == pytest.approx(4.2**2 - 3.8**2)
    assert body.covers(Point(-0.099, -0.099))  # mitred outer corner at the start point
    assert len(body.interiors) == 1


def test_mitre_join_at_a_bend():
    body = wall_body(Wall(id="w", path=((0, 0), (4, 0), (4, 4)), thickness_m=0.2))
    assert body.covers(Point(4.099, -0.099))


def test_door_cuts_its_wall_over_its_length():
    wall = Wall(id="w", path=((0, 0), (10, 0)), thickness_m=0.2)
    cut = opening_cut(Opening(id="d", kind="door", segment=((3, 0), (4, 0))), wall)
    assert cut is not None
    obs = level_obstacles([wall], [Opening(id="d", kind="door", segment=((3, 0), (4, 0)))])
    assert obs.sight.area == pytest.approx(9 * 0.2)
    assert not obs.sight.intersects(box(3.0001, -0.5, 3.9999, 0.5))


def test_opening_within_pierce_distance_cuts():
    # DESIGN §4: the opening pierces a wall whose centre-line comes within 0.3 m of it (a door symbol
    # drawn on a wall face, or off it by a few centimetres)
    wall = Wall(id="w", path=((0, 0), (10, 0)), thickness_m=0.2)
    on_face = Opening(id="d", kind="doorway", segment=((3, 0.109), (4, 0.109)))
    off_face = Opening(id="e", kind="doorway", segment=((3, 0.25), (4, 0.25)))
    too_far = Opening(id="f", kind="doorway", segment=((3, 0.31), (4, 0.31)))
    assert opening_cut(on_face, wall) is not None
    assert opening_cut(off_face, wall).bounds == pytest.approx((3, -0.12, 4, 0.12))
    assert opening_cut(too_far, wall) is None


def test_opening_elsewhere_does_not_cut():
    wall = Wall(id="w", path=((0, 0), (10, 0)), thickness_m=0.2)
    assert opening_cut(Opening(id="d", segment=((12, 0), (13, 0))), wall) is None
    assert opening_cut(Opening(id="d", segment=((3, 5), (4, 5))), wall) is None


def test_window_stays_in_the_body_but_not_in_sight_obstacles():
    wall = Wall(id="w", path=((0, 0), (10, 0)), thickness_m=0.2)
    obs = level_obstacles([wall], [Opening(id="win", kind="window", segment=((3, 0), (5, 0)))])
    assert obs.bodies["w"].area == pytest.approx(2.0)
    assert obs.sight.area == pytest.approx(8 * 0.2)


@pytest.mark.parametrize("material,blocks", [("opaque", True), ("frosted", True), ("glass", False)])
def test_materials(material, blocks):
    obs = level_obstacles([Wall(id="w", path=((0, 0), (10, 0)), material=material)])
    assert (obs.sight.area > 0) is blocks
    assert obs.bodies["w"].area > 0


def test_free_space_is_domain_minus_obstacles():
    obs = level_obstacles([Wall(id="w", path=((0, 0), (10, 0)), thickness_m=0.2)], margin_m=2.0)
    free = free_space(obs.domain, obs.sight)
    assert free.is_valid
    assert obs.domain.bounds == pytest.approx((-2.1, -2.1, 12.1, 2.1))
    assert free.area == pytest.approx(obs.domain.area - 2.0)


def test_bow_tie_zone_is_repaired():
    poly = to_polygon(((0, 0), (2, 2), (2, 0), (0, 2)))
    assert poly.is_valid and poly.area == pytest.approx(2.0)


def test_heading_conventions():
    assert heading_to_math_deg(0.0) == 90.0
    x, y = unit_vector(90.0)
    assert (x, y) == pytest.approx((1.0, 0.0))
