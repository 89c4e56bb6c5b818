"""What a camera sees, drawn: its coverage clipped by walls, pixel-density bands, views into private zones.

A :class:`CoverageItem` draws one camera's coverage as computed by the
compliance engine (:meth:`planner.ui.compliance.LiveCompliance.coverage`). It
holds the camera id and drawing paths derived from the model, nothing else.
Bands are drawn for selected cameras, and for every camera while the density
layer is on; the part of the coverage inside a private zone it may not see is
filled red and hatched.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
import shapely
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from planner.model import Camera
from planner.ui import qtgeom
from planner.ui.items import Z_COVERAGE, BoundedItem

__all__ = ["CoverageSource", "CoverageItem", "LiveCoverageItem", "BAND_COLORS", "DORI_NAMES"]

#: Fill of each DORI band, lowest density first (detect, observe, recognise, identify).
BAND_COLORS = (
    QColor(255, 235, 130, 95),
    QColor(166, 217, 106, 110),
    QColor(65, 171, 93, 120),
    QColor(0, 104, 55, 130),
)
DORI_NAMES = ("detect", "observe", "recognise", "identify")
_VIEW = QColor(21, 101, 192)
_FR = QColor(198, 40, 140)
_OVERLAP = QColor(211, 47, 47)


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(True)
    return pen


class CoverageSource(Protocol):
    """What a coverage item needs from its scene."""

    def camera_coverage(self, camera_id: str) -> tuple[Camera, Any, Any] | None:
        """``(camera, coverage, private overlap)`` of a camera, or None."""

    def show_density(self) -> bool:
        """True when the density layer is on (bands for every camera)."""


class CoverageItem(BoundedItem):
    """The coverage of one camera, placed at the camera (paths are relative to it)."""

    LAYER = "coverage"

    def __init__(self, camera_id: str, source: CoverageSource) -> None:
        super().__init__()
        self.camera_id = camera_id
        self._source = source
        self.setZValue(Z_COVERAGE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # others' coverage is blitted in a drag
        self.region = QPainterPath()
        self.bands: list[QPainterPath] = []
        self.overlap = QPainterPath()
        self.fr_region = QPainterPath()
        self._fr = False
        self._highlight = False

    @property
    def sees_private(self) -> bool:
        """True when part of the coverage lies in a private zone the camera may not see."""
        return not self.overlap.isEmpty()

    def set_highlight(self, highlight: bool) -> None:
        """Draw stronger, with bands (the camera is selected)."""
        if highlight != self._highlight:
            self._highlight = highlight
            self.update()

    def sync(self) -> None:
        """Recompute the paths from the camera's current coverage."""
        found = self._source.camera_coverage(self.camera_id)
        self.region, self.bands, self.overlap, self.fr_region = QPainterPath(), [], QPainterPath(), QPainterPath()
        if found is None:
            self.set_bounds(QRectF())
            self.update()
            return
        camera, coverage, overlap = found
        origin = camera.position
        self.setPos(qtgeom.to_scene(origin))
        self._fr = camera.face_recognition
        if coverage is not None:  # every outline converted in one go
            bands = [band.region for band in coverage.bands.get("dori", ())]
            paths = qtgeom.geometry_paths([coverage.region, coverage.fr_region, overlap, *bands], origin)
            self.region, self.fr_region, self.overlap, self.bands = paths[0], paths[1], paths[2], paths[3:]
        elif overlap is not None:
            self.overlap = qtgeom.geometry_path(overlap, origin)
        self.set_bounds(self.region.boundingRect().united(self.fr_region.boundingRect()).adjusted(-0.2, -0.2, 0.2, 0.2))
        self.update()

    def shape(self) -> QPainterPath:
        return self.region

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.region.isEmpty() and self.fr_region.isEmpty():
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = _FR if self._fr else _VIEW
        bands = self._highlight or self._source.show_density()
        if bands and self.bands:
            painter.setPen(Qt.PenStyle.NoPen)
            for path, fill in zip(self.bands, BAND_COLORS, strict=False):
                painter.setBrush(fill)
                painter.drawPath(path)
        else:
            fill = QColor(color)
            fill.setAlpha(45 if self._highlight else 30)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPath(self.region)
        edge = QColor(color)
        edge.setAlpha(220 if self._highlight else 110)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(edge, 1.6 if self._highlight else 1.0))
        painter.drawPath(self.region)
        if not self.fr_region.isEmpty():
            painter.setPen(_pen(_FR, 1.4, Qt.PenStyle.DashLine))
            painter.drawPath(self.fr_region)
        if not self.overlap.isEmpty():
            fill = QColor(_OVERLAP)
            fill.setAlpha(150)
            painter.setPen(_pen(_OVERLAP.darker(120), 1.5))
            painter.setBrush(fill)
            painter.drawPath(self.overlap)
            painter.setBrush(QBrush(QColor(255, 255, 255, 170), Qt.BrushStyle.BDiagPattern))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPath(self.overlap)


