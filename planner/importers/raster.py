"""Import a raster plan (PNG, JPEG, TIFF, BMP) as the background of a new level.

The image is checked against decompression bombs before any pixel is
decoded, scaled down when it is too large to display, embedded (PNG and JPEG
as they are, other formats as PNG) and placed by a calibration: two pixel
points and their distance, or the drawing scale and the scan resolution.
Without either, the image is placed at a guessed scale and the result says
it is not calibrated.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from planner.importers.calibrate import (
    Transform,
    parse_scale,
    rescale_transform,
    scale_transform,
    two_point_transform,
)
from planner.importers.result import (
    IMPORT_LIMITS,
    ImportResult,
    PlanImportError,
    add_background,
    read_source,
)
from planner.model import Level, Project, Venue

__all__ = ["DEFAULT_METRES_PER_PIXEL", "import_image", "open_image", "place_raster"]

#: Scale assumed for an image with neither calibration nor resolution: 1 pixel = 1 cm.
DEFAULT_METRES_PER_PIXEL = 0.01
#: Scale assumed for a drawing whose resolution is known but whose scale is not.
DEFAULT_SCALE = 100.0
_KEEP_FORMATS = {"PNG": "png", "JPEG": "jpg"}
_SAVE_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "I;16"}


def open_image(data: bytes, file: str, *, page: int = 0) -> Image.Image:
    """Open image bytes, refusing decompression bombs before decoding; select frame ``page``."""
    limit = IMPORT_LIMITS.image_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width <= 0 or height <= 0:
                raise PlanImportError(file, "the image has no pixels")
            if width * height > limit:
                raise PlanImportError(
                    file,
                    f"the image is {width} x {height} pixels ({width * height / 1e6:.0f} megapixels, limit "
                    f"{limit / 1e6:.0f}): refusing it as a possible decompression bomb; scale it down first",
                )
            frames = getattr(image, "n_frames", 1)
            if not 0 <= page < frames:
                raise PlanImportError(file, f"page {page + 1} requested; the image has {frames} page(s)")
            if page:
                image.seek(page)
                width, height = image.size
                if width * height > limit:
                    raise PlanImportError(file, f"page {page + 1} is {width} x {height} pixels: too large")
            image.load()
    except Image.DecompressionBombError:
        raise PlanImportError(file, "the image is too large (a possible decompression bomb); scale it down") from None
    except UnidentifiedImageError:
        raise PlanImportError(file, "not an image Venue Planner can read (PNG, JPEG, TIFF or BMP)") from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise PlanImportError(file, f"damaged image: {exc}") from None
    return image


def _image_dpi(image: Image.Image) -> float | None:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if isinstance(dpi, (tuple, list)) else float(dpi)  # type: ignore[arg-type]  # None raises TypeError, caught below
    except (TypeError, ValueError, IndexError):
        return None
    # PNG stores pixels per metre: 100 dpi comes back as 99.9998
    return round(value, 1) if math.isfinite(value) and 50.0 <= value <= 10_000.0 else None


def _encode(image: Image.Image, source_format: str | None, data: bytes | None) -> tuple[bytes, str]:
    if data is not None and source_format in _KEEP_FORMATS and image.mode in ("L", "RGB", "RGBA", "P", "LA", "1"):
        return data, _KEEP_FORMATS[source_format]
    if image.mode not in _SAVE_MODES:
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=False, compress_level=6)
    return out.getvalue(), "png"


def _scaled(file: str, denominator: float, dpi: float, height: int) -> Transform:
    try:
        return scale_transform(denominator, dpi, height_px=height)
    except ValueError as exc:
        raise PlanImportError(file, str(exc)) from None


def place_raster(
    image: Image.Image,
    *,
    file: str,
    source_format: str | None = None,
    data: bytes | None = None,
    dpi: float | None = None,
    scale: str | float | None = None,
    calibrate: tuple[Sequence[float], Sequence[float], float] | None = None,
    default_scale: float | None = None,
) -> tuple[bytes, str, Transform, dict[str, Any], list[str], bool]:
    """Scale down, encode and place an opened image.

    Returns ``(bytes, extension, transform, details, warnings, calibrated)``.
    ``calibrate`` is ``((u1, v1), (u2, v2), distance_m)`` in pixels of ``image``.
    """
    width, height = image.size
    notes: list[str] = []
    details: dict[str, Any] = {"pixels": [width, height]}
    calibrated = True
    if calibrate is not None:
        p1, p2, dist = calibrate
        for p in (p1, p2):
            if not (0 <= p[0] <= width and 0 <= p[1] <= height):
                raise PlanImportError(file, f"calibration point {tuple(p)} lies outside the {width} x {height} image")
        try:
            transform = two_point_transform(p1, p2, dist, height_px=height)
        except ValueError as exc:
            raise PlanImportError(file, str(exc)) from None
        details["calibration"] = {"points": [list(p1), list(p2)], "distance_m": dist}
    elif scale is not None:
        try:
            denominator = parse_scale(scale)
        except ValueError as exc:
            raise PlanImportError(file, str(exc)) from None
        if dpi is None:
            raise PlanImportError(
                file, "the image does not record its resolution: give the dpi it was scanned at with the scale"
            )
        transform = _scaled(file, denominator, dpi, height)
        details["scale"] = f"1:{denominator:g}"
        details["dpi"] = dpi
    else:
        calibrated = False
        if dpi is not None:
            denominator = default_scale or DEFAULT_SCALE
            transform = _scaled(file, denominator, dpi, height)
            notes.append(
                f"no scale given: placed as a 1:{denominator:g} drawing at {dpi:g} dpi; calibrate it with two points"
            )
            details["dpi"] = dpi
        else:
            m = DEFAULT_METRES_PER_PIXEL
            transform = (m, 0.0, 0.0, -m, 0.0, height * m)
            notes.append("no scale or resolution: placed at 1 pixel = 1 cm; calibrate it with two points")
    details["metres_per_pixel"] = math.hypot(transform[0], transform[1])

    factor = min(
        1.0,
        math.sqrt(IMPORT_LIMITS.background_pixels / (width * height)),
        IMPORT_LIMITS.background_side / max(width, height),
    )
    if factor < 1.0:
        new_size = (max(1, int(width * factor)), max(1, int(height * factor)))
        factor = new_size[0] / width
        image = image.resize(new_size, Image.Resampling.LANCZOS)
        transform = rescale_transform(transform, factor)
        data = None
        notes.append(f"the image was scaled down from {width} x {height} to {new_size[0]} x {new_size[1]} pixels")
        details["embedded_pixels"] = list(new_size)
    encoded, ext = _encode(image, source_format, data)
    return encoded, ext, transform, details, notes, calibrated


def import_image(
    source: str | Path,
    *,
    page: int = 0,
    dpi: float | None = None,
    scale: str | float | None = None,
    calibrate: tuple[Sequence[float], Sequence[float], float] | None = None,
    name: str | None = None,
    level_name: str | None = None,
    **_: Any,
) -> ImportResult:
    """Import a PNG, JPEG, TIFF or BMP plan as the background of a new one-level project.

    ``page`` picks the page of a multi-page TIFF (0 = first). ``scale``
    (``"1:100"``) with ``dpi`` (default: the resolution the file records), or
    ``calibrate`` = ``((u1, v1), (u2, v2), metres)`` in image pixels, sets
    the scale; the image's bottom-left corner goes to the plan origin.
    """
    path = Path(source)
    file = str(path)
    data = read_source(path, "image")
    image = open_image(data, file, page=page)
    file_dpi = _image_dpi(image)
    encoded, ext, transform, details, notes, calibrated = place_raster(
        image,
        file=file,
        source_format=image.format if page == 0 else None,
        data=data if page == 0 else None,
        dpi=dpi if dpi is not None else file_dpi,
        scale=scale,
        calibrate=calibrate,
    )
    details["format"] = image.format
    level = Level(id="L1", name=level_name or "1F")
    project = Project(venue=Venue(name=name if name is not None else path.stem), levels=[level])
    add_background(project, level, encoded, ext, transform, extra={"imported_from": path.name, "page": page})
    return ImportResult(project, source=file, kind="image", warnings=notes, units="m" if calibrated else None,
                        calibrated=calibrated, details=details)

