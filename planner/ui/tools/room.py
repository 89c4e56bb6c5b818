"""Rooms and zones: a polygon (or a rectangle) becomes a zone of the chosen use, a room also gets its walls."""

from __future__ import annotations

from planner.model import AddItem, Macro, Wall, Zone
from planner.ui.i18n import translate
from planner.ui.names import use_name
from planner.ui.tools.base import ToolHost
from planner.ui.tools.points import PointsTool, RectangleTool
from planner.ui.tools.snap import Point, closed_path

__all__ = ["RoomTool", "ZoneTool", "RectRoomTool", "RectZoneTool", "add_room"]


def add_room(host: ToolHost, ring: list[Point], *, walls: bool) -> bool:
    """Push one step that adds a zone on ``ring`` (and a closed wall around it when ``walls``)."""
    project, level = host.project, host.level()
    if project is None or level is None:
        return False
    options = host.options
    zone = Zone(id=project.new_id("z"), name="", use=options.zone_use, polygon=Zone.convert("polygon", ring))
    if not walls:
        text = translate("RoomTool", "Add zone ({0})").replace("{0}", use_name(zone.use))
        return host.push(AddItem(level.id, zone), text=text)
    wall_id = project.new_id("w")
    wall = Wall(id=wall_id, path=Wall.convert("path", closed_path(ring)), thickness_m=options.wall_thickness_m,
                material=options.wall_material)
    text = translate("RoomTool", "Add room ({0})").replace("{0}", use_name(zone.use))
    return host.push(Macro(text, [AddItem(level.id, zone), AddItem(level.id, wall)]), text=text)


class RoomTool(PointsTool):
    """Click the corners of a room: a zone of the chosen use with walls along its edges."""

    name = "room"
    MIN_POINTS = 3
    CLOSED = True
    WALLS = True

    def hint(self) -> str:
        return translate("RoomTool", "Click the corners of the room; click the first corner, double-click or press "
                                     "Enter to close it; Esc cancels")

    def commit(self, points: list[Point], *, closed: bool) -> None:
        add_room(self.host, points, walls=self.WALLS)


class ZoneTool(RoomTool):
    """Click the corners of a zone (an area of a use, without walls)."""

    name = "zone"
    WALLS = False

    def hint(self) -> str:
        return translate("RoomTool", "Click the corners of the zone (no walls); click the first corner, double-click "
                                     "or press Enter to close it; Esc cancels")


class RectRoomTool(RectangleTool):
    """A rectangular room: drag from corner to corner."""

    name = "rect_room"
    WALLS = True

    def commit(self, points: list[Point], *, closed: bool) -> None:
        add_room(self.host, points, walls=self.WALLS)


class RectZoneTool(RectRoomTool):
    """A rectangular zone without walls."""

    name = "rect_zone"
    WALLS = False
