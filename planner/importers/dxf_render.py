"""Render the model space of a DXF drawing to a PNG background with ezdxf's drawing front end.

A small Pillow back end collects the lines and fills ezdxf produces (text
comes as filled glyph outlines), then draws them in black on white at a
resolution chosen so that the image stays displayable.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from typing import Any

from ezdxf.addons.drawing.backend import BackendInterface
from ezdxf.addons.drawing.config import (
    BackgroundPolicy,
    ColorPolicy,
    Configuration,
    HatchPolicy,
    LineweightPolicy,
)
from PIL import Image, ImageDraw

from planner.importers.calibrate import Transform
from planner.importers.result import IMPORT_LIMITS

__all__ = ["render_modelspace"]

_FLATTEN_FRACTION = 0.5  # flattening distance, in pixels
_MAX_PRIMITIVES = 2_000_000


class _Collector(BackendInterface):
    """Collects strokes and fills in drawing units."""

    def __init__(self, flatten: float) -> None:
        self.flatten = flatten
        self.strokes: list[tuple[list[tuple[float, float]], float]] = []
        self.fills: list[list[tuple[float, float]]] = []
        self.count = 0

    def _add(self) -> bool:
        self.count += 1
        return self.count <= _MAX_PRIMITIVES

    def configure(self, config: Configuration) -> None:
        pass

    def enter_entity(self, entity: Any, properties: Any) -> None:
        pass

    def exit_entity(self, entity: Any) -> None:
        pass

    def set_background(self, color: Any) -> None:
        pass

    def draw_point(self, pos: Any, properties: Any) -> None:
        pass

    def draw_line(self, start: Any, end: Any, properties: Any) -> None:
        if self._add():
            self.strokes.append(([(start.x, start.y), (end.x, end.y)], properties.lineweight))

    def draw_solid_lines(self, lines: Iterable[tuple[Any, Any]], properties: Any) -> None:
        for start, end in lines:
            self.draw_line(start, end, properties)

    def draw_path(self, path: Any, properties: Any) -> None:
        if not self._add():
            return
        for sub in path.sub_paths() if path.has_sub_paths else [path]:
            points = [(v.x, v.y) for v in sub.flattening(self.flatten)]
            if len(points) > 1:
                self.strokes.append((points, properties.lineweight))

    def draw_filled_paths(self, paths: Iterable[Any], properties: Any) -> None:
        for path in paths:
            if not self._add():
                return
            for sub in path.sub_paths() if path.has_sub_paths else [path]:
                points = [(v.x, v.y) for v in sub.flattening(self.flatten)]
                if len(points) > 2:
                    self.fills.append(points)

    def draw_filled_polygon(self, points: Any, properties: Any) -> None:
        if self._add():
            pts = [(v.x, v.y) for v in points.vertices()]
            if len(pts) > 2:
                self.fills.append(pts)

    def draw_image(self, image_data: Any, properties: Any) -> None:
        pass

    def clear(self) -> None:
        self.strokes.clear()
        self.fills.clear()

    def finalize(self) -> None:
        pass


def render_modelspace(
    doc: Any,
    *,
    to_metres: float,
    offset: tuple[float, float],
    bounds_m: tuple[float, float, float, float],
    pixels_per_metre: float = 50.0,
) -> tuple[bytes, Transform] | None:
    """Render ``doc``'s model space within ``bounds_m`` (plan metres) to PNG.

    Drawing coordinates map to plan metres as ``(x·to_metres - offset_x, …)``.
    Returns the PNG bytes and the background transform, or ``None`` when
    nothing was drawn.
    """
    from ezdxf.addons.drawing.frontend import Frontend
    from ezdxf.addons.drawing.properties import RenderContext

    x0, y0, x1, y1 = bounds_m
    width_m, height_m = max(x1 - x0, 1e-3), max(y1 - y0, 1e-3)
    ppm = min(
        pixels_per_metre,
        IMPORT_LIMITS.background_side / max(width_m, height_m),
        math.sqrt(IMPORT_LIMITS.background_pixels / (width_m * height_m)),
    )
    collector = _Collector(flatten=_FLATTEN_FRACTION / ppm / to_metres)
    config = Configuration(
        background_policy=BackgroundPolicy.WHITE,
        color_policy=ColorPolicy.BLACK,
        hatch_policy=HatchPolicy.SHOW_OUTLINE,
        lineweight_policy=LineweightPolicy.ABSOLUTE,
    )
    frontend = Frontend(RenderContext(doc), collector, config=config)
    frontend.draw_layout(doc.modelspace(), finalize=True)
    if not collector.strokes and not collector.fills:
        return None
    width_px = max(1, math.ceil(width_m * ppm))
    height_px = max(1, math.ceil(height_m * ppm))
    image = Image.new("L", (width_px, height_px), 255)
    draw = ImageDraw.Draw(image)
    ox, oy = offset

    def px(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        return [((x * to_metres - ox - x0) * ppm, (y1 - (y * to_metres - oy)) * ppm) for x, y in points]

    for points in collector.fills:
        draw.polygon(px(points), fill=0)
    for points, lineweight in collector.strokes:
        width = 2 if lineweight >= 0.4 else 1
        draw.line(px(points), fill=0, width=width)
    buf = io.BytesIO()
    image.save(buf, "PNG", optimize=False, compress_level=6)
    transform: Transform = (1.0 / ppm, 0.0, 0.0, -1.0 / ppm, x0, y1)
    return buf.getvalue(), transform
