"""The whole job as a user does it: map a room, mark it private, place a camera, fix the finding, save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from planner.io import load_project
from planner.model import Camera, Opening, Wall, Zone
from planner.ui.properties import PropertiesPanel
from tests.gui.helpers import Pointer, make_editor, snapshot

pytestmark = pytest.mark.gui


def _findings(window, code: str) -> list:
    return [f for f in window.findings.findings if f.code == code]


def test_room_door_restroom_camera_remedy_undo_save_reopen(qtbot, tmp_path: Path) -> None:
    window, dialogs = make_editor(qtbot, tmp_path, centre=(4.0, 4.0))
    pointer = Pointer(window)
    project = window.project
    assert project is not None and window.windowTitle().startswith("Untitled")

    # 1. a room: four corners, closed by clicking the first corner again
    window.acts.tools["room"].trigger()
    for corner in [(2, 4), (6, 4), (6, 8), (2, 8)]:
        pointer.click(corner)
    pointer.click((2, 4))
    level = window.level()
    assert level is not None and len(level.zones) == 1 and len(level.walls) == 1
    zone, wall = level.zones[0], level.walls[0]
    assert zone.polygon == ((2, 4), (6, 4), (6, 8), (2, 8)) and wall.closed
    assert window.document.stack.count() == 1  # zone and walls: one step

    # 2. a door on its south wall
    window.acts.tools["door"].trigger()
    pointer.move((4, 4.02))
    pointer.click((4, 4.02))
    assert len(level.openings) == 1
    door = level.openings[0]
    assert isinstance(door, Opening) and door.wall == wall.id and door.kind == "door"
    assert door.segment == ((3.55, 4.0), (4.45, 4.0))

    # 3. select the room by clicking inside it and make it a restroom in the properties panel
    window.acts.tools["select"].trigger()
    pointer.click((5, 7))
    assert window.scene.selected_ids() == [zone.id]
    panel: PropertiesPanel = window.properties
    assert panel.shown_kind() == "zone"
    uses = panel.page("zone").findChild(type(panel.sensor), "use")
    uses.setCurrentIndex(uses.findData("restroom"))
    assert project.get(zone.id).use == "restroom"
    assert "(private)" in uses.currentText()

    # 4. a corridor camera south of the room, dragged to look north through the door
    window.acts.tools["camera"].trigger()
    pointer.drag((4, 0.5), (4, 3.5))
    assert len(level.cameras) == 1
    camera = level.cameras[0]
    assert isinstance(camera, Camera) and camera.position == (4, 0.5) and camera.heading_deg == 0
    assert window.scene.selected_ids() == [camera.id]
    coverage = window.scene.coverage_item(camera.id)
    assert coverage is not None and coverage.sees_private  # drawn red through the door

    # 5. the findings dock says so (at once from the live update, with remedies after the full check)
    qtbot.waitUntil(lambda: bool(_findings(window, "VIEW_INTO_PRIVATE_SPACE")), timeout=3000)
    qtbot.waitUntil(lambda: not window.compliance.pending, timeout=3000)
    finding = _findings(window, "VIEW_INTO_PRIVATE_SPACE")[0]
    assert finding.camera == camera.id and finding.zone == zone.id

    # 6. click it: the camera is selected and in view; apply the turn remedy with one click
    index = window.findings.index_of("VIEW_INTO_PRIVATE_SPACE")
    row = window.findings.row_of(index)
    tree = window.findings.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    assert window.scene.selected_ids() == [camera.id]
    assert window.view.mapToScene(window.view.viewport().rect()).boundingRect().contains(
        window.scene.item_for(camera.id).scenePos())
    turn = next(b for b in window.findings.remedy_buttons if b.property("remedy_kind") == "rotate")
    assert "Turn" in turn.text()
    qtbot.mouseClick(turn, Qt.MouseButton.LeftButton)
    turned = project.get(camera.id).heading_deg
    assert turned != 0
    qtbot.waitUntil(lambda: not _findings(window, "VIEW_INTO_PRIVATE_SPACE"), timeout=3000)
    assert not window.scene.coverage_item(camera.id).sees_private
    assert window.document.stack.undoText().startswith("Turn")

    # 7. undo brings the view into the restroom back
    window.acts.undo.trigger()
    assert project.get(camera.id).heading_deg == 0
    qtbot.waitUntil(lambda: bool(_findings(window, "VIEW_INTO_PRIVATE_SPACE")), timeout=3000)

    # 8. save, reopen: the same project
    assert window.isWindowModified()
    target = tmp_path / "restroom.vplan"
    dialogs.save_path = str(target)
    window.acts.save.trigger()
    assert target.exists() and not window.isWindowModified() and window.path == target
    before = snapshot(project)
    reopened = load_project(target)
    assert snapshot(reopened) == before
    window.files.open_path(target)
    assert window.project is not project and snapshot(window.project) == before
    assert isinstance(window.project.get(wall.id), Wall) and isinstance(window.project.get(zone.id), Zone)


def test_findings_follow_a_drag_before_the_release(qtbot, tmp_path: Path) -> None:
    """Dragging the corridor camera away from the doorway clears its finding while the button is still down."""
    from tests.venues import corridor_and_restroom

    window, _ = make_editor(qtbot, tmp_path, corridor_and_restroom(), centre=(5.0, 2.5))
    pointer = Pointer(window)
    window.compliance.refresh()
    assert _findings(window, "VIEW_INTO_PRIVATE_SPACE")
    pointer.move((0.5, 1.0))
    pointer.press((0.5, 1.0))
    for x in (2.0, 4.0, 6.0, 7.0):  # along the corridor, past the doorway: the WC is behind the camera
        pointer.move((x, 1.0))
        qtbot.wait(30)
    qtbot.waitUntil(lambda: not _findings(window, "VIEW_INTO_PRIVATE_SPACE"), timeout=2000)
    assert window.tools["select"].busy  # still dragging
    assert window.compliance._interacting and window.compliance.pending  # the full check waits for the release
    pointer.release((7.0, 1.0))
    qtbot.waitUntil(lambda: not window.compliance.pending, timeout=3000)
    assert not _findings(window, "VIEW_INTO_PRIVATE_SPACE")
    assert window.document.stack.count() == 1


def test_layers_hide_and_show(qtbot, tmp_path: Path) -> None:
    from tests.venues import corridor_and_restroom

    window, _ = make_editor(qtbot, tmp_path, corridor_and_restroom(), centre=(5.0, 2.5))
    scene = window.scene
    window.layers.boxes["coverage"].setChecked(False)
    assert not scene.coverage_item("c1").isVisible() and not window.acts.layers["coverage"].isChecked()
    window.acts.layers["walls"].setChecked(False)
    assert not scene.item_for("w_corr").isVisible() and not scene.item_for("d1").isVisible()
    assert not window.layers.boxes["walls"].isChecked()
    window.layers.boxes["density"].setChecked(True)
    assert scene.show_density()
    window.acts.layers["signs"].setChecked(False)
    assert not scene.item_for("s1").isVisible()
    # remembered for the next window
    again, _ = make_editor(qtbot, tmp_path, corridor_and_restroom())
    assert not again.scene.layer_visible("walls") and again.scene.layer_visible("density")
    assert not again.scene.item_for("w_corr").isVisible()
