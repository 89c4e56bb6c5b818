"""Help for a first run: the start panel of an empty plan, the bundled user guide, the shortcut list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from planner import assets
from planner.ui.i18n import translate

__all__ = ["StartPanel", "user_guide_path", "UserGuideDialog", "ShortcutsDialog", "shortcut_rows", "GESTURE_KEYS"]


def user_guide_path() -> Path:
    """The bundled user guide (``docs/user-guide.md``): in an installation under the assets, else in the checkout."""
    base = assets.assets_dir()
    for candidate in (base / "docs" / "user-guide.md", base.parent / "docs" / "user-guide.md"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"the user guide is missing (looked in {base / 'docs'})")


class UserGuideDialog(QDialog):
    """Help ▸ User Guide: the bilingual guide rendered from its Markdown, at the reader's language."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "User Guide"))
        self.setObjectName("user_guide")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        try:
            self.browser.setMarkdown(user_guide_path().read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            self.browser.setPlainText(str(exc))
        if language == "zh":
            self.browser.scrollToAnchor("中文")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(760, 680)


#: Keys of the plan's gestures, which no menu item shows.
def GESTURE_KEYS() -> list[tuple[str, str]]:
    return [
        (translate("Help", "Shift (while aiming)"), translate("Help", "Turn in steps of 15°")),
        (translate("Help", "Alt (while placing)"), translate("Help", "Place without snapping")),
        (translate("Help", "Space + drag, middle button"), translate("Help", "Pan the plan")),
        (translate("Help", "Mouse wheel"), translate("Help", "Zoom the plan")),
        (translate("Help", "Esc"), translate("Help", "Cancel the drawing or the drag")),
        (translate("Help", "Right button"), translate("Help", "Actions for what is under the pointer")),
    ]


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """``(keys, what)`` for every action with a shortcut, then the gesture keys."""
    rows = []
    for action in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        if keys:
            rows.append((", ".join(keys), action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
                         .rstrip("…").rstrip(".")))
    return rows + GESTURE_KEYS()


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: every action's keys and the plan's gestures."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Help", "Keyboard Shortcuts"))
        self.setObjectName("shortcuts")
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([translate("Help", "Keys"), translate("Help", "Action")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, (keys, what) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(keys))
            self.table.setItem(i, 1, QTableWidgetItem(what))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 640)


class StartPanel(QFrame):
    """Where to begin, over an empty plan: six steps, each a button with its shortcut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#start_panel { background: rgba(255, 255, 255, 235); border: 1px solid #9aa; "
                           "border-radius: 6px; } QPushButton { text-align: left; padding: 5px 10px; }")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(18, 14, 18, 14)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; font-size: 15px")
        self._layout.addWidget(self.title)
        self.buttons: list[QPushButton] = []
        self._steps: list[tuple[Callable[[], str], QAction | None]] = []

    def set_steps(self, steps: Sequence[tuple[Callable[[], str], QAction | None]]) -> None:
        """``(text, action)`` per step; the text is a function so a language change can redo it."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self._steps = list(steps)
        for _ in self._steps:
            button = QPushButton(self)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            self._layout.addWidget(button)
            self.buttons.append(button)
        for button, (_, action) in zip(self.buttons, self._steps, strict=True):
            if action is not None:
                button.clicked.connect(action.trigger)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("Help", "Start here"))
        for i, (button, (text, action)) in enumerate(zip(self.buttons, self._steps, strict=True)):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) if action is not None else ""
            button.setText(f"{i + 1}.  {text()}" + (f"   ({keys})" if keys else ""))
        self.adjustSize()
