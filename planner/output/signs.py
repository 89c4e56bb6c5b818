"""Print-ready notice signs: one page per sign, bilingual, sized for their viewing distance.

``planner signs`` prints one page per sign placed in the project or, when
none is placed, one per sign the rules require, and appends the full notice
sheet (the second layer, :func:`planner.output.notice.draw_notice_sheet`)
when the venue uses face recognition.

The layout keeps the legibility promise the checker relies on
(:mod:`planner.rules.signs`): on paper ``W`` wide (the short side, in either
orientation) the pictogram tile is ``PICTOGRAM_RATIO × W`` high and the
headline's ideographs are at least ``HEADLINE_RATIO × W`` high. The English
headline's capitals are at least half that. The notice facts are set as large
as the page allows, from half the headline height down to 5 mm, and only when
a venue's texts are too long for that, smaller (down to 3 mm), cut with "…"
as a last resort (the full text is on the notice sheet and behind the QR code).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from planner.geometry.compass import compass_point as compass
from planner.model import Level, Project, Sign
from planner.output import style
from planner.output.fonts import CJK_LETTER_HEIGHT, LATIN_CAP_HEIGHT, register_fonts, string_width
from planner.output.notice import (
    HEADLINES,
    SUBLINES,
    NoticeItem,
    bilingual,
    draw_notice_sheet,
    sign_items,
)
from planner.output.pdf import atomic_write, new_canvas
from planner.output.pictograms import draw_pictogram
from planner.output.qr import draw_qr
from planner.output.schedules import proposed_sign_id
from planner.output.text import balanced_wrap, ellipsize, wrap
from planner.rules.findings import CheckResult
from planner.rules.signs import HEADLINE_RATIO, PAPER_MM, PICTOGRAM_RATIO

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
    "signs_pdf_bytes",
    "write_signs_pdf",
]

ORIENTATIONS = ("portrait", "landscape")
#: Smallest body letter height while the facts fit (DESIGN §3).
BODY_MIN_MM = 5.0
#: Body letter height below which text is cut instead of shrunk further.
BODY_FLOOR_MM = 3.0
_LEADING = 1.22


@dataclass
class SignSheet:
    """One sign to print, placed in the project or required by the rules."""

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

    def placement(self, lang: str) -> str:
        """Where the sign goes, in ``lang``: level, entrance, coordinates, facing, mounting height."""
        zones = {z.id: z for z in self.level.zones}

        def zone_name(zid: str | None) -> str:
            if zid is None:
                return "室外" if lang == "zh" else "outside"
            z = zones.get(zid)
            zh, en = bilingual(z.name if z and z.name else zid)
            return (zh or en) if lang == "zh" else (en or zh)

        lv_zh, lv_en = bilingual(self.level.name or self.level.id)
        level = f"{self.level.id} {lv_zh or lv_en}" if lang == "zh" else f"{self.level.id} {lv_en or lv_zh}"
        where = ""
        if self.zone is not None or self.opening is not None:
            route = f"{zone_name(self.approach_zone)} → {zone_name(self.zone)}"
            if lang == "zh":
                where = f"入口 {self.opening}（{route}）" if self.opening else f"入口（{route}）"
            else:
                where = f"entrance {self.opening} ({route})" if self.opening else f"entrance ({route})"
        x, y = self.position
        en_pt, zh_pt = compass(self.facing_deg)
        if lang == "zh":
            parts = [level, where, f"坐标 x {x:.2f} m, y {y:.2f} m", f"朝{zh_pt}（{self.facing_deg:.0f}°）",
                     f"中心离地 {self.mount_height_m:.2f} m"]
        else:
            parts = [level, where, f"x {x:.2f} m, y {y:.2f} m", f"faces {en_pt} ({self.facing_deg:.0f}°)",
                     f"centre {self.mount_height_m:.2f} m above floor"]
        return " · ".join(p for p in parts if p)


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
    if sheet.kind != "fr_notice":
        return
    portrait = compose_sign(sheet, project)[1].size
    if portrait * CJK_LETTER_HEIGHT >= style.mm(BODY_MIN_MM):
        return
    sheet.orientation = "landscape"
    if compose_sign(sheet, project)[1].size <= portrait * 1.05:
        sheet.orientation = "portrait"


def sign_sheets(project: Project, result: CheckResult | None = None, *, paper: str | None = None,
                orientation: str | None = None) -> list[SignSheet]:
    """The signs to print: the placed ones, else the ones the rules require (see module doc).

    Without an ``orientation`` (nor an ``orientation`` key on the sign) signs
    are portrait, except face-recognition signs whose notice facts get
    noticeably larger letters in landscape while portrait would set them
    under :data:`BODY_MIN_MM`.
    """
    if paper is not None and paper not in PAPER_MM:
        raise ValueError(f"unknown paper size {paper!r} (use {', '.join(PAPER_MM)})")
    if orientation is not None and orientation not in ORIENTATIONS:
        raise ValueError(f"unknown orientation {orientation!r} (use portrait or landscape)")
    placed = [(level, sign) for level in project.levels for sign in level.signs]
    if result is None:
        from planner.rules import check_project

        result = check_project(project)
    by_sign = {req["satisfied_by"]: req for req in result.signs_required if req.get("satisfied_by")}
    sheets: list[SignSheet] = []
    if placed:
        for level, sign in placed:
            req = by_sign.get(sign.id)
            sheets.append(SignSheet(
                id=sign.id, kind=sign.kind, size=paper or sign.size, orientation=_orientation_of(sign, orientation),
                level=level, position=sign.position, facing_deg=sign.facing_deg, mount_height_m=sign.mount_height_m,
                placed=True, opening=req.get("opening") if req else None, zone=req.get("zone") if req else None,
                approach_zone=req.get("approach_zone") if req else None,
                cameras=list(req.get("cameras", [])) if req else [],
                viewing_distance_m=req.get("viewing_distance_m") if req else None,
            ))
        for sheet in sheets:
            _resolve_orientation(sheet, project)
        return sheets
    levels = {lv.id: lv for lv in project.levels}
    used = project.ids()
    for req in result.signs_required:
        level = levels[req["level"]]
        sign_id = proposed_sign_id(level.id, req["kind"], used)
        sheets.append(SignSheet(
            id=sign_id, kind=req["kind"], size=paper or req["size"], orientation=_orientation_of(None, orientation),
            level=level, position=(float(req["position"][0]), float(req["position"][1])),
            facing_deg=float(req["facing_deg"]), mount_height_m=float(req.get("mount_height_m", 1.6)), placed=False,
            opening=req.get("opening"), zone=req.get("zone"), approach_zone=req.get("approach_zone"),
            cameras=list(req.get("cameras", [])), viewing_distance_m=req.get("viewing_distance_m"),
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
    en_text = HEADLINES[sheet.kind][1]
    footer_size = 0.0125 * unit
    footer_h = footer_size * _LEADING * 3 + 0.01 * unit
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
        head_h = (hz * 1.12 if hz else 0.0) + len(en_lines) * he * 1.18 + 0.02 * unit
        headline = Box(content.x, tile.y - gap - head_h, head_w, head_h)
        body_y = footer.top + 0.012 * unit
        body = Box(content.x, body_y, content.w, headline.y - 0.025 * unit - body_y)
    else:
        tile = Box(content.x, content.top - tile_side, tile_side, tile_side)
        right_x = tile.x + tile_side + gap
        head_w = content.x + content.w - right_x
        he, en_lines = _headline_en_size(en_text, unit, head_w, compact=compact) if "en" in languages else (0.0, [])
        head_h = (hz * 1.12 if hz else 0.0) + len(en_lines) * he * 1.18 + 0.02 * unit
        headline = Box(right_x, content.top - head_h, head_w, head_h)
        body = Box(right_x, footer.top + 0.012 * unit, head_w, headline.y - 0.025 * unit - footer.top - 0.012 * unit)
        qr = caption = None
        if has_qr:
            avail = tile.y - gap * 0.6 - footer.top - 0.012 * unit
            q = min(avail, 0.2 * unit)
            qr = Box(tile.x, tile.y - gap * 0.6 - q, q, q)
            caption = Box(qr.x + q + 0.02 * unit, qr.y, tile_side - q - 0.02 * unit, q)
        footer = Box(content.x, content.y, content.w, footer_h)
    return SignLayout(width, height, unit, frame, tile, qr, caption, headline, hz, he, en_lines, body, footer,
                      footer_size)


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
            lines = wrap(text, s, value_w)
            if max_lines is not None and len(lines) > max_lines:
                cut = lines[:max_lines]
                cut[-1] = ellipsize(cut[-1] + " …", s, value_w) if not cut[-1].endswith("…") else cut[-1]
                lines = cut
            values.extend((line, s, color) for line in lines)
        rows.append(_Row(labels, values, item.missing))
    return rows


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
    return max(label_h, value_h) + size * 0.5


@dataclass
class _BodyPlan:
    size: float
    label_w: float
    lead: list[tuple[str, float, colors.Color]]
    rows: list[_Row]
    height: float


def _plan_body(sheet: SignSheet, project: Project, box: Box, unit: float) -> _BodyPlan:
    languages = project.venue.languages
    items = sign_items(project.venue, sheet.kind)
    lead_texts = []
    if sheet.kind == "cctv_notice":
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
        if "zh" in languages:
            lines += [(t, cs, style.NAVY) for t in wrap("扫码查看完整告知", cs, cap.w)]
        if "en" in languages:
            lines += [(t, cs * 0.85, style.GREY_DARK) for t in wrap("Scan for the full notice", cs * 0.85, cap.w)]
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
    zh = HEADLINES[sheet.kind][0]
    y = lay.headline.top
    if lay.headline_zh_size:
        y -= lay.headline_zh_size * 0.9
        style.draw_text(canvas, lay.headline.x, y, zh, lay.headline_zh_size, bold=True, color=style.NAVY)
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
        if row.missing:
            yy -= size * _LEADING
            canvas.saveState()
            canvas.setStrokeColor(style.GREY)
            canvas.setDash(1, 2)
            canvas.line(vx, yy + size * 0.2, box.x + box.w, yy + size * 0.2)
            canvas.restoreState()
        for text, s, color in row.values:
            yy -= s * _LEADING
            style.draw_text(canvas, vx, yy + s * 0.25, text, s, color=color)
        y -= h
        if i < len(plan.rows) - 1:
            canvas.line(box.x, y + size * 0.22, box.x + box.w, y + size * 0.22)


def _draw_footer(canvas: Canvas, sheet: SignSheet, project: Project, lay: SignLayout) -> None:
    languages = project.venue.languages
    s = lay.footer_size
    box = lay.footer
    status_zh = "" if sheet.placed else "（建议位置）"
    status_en = "" if sheet.placed else " (proposed)"
    kind_zh = "人脸识别提示" if sheet.kind == "fr_notice" else "视频监控提示"
    kind_en = "face-recognition notice" if sheet.kind == "fr_notice" else "CCTV notice"
    basis = ("《人脸识别技术应用安全管理办法》", "FR measures (CAC/MPS 2025)") if sheet.kind == "fr_notice" else (
        "《公共安全视频图像信息系统管理条例》", "Public-security video regulation (2025)")
    head_parts = [sheet.id + status_zh if "zh" in languages else sheet.id + status_en,
                  f"{sheet.size} {'竖版' if sheet.orientation == 'portrait' else '横版'}" if "zh" in languages
                  else f"{sheet.size} {sheet.orientation}"]
    if "zh" in languages:
        head_parts.append(kind_zh)
    if "en" in languages:
        head_parts.append(kind_en)
    head_parts.append(basis[0] if "zh" in languages else basis[1])
    lines = [(" · ".join(head_parts), True)]
    if "zh" in languages:
        lines.append((sheet.placement("zh"), False))
    if "en" in languages:
        lines.append((sheet.placement("en"), False))
    y = box.top - s
    for text, bold in lines[:3]:
        style.draw_text(canvas, box.x, y, ellipsize(text, s, box.w), s, bold=bold,
                        color=style.GREY_DARK if bold else style.GREY)
        y -= s * _LEADING


# -- documents ------------------------------------------------------------------------------
def _has_fr(project: Project) -> bool:
    return any(cam.face_recognition for _, cam in project.cameras())


def signs_pdf_bytes(project: Project, *, paper: str | None = None, orientation: str | None = None,
                    result: CheckResult | None = None) -> tuple[bytes, int]:
    """The signs PDF in memory and its page count (see :func:`write_signs_pdf`)."""
    register_fonts()
    sheets = sign_sheets(project, result, paper=paper, orientation=orientation)
    buf = io.BytesIO()
    first = page_size(sheets[0].size, sheets[0].orientation) if sheets else page_size("A4")
    title = f"{project.venue.name or 'Venue'}: notice signs 提示标识"
    canvas = new_canvas(buf, first, title=title, subject="Notice signs", project=project)
    pages = 0
    for sheet in sheets:
        canvas.setPageSize(page_size(sheet.size, sheet.orientation))
        draw_sign(canvas, sheet, project)
        canvas.showPage()
        pages += 1
    if _has_fr(project):
        a4 = page_size("A4")
        canvas.setPageSize(a4)
        draw_notice_sheet(canvas, project, *a4)
        canvas.showPage()
        pages += 1
    if pages == 0:
        a4 = page_size("A4")
        canvas.setPageSize(a4)
        style.draw_text(canvas, a4[0] / 2, a4[1] / 2, "本项目无需提示标识 · No notice signs are required", 14,
                        align="centre", color=style.GREY_DARK)
        canvas.showPage()
        pages = 1
    canvas.save()
    return buf.getvalue(), pages


def write_signs_pdf(project: Project, path: str | Path, *, paper: str | None = None,
                    orientation: str | None = None, result: CheckResult | None = None) -> int:
    """Write the signs PDF to ``path`` atomically; return the number of pages.

    One page per placed sign (else per required sign), in the sign's paper size
    unless ``paper`` forces one, plus the full notice sheet when the venue uses
    face recognition.
    """
    data, pages = signs_pdf_bytes(project, paper=paper, orientation=orientation, result=result)
    atomic_write(path, data)
    return pages
