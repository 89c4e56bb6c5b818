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


def two_floor_dxf(path: Path) -> Path:
    """Two office floors side by side with their names under them; the second has its meeting room where the
    first has an office, and one more wall: a 4 m wall 1 m east of the building."""
    from tests.unit.import_fixtures import SECOND_FLOOR_NAMES, _office_doc, _office_floor

    doc = _office_doc()
    _office_floor(doc, 0.0, "一层平面图")
    _office_floor(doc, 20.0, "二层平面图", names=SECOND_FLOOR_NAMES)
    k = 1000.0
    doc.modelspace().add_lwpolyline([(33.0 * k, 1.0 * k), (33.2 * k, 1.0 * k), (33.2 * k, 5.0 * k),
                                     (33.0 * k, 5.0 * k)], close=True, dxfattribs={"layer": "WALL"})
    doc.saveas(path)
    return path


def _scene_shapes(dialog: ImportReviewDialog) -> tuple[list, list]:
    """The zone outlines and wall paths drawn in the preview, in plan metres (y up)."""
    from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsPolygonItem

    items = dialog.preview.scene().items()
    zones = [sorted((round(p.x(), 2), round(-p.y(), 2)) for p in item.polygon())
             for item in items if isinstance(item, QGraphicsPolygonItem)]
    walls = []
    for item in items:
        if isinstance(item, QGraphicsPathItem):
            path = item.path()
            walls.append([(round(path.elementAt(i).x, 2), round(-path.elementAt(i).y, 2))
                          for i in range(path.elementCount())])
    return zones, walls


def test_every_level_of_a_multi_floor_import_can_be_shown(qtbot, tmp_path: Path) -> None:
    """The preview shows the level chosen above it (or the level of the zone row picked), with that level's
    walls, rooms and doors; importing again with other layers keeps that level in view."""
    path = two_floor_dxf(tmp_path / "two.dxf")
    first = import_plan(path)
    l1, l2 = first.project.levels
    assert len(l2.walls) == len(l1.walls) + 1  # the fixture's floors differ, so the preview can tell them apart
    dialog = ImportReviewDialog(first.review, result=first, reimport=lambda options: import_plan(path, **options))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.level_choice.count() == 2 and dialog.level_choice.isEnabled()
    assert dialog.preview.level_id == "L1"
    zones, walls = _scene_shapes(dialog)
    assert [(13.1, 1.0), (13.1, 5.0)] not in walls and len(walls) == len(l1.walls)

    dialog.level_choice.setCurrentIndex(1)  # the user picks the second floor
    assert dialog.preview.level_id == "L2" and "二层平面图" in dialog.level_choice.currentText()
    assert dialog.preview.counts == {"zones": len(l2.zones), "walls": len(l2.walls), "openings": len(l2.openings)}
    zones, walls = _scene_shapes(dialog)
    assert [(13.1, 1.0), (13.1, 5.0)] in walls and len(walls) == len(l2.walls)
    assert sorted(zones) == sorted(sorted((round(x, 2), round(y, 2)) for x, y in z.polygon) for z in l2.zones)
    meeting = next(z for z in l2.zones if z.use == "meeting_room")
    assert sorted((round(x, 2), round(y, 2)) for x, y in meeting.polygon) in zones

    # a zone row of the first floor brings it back
    row = next(i for i, e in enumerate(dialog.entries) if e.level == "L1")
    dialog.table.setCurrentCell(row, 1)
    assert dialog.preview.level_id == "L1" and dialog.level_choice.currentIndex() == 0
    dialog.level_choice.setCurrentIndex(1)

    # import again without the toilets' door layer: the second floor stays shown, with its new doors
    roles = dialog.layer_roles
    roles["DOOR_FIRE"].setCurrentIndex(roles["DOOR_FIRE"].findData("ignore"))
    dialog.rerun.click()
    again = dialog.import_result.project.levels[1]
    assert dialog.preview.level_id == "L2" and dialog.level_choice.currentIndex() == 1
    assert dialog.preview.counts["openings"] == len(again.openings) < len(l2.openings)
    assert [(13.1, 1.0), (13.1, 5.0)] in _scene_shapes(dialog)[1]
    dialog.grab().save(str(tmp_path / "review-L2.png"))


def test_a_single_level_import_has_nothing_to_choose(qtbot, tmp_path: Path) -> None:
    result = import_plan(office_floor_dxf(tmp_path / "office.dxf"), render=False)
    dialog = ImportReviewDialog(result.review, result=result)
    qtbot.addWidget(dialog)
    assert dialog.level_choice.count() == 1 and not dialog.level_choice.isEnabled()
    assert dialog.preview.level_id == "L1"
