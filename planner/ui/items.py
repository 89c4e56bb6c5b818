"""Graphics items that draw one model entity each; they hold only its id.

Every item is built with the entity id and a :class:`ModelSource` (the scene),
reads its entity from the model in :meth:`EntityItem.sync` and caches nothing
but drawing geometry derived from it. The scene calls ``sync()`` when the
model says the entity changed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)
from shapely.geometry import LineString, Point
from shapely.ops import polylabel

from planner.geometry.convert import parts, to_polygon
from planner.geometry.openings import opening_span
from planner.model import Camera, Label, Level, Opening, Sign, Wall, Zone
from planner.ui import qtcompat, qtgeom  # noqa: F401  (qtcompat: before any painting, see the module)
from planner.ui.names import display_name, use_name
from planner.vocabulary import zone_use

__all__ = [
    "BoundedItem",
    "ModelSource",
    "EntityItem",
    "PointItem",
    "DeviceLabelItem",
    "display_id",
    "label_layouts",
    "BackgroundItem",
    "ZoneItem",
    "ZoneLabelItem",
    "WallItem",
    "OpeningItem",
    "CameraItem",
    "SignItem",
    "PlanLabelItem",
    "ITEM_TYPES",
    "Z_COVERAGE",
    "LabelBox",
    "label_box",
    "opening_thickness",
    "zone_color",
]

Z_BACKGROUND, Z_ZONE, Z_COVERAGE, Z_WALL, Z_OPENING, Z_CAMERA, Z_SIGN = -100.0, 0.0, 5.0, 10.0, 20.0, 30.0, 40.0

_HATCH = QColor(176, 58, 46, 150)
_ZONE_EDGE = QColor(120, 120, 120)
_LABEL_INK = QColor(40, 40, 40)
_GAP = QColor(255, 255, 255)
_WALL_FILL = {"opaque": QColor(74, 74, 74), "glass": QColor(140, 200, 240, 150), "frosted": QColor(150, 168, 184)}
_WALL_EDGE = {"opaque": QColor(40, 40, 40), "glass": QColor(52, 130, 190), "frosted": QColor(96, 112, 128)}
_CAMERA_COLOR = QColor(21, 101, 192)
_FR_COLOR = QColor(198, 40, 140)
_SIGN_COLOR = {"fr_notice": QColor(249, 168, 37), "cctv_notice": QColor(67, 160, 71)}
_SELECTED = QColor(255, 140, 0)


def zone_color(use: str, *, alpha: int = 255) -> QColor:
    """Fill colour of a zone of ``use``, from the zone-use vocabulary (hatching marks privacy, not colour)."""
    color = QColor(zone_use(use).colour)
    color.setAlpha(alpha)
    return color


def _cosmetic(color: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    return pen


class ModelSource(Protocol):
    """What items need from their scene: the model, read-only."""

    def entity(self, entity_id: str) -> Any:
        """The model entity with ``entity_id``."""

    def current_level(self) -> Level | None:
        """The level the scene shows."""

    def file_data(self, name: str) -> bytes | None:
        """The embedded file ``name`` (a ``Background.source``)."""

    def has_backgrounds(self) -> bool:
        """True when the level shows a background image."""

    def private_uses(self) -> frozenset[str]:
        """Zone uses the project's rule pack makes private."""


class EntityItem:
    """Mixin of every entity item: the entity id, its source, and ``sync()``."""

    Z = 0.0
    #: The layer (View ▸ Layers) the item belongs to.
    LAYER = ""

    def _init_entity(self, entity_id: str, source: ModelSource) -> None:
        self.entity_id = entity_id
        self._source = source
        item: QGraphicsItem = self  # type: ignore[assignment]  # the mixin is always combined with a QGraphicsItem
        item.setZValue(self.Z)
        item.setData(0, entity_id)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    def entity(self) -> Any:
        """The entity this item draws, read from the model now."""
        return self._source.entity(self.entity_id)

    def sync(self) -> None:
        """Re-read the entity and redraw."""
        raise NotImplementedError


class BoundedItem(QGraphicsRectItem):
    """An item that draws itself (``paint``) within bounds kept by Qt (:meth:`set_bounds`).

    Qt asks every item near a repainted area for its bounding rectangle, several times per
    frame; kept in Qt, the answer costs no call into Python (cached items are then only
    blitted). The rectangle itself is not drawn.
    """

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.setPen(Qt.PenStyle.NoPen)

    def set_bounds(self, rect: QRectF) -> None:
        """The item's bounding rectangle (item coordinates) from now on."""
        if rect != self.rect():
            self.setRect(rect)


