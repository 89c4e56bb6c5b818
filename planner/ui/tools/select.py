"""The select tool: click, Shift-click, rubber band; drag to move; handles to aim cameras and edit shapes.

One drag is one undo step: every mouse move applies its change to the model at
once (the plan, the coverage and the findings follow live), the changes add up
in one command, and the release records that command on the undo stack. Esc
during a drag reverts it, leaving nothing to redo. A camera's handles turn it
(``heading``) and open or close its lens (``left`` / ``right``); a selected
zone's or wall's corners drag.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainterPath
from PySide6.QtWidgets import QGraphicsItem

from planner.geometry.compass import bearing
from planner.geometry.openings import WallIndex
from planner.model import Camera, Command, Move, Opening, SetProperty, Sign, Wall, Zone
from planner.ui import qtgeom
from planner.ui.i18n import translate
from planner.ui.items import EntityItem, PointItem
from planner.ui.names import step_name
from planner.ui.tools.base import PREVIEW_COLOR, Tool, ToolEvent, preview_pen
from planner.ui.tools.snap import (
    Point,
    SnapTargets,
    camera_handles,
    fov_from_handle,
    hit_wall,
    level_targets,
    nearest_handle,
    nearest_vertex,
    opening_on_segment,
    replace_vertex,
)

__all__ = ["SelectTool", "HANDLE_PX", "DRAG_START_PX"]

#: Camera handle distance from the camera, in screen pixels.
HANDLE_PX = 70.0
#: A press becomes a drag after the pointer moved this far (pixels).
DRAG_START_PX = 4.0


def _reference_points(entity: Any) -> list[Point]:
    """Points of an entity that snap when it moves."""
    if isinstance(entity, (Camera, Sign)):
        return [entity.position]
    if isinstance(entity, Zone):
        return list(entity.polygon)
    if isinstance(entity, Wall):
        return list(entity.path)
    if isinstance(entity, Opening):
        return list(entity.segment)
    return []


class SelectTool(Tool):
    """Select, move, rubber-band; aim cameras and drag corners by their handles."""

    name = "select"
    snaps_events = False  # a drag snaps the grabbed point against targets without the moving items

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self._mode: str | None = None
        self._press: ToolEvent | None = None
        self._gesture: Any = None
        self._live: Command | None = None  # what the drag changed so far (applied, not yet recorded)
        self._live_text = ""
        self._live_project: Any = None
        self._ids: list[str] = []
        self._applied = (0.0, 0.0)
        self._anchor: Point = (0.0, 0.0)
        self._targets: SnapTargets | None = None
        self._handle: str | None = None
        self._vertex: int | None = None
        self._scale = 20.0
        host.scene.selectionChanged.connect(self.refresh)

    def hint(self) -> str:
        return translate("SelectTool", "Click to select, Shift+click to add, drag to move or to select an area; "
                                       "drag a camera's handles to aim it")

    # -- handles ------------------------------------------------------------------------------------
    def _single(self) -> Any:
        ids = self.host.scene.selected_ids()
        project = self.host.project
        if len(ids) != 1 or project is None or ids[0] not in project:
            return None
        return project.get(ids[0])

    def handles(self, scale: float | None = None) -> dict[str, Point]:
        """Handle name -> plan point of the selected camera or sign (empty for other selections)."""
        scale = scale or self._scale
        entity = self._single()
        if isinstance(entity, Camera):
            fov = 360.0 if entity.omnidirectional else entity.hfov_deg
            return camera_handles(entity.position, entity.heading_deg, fov, HANDLE_PX / scale)
        if isinstance(entity, Sign):
            return camera_handles(entity.position, entity.facing_deg, 360.0, HANDLE_PX * 0.6 / scale)
        return {}

    def refresh(self, scale: float | None = None) -> None:
        """Redraw the handles of the selection (after a selection, model or zoom change)."""
        if scale:
            self._scale = scale
        entity = self._single()
        handles = self.handles() if entity is not None else {}
        wanted = {"handle-lines", *(f"handle-{name}" for name in handles)} if handles else set()
        for name in [n for n in self.preview.names if n.startswith("handle") and n not in wanted]:
            self.preview.remove(name)
        if not handles or entity is None:
            return
        # the handles that stay are moved in place (a drag redraws them every frame)
        origin = entity.position
        path = QPainterPath()
        for point in handles.values():
            path.moveTo(qtgeom.to_scene(origin))
            path.lineTo(qtgeom.to_scene(point))
        self.preview.path("handle-lines", path, preview_pen(PREVIEW_COLOR, 1.0, Qt.PenStyle.DashLine))
        for name, point in handles.items():
            self.preview.marker(f"handle-{name}", point, self._scale, radius_px=5.0 if name == "heading" else 4.0,
                                color=QColor(PREVIEW_COLOR) if name == "heading" else QColor(30, 120, 200))

    # -- events ---------------------------------------------------------------------------------------
    def press(self, event: ToolEvent) -> None:
        if event.button != Qt.MouseButton.LeftButton:
            return
        self._scale = event.scale
        self._press = event
        scene = self.host.scene
        handle = nearest_handle(event.raw, self.handles(event.scale), event.tolerance * 1.2)
        if handle is not None:
            self._mode, self._handle = "handle", handle
            return
        entity = self._single()
        if isinstance(entity, (Zone, Wall)):
            points = entity.polygon if isinstance(entity, Zone) else entity.path
            index = nearest_vertex(event.raw, points, event.tolerance)
            if index is not None:
                self._mode, self._vertex = "vertex", index
                others = self.host.level()
                assert others is not None
                self._targets = level_targets([w.path for w in others.walls if w.id != entity.id],
                                              [z.polygon for z in others.zones if z.id != entity.id])
                return
        item = event.item
        if isinstance(item, EntityItem) and isinstance(item, QGraphicsItem):
            if event.shift or event.control:
                item.setSelected(not item.isSelected())
                self._mode = None
                return
            if not item.isSelected():
                scene.select_ids([item.entity_id])
            self._mode = "pending"
            self._anchor_from(item.entity_id, event.raw)
            return
        self._mode = "rubber"
        if not (event.shift or event.control):
            scene.clearSelection()

    def _anchor_from(self, grabbed: str, where: Point) -> None:
        """The grabbed entity's point nearest the press is what snaps while moving."""
        project = self.host.project
        assert project is not None
        points = _reference_points(project.get(grabbed))
        self._anchor = min(points, key=lambda p: math.dist(p, where)) if points else where

    def move(self, event: ToolEvent) -> None:
        self._scale = event.scale
        if self._mode is None or self._press is None:
            return
        start = self._press
        if self._mode == "pending":
            dx_px = (event.raw[0] - start.raw[0]) * event.scale
            dy_px = (event.raw[1] - start.raw[1]) * event.scale
            if math.hypot(dx_px, dy_px) < DRAG_START_PX:
                return
            self._start_move()
        if self._mode == "move":
            self._drag_move(event)
        elif self._mode == "rubber":
            rect = QRectF(qtgeom.to_scene(start.raw), qtgeom.to_scene(event.raw)).normalized()
            path = QPainterPath()
            path.addRect(rect)
            self.preview.path("rubber", path, preview_pen(QColor(30, 120, 200), 1.0, Qt.PenStyle.DashLine),
                              QColor(30, 120, 200, 30))
        elif self._mode == "handle":
            self._drag_handle(event)
        elif self._mode == "vertex":
            self._drag_vertex(event)

    def _start_move(self) -> None:
        project, level = self.host.project, self.host.level()
        assert project is not None and level is not None
        ids = [i for i in self.host.scene.selected_ids() if i in project]
        walls = {i for i in ids if isinstance(project.get(i), Wall)}
        if walls:  # doors go with their wall
            index = WallIndex(level.walls)
            ids += [o.id for o in level.openings
                    if o.id not in ids and (o.wall in walls or getattr(index.wall_under(o), "id", None) in walls)]
        self._ids = ids
        moving = set(ids)
        self._targets = level_targets([w.path for w in level.walls if w.id not in moving],
                                      [z.polygon for z in level.zones if z.id not in moving])
        self._gesture = self.host.new_gesture()
        self._applied = (0.0, 0.0)
        self._mode = "move"
        self.begin_gesture()

    def _drag_move(self, event: ToolEvent) -> None:
        assert self._press is not None
        project = self.host.project
        assert project is not None
        wanted = (self._anchor[0] + event.raw[0] - self._press.raw[0],
                  self._anchor[1] + event.raw[1] - self._press.raw[1])
        if len(self._ids) == 1 and isinstance(opening := project.get(self._ids[0]), Opening):
            self._slide_opening(opening, wanted, event)
            return
        snapped = self.host.snap(wanted, event.scale, targets=self._targets).point
        dx, dy = snapped[0] - self._anchor[0], snapped[1] - self._anchor[1]
        ddx, ddy = dx - self._applied[0], dy - self._applied[1]
        if abs(ddx) < 1e-12 and abs(ddy) < 1e-12:
            return
        if self._apply(Move(self._ids, ddx, ddy, merge=True), self._move_text()):
            self._applied = (dx, dy)
        self.refresh()

    def _apply(self, command: Command, text: str) -> bool:
        """Apply one step of the drag now; it joins what the drag already changed."""
        if not self.host.apply_live(command):
            return False
        if self._live is None or not self._live.merge(command):
            if self._live is not None:  # a different edit within the drag: record what came before
                self._record()
            self._live, self._live_project = command, self.host.project
        self._live_text = text
        return True

    def _record(self) -> None:
        """Put what the drag changed on the undo stack as one step (nothing when it ends where it began)."""
        live, self._live = self._live, None
        project = self.host.project
        if live is None or project is None or project is not self._live_project:
            return
        if isinstance(live, Move) and abs(live.dx) < 1e-12 and abs(live.dy) < 1e-12:
            live.revert(project)  # back where it started: restore the exact start, record nothing
            return
        if isinstance(live, SetProperty) and live.entity_id in project:
            target = project.get(live.entity_id)
            if all(getattr(target, k) == v for k, v in (live._old or {}).items()):
                return
        self.host.record(live, text=self._live_text)

    def _slide_opening(self, opening: Opening, wanted: Point, event: ToolEvent) -> None:
        """A single door slides along the wall it is on (or onto the wall under the pointer)."""
        level = self.host.level()
        assert level is not None
        walls = [(w.id, w.path, w.thickness_m) for w in level.walls]
        hit = hit_wall(event.raw, walls, event.tolerance * 3)
        if hit is None:
            return
        wall = next(w for w in level.walls if w.id == hit.wall_id)
        segment = opening_on_segment(event.raw, wall.path[hit.index], wall.path[hit.index + 1], opening.width_m)
        if segment is None or segment == opening.segment:
            return
        command = SetProperty(opening.id, {"segment": segment, "wall": wall.id}, merge=True)
        self._apply(command, translate("SelectTool", "Move {0}").replace("{0}", self._name(opening)))

    def _name(self, entity: Any) -> str:
        return step_name(entity, self.host.project)

    def _move_text(self) -> str:
        project = self.host.project
        if len(self._ids) == 1 and project is not None:
            entity = project.get(self._ids[0])
            return translate("SelectTool", "Move {0}").replace("{0}", self._name(entity))
        return translate("SelectTool", "Move {n} items").replace("{n}", str(len(self._ids)))

    def _drag_handle(self, event: ToolEvent) -> None:
        entity = self._single()
        if entity is None or self._handle is None:
            return
        if self._gesture is None:
            self._gesture = self.host.new_gesture()
            self.begin_gesture()
        if isinstance(entity, Sign):
            facing = round(bearing(entity.position, event.raw), 1)
            if event.shift:
                facing = round(facing / 15.0) * 15.0 % 360.0
            self._apply(SetProperty(entity.id, {"facing_deg": facing}, merge=True),
                        translate("SelectTool", "Turn {0}").replace("{0}", self._name(entity)))
        elif self._handle == "heading":
            heading = round(bearing(entity.position, event.raw), 1)
            if event.shift:
                heading = round(heading / 15.0) * 15.0 % 360.0
            self._apply(SetProperty(entity.id, {"heading_deg": heading}, merge=True),
                        translate("SelectTool", "Aim {0}").replace("{0}", self._name(entity)))
        else:
            fov = min(fov_from_handle(entity.position, entity.heading_deg, event.raw), 359.0)
            if event.shift:
                fov = max(5.0, round(fov / 5.0) * 5.0)
            self._apply(SetProperty(entity.id, {"hfov_deg": fov}, merge=True),
                        translate("SelectTool", "Change field of view of {0}").replace("{0}", self._name(entity)))
        self.refresh()

    def _drag_vertex(self, event: ToolEvent) -> None:
        entity = self._single()
        if not isinstance(entity, (Zone, Wall)) or self._vertex is None:
            return
        if self._gesture is None:
            self._gesture = self.host.new_gesture()
            self.begin_gesture()
        point = self.host.snap(event.raw, event.scale, targets=self._targets).point
        if isinstance(entity, Zone):
            values = {"polygon": replace_vertex(entity.polygon, self._vertex, point)}
        else:
            values = {"path": replace_vertex(entity.path, self._vertex, point, closed_path=entity.closed)}
        self._apply(SetProperty(entity.id, values, merge=True),
                    translate("SelectTool", "Reshape {0}").replace("{0}", self._name(entity)))

    def release(self, event: ToolEvent) -> None:
        if event.button != Qt.MouseButton.LeftButton:
            return
        if self._mode == "rubber" and self._press is not None:
            self._select_area(self._press.raw, event.raw, add=event.shift or event.control)
        self._record()
        self._reset()

    def _select_area(self, a: Point, b: Point, *, add: bool) -> None:
        scene = self.host.scene
        rect = QRectF(qtgeom.to_scene(a), qtgeom.to_scene(b)).normalized()
        if rect.width() * self._scale < 2 and rect.height() * self._scale < 2:
            return
        picked = {item.entity_id for item in scene.items(rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
                  if isinstance(item, EntityItem) and item.isVisible() and _inside(item, rect)}
        if add:
            picked |= set(scene.selected_ids())
        scene.select_ids(sorted(picked))

    def _reset(self) -> None:
        self._mode, self._press, self._gesture = None, None, None
        self._handle, self._vertex, self._targets = None, None, None
        self._ids = []
        self.preview.remove("rubber")
        if self._busy:
            self._busy = False
            self.host.set_interacting(False)
        self.refresh()

    def cancel(self) -> None:
        live, self._live = self._live, None
        project = self.host.project
        if live is not None and project is not None and project is self._live_project:
            live.revert(project)  # back to the start; the stack never saw the drag
        self._reset()

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            if self._mode is not None:
                self.cancel()
                return True
            if self.host.scene.selected_ids():
                self.host.scene.clearSelection()
                return True
        return False


def _inside(item: Any, rect: QRectF) -> bool:
    """A device is inside when its position is; a shape when all of it is."""
    if isinstance(item, PointItem):
        return rect.contains(item.scenePos())
    return rect.contains(item.mapToScene(item.shape()).boundingRect())
