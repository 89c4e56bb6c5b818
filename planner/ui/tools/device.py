"""Cameras and signs: click to place, drag to aim (cameras) or to face (signs)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainterPath

from planner.geometry.compass import bearing
from planner.model import AddItem, Camera, Sign
from planner.ui import qtgeom
from planner.ui.i18n import translate
from planner.ui.names import next_camera_name, sign_place_name
from planner.ui.tools.base import Tool, ToolEvent, preview_pen
from planner.ui.tools.snap import Point

__all__ = ["CameraTool", "SignTool", "AIM_PREVIEW_M"]

#: Radius of the lens wedge drawn while aiming a new camera, in metres.
AIM_PREVIEW_M = 6.0


class _PlaceAndAim(Tool):
    """Press where the device goes, drag toward where it looks, release to place it."""

    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.position: Point | None = None
        self.direction = 0.0

    def press(self, event: ToolEvent) -> None:
        if event.button != Qt.MouseButton.LeftButton:
            return
        self.begin_gesture()
        self.position = event.point
        self._draw(event.scale)

    def move(self, event: ToolEvent) -> None:
        if self.position is None:
            self.preview.marker("cursor", event.point, event.scale, radius_px=5.0)
            return
        if math.dist(self.position, event.raw) * event.scale > 6:
            self.direction = round(bearing(self.position, event.raw), 1)
            if event.shift:
                self.direction = round(self.direction / 15.0) * 15.0 % 360.0
        self._draw(event.scale)

    def release(self, event: ToolEvent) -> None:
        if event.button != Qt.MouseButton.LeftButton or self.position is None:
            return
        position, self.position = self.position, None
        self.finish_gesture()
        self.commit(position, self.direction)

    def cancel(self) -> None:
        self.position = None
        super().cancel()

    def _draw(self, scale: float) -> None:
        if self.position is None:
            return
        self.preview.remove("cursor")
        self.preview.marker("device", self.position, scale, radius_px=7.0)
        self.preview.text("angle", self.position, f"  {self.direction:.0f}°")
        self.draw_aim(self.position, self.direction, scale)

    def draw_aim(self, position: Point, direction: float, scale: float) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def commit(self, position: Point, direction: float) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class CameraTool(_PlaceAndAim):
    """Place a camera: press where it hangs, drag toward where it looks."""

    name = "camera"

    def hint(self) -> str:
        return translate("CameraTool", "Press where the camera hangs and drag toward where it looks "
                                       "(Shift: steps of 15°); Esc cancels")

    def draw_aim(self, position: Point, direction: float, scale: float) -> None:
        wedge = qtgeom.wedge_path(direction, self.host.options.camera_hfov_deg, AIM_PREVIEW_M)
        wedge.translate(qtgeom.to_scene(position))
        self.preview.path("aim", wedge, preview_pen(width=1.5), QColor(255, 140, 0, 45))

    def commit(self, position: Point, direction: float) -> None:
        project, level = self.host.project, self.host.level()
        if project is None or level is None:
            return
        options = self.host.options
        camera = Camera(id=project.new_id("c"), name=next_camera_name(project), position=position,
                        heading_deg=direction,
                        hfov_deg=options.camera_hfov_deg, face_recognition=options.camera_face_recognition,
                        mount_height_m=options.camera_mount_height_m)
        if self.host.push(AddItem(level.id, camera),
                          text=translate("CameraTool", "Add {0}").replace("{0}", camera.name)):
            self.host.scene.select_ids([camera.id])


class SignTool(_PlaceAndAim):
    """Place a notice sign: press where it hangs, drag toward the people who should read it."""

    name = "sign"

    def hint(self) -> str:
        return translate("SignTool", "Press where the sign hangs and drag toward the people approaching it; "
                                     "Esc cancels")

    def draw_aim(self, position: Point, direction: float, scale: float) -> None:
        path = QPainterPath(qtgeom.to_scene(position))
        path.lineTo(qtgeom.to_scene(position) + qtgeom.direction(direction) * (40.0 / scale))
        self.preview.path("aim", path, preview_pen(width=2.5))

    def commit(self, position: Point, direction: float) -> None:
        project, level = self.host.project, self.host.level()
        if project is None or level is None:
            return
        options = self.host.options
        sign = Sign(id=project.new_id("s"), kind=options.sign_kind, position=position, facing_deg=direction,
                    size=options.sign_size)
        place = sign_place_name(position, level)
        name = translate("Names", "Sign at {0}").replace("{0}", place) if place else translate("Names", "Sign")
        if self.host.push(AddItem(level.id, sign), text=translate("SignTool", "Add {0}").replace("{0}", name)):
            self.host.scene.select_ids([sign.id])
