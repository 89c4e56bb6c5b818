"""Dragging a camera repaints what its coverage covered and covers now, and no more; the plan looks as before."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QPointF, QRectF

from planner.assets import sample_path
from planner.io import load_project
from planner.model import Camera, Level, Opening, Project, Venue, Wall, Zone
from planner.ui import qtgeom
from planner.ui.coverage import LiveCoverageItem
from tests.gui.helpers import Pointer, make_editor

pytestmark = pytest.mark.gui

CAMERA = "L1-cam-corridor-sees-wc-f"


def _rooms(n: int = 6, size: float = 4.0) -> Project:
    """n x n rooms with a door in the middle of every wall between two, one camera looking across them."""
    side = n * size
    walls = [Wall(id="outer", path=((0.0, 0.0), (side, 0.0), (side, side), (0.0, side), (0.0, 0.0)))]
    openings = []
    for i in range(1, n):
        c = i * size
        walls += [Wall(id=f"h{i}", path=((0.0, c), (side, c))), Wall(id=f"v{i}", path=((c, 0.0), (c, side)))]
        for j in range(n):
            m = j * size + size / 2
            openings += [Opening(id=f"dh{i}_{j}", kind="door", segment=((m - 0.45, c), (m + 0.45, c))),
                         Opening(id=f"dv{i}_{j}", kind="door", segment=((c, m - 0.45), (c, m + 0.45)))]
    zones = [Zone(id=f"z{i}_{j}", use="office", polygon=((i * size, j * size), ((i + 1) * size, j * size),
                                                        ((i + 1) * size, (j + 1) * size), (i * size, (j + 1) * size)))
             for i in range(n) for j in range(n)]
    cameras = [Camera(id="c0", position=(0.6, 0.6), heading_deg=45.0, hfov_deg=90.0)]
    return Project(venue=Venue(name="Rooms"), levels=[Level(id="L1", zones=zones, walls=walls, openings=openings,
                                                            cameras=cameras)])


def _outline_points(geometry, step: float = 0.1) -> list[QPointF]:  # type: ignore[no-untyped-def]
    """Scene points every ``step`` metres along the outlines of ``geometry`` (plan metres)."""
    points = []
    for ring in shapely.get_rings(shapely.get_parts(geometry)):
        line = shapely.LineString(ring)
        n = max(2, int(line.length / step))
        for k in range(n + 1):
            p = line.interpolate(k / n, normalized=True)
            points.append(qtgeom.to_scene((p.x, p.y)))
    return points


@pytest.mark.parametrize("plan", ["hotel", "rooms"])
def test_a_dragged_coverage_repaints_its_old_and_new_outline_and_less_than_its_bounds(qtbot, tmp_path: Path,
                                                                                   monkeypatch, plan: str) -> None:
    if plan == "hotel":  # along the corridor
        project, camera_id, moves = load_project(sample_path("harbour-hotel")), CAMERA, [(x, 16.25) for x in (
            28.0, 26.0, 24.0, 22.0, 19.0, 16.0)]
    else:  # across rooms, seeing through doors far beyond its own
        project, camera_id, moves = _rooms(), "c0", [(0.6 + k * 0.5, 0.6 + k * 0.45) for k in range(1, 7)]
    window, _ = make_editor(qtbot, tmp_path, project, scale=26.0, centre=(12.0, 12.0))
    scene, compliance = window.scene, window.compliance
    repainted: list[list[QRectF]] = []
    monkeypatch.setattr(LiveCoverageItem, "_repaint", lambda self, cells: repainted.append(list(cells)))
    own = scene.coverage_item(camera_id)
    assert own is not None
    order = [i for i in scene.items() if isinstance(i, type(own)) and i.isVisible() and i is not scene._live]
    pointer = Pointer(window)
    start = window.project.get(camera_id).position
    pointer.move(start)
    pointer.press(start)
    level = window.level()
    before = None
    shrunk = False
    for target in moves:
        pointer.move(target)
        camera = window.project.get(camera_id)
        coverage = compliance.coverage(level, camera)
        live = scene._live
        assert live is not None and live.camera_id == camera_id and not own.isVisible()  # the live item draws it
        rects = repainted[-1]
        for point in _outline_points(coverage.region) + (_outline_points(before) if before is not None else []):
            assert any(r.contains(point) for r in rects), (target, point)
        bounds = qtgeom.geometry_path(coverage.region).boundingRect()
        if before is not None:
            bounds = bounds.united(qtgeom.geometry_path(before).boundingRect())
        area = sum(r.width() * r.height() for r in rects)
        shrunk |= area < 0.6 * bounds.width() * bounds.height()
        before = coverage.region
    assert shrunk or plan == "hotel"  # a lens through doors: far less than its bounding rectangle
    pointer.release(moves[-1])
    assert scene._live is not None and not scene._live.active and own.isVisible()  # back to its own item
    camera = window.project.get(camera_id)
    assert own.region.boundingRect() == qtgeom.geometry_path(compliance.coverage(level, camera).region,
                                                             camera.position).boundingRect()
    after = [i for i in scene.items() if isinstance(i, type(own)) and i.isVisible() and i is not scene._live]
    assert after == order  # the coverage is stacked as before the drag
