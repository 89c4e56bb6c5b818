"""The main window's actions, menus, toolbar and dock layout, with the platform's standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QStyle, QToolBar, QUndoView

from planner.ui.blindspots import BlindSpotLayer
from planner.ui.i18n import LANGUAGE_CHOICES, language_setting
from planner.ui.i18n import translate as _translate
from planner.ui.icons import tool_icon
from planner.ui.names import layer_name
from planner.ui.scene import LAYERS
from planner.ui.suggest import SuggestCameras, install_layout_actions
from planner.ui.toolbox import ToolsPanel

if TYPE_CHECKING:
    from planner.ui.window import MainWindow

__all__ = ["build_actions", "retranslate", "TOOL_SHORTCUTS", "WindowActions", "undo_keys", "redo_keys"]

#: Translated text -> (context, source) of every text this module made, for retranslation.
_SOURCES: dict[str, tuple[str, str]] = {}


def translate(context: str, text: str) -> str:
    """Translate, and remember the source so that :func:`retranslate` can translate it again."""
    out = _translate(context, text)
    _SOURCES[out] = (context, text)
    return out


#: Single-key tool shortcuts (as in most drawing programs).
TOOL_SHORTCUTS = {
    "select": "V", "wall": "W", "room": "R", "rect_room": "Shift+R", "zone": "Z", "rect_zone": "Shift+Z",
    "door": "D", "doorway": "Shift+D", "window": "N", "camera": "C", "sign": "S", "measure": "M",
    "calibrate": "K",
}


def undo_keys() -> list[QKeySequence]:
    """The platform's undo keys (Ctrl+Z first)."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    return keys or [QKeySequence("Ctrl+Z")]


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys, with both Ctrl+Shift+Z and Ctrl+Y everywhere."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in (QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")):
        if extra not in keys:
            keys.append(extra)
    return keys


class WindowActions:
    """The main window's actions, menus, toolbar and docks, as :func:`build_actions` made them."""

    # file
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    import_plan: QAction
    background: QAction
    export_signs: QAction
    export_guide: QAction
    export_report: QAction
    print_signs: QAction
    quit: QAction
    recent_menu: QMenu
    # edit
    undo: QAction
    redo: QAction
    cut: QAction
    copy: QAction
    paste: QAction
    duplicate: QAction
    delete: QAction
    select_all: QAction
    venue: QAction
    add_signs: QAction
    #: The actions that need a selection.
    edit: list[QAction]
    # view
    fit: QAction
    zoom_in: QAction
    zoom_out: QAction
    grid: QAction
    snap: QAction
    layers: dict[str, QAction]
    languages: dict[str, QAction]
    # tools and levels
    tools: dict[str, QAction]
    add_level: QAction
    remove_level: QAction
    # help
    about: QAction
    user_guide: QAction
    shortcuts: QAction
    #: (object, setter name, context, source) of every text to translate again on a language change.
    texts: list[tuple[object, str, str, str]]
    level_label: QLabel
    # toolbar and docks
    toolbar: QToolBar
    tools_panel: ToolsPanel
    history: QDockWidget
    history_view: QUndoView
    # automatic layout
    suggest: SuggestCameras
    blind_spots: BlindSpotLayer


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


Shortcut = QKeySequence | QKeySequence.StandardKey | list[QKeySequence]


