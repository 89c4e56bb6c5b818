"""Colours, units and text drawing shared by the signs, the guide and the report.

>>> round(mm(10), 3)
28.346
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm as _MM
from reportlab.pdfgen.canvas import Canvas

from planner.output.fonts import FONT, register_fonts

__all__ = [
    "NAVY",
    "NAVY_LIGHT",
    "RED",
    "GREEN",
    "AMBER",
    "GREY",
    "GREY_DARK",
    "GREY_LIGHT",
    "mm",
    "draw_text",
    "BOLD_STROKE",
]

#: Information-sign blue (symbols, frames, headings).
NAVY = colors.HexColor("#0B3D74")
NAVY_LIGHT = colors.HexColor("#E3ECF6")
RED = colors.HexColor("#C62828")
GREEN = colors.HexColor("#2E7D32")
AMBER = colors.HexColor("#B26A00")
GREY = colors.HexColor("#6B7280")
GREY_DARK = colors.HexColor("#374151")
GREY_LIGHT = colors.HexColor("#D1D5DB")
#: Outline width of simulated bold, per point of font size (the bundled font has one weight).
BOLD_STROKE = 0.035


def mm(value: float) -> float:
    """Millimetres to points."""
    return float(value * _MM)


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False,
              color: colors.Color = colors.black, align: str = "left") -> None:
    """Draw one line of ``text`` with its baseline at ``y``; ``align`` is left, centre or right of ``x``.

    Bold is simulated by stroking the glyph outlines in the text colour.
    """
    register_fonts()
    width = canvas.stringWidth(text, FONT, size)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    t = canvas.beginText(x, y)
    t.setFont(FONT, size)
    t.setFillColor(color)
    if bold:
        t.setStrokeColor(color)
        t.setTextRenderMode(2)
        canvas.saveState()
        canvas.setLineWidth(size * BOLD_STROKE)
        canvas.setLineJoin(1)
        t.textOut(text)
        canvas.drawText(t)
        canvas.restoreState()
        return
    t.textOut(text)
    canvas.drawText(t)
