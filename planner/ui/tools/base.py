"""What every tool shares: the event it receives, the host it edits through, its preview.

A tool is an interaction object: the view forwards mouse and key events to the
active tool as :class:`ToolEvent` (plan metres, already snapped); the tool
draws a live preview with :class:`Preview`, commits through
:meth:`ToolHost.push` (one model command per gesture) and :meth:`Tool.cancel`
drops whatever it was doing (Esc, another tool, a new level).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem

from planner.model import Command, Level, Project
from planner.ui import qtgeom
from planner.ui.tools.snap import Point, Snap, SnapTargets

if TYPE_CHECKING:
    from planner.ui.scene import LevelScene

__all__ = ["ToolEvent", "ToolOptions", "ToolHost", "Tool", "Preview", "PREVIEW_COLOR", "preview_pen"]

PREVIEW_COLOR = QColor(255, 120, 0)
Z_PREVIEW = 1000.0


def preview_pen(color: QColor = PREVIEW_COLOR, width: float = 1.6, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    return pen


@dataclass(frozen=True)
class ToolEvent:
    """A pointer event in plan terms."""

    raw: Point  # the plan point under the cursor
    point: Point  # ... snapped
    snap: str  # what it snapped to: vertex, edge, grid, none
    button: Qt.MouseButton = Qt.MouseButton.NoButton
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    scale: float = 20.0  # pixels per metre
    #: Finds the topmost entity item under the cursor; looked up once, when a tool first asks for :attr:`item`
    #: (a search of the scene, which most moves of a drag never need).
    find_item: Callable[[], Any] | None = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def item(self) -> Any:
        """The topmost entity item under the cursor, if any."""
        return self.find_item() if self.find_item is not None else None

    @property
    def tolerance(self) -> float:
        """Eight screen pixels in metres: how close counts as 'on' something."""
        return 8.0 / max(self.scale, 1e-6)

    @property
    def shift(self) -> bool:
        return bool(self.modifiers & Qt.KeyboardModifier.ShiftModifier)

    @property
    def control(self) -> bool:
        return bool(self.modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier))


@dataclass
class ToolOptions:
    """Settings the drawing tools take new entities from (the Tools dock edits them)."""

    zone_use: str = "other"
    wall_thickness_m: float = 0.15
    wall_material: str = "opaque"
    opening_width_m: dict[str, float] = field(default_factory=lambda: {"door": 0.9, "doorway": 1.2, "window": 1.5})
    camera_hfov_deg: float = 90.0
    camera_face_recognition: bool = False
    camera_mount_height_m: float = 2.8
    sign_kind: str = "cctv_notice"
    sign_size: str = "A3"


class ToolHost(Protocol):
    """What tools edit through (the main window provides it)."""

    scene: LevelScene
    options: ToolOptions

    @property
    def project(self) -> Project | None:  # pragma: no cover - interface
        raise NotImplementedError

    def level(self) -> Level | None:  # pragma: no cover - interface
        raise NotImplementedError

    def push(self, command: Command, *, text: str | None = None, gesture: Any = None) -> bool:  # pragma: no cover
        raise NotImplementedError

    def new_gesture(self) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def apply_live(self, command: Command) -> bool:  # pragma: no cover - interface
        """Apply one step of a drag without recording it; False when the model refuses it."""
        raise NotImplementedError

    def record(self, command: Command, *, text: str | None = None) -> None:  # pragma: no cover - interface
        """Record a finished drag (already applied) as one undo step."""
        raise NotImplementedError

    def snap(self, raw: Point, scale: float, *, targets: SnapTargets | None = None) -> Snap:  # pragma: no cover
        raise NotImplementedError

    def status(self, message: str) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def set_interacting(self, interacting: bool) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def ask_distance(self, measured_m: float) -> float | None:  # pragma: no cover - interface
        raise NotImplementedError

    def tool_finished(self) -> None:  # pragma: no cover - interface
        """A one-shot tool is done (the host may go back to the select tool)."""
        raise NotImplementedError


class Preview:
    """Temporary items a tool draws on the scene; gone on :meth:`clear`."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        self._items: dict[str, QGraphicsItem] = {}

    def _alive(self, name: str) -> QGraphicsItem | None:
        if not shiboken6.isValid(self._scene):
            self._items.clear()
            return None
        item = self._items.get(name)
        if item is not None and not shiboken6.isValid(item):
            del self._items[name]
            return None
        return item

    def path(self, name: str, path: QPainterPath, pen: QPen | None = None,
             brush: QBrush | QColor | None = None) -> QGraphicsPathItem:
        """Show (or update) the path ``name``."""
        item = self._alive(name)
        if not isinstance(item, QGraphicsPathItem):
            item = QGraphicsPathItem()
            item.setZValue(Z_PREVIEW)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self._scene.addItem(item)
            self._items[name] = item
        item.setPath(path)
        item.setPen(pen or preview_pen())
        item.setBrush(QBrush(brush) if brush is not None else QBrush(Qt.BrushStyle.NoBrush))
        return item

    def polyline(self, name: str, points: Sequence[Point], *, closed: bool = False, pen: QPen | None = None,
                 brush: QColor | None = None) -> QGraphicsPathItem:
        path = QPainterPath()
        if points:
            path.moveTo(qtgeom.to_scene(points[0]))
            for p in points[1:]:
                path.lineTo(qtgeom.to_scene(p))
            if closed:
                path.closeSubpath()
        return self.path(name, path, pen, brush)

    def marker(self, name: str, point: Point, scale: float, *, radius_px: float = 4.0,
               color: QColor = PREVIEW_COLOR) -> QGraphicsPathItem:
        """A small circle of ``radius_px`` screen pixels at ``point``."""
        path = QPainterPath()
        r = radius_px / max(scale, 1e-6)
        path.addEllipse(qtgeom.to_scene(point), r, r)
        return self.path(name, path, preview_pen(color, 1.5), QColor(255, 255, 255, 220))

    def text(self, name: str, point: Point, text: str) -> QGraphicsSimpleTextItem:
        """A label in screen pixels beside ``point``."""
        item = self._alive(name)
        if not isinstance(item, QGraphicsSimpleTextItem):
            item = QGraphicsSimpleTextItem()
            item.setZValue(Z_PREVIEW + 1)
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            font = QFont()
            font.setPixelSize(13)
            font.setBold(True)
            item.setFont(font)
            item.setBrush(QColor(120, 50, 0))
            item.setPen(QPen(QColor(255, 255, 255, 200), 0.4))
            self._scene.addItem(item)
            self._items[name] = item
        item.setText(text)
        item.setPos(qtgeom.to_scene(point) + QPointF(0, 0))
        return item

    def remove(self, name: str) -> None:
        if not shiboken6.isValid(self._scene):  # the window is closing: the scene took its items along
            self._items.clear()
            return
        item = self._alive(name)
        if item is not None:
            if item.scene() is not None:
                item.scene().removeItem(item)
            del self._items[name]

    def clear(self) -> None:
        for name in list(self._items):
            self.remove(name)

    @property
    def names(self) -> list[str]:
        return [name for name in list(self._items) if self._alive(name) is not None]


