"""The wall tool: a polyline of clicks becomes one wall of the chosen thickness and material."""

from __future__ import annotations

from planner.model import AddItem, Wall
from planner.ui.i18n import translate
from planner.ui.tools.points import PointsTool
from planner.ui.tools.snap import Point, closed_path

__all__ = ["WallTool"]


class WallTool(PointsTool):
    """Click the wall's corners; double-click, Enter or right-click ends it; clicking the first corner closes it."""

    name = "wall"

    def hint(self) -> str:
        return translate("WallTool", "Click the corners of the wall; double-click or Enter to finish, click the "
                                     "first corner to close it, Backspace removes the last corner, Esc cancels")

    def commit(self, points: list[Point], *, closed: bool) -> None:
        project, level = self.host.project, self.host.level()
        if project is None or level is None:
            return
        options = self.host.options
        path = closed_path(points) if closed and len(points) >= 3 else tuple(points)
        wall = Wall(id=project.new_id("w"), path=Wall.convert("path", path), thickness_m=options.wall_thickness_m,
                    material=options.wall_material)
        self.host.push(AddItem(level.id, wall), text=translate("WallTool", "Add a wall"))
