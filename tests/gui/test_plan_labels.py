"""The editor shows room labels that lie in no zone, and the check's findings about them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from planner.model import Camera
from planner.ui import qtgeom
from planner.ui.items import PlanLabelItem
from tests.gui.helpers import make_editor
from tests.unit.test_unzoned_labels import open_room

pytestmark = pytest.mark.gui


def test_labels_in_no_zone_are_drawn_read_only_and_their_finding_focuses_them(qtbot, tmp_path: Path) -> None:
    project = open_room(Camera(id="c3", position=(8.0, 3.5), heading_deg=270, range_m=10))
    window, _ = make_editor(qtbot, tmp_path, project, centre=(5, 3))
    items = window.scene.items_by_id
    restrooms, store = items["lb1"], items["lb2"]
    assert isinstance(restrooms, PlanLabelItem) and isinstance(store, PlanLabelItem)
    assert restrooms.scenePos() == qtgeom.to_scene((3.0, 3.5))
    assert restrooms.caption.text == "Restrooms" and restrooms.caption.placement is not None
    assert not restrooms.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    assert restrooms.acceptedMouseButtons() == Qt.MouseButton.NoButton
    assert "private" in restrooms.toolTip() and "private" not in store.toolTip()
    # the labels go with the zones layer
    window.scene.set_layer_visible("zones", False)
    assert not restrooms.isVisible()
    window.scene.set_layer_visible("zones", True)
    # selecting everything leaves them out (nothing to edit, copy or delete by accident)
    window.scene.select_ids(list(items))
    assert "lb1" not in window.scene.selected_ids()
    window.scene.clearSelection()
    # the full check's finding is listed, and focusing it selects the camera and shows the label
    window.compliance.refresh()
    (found,) = [f for f in window.findings.findings if f.code == "PRIVATE_LABEL_IN_VIEW"]
    assert found.camera == "c3" and found.severity == "error"
    window.focus_finding(found)
    assert window.scene.selected_ids() == ["c3"]
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(restrooms.scenePos())
    # moving the camera away: the error goes after the full check, the warning comes back
    project.update("c3", heading_deg=90)
    qtbot.waitUntil(lambda: not window.compliance.pending, timeout=5000)
    window.compliance.refresh()
    assert [f.code for f in window.findings.findings if f.code.startswith("PRIVATE_LABEL")] == \
        ["PRIVATE_LABEL_UNZONED"]


def test_over_a_background_only_the_private_labels_are_drawn(qtbot, tmp_path: Path) -> None:
    """The background shows the plan's own text: drawing every label again would double it."""
    from planner.model import Background
    from tests.gui.test_viewer import _png

    project = open_room()
    project.files["backgrounds/plan.png"] = _png()
    project.levels[0].backgrounds.append(Background(source="backgrounds/plan.png", transform=(0.1, 0, 0, -0.1, 0, 5)))
    window, _ = make_editor(qtbot, tmp_path, project, centre=(5, 3))
    restrooms, store = window.scene.items_by_id["lb1"], window.scene.items_by_id["lb2"]
    assert restrooms.shown and restrooms.caption.text == "Restrooms"
    assert not store.shown and store.caption.text == ""