class Tool(QObject):
    """Base class of the editor's tools: start / end / cancel around a live preview."""

    #: Stable name used by actions, settings and tests.
    name = ""
    #: Stays active after committing (drawing tools); one-shot tools hand back to select.
    sticky = True
    #: The view snaps the pointer for this tool's events (``ToolEvent.point``); False: the tool snaps itself.
    snaps_events = True

    def __init__(self, host: ToolHost) -> None:
        super().__init__()
        self.host = host
        self.preview = Preview(host.scene)
        self._busy = False

    # -- life cycle -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while a gesture is under way (points placed, a drag running)."""
        return self._busy

    def start(self) -> None:
        """The tool became active."""
        self.host.status(self.hint())

    def end(self) -> None:
        """Another tool takes over: drop any unfinished gesture."""
        self.cancel()

    def cancel(self) -> None:
        """Drop the gesture in progress and its preview (Esc)."""
        self.preview.clear()
        if self._busy:
            self._busy = False
            self.host.set_interacting(False)

    def begin_gesture(self) -> None:
        if not self._busy:
            self._busy = True
            self.host.set_interacting(True)

    def finish_gesture(self) -> None:
        self.preview.clear()
        if self._busy:
            self._busy = False
            self.host.set_interacting(False)

    def hint(self) -> str:
        """What the status bar says while the tool is active."""
        return ""

    # -- events (plan coordinates) --------------------------------------------------------------------
    def press(self, event: ToolEvent) -> None:
        pass

    def move(self, event: ToolEvent) -> None:
        pass

    def release(self, event: ToolEvent) -> None:
        pass

    def double_click(self, event: ToolEvent) -> None:
        pass

    def key_press(self, event: QKeyEvent) -> bool:
        """Handle a key; return True if used. Esc cancels a gesture in progress."""
        if event.key() == Qt.Key.Key_Escape and (self._busy or self.preview.names):
            self.cancel()
            self.host.status(self.hint())
            return True
        return False
