"""The plan view: zoom about the cursor, pan, grid, and the pointer events of the active tool.

Mouse and key events become :class:`~planner.ui.tools.base.ToolEvent` in plan
metres, snapped (grid, wall ends, zone corners, along walls) unless snapping
is off or Alt is held, and go to the active tool. Middle-drag and
Space+drag pan whatever the tool.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from planner.ui import qtgeom
from planner.ui.items import DeviceLabelItem, EntityItem, PointItem
from planner.ui.tools.base import Tool, ToolEvent
from planner.ui.tools.snap import Snap, SnapTargets, snap_point

__all__ = ["PlanView", "grid_step", "GRID_STEPS"]

#: Grid spacings in metres; the finest whose lines are at least MIN_GRID_PX apart is drawn (and snapped to).
GRID_STEPS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 50.0, 100.0)
MIN_GRID_PX = 14.0
SNAP_PX = 9.0


def grid_step(scale: float) -> float:
    """The grid spacing drawn at ``scale`` pixels per metre.

    >>> grid_step(20.0), grid_step(100.0), grid_step(1.0)
    (1.0, 0.25, 25.0)
    """
    for step in GRID_STEPS:
        if step * scale >= MIN_GRID_PX:
            return step
    return GRID_STEPS[-1]


class PlanView(QGraphicsView):
    """The plan view: wheel zooms about the cursor; middle-drag or Space+drag pans; the rest goes to the tool."""

    #: The cursor's plan position in metres.
    cursor_moved = QtSignal(float, float)
    #: The zoom changed; the new scale in pixels per metre.
    scale_changed = QtSignal(float)
    #: Right click: (entity item under the pointer or None, plan point, global screen position).
    context_requested = QtSignal(object, object, object)

    MIN_SCALE = 0.2  # pixels per metre
    MAX_SCALE = 2000.0
    WHEEL_STEP = 1.2  # zoom factor per wheel notch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        # The grid is drawn once per zoom into an image that the frames of a drag blit (and scrolling moves).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self._background_key: Any = None
        self.setBackgroundBrush(QBrush(QColor(250, 250, 248)))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space = False
        self.tool: Tool | None = None
        self.show_grid = True
        self.snap_enabled = True
        self.snap_to_grid = True
        self.last_snap: Snap | None = None

    # -- zoom ------------------------------------------------------------------------------------
    def scale_factor(self) -> float:
        """Current zoom in pixels per metre."""
        return float(self.transform().m11())

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping the plan point under view point ``anchor`` (default: the centre) in place,
        within the allowed range."""
        current = self.scale_factor()
        factor = max(self.MIN_SCALE / current, min(self.MAX_SCALE / current, factor))
        viewport = self.viewport().rect()
        at = anchor if anchor is not None else QPointF(viewport.center())
        fixed = self.mapToScene(at.toPoint())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        moved = self.mapToScene(at.toPoint())
        self.translate(moved.x() - fixed.x(), moved.y() - fixed.y())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # the scroll bars are the view's position: put the fixed point back under the anchor exactly
        error = self.mapFromScene(fixed) - at.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + error.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + error.y())
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
            self.zoom_by(self.WHEEL_STEP ** (delta / 120.0), event.position())
        event.accept()

    # -- grid --------------------------------------------------------------------------------------
    def grid_step(self) -> float:
        return grid_step(self.scale_factor())

    def paintEvent(self, event: QPaintEvent) -> None:
        key = (self.transform(), self.show_grid, self.backgroundBrush())
        if key != self._background_key:  # the cached grid is of another zoom (or none is wanted now)
            self._background_key = key
            self.resetCachedContent()
        super().paintEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        if not self.show_grid:
            return
        step = self.grid_step()
        minor, major = QPen(QColor(228, 230, 234)), QPen(QColor(206, 210, 218))
        minor.setCosmetic(True)
        major.setCosmetic(True)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        lines: dict[bool, list[QPointF]] = {False: [], True: []}
        x = math.floor(rect.left() / step) * step
        while x <= rect.right():
            lines[abs(x / (step * 5) - round(x / (step * 5))) < 1e-6] += [QPointF(x, rect.top()),
                                                                          QPointF(x, rect.bottom())]
            x += step
        y = math.floor(rect.top() / step) * step
        while y <= rect.bottom():
            lines[abs(y / (step * 5) - round(y / (step * 5))) < 1e-6] += [QPointF(rect.left(), y),
                                                                          QPointF(rect.right(), y)]
            y += step
        painter.setPen(minor)
        painter.drawLines(lines[False])
        painter.setPen(major)
        painter.drawLines(lines[True])
        painter.restore()

    # -- tools -------------------------------------------------------------------------------------
    def set_tool(self, tool: Tool | None) -> None:
        if self.tool is not None and self.tool is not tool:
            self.tool.end()
        self.tool = tool
        if tool is not None:
            tool.start()

    def snap(self, raw: tuple[float, float], *, targets: SnapTargets | None = None,
             modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Snap:
        """Snap a plan point the way the pointer snaps now."""
        if not self.snap_enabled or modifiers & Qt.KeyboardModifier.AltModifier:
            return Snap(raw, "none")
        scene = self.scene()
        if targets is None:
            targets = scene.snap_targets() if hasattr(scene, "snap_targets") else SnapTargets()
        scale = self.scale_factor()
        return snap_point(raw, targets, grid=self.grid_step() if self.snap_to_grid else None,
                          tolerance=SNAP_PX / scale)

    def entity_item_at(self, pos: QPoint) -> QGraphicsItem | None:
        """The topmost visible entity item within a few pixels of view point ``pos``."""
        r = 4
        area = self.mapToScene(pos.x() - r, pos.y() - r, 2 * r, 2 * r).boundingRect()
        found: list[QGraphicsItem] = []
        for item in self.scene().items(area, Qt.ItemSelectionMode.IntersectsItemShape,
                                       Qt.SortOrder.DescendingOrder, self.transform()):
            if isinstance(item, DeviceLabelItem):
                continue  # a device's name is not the device: pressing beside it starts a rubber band
            while item is not None and not isinstance(item, EntityItem):
                item = item.parentItem()
            if item is not None and item.isVisible() and item not in found:
                found.append(item)
        points = [item for item in found if isinstance(item, PointItem)]
        if points:  # devices close together: the one nearest the pointer
            at = self.mapToScene(pos)
            return min(points, key=lambda item: (item.scenePos() - at).manhattanLength())
        return found[0] if found else None

    def _tool_event(self, event: QMouseEvent, button: Qt.MouseButton | None = None) -> ToolEvent:
        pos = event.position().toPoint()
        raw = qtgeom.from_scene(self.mapToScene(pos))
        if self.tool is not None and not self.tool.snaps_events:
            snapped = Snap(raw, "none")  # the tool snaps what it moves itself, against its own targets
        else:
            snapped = self.snap(raw, modifiers=event.modifiers())
        self.last_snap = snapped
        return ToolEvent(raw=raw, point=snapped.point, snap=snapped.kind,
                         button=event.button() if button is None else button, modifiers=event.modifiers(),
                         scale=self.scale_factor(), find_item=lambda: self.entity_item_at(pos))

    # -- mouse and keys ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        pans = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        )
        if pans:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self.tool is not None:
            self.tool.press(self._tool_event(event))
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
        elif self.tool is not None:
            held = Qt.MouseButton.LeftButton if event.buttons() & Qt.MouseButton.LeftButton else \
                Qt.MouseButton.NoButton
            self.tool.move(self._tool_event(event, held))
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
        if self.tool is not None:
            self.tool.release(self._tool_event(event))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and not self._space:
            self.tool.double_click(self._tool_event(event))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: Any) -> None:
        pos = event.pos()
        raw = qtgeom.from_scene(self.mapToScene(pos))
        self.context_requested.emit(self.entity_item_at(pos), raw, event.globalPos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self._update_cursor()
            event.accept()
            return
        if self.tool is not None and self.tool.key_press(event):
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

    def focusOutEvent(self, event: Any) -> None:
        self._space, self._pan_from = False, None
        self._update_cursor()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace) and \
                self.tool is not None and (self.tool.busy or event.key() == Qt.Key.Key_Escape):
            event.accept()  # the tool gets these keys before any shortcut
            return True
        return super().event(event)

    def _update_cursor(self) -> None:
        if self._pan_from is not None:
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        elif self._space:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif self.tool is not None and self.tool.name != "select":
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.viewport().unsetCursor()
