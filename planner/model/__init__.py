"""Qt-free document model: project, venue, levels and their items, undoable commands."""

from planner.model.commands import AddItem, Command, Macro, Move, RemoveItem, SetProperty
from planner.model.entities import (
    CAMERA_KINDS,
    COVERAGE_LEVELS,
    OPENING_KINDS,
    SIGN_KINDS,
    SIGN_SIZES,
    WALL_MATERIALS,
    ZONE_USES,
    Background,
    Camera,
    Entity,
    Label,
    Opening,
    Sign,
    Wall,
    Zone,
)
from planner.model.events import merge_changes
from planner.model.fields import FieldError
from planner.model.project import VENUE_ID, Change, Level, ModelError, Project, Signal, Venue

__all__ = [
    "CAMERA_KINDS",
    "OPENING_KINDS",
    "SIGN_KINDS",
    "SIGN_SIZES",
    "VENUE_ID",
    "WALL_MATERIALS",
    "ZONE_USES",
    "COVERAGE_LEVELS",
    "AddItem",
    "Background",
    "Camera",
    "Change",
    "Command",
    "Entity",
    "FieldError",
    "Label",
    "Level",
    "Macro",
    "ModelError",
    "Move",
    "Opening",
    "Project",
    "RemoveItem",
    "SetProperty",
    "Sign",
    "Signal",
    "Venue",
    "Wall",
    "Zone",
    "merge_changes",
]
