"""Print-ready notice signs: one page per sign the plan needs, bilingual, sized for their viewing distance.

``planner signs`` prints, level by level, the signs placed in the project and
then, marked 待增设 / to be added with a suggested position described for the
installer, the signs the rules require that are not placed yet; then the full
notice sheet (the second layer, :func:`planner.output.notice.draw_notice_sheet`)
when the venue uses face recognition. Each sign carries its placement code
(S1 …, the number of its marker in the placement guide), never internal ids
or coordinates. When a notice fact the rule pack requires is missing, every
page carries the DRAFT mark (:func:`draw_draft_mark`); when the paper is too
small for the approach's viewing distance, the sign says so in its foot.

The layout keeps the legibility promise the checker relies on
(:mod:`planner.rules.signs`): on paper ``W`` wide (the short side, in either
orientation) the pictogram tile is ``PICTOGRAM_RATIO × W`` high and the
headline's ideographs are at least ``HEADLINE_RATIO × W`` high (the headline
wraps rather than run past the page). The English headline's capitals are at
least half that. The notice facts are set as large as the page allows, from
half the headline height down to 5 mm, and only when a venue's texts are too
long for that, smaller (down to 3 mm), cut with "…" as a last resort (the
full text is on the notice sheet and behind the QR code).
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from planner.model import Level, Project, Sign
from planner.output import style
from planner.output.fonts import CJK_LETTER_HEIGHT, LATIN_CAP_HEIGHT, register_fonts, string_width
from planner.output.notice import (
    DRAFT_MARK,
    HEADLINES,
    LABELS,
    SUBLINES,
    NoticeItem,
    draw_notice_sheet,
    notice_gaps,
    sign_items,
)
from planner.output.pdf import atomic_write, new_canvas
from planner.output.pictograms import draw_pictogram
from planner.output.qr import draw_qr
from planner.output.schedules import describe_position, proposed_sign_id, requirements
from planner.output.text import balanced_wrap, ellipsize, wrap
from planner.rules.findings import CheckResult
from planner.rules.signs import (
    HEADLINE_RATIO,
    PAPER_MM,
    PICTOGRAM_RATIO,
    SIGN_SIZES_BY_DISTANCE,
    legible_distance,
    size_for_distance,
)

__all__ = [
    "ORIENTATIONS",
    "BODY_MIN_MM",
    "BODY_FLOOR_MM",
    "SignSheet",
    "sign_sheets",
    "page_size",
    "SignLayout",
    "layout_sign",
    "compose_sign",
    "body_letter_mm",
    "draw_sign",
    "draw_draft_mark",
    "SignsDocument",
    "signs_document",
    "signs_pdf_bytes",
    "write_signs_pdf",
]

ORIENTATIONS = ("portrait", "landscape")
#: Smallest body letter height while the facts fit (DESIGN §3).
BODY_MIN_MM = 5.0
#: Body letter height below which text is cut instead of shrunk further.
BODY_FLOOR_MM = 3.0
_LEADING = 1.22
_ROW_GAP = 0.5


@dataclass
class SignSheet:
    """One sign to print: placed in the project, or required by the rules and still to be added."""

    id: str
    kind: str
    size: str
    orientation: str
    level: Level
    position: tuple[float, float]
    facing_deg: float
    mount_height_m: float
    placed: bool = True
    opening: str | None = None
    zone: str | None = None
    approach_zone: str | None = None
    cameras: list[str] = field(default_factory=list)
    viewing_distance_m: float | None = None
    #: The placement code printed on the sign, the number of its marker in the guide (S1 …).
    code: str = ""
    mount: str = "wall"

    def placement(self, lang: str) -> str:
        """Where the sign goes, for a person on site (no ids, no coordinates)."""
        zh, en = describe_position(self.level, zone=self.zone, approach_zone=self.approach_zone,
                                   opening=self.opening, mount=self.mount, facing_deg=self.facing_deg,
                                   mount_height_m=self.mount_height_m, position=self.position)
        return zh if lang == "zh" else en

    def size_warning(self) -> tuple[str, str] | None:
        """``(zh, en)`` when the paper is too small for the viewing distance (DESIGN §3), else ``None``."""
        d = self.viewing_distance_m
        if d is None or legible_distance(self.size) >= d - 1e-6:
            return None
        needed = size_for_distance(d)
        if legible_distance(needed) < d - 1e-6:
            largest = SIGN_SIZES_BY_DISTANCE[-1]
            return (f"尺寸不足：即使 {largest} 也无法在 {d:.0f} m 外辨认，请在更靠近来向处加设标识",
                    f"Too small: even {largest} cannot be read from {d:.0f} m; add a sign nearer the approach")
        return (f"尺寸不足：在 {d:.0f} m 外辨认需 {needed} 或更大",
                f"Too small to read from {d:.0f} m: print on {needed} or larger")


def _orientation_of(sign: Sign | None, orientation: str | None) -> str:
    if orientation:
        return orientation
    value = sign.extra.get("orientation") if sign is not None else None
    return value if value in ORIENTATIONS else "auto"


def _resolve_orientation(sheet: SignSheet, project: Project) -> None:
    """Portrait, unless the notice facts come out larger in landscape while under the wanted size."""
    if sheet.orientation != "auto":
        return
    sheet.orientation = "portrait"
    portrait = compose_sign(sheet, project)[1].size
    if portrait * CJK_LETTER_HEIGHT >= style.mm(BODY_MIN_MM):
        return
    sheet.orientation = "landscape"
    if compose_sign(sheet, project)[1].size <= portrait * 1.05:
        sheet.orientation = "portrait"


def sign_sheets(project: Project, result: CheckResult, *, paper: str | None = None,
                orientation: str | None = None) -> list[SignSheet]:
    """Every sign the plan needs: on each level the placed signs, then the required ones not placed yet.

    The order and the placement codes (S1 …) are those of the guide's sign
    schedule (:func:`planner.output.schedules.build_schedules`). Without an
    ``orientation`` (nor an ``orientation`` key on the sign) signs are
    portrait, except where the notice facts get noticeably larger letters in
    landscape while portrait would set them under :data:`BODY_MIN_MM`.
    """
    if paper is not None and paper not in PAPER_MM:
        raise ValueError(f"unknown paper size {paper!r} (use {', '.join(PAPER_MM)})")
    if orientation is not None and orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation {orientation!r} (use portrait or landscape)")
    reqs = requirements(result)
    used = project.ids()
    sheets: list[SignSheet] = []
    n = 0
    for level in project.levels:
        level_reqs = [r for r in reqs if r.level == level.id]
        by_sign = {r.satisfied_by: r for r in level_reqs if r.satisfied_by}
        for sign in level.signs:
            n += 1
            req = by_sign.get(sign.id)
            sheets.append(SignSheet(
                id=sign.id, kind=sign.kind, size=paper or sign.size, orientation=_orientation_of(sign, orientation),
                level=level, position=sign.position, facing_deg=sign.facing_deg, mount_height_m=sign.mount_height_m,
                placed=True, opening=req.opening if req else None, zone=req.zone if req else None,
                approach_zone=req.approach_zone if req else None, cameras=list(req.cameras) if req else [],
                viewing_distance_m=req.viewing_distance_m if req else None, code=f"S{n}",
                mount=req.mount if req else "wall",
            ))
        for req in level_reqs:
            if req.satisfied_by:
                continue
            n += 1
            sheets.append(SignSheet(
                id=proposed_sign_id(level.id, req.kind, used), kind=req.kind, size=paper or req.size,
                orientation=_orientation_of(None, orientation), level=level, position=req.position,
                facing_deg=req.facing_deg, mount_height_m=req.mount_height_m, placed=False, opening=req.opening,
                zone=req.zone, approach_zone=req.approach_zone, cameras=list(req.cameras),
                viewing_distance_m=req.viewing_distance_m, code=f"S{n}", mount=req.mount,
            ))
    for sheet in sheets:
        _resolve_orientation(sheet, project)
    return sheets


def page_size(size: str, orientation: str = "portrait") -> tuple[float, float]:
    """Page width and height in points of ``size`` paper in ``orientation``."""
    w, h = PAPER_MM[size]
    w, h = style.mm(w), style.mm(h)
    return (h, w) if orientation == "landscape" else (w, h)


# -- layout -----------------------------------------------------------------------------
@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h


@dataclass
class SignLayout:
    """Where everything goes on one sign page (points, origin bottom-left)."""

    width: float
    height: float
    unit: float  # the paper's short side
    frame: Box
    tile: Box
    qr: Box | None
    caption: Box | None
    headline: Box
    headline_zh_size: float
    headline_zh_lines: list[str]
    headline_en_size: float
    headline_en_lines: list[str]
    body: Box
    footer: Box
    footer_size: float


def _headline_en_size(text: str, unit: float, width: float, *, compact: bool) -> tuple[float, list[str]]:
    """English headline size: capitals half the Chinese headline's height, up to 2/3 unless ``compact``.

    One line when it fits at no less than half, else balanced lines at half.
    """
    low = 0.5 * HEADLINE_RATIO * unit / LATIN_CAP_HEIGHT
    high = low if compact else (2 / 3) * HEADLINE_RATIO * unit / LATIN_CAP_HEIGHT
    size = min(high, width / max(string_width(text, 1.0), 1e-6))
    if size >= low:
        return size, [text]
    return low, balanced_wrap(text, low, width)


def layout_sign(sheet: SignSheet, languages: Sequence[str], *, has_qr: bool, compact: bool = False) -> SignLayout:
    """Compute the boxes of a sign page (see the module doc for the ratios)."""
    width, height = page_size(sheet.size, sheet.orientation)
    unit = style.mm(PAPER_MM[sheet.size][0])
    landscape = sheet.orientation == "landscape"
    fi = 0.025 * unit
    fs = 0.009 * unit
    pad = 0.02 * unit
    ci = fi + fs + pad
    frame = Box(fi, fi, width - 2 * fi, height - 2 * fi)
    tile_side = PICTOGRAM_RATIO * unit
    gap = 0.03 * unit
    hz = HEADLINE_RATIO * unit / CJK_LETTER_HEIGHT if "zh" in languages else 0.0
    zh_text, en_text = HEADLINES[sheet.kind]
    footer_size = 0.0125 * unit
    footer_h = footer_size * _LEADING * len(footer_lines(sheet, languages)) + 0.01 * unit
    content = Box(ci, ci, width - 2 * ci, height - 2 * ci)
    footer = Box(content.x, content.y, content.w, footer_h)
    if not landscape:
        tile_x = content.x if has_qr else content.x + (content.w - tile_side) / 2
        tile = Box(tile_x, content.top - tile_side, tile_side, tile_side)
        qr = caption = None
        if has_qr:
            col_x = tile.x + tile_side + gap
            col_w = content.x + content.w - col_x
            q = min(col_w, 0.26 * unit)
            block = q + 0.015 * unit + 0.09 * unit  # the code, a gap and three caption lines
            q_top = tile.top - max(0.0, (tile_side - block) / 2)
            qr = Box(col_x + (col_w - q) / 2, q_top - q, q, q)
            caption = Box(col_x, tile.y, col_w, qr.y - tile.y - 0.015 * unit)
        head_w = content.w
        he, en_lines = _headline_en_size(en_text, unit, head_w, compact=compact) if "en" in languages else (0.0, [])
        zh_lines = balanced_wrap(zh_text, hz, head_w) if hz else []
        head_h = len(zh_lines) * hz * 1.12 + len(en_lines) * he * 1.18 + 0.02 * unit
        headline = Box(content.x, tile.y - gap - head_h, head_w, head_h)
        body_y = footer.top + 0.012 * unit
        body = Box(content.x, body_y, content.w, headline.y - 0.025 * unit - body_y)
    else:
        tile = Box(content.x, content.top - tile_side, tile_side, tile_side)
        right_x = tile.x + tile_side + gap
        head_w = content.x + content.w - right_x
        he, en_lines = _headline_en_size(en_text, unit, head_w, compact=compact) if "en" in languages else (0.0, [])
        zh_lines = balanced_wrap(zh_text, hz, head_w) if hz else []
        head_h = len(zh_lines) * hz * 1.12 + len(en_lines) * he * 1.18 + 0.02 * unit
        headline = Box(right_x, content.top - head_h, head_w, head_h)
        body = Box(right_x, footer.top + 0.012 * unit, head_w, headline.y - 0.025 * unit - footer.top - 0.012 * unit)
        qr = caption = None
        if has_qr:
            avail = tile.y - gap * 0.6 - footer.top - 0.012 * unit
            q = min(avail, 0.2 * unit)
            qr = Box(tile.x, tile.y - gap * 0.6 - q, q, q)
            caption = Box(qr.x + q + 0.02 * unit, qr.y, tile_side - q - 0.02 * unit, q)
        footer = Box(content.x, content.y, content.w, footer_h)
    return SignLayout(width, height, unit, frame, tile, qr, caption, headline, hz, zh_lines, he, en_lines, body,
                      footer, footer_size)


# -- body: the notice facts --------------------------------------------------------------
@dataclass
class _Row:
    labels: list[tuple[str, float]]
    values: list[tuple[str, float, colors.Color]]
    missing: bool


def _rows(items: Sequence[NoticeItem], languages: Sequence[str], size: float, value_w: float,
          max_lines: int | None) -> list[_Row]:
    rows = []
    for item in items:
        labels = []
        if "zh" in languages:
            labels.append((item.label_zh, size))
        if "en" in languages:
            labels.append((item.label_en, size * (0.78 if "zh" in languages else 1.0)))
        values: list[tuple[str, float, colors.Color]] = []
        for lang, text in item.lines(languages):
            s = size if lang == "zh" or "zh" not in languages else size * 0.92
            color = colors.black if lang == "zh" or "zh" not in languages else style.GREY_DARK
            if item.missing:
                color = style.RED
            lines = wrap(text, s, value_w)
            if max_lines is not None and len(lines) > max_lines:
                cut = lines[:max_lines]
                cut[-1] = ellipsize(cut[-1] + " …", s, value_w) if not cut[-1].endswith("…") else cut[-1]
                lines = cut
            values.extend((line, s, color) for line in lines)
        rows.append(_Row(labels, values, item.missing))
    return rows


def _more_item(project: Project) -> NoticeItem:
    """Where to read the rest of a face-recognition notice: the QR code and the posted notice sheet."""
    qr = bool(project.venue.notice_url.strip())
    label_zh, label_en = LABELS["notice_url"]
    zh = "扫码或阅读现场张贴的完整告知" if qr else "请阅读现场张贴的完整告知"
    en = "Scan the QR code or read the full notice posted here" if qr else "Read the full notice posted here"
    return NoticeItem("more", label_zh, label_en, zh, en)


def _label_width(items: Sequence[NoticeItem], languages: Sequence[str], size: float) -> float:
    widths = [0.0]
    for item in items:
        if "zh" in languages:
            widths.append(string_width(item.label_zh, size))
        if "en" in languages:
            widths.append(string_width(item.label_en, size * (0.78 if "zh" in languages else 1.0)))
    return max(widths) + size * 0.7


def _row_height(row: _Row, size: float) -> float:
    label_h = sum(s * _LEADING for _, s in row.labels)
    value_h = sum(s * _LEADING for _, s, _ in row.values) if row.values else size * _LEADING
    return max(label_h, value_h) + size * _ROW_GAP


@dataclass
class _BodyPlan:
    size: float
    label_w: float
    lead: list[tuple[str, float, colors.Color]]
    rows: list[_Row]
    height: float


def _plan_body(sheet: SignSheet, project: Project, box: Box, unit: float) -> _BodyPlan:
    languages = project.venue.languages
    items = sign_items(project.venue, sheet.kind, project)
    if sheet.kind == "fr_notice":  # the CCTV sign's QR caption says where to read more
        items.append(_more_item(project))
    lead_texts = []
    zh, en = SUBLINES[sheet.kind]
    if "zh" in languages:
        lead_texts.append(("zh", zh))
    if "en" in languages:
        lead_texts.append(("en", en))

    def plan(size: float, max_lines: int | None) -> _BodyPlan:
        label_w = _label_width(items, languages, size)
        lead: list[tuple[str, float, colors.Color]] = []
        for lang, text in lead_texts:
            s = size if lang == "zh" or "zh" not in languages else size * 0.92
            lead.extend((line, s, colors.black if lang == "zh" else style.GREY_DARK) for line in wrap(text, s, box.w))
        rows = _rows(items, languages, size, box.w - label_w, max_lines)
        height = sum(s * _LEADING for _, s, _ in lead) + (size * 0.6 if lead else 0.0)
        height += sum(_row_height(r, size) for r in rows)
        return _BodyPlan(size, label_w, lead, rows, height)

    top = 0.5 * HEADLINE_RATIO * unit / CJK_LETTER_HEIGHT
    floor = style.mm(BODY_FLOOR_MM) / CJK_LETTER_HEIGHT
    best = plan(top, None)
    if best.height <= box.h:
        return best
    if plan(floor, None).height <= box.h:
        # the largest size that fits (heights grow with the size), to a tenth of a point
        lo, hi = floor, top
        while hi - lo > 0.1:
            mid = (lo + hi) / 2
            if plan(mid, None).height <= box.h:
                lo = mid
            else:
                hi = mid
        return plan(lo, None)
    for max_lines in (4, 3, 2, 1):
        p = plan(floor, max_lines)
        if p.height <= box.h:
            return p
    # nothing fits even cut to one line each: shrink until it does
    size = floor
    while size > 2.0:
        size *= 0.9
        p = plan(size, 1)
        if p.height <= box.h:
            return p
    return p


# -- drawing --------------------------------------------------------------------------------
def compose_sign(sheet: SignSheet, project: Project) -> tuple[SignLayout, _BodyPlan]:
    """Lay out a sign page and its notice facts.

    The English headline is set larger than the minimum only while the facts
    still get at least :data:`BODY_MIN_MM`.
    """
    languages = project.venue.languages
    has_qr = bool(project.venue.notice_url.strip())
    best: tuple[SignLayout, _BodyPlan] | None = None
    for compact in (False, True):
        lay = layout_sign(sheet, languages, has_qr=has_qr, compact=compact)
        plan = _plan_body(sheet, project, lay.body, lay.unit)
        if best is None or plan.size > best[1].size + 1e-6:
            best = (lay, plan)
        if plan.size * CJK_LETTER_HEIGHT >= style.mm(BODY_MIN_MM) - 1e-6:
            break
    assert best is not None
    return best


def body_letter_mm(sheet: SignSheet, project: Project) -> float:
    """Letter height (ideograph height, mm) at which a sign's notice facts are printed."""
    return compose_sign(sheet, project)[1].size * CJK_LETTER_HEIGHT / style.mm(1.0)


