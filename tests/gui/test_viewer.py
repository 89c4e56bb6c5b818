"""The plan window: scene as a projection of the model, level switching, findings, errors, zoom and pan."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from planner.io import save_project
from planner.model import Background, Camera, Level, Project, Wall, Zone
from planner.ui import qtgeom
from planner.ui.app import run
from planner.ui.items import CameraItem, OpeningItem, SignItem, WallItem, ZoneItem, label_box
from planner.ui.window import MainWindow, ui_language
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui


def _png(width: int = 100, height: int = 50) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 220, 240))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def two_level_project() -> Project:
    """The corridor-and-restroom venue (FR camera c1 in the corridor, c2 inside the WC) plus an upper level."""
    ground = corridor_and_restroom(fr=True).level("L1")
    # 100 x 50 px image covering x 0..10 m, y 0..5 m (pixel rows grow southward)
    ground.backgrounds.append(Background(source="backgrounds/ground.png", transform=(0.1, 0, 0, -0.1, 0, 5.0)))
    upper = Level(
        id="L2",
        name="First floor",
        elevation_m=4.0,
        zones=[Zone(id="z_office", name="Office", use="office", polygon=((0, 0), (6, 0), (6, 4), (0, 4)))],
        walls=[Wall(id="w_office", path=((0, 0), (6, 0), (6, 4), (0, 4), (0, 0)), material="glass")],
        cameras=[Camera(id="c3", name="Office", position=(1, 1), heading_deg=45)],
    )
    project = Project(venue=corridor_and_restroom().venue, levels=[ground, upper])
    project.files["backgrounds/ground.png"] = _png()
    return project


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "two-levels.vplan"
    save_project(two_level_project(), path)
    return path


@pytest.fixture
def window(qtbot, project_file: Path) -> MainWindow:
    win = MainWindow(language="en")
    qtbot.addWidget(win)
    errors: list[tuple[str, str]] = []
    win.show_error = lambda title, message: errors.append((title, message))  # type: ignore[method-assign]
    win.errors = errors  # type: ignore[attr-defined]
    assert win.open_path(project_file), errors
    win.show()
    qtbot.waitExposed(win)
    return win


def _level_ids(project: Project, level_id: str) -> set[str]:
    return {item.id for item in project.level(level_id).items()}


def test_opens_project_with_one_item_per_entity(window: MainWindow) -> None:
    project = window.project
    assert project is not None
    assert window.windowTitle() == "Test Hotel[*] — Venue Planner" and not window.isWindowModified()
    assert window.scene.level_id == "L1"
    items = window.scene.items_by_id
    assert set(items) == _level_ids(project, "L1")
    kinds = {"corr": ZoneItem, "wc": ZoneItem, "w_corr": WallItem, "d1": OpeningItem, "c1": CameraItem,
             "s1": SignItem}
    for entity_id, kind in kinds.items():
        assert isinstance(items[entity_id], kind)
        assert items[entity_id].scene() is window.scene
    assert len(window.scene.background_items) == 1
    assert not window.scene.background_items[0].pixmap().isNull()
    assert [window.level_combo.itemData(i) for i in range(window.level_combo.count())] == ["L1", "L2"]


def test_fit_to_view_shows_the_whole_level(window: MainWindow) -> None:
    window.view.scale(8, 8)
    window.acts.fit.trigger()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.plan_rect())


def test_switching_level_rebuilds_the_scene(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.scene.rebuilt):
        window.level_combo.setCurrentIndex(1)
    assert window.scene.level_id == "L2"
    assert set(window.scene.items_by_id) == {"z_office", "w_office", "c3"}
    assert window.scene.background_items == ()
    assert "1 zone ·" in window.summary_label.text()


def test_model_change_updates_item_without_rebuilding(qtbot, window: MainWindow) -> None:
    project = window.project
    assert project is not None
    item = window.scene.item_for("c1")
    assert isinstance(item, CameraItem)
    rebuilds: list[None] = []
    window.scene.rebuilt.connect(lambda: rebuilds.append(None))
    coverage = window.scene.coverage_item("c1")
    assert coverage is not None
    project.update("c1", position=(5.0, 1.0), heading_deg=0)  # looking north (up on screen), at the wall
    north = coverage.region.boundingRect()
    project.update("c1", position=(9.5, 1.0), heading_deg=270)  # west, along the corridor
    assert window.scene.item_for("c1") is item and window.scene.coverage_item("c1") is coverage
    assert rebuilds == []
    assert item.pos() == QPointF(9.5, -1.0) and coverage.pos() == QPointF(9.5, -1.0)
    west = coverage.region.boundingRect()
    assert north.height() < 1.2  # clipped by the corridor's north wall
    assert west.center().x() < -3 and west.width() > 8 and west.height() < 2.2  # along the corridor
    # insert and remove follow the model too
    project.insert("L1", Camera(id="c9", position=(8, 1)))
    assert isinstance(window.scene.item_for("c9"), CameraItem)
    project.remove("c9")
    assert window.scene.item_for("c9") is None
    project.insert("L2", Camera(id="c8", position=(2, 2)))  # another level: not drawn here
    assert window.scene.item_for("c8") is None
    assert rebuilds == []


def test_findings_dock_lists_findings_and_click_selects_camera(qtbot, window: MainWindow) -> None:
    project = window.project
    assert project is not None
    codes = [f.code for f in window.findings.findings]
    assert "DEVICE_IN_PRIVATE_SPACE" in codes
    assert window.findings.tree.topLevelItemCount() == len(codes)
    index = codes.index("DEVICE_IN_PRIVATE_SPACE")
    row = window.findings.row_of(index)
    assert row is not None
    from planner.ui.names import display_name

    assert row.text(1) == "DEVICE_IN_PRIVATE_SPACE"
    assert (row.text(2), row.text(3)) == (display_name(project.get("c2"), project),
                                          display_name(project.get("wc"), project))
    assert row.text(4) == window.findings.message(window.findings.findings[index])  # English UI, by names
    window.level_combo.setCurrentIndex(1)  # the camera is on L1: clicking switches back
    tree = window.findings.tree
    rect = tree.visualItemRect(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.scene.level_id == "L1"
    camera = window.scene.item_for("c2")
    assert camera is not None and camera.isSelected()
    assert [i for i in window.scene.selectedItems()] == [camera]
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert math.dist((centre.x(), centre.y()), (camera.scenePos().x(), camera.scenePos().y())) < 0.5


def test_findings_in_chinese(qtbot, project_file: Path) -> None:
    win = MainWindow(language="zh")
    qtbot.addWidget(win)
    assert win.open_path(project_file)
    finding = win.findings.findings[0]
    row = win.findings.row_of(0)
    assert row is not None and finding.camera is not None and win.project is not None
    from planner.ui.names import display_name

    name = display_name(win.project.get(finding.camera), win.project)
    assert name != finding.camera
    # the Chinese message, its camera called by its name
    assert row.text(4) == finding.message_zh.replace(f"摄像机 {finding.camera} ", f"摄像机 {name} ") != finding.message


def test_broken_file_shows_error_and_keeps_window_usable(window: MainWindow, tmp_path: Path) -> None:
    broken = tmp_path / "broken.vplan"
    broken.write_bytes(b"this is not a zip")
    before = dict(window.scene.items_by_id)
    title = window.windowTitle()
    assert window.open_path(broken) is False
    assert len(window.errors) == 1  # type: ignore[attr-defined]
    _title, message = window.errors[0]  # type: ignore[attr-defined]
    assert "broken.vplan" in message and "\n" not in message and "Traceback" not in message
    assert window.windowTitle() == title
    assert dict(window.scene.items_by_id) == before
    window.level_combo.setCurrentIndex(1)
    assert window.scene.level_id == "L2"


def test_open_action_uses_replaceable_dialog(qtbot, tmp_path: Path, project_file: Path) -> None:
    win = MainWindow(language="en")
    qtbot.addWidget(win)
    asked: list[bool] = []

    def ask() -> str:
        asked.append(True)
        return str(project_file)

    win.ask_open_path = ask  # type: ignore[method-assign]
    win.acts.open.trigger()
    assert asked and win.path == project_file
    assert "c1" in win.scene.items_by_id


def test_swapping_project_disconnects_old_one(window: MainWindow, project_file: Path) -> None:
    old = window.project
    assert old is not None
    assert window.open_path(project_file)
    assert window.project is not old
    assert old.changed._slots == []  # scene, checks, engine and window all let go of it
    old.update("c1", heading_deg=10)  # must not touch the new scene
    item = window.scene.item_for("c1")
    assert isinstance(item, CameraItem)
    assert window.project.get("c1").heading_deg == 90  # type: ignore[union-attr]


def test_y_axis_is_flipped_in_one_place() -> None:
    p = qtgeom.to_scene((3.5, 2.0))
    assert (p.x(), p.y()) == (3.5, -2.0)
    assert qtgeom.from_scene(p) == (3.5, 2.0)
    # north (heading 0) is up on screen, east (90) is right
    north, east = qtgeom.direction(0), qtgeom.direction(90)
    assert north.y() == pytest.approx(-1) and east.x() == pytest.approx(1)
    # a background pixel lands where the model transform says, through the same flip
    t = qtgeom.background_transform((0.1, 0, 0, -0.1, 0, 5.0))
    assert qtgeom.from_scene(t.map(QPointF(100, 50))) == pytest.approx((10.0, 0.0))
    assert t.map(QPointF(100, 50)) == qtgeom.to_scene((10.0, 0.0))


def test_background_is_aligned_with_the_plan(window: MainWindow) -> None:
    background = window.scene.background_items[0]
    rect = background.sceneBoundingRect()
    assert (rect.left(), rect.top(), rect.right(), rect.bottom()) == pytest.approx((0, -5, 10, 0))
    assert background.opacity() == pytest.approx(0.6)


def test_zone_label_fits_its_zone() -> None:
    box = label_box(((0, 0), (2, 0), (2, 12), (0, 12)))  # a tall corridor
    assert box is not None
    assert box.x == pytest.approx(1, abs=0.1) and box.width == pytest.approx(2, abs=0.01)
    assert box.height == pytest.approx(12, abs=0.01)


def test_private_zones_are_hatched(window: MainWindow) -> None:
    wc, corridor = window.scene.item_for("wc"), window.scene.item_for("corr")
    assert isinstance(wc, ZoneItem) and isinstance(corridor, ZoneItem)
    assert wc.private and not corridor.private
    assert wc.label.text == "WC"


def test_wheel_zooms_about_the_cursor_and_middle_drag_pans(qtbot, window: MainWindow) -> None:
    view = window.view
    viewport = view.viewport()
    cursor = QPoint(viewport.width() // 3, viewport.height() // 3)
    qtbot.mouseMove(viewport, cursor)
    before_point, before_scale = view.mapToScene(cursor), view.scale_factor()
    event = QWheelEvent(QPointF(cursor), QPointF(viewport.mapToGlobal(cursor)), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    assert view.scale_factor() == pytest.approx(before_scale * view.WHEEL_STEP**2)
    after_point = view.mapToScene(cursor)
    assert math.dist((before_point.x(), before_point.y()), (after_point.x(), after_point.y())) < 2 / view.scale_factor()
    # the status bar shows the cursor's plan position (y north)
    x, y = qtgeom.from_scene(after_point)
    assert f"{x:.2f}" in window.cursor_label.text() and f"{y:.2f}" in window.cursor_label.text()
    # middle-drag pans by the mouse movement
    start = view.mapToScene(viewport.rect().center())
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=cursor)
    qtbot.mouseMove(viewport, cursor + QPoint(40, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=cursor + QPoint(40, 0))
    moved = view.mapToScene(viewport.rect().center())
    assert start.x() - moved.x() == pytest.approx(40 / view.scale_factor(), rel=0.05)


def test_ui_language_follows_locale() -> None:
    assert ui_language(QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh"
    assert ui_language(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "en"


def test_run_help_exits_cleanly(capsys) -> None:
    assert run(["--help"]) == 0
    assert "planner open" in capsys.readouterr().out


@pytest.fixture
def hotel(qtbot) -> MainWindow:
    from planner.assets import sample_path

    path = sample_path("harbour-hotel")
    if not path.exists():
        pytest.skip("the bundled hotel sample is not built")
    win = MainWindow(language="en")
    qtbot.addWidget(win)
    assert win.open_path(path)
    return win


def test_hotel_background_lies_under_the_walls(hotel: MainWindow) -> None:
    """Every corner of an opaque wall lands on a dark pixel of the sample's rendered plan."""
    project = hotel.project
    assert project is not None
    for level in project.levels:
        background = level.backgrounds[0]
        image = QImage.fromData(project.files[background.source])
        to_pixels, invertible = qtgeom.background_transform(background.transform).inverted()
        assert invertible
        corners = [pt for wall in level.walls if wall.material == "opaque" for pt in wall.path]
        pixels = [to_pixels.map(qtgeom.to_scene(pt)) for pt in corners]
        dark = [image.pixelColor(int(p.x()), int(p.y())).lightness() < 100 for p in pixels]
        assert corners and all(dark), level.id


