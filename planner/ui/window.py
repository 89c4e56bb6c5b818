"""The read-only main window: plan view, level switcher, findings dock, status bar.

Modal dialogs sit behind :meth:`MainWindow.ask_open_path` and
:meth:`MainWindow.show_error` so tests can replace them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QPoint, QRectF, Qt, QTimer
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QAction, QBrush, QColor, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStyle,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from planner.io import ProjectFileError, load_project
from planner.model import Project
from planner.rules import Finding, check_project
from planner.ui import qtgeom
from planner.ui.scene import LevelScene

__all__ = ["ui_language", "PlanView", "FindingsPanel", "MainWindow", "APP_NAME"]

APP_NAME = "Venue Planner"
log = logging.getLogger(__name__)


def ui_language(locale: QLocale | None = None) -> str:
    """``"zh"`` when the (system) locale is Chinese, else ``"en"``."""
    locale = locale if locale is not None else QLocale.system()
    return "zh" if locale.language() == QLocale.Language.Chinese else "en"


class PlanView(QGraphicsView):
    """The plan view: wheel zooms about the cursor; middle-drag or Space+drag pans."""

    #: The cursor's plan position in metres.
    cursor_moved = QtSignal(float, float)
    #: The zoom changed; the new scale in pixels per metre.
    scale_changed = QtSignal(float)

    MIN_SCALE = 0.2  # pixels per metre
    MAX_SCALE = 2000.0
    WHEEL_STEP = 1.2  # zoom factor per wheel notch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(QBrush(QColor(250, 250, 248)))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space = False

    def scale_factor(self) -> float:
        """Current zoom in pixels per metre."""
        return float(self.transform().m11())

    def zoom_by(self, factor: float) -> None:
        """Zoom by ``factor`` about the cursor (or the centre), within the allowed range."""
        current = self.scale_factor()
        factor = max(self.MIN_SCALE / current, min(self.MAX_SCALE / current, factor))
        self.scale(factor, factor)
        self.scale_changed.emit(self.scale_factor())

    def fit_rect(self, rect: QRectF, margin: float = 0.04) -> None:
        """Show ``rect`` (scene units) whole, with a small margin."""
        if rect.isEmpty():
            return
        pad = margin * max(rect.width(), rect.height())
        self.fitInView(rect.adjusted(-pad, -pad, pad, pad), Qt.AspectRatioMode.KeepAspectRatio)
        self.scale_changed.emit(self.scale_factor())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.pixelDelta().y() * 4
        if delta:
            self.zoom_by(self.WHEEL_STEP ** (delta / 120.0))
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pans = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        )
        if pans:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
        else:
            super().mouseMoveEvent(event)
        self.cursor_moved.emit(*qtgeom.from_scene(self.mapToScene(pos)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan_from = None
            self._update_cursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self._update_cursor()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self._update_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self._space, self._pan_from = False, None
        self._update_cursor()
        super().focusOutEvent(event)  # type: ignore[arg-type]

    def _update_cursor(self) -> None:
        if self._pan_from is not None:
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        elif self._space:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()


_SEVERITY_STYLE = {
    "error": (QStyle.StandardPixmap.SP_MessageBoxCritical, QColor(183, 28, 28)),
    "warning": (QStyle.StandardPixmap.SP_MessageBoxWarning, QColor(180, 110, 0)),
    "info": (QStyle.StandardPixmap.SP_MessageBoxInformation, QColor(21, 101, 192)),
}


class FindingsPanel(QDockWidget):
    """A dock listing the compliance findings; clicking one emits :attr:`finding_activated`."""

    finding_activated = QtSignal(object)  # a planner.rules.Finding

    COLUMNS = ("Severity", "Code", "Camera", "Zone", "Message")

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Findings"), parent)
        self.setObjectName("findings")
        self.language = language
        self._findings: list[Finding] = []
        self.tree = QTreeWidget(self)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([self.tr(c) for c in self.COLUMNS])
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in range(len(self.COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemActivated.connect(self._activated)
        self.setWidget(self.tree)

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """List ``findings`` (in the order given)."""
        self._findings = list(findings)
        self.tree.clear()
        for index, finding in enumerate(self._findings):
            icon, color = _SEVERITY_STYLE.get(finding.severity, _SEVERITY_STYLE["info"])
            message = finding.text(self.language)
            row = QTreeWidgetItem(
                [finding.severity, finding.code, finding.camera or "", finding.zone or "", message]
            )
            row.setIcon(0, self.style().standardIcon(icon))
            row.setForeground(0, QBrush(color))
            row.setToolTip(4, message)
            row.setData(0, Qt.ItemDataRole.UserRole, index)
            self.tree.addTopLevelItem(row)
        errors = sum(1 for f in self._findings if f.severity == "error")
        self.setWindowTitle(self.tr("Findings ({0}, {1} errors)").replace("{0}", str(len(self._findings)))
                            .replace("{1}", str(errors)))

    def show_failure(self, message: str) -> None:
        """Show that the checks could not run."""
        self.set_findings([])
        row = QTreeWidgetItem(["", "", "", "", message])
        row.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
        self.tree.addTopLevelItem(row)
        self.setWindowTitle(self.tr("Findings (checks failed)"))

    def row_of(self, index: int) -> QTreeWidgetItem | None:
        """The list row of finding number ``index``."""
        return self.tree.topLevelItem(index)

    def _activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        index = row.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(index, int) and 0 <= index < len(self._findings):
            self.finding_activated.emit(self._findings[index])


class MainWindow(QMainWindow):
    """The read-only viewer of one project."""

    def __init__(self, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language or ui_language()
        self._project: Project | None = None
        self._path: Path | None = None
        self._fit_on_show = True
        self.scene = LevelScene(self)
        self.view = PlanView(self)
        self.view.setScene(self.scene)
        self.setCentralWidget(self.view)
        self.findings = FindingsPanel(self.language, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings)
        self.findings.finding_activated.connect(self.focus_finding)
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("levels")
        self.level_combo.setMinimumContentsLength(14)
        self.level_combo.currentIndexChanged.connect(self._level_chosen)
        self._build_actions()
        self._build_status_bar()
        self.view.cursor_moved.connect(self._show_cursor)
        self.view.scale_changed.connect(self.scene.declutter)
        self.resize(1400, 900)
        self._update_title()

    # -- construction ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        style = self.style()
        self.open_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), self.tr("&Open…"),
                                   self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_dialog)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.fit_action = QAction(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarMaxButton),
                                  self.tr("&Fit to View"), self)
        self.fit_action.setShortcuts([QKeySequence("Ctrl+0"), QKeySequence("F")])
        self.fit_action.triggered.connect(self.fit_to_view)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.fit_action)
        view_menu.addAction(self.findings.toggleViewAction())
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.fit_action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Level") + " ", toolbar))
        toolbar.addWidget(self.level_combo)
        self.addToolBar(toolbar)

    def _build_status_bar(self) -> None:
        self.cursor_label = QLabel(self)
        self.cursor_label.setMinimumWidth(220)
        self.summary_label = QLabel(self)
        self.statusBar().addWidget(self.summary_label, 1)
        self.statusBar().addPermanentWidget(self.cursor_label)

    # -- what it shows --------------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return self._project

    @property
    def path(self) -> Path | None:
        return self._path

    def open_path(self, path: str | Path) -> bool:
        """Load and show the project at ``path``; on failure show an error and keep the current one."""
        try:
            project = load_project(path)
        except ProjectFileError as exc:
            self.show_error(self.tr("Cannot open project"), str(exc))
            return False
        except Exception as exc:  # the UI boundary: report, never a traceback
            log.exception("loading %s failed", path)
            self.show_error(self.tr("Cannot open project"), f"{path}: {exc}")
            return False
        self.set_project(project, Path(path))
        return True

    def set_project(self, project: Project, path: Path | None = None) -> None:
        """Show ``project`` (its first level), run the checks and fit the view."""
        self._project, self._path = project, path
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        for level in project.levels:
            self.level_combo.addItem(level.name or level.id, level.id)
        self.level_combo.blockSignals(False)
        self.scene.set_level(project, project.levels[0].id if project.levels else None)
        self._run_checks()
        self._update_title()
        self._update_summary()
        self.fit_to_view()
        self._fit_on_show = not self.isVisible()

    def set_level(self, level_id: str) -> None:
        """Show level ``level_id`` of the current project."""
        if self._project is None or level_id == self.scene.level_id:
            return
        index = self.level_combo.findData(level_id)
        if index < 0:
            raise ValueError(f"no level {level_id!r}")
        self.level_combo.setCurrentIndex(index)  # -> _level_chosen

    def fit_to_view(self) -> None:
        """Zoom so that the whole plan of the level is visible."""
        self.view.fit_rect(self.scene.plan_rect())

    def focus_finding(self, finding: Finding) -> None:
        """Select and centre on the finding's camera (or its zone)."""
        target = finding.camera or finding.zone
        if self._project is None or not target or target not in self._project:
            return
        self.set_level(self._project.level_of(target).id)
        item = self.scene.select_entity(target)
        if item is not None:
            self.view.centerOn(item.sceneBoundingRect().center() if finding.camera is None else item.scenePos())

    # -- replaceable dialogs --------------------------------------------------------------------
    def ask_open_path(self) -> str | None:
        """Ask for a project file to open (tests replace this)."""
        start = str(self._path.parent) if self._path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), start, self.tr("Venue Planner projects (*.vplan *.json);;All files (*)")
        )
        return name or None

    def show_error(self, title: str, message: str) -> None:
        """Tell the user something failed (tests replace this)."""
        QMessageBox.critical(self, title, message)

    def open_dialog(self) -> None:
        """File ▸ Open…"""
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    # -- internals --------------------------------------------------------------------------------
    def _run_checks(self) -> None:
        assert self._project is not None
        try:
            result = check_project(self._project)
        except Exception as exc:
            log.exception("checks failed")
            self.findings.show_failure(self.tr("The checks could not run: ") + str(exc))
            return
        self.findings.set_findings(result.findings)

    def _level_chosen(self, index: int) -> None:
        level_id = self.level_combo.itemData(index)
        if self._project is None or level_id is None:
            return
        self.scene.set_level(self._project, level_id)
        self._update_summary()
        self.fit_to_view()

    def _update_title(self) -> None:
        if self._project is None:
            self.setWindowTitle(f"{APP_NAME} " + self.tr("(read-only)"))
            return
        name = self._project.venue.name or (self._path.stem if self._path else self.tr("Untitled"))
        self.setWindowTitle(f"{APP_NAME} — {name} " + self.tr("(read-only)"))

    def _update_summary(self) -> None:
        level = self.scene.current_level()
        if level is None:
            self.summary_label.clear()
            return
        self.summary_label.setText(
            self.tr("{n} zones · {w} walls · {o} openings · {c} cameras · {s} signs")
            .replace("{n}", str(len(level.zones))).replace("{w}", str(len(level.walls)))
            .replace("{o}", str(len(level.openings))).replace("{c}", str(len(level.cameras)))
            .replace("{s}", str(len(level.signs)))
        )

    def _show_cursor(self, x: float, y: float) -> None:
        self.cursor_label.setText(f"x {x:8.2f} m   y {y:8.2f} m")

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._fit_on_show:
            self._fit_on_show = False
            QTimer.singleShot(0, self.fit_to_view)  # after the docks have taken their space

    def closeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        self.scene.detach()  # stop listening to the model
        super().closeEvent(event)  # type: ignore[arg-type]