def _paint_selected_outline(painter: QPainter, path: QPainterPath, *, vertices: bool = False) -> None:
    """Draw the selection highlight of a shape: a wide orange outline, and its corners."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_cosmetic(_SELECTED, 2.5))
    painter.drawPath(path)
    if vertices:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) or 1.0
        r = 3.5 / lod
        painter.setPen(_cosmetic(_SELECTED.darker(130), 1.0))
        painter.setBrush(QColor(255, 255, 255))
        for i in range(path.elementCount()):
            e = path.elementAt(i)
            painter.drawRect(QRectF(e.x - r, e.y - r, 2 * r, 2 * r))
    painter.restore()


# -- background -------------------------------------------------------------------------------


class BackgroundItem(QGraphicsPixmapItem):
    """A level's background image, placed by its transform, with its opacity."""

    LAYER = "backgrounds"

    def __init__(self, index: int, source: ModelSource) -> None:
        super().__init__()
        self.index = index
        self._source = source
        self.setZValue(Z_BACKGROUND)
        self.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def sync(self) -> None:
        level = self._source.current_level()
        if level is None or self.index >= len(level.backgrounds):
            self.setPixmap(QPixmap())
            return
        bg = level.backgrounds[self.index]
        pixmap = QPixmap()
        data = self._source.file_data(bg.source)
        if data is not None:
            pixmap.loadFromData(data)  # a PDF page or unknown format stays empty
        self.setPixmap(pixmap)
        self.setTransform(qtgeom.background_transform(bg.transform))
        self.setOpacity(bg.opacity)


# -- zones ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelBox:
    """Where a zone's label goes: anchor (plan metres) and the free spans through it."""

    x: float
    y: float
    width: float
    height: float


def _span(poly: Any, line: LineString, anchor: Point) -> LineString | None:
    """The piece of ``line`` inside ``poly`` that passes through ``anchor``."""
    part = poly.intersection(line)
    for piece in parts(part, "LineString"):
        if piece.distance(anchor) < 1e-6:
            return piece
    return None


def _centred(poly: Any, anchor: Point, line: LineString) -> Point:
    """Slide ``anchor`` to the middle of its span along ``line`` if it stays as far from the edges."""
    span = _span(poly, line, anchor)
    if span is None:
        return anchor
    middle = span.interpolate(0.5, normalized=True)
    clearance = poly.exterior.distance(anchor)
    return middle if poly.exterior.distance(middle) >= 0.9 * clearance else anchor


def label_box(polygon: Sequence[Sequence[float]]) -> LabelBox | None:
    """Return the label anchor of a zone ring and the horizontal/vertical free spans through it.

    The anchor is the pole of inaccessibility of the zone's largest part, slid to the middle of
    the room where that costs no clearance.

    >>> b = label_box(((0, 0), (10, 0), (10, 2), (0, 2)))
    >>> (round(b.x, 1), round(b.y, 1), round(b.width, 1), round(b.height, 1))
    (5.0, 1.0, 10.0, 2.0)
    """
    poly = to_polygon(polygon)
    if poly.is_empty:
        return None
    if poly.geom_type == "MultiPolygon":
        poly = max(poly.geoms, key=lambda g: g.area)
    x0, y0, x1, y1 = poly.bounds
    tolerance = max(min(x1 - x0, y1 - y0) / 50.0, 1e-3)
    anchor = polylabel(poly, tolerance=tolerance)

    def across(p: Point) -> LineString:
        return LineString([(x0 - 1, p.y), (x1 + 1, p.y)])

    def along(p: Point) -> LineString:
        return LineString([(p.x, y0 - 1), (p.x, y1 + 1)])

    anchor = _centred(poly, anchor, across(anchor))
    anchor = _centred(poly, anchor, along(anchor))
    width, height = _span(poly, across(anchor), anchor), _span(poly, along(anchor), anchor)
    return LabelBox(anchor.x, anchor.y, width.length if width else 0.0, height.length if height else 0.0)


