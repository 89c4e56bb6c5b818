"""The editor shows what the checks say about imperfect plans: stray openings, self-closing doors, necessity."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QPlainTextEdit

from planner.ui.venue_dialog import VenueDialog
from tests.gui.helpers import make_editor
from tests.venues import hotel_corridor, toilet_off_corridor

pytestmark = pytest.mark.gui


def _codes(window, code):
    return [f for f in window.findings.findings if f.code == code]


def test_stray_door_is_listed_and_clicking_it_selects_the_door(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path, toilet_off_corridor(door_offset=0.4), centre=(5, 2))
    window.compliance.refresh()
    found = _codes(window, "OPENING_NOT_ON_WALL")
    assert len(found) == 1 and found[0].details["opening"] == "d1"
    index = window.findings.findings.index(found[0])
    row = window.findings.row_of(index)
    assert "d1" in row.text(4)
    tree = window.findings.tree
    tree.scrollToItem(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    assert window.scene.selected_ids() == ["d1"]
    assert window.properties.shown_kind() == "opening"


def test_door_self_closing_checkbox_is_one_undoable_step(qtbot, tmp_path: Path) -> None:
    project = hotel_corridor()
    project.update("door101", self_closing=False)
    window, _ = make_editor(qtbot, tmp_path, project, centre=(6, 2))
    window.compliance.refresh()
    assert {f.zone for f in _codes(window, "VIEW_INTO_PRIVATE_SPACE")} == {"r101"}
    window.scene.select_ids(["door101"])
    box = window.properties.page("opening").findChild(QCheckBox, "self_closing")
    assert box is not None and box.isEnabled() and not box.isChecked()
    box.setChecked(True)
    assert project.get("door101").self_closing is True
    assert window.document.stack.undoText().startswith("Switch self-closing of door ")
    window.compliance.refresh()
    assert not _codes(window, "VIEW_INTO_PRIVATE_SPACE")
    assert {f.zone for f in _codes(window, "VIEW_WHEN_DOOR_OPEN")} == {"r101", "r102"}
    window.acts.undo.trigger()
    assert project.get("door101").self_closing is False and not box.isChecked()
    window.scene.select_ids(["lift_way"])
    assert not box.isEnabled()  # a doorway has no leaf to close


def test_zone_ceiling_is_edited_in_the_zone_properties(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path, hotel_corridor(), centre=(6, 2))
    window.scene.select_ids(["corr"])
    spin = window.properties.page("zone").findChild(QDoubleSpinBox, "ceiling_height_m")
    assert spin.value() == 0.0 and spin.specialValueText() == "as the level"
    spin.setValue(2.5)
    assert window.project.get("corr").ceiling_height_m == 2.5
    window.compliance.refresh()
    assert [f.camera for f in _codes(window, "CAMERA_ABOVE_CEILING")] == ["cam"]
    spin.setValue(0.0)
    assert window.project.get("corr").ceiling_height_m is None


def test_venue_dialog_edits_the_necessity(qtbot) -> None:
    project = hotel_corridor()
    dialog = VenueDialog(project.venue, focus="necessity")
    qtbot.addWidget(dialog)
    edit = dialog.editors["necessity"]
    assert isinstance(edit, QPlainTextEdit) and edit.toPlainText() == project.venue.necessity
    edit.setPlainText("Public safety at the entrance")
    assert dialog.changes() == {"necessity": "Public safety at the entrance"}
