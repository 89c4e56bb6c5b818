"""Multi-page documents (guide, report): page template, running header and footer, styles, tables.

Pages carry the venue and the document title at the top and "page X of Y"
with the document date at the bottom; margins are 12 mm, inside what every
printer can print.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, TableStyle
from reportlab.platypus import Table as _Table

from planner.model import Project
from planner.output import style
from planner.output.fonts import FONT, register_fonts
from planner.output.pdf import CREATOR

__all__ = [
    "MARGIN",
    "styles",
    "para",
    "esc",
    "build_document",
    "data_table",
    "CheckBox",
    "KeyValueTable",
    "Table",
    "short_list",
]

MARGIN = style.mm(12)
_HEADER_H = style.mm(8)
_FOOTER_H = style.mm(7)


class Table(_Table):
    """A platypus table whose cells default to the embedded font (never to an unembedded base font)."""

    def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("splitInRow", 1)  # a very tall row may continue on the next page
        super().__init__(data, *args, **kwargs)
        register_fonts()
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))


def short_list(items: Sequence[str], limit: int = 12, sep: str = ", ") -> str:
    """``items`` joined, the first ``limit`` only with a count of the rest.

    >>> short_list(["C1", "C2", "C3"], limit=2)
    'C1, C2 … (+1 / 共 3)'
    """
    items = list(items)
    if len(items) <= limit:
        return sep.join(items)
    return f"{sep.join(items[:limit])} … (+{len(items) - limit} / 共 {len(items)})"


def esc(text: Any) -> str:
    """Escape text for a reportlab paragraph."""
    return escape(str(text))


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the guide and the report (one embedded font, CJK line breaking)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=13, wordWrap="CJK", alignment=TA_LEFT,
                          textColor=colors.black)
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=22, leading=28, textColor=style.NAVY,
                                spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=13, leading=17, textColor=style.NAVY,
                                   spaceAfter=10),
        "h1": ParagraphStyle("h1", parent=base, fontSize=14, leading=19, textColor=style.NAVY, spaceBefore=4,
                             spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11, leading=15, textColor=style.NAVY, spaceBefore=8,
                             spaceAfter=3),
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7, leading=9),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontSize=7, leading=9, textColor=colors.white),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=11, textColor=style.GREY_DARK),
    }


def para(text: str, st: ParagraphStyle, *, markup: bool = False) -> Paragraph:
    """A paragraph of plain ``text`` (escaped unless ``markup``)."""
    return Paragraph(text if markup else esc(text), st)


class _NumberedCanvas(Canvas):
    """Defers pages so that the footer can say "page X of Y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            footer = getattr(self, "_vp_footer", None)
            if footer is not None:
                footer(self, self._pageNumber, total)
            Canvas.showPage(self)
        Canvas.save(self)


def build_document(project: Project, story: list[Flowable], *, pagesize: tuple[float, float], title: str,
                   subject: str, running_title: str, date: str) -> tuple[bytes, int]:
    """Lay out ``story`` on pages with the running header and footer; return the PDF and its page count."""
    register_fonts()
    buf = io.BytesIO()
    width, height = pagesize
    frame = Frame(MARGIN, MARGIN + _FOOTER_H, width - 2 * MARGIN, height - 2 * MARGIN - _HEADER_H - _FOOTER_H,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    venue = project.venue.name or "—"

    def footer(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(style.GREY_LIGHT)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN + _FOOTER_H - 6, width - MARGIN, MARGIN + _FOOTER_H - 6)
        style.draw_text(canvas, MARGIN, MARGIN + 2, f"{CREATOR} · {date}", 7, color=style.GREY)
        style.draw_text(canvas, width - MARGIN, MARGIN + 2, f"第 {page} 页 / 共 {total} 页 · Page {page} of {total}",
                        7, color=style.GREY, align="right")
        canvas.restoreState()

    def on_page(canvas: Canvas, doc: Any) -> None:
        canvas._vp_footer = footer
        canvas.saveState()
        y = height - MARGIN - 9
        style.draw_text(canvas, MARGIN, y, venue, 8.5, color=style.NAVY, bold=True)
        style.draw_text(canvas, width - MARGIN, y, running_title, 8.5, color=style.NAVY, align="right")
        canvas.setStrokeColor(style.NAVY)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, y - 5, width - MARGIN, y - 5)
        canvas.restoreState()

    doc = BaseDocTemplate(buf, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, title=title, subject=subject,
                          author=project.venue.operator or project.venue.name, creator=CREATOR, producer=CREATOR,
                          invariant=1, initialFontName=FONT, initialFontSize=9, pageCompression=1)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=_NumberedCanvas)
    data = buf.getvalue()
    return data, int(doc.page)


def data_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
               st: dict[str, ParagraphStyle] | None = None, zebra: bool = True,
               row_styles: Callable[[int, Sequence[Any]], list[tuple[Any, ...]]] | None = None) -> Table:
    """A table with a blue heading row repeated on every page and wrapped cells."""
    st = st or styles()

    def cell(value: Any, head: bool = False) -> Any:
        if isinstance(value, Flowable):
            return value
        return Paragraph(esc(value).replace("\n", "<br/>"), st["cell_head"] if head else st["cell"])

    data = [[cell(h, True) for h in header], *[[cell(v) for v in row] for row in rows]]
    table = Table(data, colWidths=list(widths), repeatRows=1)  # the font-safe subclass above
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), style.NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, style.GREY_LIGHT),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
    ]
    if zebra:
        for i in range(2, len(data), 2):
            commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F4F7FB")))
    if row_styles is not None:
        for i, row in enumerate(rows, start=1):
            commands.extend(row_styles(i, row))
    table.setStyle(TableStyle(commands))
    return table


class CheckBox(Flowable):
    """A drawn check box, ticked or empty (the font has no ballot-box glyphs)."""

    def __init__(self, checked: bool, size: float = 8.0) -> None:
        super().__init__()
        self.checked = checked
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        s = self.size
        c.saveState()
        c.setStrokeColor(style.GREY_DARK)
        c.setLineWidth(0.7)
        c.rect(0, 0, s, s, stroke=1, fill=0)
        if self.checked:
            c.setStrokeColor(style.GREEN)
            c.setLineWidth(1.4)
            c.setLineCap(1)
            c.setLineJoin(1)
            p = c.beginPath()
            p.moveTo(s * 0.18, s * 0.52)
            p.lineTo(s * 0.42, s * 0.22)
            p.lineTo(s * 0.86, s * 0.86)
            c.drawPath(p, stroke=1, fill=0)
        c.restoreState()


def KeyValueTable(rows: Sequence[tuple[str, Any]], widths: tuple[float, float], *,
                  st: dict[str, ParagraphStyle] | None = None) -> Table:
    """A two-column table of labels and values (no heading row)."""
    st = st or styles()
    data = []
    for key, value in rows:
        value_cell = value if isinstance(value, Flowable) else Paragraph(esc(value), st["body"])
        data.append([Paragraph(esc(key), ParagraphStyle("k", parent=st["body"], textColor=style.GREY_DARK)),
                     value_cell])
    table = Table(data, colWidths=list(widths))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, style.GREY_LIGHT),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table