class ZoneItem(EntityItem, QGraphicsPathItem):
    """A zone filled by use; hatched when the project's rule pack makes its use private; its name as a child label."""

    Z = Z_ZONE
    LAYER = "zones"

    def __init__(self, entity_id: str, source: ModelSource) -> None:
        QGraphicsPathItem.__init__(self)
        self._init_entity(entity_id, source)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # coverage moving over it costs a blit
        self.private = False
        self.label = ZoneLabelItem(self)

    def shape(self) -> QPainterPath:
        return self.path()  # the area itself: the cosmetic pen is one pixel, not one metre

    def sync(self) -> None:
        zone: Zone = self.entity()
        path = QPainterPath()
        path.addPolygon(qtgeom.to_scene_polygon(zone.polygon))
        path.closeSubpath()
        self.setPath(path)
        self.private = zone.use in self._source.private_uses()
        alpha = 150 if self._source.has_backgrounds() else 235
        self.setBrush(QBrush(zone_color(zone.use, alpha=alpha)))
        self.setPen(_cosmetic(_ZONE_EDGE, 1.0))
        self.setToolTip(f"{zone.name or zone.id} ({zone.use})")
        self.label.sync()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        option.state &= ~QStyle.StateFlag.State_Selected  # no dashed box: we draw our own highlight
        super().paint(painter, option, widget)
        if self.private:
            painter.fillPath(self.path(), QBrush(_HATCH, Qt.BrushStyle.BDiagPattern))
        if self.isSelected():
            _paint_selected_outline(painter, self.path(), vertices=True)


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"


def label_layouts(text: str) -> list[tuple[str, ...]]:
    """Ways to set a zone name: one line, or two lines split between its English and Chinese parts
    (else at the space nearest the middle).

    >>> label_layouts("Men's restroom 男卫生间")
    [("Men's restroom 男卫生间",), ("Men's restroom", '男卫生间')]
    >>> label_layouts("Lobby")
    [('Lobby',)]
    """
    text = " ".join(text.split())
    layouts: list[tuple[str, ...]] = [(text,)]
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return layouts
    boundary = [i for i in spaces if _is_cjk(text[i - 1]) != _is_cjk(text[i + 1])]
    split = boundary[0] if boundary else min(spaces, key=lambda i: abs(i - len(text) / 2))
    layouts.append((text[:split], text[split + 1 :]))
    return layouts