@pytest.mark.parametrize("scale", [6.0, 12.0, 20.0, 45.0, 120.0])
def test_device_labels_do_not_overlap(hotel: MainWindow, scale: float) -> None:
    scene = hotel.scene
    for level_id in ("L1", "L2"):
        hotel.set_level(level_id)
        scene.declutter(scale)
        devices = [item for item in scene.items_by_id.values() if isinstance(item, (CameraItem, SignItem))]
        placed = [item.label_rect(item.label.placement, scale) for item in devices if item.label.placement]
        if scale < CameraItem.LABEL_MIN_SCALE:
            assert placed == []
            continue
        assert placed, level_id
        zone_labels = [item.label.text_rect(scale) for item in scene.items_by_id.values()
                       if isinstance(item, ZoneItem)]
        symbols = [item.symbol_rect(scale) for item in devices]
        for i, rect in enumerate(placed):
            assert not any(rect.intersects(other) for other in placed[i + 1 :])
            assert not any(rect.intersects(other) for other in zone_labels + symbols)


def test_selected_device_is_always_labelled(window: MainWindow) -> None:
    window.scene.declutter(2.0)  # far out: ids hidden ...
    camera = window.scene.item_for("c2")
    assert isinstance(camera, CameraItem) and camera.label.placement is None
    window.scene.select_entity("c2")  # ... except the selected one
    assert camera.label.placement is not None
    assert camera.label.text == "Inside WC"


