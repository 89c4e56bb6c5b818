"""The properties dock: every field of the selection, each edit one undoable (merging) step; the lens calculator."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QPushButton

from planner.ui.lens import RESOLUTION_PRESETS, hfov_deg
from planner.ui.properties import format_masks, parse_masks
from tests.gui.helpers import make_editor, snapshot
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot, tmp_path: Path):
    window, _ = make_editor(qtbot, tmp_path, corridor_and_restroom(), centre=(5.0, 2.5))
    return window


def _widget(window, kind: str, cls, name: str):
    widget = window.properties.page(kind).findChild(cls, name)
    assert widget is not None, name
    return widget


def test_nothing_selected_shows_the_level(editor) -> None:
    window = editor
    assert window.properties.shown_kind() == "level"
    name = _widget(window, "level", QLineEdit, "name")
    name.setText("Lobby level")
    name.editingFinished.emit()
    assert window.project.level("L1").name == "Lobby level"
    assert window.level_combo.currentText() == "Lobby level"
    ceiling = _widget(window, "level", QDoubleSpinBox, "ceiling_height_m")
    ceiling.setValue(4.5)
    assert window.project.level("L1").ceiling_height_m == 4.5


def test_zone_use_is_a_translated_combo_and_one_step(editor) -> None:
    window = editor
    window.scene.select_ids(["corr"])
    uses = _widget(window, "zone", QComboBox, "use")
    assert uses.currentData() == "corridor" and uses.currentText() == "Corridor"
    assert uses.itemText(uses.findData("restroom")) == "Restroom (private)"
    uses.setCurrentIndex(uses.findData("lobby"))
    assert window.project.get("corr").use == "lobby"
    assert window.document.stack.undoText() == "Change use of zone Corridor"
    window.acts.undo.trigger()
    assert uses.currentData() == "corridor"  # the panel follows the model


def test_camera_fields_edit_and_consecutive_edits_of_one_field_merge(editor) -> None:
    window = editor
    project = window.project
    window.scene.select_ids(["c1"])
    assert window.properties.shown_kind() == "camera"
    heading = _widget(window, "camera", QDoubleSpinBox, "heading_deg")
    assert heading.value() == 90
    for value in (91, 92, 93):
        heading.setValue(value)
    assert project.get("c1").heading_deg == 93
    hfov = _widget(window, "camera", QDoubleSpinBox, "hfov_deg")
    hfov.setValue(70)
    tilt = _widget(window, "camera", QDoubleSpinBox, "tilt_deg")
    tilt.setValue(30)
    mount = _widget(window, "camera", QDoubleSpinBox, "mount_height_m")
    mount.setValue(3.2)
    fr = _widget(window, "camera", QCheckBox, "face_recognition")
    fr.setChecked(True)
    kind = _widget(window, "camera", QComboBox, "kind")
    kind.setCurrentIndex(kind.findData("ptz"))
    name = _widget(window, "camera", QLineEdit, "name")
    name.setText("Corridor west")
    name.editingFinished.emit()
    cam = project.get("c1")
    assert (cam.heading_deg, cam.hfov_deg, cam.tilt_deg, cam.mount_height_m, cam.face_recognition, cam.kind,
            cam.name) == (93, 70, 30, 3.2, True, "ptz", "Corridor west")
    stack = window.document.stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Aim camera Corridor", "Change field of view of camera Corridor", "Tilt camera Corridor",
        "Change mounting height of camera Corridor", "Switch face recognition of camera Corridor",
        "Change kind of camera Corridor", "Rename camera Corridor"]
    window.scene.select_ids(["c2"])
    window.scene.select_ids(["c1"])
    heading = _widget(window, "camera", QDoubleSpinBox, "heading_deg")
    heading.setValue(94)  # a new selection: a new step
    assert stack.count() == 8


def test_position_range_masks_and_resolution_presets(editor) -> None:
    window = editor
    project = window.project
    window.scene.select_ids(["c1"])
    page = window.properties.page("camera")
    xs = [page.findChild(QDoubleSpinBox, "position_x"), page.findChild(QDoubleSpinBox, "position_y")]
    xs[0].setValue(2.0)
    xs[1].setValue(1.5)
    assert project.get("c1").position == (2.0, 1.5)
    auto = _widget(window, "camera", QCheckBox, "range_auto")
    assert not auto.isChecked()  # range 12 m in the sample
    auto.setChecked(True)
    assert project.get("c1").range_m is None
    auto.setChecked(False)
    assert project.get("c1").range_m is not None and project.get("c1").range_m > 1
    masks = _widget(window, "camera", QLineEdit, "privacy_masks")
    masks.setText("-20..-5; 10..30")
    masks.editingFinished.emit()
    assert project.get("c1").privacy_masks == ((-20.0, -5.0), (10.0, 30.0))
    presets = _widget(window, "camera", QComboBox, "resolution_preset")
    presets.setCurrentIndex(presets.findText("4K (3840×2160)"))
    assert project.get("c1").resolution == RESOLUTION_PRESETS["4K (3840×2160)"]
    width = _widget(window, "camera", QDoubleSpinBox, "resolution_width")
    width.setValue(1000)
    assert project.get("c1").resolution == (1000, 2160) and presets.currentData() is None
    assert parse_masks(format_masks(project.get("c1").privacy_masks)) == [(-20.0, -5.0), (10.0, 30.0)]
    with pytest.raises(ValueError):
        parse_masks("20 to 30")


def test_lens_calculator_sets_the_field_of_view(editor) -> None:
    window = editor
    window.scene.select_ids(["c1"])
    panel = window.properties
    panel.sensor.setCurrentIndex(panel.sensor.findText('1/3" (4.8 mm)'))
    panel.focal.setValue(4.0)
    assert panel.lens_result.text() == "61.9°"
    panel.lens_apply.click()
    assert window.project.get("c1").hfov_deg == pytest.approx(round(hfov_deg(4.0, 4.8), 1))
    assert window.document.stack.undoText() == "Set lens of camera Corridor to 4 mm"
    assert panel.focal_for(window.project.get("c1")) == pytest.approx(4.0, abs=0.01)


def test_wall_opening_sign_pages(editor) -> None:
    window = editor
    project = window.project
    window.scene.select_ids(["w_wc"])
    _widget(window, "wall", QDoubleSpinBox, "thickness_m").setValue(0.25)
    material = _widget(window, "wall", QComboBox, "material")
    material.setCurrentIndex(material.findData("frosted"))
    assert project.get("w_wc").thickness_m == 0.25 and project.get("w_wc").material == "frosted"
    window.scene.select_ids(["d1"])
    _widget(window, "opening", QDoubleSpinBox, "segment").setValue(1.5)
    (x0, y0), (x1, y1) = project.get("d1").segment
    assert abs(x1 - x0) == pytest.approx(1.5) and y0 == y1 == 2.0 and (x0 + x1) / 2 == pytest.approx(2.45)
    kind = _widget(window, "opening", QComboBox, "kind")
    kind.setCurrentIndex(kind.findData("door"))
    assert project.get("d1").kind == "door"
    window.scene.select_ids(["s1"])
    _widget(window, "sign", QDoubleSpinBox, "facing_deg").setValue(180)
    size = _widget(window, "sign", QComboBox, "size")
    size.setCurrentIndex(size.findData("A2"))
    assert project.get("s1").facing_deg == 180 and project.get("s1").size == "A2"


def test_bad_values_are_refused_and_the_field_shows_the_model_again(editor) -> None:
    window = editor
    window.scene.select_ids(["c1"])
    before = snapshot(window.project)
    masks = _widget(window, "camera", QLineEdit, "privacy_masks")
    masks.setText("30..10")  # from must be below to
    masks.editingFinished.emit()
    assert snapshot(window.project) == before and window.document.stack.count() == 0
    assert masks.text() == ""


def test_several_selected_show_a_count(editor) -> None:
    window = editor
    window.scene.select_ids(["c1", "c2", "s1"])
    assert window.properties.title.text() == "3 items selected"
    assert window.properties.findChild(QPushButton) is not None