def _action(window: MainWindow, text: str, slot: Callable[..., object] | None = None, shortcut: Shortcut | None = None,
            icon: QStyle.StandardPixmap | None = None, *, checkable: bool = False, name: str = "") -> QAction:
    action = QAction(text, window)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    action.setCheckable(checkable)
    if name:
        action.setObjectName(name)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def build_actions(window: MainWindow) -> WindowActions:
    """Create every action of ``window``, its menus, toolbar and docks, and return them."""
    acts = WindowActions()
    sp = QStyle.StandardPixmap
    files, edits = window.files, window.edits
    # -- file
    acts.new = _action(window, translate("Actions", "&New"), files.new, QKeySequence.StandardKey.New,
                                sp.SP_FileIcon, name="new")
    acts.open = _action(window, translate("Actions", "&Open…"),
                                         files.open_dialog, QKeySequence.StandardKey.Open,
                                 sp.SP_DialogOpenButton, name="open")
    acts.save = _action(window, translate("Actions", "&Save"), files.save, QKeySequence.StandardKey.Save,
                                 sp.SP_DialogSaveButton, name="save")
    acts.save_as = _action(window, translate("Actions", "Save &As…"),
                                            files.save_as, QKeySequence.StandardKey.SaveAs,
                                    name="save_as")
    acts.import_plan = _action(window, translate("Actions", "&Import Plan…"), files.import_plan_dialog,
                                   QKeySequence("Ctrl+I"), name="import_plan")
    acts.background = _action(window, translate("Actions", "Import &Background…"),
                                               files.import_background_dialog,
                                       name="import_background")
    acts.export_signs = _action(window, translate("Actions", "&Signs (PDF)…"), lambda: files.export("signs"),
                                         name="export_signs")
    acts.export_guide = _action(window, translate("Actions", "Placement &Guide (PDF)…"),
                                         lambda: files.export("guide"), name="export_guide")
    acts.export_report = _action(window, translate("Actions", "Compliance &Report (PDF)…"),
                                          lambda: files.export("report"), name="export_report")
    acts.print_signs = _action(window, translate("Actions", "&Print Signs…"), files.print_signs,
                                  QKeySequence.StandardKey.Print, name="print_signs")
    acts.quit = _action(window, translate("Actions", "&Quit"), window.close, QKeySequence.StandardKey.Quit,
                                 name="quit")
    acts.recent_menu = QMenu(translate("Actions", "Open &Recent"), window)
    acts.recent_menu.aboutToShow.connect(files.fill_recent_menu)
    file_menu = window.menuBar().addMenu(translate("Actions", "&File"))
    for item in (acts.new, acts.open, acts.recent_menu, None, acts.save,
                 acts.save_as, None, acts.import_plan, acts.background):
        if item is None:
            file_menu.addSeparator()
        elif isinstance(item, QMenu):
            file_menu.addMenu(item)
        else:
            file_menu.addAction(item)
    export_menu = file_menu.addMenu(translate("Actions", "&Export"))
    export_menu.addActions([acts.export_signs, acts.export_guide, acts.export_report])
    file_menu.addAction(acts.print_signs)
    file_menu.addSeparator()
    file_menu.addAction(acts.quit)

    # -- edit
    stack = window.document.stack
    acts.undo = stack.createUndoAction(window, translate("Actions", "&Undo"))
    acts.undo.setShortcuts(undo_keys())
    acts.undo.setIcon(window.style().standardIcon(sp.SP_ArrowBack))
    acts.redo = stack.createRedoAction(window, translate("Actions", "&Redo"))
    acts.redo.setShortcuts(redo_keys())
    acts.redo.setIcon(window.style().standardIcon(sp.SP_ArrowForward))
    acts.cut = _action(window, translate("Actions", "Cu&t"),
                                        edits.cut, QKeySequence.StandardKey.Cut, name="cut")
    acts.copy = _action(window, translate("Actions", "&Copy"), edits.copy, QKeySequence.StandardKey.Copy,
                                 name="copy")
    acts.paste = _action(window, translate("Actions", "&Paste"), edits.paste, QKeySequence.StandardKey.Paste,
                                  name="paste")
    acts.duplicate = _action(window, translate("Actions", "D&uplicate"),
                                              edits.duplicate, QKeySequence("Ctrl+D"),
                                      name="duplicate")
    acts.delete = _action(window, translate("Actions", "&Delete"), edits.delete,
                                   [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)],
                                   name="delete")
    acts.select_all = _action(window, translate("Actions", "Select &All"), edits.select_all,
                                       QKeySequence.StandardKey.SelectAll, name="select_all")
    acts.venue = _action(window, translate("Actions", "&Venue && Notice…"), lambda: edits.edit_venue(),
                                  QKeySequence("Ctrl+Shift+N"), name="venue")
    acts.add_signs = _action(window, translate("Actions", "Add Suggested &Signs"), edits.add_suggested_signs,
                                      name="add_signs")
    acts.edit = [acts.cut, acts.copy, acts.duplicate, acts.delete]
    edit_menu = window.menuBar().addMenu(translate("Actions", "&Edit"))
    edit_menu.addActions([acts.undo, acts.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([acts.cut, acts.copy, acts.paste, acts.duplicate,
                          acts.delete, acts.select_all])
    edit_menu.addSeparator()
    edit_menu.addActions([acts.venue, acts.add_signs])

    # -- view
    acts.fit = _action(window, translate("Actions", "&Fit to View"), window.fit_to_view,
                                [QKeySequence("Ctrl+0"), QKeySequence("F")], sp.SP_TitleBarMaxButton, name="fit")
    acts.zoom_in = _action(window, translate("Actions", "Zoom &In"), lambda: window.view.zoom_by(1.25),
                                    QKeySequence.StandardKey.ZoomIn, name="zoom_in")
    acts.zoom_out = _action(window, translate("Actions", "Zoom &Out"), lambda: window.view.zoom_by(0.8),
                                     QKeySequence.StandardKey.ZoomOut, name="zoom_out")
    acts.grid = _action(window, translate("Actions", "Show &Grid"), window.edits.set_grid, QKeySequence("G"),
                                 checkable=True, name="grid")
    acts.snap = _action(window, translate("Actions", "&Snap (hold Alt to suspend)"), window.edits.set_snapping,
                                 QKeySequence("Shift+S"), checkable=True, name="snap")
    acts.grid.setChecked(bool(window.settings.value("view/grid", True, type=bool)))
    acts.snap.setChecked(bool(window.settings.value("view/snap", True, type=bool)))
    window.edits.set_grid(acts.grid.isChecked())
    window.edits.set_snapping(acts.snap.isChecked())
    view_menu = window.menuBar().addMenu(translate("Actions", "&View"))
    view_menu.addActions([acts.fit, acts.zoom_in, acts.zoom_out])
    view_menu.addSeparator()
    view_menu.addActions([acts.grid, acts.snap])
    layers_menu = view_menu.addMenu(translate("Actions", "&Layers"))
    acts.layers = {}
    for layer in LAYERS:
        visible = bool(window.settings.value(f"layers/{layer}", window.scene.layer_visible(layer), type=bool))
        window.scene.set_layer_visible(layer, visible)
        action = _action(window, layer_name(layer), checkable=True, name=f"layer_{layer}")
        action.setChecked(visible)
        action.toggled.connect(lambda on, name=layer: window.set_layer_visible(name, on))
        layers_menu.addAction(action)
        acts.layers[layer] = action
    window.layers.sync(window.scene.layer_visible)
    for layer, box in window.layers.boxes.items():
        box.toggled.connect(lambda on, name=layer: acts.layers[name].setChecked(on))
    language_menu = view_menu.addMenu(translate("Actions", "Lan&guage"))
    group = QActionGroup(window)
    current = language_setting(window.settings)
    acts.languages = {}
    for value, label in LANGUAGE_CHOICES.items():
        text = label or translate("Actions", "Follow the System")
        action = _action(window, text, checkable=True, name=f"language_{value}")
        action.setChecked(value == current)
        action.triggered.connect(lambda _=False, v=value: window.edits.set_language(v))
        group.addAction(action)
        language_menu.addAction(action)
        acts.languages[value] = action
    view_menu.addSeparator()

    # -- tools
    tool_group = QActionGroup(window)
    tool_group.setExclusive(True)
    acts.tools = {}
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
        acts.tools[name] = action
    acts.tools["select"].setChecked(True)
    acts.suggest, acts.blind_spots = install_layout_actions(window, tools_menu, view_menu)

    # -- level
    acts.add_level = _action(window, translate("Actions", "&Add Level…"), edits.add_level, name="add_level")
    acts.remove_level = _action(window, translate("Actions", "&Delete Level"), edits.remove_level,
                                         name="remove_level")
    level_menu = window.menuBar().addMenu(translate("Actions", "&Level"))
    level_menu.addActions([acts.add_level, acts.remove_level])

    # -- docks
    acts.tools_panel = ToolsPanel(list(acts.tools.values()), window.options, window)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, acts.tools_panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.properties)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.layers)
    acts.history = QDockWidget(translate("Actions", "History"), window)
    acts.history.setObjectName("history")
    acts.history_view = QUndoView(stack, acts.history)
    acts.history_view.setEmptyLabel(translate("Actions", "<opened>"))
    acts.history.setWidget(acts.history_view)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, acts.history)
    window.tabifyDockWidget(window.layers, acts.history)
    window.layers.raise_()
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.findings)
    window.resizeDocks([window.properties, window.layers], [560, 240], Qt.Orientation.Vertical)
    window.resizeDocks([window.findings], [max(340, window.height() * 2 // 5)], Qt.Orientation.Vertical)
    window.resizeDocks([acts.tools_panel, window.properties], [250, 360], Qt.Orientation.Horizontal)
    docks_menu = view_menu.addMenu(translate("Actions", "&Panels"))
    for dock in (acts.tools_panel, window.properties, window.layers, acts.history, window.findings):
        docks_menu.addAction(dock.toggleViewAction())

    # -- help
    acts.about = _action(window, translate("Actions", "&About Venue Planner"),
                                          window.edits.about, name="about")
    acts.user_guide = _action(window, translate("Actions", "User &Guide"), window.edits.user_guide,
                              QKeySequence(QKeySequence.StandardKey.HelpContents), name="user_guide")
    acts.shortcuts = _action(window, translate("Actions", "&Keyboard Shortcuts"), window.edits.show_shortcuts,
                             QKeySequence("Ctrl+F1"), name="shortcuts")
    help_menu = window.menuBar().addMenu(translate("Actions", "&Help"))
    help_menu.addActions([acts.user_guide, acts.shortcuts])
    help_menu.addSeparator()
    help_menu.addAction(acts.about)

    # -- toolbar
    toolbar = QToolBar(translate("Actions", "Main"), window)
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.addActions([acts.new, acts.open, acts.save])
    toolbar.addSeparator()
    toolbar.addActions([acts.undo, acts.redo])
    toolbar.addSeparator()
    toolbar.addAction(acts.fit)
    toolbar.addSeparator()
    acts.level_label = QLabel(translate("Actions", "Level") + " ", toolbar)
    toolbar.addWidget(acts.level_label)
    toolbar.addWidget(window.level_combo)
    toolbar.addAction(acts.add_level)
    toolbar.addSeparator()
    toolbar.addAction(acts.venue)
    toolbar.addAction(acts.print_signs)
    window.addToolBar(toolbar)
    acts.toolbar = toolbar
    window.acts = acts
    acts.texts = _translatable(window)
    geometry = window.settings.value("window/geometry")
    state = window.settings.value("window/state")
    if geometry is not None:
        window.restoreGeometry(geometry)
    if state is not None:
        window.restoreState(state)
    window.size_docks_on_show = state is None  # the first run: docks get their share of the shown window
    return acts


def _translatable(window: MainWindow) -> list[tuple[object, str, str, str]]:
    """Every action, menu, dock and toolbar of ``window`` whose text this module translated."""
    found: list[tuple[object, str, str, str]] = []
    objects: list[tuple[object, str, str]] = []
    for action in window.findChildren(QAction):
        if action in (window.acts.undo, window.acts.redo):
            continue  # their text follows the stack; retranslate() makes them anew
        objects.append((action, "setText", action.text()))
        if action.toolTip() and action.toolTip() != action.text():
            objects.append((action, "setToolTip", action.toolTip()))
    for menu in window.menuBar().findChildren(QMenu):
        objects.append((menu, "setTitle", menu.title()))
    for widget in window.findChildren(QDockWidget) + window.findChildren(QToolBar):
        objects.append((widget, "setWindowTitle", widget.windowTitle()))
    for obj, setter, text in objects:
        source = _SOURCES.get(text)
        if source is not None:
            found.append((obj, setter, *source))
    return found


def retranslate(window: MainWindow) -> None:
    """Put every text of the window's actions, menus and docks into the language now installed."""
    acts = window.acts
    for obj, setter, context, source in acts.texts:
        getattr(obj, setter)(_translate(context, source))
    names = _tool_names()
    for name, action in acts.tools.items():
        shortcut = TOOL_SHORTCUTS.get(name)
        action.setText(names.get(name, name))
        action.setToolTip(f"{names.get(name, name)} ({shortcut})" if shortcut else names.get(name, name))
    for layer, action in acts.layers.items():
        action.setText(layer_name(layer))
    acts.languages["system"].setText(_translate("Actions", "Follow the System"))
    acts.level_label.setText(_translate("Actions", "Level") + " ")
    acts.history_view.setEmptyLabel(_translate("Actions", "<opened>"))
    _renew_undo_actions(window)


def _renew_undo_actions(window: MainWindow) -> None:
    """Undo and redo anew: their translated prefix ("Undo …") is fixed when the stack makes them."""
    acts, stack, sp = window.acts, window.document.stack, QStyle.StandardPixmap
    undo = stack.createUndoAction(window, _translate("Actions", "&Undo"))
    undo.setShortcuts(undo_keys())
    undo.setIcon(window.style().standardIcon(sp.SP_ArrowBack))
    redo = stack.createRedoAction(window, _translate("Actions", "&Redo"))
    redo.setShortcuts(redo_keys())
    redo.setIcon(window.style().standardIcon(sp.SP_ArrowForward))
    for old, new in ((acts.undo, undo), (acts.redo, redo)):
        for widget in old.associatedObjects():
            if isinstance(widget, (QMenu, QToolBar)):
                widget.insertAction(old, new)
                widget.removeAction(old)
        old.deleteLater()
    acts.undo, acts.redo = undo, redo
