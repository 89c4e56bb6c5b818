"""Lens and sensor arithmetic for the camera properties: focal length and sensor format to field of view.

Plain numbers, no Qt. The sensor formats, the lens formula and the camera
models come from the catalogue of :mod:`planner.layout.catalogue`, shared with
the layout optimiser.

>>> round(hfov_deg(2.8, SENSOR_FORMATS['1/2.7"']), 1)
87.6
>>> round(focal_length_mm(90.0, SENSOR_FORMATS['1/2.8"']), 2)
2.69
"""

from __future__ import annotations

from planner.layout.catalogue import SENSOR_FORMATS, CameraModel, focal_length_mm, hfov_deg, load_catalogue

__all__ = ["SENSOR_FORMATS", "RESOLUTION_PRESETS", "catalogue_models", "hfov_deg", "focal_length_mm", "preset_name"]

#: Common CCTV stream resolutions: name -> (width, height) in pixels.
RESOLUTION_PRESETS: dict[str, tuple[int, int]] = {
    "720p (1280×720)": (1280, 720),
    "1080p (1920×1080)": (1920, 1080),
    "4 MP (2560×1440)": (2560, 1440),
    "5 MP (2592×1944)": (2592, 1944),
    "6 MP (3072×2048)": (3072, 2048),
    "4K (3840×2160)": (3840, 2160),
    "12 MP (4000×3000)": (4000, 3000),
}


def catalogue_models() -> list[CameraModel]:
    """The camera models of the shipped catalogue (the same the layout optimiser chooses from)."""
    return list(load_catalogue())


def preset_name(resolution: tuple[int, int]) -> str | None:
    """The name of the preset with this resolution, if any.

    >>> preset_name((1920, 1080))
    '1080p (1920×1080)'
    >>> preset_name((1000, 1000)) is None
    True
    """
    for name, value in RESOLUTION_PRESETS.items():
        if tuple(resolution) == value:
            return name
    return None
