"""Tool icons drawn with QPainter (crisp at every screen scale, nothing to ship)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

__all__ = ["tool_icon"]

_INK = QColor(55, 65, 81)
_ACCENT = QColor(21, 101, 192)
_WARM = QColor(230, 120, 20)


def _pen(color: QColor = _INK, width: float = 1.6) -> QPen:
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _select(p: QPainter) -> None:
    arrow = QPolygonF([QPointF(6, 3), QPointF(6, 19), QPointF(10, 15), QPointF(13, 21), QPointF(15.5, 20),
                       QPointF(12.5, 14), QPointF(18, 14)])
    p.setPen(_pen(_INK, 1.3))
    p.setBrush(QColor(255, 255, 255))
    p.drawPolygon(arrow)


def _wall(p: QPainter) -> None:
    p.setPen(_pen(_INK, 4.0))
    p.drawPolyline(QPolygonF([QPointF(3, 19), QPointF(3, 5), QPointF(20, 5)]))


def _room(p: QPainter, rect: bool = False, walls: bool = True) -> None:
    p.setBrush(QColor(244, 231, 198))
    if walls:
        p.setPen(_pen(_INK, 3.0))
    else:
        pen = _pen(_WARM, 1.6)
        pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
    if rect:
        p.drawRect(QRectF(4, 5, 16, 14))
    else:
        p.drawPolygon(QPolygonF([QPointF(4, 5), QPointF(14, 5), QPointF(20, 11), QPointF(20, 19), QPointF(4, 19)]))


def _door(p: QPainter) -> None:
    p.setPen(_pen(_INK, 3.0))
    p.drawLine(QPointF(2, 19), QPointF(7, 19))
    p.drawLine(QPointF(19, 19), QPointF(22, 19))
    p.setPen(_pen(QColor(110, 80, 60), 1.5))
    p.drawLine(QPointF(7, 19), QPointF(7, 7))
    path = QPainterPath(QPointF(7, 7))
    path.arcTo(QRectF(-5, 7, 24, 24), 90, -90)
    p.drawPath(path)


def _doorway(p: QPainter) -> None:
    p.setPen(_pen(_INK, 3.0))
    p.drawLine(QPointF(2, 14), QPointF(8, 14))
    p.drawLine(QPointF(16, 14), QPointF(22, 14))
    p.setPen(_pen(QColor(110, 80, 60), 1.5))
    p.drawLine(QPointF(8, 10), QPointF(8, 18))
    p.drawLine(QPointF(16, 10), QPointF(16, 18))


def _window(p: QPainter) -> None:
    p.setPen(_pen(_INK, 3.0))
    p.drawLine(QPointF(2, 12), QPointF(6, 12))
    p.drawLine(QPointF(18, 12), QPointF(22, 12))
    p.setPen(_pen(QColor(30, 120, 200), 1.3))
    p.drawRect(QRectF(6, 9.5, 12, 5))
    p.drawLine(QPointF(6, 12), QPointF(18, 12))


def _camera(p: QPainter) -> None:
    wedge = QPainterPath(QPointF(6, 18))
    wedge.arcTo(QRectF(-12, 0, 36, 36), 80, -60)
    wedge.closeSubpath()
    p.setPen(_pen(_ACCENT, 1.0))
    p.setBrush(QColor(21, 101, 192, 60))
    p.drawPath(wedge)
    p.setBrush(_ACCENT)
    p.setPen(_pen(QColor(255, 255, 255), 1.2))
    p.drawEllipse(QPointF(6, 18), 3.8, 3.8)


def _sign(p: QPainter) -> None:
    p.setPen(_pen(QColor(150, 95, 0), 1.3))
    p.setBrush(QColor(249, 168, 37))
    p.drawRoundedRect(QRectF(4, 3, 16, 12), 1.5, 1.5)
    p.drawLine(QPointF(12, 15), QPointF(12, 21))
    p.setPen(_pen(QColor(255, 255, 255), 1.4))
    p.drawEllipse(QPointF(12, 9), 3, 3)


def _measure(p: QPainter) -> None:
    p.setPen(_pen(_INK, 1.4))
    p.setBrush(QColor(255, 236, 179))
    p.save()
    p.translate(12, 12)
    p.rotate(-35)
    p.drawRect(QRectF(-10, -3.5, 20, 7))
    for i in range(-8, 9, 3):
        p.drawLine(QPointF(i, -3.5), QPointF(i, -0.5 if i % 2 else 0.5))
    p.restore()


def _calibrate(p: QPainter) -> None:
    p.setPen(_pen(_WARM, 1.6))
    p.drawLine(QPointF(4, 12), QPointF(20, 12))
    for x, d in ((4, 1), (20, -1)):
        p.drawLine(QPointF(x, 12), QPointF(x + 4 * d, 8))
        p.drawLine(QPointF(x, 12), QPointF(x + 4 * d, 16))
    p.setPen(_pen(_INK, 1.2))
    p.drawLine(QPointF(4, 5), QPointF(4, 19))
    p.drawLine(QPointF(20, 5), QPointF(20, 19))


_PAINTERS: dict[str, Callable[[QPainter], None]] = {
    "select": _select,
    "wall": _wall,
    "room": _room,
    "rect_room": lambda p: _room(p, rect=True),
    "zone": lambda p: _room(p, walls=False),
    "rect_zone": lambda p: _room(p, rect=True, walls=False),
    "door": _door,
    "doorway": _doorway,
    "window": _window,
    "camera": _camera,
    "sign": _sign,
    "measure": _measure,
    "calibrate": _calibrate,
}


def tool_icon(name: str) -> QIcon:
    """The icon of tool ``name`` at 1× and 2× (24 px logical)."""
    icon = QIcon()
    paint = _PAINTERS.get(name)
    if paint is None:
        return icon
    for ratio in (1.0, 2.0):
        pixmap = QPixmap(int(24 * ratio), int(24 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        paint(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon

