"""Findings by name, with their remedies inline, previewed on the plan before they are applied."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from planner.rules import Finding
from planner.rules.remedies import Narrow, Rotate
from tests.gui.helpers import make_editor, snapshot
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot, tmp_path: Path):
    window, dialogs = make_editor(qtbot, tmp_path, corridor_and_restroom(), centre=(5.0, 2.5))
    window.compliance.refresh()
    return window, dialogs


def _row(window, code: str, camera: str):
    panel = window.findings
    return panel.row_of(panel.index_of(code, camera))


def test_findings_name_cameras_and_zones_never_by_id(editor) -> None:
    window, _ = editor
    row = _row(window, "VIEW_INTO_PRIVATE_SPACE", "c1")
    assert row.text(2) == "Corridor" and row.text(3) == "WC"
    assert "Corridor" in row.text(4) and " c1 " not in f" {row.text(4)} "
    device = _row(window, "DEVICE_IN_PRIVATE_SPACE", "c2")
    assert device.text(2) == "Inside WC" and "c2" not in device.text(4).split()


def test_every_finding_shows_its_remedies_inline_with_the_view_they_keep(editor) -> None:
    window, _ = editor
    panel = window.findings
    row = _row(window, "VIEW_INTO_PRIVATE_SPACE", "c1")
    finding = panel.current_finding() or panel.findings[panel.index_of("VIEW_INTO_PRIVATE_SPACE", "c1")]
    assert row.childCount() == len(finding.remedies) > 0 and row.isExpanded()
    from planner.ui.findings import remedy_text

    assert [row.child(i).text(4) for i in range(row.childCount())] == [
        "→ " + remedy_text(r, "en") for r in finding.remedies]
    for i, remedy in enumerate(finding.remedies):
        if remedy.coverage_kept is not None and remedy.kind != "remove":
            assert f"keeps {remedy.coverage_kept * 100:.0f}% of its view" in row.child(i).text(4)
    kept = Finding(code="VIEW_INTO_PRIVATE_SPACE", severity="error", message="Camera c1 sees the WC.",
                   level="L1", camera="c1", zone="wc",
                   remedies=[Rotate(heading_deg=146.0, turn_deg=56.0, direction="clockwise", coverage_kept=0.64)])
    panel.set_findings([kept])
    text = panel.row_of(0).child(0).text(4)
    assert "56° clockwise" in text and "keeps 64% of its view" in text


def test_pointing_at_a_remedy_previews_its_coverage_on_the_plan(editor, qtbot) -> None:
    window, _ = editor
    panel = window.findings
    row = _row(window, "VIEW_INTO_PRIVATE_SPACE", "c1")
    before = window.scene.coverage_item("c1").boundingRect()
    assert window.scene.ghost_items() == []
    panel.tree.itemEntered.emit(row.child(0), 4)  # the pointer on the first remedy
    ghost = window.scene.ghost_items()
    assert (ghost and ghost[0].path().boundingRect() != before) or len(ghost) >= 1
    assert window.project.get("c1").heading_deg == 90 and not window.project.get("c1").privacy_masks  # no change
    assert len(ghost) == 1  # after the remedy the camera sees nothing private: no red part
    QApplication.sendEvent(panel.tree.viewport(), QEvent(QEvent.Type.Leave))
    assert window.scene.ghost_items() == []


def test_applying_a_remedy_selects_and_frames_the_camera(editor) -> None:
    window, _ = editor
    panel = window.findings
    window.scene.clearSelection()
    window.view.zoom_by(0.2)
    row = _row(window, "VIEW_INTO_PRIVATE_SPACE", "c1")
    before = snapshot(window.project)
    panel.tree.itemActivated.emit(row.child(0), 4)
    assert snapshot(window.project) != before
    assert window.scene.selected_ids() == ["c1"]
    assert window.view.mapToScene(window.view.viewport().rect()).boundingRect().contains(
        window.scene.item_for("c1").scenePos())
    assert window.document.stack.count() == 1 and "Corridor" in window.document.stack.undoText()
    window.compliance.refresh()
    assert window.findings.index_of("VIEW_INTO_PRIVATE_SPACE", "c1") is None


def test_fix_all_applies_the_remedy_that_clears_every_finding_of_the_camera(editor) -> None:
    window, _ = editor
    panel = window.findings
    common = Narrow(hfov_deg=20.0, coverage_kept=0.3)
    findings = [Finding(code="VIEW_INTO_PRIVATE_SPACE", severity="error", message=f"Camera c1 sees {z}.", level="L1",
                        camera="c1", zone=z, remedies=[Rotate(heading_deg=h), common])
                for z, h in (("wc", 200.0), ("corr", 10.0))]
    panel.set_findings(findings)
    panel.tree.setCurrentItem(panel.row_of(0))
    assert panel.fix_all_button.isVisibleTo(panel) and "20°" in panel.fix_all_button.toolTip()
    panel.fix_all_button.click()
    assert window.project.get("c1").hfov_deg == 20.0 and window.document.stack.count() == 1
