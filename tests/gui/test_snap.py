"""The tools' decisions in plain numbers: snapping, hit-testing, the shapes tools make (no Qt needed)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner.geometry.compass import bearing, turn
from planner.ui.lens import focal_length_mm, hfov_deg
from planner.ui.tools.snap import (
    SnapTargets,
    calibrated_transform,
    camera_handles,
    closed_path,
    fov_from_handle,
    hit_wall,
    is_closing_click,
    level_targets,
    nearest_vertex,
    opening_on_segment,
    rectangle,
    replace_vertex,
    snap_point,
    snap_to_grid,
)
from planner.ui.view import grid_step

ROOM = [((0.0, 0.0), (4.0, 0.0), (4.0, 3.0), (0.0, 3.0), (0.0, 0.0))]
TARGETS = level_targets(ROOM, [((0, 0), (4, 0), (4, 3), (0, 3))])


@pytest.mark.parametrize(
    ("p", "grid", "expected", "kind"),
    [
        ((3.95, 3.04), 0.5, (4.0, 3.0), "vertex"),  # a wall end wins over everything
        ((2.13, 0.07), 0.5, (2.0, 0.0), "edge"),  # along the wall, to the grid crossing on it
        ((2.13, 0.07), None, (2.13, 0.0), "edge"),  # no grid: the foot of the perpendicular
        ((1.8, 1.6), 0.5, (2.0, 1.5), "grid"),
        ((1.8, 1.6), None, (1.8, 1.6), "none"),
    ],
)
def test_snap_priority(p, grid, expected, kind) -> None:
    snapped = snap_point(p, TARGETS, grid=grid, tolerance=0.2)
    assert snapped.point == pytest.approx(expected) and snapped.kind == kind


def test_grid_rounding_is_symmetric() -> None:
    assert snap_to_grid((0.25, -0.25), 0.5) == (0.5, 0.0)
    assert snap_to_grid((-0.26, 0.74), 0.5) == (-0.5, 0.5)
    assert snap_to_grid((1.234, 5.678), 0) == (1.234, 5.678)
    assert grid_step(20) == 1.0 and grid_step(2000) == 0.05


def test_hits_and_openings() -> None:
    walls = [("w", ROOM[0], 0.2)]
    hit = hit_wall((4.12, 1.5), walls, 0.05)
    assert hit is not None and hit.index == 1 and hit.point == (4.0, 1.5)
    assert hit_wall((2.0, 1.5), walls, 0.05) is None
    assert opening_on_segment((3.9, 0.1), (0, 0), (4, 0), 0.9) == ((3.1, 0.0), (4.0, 0.0))  # kept on the wall
    assert opening_on_segment((0, 0), (0, 0), (0, 0.5), 0.9) is None


def test_shapes_handles_and_calibration() -> None:
    assert rectangle((3, 1), (1, 2)) == ((1, 1), (3, 1), (3, 2), (1, 2))
    assert closed_path([(0, 0), (1, 0), (1, 1)])[-1] == (0, 0)
    assert is_closing_click([(0, 0), (1, 0), (1, 1)], (0.02, 0.0), 0.1)
    assert not is_closing_click([(0, 0), (1, 0)], (0, 0), 0.1)
    handles = camera_handles((1, 1), 90.0, 60.0, 2.0)
    assert handles["heading"] == pytest.approx((3.0, 1.0))
    assert bearing((1, 1), handles["left"]) == pytest.approx(60.0)
    assert bearing((1, 1), handles["right"]) == pytest.approx(120.0)
    assert fov_from_handle((1, 1), 90.0, handles["right"]) == pytest.approx(60.0)
    assert camera_handles((0, 0), 0.0, 360.0, 1.0).keys() == {"heading"}
    assert turn(10, 350) == -20 and turn(350, 10) == 20
    assert nearest_vertex((3.9, 2.9), ROOM[0], 0.2) == 2 and nearest_vertex((2, 2), ROOM[0], 0.2) is None
    assert replace_vertex(ROOM[0], 4, (0, -1), closed_path=True)[0] == (0, -1)
    # a plan drawn at 1 cm per pixel, where two points 4 m apart really are 10 m apart
    t = calibrated_transform((0.01, 0, 0, -0.01, 0, 10), (1, 2), (5, 2), 10.0)
    assert t == pytest.approx((0.025, 0, 0, -0.025, -1.5, 22.0))
    with pytest.raises(ValueError):
        calibrated_transform(t, (1, 1), (1, 1), 3.0)


def test_lens_arithmetic_round_trips() -> None:
    for focal in (2.8, 4.0, 6.0, 12.0):
        assert focal_length_mm(hfov_deg(focal, 5.37), 5.37) == pytest.approx(focal)
    with pytest.raises(ValueError):
        hfov_deg(0, 5)


def test_snapping_module_needs_no_qt() -> None:
    code = "import sys, planner.ui.tools.snap, planner.ui.lens, planner.ui.clipboard; " \
           "print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_empty_targets_snap_to_grid_only() -> None:
    assert snap_point((0.3, 0.3), SnapTargets(), grid=1.0).kind == "grid"
