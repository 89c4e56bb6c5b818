"""Render the model space of a DXF drawing to a PNG background with ezdxf's drawing front end.

A small Pillow back end collects the lines and fills ezdxf produces (text
comes as filled glyph outlines), then draws them in black on white at a
resolution chosen so that the image stays displayable. Only the plan's own
layers are drawn (not dimensions, furniture, building services or title
blocks), within a budget of primitives and seconds: a large drawing gives a
partial background rather than minutes of work and gigabytes of memory.
Text whose font the machine lacks (SHX fonts, Chinese TrueType fonts) is
drawn with the bundled WenQuanYi Micro Hei, so Chinese labels stay legible.
"""

from __future__ import annotations

import io
import math
import re
import time
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

from planner.assets import asset_path
from planner.importers.calibrate import Transform
from planner.importers.limits import CurveBudgetError, curve_points
from planner.importers.result import IMPORT_LIMITS

__all__ = ["RENDER_SKIPPED_LAYER_RE", "render_modelspace"]

_FLATTEN_FRACTION = 0.5  # flattening distance, in pixels
_MAX_PRIMITIVES = 400_000
_MAX_SECONDS = 4.0
_FONT = "wqy-microhei.ttc"
#: Layers left out of the background: dimensions, furniture, building services, title blocks, hatching.
RENDER_SKIPPED_LAYER_RE = re.compile(
    r"dim|标注|尺寸|title|图框|图签|^tk|defpoints|pattern|填充|hatch|furn|家具|equip|设备|electr|电气|强电|弱电|"
    r"cabl|电缆|power|插座|socket|light|照明|lamp|data|comms|hvac|暖通|plumb|给排水|sprink|喷淋|fire.?alarm|^e-|"
    r"^i-6|^m-|^p-|^fp-|viewport|vport|cancel|projection",
    re.IGNORECASE,
)


_INLINE_FONT_RE = re.compile(r"\\[fF][^;\\}]*;")


class _Budget(Exception):
    """The render used up its primitives or its time: draw what was collected."""


class _Collector(BackendInterface):
    """Collects strokes and fills in drawing units."""

    def __init__(self, flatten: float, deadline: float | None = None) -> None:
        self.flatten = flatten
        self.strokes: list[tuple[list[tuple[float, float]], float]] = []
        self.fills: list[list[tuple[float, float]]] = []
        self.count = 0
        self.deadline = deadline

    def _add(self) -> bool:
        self.count += 1
        if self.count > _MAX_PRIMITIVES or (
                self.deadline is not None and self.count % 256 == 0 and time.monotonic() > self.deadline):
            raise _Budget
        return True

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

    def _flattened(self, path: Any) -> Iterable[Any]:
        """The points of each piece of ``path`` within the curve budget (pieces over it are left out)."""
        for sub in path.sub_paths() if path.has_sub_paths else [path]:
            try:
                yield curve_points(sub, self.flatten, metres_per_unit=0.0)
            except CurveBudgetError:
                continue

    def draw_path(self, path: Any, properties: Any) -> None:
        if not self._add():
            return
        for points in self._flattened(path):
            if len(points) > 1:
                self.strokes.append((points, properties.lineweight))

    def draw_filled_paths(self, paths: Iterable[Any], properties: Any) -> None:
        for path in paths:
            if not self._add():
                return
            for points in self._flattened(path):
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
    max_seconds: float = _MAX_SECONDS,
    notes: list[str] | None = None,
    layout: str | None = None,
) -> tuple[bytes, Transform] | None:
    """Render ``doc``'s model space (or the paper space of ``layout``) within ``bounds_m`` (plan metres) to PNG.

    Drawing coordinates map to plan metres as ``(x·to_metres - offset_x, …)``.
    Returns the PNG bytes and the background transform, or ``None`` when
    nothing was drawn. A render cut short by its budget appends a note to ``notes``.
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
    collector = _Collector(flatten=_FLATTEN_FRACTION / ppm / to_metres, deadline=time.monotonic() + max_seconds)
    config = Configuration(
        background_policy=BackgroundPolicy.WHITE,
        color_policy=ColorPolicy.BLACK,
        hatch_policy=HatchPolicy.SHOW_OUTLINE,
        lineweight_policy=LineweightPolicy.ABSOLUTE,
    )
    space = doc.modelspace() if layout is None else doc.paperspace(layout)
    _fonts_for(doc, space)
    frontend = Frontend(RenderContext(doc), collector, config=config)
    try:
        frontend.draw_layout(space, finalize=True, filter_func=_plan_entity)
    except _Budget:
        if notes is not None:
            notes.append("the drawing is large: its background shows only part of it (the plan data is complete)")
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
    image.save(buf, "PNG", optimize=False, compress_level=3)
    transform: Transform = (1.0 / ppm, 0.0, 0.0, -1.0 / ppm, x0, y1)
    return buf.getvalue(), transform


def _plan_entity(entity: Any) -> bool:
    """Whether an entity belongs on the background: not a dimension, not on a skipped layer."""
    if entity.dxftype() in ("DIMENSION", "ARC_DIMENSION", "LEADER", "MULTILEADER", "VIEWPORT", "POINT"):
        return False
    return not RENDER_SKIPPED_LAYER_RE.search(entity.dxf.get("layer", "0"))


def _fonts_for(doc: Any, space: Any = None) -> None:
    """Point every text style whose font the machine lacks (an SHX font, a missing TrueType) to the bundled
    WenQuanYi Micro Hei, which draws Chinese and Latin text alike."""
    from ezdxf.fonts import font_manager as fm
    from ezdxf.fonts import fonts

    manager = fonts.font_manager
    if not manager.has_font(_FONT):
        manager.scan_folder(asset_path("fonts"))
    if not manager.has_font(_FONT):
        return
    if _FONT not in fm.DEFAULT_FONTS:  # the fallback of fonts named inline (MTEXT \fSimHei;) and not found
        fm.DEFAULT_FONTS.insert(0, _FONT)
    spaces = (doc.modelspace(), *([space] if space is not None else []), *doc.blocks)
    for layout in spaces:  # inline MTEXT fonts (\fSimHei|b0;) take the style's font
        for mtext in layout.query("MTEXT"):
            if "\\f" in mtext.text or "\\F" in mtext.text:
                mtext.text = _INLINE_FONT_RE.sub("", mtext.text)
    for style in doc.styles:
        font = str(style.dxf.get("font", "") or "")
        if not font.lower().endswith((".ttf", ".ttc", ".otf")) or not manager.has_font(font):
            style.dxf.font = _FONT
            if style.dxf.hasattr("bigfont"):
                style.dxf.discard("bigfont")