class LiveCoverageItem(CoverageItem):
    """The coverage of the camera being dragged, drawn in scene coordinates by an item that never moves.

    A coverage item that follows its camera repaints the bounding rectangle of its old and of
    its new outline every frame, and a lens that reaches through doors spans most of the plan.
    This item (one per scene, empty until a drag) covers the whole plane and never changes its
    bounds; each frame it asks the scene to repaint only the cells of a coarse grid that its old
    and new outlines touch. It is drawn uncached, at the stacking place of the camera's own item,
    which stays hidden until the drag ends.
    """

    #: Grid cell of the repainted area, in screen pixels.
    CELL_PX = 40.0
    #: What an outline's pen and antialiasing add around it, in screen pixels.
    MARGIN_PX = 3.0
    _EVERYWHERE = QRectF(-1.0e5, -1.0e5, 2.0e5, 2.0e5)

    def __init__(self, source: CoverageSource) -> None:
        super().__init__("", source)
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.set_bounds(self._EVERYWHERE)
        self._cells: list[QRectF] = []  # scene rectangles the outline drawn now covers

    @property
    def active(self) -> bool:
        return bool(self.camera_id)

    def take(self, item: CoverageItem) -> None:
        """Draw the coverage of ``item``'s camera from now on (the caller hides ``item``)."""
        self.camera_id = item.camera_id
        self._fr, self._highlight = item._fr, item._highlight

    def set_highlight(self, highlight: bool) -> None:
        if highlight != self._highlight:
            self._highlight = highlight
            self._repaint(self._cells)

    def release(self) -> None:
        """Draw nothing again (the camera's own item takes over)."""
        self.camera_id = ""
        self.region, self.bands, self.overlap, self.fr_region = QPainterPath(), [], QPainterPath(), QPainterPath()
        self._repaint(self._cells)
        self._cells = []

    def sync(self) -> None:
        found = self._source.camera_coverage(self.camera_id) if self.camera_id else None
        self.region, self.bands, self.overlap, self.fr_region = QPainterPath(), [], QPainterPath(), QPainterPath()
        cells: list[QRectF] = []
        if found is not None:
            camera, coverage, overlap = found
            self._fr = camera.face_recognition
            if coverage is not None:
                bands = [band.region for band in coverage.bands.get("dori", ())]
                paths = qtgeom.geometry_paths([coverage.region, coverage.fr_region, overlap, *bands])
                self.region, self.fr_region, self.overlap, self.bands = paths[0], paths[1], paths[2], paths[3:]
                cells = self._cells_of([coverage.region, coverage.fr_region])
        self._repaint(self._cells + cells)
        self._cells = cells

    def _scale(self) -> float:
        views = self.scene().views() if self.scene() is not None else []
        return float(views[0].transform().m11()) if views else 20.0

    def _cells_of(self, geometries: list[Any]) -> list[QRectF]:
        """Scene rectangles covering ``geometries`` (plan metres) and their outlines: the grid cells they touch,
        joined along each row."""
        geometries = [g for g in geometries if g is not None and not g.is_empty]
        if not geometries:
            return []
        scale = max(self._scale(), 1e-6)
        size = self.CELL_PX / scale
        minx = min(g.bounds[0] for g in geometries)
        miny = min(g.bounds[1] for g in geometries)
        maxx = max(g.bounds[2] for g in geometries)
        maxy = max(g.bounds[3] for g in geometries)
        i0, i1 = int(np.floor(minx / size)), int(np.floor(maxx / size))
        j0, j1 = int(np.floor(miny / size)), int(np.floor(maxy / size))
        grid_i, grid_j = np.meshgrid(np.arange(i0, i1 + 1), np.arange(j0, j1 + 1))
        ii, jj = grid_i.ravel(), grid_j.ravel()
        boxes = shapely.box(ii * size, jj * size, (ii + 1) * size, (jj + 1) * size)
        hit = np.zeros(len(boxes), dtype=bool)
        for g in geometries:
            shapely.prepare(g)
            hit |= shapely.intersects(g, boxes)
        margin = self.MARGIN_PX / scale
        runs: list[list[int]] = []  # [row, first column, last column] of consecutive cells, row by row
        for j, i in sorted(zip(jj[hit].tolist(), ii[hit].tolist(), strict=True)):
            if runs and runs[-1][0] == j and runs[-1][2] == i - 1:
                runs[-1][2] = i
            else:
                runs.append([j, i, i])
        cells = []
        for j, first, last in runs:
            x0, x1 = first * size, (last + 1) * size
            top, bottom = -(j + 1) * size, -j * size  # the scene's y runs down
            cells.append(QRectF(x0 - margin, top - margin, x1 - x0 + 2 * margin, bottom - top + 2 * margin))
        return cells

    def _repaint(self, cells: list[QRectF]) -> None:
        scene = self.scene()
        if scene is None or not self.isVisible():
            return
        for rect in cells:
            scene.update(rect)
