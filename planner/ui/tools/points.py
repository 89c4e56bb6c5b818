"""Shared by the tools that place points one click at a time (walls, rooms, zones) or drag a rectangle."""

from __future__ import annotations

import itertools
import math
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent

from planner.ui.i18n import translate
from planner.ui.tools.base import Tool, ToolEvent, preview_pen
from planner.ui.tools.snap import Point, is_closing_click, rectangle

__all__ = ["PointsTool", "RectangleTool"]


def _length(points: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(points))


class PointsTool(Tool):
    """Click to add points; double-click or Enter to finish; click the first point to close; Backspace
    takes the last point back; Esc cancels."""

    #: Fewest points of a finished shape.
    MIN_POINTS = 2
    #: The shape is a closed ring (a room or zone) rather than a polyline.
    CLOSED = False
    #: Fill of the preview of closed shapes.
    FILL = QColor(255, 160, 60, 50)

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.points: list[Point] = []
        self._cursor: Point | None = None

    def press(self, event: ToolEvent) -> None:
        if event.button == Qt.MouseButton.RightButton and self.points:
            self._finish()
            return
        if event.button != Qt.MouseButton.LeftButton:
            return
        point = event.point
        if is_closing_click(self.points, point, event.tolerance):
            self._finish(closed=True)
            return
        if self.points and self.points[-1] == point:
            return
        self.begin_gesture()
        self.points.append(point)
        self._draw(event)

    def move(self, event: ToolEvent) -> None:
        self._cursor = event.point
        self.preview.marker("cursor", event.point, event.scale, radius_px=3.5 if event.snap == "none" else 5.0)
        if self.points:
            self._draw(event)

    def double_click(self, event: ToolEvent) -> None:
        if event.button == Qt.MouseButton.LeftButton and self.points:
            self._finish()

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.points:
            self._finish()
            return True
        if event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            if not self.points:
                self.cancel()
            else:
                self._draw(None)
            return True
        return super().key_press(event)

    def _draw(self, event: ToolEvent | None) -> None:
        points = list(self.points)
        if self._cursor is not None and (not points or points[-1] != self._cursor):
            points.append(self._cursor)
        closed = self.CLOSED and len(points) >= 3
        self.preview.polyline("shape", points, closed=closed, pen=preview_pen(width=2.0),
                              brush=self.FILL if closed else None)
        if points:
            self.preview.text("length", points[-1], self._measure_text(points))

    def _measure_text(self, points: list[Point]) -> str:
        if len(points) < 2:
            return ""
        return f"  {math.dist(points[-2], points[-1]):.2f} m"

    def _finish(self, *, closed: bool = False) -> None:
        points = list(self.points)
        self.points = []
        self._cursor = None
        self.finish_gesture()
        if len(set(points)) >= self.MIN_POINTS:
            self.commit(points, closed=closed)
        self.host.status(self.hint())

    def cancel(self) -> None:
        self.points = []
        super().cancel()

    def commit(self, points: list[Point], *, closed: bool) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class RectangleTool(Tool):
    """Drag (or click twice) from one corner to the opposite corner."""

    FILL = QColor(255, 160, 60, 50)

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.corner: Point | None = None
        self._dragged = False

    def hint(self) -> str:
        return translate("RectangleTool", "Drag from one corner to the opposite corner (or click both corners)")

    def press(self, event: ToolEvent) -> None:
        if event.button != Qt.MouseButton.LeftButton:
            return
        if self.corner is None:
            self.begin_gesture()
            self.corner = event.point
            self._dragged = False
        else:
            self._finish(event.point)

    def move(self, event: ToolEvent) -> None:
        self.preview.marker("cursor", event.point, event.scale)
        if self.corner is None:
            return
        if math.dist(self.corner, event.point) * event.scale > 4:
            self._dragged = bool(event.button == Qt.MouseButton.LeftButton) or self._dragged
        corners = list(rectangle(self.corner, event.point))
        self.preview.polyline("shape", corners, closed=True, pen=preview_pen(width=2.0), brush=self.FILL)
        (x0, y0), _, (x1, y1), _ = corners
        self.preview.text("length", event.point, f"  {x1 - x0:.2f} × {y1 - y0:.2f} m")

    def release(self, event: ToolEvent) -> None:
        if event.button == Qt.MouseButton.LeftButton and self.corner is not None and \
                math.dist(self.corner, event.point) * event.scale > 4:
            self._finish(event.point)

    def _finish(self, other: Point) -> None:
        corner, self.corner = self.corner, None
        self.finish_gesture()
        if corner is None:
            return
        ring = list(rectangle(corner, other))
        (x0, y0), _, (x1, y1), _ = ring
        if x1 - x0 > 1e-6 and y1 - y0 > 1e-6:
            self.commit(ring, closed=True)
        self.host.status(self.hint())

    def cancel(self) -> None:
        self.corner = None
        super().cancel()

    def commit(self, points: list[Point], *, closed: bool) -> None:  # pragma: no cover - abstract
        raise NotImplementedError
