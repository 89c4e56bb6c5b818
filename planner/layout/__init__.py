"""Automatic camera layout (Qt-free): coverage profiles, the camera catalogue, candidate poses and the optimiser.

Typical use::

    from planner.layout import LayoutOptions, plan_level, layout_command
    lay = plan_level(project, "L1", LayoutOptions(time_limit_s=30))
    layout_command(project, [lay]).apply(project)   # one undoable step
"""

from planner.layout.catalogue import CameraModel, Catalogue, CatalogueError, load_catalogue, user_model
from planner.layout.optimise import (
    LayoutOptions,
    LevelLayout,
    ZoneReport,
    layout_command,
    met_samples,
    plan_level,
    plan_project,
    signs_for,
)
from planner.layout.profile import CoverageProfile, ProfileError, available_profiles, load_profile

__all__ = [
    "CameraModel",
    "Catalogue",
    "CatalogueError",
    "load_catalogue",
    "user_model",
    "LayoutOptions",
    "LevelLayout",
    "ZoneReport",
    "layout_command",
    "met_samples",
    "plan_level",
    "plan_project",
    "signs_for",
    "CoverageProfile",
    "ProfileError",
    "available_profiles",
    "load_profile",
]