class ZoneLabelItem(BoundedItem):
    """A zone's name, fitted into the zone (on two lines or upright when that reads better),
    kept readable at every zoom and hidden when too small to read."""

    FONT_PX = 48
    MAX_LINE_M = 0.6  # tallest line on the plan
    MAX_SCREEN_PX = 15.0  # ... and on screen
    MIN_SCREEN_PX = 7.0  # hidden below this

    def __init__(self, zone_item: ZoneItem) -> None:
        super().__init__(zone_item)
        self._zone = zone_item
        self._font = QFont()
        self._font.setPixelSize(self.FONT_PX)
        self._lines: tuple[str, ...] = ()
        self._line_m = 0.0  # line height in metres when the label fills its room
        self._vertical = False
        self._rect = QRectF()
        self._text_path = QPainterPath()  # the lines at FONT_PX, centred on the origin
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def text(self) -> str:
        return " ".join(self._lines)

    @property
    def lines(self) -> tuple[str, ...]:
        return self._lines

    def sync(self) -> None:
        self.prepareGeometryChange()
        zone: Zone = self._zone.entity()
        text = zone.name or use_name(zone.use)
        box = label_box(zone.polygon)
        self._lines, self._line_m, self._rect = (), 0.0, QRectF()
        if box is None or not text.strip():
            self.set_bounds(QRectF())
            return
        fm = QFontMetricsF(self._font)
        best: tuple[float, tuple[str, ...], float, bool] = (0.0, (text,), 0.0, False)
        for lines in label_layouts(text):
            n = len(lines)
            aspect = max(fm.horizontalAdvance(line) for line in lines) / fm.height()  # width per line height
            flat = min(self.MAX_LINE_M, 0.6 * box.height / n, 0.85 * box.width / aspect)
            upright = min(self.MAX_LINE_M, 0.6 * box.width / n, 0.85 * box.height / aspect)
            for vertical, line_m in ((False, flat), (True, upright)):
                score = line_m * (0.6 if vertical else 1.0) * (0.85 if n > 1 else 1.0)
                if score > best[0]:
                    best = (score, lines, line_m, vertical)
        _, self._lines, self._line_m, self._vertical = best
        aspect = max(fm.horizontalAdvance(line) for line in self._lines) / fm.height()
        w, h = self._line_m * aspect, self._line_m * len(self._lines)
        self._rect = QRectF(-h / 2, -w / 2, h, w) if self._vertical else QRectF(-w / 2, -h / 2, w, h)
        self.set_bounds(self._rect.adjusted(-0.1, -0.1, 0.1, 0.1))
        self.setPos(qtgeom.to_scene((box.x, box.y)))
        self._text_path = QPainterPath()
        top = -fm.height() * len(self._lines) / 2
        for i, line in enumerate(self._lines):
            self._text_path.addText(-fm.horizontalAdvance(line) / 2, top + i * fm.height() + fm.ascent(), self._font,
                                    line)
        self.update()

    def line_height(self, scale: float) -> float:
        """Drawn line height in metres at ``scale`` pixels per metre (0 when hidden)."""
        line_m = min(self._line_m, self.MAX_SCREEN_PX / scale)
        return line_m if line_m * scale >= self.MIN_SCREEN_PX else 0.0

    def text_rect(self, scale: float) -> QRectF:
        """Scene rectangle the text covers at ``scale`` pixels per metre (empty when hidden)."""
        line_m = self.line_height(scale)
        if line_m <= 0 or self._line_m <= 0:
            return QRectF()
        k = line_m / self._line_m
        r = self._rect
        return self.mapRectToScene(QRectF(r.center().x() - r.width() * k / 2, r.center().y() - r.height() * k / 2,
                                          r.width() * k, r.height() * k))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        line_m = self.line_height(lod) if self._lines else 0.0
        if line_m <= 0:
            return
        fm = QFontMetricsF(self._font)
        path = self._text_path
        painter.save()
        if self._vertical:
            painter.rotate(-90)
        painter.scale(line_m / fm.height(), line_m / fm.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        halo = QPen(QBrush(QColor(255, 255, 255, 200)), 0.2 * self.FONT_PX, Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, halo)
        painter.fillPath(path, _LABEL_INK)
        painter.restore()


# -- walls and openings -----------------------------------------------------------------------


def _stroke(path: QPainterPath, width: float) -> QPainterPath:
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    stroker.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    stroker.setMiterLimit(4.0)
    stroker.setCapStyle(Qt.PenCapStyle.FlatCap)
    return stroker.createStroke(path).simplified()


class WallItem(EntityItem, QGraphicsPathItem):
    """A wall as a band of its thickness along its centre line, coloured by material."""

    Z = Z_WALL
    LAYER = "walls"

    def __init__(self, entity_id: str, source: ModelSource) -> None:
        QGraphicsPathItem.__init__(self)
        self._init_entity(entity_id, source)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def shape(self) -> QPainterPath:
        return self.path()  # the wall's band: the cosmetic pen is one pixel, not one metre

    def sync(self) -> None:
        wall: Wall = self.entity()
        self.setPath(_stroke(qtgeom.polyline_path(wall.path), wall.thickness_m))
        self.setBrush(QBrush(_WALL_FILL[wall.material]))
        self.setPen(_cosmetic(_WALL_EDGE[wall.material], 1.0))
        self.setToolTip(f"{wall.id}: {wall.material}, {wall.thickness_m:g} m")

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        option.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, option, widget)
        if self.entity().material == "frosted":
            painter.fillPath(self.path(), QBrush(QColor(255, 255, 255, 160), Qt.BrushStyle.Dense6Pattern))
        if self.isSelected():
            _paint_selected_outline(painter, self.path())


def opening_thickness(opening: Opening, level: Level | None, default: float = 0.15) -> float:
    """Thickness of the walls an opening pierces, face to face (see :mod:`planner.geometry.openings`).

    >>> from planner.model import Level, Opening, Wall
    >>> lv = Level(id="L1", walls=[Wall(id="w1", path=((0, 0), (10, 0)), thickness_m=0.3)])
    >>> opening_thickness(Opening(id="d1", segment=((4, 0), (5, 0))), lv)
    0.3
    """
    if level is None:
        return default
    return opening_span(opening, level.walls) or default


