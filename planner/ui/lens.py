"""Lens and sensor arithmetic for the camera properties: focal length and sensor format to field of view.

Plain numbers, no Qt. Sensor widths are the usual active-area widths of CCTV
image sensors of each optical format.

>>> round(hfov_deg(2.8, SENSOR_FORMATS['1/2.7"']), 1)
87.6
>>> round(focal_length_mm(90.0, SENSOR_FORMATS['1/2.8"']), 2)
2.69
"""

from __future__ import annotations

import math

__all__ = ["SENSOR_FORMATS", "RESOLUTION_PRESETS", "hfov_deg", "focal_length_mm", "preset_name"]

#: Optical format -> active sensor width in millimetres.
SENSOR_FORMATS: dict[str, float] = {
    '1/4"': 3.6,
    '1/3"': 4.8,
    '1/2.9"': 5.0,
    '1/2.8"': 5.37,
    '1/2.7"': 5.37,
    '1/2.5"': 5.76,
    '1/2"': 6.4,
    '1/1.8"': 7.18,
    '2/3"': 8.8,
    '1"': 12.8,
}

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


def hfov_deg(focal_mm: float, sensor_width_mm: float) -> float:
    """Horizontal field of view of a rectilinear lens: ``2·atan(w / 2f)`` in degrees.

    >>> round(hfov_deg(4.0, 4.8), 1)
    61.9
    """
    if focal_mm <= 0 or sensor_width_mm <= 0:
        raise ValueError("focal length and sensor width must be positive")
    return math.degrees(2 * math.atan(sensor_width_mm / (2 * focal_mm)))


def focal_length_mm(hfov: float, sensor_width_mm: float) -> float:
    """The focal length that gives ``hfov`` degrees on a sensor ``sensor_width_mm`` wide.

    >>> round(focal_length_mm(hfov_deg(6.0, 6.4), 6.4), 6)
    6.0
    """
    if not 0 < hfov < 180:
        raise ValueError("a rectilinear lens has a field of view between 0 and 180 degrees")
    return sensor_width_mm / (2 * math.tan(math.radians(hfov) / 2))


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
