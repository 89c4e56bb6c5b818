"""Find the program's bundled assets (samples, fonts, icons, translations).

In an installed wheel the assets live in ``planner/assets``; in a source
checkout they live in ``assets/`` beside the package.

>>> sample_path("harbour-hotel").name
'harbour-hotel.vplan'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["SAMPLES", "asset_path", "assets_dir", "sample_path"]

SAMPLES = ("harbour-hotel", "mall-fitting")


def assets_dir() -> Path:
    """The folder that holds the bundled assets."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if (candidate / "samples").is_dir():
            return candidate
    raise FileNotFoundError(f"the program's assets are missing (looked in {here / 'assets'})")


def asset_path(*parts: str) -> Path:
    """Path of an asset, e.g. ``asset_path("fonts", "wqy-microhei.ttc")``."""
    return assets_dir().joinpath(*parts)


def sample_path(name: str = "harbour-hotel") -> Path:
    """Path of a bundled sample venue (``harbour-hotel`` or ``mall-fitting``)."""
    return asset_path("samples", f"{name}.vplan")
