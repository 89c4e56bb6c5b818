"""Every tool, driven with real mouse events on the plan: what it adds, its preview, Esc, one undo step each."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planner.model import Background
from planner.ui.tools.select import HANDLE_PX
from tests.gui.helpers import Pointer, make_editor, snapshot
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui


@pytest.fixture
def empty(qtbot, tmp_path: Path):
    window, dialogs = make_editor(qtbot, tmp_path, centre=(4.0, 4.0))
    return window, dialogs, Pointer(window)


@pytest.fixture
def venue(qtbot, tmp_path: Path):
    window, dialogs = make_editor(qtbot, tmp_path, corridor_and_restroom(), centre=(5.0, 2.5))
    return window, dialogs, Pointer(window)


def _steps(window) -> list[str]:
    stack = window.document.stack
    return [stack.text(i) for i in range(stack.count())]


def test_wall_tool_draws_a_polyline_with_the_chosen_thickness_and_material(empty) -> None:
    window, _, pointer = empty
    window.tools_panel.thickness.setValue(0.3)
    window.tools_panel.material.setCurrentIndex(window.tools_panel.material.findData("glass"))
    window.set_tool("wall")
    pointer.click((0, 0))
    pointer.click((6, 0))
    pointer.move((6, 3))
    assert window.tools["wall"].preview.names  # the rubber line follows the pointer
    pointer.double_click((6, 3))
    level = window.level()
    assert len(level.walls) == 1
    wall = level.walls[0]
    assert wall.path == ((0, 0), (6, 0), (6, 3)) and wall.thickness_m == 0.3 and wall.material == "glass"
    assert _steps(window) == ["Add a wall"]
    assert not window.tools["wall"].busy


def test_wall_tool_closes_on_the_first_corner_and_takes_back_points(empty) -> None:
    window, _, pointer = empty
    window.set_tool("wall")
    for p in [(0, 0), (4, 0), (4, 3), (9, 9)]:
        pointer.click(p)
    pointer.key(Qt.Key.Key_Backspace)  # (9, 9) was a mistake
    pointer.click((0, 3))
    pointer.click((0.1, 0.05))  # on the first corner: snaps to it and closes the ring
    wall = window.level().walls[0]
    assert wall.closed and wall.path == ((0, 0), (4, 0), (4, 3), (0, 3), (0, 0))


def test_escape_cancels_a_wall_in_progress(empty) -> None:
    window, _, pointer = empty
    window.set_tool("wall")
    pointer.click((0, 0))
    pointer.click((2, 0))
    pointer.move((2, 2))
    pointer.key(Qt.Key.Key_Escape)
    assert window.level().walls == [] and window.document.stack.count() == 0
    assert [n for n in window.tools["wall"].preview.names if n != "cursor"] == []
    assert not window.tools["wall"].busy and not window.compliance._interacting


def test_room_tool_adds_a_zone_of_the_chosen_use_with_walls_in_one_step(empty) -> None:
    window, _, pointer = empty
    combo = window.tools_panel.use
    combo.setCurrentIndex(combo.findData("changing_room"))
    window.set_tool("room")
    for p in [(0, 0), (3, 0), (3, 2), (0, 2)]:
        pointer.click(p)
    pointer.key(Qt.Key.Key_Return)
    level = window.level()
    assert [(z.use, z.polygon) for z in level.zones] == [("changing_room", ((0, 0), (3, 0), (3, 2), (0, 2)))]
    assert level.walls[0].path == ((0, 0), (3, 0), (3, 2), (0, 2), (0, 0))
    window.acts.undo.trigger()
    assert level.zones == [] and level.walls == []


def test_zone_tools_add_no_walls_and_rectangles_come_from_a_drag_or_two_clicks(empty) -> None:
    window, _, pointer = empty
    window.set_tool("zone")
    for p in [(0, 0), (2, 0), (1, 2)]:
        pointer.click(p)
    pointer.click((0, 0))
    window.set_tool("rect_room")
    pointer.drag((4, 0), (7, 2))
    window.set_tool("rect_zone")
    pointer.click((0, 4))
    pointer.move((2, 5))
    pointer.click((2, 5))
    level = window.level()
    assert [z.polygon for z in level.zones] == [((0, 0), (2, 0), (1, 2)), ((4, 0), (7, 0), (7, 2), (4, 2)),
                                                ((0, 4), (2, 4), (2, 5), (0, 5))]
    assert len(level.walls) == 1 and level.walls[0].path[0] == (4, 0)
    assert _steps(window) == ["Add zone (Other)", "Add room (Other)", "Add zone (Other)"]


@pytest.mark.parametrize(("tool", "kind", "width"), [("door", "door", 0.9), ("doorway", "doorway", 1.2),
                                                     ("window", "window", 2.0)])
def test_openings_go_on_the_wall_clicked_with_the_chosen_width(venue, tool: str, kind: str, width: float) -> None:
    window, _, pointer = venue
    window.tools_panel.widths[kind].setValue(width)
    window.set_tool(tool)
    pointer.move((7.0, 0.04))
    assert "opening" in window.tools[tool].preview.names
    pointer.click((7.0, 0.04))
    opening = window.level().openings[-1]
    assert opening.kind == kind and opening.wall == "w_corr"
    (x0, y0), (x1, y1) = opening.segment
    assert (x0, y0, x1, y1) == pytest.approx((7 - width / 2, 0.0, 7 + width / 2, 0.0))
    pointer.click((7.0, 1.0))  # the middle of the corridor: no wall there
    assert window.level().openings[-1] is opening


def test_opening_on_a_zone_edge_without_wall(empty) -> None:
    window, _, pointer = empty
    window.set_tool("rect_zone")
    pointer.drag((0, 0), (4, 4))
    window.set_tool("doorway")
    pointer.click((2, 4))
    opening = window.level().openings[0]
    assert opening.wall is None and sorted(opening.segment) == [(1.4, 4.0), (2.6, 4.0)]


def test_camera_tool_places_and_aims_with_one_drag_and_escape_cancels(empty) -> None:
    window, _, pointer = empty
    window.tools_panel.hfov.setValue(60)
    window.tools_panel.fr.setChecked(True)
    window.set_tool("camera")
    pointer.drag((1, 1), (4, 4))
    camera = window.level().cameras[0]
    assert camera.position == (1, 1) and camera.heading_deg == pytest.approx(45.0)
    assert camera.hfov_deg == 60 and camera.face_recognition
    assert window.scene.selected_ids() == [camera.id] and window.scene.coverage_item(camera.id) is not None
    pointer.move((6, 1))
    pointer.press((6, 1))
    pointer.move((6, 3))
    assert "aim" in window.tools["camera"].preview.names
    pointer.key(Qt.Key.Key_Escape)
    pointer.release((6, 3))
    assert len(window.level().cameras) == 1 and _steps(window) == ["Add Camera 1"]


def test_sign_tool_places_a_sign_facing_the_drag(empty) -> None:
    window, _, pointer = empty
    window.tools_panel.sign_kind.setCurrentIndex(window.tools_panel.sign_kind.findData("fr_notice"))
    window.set_tool("sign")
    pointer.drag((2, 2), (2, 0))
    sign = window.level().signs[0]
    assert sign.kind == "fr_notice" and sign.position == (2, 2) and sign.facing_deg == 180


def test_measure_tool_reports_the_distance(empty) -> None:
    window, _, pointer = empty
    window.set_tool("measure")
    pointer.click((0, 0))
    pointer.move((3, 4))
    pointer.click((3, 4))
    assert window.tools["measure"].last[2] == pytest.approx(5.0)
    assert "5.000 m" in window.statusBar().currentMessage()
    assert window.document.stack.count() == 0  # measuring changes nothing


def test_calibrate_tool_rescales_the_background_as_one_step(empty) -> None:
    window, dialogs, pointer = empty
    project = window.project
    project.files["backgrounds/plan.png"] = b"not needed for the transform"
    project.level("L1").backgrounds.append(Background(source="backgrounds/plan.png",
                                                      transform=(0.01, 0, 0, -0.01, 0, 10)))
    dialogs.distance = 10.0
    window.set_tool("calibrate")
    pointer.click((1, 2))
    pointer.click((5, 2))  # 4 m apart on the plan now, 10 m in reality
    transform = window.level().backgrounds[0].transform
    assert transform == pytest.approx((0.025, 0, 0, -0.025, 1 - 1 * 2.5, 2 + 8 * 2.5))
    assert ("distance", pytest.approx(4.0)) in dialogs.asked
    assert _steps(window) == ["Calibrate background scale"]
    window.acts.undo.trigger()
    assert window.level().backgrounds[0].transform == (0.01, 0, 0, -0.01, 0, 10)


def test_click_shift_click_and_rubber_band_select(venue) -> None:
    window, _, pointer = venue
    scene = window.scene
    pointer.click((0.5, 1.0))
    assert scene.selected_ids() == ["c1"]
    pointer.click((0.2, 1.0), modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert set(scene.selected_ids()) == {"c1", "s1"}
    pointer.click((8, 1.5))  # the corridor zone itself
    assert scene.selected_ids() == ["corr"]
    pointer.click((3.5, 4.0), modifiers=Qt.KeyboardModifier.ControlModifier)
    assert set(scene.selected_ids()) == {"corr", "wc"}
    pointer.click((3.5, 4.0), modifiers=Qt.KeyboardModifier.ControlModifier)  # again: out of the selection
    assert scene.selected_ids() == ["corr"]
    assert window.properties.shown_kind() == "zone"


def test_rubber_band_picks_what_lies_inside(venue) -> None:
    window, _, pointer = venue
    window.set_layer_visible("zones", False)  # zones hidden: the drag starts on empty plan
    pointer.drag((-0.5, 0.5), (1.0, 1.5))
    assert set(window.scene.selected_ids()) == {"c1", "s1"}
    assert window.document.stack.count() == 0


def test_drag_moves_the_selection_as_one_step_and_snaps_to_wall_ends(venue) -> None:
    window, _, pointer = venue
    project = window.project
    before = snapshot(project)
    pointer.drag((0.5, 1.0), (4.46, 4.97), steps=10)  # camera c1 onto the WC's corner (4.5, 5)
    assert project.get("c1").position == (4.5, 5.0)
    assert _steps(window) == ["Move camera Corridor"]
    window.acts.undo.trigger()
    assert snapshot(project) == before
    window.acts.redo.trigger()
    assert project.get("c1").position == (4.5, 5.0)


def test_moving_a_wall_takes_its_doors_and_escape_puts_everything_back(venue) -> None:
    window, _, pointer = venue
    project = window.project
    before = snapshot(project)
    window.scene.select_ids(["w_wc"])
    pointer.move((1.5, 3.5))
    pointer.press((1.5, 3.5))
    pointer.move((2.0, 3.5))
    pointer.move((2.5, 3.5))
    assert project.get("w_wc").path[0] == (2.5, 2.0)
    pointer.key(Qt.Key.Key_Escape)
    pointer.release((2.5, 3.5))
    assert snapshot(project) == before and not window.document.stack.canUndo()


def test_camera_handles_aim_and_widen_the_lens(venue) -> None:
    window, _, pointer = venue
    project = window.project
    window.scene.select_ids(["c1"])
    tool = window.tools["select"]
    handles = tool.handles(window.view.scale_factor())
    assert set(handles) == {"heading", "left", "right"}
    length = HANDLE_PX / window.view.scale_factor()
    assert math.dist(handles["heading"], (0.5, 1.0)) == pytest.approx(length)
    pointer.drag(handles["heading"], (0.5, 3.0))  # drag the heading handle north
    assert project.get("c1").heading_deg == pytest.approx(0.0, abs=0.5) or project.get("c1").heading_deg > 359.5
    handles = tool.handles()
    pointer.drag(handles["right"], (1.5, 2.0))  # the right lens edge to 45° off the axis
    assert project.get("c1").hfov_deg == pytest.approx(90.0, abs=1.0)
    pointer.drag(tool.handles()["right"], (0.6, 3.0))
    assert project.get("c1").hfov_deg < 10
    assert _steps(window) == ["Aim camera Corridor", "Change field of view of camera Corridor",
                              "Change field of view of camera Corridor"]


def test_zone_corner_drags_and_a_door_slides_along_its_wall(venue) -> None:
    window, _, pointer = venue
    project = window.project
    window.scene.select_ids(["wc"])
    pointer.drag((4.5, 5.0), (5.0, 5.5))
    assert project.get("wc").polygon[2] == (5.0, 5.5)
    window.scene.select_ids(["d1"])
    pointer.drag((2.45, 2.0), (6.45, 2.05))
    (x0, y0), (x1, y1) = project.get("d1").segment
    assert (y0, y1) == (2.0, 2.0) and abs(x1 - x0) == pytest.approx(0.9)
    assert (x0 + x1) / 2 == pytest.approx(6.45, abs=0.3)
    assert _steps(window) == ["Reshape zone WC", "Move Doorway 1"]


def test_delete_copy_paste_duplicate_cut(venue) -> None:
    window, _, _ = venue
    project = window.project
    scene = window.scene
    scene.select_ids(["c1", "wc"])
    window.acts.copy.trigger()
    window.acts.paste.trigger()
    assert set(scene.selected_ids()) == {"c3", "z1"}
    assert project.get("c3").position == (1.5, 0.0) and project.get("z1").polygon[0] == (2.5, 1.0)
    window.acts.duplicate.trigger()
    assert len(project.level("L1").cameras) == 4
    window.acts.delete.trigger()
    assert len(project.level("L1").cameras) == 3
    scene.select_ids(["s1"])
    window.acts.cut.trigger()
    assert "s1" not in project
    window.acts.paste.trigger()
    assert len(project.level("L1").signs) == 1
    assert _steps(window) == ["Paste 2 items", "Duplicate 2 items", "Delete 2 items", "Cut Sign at Corridor",
                              "Paste 1 item"]
    for _ in range(5):
        window.acts.undo.trigger()
    assert snapshot(project) == snapshot(corridor_and_restroom())