class OpeningItem(EntityItem, BoundedItem):
    """A gap cut into its wall, with a door leaf and swing, jambs for a doorway, or window panes."""

    Z = Z_OPENING
    LAYER = "walls"

    def __init__(self, entity_id: str, source: ModelSource) -> None:
        BoundedItem.__init__(self)
        self._init_entity(entity_id, source)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # a moving coverage over it costs a blit
        self._gap = QPainterPath()
        self._lines = QPainterPath()

    def sync(self) -> None:
        self.prepareGeometryChange()
        opening: Opening = self.entity()
        thickness = opening_thickness(opening, self._source.current_level()) + 0.02
        (x0, y0), (x1, y1) = opening.segment
        length = math.hypot(x1 - x0, y1 - y0) or 1e-9
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        nx, ny = -uy, ux  # left normal on the plan

        def at(s: float, t: float) -> tuple[float, float]:
            return (x0 + ux * s + nx * t, y0 + uy * s + ny * t)

        half = thickness / 2
        self._gap = QPainterPath()
        self._gap.addPolygon(qtgeom.to_scene_polygon([at(0, -half), at(length, -half), at(length, half), at(0, half)]))
        self._gap.closeSubpath()
        lines = QPainterPath()
        for s in (0.0, length):  # jambs
            lines.moveTo(qtgeom.to_scene(at(s, -half)))
            lines.lineTo(qtgeom.to_scene(at(s, half)))
        if opening.kind == "door":
            lines.moveTo(qtgeom.to_scene(at(0, 0)))
            lines.lineTo(qtgeom.to_scene(at(0, length)))
            start = math.degrees(math.atan2(ny, nx))
            qtgeom.add_arc(lines, (x0, y0), length, start, -90.0)
        elif opening.kind == "window":
            for t in (-half / 3, half / 3):
                lines.moveTo(qtgeom.to_scene(at(0, t)))
                lines.lineTo(qtgeom.to_scene(at(length, t)))
        self._lines = lines
        self.set_bounds(self._gap.boundingRect().united(lines.boundingRect()).adjusted(-0.05, -0.05, 0.05, 0.05))
        self.update()
        self.setToolTip(f"{opening.id}: {opening.kind}, {opening.width_m:.2f} m")

    def shape(self) -> QPainterPath:
        return self._gap

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        window = self.entity().kind == "window"
        painter.fillPath(self._gap, QColor(232, 244, 253) if window else _GAP)
        ink = QColor(30, 120, 200) if window else QColor(110, 80, 60)
        painter.strokePath(self._lines, _cosmetic(ink, 1.2))
        if self.isSelected():
            _paint_selected_outline(painter, self._gap)


# -- cameras and signs ------------------------------------------------------------------------


def display_id(entity_id: str, level_id: str | None) -> str:
    """The id as labelled on its level's plan: without a ``<level id>-`` prefix.

    >>> display_id("L1-cam-lobby", "L1"), display_id("c1", "L1")
    ('cam-lobby', 'c1')
    """
    prefix = f"{level_id}-" if level_id else ""
    return entity_id[len(prefix) :] if prefix and entity_id.startswith(prefix) and entity_id != prefix else entity_id