def test_findings_name_things_from_the_first_check_on(qtbot) -> None:
    """Straight after opening, the list names cameras and rooms as the plan does, not by their ids."""
    from planner.assets import sample_path
    from planner.ui.names import display_name

    win = MainWindow(language="en")
    qtbot.addWidget(win)
    assert win.open_path(sample_path("harbour-hotel"))
    project = win.project
    assert project is not None
    index = next(i for i, f in enumerate(win.findings.findings) if f.code == "DEVICE_IN_PRIVATE_SPACE")
    finding = win.findings.findings[index]
    row = win.findings.row_of(index)
    assert row is not None and finding.camera is not None and finding.zone is not None
    camera_name = display_name(project.get(finding.camera), project)
    assert camera_name != finding.camera
    assert row.text(2) == camera_name
    assert row.text(3) == display_name(project.get(finding.zone), project)


def test_long_remedies_scroll_instead_of_widening_the_window(qtbot) -> None:
    """A camera seen into four fitting rooms has long remedies: the window still fits a 1280 px screen."""
    from planner.assets import sample_path

    win = MainWindow(language="en")
    qtbot.addWidget(win)
    assert win.open_path(sample_path("mall-fitting"))
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    panel = win.findings
    index = max(range(len(panel.findings)), key=lambda i: sum(len(panel.message(panel.findings[i])) + len(
        str(r)) for r in panel.findings[i].remedies))
    row = panel.row_of(index)
    assert row is not None and panel.findings[index].remedies
    panel.tree.setCurrentItem(row)
    qtbot.waitUntil(lambda: panel.remedy_bar.isVisible(), timeout=3000)
    assert len(panel.remedy_buttons) == len(panel.findings[index].remedies)
    wanted = sum(b.sizeHint().width() for b in panel.remedy_buttons)
    assert wanted > 1280  # the remedies are wider than the screen ...
    assert win.minimumSizeHint().width() <= 1280 and win.width() <= 1280  # ... and the window is not
