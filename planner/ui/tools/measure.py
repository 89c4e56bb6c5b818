"""Measure distances, and calibrate a background's scale from two points and their real distance."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt

from planner.geometry.compass import bearing
from planner.model import Background
from planner.model.commands import SetBackgrounds
from planner.ui.i18n import translate
from planner.ui.tools.base import Tool, ToolEvent, preview_pen
from planner.ui.tools.snap import Point, calibrated_transform

__all__ = ["MeasureTool", "CalibrateTool"]


class _TwoPoints(Tool):
    """Click a first point, then a second; the line and its length follow the pointer in between."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.first: Point | None = None

    def press(self, event: ToolEvent) -> None:
        if event.button != Qt.MouseButton.LeftButton:
            return
        if self.first is None:
            self.preview.clear()
            self.begin_gesture()
            self.first = event.point
            return
        first, self.first = self.first, None
        self.finish_gesture()
        self._line(first, event.point, event.scale)
        self.done(first, event.point)

    def move(self, event: ToolEvent) -> None:
        if self.first is None:
            self.preview.marker("cursor", event.point, event.scale)
            return
        self._line(self.first, event.point, event.scale)

    def _line(self, a: Point, b: Point, scale: float) -> None:
        self.preview.remove("cursor")
        self.preview.polyline("line", [a, b], pen=preview_pen(width=2.0, style=Qt.PenStyle.DashLine))
        self.preview.marker("a", a, scale)
        self.preview.marker("b", b, scale)
        self.preview.text("length", b, f"  {math.dist(a, b):.2f} m  {bearing(a, b):.0f}°")

    def cancel(self) -> None:
        self.first = None
        super().cancel()

    def done(self, a: Point, b: Point) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class MeasureTool(_TwoPoints):
    """Click two points to measure the distance between them."""

    name = "measure"

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.last: tuple[Point, Point, float] | None = None

    def hint(self) -> str:
        return translate("MeasureTool", "Click two points to measure their distance")

    def done(self, a: Point, b: Point) -> None:
        self.last = (a, b, math.dist(a, b))
        self.host.status(translate("MeasureTool", "Distance: {0} m, bearing {1}°")
                         .replace("{0}", f"{math.dist(a, b):.3f}").replace("{1}", f"{bearing(a, b):.1f}"))


class CalibrateTool(_TwoPoints):
    """Click two points of the background whose real distance you know; type it; the background is rescaled."""

    name = "calibrate"
    sticky = False

    def hint(self) -> str:
        return translate("CalibrateTool", "Click two points on the background whose real distance you know")

    def start(self) -> None:
        level = self.host.level()
        if level is None or not level.backgrounds:
            self.host.status(translate("CalibrateTool", "This level has no background to calibrate; "
                                                        "import one first (File ▸ Import Background…)"))
            return
        super().start()

    def done(self, a: Point, b: Point) -> None:
        level = self.host.level()
        if level is None or not level.backgrounds:
            return
        measured = math.dist(a, b)
        if measured <= 0:
            return
        real = self.host.ask_distance(measured)
        self.preview.clear()
        if real is None or real <= 0:
            self.host.status(self.hint())
            return
        first = level.backgrounds[0]
        placed = Background(source=first.source, page=first.page,
                           transform=calibrated_transform(first.transform, a, b, real),
                           opacity=first.opacity, locked=first.locked, extra=dict(first.extra))
        command = SetBackgrounds(level.id, [placed, *level.backgrounds[1:]])
        self.host.push(command, text=translate("CalibrateTool", "Calibrate background scale"))
        self.host.status(translate("CalibrateTool", "Background scaled by {0}")
                         .replace("{0}", f"{real / measured:.4g}"))
        self.host.tool_finished()
