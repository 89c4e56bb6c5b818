"""Undo and redo: every edit is one named step, the modified flag follows the stack, drags merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from planner.model import AddItem, Camera, Move, SetProperty
from planner.rules import Finding
from planner.rules.remedies import Remedy, RemedyError, Rotate
from planner.ui.undo import UndoCommand
from tests.gui.helpers import make_editor, snapshot
from tests.venues import corridor_and_restroom, fr_lobby

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot, tmp_path: Path):
    return make_editor(qtbot, tmp_path, corridor_and_restroom(fr=True), centre=(5.0, 2.5))


def _undo_all_and_back(window, before, after) -> None:
    stack = window.document.stack
    while stack.canUndo():
        window.acts.undo.trigger()
    assert snapshot(window.project) == before
    while stack.canRedo():
        window.acts.redo.trigger()
    assert snapshot(window.project) == after


def test_standard_shortcuts_and_modified_flag(editor) -> None:
    window, _ = editor
    assert window.acts.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence(QKeySequence.StandardKey.Redo) in window.acts.redo.shortcuts()
    assert window.acts.save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.acts.copy.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert window.acts.paste.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste)
    assert not window.isWindowModified() and not window.acts.undo.isEnabled()
    window.push(SetProperty("c1", {"heading_deg": 30}), text="Aim camera c1")
    assert window.isWindowModified() and window.acts.undo.text().endswith("Aim camera c1")
    window.acts.undo.trigger()
    assert not window.isWindowModified()  # back where the file was: clean again
    window.acts.redo.trigger()
    assert window.isWindowModified()
    assert window.history_view.stack() is window.document.stack


def test_merging_needs_the_same_gesture(editor) -> None:
    window, _ = editor
    project = window.project
    drag = window.new_gesture()
    for _ in range(5):
        window.push(Move(["c1"], 0.5, 0.0, merge=True), text="Move camera c1", gesture=drag)
    assert window.document.stack.count() == 1 and project.get("c1").position == (3.0, 1.0)
    again = window.new_gesture()
    window.push(Move(["c1"], 0.5, 0.0, merge=True), text="Move camera c1", gesture=again)
    assert window.document.stack.count() == 2
    window.acts.undo.trigger()
    window.acts.undo.trigger()
    assert project.get("c1").position == (0.5, 1.0)


def test_a_drag_back_to_the_start_leaves_no_step(editor) -> None:
    window, _ = editor
    drag = window.new_gesture()
    window.push(Move(["c1"], 1.0, 0.0, merge=True), gesture=drag)
    window.push(Move(["c1"], -1.0, 0.0, merge=True), gesture=drag)
    assert window.document.stack.count() == 0 and not window.isWindowModified()


def test_refused_command_is_not_recorded(editor) -> None:
    window, _ = editor
    assert not window.push(SetProperty("c1", {"hfov_deg": -5}))
    assert not window.push(AddItem("L1", Camera(id="c1", position=(0, 0))))  # duplicate id
    assert window.document.stack.count() == 0
    assert "Not done" in window.statusBar().currentMessage()


def test_undo_adapter_skips_the_first_redo_only() -> None:
    project = corridor_and_restroom()
    command = SetProperty("c1", {"tilt_deg": 40})
    command.apply(project)
    wrapped = UndoCommand(project, command, applied=True)
    wrapped.redo()
    wrapped.undo()
    assert project.get("c1").tilt_deg == 15
    wrapped.redo()
    assert project.get("c1").tilt_deg == 40
    assert wrapped.id() == -1


def _finding(project, camera: str, code: str = "VIEW_INTO_PRIVATE_SPACE") -> Finding:
    return Finding(code=code, severity="error", message="", level="L1", camera=camera, zone="wc")


@pytest.mark.parametrize(
    ("remedy", "check"),
    [
        ({"kind": "rotate", "heading_deg": 112.0, "turn_deg": 22.0}, lambda p: p.get("c1").heading_deg == 112.0),
        ({"kind": "narrow", "hfov_deg": 12.5}, lambda p: p.get("c1").hfov_deg == 12.5),
        ({"kind": "shorten", "range_m": 1.5}, lambda p: p.get("c1").range_m == 1.5),
        ({"kind": "privacy_mask", "from_deg": -30.0, "to_deg": -10.0, "columns": [100, 500],
          "masks": [{"from_deg": -30.0, "to_deg": -10.0, "columns": [100, 500]}]},
         lambda p: p.get("c1").privacy_masks == ((-30.0, -10.0),)),
        ({"kind": "move", "position": [6.0, 1.0]}, lambda p: p.get("c1").position == (6.0, 1.0)),
        ({"kind": "remove"}, lambda p: "c1" not in p),
        ({"kind": "add_sign", "sign": {"kind": "fr_notice", "position": [2.4, 1.6], "facing_deg": 0,
                                       "mount_height_m": 1.6, "size": "A4"}},
         lambda p: p.get("s2").kind == "fr_notice" and p.get("s2").size == "A4"),
    ],
)
def test_each_remedy_is_one_undoable_step(editor, remedy, check) -> None:
    window, _ = editor
    project = window.project
    before = snapshot(project)
    assert window.edits.apply_remedy(_finding(project, "c1"), Remedy.from_json(remedy))
    assert check(project)
    assert window.document.stack.count() == 1
    after = snapshot(project)
    _undo_all_and_back(window, before, after)


def test_fill_in_remedy_opens_the_venue_dialog_at_the_field(editor) -> None:
    window, dialogs = editor
    project = window.project
    dialogs.venue_changes = {"rights": "Write to privacy@example.com"}
    finding = Finding(code="NOTICE_INCOMPLETE", severity="error", message="")
    assert window.edits.apply_remedy(finding, Remedy.from_json({"kind": "fill_venue_field", "field": "rights"}))
    assert ("venue", "rights") in dialogs.asked and project.venue.rights == "Write to privacy@example.com"
    window.acts.undo.trigger()
    assert project.venue.rights == corridor_and_restroom().venue.rights


def test_remedy_of_a_vanished_camera_says_so(editor) -> None:
    window, _ = editor
    with pytest.raises(RemedyError):
        Rotate(heading_deg=1).command(window.project, _finding(window.project, "nope"))
    assert not window.edits.apply_remedy(_finding(window.project, "nope"), Rotate(heading_deg=1))


def test_add_suggested_signs_places_every_missing_sign_in_one_step(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path, fr_lobby(sign=False), centre=(10, 3))
    project = window.project
    window.compliance.refresh()
    missing = [f for f in window.compliance.findings if f.code == "SIGN_MISSING"]
    assert missing and window.findings.add_signs_button.isEnabled()
    before = snapshot(project)
    window.findings.add_signs_button.click()
    assert len(project.level("L1").signs) == len(missing)
    assert window.document.stack.count() == 1 and "suggested signs" in window.document.stack.undoText()
    window.compliance.refresh()
    assert not [f for f in window.compliance.findings if f.code == "SIGN_MISSING"]
    assert not window.findings.add_signs_button.isEnabled()
    window.acts.undo.trigger()
    assert snapshot(project) == before


def test_levels_are_added_and_removed_as_steps(editor) -> None:
    window, dialogs = editor
    project = window.project
    before = snapshot(project)
    dialogs.text = "Mezzanine"
    window.acts.add_level.trigger()
    assert [lv.name for lv in project.levels] == ["Ground", "Mezzanine"]
    assert window.scene.level_id == "L2" and window.level_combo.count() == 2
    window.acts.remove_level.trigger()
    assert [lv.id for lv in project.levels] == ["L1"] and window.scene.level_id == "L1"
    window.acts.remove_level.trigger()  # the last level stays
    assert [lv.id for lv in project.levels] == ["L1"]
    window.acts.undo.trigger()
    window.acts.undo.trigger()
    assert snapshot(project) == before and window.level_combo.count() == 1


def test_venue_dialog_changes_are_one_step(editor) -> None:
    window, dialogs = editor
    project = window.project
    dialogs.venue_changes = {"operator": "New Operator", "security_measures": ("encryption", "access_control"),
                             "expected_enrolled_people": 200000}
    window.acts.venue.trigger()
    assert project.venue.operator == "New Operator" and project.venue.expected_enrolled_people == 200000
    assert window.document.stack.count() == 1
    window.acts.undo.trigger()
    assert project.venue.operator == "Test Hotel Co."
    dialogs.venue_changes = None  # cancelled
    window.acts.venue.trigger()
    assert window.document.stack.count() == 1 and not window.document.stack.canUndo()


def test_a_drag_applies_live_and_records_one_step_on_release(editor) -> None:
    from tests.gui.helpers import Pointer

    window, _ = editor
    project = window.project
    stack = window.document.stack
    pointer = Pointer(window)
    pointer.move((0.5, 1.0))
    pointer.press((0.5, 1.0))
    seen = []
    for x in (1.0, 1.5, 2.0, 2.5):
        pointer.move((x, 1.0))
        seen.append((project.get("c1").position[0], stack.count()))
    assert [count for _, count in seen] == [0, 0, 0, 0]  # the model follows, the stack waits
    assert seen[-1][0] > 2.0 and window.scene.item_for("c1").scenePos().x() > 2.0
    pointer.release((2.5, 1.0))
    assert stack.count() == 1 and stack.undoText() == "Move camera Corridor"
    window.acts.undo.trigger()
    assert project.get("c1").position == (0.5, 1.0)


def test_escape_during_a_drag_restores_the_start_and_leaves_nothing_to_redo(editor) -> None:
    from PySide6.QtCore import Qt

    from tests.gui.helpers import Pointer

    window, _ = editor
    before = snapshot(window.project)
    pointer = Pointer(window)
    window.scene.select_ids(["c1"])
    handles = window.tools["select"].handles(window.view.scale_factor())
    pointer.move(handles["heading"])
    pointer.press(handles["heading"])
    pointer.move((0.5, 3.0))
    assert window.project.get("c1").heading_deg != 90
    pointer.key(Qt.Key.Key_Escape)
    assert snapshot(window.project) == before
    assert not window.document.stack.canRedo() and window.document.stack.count() == 0
    pointer.release((0.5, 3.0))
    assert window.document.stack.count() == 0


def test_merge_ids_are_one_constant_per_command_class() -> None:
    from planner.model.commands import SetBackgrounds

    assert len({SetProperty.MERGE_ID, Move.MERGE_ID, SetBackgrounds.MERGE_ID}) == 3
    a = UndoCommand(None, SetProperty("c1", {"heading_deg": 1}, merge=True), gesture=1)  # type: ignore[arg-type]
    b = UndoCommand(None, SetProperty("c2", {"heading_deg": 1}, merge=True), gesture=1)  # type: ignore[arg-type]
    assert a.id() == b.id() == SetProperty.MERGE_ID
    assert not a.mergeWith(b)  # same class, another camera: two steps