class DeviceLabelItem(QGraphicsItem):
    """The id beside a camera or sign, in screen pixels; the scene decides where (or whether) it goes."""

    FONT_PX = 12

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._font = QFont()
        self._font.setPixelSize(self.FONT_PX)
        self._font.setBold(True)
        self._text = ""
        self._color = QColor(_LABEL_INK)
        self._placement: QPointF | None = None
        self._size = (4.0, QFontMetricsF(self._font).height())
        self._path = QPainterPath()
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def text(self) -> str:
        return self._text

    @property
    def placement(self) -> QPointF | None:
        """Top-left of the text box in pixels from the device, or None when hidden."""
        return self._placement

    def set_text(self, text: str, color: QColor) -> None:
        if text == self._text and QColor(color) == self._color:
            return
        self.prepareGeometryChange()
        self._text, self._color = text, QColor(color)
        fm = QFontMetricsF(self._font)
        self._size = (fm.horizontalAdvance(self._text) + 4.0, fm.height())
        self._path = QPainterPath()
        self._path.addText(2, fm.ascent(), self._font, self._text)
        self.update()

    def size(self) -> tuple[float, float]:
        """Width and height of the text box in pixels."""
        return self._size

    def set_placement(self, placement: QPointF | None) -> None:
        if placement != self._placement:
            self.prepareGeometryChange()
            self._placement = placement

    def boundingRect(self) -> QRectF:
        if self._placement is None:
            return QRectF()
        w, h = self.size()
        return QRectF(self._placement.x() - 2, self._placement.y() - 2, w + 4, h + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._placement is None or not self._text:
            return
        path = self._path.translated(self._placement)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        halo = QPen(QBrush(QColor(255, 255, 255, 230)), 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                    Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(path, halo)
        painter.fillPath(path, self._color)


class PointItem(EntityItem, BoundedItem):
    """An entity at a plan position: a selectable symbol with its id beside it."""

    SYMBOL_PX = 7.0  # symbol radius on screen
    MIN_SYMBOL_M = 0.12  # ... but on the plan never smaller than this
    MAX_SYMBOL_M = 1.0  # ... nor larger than this
    LABEL_MIN_SCALE = 8.0  # pixels per metre below which ids are hidden (unless selected)

    def __init__(self, entity_id: str, source: ModelSource) -> None:
        BoundedItem.__init__(self)
        self._init_entity(entity_id, source)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # a moving coverage over it costs a blit
        reach = self.MAX_SYMBOL_M * 2.6
        self._symbol_bounds = QRectF(-reach, -reach, 2 * reach, 2 * reach)
        self.set_bounds(self._symbol_bounds.adjusted(-0.1, -0.1, 0.1, 0.1))
        self.label = DeviceLabelItem(self)

    @property
    def label_direction(self) -> float:
        """Compass direction in which the label prefers to sit (behind the device)."""
        return 180.0

    def symbol_radius(self, scale: float) -> float:
        """Symbol radius in metres at ``scale`` pixels per metre."""
        return min(max(self.MIN_SYMBOL_M, self.SYMBOL_PX / max(scale, 1e-6)), self.MAX_SYMBOL_M)

    def symbol_rect(self, scale: float) -> QRectF:
        """Scene rectangle of the symbol at ``scale``."""
        r = self.symbol_radius(scale) * 1.3
        p = self.scenePos()
        return QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r)

    def label_candidates(self, scale: float) -> list[QPointF]:
        """Label positions (text box top-left, pixels from the device), best first: behind the device,
        then turning away from there both ways."""
        w, h = self.label.size()
        reach = self.symbol_radius(scale) * scale * 1.3 + 3.0
        out = []
        for turn in (0, 45, -45, 90, -90, 135, -135, 180):
            d = qtgeom.direction(self.label_direction + turn)
            x = 0.0 if d.x() > 0.38 else (-w if d.x() < -0.38 else -w / 2)
            y = 0.0 if d.y() > 0.38 else (-h if d.y() < -0.38 else -h / 2)
            out.append(QPointF(d.x() * reach + x, d.y() * reach + y))
        return out

    def label_rect(self, placement: QPointF, scale: float) -> QRectF:
        """Scene rectangle of the label at ``placement`` (pixels) and ``scale``."""
        w, h = self.label.size()
        p = self.scenePos()
        return QRectF(p.x() + placement.x() / scale, p.y() + placement.y() / scale, w / scale, h / scale)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), 0.4, 0.4)
        return path

    def _sync_label(self, color: QColor) -> None:
        entity = self.entity()
        project = getattr(self._source, "project", None)
        self.label.set_text(display_name(entity, project), color.darker(130))


