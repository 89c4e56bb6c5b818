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

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from planner.model import Camera
from planner.ui import qtgeom
from planner.ui.items import Z_COVERAGE, BoundedItem

__all__ = ["CoverageSource", "CoverageItem", "BAND_COLORS", "DORI_NAMES"]

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

    def set_live(self, live: bool) -> None:
        """While the camera is dragged its coverage changes every frame: draw it directly instead of
        rendering it into a cache image first (the others stay cached and are blitted)."""
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache if live else QGraphicsItem.CacheMode.DeviceCoordinateCache)

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