def draw_sign(canvas: Canvas, sheet: SignSheet, project: Project) -> None:
    """Draw one sign page (the canvas page size must already be set)."""
    venue = project.venue
    languages = venue.languages
    url = venue.notice_url.strip()
    lay, plan = compose_sign(sheet, project)
    unit = lay.unit
    canvas.saveState()
    # frame
    canvas.setStrokeColor(style.NAVY)
    canvas.setLineWidth(0.009 * unit)
    f = lay.frame
    inner = 0.0045 * unit
    canvas.roundRect(f.x + inner, f.y + inner, f.w - 2 * inner, f.h - 2 * inner, 0.035 * unit, stroke=1, fill=0)
    # pictogram
    draw_pictogram(canvas, sheet.kind, lay.tile.x, lay.tile.y, lay.tile.w)
    # QR code and its caption
    if lay.qr is not None and lay.caption is not None:
        draw_qr(canvas, url, lay.qr.x, lay.qr.y, lay.qr.w)
        cap = lay.caption
        lines: list[tuple[str, float, colors.Color]] = []
        cs = 0.02 * unit
        cap_zh, cap_en = (("扫码查看完整告知", "Scan for the full notice") if sheet.kind == "fr_notice"
                          else ("扫码了解更多", "Scan for more information"))
        if "zh" in languages:
            lines += [(t, cs, style.NAVY) for t in wrap(cap_zh, cs, cap.w)]
        if "en" in languages:
            lines += [(t, cs * 0.85, style.GREY_DARK) for t in wrap(cap_en, cs * 0.85, cap.w)]
        us = 0.0115 * unit
        lines += [(t, us, style.GREY) for t in wrap(url, us, cap.w)]
        y = cap.top - cs
        align_x, align = (cap.x + cap.w / 2, "centre") if sheet.orientation == "portrait" else (cap.x, "left")
        if sheet.orientation == "landscape":
            y = cap.top - (cap.h - sum(s * 1.3 for _, s, _ in lines)) / 2 - cs
        for text, s, color in lines:
            if y < cap.y:
                break
            style.draw_text(canvas, align_x, y, text, s, color=color, align=align,
                            bold=(color == style.NAVY))
            y -= s * 1.3
    # headline
    y = lay.headline.top
    for line in lay.headline_zh_lines:
        y -= lay.headline_zh_size * 0.9
        style.draw_text(canvas, lay.headline.x, y, line, lay.headline_zh_size, bold=True, color=style.NAVY)
        y -= lay.headline_zh_size * 0.22
    for line in lay.headline_en_lines:
        y -= lay.headline_en_size * 0.98
        style.draw_text(canvas, lay.headline.x, y, line, lay.headline_en_size, bold=True, color=style.NAVY)
        y -= lay.headline_en_size * 0.2
    # rule under the headline
    canvas.setStrokeColor(style.NAVY)
    canvas.setLineWidth(0.004 * unit)
    rule_y = lay.headline.y - 0.012 * unit
    canvas.line(lay.body.x, rule_y, lay.body.x + lay.body.w, rule_y)
    _draw_body(canvas, plan, lay)
    _draw_footer(canvas, sheet, project, lay)
    canvas.restoreState()


