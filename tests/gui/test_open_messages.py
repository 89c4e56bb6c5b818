"""Opening a drawing, an image or a PDF as a project says what the file is and how to import it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.helpers import make_editor
from tests.unit.import_fixtures import hotel_floor_dxf, plan_pdf, plan_png
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui


def test_opening_a_plan_says_to_import_it_and_keeps_the_project(qtbot, tmp_path: Path) -> None:
    window, dialogs = make_editor(qtbot, tmp_path, corridor_and_restroom())
    project = window.project
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png())
    pdf = tmp_path / "plan.vplan"  # a PDF under a project's name
    pdf.write_bytes(plan_pdf())
    dxf = hotel_floor_dxf(tmp_path / "floor.dxf")
    for path, said in ((png, "is a PNG image"), (pdf, "is a PDF document"), (dxf, "is a DXF drawing")):
        assert not window.open_path(path)
        assert window.project is project
        _title, message = dialogs.errors[-1]
        assert message.startswith(f"{path}: {said}, not a Venue Planner project: import it first")
        assert "Import Plan" in message and "JSON" not in message and "\n" not in message
