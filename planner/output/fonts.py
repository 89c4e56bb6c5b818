"""Register the bundled CJK TrueType font with reportlab and measure text set in it.

Every PDF the program writes uses one embedded font, WenQuanYi Micro Hei
(``assets/fonts/wqy-microhei.ttc``, Apache-2.0), for Chinese and Latin text
alike, so that nothing depends on the fonts of the printing machine.

>>> name = register_fonts()
>>> string_width("人脸", 10.0) == 20.0
True
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.assets import asset_path

__all__ = [
    "FONT",
    "FONT_FILE",
    "CJK_LETTER_HEIGHT",
    "LATIN_CAP_HEIGHT",
    "register_fonts",
    "string_width",
]

#: The name under which the bundled font is registered with reportlab.
FONT = "VPSans"
#: The font file, relative to the assets folder.
FONT_FILE = ("fonts", "wqy-microhei.ttc")
#: Height of a CJK ideograph's ink per unit of font size (measured on the bundled font, rounded down).
CJK_LETTER_HEIGHT = 0.86
#: Height of a Latin capital per unit of font size.
LATIN_CAP_HEIGHT = 0.714


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the bundled font (once) and return its reportlab name.

    The same face serves as regular, bold and italic, so that ``<b>`` in a
    paragraph never falls back to a font that is not embedded.
    """
    path = asset_path(*FONT_FILE)
    if not path.is_file():
        raise FileNotFoundError(f"the bundled font is missing: {path}")
    pdfmetrics.registerFont(TTFont(FONT, str(path), subfontIndex=0))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT, bold, italic, FONT)
    return FONT


def string_width(text: str, size: float) -> float:
    """Width in points of ``text`` set in the bundled font at ``size`` points."""
    return _unit_width(text) * size


@lru_cache(maxsize=65536)
def _unit_width(text: str) -> float:
    register_fonts()
    return float(pdfmetrics.stringWidth(text, FONT, 1000.0)) / 1000.0
