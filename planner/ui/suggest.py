"""Tools ▸ Suggest Cameras: a proposed layout shown as ghosts, accepted in whole or in part as one undoable step.

:class:`SuggestCameras` runs :func:`planner.layout.plan_level` on a copy of
the project in a worker thread, for the shown level or for the selected zones
only, keeping the cameras already placed. The proposal appears on the plan as
dashed ghosts with their coverage, and :class:`SuggestPanel` lists what each
zone requires and what the proposal meets, with a check box per camera. Accept
places the checked cameras and the signs the checks then ask for, as one step
on the undo stack. :func:`install_layout_actions` adds the menu entries
(Suggest Cameras, and the blind-spot layer of :mod:`planner.ui.blindspots`).
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, QThread
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QAction, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsItem,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyleOptionGraphicsItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.geometry.engine import CoverageEngine
from planner.io.codec import decode_project, encode_project
from planner.layout import LayoutOptions, LevelLayout, layout_command, plan_level
from planner.model import Camera, Project, Zone
from planner.ui import qtgeom
from planner.ui.blindspots import BlindSpotLayer
from planner.ui.i18n import translate
from planner.ui.items import Z_CAMERA

if TYPE_CHECKING:
    from planner.ui.window import MainWindow

__all__ = ["GhostItem", "SuggestCameras", "SuggestPanel", "install_layout_actions"]

log = logging.getLogger(__name__)
_GHOST = QColor(123, 31, 162)


class GhostItem(QGraphicsItem):
    """A proposed camera: dashed coverage and a hollow marker, dimmed when left out."""

    def __init__(self, camera: Camera, region: Any) -> None:
        super().__init__()
        self.camera = camera
        self.setPos(qtgeom.to_scene(camera.position))
        self.setZValue(Z_CAMERA - 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.region = qtgeom.geometry_path(region, camera.position) if region is not None else QPainterPath()
        self.chosen = True
        self._bounds = self.region.boundingRect().united(QRectF(-0.4, -0.4, 0.8, 0.8)).adjusted(-0.1, -0.1, 0.1, 0.1)

    def set_chosen(self, chosen: bool) -> None:
        self.chosen = chosen
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        alpha = 1.0 if self.chosen else 0.35
        fill = QColor(_GHOST)
        fill.setAlphaF(0.12 * alpha)
        pen = QPen(QColor(_GHOST.red(), _GHOST.green(), _GHOST.blue(), int(220 * alpha)), 1.4, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPath(self.region)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(-0.3, -0.3, 0.6, 0.6))


#: Workers still running (kept alive past their window: a QThread must not be destroyed while it runs).
_RUNNING: set[_Worker] = set()


def _wait_for_workers() -> None:
    for worker in list(_RUNNING):
        worker.wait()


class _Worker(QThread):
    """Plans one level of a private copy of the project."""

    done = QtSignal(object)

    def __init__(self, project: Project, level_id: str, options: LayoutOptions) -> None:
        super().__init__(None)
        self.project, self.level_id, self.options = project, level_id, options
        _RUNNING.add(self)
        self.finished.connect(lambda: _RUNNING.discard(self))
        app = QCoreApplication.instance()
        if app is not None and len(_RUNNING) == 1:
            app.aboutToQuit.connect(_wait_for_workers, Qt.ConnectionType.UniqueConnection)

    def run(self) -> None:
        try:
            lay = plan_level(self.project, self.level_id, self.options)
            engine = CoverageEngine(face_height_m=self.project.venue.face_height_m, bands=False)
            level = self.project.level(self.level_id)
            regions = {cam.id: engine.coverage(level, cam).region for cam in lay.cameras}
            self.done.emit((lay, regions))
        except Exception as exc:  # reported to the user, never lost in the thread
            log.exception("suggest cameras")
            self.done.emit(exc)


def _need(level: str, door: str | None) -> str:
    if door is None:
        return level
    return f"{level} + " + translate("Suggest", "door {0}").replace("{0}", door) if level != "none" else \
        translate("Suggest", "door {0}").replace("{0}", door)


class SuggestPanel(QDialog):
    """The proposal: a coverage summary per zone and a check box per camera."""

    def __init__(self, lay: LevelLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggest_panel")
        self.setWindowTitle(translate("Suggest", "Suggested Cameras"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        s = lay.solution
        summary = translate("Suggest", "{0} cameras, relative cost {1}; {2} of {3} m² required met at the required "
                                       "density ({4} m² reachable at all).")
        summary = (summary.replace("{0}", str(len(lay.cameras))).replace("{1}", f"{lay.cost:.2f}")
                   .replace("{2}", f"{lay.met_m2:.1f}").replace("{3}", f"{lay.required_m2:.1f}")
                   .replace("{4}", f"{lay.reachable_m2:.1f}"))
        if s is not None and math.isfinite(s.gap):
            summary += " " + translate("Suggest", "Solver bound {0}, gap {1} %.").replace("{0}", f"{s.bound:.2f}") \
                .replace("{1}", f"{100 * s.gap:.1f}")
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.zones = QTableWidget(len(lay.zones), 5)
        self.zones.setObjectName("suggest_zones")
        self.zones.setHorizontalHeaderLabels([translate("Suggest", "Zone"), translate("Suggest", "Requires"),
                                              translate("Suggest", "Required m²"), translate("Suggest", "Met m²"),
                                              translate("Suggest", "Note")])
        for r, z in enumerate(lay.zones):
            for c, text in enumerate((z.name or z.zone_id, _need(z.level, z.door_level), f"{z.required_m2:.1f}",
                                      f"{z.met_m2:.1f}", z.reason or "")):
                self.zones.setItem(r, c, QTableWidgetItem(text))
        self.zones.resizeColumnsToContents()
        layout.addWidget(self.zones)
        self.cameras = QListWidget()
        self.cameras.setObjectName("suggest_cameras")
        for cam in lay.cameras:
            item = QListWidgetItem(f"{cam.id} · {cam.name}")
            item.setData(Qt.ItemDataRole.UserRole, cam.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.cameras.addItem(item)
        layout.addWidget(self.cameras)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Suggest", "Place Checked Cameras"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 520)

    def checked(self) -> list[str]:
        out = []
        for i in range(self.cameras.count()):
            item = self.cameras.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_checked(self, camera_id: str, checked: bool) -> None:
        for i in range(self.cameras.count()):
            item = self.cameras.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == camera_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class SuggestCameras(QObject):
    """Runs the optimiser for the window, shows the proposal, applies what the user accepts."""

    #: Emitted when a proposal is ready (shown) or failed.
    proposed = QtSignal()

    #: Solver time limit in the editor (seconds).
    TIME_LIMIT_S = 15.0

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.layout: LevelLayout | None = None
        self.ghosts: dict[str, GhostItem] = {}
        self.panel: SuggestPanel | None = None
        self._worker: _Worker | None = None
        self.action = QAction(translate("Suggest", "Suggest &Cameras…"), window)
        self.action.setObjectName("suggest_cameras")
        self.action.setToolTip(translate("Suggest", "Propose cameras for this level (or the selected zones) "
                                                    "that cover what must be watched, out of every private space"))
        self.action.triggered.connect(lambda _=False: self.start())
        window.scene.about_to_rebuild.connect(self._drop_ghosts)

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self, *, time_limit_s: float | None = None) -> bool:
        """Plan the shown level (the selected zones only, when zones are selected). False if nothing to do."""
        project, level = self.window.project, self.window.level()
        if project is None or level is None or self._worker is not None:
            return False
        self.cancel()
        zone_ids = {i for i in self.window.scene.selected_ids() if isinstance(project.get(i), Zone)} or None
        options = LayoutOptions(time_limit_s=time_limit_s or self.TIME_LIMIT_S, keep_existing=True, zone_ids=zone_ids)
        self._worker = _Worker(decode_project(encode_project(project)), level.id, options)
        self._worker.done.connect(self._done)
        self.action.setEnabled(False)
        self.window.status(translate("Suggest", "Suggesting cameras…"))
        self._worker.start()
        return True

    def _done(self, result: object) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()
        self.action.setEnabled(True)
        if isinstance(result, Exception):
            self.window.dialogs.show_error(self.window, translate("Suggest", "Suggest Cameras"), str(result))
            self.proposed.emit()
            return
        lay, regions = cast("tuple[LevelLayout, dict[str, Any]]", result)
        self.layout = lay
        for cam in lay.cameras:
            ghost = GhostItem(cam, regions.get(cam.id))
            self.window.scene.addItem(ghost)
            self.ghosts[cam.id] = ghost
        self.panel = SuggestPanel(lay, self.window)
        self.panel.cameras.itemChanged.connect(self._check_changed)
        self.panel.accepted.connect(lambda: self.accept(self.panel.checked() if self.panel else []))
        self.panel.rejected.connect(self.cancel)
        self.panel.show()
        self.window.status(self.panel.summary.text())
        self.proposed.emit()

    def _check_changed(self, item: QListWidgetItem) -> None:
        ghost = self.ghosts.get(str(item.data(Qt.ItemDataRole.UserRole)))
        if ghost is not None:
            ghost.set_chosen(item.checkState() == Qt.CheckState.Checked)

    def accept(self, camera_ids: list[str] | None = None) -> bool:
        """Place the proposed cameras ``camera_ids`` (all when None) and their signs as one undoable step."""
        lay, project = self.layout, self.window.project
        if lay is None or project is None:
            return False
        chosen = set(camera_ids) if camera_ids is not None else None
        command = layout_command(project, [lay], cameras=chosen) if chosen != set() else None
        self._close()
        if command is None:
            return False
        n = len(chosen) if chosen is not None else len(lay.cameras)
        return self.window.push(command, text=translate("Suggest", "Suggest {0} cameras").replace("{0}", str(n)))

    def cancel(self) -> None:
        """Drop the proposal."""
        self._close()

    def _close(self) -> None:
        self._drop_ghosts()
        self.layout = None
        panel, self.panel = self.panel, None
        if panel is not None:
            panel.blockSignals(True)
            panel.close()
            panel.deleteLater()

    def _drop_ghosts(self) -> None:
        for ghost in self.ghosts.values():
            if ghost.scene() is not None:
                ghost.scene().removeItem(ghost)
        self.ghosts.clear()


def install_layout_actions(window: MainWindow, tools_menu: QMenu,
                           view_menu: QMenu) -> tuple[SuggestCameras, BlindSpotLayer]:
    """Add Tools ▸ Suggest Cameras and View ▸ Blind Spots to the window's menus and return them."""
    suggest = SuggestCameras(window)
    blind_spots = BlindSpotLayer(window)
    tools_menu.addSeparator()
    tools_menu.addAction(suggest.action)
    view_menu.addAction(blind_spots.action)
    return suggest, blind_spots
