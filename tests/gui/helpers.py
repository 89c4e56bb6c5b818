"""Drive the editor as a user does: real mouse events on the plan view, dialogs that answer at once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from planner.io import encode_project
from planner.model import Project
from planner.ui import qtgeom
from planner.ui.dialogs import Dialogs
from planner.ui.window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NO_BUTTON = Qt.MouseButton.NoButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


class FakeDialogs(Dialogs):
    """Answers every question from its attributes and records what was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, Any]] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.open_path: str | None = None
        self.save_path: str | None = None
        self.save_changes = "discard"
        self.distance: float | None = None
        self.text: str | None = None
        self.venue_changes: dict[str, Any] | None = None
        self.recover = True
        self.printer_setup: Any = None  # callable(printer) -> bool
        self.import_uses: dict[str, str] | None = None
        self.review_reimport: Any = None

    def ask_open_path(self, parent: Any, title: str, start: str, filters: str) -> str | None:
        self.asked.append(("open", title))
        return self.open_path

    def ask_save_path(self, parent: Any, title: str, start: str, filters: str) -> str | None:
        self.asked.append(("save", title))
        return self.save_path

    def ask_save_changes(self, parent: Any, name: str) -> str:
        self.asked.append(("save_changes", name))
        return self.save_changes

    def show_error(self, parent: Any, title: str, message: str) -> None:
        self.errors.append((title, message))

    def show_info(self, parent: Any, title: str, message: str) -> None:
        self.infos.append((title, message))

    def show_dialog(self, dialog: Any) -> None:
        self.asked.append(("dialog", dialog))

    def ask_distance(self, parent: Any, measured_m: float) -> float | None:
        self.asked.append(("distance", measured_m))
        return self.distance

    def ask_text(self, parent: Any, title: str, label: str, text: str = "") -> str | None:
        self.asked.append(("text", text))
        return self.text

    def edit_venue(self, parent: Any, venue: Any, focus: str | None = None) -> dict[str, Any] | None:
        self.asked.append(("venue", focus))
        return self.venue_changes

    def ask_recover(self, parent: Any, entries: Sequence[Any]) -> bool:
        self.asked.append(("recover", [e.title for e in entries]))
        return self.recover

    def ask_printer(self, parent: Any, printer: Any) -> bool:
        self.asked.append(("printer", printer))
        return bool(self.printer_setup(printer)) if self.printer_setup else False

    def review_import(self, parent: Any, entries: Sequence[Any], *, private_uses: frozenset[str] = frozenset(),
                      result: Any = None, reimport: Any = None) -> tuple[dict[str, str], Any] | None:
        self.asked.append(("review", [(e.zone, e.suggested_use, e.source_label) for e in entries]))
        self.review_reimport = reimport
        if self.import_uses is None:
            return {e.zone: e.suggested_use for e in entries}, result
        return self.import_uses, result


def make_editor(qtbot: Any, tmp_path: Path, project: Project | None = None, *, language: str = "en",
                scale: float = 40.0, centre: tuple[float, float] = (5.0, 4.0)) -> tuple[MainWindow, FakeDialogs]:
    """A shown editor with fake dialogs, no autosave timer, recovery in ``tmp_path``, a fixed zoom."""
    window = MainWindow(language=language, recovery_dir=tmp_path / "recovery", autosave=False)
    dialogs = FakeDialogs()
    window.dialogs = dialogs
    qtbot.addWidget(window)
    window.resize(1300, 900)
    if project is not None:
        window.set_project(project)
    else:
        window.files.new()
    window.show()
    qtbot.waitExposed(window)
    window._fit_on_show = False
    set_zoom(window, scale, centre)
    return window, dialogs


def set_zoom(window: MainWindow, scale: float, centre: tuple[float, float]) -> None:
    view = window.view
    view.resetTransform()
    view.scale(scale, scale)
    view.centerOn(qtgeom.to_scene(centre))
    view.scale_changed.emit(view.scale_factor())


def snapshot(project: Project) -> dict[str, Any]:
    return encode_project(project)


class Pointer:
    """Mouse and keys on the plan view, in plan metres."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = window.view
        self.buttons = NO_BUTTON

    def at(self, xy: Sequence[float]) -> QPoint:
        return self.view.mapFromScene(qtgeom.to_scene(xy))

    def _send(self, kind: QEvent.Type, xy: Sequence[float], button: Qt.MouseButton,
              modifiers: Qt.KeyboardModifier = NO_MODIFIER) -> None:
        local = QPointF(self.at(xy))
        viewport = self.view.viewport()
        event = QMouseEvent(kind, local, QPointF(viewport.mapToGlobal(local)), button, self.buttons, modifiers)
        QApplication.sendEvent(viewport, event)

    def press(self, xy: Sequence[float], button: Qt.MouseButton = LEFT, modifiers: Any = NO_MODIFIER) -> None:
        self.buttons = button
        self._send(QEvent.Type.MouseButtonPress, xy, button, modifiers)

    def move(self, xy: Sequence[float], modifiers: Any = NO_MODIFIER) -> None:
        self._send(QEvent.Type.MouseMove, xy, NO_BUTTON, modifiers)

    def release(self, xy: Sequence[float], button: Qt.MouseButton = LEFT, modifiers: Any = NO_MODIFIER) -> None:
        self.buttons = NO_BUTTON
        self._send(QEvent.Type.MouseButtonRelease, xy, button, modifiers)

    def click(self, xy: Sequence[float], modifiers: Any = NO_MODIFIER) -> None:
        self.move(xy, modifiers)
        self.press(xy, LEFT, modifiers)
        self.release(xy, LEFT, modifiers)

    def double_click(self, xy: Sequence[float]) -> None:
        self.click(xy)
        self.buttons = LEFT
        self._send(QEvent.Type.MouseButtonDblClick, xy, LEFT)
        self.buttons = NO_BUTTON
        self._send(QEvent.Type.MouseButtonRelease, xy, LEFT)

    def drag(self, a: Sequence[float], b: Sequence[float], steps: int = 6, modifiers: Any = NO_MODIFIER) -> None:
        self.move(a)
        self.press(a, LEFT, modifiers)
        for i in range(1, steps + 1):
            t = i / steps
            self.move((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), modifiers)
        self.release(b, LEFT, modifiers)

    def key(self, key: Qt.Key, modifiers: Any = NO_MODIFIER) -> None:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(self.view, QKeyEvent(kind, key, modifiers))
