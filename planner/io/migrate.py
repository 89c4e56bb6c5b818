"""Migrate ``project.json`` data from older format versions to the current one.

Each step ``_vN_to_vN+1`` takes the data of version N and returns version N+1.
Version 0 was the pre-release layout: ``zones[].type`` for the use,
``cameras[].fov_deg`` for the horizontal field of view, ``cameras[].fr`` for
face recognition and ``cameras[].direction_deg`` measured anticlockwise from
east (mathematical convention) instead of clockwise from north.

>>> old = {"format": "venue-planner-project", "format_version": 0,
...        "levels": [{"id": "L1", "cameras": [{"id": "c1", "position": [0, 0],
...                    "fov_deg": 80, "fr": True, "direction_deg": 0}]}]}
>>> cam = migrate(old)["levels"][0]["cameras"][0]
>>> cam["hfov_deg"], cam["face_recognition"], cam["heading_deg"]
(80, True, 90.0)
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from planner.io.codec import FORMAT_VERSION
from planner.io.errors import ProjectFileError, UnsupportedFormatVersionError

__all__ = ["MIGRATIONS", "migrate"]


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    levels = data.get("levels")
    for level in levels if isinstance(levels, list) else []:
        if not isinstance(level, dict):
            continue
        zones, cameras = level.get("zones"), level.get("cameras")
        for zone in zones if isinstance(zones, list) else []:  # wrong types are left for the decoder to name
            if isinstance(zone, dict) and "type" in zone and "use" not in zone:
                zone["use"] = zone.pop("type")
        for cam in cameras if isinstance(cameras, list) else []:
            if not isinstance(cam, dict):
                continue
            if "fov_deg" in cam and "hfov_deg" not in cam:
                cam["hfov_deg"] = cam.pop("fov_deg")
            if "fr" in cam and "face_recognition" not in cam:
                cam["face_recognition"] = cam.pop("fr")
            if "direction_deg" in cam and "heading_deg" not in cam:
                direction = cam.pop("direction_deg")
                if isinstance(direction, (int, float)) and not isinstance(direction, bool):
                    cam["heading_deg"] = float((90 - direction) % 360)
                else:
                    cam["heading_deg"] = direction  # let validation name the bad value
    data["format_version"] = 1
    return data


#: ``MIGRATIONS[n]`` turns version ``n`` data into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _v0_to_v1}


def migrate(data: dict[str, Any], *, file: str | None = None) -> dict[str, Any]:
    """Return ``data`` migrated to :data:`FORMAT_VERSION` (a copy; the input is untouched).

    Raises :class:`UnsupportedFormatVersionError` for versions newer than this
    program reads, and :class:`ProjectFileError` for a missing or non-integer version.
    """
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ProjectFileError(file, "expected an integer format version", ["format_version"])
    if version > FORMAT_VERSION:
        raise UnsupportedFormatVersionError(
            file,
            f"format version {version} is newer than this program reads ({FORMAT_VERSION}); "
            "update Venue Planner to open it",
            ["format_version"],
        )
    if version < 0:
        raise UnsupportedFormatVersionError(file, f"unknown format version {version}", ["format_version"])
    if version == FORMAT_VERSION:
        return data
    data = copy.deepcopy(data)
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data
