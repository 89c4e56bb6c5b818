"""The main window: the plan, its tools and docks, wired to one :class:`~planner.ui.document.Document`.

The window is the tools' host (:class:`~planner.ui.tools.base.ToolHost`): it
hands them the level, snapping and :meth:`MainWindow.push`. Menus and actions
are built by :mod:`planner.ui.actions`, file handling lives in
:mod:`planner.ui.fileops`, edits that are not tool gestures in
:mod:`planner.ui.editing`. Every modal question goes through
``self.dialogs`` (:class:`~planner.ui.dialogs.Dialogs`), which tests replace.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)

from planner.model import ZONE_USES, AddItem, Camera, Change, Command, Level, Project, SetProperty
from planner.rules import Finding
from planner.ui import qtgeom
from planner.ui.actions import WindowActions, build_actions
from planner.ui.compliance import LiveCompliance
from planner.ui.dialogs import Dialogs
from planner.ui.document import Document
from planner.ui.editing import EditOps
from planner.ui.fileops import FileOps
from planner.ui.findings import FindingsPanel
from planner.ui.i18n import translate, ui_language
from planner.ui.inputs import NumberField
from planner.ui.layers import LayersPanel
from planner.ui.names import display_name, level_counts, use_name
from planner.ui.properties import PropertiesPanel
from planner.ui.scene import LevelScene
from planner.ui.tools.base import Tool, ToolOptions
from planner.ui.tools.registry import TOOL_TYPES
from planner.ui.tools.snap import Point, Snap, SnapTargets
from planner.ui.view import PlanView

__all__ = ["MainWindow", "APP_NAME", "ui_language"]

APP_NAME = "Venue Planner"
log = logging.getLogger(__name__)

#: Closest zoom when focusing a finding (pixels per metre).
FOCUS_MAX_SCALE = 60.0


class _UndoKeys(QObject):
    """Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) reach the document's undo stack from any field of the window.

    Line edits and spin boxes claim these keys for their own text undo; in this window the
    field's edit is committed first (as leaving the field does) and the document's step is
    undone, so the keys do the same wherever the focus is.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _matches(self, event: QKeyEvent) -> str | None:
        from planner.ui.actions import redo_keys, undo_keys

        pressed = QKeySequence(event.keyCombination())
        if pressed in undo_keys():
            return "undo"
        if pressed in redo_keys():
            return "redo"
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        field = watched
        parent = field.parentWidget()
        if isinstance(parent, QAbstractSpinBox):
            field = parent
        if not isinstance(field, (QLineEdit, QAbstractSpinBox)) or field.window() is not self.window:
            return False
        assert isinstance(event, QKeyEvent)
        which = self._matches(event)
        if which is None:
            return False
        self.window.commit_field(field)
        event.ignore()  # not the field's: the window's Undo / Redo shortcut takes the key
        return True


