"""The main window's actions, menus, toolbar and dock layout, with the platform's standard shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QStyle, QToolBar, QUndoView

from planner.ui.i18n import LANGUAGE_CHOICES, language_setting, translate
from planner.ui.icons import tool_icon
from planner.ui.names import layer_name
from planner.ui.scene import LAYERS
from planner.ui.toolbox import ToolsPanel

if TYPE_CHECKING:
    from planner.ui.window import MainWindow

__all__ = ["build_actions", "TOOL_SHORTCUTS"]

#: Single-key tool shortcuts (as in most drawing programs).
TOOL_SHORTCUTS = {
    "select": "V", "wall": "W", "room": "R", "rect_room": "Shift+R", "zone": "Z", "rect_zone": "Shift+Z",
    "door": "D", "doorway": "Shift+D", "window": "N", "camera": "C", "sign": "S", "measure": "M",
    "calibrate": "K",
}


def _tool_names() -> dict[str, str]:
    return {
        "select": translate("Actions", "Select"),
        "wall": translate("Actions", "Wall"),
        "room": translate("Actions", "Room"),
        "rect_room": translate("Actions", "Rectangular Room"),
        "zone": translate("Actions", "Zone"),
        "rect_zone": translate("Actions", "Rectangular Zone"),
        "door": translate("Actions", "Door"),
        "doorway": translate("Actions", "Doorway"),
        "window": translate("Actions", "Window"),
        "camera": translate("Actions", "Camera"),
        "sign": translate("Actions", "Sign"),
        "measure": translate("Actions", "Measure"),
        "calibrate": translate("Actions", "Calibrate Scale"),
    }


def _action(window: MainWindow, text: str, slot: object = None, shortcut: object = None,
            icon: QStyle.StandardPixmap | None = None, *, checkable: bool = False, name: str = "") -> QAction:
    action = QAction(text, window)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
    action.setCheckable(checkable)
    if name:
        action.setObjectName(name)
    if slot is not None:
        action.triggered.connect(slot)  # type: ignore[arg-type]
    return action


def build_actions(window: MainWindow) -> None:
    """Create every action of ``window`` (as attributes), its menus, toolbar and docks."""
    sp = QStyle.StandardPixmap
    files, edits = window.files, window.edits
    # -- file
    window.new_action = _action(window, translate("Actions", "&New"), files.new, QKeySequence.StandardKey.New,
                                sp.SP_FileIcon, name="new")
    window.open_action = _action(window, translate("Actions", "&Open…"),
                                         files.open_dialog, QKeySequence.StandardKey.Open,
                                 sp.SP_DialogOpenButton, name="open")
    window.save_action = _action(window, translate("Actions", "&Save"), files.save, QKeySequence.StandardKey.Save,
                                 sp.SP_DialogSaveButton, name="save")
    window.save_as_action = _action(window, translate("Actions", "Save &As…"),
                                            files.save_as, QKeySequence.StandardKey.SaveAs,
                                    name="save_as")
    window.import_action = _action(window, translate("Actions", "&Import Plan…"), files.import_plan_dialog,
                                   QKeySequence("Ctrl+I"), name="import_plan")
    window.background_action = _action(window, translate("Actions", "Import &Background…"),
                                               files.import_background_dialog,
                                       name="import_background")
    window.export_signs_action = _action(window, translate("Actions", "&Signs (PDF)…"), lambda: files.export("signs"),
                                         name="export_signs")
    window.export_guide_action = _action(window, translate("Actions", "Placement &Guide (PDF)…"),
                                         lambda: files.export("guide"), name="export_guide")
    window.export_report_action = _action(window, translate("Actions", "Compliance &Report (PDF)…"),
                                          lambda: files.export("report"), name="export_report")
    window.print_action = _action(window, translate("Actions", "&Print Signs…"), files.print_signs,
                                  QKeySequence.StandardKey.Print, name="print_signs")
    window.quit_action = _action(window, translate("Actions", "&Quit"), window.close, QKeySequence.StandardKey.Quit,
                                 name="quit")
    window.recent_menu = QMenu(translate("Actions", "Open &Recent"), window)
    window.recent_menu.aboutToShow.connect(files.fill_recent_menu)
    file_menu = window.menuBar().addMenu(translate("Actions", "&File"))
    for item in (window.new_action, window.open_action, window.recent_menu, None, window.save_action,
                 window.save_as_action, None, window.import_action, window.background_action):
        if item is None:
            file_menu.addSeparator()
        elif isinstance(item, QMenu):
            file_menu.addMenu(item)
        else:
            file_menu.addAction(item)
    export_menu = file_menu.addMenu(translate("Actions", "&Export"))
    export_menu.addActions([window.export_signs_action, window.export_guide_action, window.export_report_action])
    file_menu.addAction(window.print_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    # -- edit
    stack = window.document.stack
    window.undo_action = stack.createUndoAction(window, translate("Actions", "&Undo"))
    window.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    window.undo_action.setIcon(window.style().standardIcon(sp.SP_ArrowBack))
    window.redo_action = stack.createRedoAction(window, translate("Actions", "&Redo"))
    window.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
                                    if QKeySequence(QKeySequence.StandardKey.Redo) != QKeySequence("Ctrl+Y")
                                    else [QKeySequence(QKeySequence.StandardKey.Redo)])
    window.redo_action.setIcon(window.style().standardIcon(sp.SP_ArrowForward))
    window.cut_action = _action(window, translate("Actions", "Cu&t"),
                                        edits.cut, QKeySequence.StandardKey.Cut, name="cut")
    window.copy_action = _action(window, translate("Actions", "&Copy"), edits.copy, QKeySequence.StandardKey.Copy,
                                 name="copy")
    window.paste_action = _action(window, translate("Actions", "&Paste"), edits.paste, QKeySequence.StandardKey.Paste,
                                  name="paste")
    window.duplicate_action = _action(window, translate("Actions", "D&uplicate"),
                                              edits.duplicate, QKeySequence("Ctrl+D"),
                                      name="duplicate")
    window.delete_action = _action(window, translate("Actions", "&Delete"), edits.delete,
                                   [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)],
                                   name="delete")
    window.select_all_action = _action(window, translate("Actions", "Select &All"), edits.select_all,
                                       QKeySequence.StandardKey.SelectAll, name="select_all")
    window.venue_action = _action(window, translate("Actions", "&Venue && Notice…"), lambda: edits.edit_venue(),
                                  QKeySequence("Ctrl+Shift+N"), name="venue")
    window.add_signs_action = _action(window, translate("Actions", "Add Suggested &Signs"), edits.add_suggested_signs,
                                      name="add_signs")
    window.edit_actions = [window.cut_action, window.copy_action, window.duplicate_action, window.delete_action]
    edit_menu = window.menuBar().addMenu(translate("Actions", "&Edit"))
    edit_menu.addActions([window.undo_action, window.redo_action])
    edit_menu.addSeparator()
    edit_menu.addActions([window.cut_action, window.copy_action, window.paste_action, window.duplicate_action,
                          window.delete_action, window.select_all_action])
    edit_menu.addSeparator()
    edit_menu.addActions([window.venue_action, window.add_signs_action])

    # -- view
    window.fit_action = _action(window, translate("Actions", "&Fit to View"), window.fit_to_view,
                                [QKeySequence("Ctrl+0"), QKeySequence("F")], sp.SP_TitleBarMaxButton, name="fit")
    window.zoom_in_action = _action(window, translate("Actions", "Zoom &In"), lambda: window.view.zoom_by(1.25),
                                    QKeySequence.StandardKey.ZoomIn, name="zoom_in")
    window.zoom_out_action = _action(window, translate("Actions", "Zoom &Out"), lambda: window.view.zoom_by(0.8),
                                     QKeySequence.StandardKey.ZoomOut, name="zoom_out")
    window.grid_action = _action(window, translate("Actions", "Show &Grid"), window.edits.set_grid, QKeySequence("G"),
                                 checkable=True, name="grid")
    window.snap_action = _action(window, translate("Actions", "&Snap (hold Alt to suspend)"), window.edits.set_snapping,
                                 QKeySequence("Shift+S"), checkable=True, name="snap")
    window.grid_action.setChecked(bool(window.settings.value("view/grid", True, type=bool)))
    window.snap_action.setChecked(bool(window.settings.value("view/snap", True, type=bool)))
    window.edits.set_grid(window.grid_action.isChecked())
    window.edits.set_snapping(window.snap_action.isChecked())
    view_menu = window.menuBar().addMenu(translate("Actions", "&View"))
    view_menu.addActions([window.fit_action, window.zoom_in_action, window.zoom_out_action])
    view_menu.addSeparator()
    view_menu.addActions([window.grid_action, window.snap_action])
    layers_menu = view_menu.addMenu(translate("Actions", "&Layers"))
    window.layer_actions = {}
    for layer in LAYERS:
        visible = bool(window.settings.value(f"layers/{layer}", window.scene.layer_visible(layer), type=bool))
        window.scene.set_layer_visible(layer, visible)
        action = _action(window, layer_name(layer), checkable=True, name=f"layer_{layer}")
        action.setChecked(visible)
        action.toggled.connect(lambda on, name=layer: window.set_layer_visible(name, on))
        layers_menu.addAction(action)
        window.layer_actions[layer] = action
    window.layers.sync(window.scene.layer_visible)
    for layer, box in window.layers.boxes.items():
        box.toggled.connect(lambda on, name=layer: window.layer_actions[name].setChecked(on))
    language_menu = view_menu.addMenu(translate("Actions", "Lan&guage"))
    group = QActionGroup(window)
    current = language_setting(window.settings)
    window.language_actions = {}
    for value, label in LANGUAGE_CHOICES.items():
        text = label or translate("Actions", "Follow the System")
        action = _action(window, text, checkable=True, name=f"language_{value}")
        action.setChecked(value == current)
        action.triggered.connect(lambda _=False, v=value: window.edits.set_language(v))
        group.addAction(action)
        language_menu.addAction(action)
        window.language_actions[value] = action
    view_menu.addSeparator()

    # -- tools
    tool_group = QActionGroup(window)
    tool_group.setExclusive(True)
    window.tool_actions = {}
    names = _tool_names()
    tools_menu = window.menuBar().addMenu(translate("Actions", "&Tools"))
    for name in window.tools:
        shortcut = TOOL_SHORTCUTS.get(name)
        action = _action(window, names.get(name, name), lambda _=False, n=name: window.set_tool(n),
                         QKeySequence(shortcut) if shortcut else None, checkable=True, name=f"tool_{name}")
        action.setIcon(tool_icon(name))
        action.setData(name)
        action.setToolTip(f"{names.get(name, name)} ({shortcut})" if shortcut else names.get(name, name))
        tool_group.addAction(action)
        tools_menu.addAction(action)
        window.tool_actions[name] = action
    window.tool_actions["select"].setChecked(True)

    # -- level
    window.add_level_action = _action(window, translate("Actions", "&Add Level…"), edits.add_level, name="add_level")
    window.remove_level_action = _action(window, translate("Actions", "&Delete Level"), edits.remove_level,
                                         name="remove_level")
    level_menu = window.menuBar().addMenu(translate("Actions", "&Level"))
    level_menu.addActions([window.add_level_action, window.remove_level_action])

    # -- docks
    window.tools_panel = ToolsPanel(list(window.tool_actions.values()), window.options, window)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.tools_panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.properties)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.layers)
    window.history = QDockWidget(translate("Actions", "History"), window)
    window.history.setObjectName("history")
    window.history_view = QUndoView(stack, window.history)
    window.history_view.setEmptyLabel(translate("Actions", "<opened>"))
    window.history.setWidget(window.history_view)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.history)
    window.tabifyDockWidget(window.layers, window.history)
    window.layers.raise_()
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.findings)
    window.resizeDocks([window.properties, window.layers], [560, 240], Qt.Orientation.Vertical)
    window.resizeDocks([window.findings], [250], Qt.Orientation.Vertical)
    window.resizeDocks([window.tools_panel, window.properties], [250, 360], Qt.Orientation.Horizontal)
    docks_menu = view_menu.addMenu(translate("Actions", "&Panels"))
    for dock in (window.tools_panel, window.properties, window.layers, window.history, window.findings):
        docks_menu.addAction(dock.toggleViewAction())

    # -- help
    window.about_action = _action(window, translate("Actions", "&About Venue Planner"),
                                          window.edits.about, name="about")
    help_menu = window.menuBar().addMenu(translate("Actions", "&Help"))
    help_menu.addAction(window.about_action)

    # -- toolbar
    toolbar = QToolBar(translate("Actions", "Main"), window)
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.addActions([window.new_action, window.open_action, window.save_action])
    toolbar.addSeparator()
    toolbar.addActions([window.undo_action, window.redo_action])
    toolbar.addSeparator()
    toolbar.addAction(window.fit_action)
    toolbar.addSeparator()
    toolbar.addWidget(QLabel(translate("Actions", "Level") + " ", toolbar))
    toolbar.addWidget(window.level_combo)
    toolbar.addAction(window.add_level_action)
    toolbar.addSeparator()
    toolbar.addAction(window.venue_action)
    toolbar.addAction(window.print_action)
    window.addToolBar(toolbar)
    window.main_toolbar = toolbar
    geometry = window.settings.value("window/geometry")
    state = window.settings.value("window/state")
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