def _draw_body(canvas: Canvas, plan: _BodyPlan, lay: SignLayout) -> None:
    box = lay.body
    size = plan.size
    y = box.top
    for text, s, color in plan.lead:
        y -= s * _LEADING
        style.draw_text(canvas, box.x, y + s * 0.25, text, s, color=color, bold=(color == colors.black))
    if plan.lead:
        y -= size * 0.6
    canvas.setStrokeColor(style.GREY_LIGHT)
    canvas.setLineWidth(max(0.5, 0.0015 * lay.unit))
    for i, row in enumerate(plan.rows):
        h = _row_height(row, size)
        yy = y
        for j, (text, s) in enumerate(row.labels):
            yy -= s * _LEADING
            style.draw_text(canvas, box.x, yy + s * 0.25, text, s, bold=j == 0,
                            color=style.NAVY if j == 0 else style.GREY)
        yy = y
        vx = box.x + plan.label_w
        for text, s, color in row.values:
            yy -= s * _LEADING
            style.draw_text(canvas, vx, yy + s * 0.25, text, s, color=color)
        y -= h
        if i < len(plan.rows) - 1:
            canvas.line(box.x, y + size * 0.22, box.x + box.w, y + size * 0.22)


def footer_lines(sheet: SignSheet, languages: Sequence[str]) -> list[tuple[str, colors.Color, bool]]:
    """The installer's strip at the foot of a sign: code and status, where it goes, a size warning.

    No internal ids and no coordinates: the placement code (S1 …) is the
    number of the sign's marker in the placement guide.
    """
    zh_lang, en_lang = "zh" in languages, "en" in languages
    basis = ("依据《公共安全视频图像信息系统管理条例》", "Public Security Video Image Information Systems Regulation")
    if sheet.kind == "fr_notice":
        basis = ("依据《人脸识别技术应用安全管理办法》", "Measures on Facial Recognition Technology Applications")
    status = (" · ".join(x for x in ("待增设" if zh_lang else "", "to be added" if en_lang else "") if x)
              if not sheet.placed else "")
    head = " · ".join(x for x in (
        f"{sheet.code}" if sheet.code else "",
        status,
        basis[0] if zh_lang else basis[1],
    ) if x)
    lines: list[tuple[str, colors.Color, bool]] = [(head, style.AMBER if not sheet.placed else style.GREY_DARK, True)]
    lead_zh = "建议位置：" if not sheet.placed else "位置："
    lead_en = "Suggested position: " if not sheet.placed else "Position: "
    if zh_lang:
        lines.append((lead_zh + sheet.placement("zh"), style.GREY, False))
    if en_lang:
        lines.append((lead_en + sheet.placement("en"), style.GREY, False))
    warning = sheet.size_warning()
    if warning is not None:
        text = " · ".join(w for w, lang in zip(warning, ("zh", "en"), strict=True) if lang in languages)
        lines.append((text, style.RED, True))
    return lines


