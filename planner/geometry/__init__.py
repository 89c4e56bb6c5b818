"""Qt-free plan geometry: obstacles, free space, exact visibility, camera coverage, pixel density.

Typical use::

    from planner.geometry import CoverageEngine
    engine = CoverageEngine()
    cov = engine.coverage(level, camera)     # Coverage: region, area_m2, bands, fr_region
    engine.project_coverage(project)         # every camera, cached per level and camera

or, without the cache::

    geo = LevelGeometry.from_level(level)    # once per level
    geo.visibility((x, y), heading_deg=45, hfov_deg=90, range_m=20)
    camera_coverage(geo, camera)
"""

from planner.geometry.coverage import FACE_HEIGHT_M, Coverage, DensityBand, camera_coverage, camera_reach
from planner.geometry.density import (
    DETECT_PX_PER_M,
    DORI,
    IDENTIFY_PX_PER_M,
    LADDERS,
    OODPCVS,
    density_distance,
    horizontal_reach,
    pixel_density,
)
from planner.geometry.engine import CoverageEngine, camera_key
from planner.geometry.fan import VisibilityFan, disk
from planner.geometry.obstacles import LevelObstacles, free_space, level_obstacles, opening_cut, wall_body
from planner.geometry.vertical import seen_interval, vfov_deg
from planner.geometry.visibility import LevelGeometry, level_key, view_intervals

__all__ = [
    "FACE_HEIGHT_M",
    "Coverage",
    "DensityBand",
    "camera_coverage",
    "camera_reach",
    "DETECT_PX_PER_M",
    "DORI",
    "IDENTIFY_PX_PER_M",
    "LADDERS",
    "OODPCVS",
    "density_distance",
    "horizontal_reach",
    "pixel_density",
    "CoverageEngine",
    "camera_key",
    "VisibilityFan",
    "disk",
    "LevelObstacles",
    "free_space",
    "level_obstacles",
    "opening_cut",
    "wall_body",
    "seen_interval",
    "vfov_deg",
    "LevelGeometry",
    "level_key",
    "view_intervals",
]