class MainWindow(QMainWindow):
    """The editor of one project."""

    def __init__(self, language: str | None = None, parent: QWidget | None = None, *,
                 settings: QSettings | None = None, recovery_dir: Path | None = None, autosave: bool = True) -> None:
        super().__init__(parent)
        self.language = language or ui_language()
        self.settings = settings or QSettings()
        self.dialogs = Dialogs()
        self.options = ToolOptions()
        self.document = Document(self)
        self.compliance = LiveCompliance(self)
        self.scene = LevelScene(self)
        self.scene.set_compliance(self.compliance)
        self.view = PlanView(self)
        self.view.setScene(self.scene)
        self.setCentralWidget(self.view)
        self._fit_on_show = True
        self.tools: dict[str, Tool] = {cls.name: cls(self) for cls in TOOL_TYPES}
        self.findings = FindingsPanel(self.language, self)
        self.findings.namer = self._name_of  # names from the project being edited, from the first check on
        self.properties = PropertiesPanel(self, self)
        self.layers = LayersPanel(self.scene.layer_visible, self.set_layer_visible, self)
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("levels")
        self.level_combo.setMinimumContentsLength(14)
        self.level_combo.currentIndexChanged.connect(self._level_chosen)
        self.files = FileOps(self, recovery_dir=recovery_dir, autosave=autosave)
        self.edits = EditOps(self)
        self.acts: WindowActions = build_actions(self)
        self.tools_panel = self.acts.tools_panel
        self.history = self.acts.history
        self.history_view = self.acts.history_view
        self.suggest = self.acts.suggest
        self.blind_spots = self.acts.blind_spots
        self._undo_keys = _UndoKeys(self)  # watches the application's events while the window is shown
        self._build_status_bar()
        self._build_start_panel()
        self._connect()
        self.set_tool("select")
        self.resize(1400, 900)
        self.update_title()

    # -- construction -----------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.summary_label = QLabel(self)
        self.snap_label = QLabel(self)
        self.snap_label.setMinimumWidth(70)
        self.scale_label = QLabel(self)
        self.scale_label.setMinimumWidth(150)
        self.cursor_label = QLabel(self)
        self.cursor_label.setMinimumWidth(220)
        self.statusBar().addPermanentWidget(self.summary_label)
        self.statusBar().addPermanentWidget(self.snap_label)
        self.statusBar().addPermanentWidget(self.scale_label)
        self.statusBar().addPermanentWidget(self.cursor_label)

    def _connect(self) -> None:
        doc = self.document
        doc.project_replaced.connect(self._project_replaced)
        doc.path_changed.connect(self.update_title)
        doc.refused.connect(self._refused)
        doc.stack.cleanChanged.connect(self._clean_changed)
        doc.stack.indexChanged.connect(self._index_changed)
        self.compliance.findings_changed.connect(self._show_findings)
        self.findings.finding_activated.connect(self.focus_finding)
        self.findings.remedy_requested.connect(self.edits.apply_remedy)
        self.findings.remedy_hovered.connect(self.preview_remedy)
        self.findings.fix_all_requested.connect(self.edits.fix_all)
        self.findings.add_signs_requested.connect(self.edits.add_suggested_signs)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.about_to_rebuild.connect(self._cancel_tool)
        self.scene.rebuilt.connect(self._selection_changed)
        self.scene.followed.connect(self._model_changed)  # the scene is up to date when the panels look at it
        self.view.cursor_moved.connect(self._show_cursor)
        self.view.scale_changed.connect(self.scene.declutter)
        self.view.scale_changed.connect(self._show_scale)
        self.view.context_requested.connect(self._context_menu)
        self.scene.rebuilt.connect(self._update_start_panel)
        self.scene.followed.connect(lambda _change: self._update_start_panel())

    def _refused(self, message: str) -> None:
        self.status(translate("MainWindow", "Not done: ") + message)

    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def _index_changed(self, _index: int) -> None:
        self.files.changed()

    # -- the document -------------------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return self.document.project

    @property
    def path(self) -> Path | None:
        return self.document.path

    def open_path(self, path: str | Path) -> bool:
        """Load and show the project at ``path``; on failure show an error and keep the current one."""
        return self.files.open_path(Path(path))

    def set_project(self, project: Project | None, path: Path | None = None, *, modified: bool = False,
                    imported_from: Path | None = None) -> None:
        """Edit ``project`` (its first level), check it and fit the view."""
        self.document.set_project(project, path, modified=modified, imported_from=imported_from)

    def _project_replaced(self) -> None:
        project = self.document.project
        self.view.set_tool(self.tools["select"])
        self._check_tool_action("select")
        self.compliance.set_project(project)
        self._fill_levels()
        self.scene.set_level(project, project.levels[0].id if project and project.levels else None)
        self.tools_panel.set_private_uses(self.scene.private_uses())
        self.properties.show_ids([])
        self.update_title()
        self._update_summary()
        self.fit_to_view()
        self._fit_on_show = not self.isVisible()

    def _model_changed(self, change: Change) -> None:
        if any(c.action == "reset" or (c.entity_id is not None and c.entity_id == c.level_id)
               for c in change.expand()):
            self._fill_levels()
        if change.action == "reset" or (change.entity_id == "venue" and (not change.fields or
                                                                        "rule_pack" in change.fields)):
            self.tools_panel.set_private_uses(self.scene.private_uses())
        self.properties.on_changed(change)
        tool = self.view.tool
        if tool is not None and tool.name == "select":
            tool.refresh()  # type: ignore[attr-defined]  # only some tools have refresh()
        self._summary_timer()

    def _summary_timer(self) -> None:
        if not hasattr(self, "_summary_pending"):
            self._summary_pending = QTimer(self)
            self._summary_pending.setSingleShot(True)
            self._summary_pending.setInterval(150)
            self._summary_pending.timeout.connect(self._update_summary)
        if not self._summary_pending.isActive():
            self._summary_pending.start()

    # -- levels ---------------------------------------------------------------------------------------
    def _fill_levels(self) -> None:
        project = self.project
        keep = self.scene.level_id
        self.level_combo.blockSignals(True)
        self.level_combo.clear()
        for level in project.levels if project else []:
            self.level_combo.addItem(level.name or level.id, level.id)
        index = self.level_combo.findData(keep)
        self.level_combo.setCurrentIndex(max(index, 0))
        self.level_combo.blockSignals(False)

    def level(self) -> Level | None:
        """The level shown (and edited)."""
        return self.scene.current_level()

    def level_id(self) -> str | None:
        return self.scene.level_id

    def set_level(self, level_id: str) -> None:
        """Show level ``level_id`` of the current project."""
        if self.project is None or level_id == self.scene.level_id:
            return
        index = self.level_combo.findData(level_id)
        if index < 0:
            raise ValueError(f"no level {level_id!r}")
        self.level_combo.setCurrentIndex(index)  # -> _level_chosen

    def _level_chosen(self, index: int) -> None:
        level_id = self.level_combo.itemData(index)
        if self.project is None or level_id is None or level_id == self.scene.level_id:
            return
        self.scene.set_level(self.project, level_id)
        self.properties.show_ids([])
        self._update_summary()
        self.fit_to_view()

    # -- the ToolHost interface -----------------------------------------------------------------------
    def push(self, command: Command, *, text: str | None = None, gesture: Any = None) -> bool:
        """Apply ``command`` as one undoable step (merging within ``gesture``)."""
        return self.document.push(command, text=text, gesture=gesture)

    def new_gesture(self) -> Any:
        return self.document.new_gesture()

    def apply_live(self, command: Command) -> bool:
        """Apply one step of a drag now, without an undo step (the release records the drag)."""
        return self.document.apply_live(command)

    def record(self, command: Command, *, text: str | None = None) -> None:
        """Record a finished drag, already applied, as one undo step."""
        self.document.record(command, text=text)

    def snap(self, raw: Point, scale: float, *, targets: SnapTargets | None = None) -> Snap:
        return self.view.snap(raw, targets=targets)

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def set_interacting(self, interacting: bool) -> None:
        self.compliance.set_interacting(interacting)
        self.properties.set_interacting(interacting)
        self.scene.hold_labels(interacting)

    def ask_distance(self, measured_m: float) -> float | None:
        return self.dialogs.ask_distance(self, measured_m)

    def tool_finished(self) -> None:
        QTimer.singleShot(0, lambda: self.set_tool("select"))

    def camera_coverage(self, camera_id: str) -> Any:
        project, level = self.project, self.level()
        if project is None or level is None or camera_id not in project:
            return None
        return self.compliance.coverage(level, project.get(camera_id))

    # -- tools and layers -------------------------------------------------------------------------------
    def set_tool(self, name: str) -> None:
        """Make tool ``name`` the active one (the previous one is cancelled)."""
        tool = self.tools[name]
        self.view.set_tool(tool)
        self.view._update_cursor()
        self._check_tool_action(name)

    def _check_tool_action(self, name: str) -> None:
        acts: WindowActions | None = getattr(self, "acts", None)  # None while the window is being built
        action = acts.tools.get(name) if acts is not None else None
        if action is not None and not action.isChecked():
            action.setChecked(True)

    def _cancel_tool(self) -> None:
        if self.view.tool is not None:
            self.view.tool.cancel()

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        self.scene.set_layer_visible(layer, visible)
        self.settings.setValue(f"layers/{layer}", bool(visible))
        if hasattr(self, "layers"):
            self.layers.sync(self.scene.layer_visible)

    # -- findings -------------------------------------------------------------------------------------
    def _show_findings(self) -> None:
        if self.compliance.failure is not None:
            self.findings.show_failure(translate("MainWindow", "The checks could not run: ") + self.compliance.failure)
            return
        self.findings.set_findings(self.compliance.findings)

    def _name_of(self, entity_id: str) -> str:
        project = self.project
        if project is None or entity_id not in project:
            return entity_id
        return display_name(project.get(entity_id), project)

    def preview_remedy(self, finding: Finding | None, remedy: Any) -> None:
        """Show on the plan the coverage the finding's camera would have after ``remedy`` (None: clear)."""
        self.scene.clear_ghost()
        project, level = self.project, self.level()
        if finding is None or remedy is None or project is None or level is None or not finding.camera:
            return
        if finding.camera not in project or project.level_of(finding.camera).id != level.id:
            return
        camera = project.get(finding.camera)
        try:
            command = remedy.command(project, finding)
        except Exception:  # a remedy that no longer fits: no preview
            return
        if command is None:
            return
        if isinstance(command, SetProperty) and command.entity_id == camera.id:
            values = {k: Camera.convert(k, v) for k, v in command.values.items()}
            ghost = dataclasses.replace(camera, id=f"{camera.id}-preview", **values)
            coverage = self.compliance.coverage(level, ghost)
            overlap = self.compliance.private_overlap(level, ghost, coverage) if coverage is not None else None
            self.scene.show_ghost(coverage.region if coverage is not None else None, overlap, ghost.position)
        else:  # the camera goes: nothing left to see
            self.scene.show_ghost(None, None, None)

    def fit_to_view(self) -> None:
        """Zoom so that the whole plan of the level is visible."""
        self.view.fit_rect(self.scene.plan_rect())

    def focus_finding(self, finding: Finding) -> None:
        """Select what the finding is about and zoom to it (the camera stays in the middle)."""
        project = self.project
        if project is None:
            return
        level_id = finding.level
        opening = finding.details.get("opening") if finding.code == "OPENING_NOT_ON_WALL" else None
        target = finding.camera or finding.zone or opening
        if target and target in project:
            level_id = project.level_of(target).id
        if not level_id:
            return
        self.set_level(level_id)
        points: list[Point] = [tuple(p) for p in finding.details.get("overlap", [])]
        points += [tuple(p) for p in finding.details.get("entrance", [])]
        if finding.details.get("label_position"):  # a plan label in no zone (PRIVATE_LABEL_*)
            points.append(tuple(finding.details["label_position"]))
        centre: Point | None = None
        if finding.camera and finding.camera in project:
            centre = project.get(finding.camera).position
            self.scene.select_ids([finding.camera])
        elif finding.zone and finding.zone in project:
            self.scene.select_ids([finding.zone])
        elif opening and opening in project:
            self.scene.select_ids([opening])
            points += list(project.get(opening).segment)
        if finding.zone and finding.zone in project:
            points += list(project.get(finding.zone).polygon)
        if centre is None and points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        if centre is None:
            return
        reach = max([math.dist(centre, p) for p in points] + [3.0]) + 1.0
        c = qtgeom.to_scene(centre)
        rect = QRectF(c - QPointF(reach, reach), c + QPointF(reach, reach))
        self.view.fit_rect(rect, margin=0.0)
        if self.view.scale_factor() > FOCUS_MAX_SCALE:
            self.view.zoom_by(FOCUS_MAX_SCALE / self.view.scale_factor())
        self.view.centerOn(c)

    # -- replaceable dialogs (kept for callers of the viewer's API) --------------------------------------
    def ask_open_path(self) -> str | None:
        """Ask for a project file to open."""
        return self.files.ask_project_path()

    def show_error(self, title: str, message: str) -> None:
        """Tell the user something failed."""
        self.dialogs.show_error(self, title, message)

    # -- status and title ---------------------------------------------------------------------------------
    def update_title(self) -> None:
        project, path = self.project, self.path
        if project is None:
            self.setWindowTitle(APP_NAME)
            return
        name = project.venue.name or (path.stem if path else translate("MainWindow", "Untitled"))
        source = self.document.imported_from
        if path is None and source is not None:
            name = translate("MainWindow", "{0} (imported from {1}, not saved yet)").replace("{0}", name) \
                .replace("{1}", source.name)
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _update_summary(self) -> None:
        level = self.scene.current_level()
        if level is None:
            self.summary_label.clear()
            return
        self.summary_label.setText(" · ".join(level_counts(level)))

    def _show_cursor(self, x: float, y: float) -> None:
        self.cursor_label.setText(f"x {x:8.2f} m   y {y:8.2f} m")
        snap = self.view.last_snap
        names = {"vertex": translate("MainWindow", "corner"), "edge": translate("MainWindow", "on edge"),
                 "grid": translate("MainWindow", "grid")}
        self.snap_label.setText(names.get(snap.kind, "") if snap is not None else "")

    def _show_scale(self, scale: float) -> None:
        dots_per_metre = self.logicalDpiX() / 0.0254
        self.scale_label.setText(translate("MainWindow", "1 m = {0} px  (≈1:{1})").replace("{0}", f"{scale:.1f}")
                                 .replace("{1}", f"{dots_per_metre / max(scale, 1e-9):,.0f}"))

    def _selection_changed(self) -> None:
        self.properties.show_ids(self.scene.selected_ids())
        if getattr(self, "acts", None) is not None:  # not while the window is being built
            self.edits.update_actions()

    def commit_field(self, field: QWidget) -> None:
        """Apply what is typed in ``field`` now, as leaving it would (before an undo or a redo)."""
        if isinstance(field, NumberField):
            field.commit()
        elif isinstance(field, QAbstractSpinBox):
            field.interpretText()
        elif isinstance(field, QLineEdit) and field.isModified():
            field.editingFinished.emit()
            field.setModified(False)

    # -- first run -----------------------------------------------------------------------------------------------
    def _build_start_panel(self) -> None:
        from planner.ui.help import StartPanel

        acts = self.acts
        self.start_panel = StartPanel(self.view.viewport())
        self.start_panel.set_steps([
            (lambda: translate("MainWindow", "Import a plan (DXF, IMDF, image or PDF)"), acts.import_plan),
            (lambda: translate("MainWindow", "Calibrate the scale on a plan image"), acts.tools["calibrate"]),
            (lambda: translate("MainWindow", "Draw rooms"), acts.tools["rect_room"]),
            (lambda: translate("MainWindow", "Place cameras"), acts.tools["camera"]),
            (lambda: translate("MainWindow", "Check: the findings below follow every edit"), None),
            (lambda: translate("MainWindow", "Print the signs"), acts.print_signs),
        ])
        self.start_panel.hide()

    def _update_start_panel(self) -> None:
        """Show the start panel over a plan with nothing on it (no items, no background)."""
        level = self.level()
        empty = level is not None and not level.backgrounds and next(iter(level.items()), None) is None
        panel = self.start_panel
        panel.setVisible(empty)
        if empty:
            panel.adjustSize()
            viewport = self.view.viewport()
            x, y = (viewport.width() - panel.width()) // 2, (viewport.height() - panel.height()) // 3
            panel.move(max(8, x), max(8, y))
            panel.raise_()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if hasattr(self, "start_panel"):
            self._update_start_panel()

    # -- languages ---------------------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Use ``language`` (``zh`` or ``en``) for the findings' messages; the installed catalogue does the rest."""
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the window again, in the language installed now."""
        from planner.ui.actions import retranslate

        retranslate(self)
        self.findings.retranslate(self.language)
        self.properties.retranslate()
        self.layers.setWindowTitle(translate("LayersPanel", "Layers"))
        self.tools_panel.setWindowTitle(translate("ToolsPanel", "Tools"))
        self.start_panel.retranslate()
        self._update_start_panel()
        self.update_title()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "acts"):
            self.retranslate()
        super().changeEvent(event)

    # -- the plan's context menu -------------------------------------------------------------------------------
    def context_menu_for(self, item: Any, point: Point) -> QMenu:
        """The actions for what is under the pointer: the item (selected first) or the empty plan."""
        from planner.ui.items import EntityItem

        menu = QMenu(self)
        acts = self.acts
        if isinstance(item, EntityItem):
            if item.entity_id not in self.scene.selected_ids():
                self.scene.select_ids([item.entity_id])
            project = self.project
            entity = project.get(item.entity_id) if project is not None and item.entity_id in project else None
            if entity is not None:
                title = menu.addAction(display_name(entity, project))
                title.setEnabled(False)
            if entity is not None and entity.ENTITY == "camera":
                mine = [f for f in self.compliance.findings if f.camera == entity.id]
                if mine:
                    show = menu.addAction(translate("MainWindow", "Show its findings"))
                    show.triggered.connect(lambda _=False, f=mine[0]: self._show_finding(f))
                fr = menu.addAction(translate("MainWindow", "Face recognition"))
                fr.setCheckable(True)
                fr.setChecked(entity.face_recognition)
                fr.toggled.connect(lambda on, c=entity.id: self.push(
                    SetProperty(c, {"face_recognition": on}),
                    text=translate("MainWindow", "Switch face recognition of {0}").replace(
                        "{0}", display_name(entity, project))))
            if entity is not None and entity.ENTITY == "zone":
                uses = menu.addMenu(translate("MainWindow", "Use"))
                step = translate("MainWindow", "Change use of {0}").replace("{0}", display_name(entity, project))
                for use in ZONE_USES:
                    action = uses.addAction(use_name(use))
                    action.setCheckable(True)
                    action.setChecked(use == entity.use)
                    action.triggered.connect(lambda _=False, z=entity.id, u=use, t=step: self.push(
                        SetProperty(z, {"use": u}), text=t))
            menu.addSeparator()
            menu.addActions([acts.cut, acts.copy, acts.duplicate, acts.delete])
        else:
            place = menu.addAction(translate("MainWindow", "Place a camera here"))
            place.triggered.connect(lambda: self._place_camera(point))
            menu.addAction(acts.paste)
            menu.addAction(acts.select_all)
            menu.addSeparator()
            menu.addAction(acts.fit)
            menu.addAction(acts.add_signs)
        return menu

    def _show_finding(self, finding: Finding) -> None:
        findings = self.findings.findings
        if finding in findings:
            row = self.findings.row_of(findings.index(finding))
            if row is not None:
                self.findings.tree.setCurrentItem(row)
                self.findings.tree.scrollToItem(row)
        self.findings.show()
        self.findings.raise_()
        self.focus_finding(finding)

    def _place_camera(self, point: Point) -> None:
        level, project = self.level(), self.project
        if level is None or project is None:
            return
        from planner.ui.names import next_camera_name

        camera = Camera(id=project.new_id("c"), name=next_camera_name(project), position=point,
                        hfov_deg=self.options.camera_hfov_deg, mount_height_m=self.options.camera_mount_height_m,
                        face_recognition=self.options.camera_face_recognition)
        if self.push(AddItem(level.id, camera), text=translate("CameraTool", "Add {0}").replace("{0}", camera.name)):
            self.scene.select_ids([camera.id])

    def _context_menu(self, item: Any, point: Point, global_pos: Any) -> None:
        self._menu = self.context_menu_for(item, point)
        self._menu.popup(global_pos)

    # -- window events --------------------------------------------------------------------------------------
    #: Set by the actions when no saved window layout exists (the first run).
    size_docks_on_show = False

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)  # type: ignore[arg-type]  # Qt hands a QShowEvent
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._undo_keys)  # never twice
            app.installEventFilter(self._undo_keys)
        if self.size_docks_on_show:  # larger findings: about nine rows with their remedies
            self.size_docks_on_show = False
            QTimer.singleShot(0, lambda: self.resizeDocks([self.findings], [max(340, self.height() * 2 // 5)],
                                                          Qt.Orientation.Vertical))
        if self._fit_on_show:
            self._fit_on_show = False
            QTimer.singleShot(0, self.fit_to_view)  # after the docks have taken their space

    def hideEvent(self, event: QEvent) -> None:
        super().hideEvent(event)  # type: ignore[arg-type]  # Qt hands a QHideEvent
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._undo_keys)  # a closed window watches nothing

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.files.closing()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.compliance.set_project(None)
        self.scene.detach()  # stop listening to the model
        super().closeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.view.tool is not None and self.view.tool.key_press(event):
            return
        super().keyPressEvent(event)
