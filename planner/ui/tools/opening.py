"""Doors, doorways and windows: click on a wall (or a zone edge) to cut an opening of the chosen width."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.model import AddItem, Opening
from planner.ui.i18n import translate
from planner.ui.tools.base import Tool, ToolEvent, preview_pen
from planner.ui.tools.snap import Segment, hit_wall, opening_on_segment

__all__ = ["OpeningTool", "DoorTool", "DoorwayTool", "WindowTool", "place_opening"]


def place_opening(level: Any, point: tuple[float, float], width: float, tolerance: float
                  ) -> tuple[Segment, str | None] | None:
    """Where an opening clicked at ``point`` goes: ``(segment, wall id)`` on the nearest wall, else on the
    nearest zone edge (wall id None); None when nothing is near or the side is too short."""
    walls = [(w.id, w.path, w.thickness_m) for w in level.walls]
    hit = hit_wall(point, walls, tolerance)
    if hit is not None:
        wall = next(w for w in level.walls if w.id == hit.wall_id)
        segment = opening_on_segment(point, wall.path[hit.index], wall.path[hit.index + 1], width)
        return (segment, wall.id) if segment is not None else None
    edges = [(z.id, (*z.polygon, z.polygon[0]), 0.0) for z in level.zones]
    hit = hit_wall(point, edges, tolerance)
    if hit is not None:
        zone = next(z for z in level.zones if z.id == hit.wall_id)
        ring = (*zone.polygon, zone.polygon[0])
        segment = opening_on_segment(point, ring[hit.index], ring[hit.index + 1], width)
        return (segment, None) if segment is not None else None
    return None


class OpeningTool(Tool):
    """Click on a wall to put an opening of :attr:`KIND` there."""

    KIND = "door"

    def hint(self) -> str:
        width = self.host.options.opening_width_m[self.KIND]
        return translate("OpeningTool", "Click on a wall to place it ({0} m wide; change the width in the Tools "
                                        "panel)").replace("{0}", f"{width:g}")

    def _where(self, event: ToolEvent) -> tuple[Segment, str | None] | None:
        level = self.host.level()
        if level is None:
            return None
        return place_opening(level, event.point, self.host.options.opening_width_m[self.KIND], event.tolerance)

    def move(self, event: ToolEvent) -> None:
        found = self._where(event)
        if found is None:
            self.preview.remove("opening")
            self.preview.marker("cursor", event.raw, event.scale, color=QColor(160, 160, 160))
            return
        self.preview.remove("cursor")
        self.preview.polyline("opening", list(found[0]), pen=preview_pen(width=6.0))

    def press(self, event: ToolEvent) -> None:
        if event.button != Qt.MouseButton.LeftButton:
            return
        found, project, level = self._where(event), self.host.project, self.host.level()
        if found is None or project is None or level is None:
            self.host.status(translate("OpeningTool", "Click on a wall or a zone edge long enough for the opening"))
            return
        segment, wall = found
        opening = Opening(id=project.new_id({"door": "d", "doorway": "dw", "window": "win"}[self.KIND]),
                          kind=self.KIND, segment=segment, wall=wall)
        texts = {"door": translate("OpeningTool", "Add a door"),
                 "doorway": translate("OpeningTool", "Add a doorway"),
                 "window": translate("OpeningTool", "Add a window")}
        self.host.push(AddItem(level.id, opening), text=texts[self.KIND])
        self.preview.clear()


class DoorTool(OpeningTool):
    name = "door"
    KIND = "door"


class DoorwayTool(OpeningTool):
    name = "doorway"
    KIND = "doorway"


class WindowTool(OpeningTool):
    name = "window"
    KIND = "window"
