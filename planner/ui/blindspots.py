"""The blind-spot layer: required areas that no camera meets at the required density, drawn live.

:class:`BlindSpotLayer` follows the window's project and level. When shown it
draws one square per sample of the coverage profile's required areas that no
camera meets (:class:`planner.layout.blindspots.BlindSpots`), coloured by the
level asked for, and redraws a moment after each edit (a moved camera costs
one camera). The status bar tells the area still blind.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from planner.layout.blindspots import BlindSpots, LevelBlindSpots
from planner.layout.profile import LEVEL_PX_PER_M
from planner.model import Change
from planner.ui import qtgeom
from planner.ui.i18n import translate
from planner.ui.items import Z_COVERAGE

if TYPE_CHECKING:
    from planner.ui.window import MainWindow

__all__ = ["BlindSpotItem", "BlindSpotLayer", "HEAT_COLORS"]

log = logging.getLogger(__name__)

#: Fill per required level: the higher the density asked for, the hotter.
HEAT_COLORS = {
    LEVEL_PX_PER_M["detect"]: QColor(255, 214, 0, 120),
    LEVEL_PX_PER_M["observe"]: QColor(255, 145, 0, 130),
    LEVEL_PX_PER_M["recognise"]: QColor(244, 81, 30, 140),
    LEVEL_PX_PER_M["identify"]: QColor(183, 28, 28, 150),
}


class BlindSpotItem(QGraphicsItem):
    """Unmet samples as squares, one path per required level."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_COVERAGE + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.paths: dict[float, QPainterPath] = {}
        self._bounds = QRectF()

    def set_spots(self, spots: LevelBlindSpots | None) -> None:
        self.prepareGeometryChange()
        self.paths = {}
        self._bounds = QRectF()
        if spots is not None:
            req = spots.requirements
            half = req.cell_m2 ** 0.5 / 2
            for i in spots.unmet.nonzero()[0].tolist():
                path = self.paths.setdefault(float(req.px[i]), QPainterPath())
                c = qtgeom.to_scene((float(req.xs[i]), float(req.ys[i])))
                path.addRect(QRectF(c.x() - half, c.y() - half, 2 * half, 2 * half))
            for path in self.paths.values():
                self._bounds = self._bounds.united(path.boundingRect())
        self.update()

    @property
    def count(self) -> int:
        return sum(p.elementCount() // 5 for p in self.paths.values())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for px, path in sorted(self.paths.items()):
            painter.setBrush(HEAT_COLORS.get(px, QColor(183, 28, 28, 150)))
            painter.drawPath(path)


class BlindSpotLayer(QObject):
    """Keeps a :class:`BlindSpotItem` on the window's scene current while the layer is shown."""

    DELAY_MS = 120

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.spots = BlindSpots()
        self.item = BlindSpotItem()
        self.last: LevelBlindSpots | None = None
        self._shown = False
        self._project: Any = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        window.scene.about_to_rebuild.connect(self._detach_item)
        window.scene.rebuilt.connect(self._rebuilt)
        self.action = QAction(translate("BlindSpots", "&Blind Spots"), window)
        self.action.setObjectName("blind_spots")
        self.action.setCheckable(True)
        self.action.setToolTip(translate("BlindSpots", "Show the required areas that no camera covers at the "
                                                       "required pixel density"))
        self.action.toggled.connect(self.set_shown)

    @property
    def shown(self) -> bool:
        return self._shown

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown:
            self._follow()
            if self.item.scene() is None:
                self.window.scene.addItem(self.item)
            self.refresh()
        else:
            self._detach_item()
            self._timer.stop()

    def _follow(self) -> None:
        project = self.window.project
        if project is self._project:
            return
        if self._project is not None:
            self._project.changed.disconnect(self._changed)
        self._project = project
        self.spots = BlindSpots()
        if project is not None:
            project.changed.connect(self._changed)

    def _changed(self, _change: Change) -> None:
        if self._shown:
            self._timer.start()

    def _detach_item(self) -> None:
        if self.item.scene() is not None:
            self.item.scene().removeItem(self.item)

    def _rebuilt(self) -> None:
        if self._shown:
            self._follow()
            self.window.scene.addItem(self.item)
            self.refresh()

    def refresh(self) -> None:
        """Recompute the blind spots of the shown level now."""
        self._timer.stop()
        self._follow()
        level = self.window.level()
        engine = self.window.compliance.engine
        if not self._shown or level is None or engine is None:
            self.last = None
            self.item.set_spots(None)
            return
        try:
            self.last = self.spots.level(engine, level)
        except Exception as exc:  # never let a drawing aid break editing
            log.warning("blind spots: %s", exc)
            self.last = None
        self.item.set_spots(self.last)
        if self.last is not None:
            self.window.status(translate("BlindSpots", "Blind spots: {0} of {1} m² required not covered at the "
                                                       "required density")
                               .replace("{0}", f"{self.last.unmet_m2:.1f}")
                               .replace("{1}", f"{self.last.required_m2:.1f}"))
