"""Remedies a user can press without fear: each one offered leaves its camera with no privacy finding at all."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.assets import sample_path
from planner.geometry.coverage import camera_coverage
from planner.geometry.visibility import LevelGeometry
from planner.io import decode_project, encode_project, load_project
from planner.model import Camera, Level, Opening, Project, Venue, Wall, Zone
from planner.rules import check_project
from planner.rules.fixes import Forbidden, camera_remedies, privacy_clear
from planner.rules.remedies import Move, Remove

PRIVACY = ("DEVICE_IN_PRIVATE_SPACE", "VIEW_INTO_PRIVATE_SPACE")


def _copy(project: Project) -> Project:
    return decode_project(encode_project(project))


def _privacy(project: Project, camera_id: str) -> list:
    return [f for f in check_project(project).findings if f.camera == camera_id and f.code in PRIVACY]


def _assert_every_remedy_leaves_the_camera_clean(project: Project) -> int:
    """Apply each remedy of each camera with a privacy finding to a copy; return how many were tried."""
    tried = 0
    findings = [f for f in check_project(project).findings if f.code in PRIVACY]
    for camera_id in sorted({f.camera for f in findings}):
        mine = [f for f in findings if f.camera == camera_id]
        remedies = mine[0].remedies
        # one list for the camera, whichever of its findings it is read from
        assert all([r.to_json() for r in f.remedies] == [r.to_json() for r in remedies] for f in mine)
        assert isinstance(remedies[-1], Remove) and sum(isinstance(r, Remove) for r in remedies) == 1
        kept = [r.coverage_kept for r in remedies]
        assert all(k is not None and 0.0 <= k <= 1.0 for k in kept)
        assert kept == sorted(kept, reverse=True)
        for remedy in remedies:
            copy = _copy(project)
            command = remedy.command(copy, mine[0])
            assert command is not None
            command.apply(copy)
            left = _privacy(copy, camera_id) if camera_id in copy else []
            assert not left, (remedy.to_json(), [(f.code, f.zone, f.area_m2) for f in left])
            tried += 1
    return tried


# -- random small plans ------------------------------------------------------------------------------

USES = ("restroom", "hotel_room", "fitting_room", "office", "retail", "changing_room")


@st.composite
def plans(draw: st.DrawFn) -> Project:
    """A corridor along the south of a row of rooms, a door from the corridor into each, cameras anywhere."""
    n = draw(st.integers(1, 4))
    widths = [draw(st.floats(2.0, 5.0)) for _ in range(n)]
    depth = draw(st.floats(2.5, 5.0))
    corridor = draw(st.floats(1.5, 3.5))
    thick = draw(st.sampled_from([0.1, 0.2, 0.3]))
    total = sum(widths)
    top = corridor + depth
    walls = [Wall(id="outer", path=((0.0, 0.0), (total, 0.0), (total, top), (0.0, top), (0.0, 0.0)),
                  thickness_m=thick),
             Wall(id="front", path=((0.0, corridor), (total, corridor)), thickness_m=thick)]
    zones = [Zone(id="corr", name="Corridor", use="corridor",
                  polygon=((0.0, 0.0), (total, 0.0), (total, corridor), (0.0, corridor)))]
    openings = []
    x = 0.0
    for i, w in enumerate(widths):
        if i:
            walls.append(Wall(id=f"p{i}", path=((x, corridor), (x, top)), thickness_m=thick))
        door = draw(st.floats(0.7, min(1.2, w - 0.6)))
        at = x + draw(st.floats(0.3, w - 0.3 - door))
        openings.append(Opening(id=f"d{i}", kind=draw(st.sampled_from(["door", "doorway"])),
                                segment=((at, corridor), (at + door, corridor)), wall="front"))
        zones.append(Zone(id=f"r{i}", name=f"Room {i}", use=draw(st.sampled_from(USES)),
                          polygon=((x, corridor), (x + w, corridor), (x + w, top), (x, top))))
        x += w
    cameras = []
    for k in range(draw(st.integers(1, 3))):
        cameras.append(Camera(
            id=f"c{k}",
            position=(draw(st.floats(0.2, total - 0.2)), draw(st.floats(0.2, top - 0.2))),
            heading_deg=draw(st.floats(0.0, 359.9)),
            hfov_deg=draw(st.sampled_from([30.0, 60.0, 90.0, 110.0])),
            range_m=draw(st.one_of(st.none(), st.floats(3.0, 20.0))),
            kind=draw(st.sampled_from(["fixed", "fixed", "fixed", "ptz"])),
            face_recognition=draw(st.booleans()),
        ))
    level = Level(id="L1", walls=walls, openings=openings, zones=zones, cameras=cameras)
    return Project(venue=Venue(name="Random"), levels=[level])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_offered_remedy_leaves_its_camera_with_no_privacy_finding(project: Project) -> None:
    _assert_every_remedy_leaves_the_camera_clean(project)


# -- the samples -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sample", ["harbour-hotel", "mall-fitting"])
def test_every_remedy_on_the_samples_leaves_its_camera_clean(sample: str) -> None:
    assert _assert_every_remedy_leaves_the_camera_clean(load_project(sample_path(sample))) >= 5


def test_a_row_of_fitting_rooms_is_cleared_at_once() -> None:
    project = load_project(sample_path("mall-fitting"))
    views = [f for f in check_project(project).findings
             if f.code == "VIEW_INTO_PRIVATE_SPACE" and f.camera == "L1-cam-apparel-sees-fitting"]
    assert len({f.zone for f in views}) >= 3  # one camera, several fitting rooms
    best = views[0].remedies[0]
    assert best.kind == "privacy_mask" and best.coverage_kept > 0.5
    copy = _copy(project)
    best.command(copy, views[0]).apply(copy)  # type: ignore[union-attr]
    assert not _privacy(copy, "L1-cam-apparel-sees-fitting")


def test_guest_room_camera_moves_to_a_clean_spot_with_a_useful_view() -> None:
    project = load_project(sample_path("harbour-hotel"))
    (device,) = [f for f in check_project(project).findings if f.code == "DEVICE_IN_PRIVATE_SPACE"]
    move = next(r for r in device.remedies if isinstance(r, Move))
    assert move.heading_deg is not None
    from planner.rules.engine import ComplianceEngine

    before = project.get(device.camera)
    engine = ComplianceEngine(project)
    xs, ys = (a.ravel() for a in np.meshgrid(np.arange(0, 60, 0.1), np.arange(-5, 40, 0.1)))
    ok = engine.move_test(project.level_of(device.camera))(xs, ys)
    nearest = float(np.hypot(xs[ok] - before.position[0], ys[ok] - before.position[1]).min())
    engine.close()
    assert math.dist(move.position, before.position) < nearest + 2.5  # near where it was
    copy = _copy(project)
    move.command(copy, device).apply(copy)  # type: ignore[union-attr]
    assert not _privacy(copy, device.camera)
    engine = ComplianceEngine(copy)
    level = copy.level_of(device.camera)
    cov = engine.coverage(level, copy.get(device.camera))
    private = shapely.union_all([z.polygon for z in engine.private_zones(level)])
    assert cov.region.difference(private).area > 2.0  # it looks at public space, not at a wall
    engine.close()


def test_a_move_is_offered_when_no_lens_change_keeps_much_of_the_view() -> None:
    """An open hall, a forbidden disc in the middle of the view: turning, masking or shortening keep little,
    so a move is offered, and it keeps more than any of them. Any check can name its own forbidden regions."""
    geo = LevelGeometry.from_free_space(shapely.box(0, 0, 30, 30))
    cam = Camera(id="c", position=(5.0, 15.0), heading_deg=90.0, hfov_deg=90.0, range_m=12.0)
    spot = shapely.Point(9.0, 15.0).buffer(2.2)
    forbidden = [Forbidden(core=spot, polygon=spot)]
    cov = camera_coverage(geo, cam, bands=False)
    assert not privacy_clear(geo, cam, forbidden, 0.05, coverage=cov)
    area = shapely.box(0.3, 0.3, 29.7, 29.7).difference(spot.buffer(0.3))
    remedies = camera_remedies(geo, cam, cov, forbidden, 0.05, move_area=area)
    assert remedies[0].kind == "move" and remedies[-1].kind == "remove"
    move = remedies[0]
    assert isinstance(move, Move) and move.heading_deg is not None
    assert move.coverage_kept > max(r.coverage_kept for r in remedies[1:])  # type: ignore[operator]
    for remedy in remedies[:-1]:
        assert privacy_clear(geo, remedy.applied(cam), forbidden, 0.05), remedy  # type: ignore[attr-defined]
    # without a place to move to, none is offered
    assert "move" not in [r.kind for r in camera_remedies(geo, cam, cov, forbidden, 0.05)]
