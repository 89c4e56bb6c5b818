"""Draw a QR code as vector modules (reportlab's encoder, error correction level M).

>>> modules("https://example.com/privacy")[0][:7]
[True, True, True, True, True, True, True]
"""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

__all__ = ["QUIET_ZONE", "QRError", "modules", "draw_qr", "qr_problem"]

#: Light modules around the symbol, as the QR standard asks.
QUIET_ZONE = 4


class QRError(ValueError):
    """``value`` cannot be encoded as a QR code (too long, or not encodable text)."""


def modules(value: str) -> list[list[bool]]:
    """The dark (True) and light modules of the QR symbol for ``value``, top row first.

    Raises :class:`QRError` when ``value`` does not fit in a QR code.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QRError("contains characters that cannot be encoded (a lone UTF-16 surrogate)") from None
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(value)
    try:
        qr.make()
    except Exception as exc:  # reportlab raises a bare Exception("code length overflow ...")
        raise QRError(f"{len(value)} characters are too many for a QR code ({exc})") from None
    n = qr.getModuleCount()
    return [[bool(qr.isDark(r, c)) for c in range(n)] for r in range(n)]


def qr_problem(value: str) -> str | None:
    """Why ``value`` cannot be printed as a QR code, or None when it can (or is empty).

    >>> qr_problem("https://example.com/privacy") is None
    True
    >>> qr_problem("https://example.com/" + "a" * 5000)[:40]
    '5020 characters are too many for a QR co'
    """
    if not value:
        return None
    try:
        modules(value)
    except QRError as exc:
        return str(exc)
    return None


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float, *, quiet: bool = True) -> None:
    """Draw the QR code for ``value`` in the square ``size`` points wide with its lower-left corner at (x, y).

    The square includes the quiet zone (when ``quiet``), painted white; dark
    modules are drawn as one path of horizontal runs so the code stays crisp
    at any print size.
    """
    grid = modules(value)
    n = len(grid)
    total = n + (2 * QUIET_ZONE if quiet else 0)
    unit = size / total
    off = QUIET_ZONE if quiet else 0
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    path = canvas.beginPath()
    for r, row in enumerate(grid):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                top = y + size - (off + r) * unit
                path.rect(x + (off + start) * unit, top - unit, (c - start) * unit, unit * 1.0005)
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
