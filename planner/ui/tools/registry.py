"""Every tool of the editor, in toolbar order."""

from __future__ import annotations

from planner.ui.tools.base import Tool
from planner.ui.tools.device import CameraTool, SignTool
from planner.ui.tools.measure import CalibrateTool, MeasureTool
from planner.ui.tools.opening import DoorTool, DoorwayTool, WindowTool
from planner.ui.tools.room import RectRoomTool, RectZoneTool, RoomTool, ZoneTool
from planner.ui.tools.select import SelectTool
from planner.ui.tools.wall import WallTool

__all__ = ["TOOL_TYPES"]

TOOL_TYPES: tuple[type[Tool], ...] = (
    SelectTool,
    WallTool,
    RoomTool,
    RectRoomTool,
    ZoneTool,
    RectZoneTool,
    DoorTool,
    DoorwayTool,
    WindowTool,
    CameraTool,
    SignTool,
    MeasureTool,
    CalibrateTool,
)