class CameraItem(PointItem):
    """A camera: round body and heading arrow (its coverage is a separate :class:`CoverageItem`)."""

    Z = Z_CAMERA
    LAYER = "cameras"

    @property
    def label_direction(self) -> float:
        return float(self.entity().heading_deg) + 180.0

    @staticmethod
    def color_of(cam: Camera) -> QColor:
        """Face-recognition cameras in magenta, others in blue."""
        return _FR_COLOR if cam.face_recognition else _CAMERA_COLOR

    def sync(self) -> None:
        self.prepareGeometryChange()
        cam: Camera = self.entity()
        self.setPos(qtgeom.to_scene(cam.position))
        self._sync_label(self.color_of(cam))
        fr = " · FR" if cam.face_recognition else ""
        range_text = f"{cam.range_m:g} m" if cam.range_m else "auto"
        self.setToolTip(
            f"{display_name(cam, getattr(self._source, 'project', None))}{fr}\n{cam.kind}, "
            f"heading {cam.heading_deg:g}°, hfov {cam.hfov_deg:g}°, "
            f"range {range_text}, mount {cam.mount_height_m:g} m"
        )
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        cam: Camera = self.entity()
        color = self.color_of(cam)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        r = self.symbol_radius(lod)
        tip = qtgeom.direction(cam.heading_deg) * (r * 2.6)
        side = qtgeom.direction(cam.heading_deg + 90) * (r * 0.55)
        back = qtgeom.direction(cam.heading_deg) * (r * 1.7)
        painter.setPen(_cosmetic(color.darker(120), 2.0))
        painter.drawLine(QPointF(0, 0), back)
        painter.setBrush(color.darker(120))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon([tip, back + side, back - side])
        if selected:
            painter.setPen(_cosmetic(_SELECTED, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r * 1.6, r * 1.6)
        painter.setPen(_cosmetic(QColor(255, 255, 255), 1.5))
        painter.setBrush(color)
        painter.drawEllipse(QPointF(0, 0), r, r)


class SignItem(PointItem):
    """A notice sign: a small square marker with a tick toward the way it faces."""

    Z = Z_SIGN
    LAYER = "signs"
    SYMBOL_PX = 6.0

    @property
    def label_direction(self) -> float:
        return float(self.entity().facing_deg) + 180.0

    @staticmethod
    def color_of(sign: Sign) -> QColor:
        """Face-recognition notices in amber, CCTV notices in green."""
        return _SIGN_COLOR.get(sign.kind, _SIGN_COLOR["cctv_notice"])

    def sync(self) -> None:
        self.prepareGeometryChange()
        sign: Sign = self.entity()
        self.setPos(qtgeom.to_scene(sign.position))
        self._sync_label(self.color_of(sign))
        self.setToolTip(f"{display_name(sign, getattr(self._source, 'project', None))}: {sign.kind}, {sign.size}, "
                        f"facing {sign.facing_deg:g}°")
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        sign: Sign = self.entity()
        color = self.color_of(sign)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.symbol_radius(lod)
        painter.setPen(_cosmetic(color.darker(150), 2.0))
        painter.drawLine(QPointF(0, 0), qtgeom.direction(sign.facing_deg) * (r * 2.4))
        if self.isSelected():
            painter.setPen(_cosmetic(_SELECTED, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r * 1.8, r * 1.8)
        painter.setPen(_cosmetic(color.darker(160), 1.2))
        painter.setBrush(color)
        painter.drawRect(QRectF(-r, -r, 2 * r, 2 * r))


class PlanLabelItem(EntityItem, BoundedItem):
    """A room name of the imported plan that lies in no zone: a small diamond and its text, read-only.

    Private ones (under the project's rule pack) are drawn in the privacy red: a room nobody drew stands there.
    Over a background, which shows the plan's own text, only the private ones are drawn.
    """

    Z = Z_ZONE + 1.0
    LAYER = "zones"
    MARK_PX = 4.0

    def __init__(self, entity_id: str, source: ModelSource) -> None:
        BoundedItem.__init__(self)
        self._init_entity(entity_id, source)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_bounds(QRectF(-0.3, -0.3, 0.6, 0.6))
        self.caption = DeviceLabelItem(self)
        self._color = QColor(_LABEL_INK)
        self._shown = True

    @property
    def shown(self) -> bool:
        """False for a label that is not private over a background (the background shows its text)."""
        return self._shown

    def sync(self) -> None:
        label: Label = self.entity()
        private = label.use in self._source.private_uses()
        self._shown = private or not self._source.has_backgrounds()
        self._color = _HATCH.darker(130) if private else QColor(100, 100, 100)
        self._color.setAlpha(255)
        self.setPos(qtgeom.to_scene(label.position))
        self.caption.set_text(label.text if self._shown else "", self._color)
        _, h = self.caption.size()
        self.caption.set_placement(QPointF(self.MARK_PX + 3.0, -h / 2))
        note = "private space, not drawn as a zone" if private else "in no zone"
        self.setToolTip(f"Plan label \"{label.text}\" ({use_name(label.use)}): {note}")
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._shown:
            return
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform()) or 1.0
        r = min(self.MARK_PX / lod, 0.3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_cosmetic(self._color, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        diamond = QPainterPath()
        diamond.moveTo(0, -r)
        diamond.lineTo(r, 0)
        diamond.lineTo(0, r)
        diamond.lineTo(-r, 0)
        diamond.closeSubpath()
        painter.drawPath(diamond)


#: Item class per entity kind (``Entity.ENTITY``).
ITEM_TYPES: dict[str, type[EntityItem]] = {
    "zone": ZoneItem,
    "wall": WallItem,
    "opening": OpeningItem,
    "camera": CameraItem,
    "sign": SignItem,
    "label": PlanLabelItem,
}