def _draw_footer(canvas: Canvas, sheet: SignSheet, project: Project, lay: SignLayout) -> None:
    s = lay.footer_size
    box = lay.footer
    y = box.top - s
    for text, color, bold in footer_lines(sheet, project.venue.languages):
        size = s
        while size > s * 0.7 and string_width(text, size) > box.w:
            size -= s * 0.05
        style.draw_text(canvas, box.x, y, ellipsize(text, size, box.w), size, bold=bold, color=color)
        y -= s * _LEADING


def draw_draft_mark(canvas: Canvas, width: float, height: float) -> None:
    """The DRAFT mark across a page, kept inside the page box at any size and orientation."""
    text = DRAFT_MARK
    angle = math.degrees(math.atan2(height, width))
    a = math.radians(angle)
    diag_room = min(width / math.cos(a), height / math.sin(a))
    size = 0.8 * diag_room / max(string_width(text, 1.0) + 1.2 * math.tan(a), 1e-6)
    canvas.saveState()
    canvas.setFillAlpha(0.3)
    canvas.setStrokeAlpha(0.3)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    style.draw_text(canvas, 0, -size * 0.35, text, size, bold=True, color=style.RED, align="centre")
    canvas.restoreState()


# -- documents ------------------------------------------------------------------------------
def _has_fr(project: Project) -> bool:
    return any(cam.face_recognition for _, cam in project.cameras())


