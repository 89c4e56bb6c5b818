"""State the user can trust: clean documents, no wheel edits by accident, Ctrl+Z everywhere, refused input said."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QLabel, QLineEdit

from planner.ui.inputs import NumberField
from tests.gui.helpers import make_editor, snapshot
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot, tmp_path: Path):
    return make_editor(qtbot, tmp_path, corridor_and_restroom(), centre=(5.0, 2.5))


def _field(window, kind: str, name: str):
    widget = window.properties.page(kind).findChild(QDoubleSpinBox, name) or \
        window.properties.page(kind).findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def _message(window, kind: str, name: str) -> QLabel:
    return window.properties.page(kind).messages[name]


def _type(qtbot, widget, text: str) -> None:
    widget.setFocus()
    line = widget.lineEdit() if isinstance(widget, QDoubleSpinBox) else widget
    line.selectAll()
    qtbot.keyClicks(line, text)


def test_clean_after_import_then_new_and_open(qtbot, tmp_path: Path) -> None:
    fixtures = pytest.importorskip("tests.unit.import_fixtures")
    pytest.importorskip("planner.importers")
    dxf = fixtures.hotel_floor_dxf(tmp_path / "floor.dxf")
    window, dialogs = make_editor(qtbot, tmp_path)
    dialogs.open_path = str(dxf)
    window.acts.import_plan.trigger()
    assert window.project.levels[0].zones and window.path is None
    assert not window.isWindowModified() and "imported from floor.dxf" in window.windowTitle()
    window.acts.new.trigger()
    assert not window.isWindowModified() and "imported" not in window.windowTitle()
    assert ("save_changes", "Untitled") not in dialogs.asked
    saved = tmp_path / "plan.vplan"
    from planner.io import save_project

    save_project(corridor_and_restroom(), saved)
    dialogs.open_path = str(saved)
    window.acts.open.trigger()
    assert window.path == saved and not window.isWindowModified()
    assert not [a for a in dialogs.asked if a[0] == "save_changes"]


def test_an_empty_document_is_dropped_without_save_as(qtbot, tmp_path: Path) -> None:
    window, dialogs = make_editor(qtbot, tmp_path)
    dialogs.save_changes = "save"  # what Return would answer
    window.document.stack.resetClean()  # modified, but nothing in it
    assert window.document.modified
    window.acts.new.trigger()
    assert not [a for a in dialogs.asked if a[0] in ("save_changes", "save")]


def test_wheel_over_unfocused_fields_changes_nothing_and_scrolls(editor, qtbot) -> None:
    window, _ = editor
    window.scene.select_ids(["c1"])
    window.properties.resize(300, 250)
    window.properties.widget().resize(300, 250)
    qtbot.wait(10)
    before = snapshot(window.project)
    steps = window.document.stack.count()
    heading = _field(window, "camera", "heading_deg")
    assert heading.focusPolicy() == Qt.FocusPolicy.StrongFocus
    for _ in range(3):
        where = QPointF(heading.width() / 2, heading.height() / 2)
        event = QWheelEvent(where, QPointF(heading.mapToGlobal(where.toPoint())), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(heading, event)
        assert not event.isAccepted()  # left to the parent: a real wheel event scrolls the panel
    assert snapshot(window.project) == before and window.document.stack.count() == steps
    heading.setFocus()
    QApplication.sendEvent(heading, QWheelEvent(where, QPointF(heading.mapToGlobal(where.toPoint())), QPoint(0, 0),
                                                QPoint(0, 120), Qt.MouseButton.NoButton,
                                                Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
    assert snapshot(window.project) != before  # with the focus, the wheel steps the value


def test_ctrl_z_from_a_focused_field_commits_then_undoes(editor, qtbot) -> None:
    window, _ = editor
    window.scene.select_ids(["c1"])
    name = _field(window, "camera", "name")
    _type(qtbot, name, "Front door")
    assert window.project.get("c1").name != "Front door"  # still typing
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.get("c1").name != "Front door"  # committed, then undone
    assert window.document.stack.canRedo() and window.document.stack.redoText().startswith("Rename")
    assert name.text() == window.project.get("c1").name  # the field shows the model again
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.project.get("c1").name == "Front door"
    mount = _field(window, "camera", "mount_height_m")
    _type(qtbot, mount, "3.5")
    qtbot.keyClick(mount.lineEdit(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.get("c1").mount_height_m != 3.5 and window.document.stack.canRedo()


@pytest.mark.parametrize(("field", "text", "says"), [
    ("mount_height_m", "99999", "out of range"),
    ("heading_deg", "400", "out of range"),
    ("mount_height_m", "-5", "out of range"),
    ("hfov_deg", "abc", "not a number"),
])
def test_out_of_range_input_is_refused_with_a_message_at_the_field(editor, qtbot, field, text, says) -> None:
    window, _ = editor
    window.scene.select_ids(["c1"])
    before = snapshot(window.project)
    box = _field(window, "camera", field)
    assert isinstance(box, NumberField)
    _type(qtbot, box, text)
    assert box.lineEdit().text().startswith(text)  # every keystroke was taken, nothing dropped
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert snapshot(window.project) == before  # not clamped, not applied
    message = _message(window, "camera", field)
    assert message.isVisibleTo(window.properties) and says in message.text() and text.lstrip("-") in message.text()
    assert says in window.statusBar().currentMessage()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "3")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert getattr(window.project.get("c1"), field) == 3.0 and not message.isVisibleTo(window.properties)


def test_undo_shortcut_in_a_dialog_stays_the_dialogs(editor) -> None:
    window, _ = editor
    outside = QLineEdit()
    outside.show()
    outside.setText("abc")
    steps = window.document.stack.index()
    QApplication.sendEvent(outside, QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Z,
                                              Qt.KeyboardModifier.ControlModifier))
    assert window.document.stack.index() == steps
    outside.close()
