"""The import review rescues a bad import: the drawing with what was found, layer choices, import again."""

from __future__ import annotations

from pathlib import Path

from planner.importers import import_plan
from planner.ui.import_review import ImportReviewDialog
from tests.unit.import_fixtures import office_floor_dxf


def test_review_shows_the_drawing_and_reruns_with_layer_choices(qtbot, tmp_path: Path) -> None:
    path = office_floor_dxf(tmp_path / "office.dxf")
    calls: list[dict] = []

    def reimport(options: dict):
        calls.append(options)
        return import_plan(path, **options)

    first = import_plan(path)
    dialog = ImportReviewDialog(first.review, result=first, reimport=reimport)
    qtbot.addWidget(dialog)
    assert dialog.preview is not None
    assert dialog.preview.counts == {"zones": 4, "walls": 15, "openings": 4}
    assert len(dialog.preview.scene().items()) >= 4 + 15 + 4 + 1  # zones, walls, openings and the background
    assert set(dialog.layer_roles) >= {"WALL", "DOOR_FIRE", "PUB_TEXT", "家具"}
    assert "4 zones, 15 walls, 4 doors and windows" in dialog.found.text()
    # the user says the door layer is to be ignored, and the walls are on WALL only
    roles = dialog.layer_roles
    roles["DOOR_FIRE"].setCurrentIndex(roles["DOOR_FIRE"].findData("ignore"))
    roles["WALL"].setCurrentIndex(roles["WALL"].findData("walls"))
    dialog.rerun.click()
    assert calls == [{"ignore_layers": ["DOOR_FIRE"], "wall_layers": ["WALL"]}]
    assert dialog.import_result is not first
    assert dialog.preview.counts["openings"] == 2  # the office door block and the window are left
    assert dialog.preview.counts["walls"] == 11  # the COLUMN layer is no longer read as walls
    assert dialog.table.rowCount() == len(dialog.import_result.review)
    assert dialog.layer_roles["DOOR_FIRE"].currentData() == "ignore"  # the choices stay
    assert dialog.uses()[dialog.entries[0].zone] == dialog.entries[0].suggested_use


def test_review_without_the_import_is_the_zone_table(qtbot, tmp_path: Path) -> None:
    result = import_plan(office_floor_dxf(tmp_path / "office.dxf"), render=False)
    dialog = ImportReviewDialog(result.review)
    qtbot.addWidget(dialog)
    assert dialog.preview is None and dialog.table.rowCount() == 4


def test_the_editor_imports_a_drawing_through_the_review_and_keeps_the_rerun(qtbot, tmp_path: Path) -> None:
    from tests.gui.helpers import make_editor

    window, dialogs = make_editor(qtbot, tmp_path)
    path = office_floor_dxf(tmp_path / "office.dxf")
    rerun = {}

    real = dialogs.review_import

    def review(parent, entries, **kw):
        assert kw["result"] is not None and kw["reimport"] is not None  # a drawing: layers and rerun on offer
        again = kw["reimport"]({"ignore_layers": ["DOOR_FIRE"], "wall_layers": ["WALL"]})
        rerun["result"] = again
        uses, _ = real(parent, again.review, private_uses=kw["private_uses"], result=again)
        return uses, again

    dialogs.review_import = review
    assert window.files.import_plan(path)
    openings = sum(len(level.openings) for level in window.project.levels)
    assert window.project is rerun["result"].project and openings == 2  # the project of the import run again