def _sheet_paper(paper: str | None) -> str:
    """Paper of the full notice sheet: A4, or Letter where US sizes are asked for."""
    return "Letter" if paper in ("Letter", "Tabloid") else "A4"


@dataclass
class SignsDocument:
    """The signs PDF and what a user must know about it."""

    data: bytes
    pages: int
    sheets: list[SignSheet]
    #: Missing required notice facts per notice kind (``fr_notice``, ``cctv_notice``, ``notice_sheet``).
    gaps: dict[str, list[str]]
    #: ``(code, zh, en)`` of every sign whose paper is too small for its viewing distance.
    size_warnings: list[tuple[str, str, str]]
    notice_sheet_pages: int = 0

    @property
    def draft(self) -> bool:
        """True when a required notice fact is missing: every page carries the DRAFT mark."""
        return bool(self.gaps)


def signs_document(project: Project, *, result: CheckResult, paper: str | None = None,
                   orientation: str | None = None) -> SignsDocument:
    """Every sign the plan needs, then the full notice sheet where face recognition is used.

    When a notice fact the rule pack requires is missing
    (:func:`planner.output.notice.notice_gaps`) the document is still made,
    every page marked :data:`planner.output.notice.DRAFT_MARK`.
    """
    register_fonts()
    sheets = sign_sheets(project, result, paper=paper, orientation=orientation)
    fr = _has_fr(project)
    kinds = [s.kind for s in sheets] + (["notice_sheet"] if fr else [])
    gaps = notice_gaps(project, kinds)
    decorate = draw_draft_mark if gaps else None
    buf = io.BytesIO()
    first = page_size(sheets[0].size, sheets[0].orientation) if sheets else page_size("A4")
    title = f"{project.venue.name or 'Venue'}: notice signs 提示标识"
    canvas = new_canvas(buf, first, title=title, subject="Notice signs", project=project)
    pages = 0
    warnings = []
    for sheet in sheets:
        size = page_size(sheet.size, sheet.orientation)
        canvas.setPageSize(size)
        draw_sign(canvas, sheet, project)
        if decorate is not None:
            decorate(canvas, *size)
        canvas.showPage()
        pages += 1
        warning = sheet.size_warning()
        if warning is not None:
            warnings.append((sheet.code, *warning))
    sheet_pages = 0
    if fr:
        size = page_size(_sheet_paper(paper))
        canvas.setPageSize(size)
        sheet_pages = draw_notice_sheet(canvas, project, *size, decorate=decorate)
        canvas.showPage()
        pages += sheet_pages
    if pages == 0:
        a4 = page_size("A4")
        canvas.setPageSize(a4)
        style.draw_text(canvas, a4[0] / 2, a4[1] / 2, "本项目无需提示标识 · No notice signs are required", 14,
                        align="centre", color=style.GREY_DARK)
        canvas.showPage()
        pages = 1
    canvas.save()
    return SignsDocument(buf.getvalue(), pages, sheets, gaps, warnings, sheet_pages)


def signs_pdf_bytes(project: Project, *, result: CheckResult, paper: str | None = None,
                    orientation: str | None = None) -> tuple[bytes, int]:
    """The signs PDF in memory and its page count (see :func:`signs_document`)."""
    doc = signs_document(project, paper=paper, orientation=orientation, result=result)
    return doc.data, doc.pages


def write_signs_pdf(project: Project, path: str | Path, *, result: CheckResult, paper: str | None = None,
                    orientation: str | None = None) -> int:
    """Write the signs PDF to ``path`` atomically; return the number of pages (see :func:`signs_document`)."""
    data, pages = signs_pdf_bytes(project, paper=paper, orientation=orientation, result=result)
    atomic_write(path, data)
    return pages
