"""The installer's placement guide: plans to scale with numbered markers, schedules and a checklist.

Page 1 summarises the venue and explains the symbols. Each level follows on
its own page, drawn at a standard scale with a scale bar and a north arrow:
background plan, zones coloured by use (private ones hatched), walls and
openings, every camera with its coverage and number (C1 …), every sign with
its number (S1 …) and an arrow the way its face looks; signs the rules still
require are drawn dashed. Then come the sign schedule, the camera schedule
and the installer's checklist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, TableStyle

from planner.model import Level, Project
from planner.output import style
from planner.output.document import (
    CheckBox,
    KeyValueTable,
    Table,
    build_document,
    data_table,
    esc,
    para,
    short_list,
    styles,
)
from planner.output.notice import bilingual
from planner.output.pdf import atomic_write, document_date
from planner.output.plan import PlanMarks, PlanView, draw_legend, draw_north_arrow, draw_scale_bar, level_bounds
from planner.output.schedules import Schedules, build_schedules
from planner.output.text import ellipsize
from planner.rules.engine import ComplianceEngine
from planner.rules.findings import CheckResult

__all__ = ["PAGE", "LevelSheet", "guide_pdf_bytes", "write_guide_pdf", "checklist_items", "print_note"]

#: The guide is printed on A4 landscape.
PAGE = landscape(A4)


def _level_title(level: Level) -> str:
    zh, en = bilingual(level.name or "")
    names = " ".join(dict.fromkeys(x for x in (zh, en) if x))
    return f"{level.id} {names}".strip()


class LevelSheet(Flowable):
    """One level on one page: title row, the plan at scale, legend, scale bar and north arrow."""

    def __init__(self, project: Project, level: Level, engine: ComplianceEngine, schedules: Schedules,
                 width: float, height: float) -> None:
        super().__init__()
        self.project = project
        self.level = level
        self.engine = engine
        self.schedules = schedules
        self.width = width
        self.height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, min(self.height, availHeight)

    def draw(self) -> None:
        c = self.canv
        w, h = self.width, min(self.height, self._frame_height())
        title_h = 24.0
        legend_h = 40.0
        level = self.level
        cams = len(level.cameras)
        fr = sum(1 for cam in level.cameras if cam.face_recognition)
        placed = len(level.signs)
        to_add = len(self.schedules.proposed.get(level.id, {}))
        style.draw_text(c, 0, h - 15, _level_title(level), 14, bold=True, color=style.NAVY)
        facts = (f"标高 elevation {level.elevation_m:+.2f} m · 层高 ceiling {level.ceiling_height_m:.1f} m · "
                 f"摄像机 cameras {cams}（人脸识别 FR {fr}）· 标识 signs {placed}"
                 + (f" · 待增设 to add {to_add}" if to_add else ""))
        style.draw_text(c, w, h - 14, facts, 8, color=style.GREY_DARK, align="right")
        note_h = 20.0
        box = (0.0, legend_h, w, h - title_h - legend_h - note_h)
        view = PlanView(self.project, level, self.engine, box_pt=box, bounds=level_bounds(level, margin_m=1.5))
        marks = PlanMarks(camera_labels=self.schedules.camera_labels, sign_labels=self.schedules.sign_labels,
                          proposed_signs=self.schedules.proposed.get(level.id, {}), datum=True,
                          dimensions=self.schedules.dimensions.get(level.id, []))
        view.draw(c, marks)
        for i, line in enumerate(print_note(view.scale)):
            style.draw_text(c, 0, h - title_h - 7.5 - i * 9.0, ellipsize(line, 7.0, w), 7.0, bold=i == 0,
                            color=style.RED)
        bar_w = draw_scale_bar(c, 2, legend_h - 16, view.scale, max_width_pt=140)
        draw_north_arrow(c, bar_w + 62, legend_h - 30, 16)
        draw_legend(c, bar_w + 90, legend_h - 12, w - bar_w - 92)

    def _frame_height(self) -> float:
        return self.height


def print_note(scale: int) -> tuple[str, str]:
    """The note on every plan page, ``(zh, en)``: print at 100 % for the plan to be at its scale.

    >>> print_note(200)[0].startswith("按100%比例打印"), "10 m = 50 mm" in print_note(200)[1]
    (True, True)
    """
    ten = f"{10.0 * 1000.0 / scale:.1f}".rstrip("0").rstrip(".")  # 10 m at this scale, in mm
    return (f"按100%比例打印（不缩放、不选“适合页面”）：图纸比例 1:{scale}，10 m 在纸上为 {ten} mm；"
            "坐标与尺寸单位为 m，自基准点 0,0 起",
            f"Print at 100 % (no scaling, no “fit to page”): scale 1:{scale}, 10 m = {ten} mm on paper; "
            "coordinates and dimensions in metres from the datum 0,0")


def checklist_items(project: Project, schedules: Schedules,
                    result: CheckResult | None = None) -> list[tuple[str, str]]:
    """The installer's checklist as (Chinese, English) pairs, with this project's numbers."""
    blocked = []
    if result is not None:
        for f in result.findings:
            if f.severity == "error" and f.camera and f.camera in schedules.camera_labels:
                label = schedules.camera_labels[f.camera]
                if label not in blocked:
                    blocked.append(label)
    masked = [row["no"] for row in schedules.cameras if row["privacy_masks"] != "—"]
    fr = [row["no"] for row in schedules.cameras if row["face_recognition_key"]]
    to_add = [row["no"] for row in schedules.signs if row["status_key"] == "to_add"]
    items = []
    if blocked:
        items.append((f"摄像机 {short_list(blocked)} 存在合规错误（见合规报告）：问题解决前不得安装或启用。",
                      f"Cameras {short_list(blocked)} have compliance errors (see the report): do not install or "
                      "switch them on until they are resolved."))
    items += [
        ("按100%比例打印平面图；现场以基准点和尺寸线（到最近墙面的距离）定位每台摄像机和每块标识。",
         "Print the plans at 100 %; on site, set out every camera and sign from the datum and its dimension "
         "lines (distances to the nearest walls)."),
        ("按摄像机表逐台核对安装位置、安装方式、安装高度、方位角和俯角，偏差不超过 0.2 m / 5°。",
         "Mount every camera at the position, mount, height, bearing and tilt of the camera schedule "
         "(within 0.2 m / 5°)."),
        ("按表中视场角选择或调整镜头（变焦），并设置分辨率。",
         "Fit or zoom the lens to the listed horizontal field of view and set the resolution."),
        ("开机后查看实时画面：画面中不得出现客房、卫生间、浴室、更衣室、试衣间、哺乳室、宿舍等私密空间内部（门按开启状态检查）。",
         "Check each live image with doors open: no view inside guest rooms, toilets, baths, changing, fitting "
         "or lactation rooms, dormitories or staff rest rooms."),
    ]
    if masked:
        items.append((f"为 {short_list(masked)} 设置隐私遮蔽（见表中图像列），录像前确认遮蔽生效。",
                      f"Set the privacy masks of {short_list(masked)} (image columns in the schedule) and confirm "
                      "them before recording starts."))
    if fr:
        items.append((f"人脸识别摄像机 {short_list(fr)}：确认人脸信息存储在设备内、不通过互联网对外传输，"
                       "并开启加密与访问控制。",
                       f"Face-recognition cameras {short_list(fr)}: confirm face data stays on the device, is not "
                       "sent over the internet, and that encryption and access control are on."))
    items += [
        ("按标识表张贴每块标识：标识中心离地约 1.6 m，正对来向，在进入监控区域之前即可看到。",
         "Post every sign as listed: centre about 1.6 m above the floor, facing the approach, visible before "
         "people enter the camera area."),
    ]
    if to_add:
        items.append((f"标识 {short_list(to_add)} 为规则要求、尚未设置的标识：按标识 PDF 中标注“待增设”的页面打印，"
                       "张贴在建议位置，并在软件中添加，使项目与现场一致。",
                       f"Signs {short_list(to_add)} are required but not placed yet: print their pages marked “to be "
                       "added” in the signs PDF, post them at the suggested positions, and add them in the editor so "
                       "that the project matches the site."))
    if fr:
        items.append(("在前台或入口张贴完整告知（A4），并用手机扫描标识上的二维码，确认可打开完整告知。",
                      "Post the full notice sheet (A4) at reception or the entrance, and scan a sign's QR code "
                      "with a phone to confirm it opens the full notice."))
    items += [
        ("拍摄每台摄像机的画面截图和每块标识的现场照片，归档备查。",
         "Take a screenshot of every camera view and a photo of every posted sign for the records."),
        ("安装完成后重新运行合规检查（planner check），确认无错误项。",
         "Run the compliance check again after installation (planner check) and confirm there are no errors."),
    ]
    return items


def _cover(project: Project, schedules: Schedules, result: CheckResult, st: dict[str, Any],
           width: float) -> list[Flowable]:
    venue = project.venue
    story: list[Flowable] = [
        para("安装布置指南", st["title"]),
        para("Installer placement guide: cameras and notice signs", st["subtitle"]),
    ]
    op_zh, op_en = bilingual(venue.operator)
    kv = [
        ("场所 Venue", venue.name or "—"),
        ("运营者 Operator", " ".join(dict.fromkeys(x for x in (op_zh, op_en) if x)) or "—"),
        ("联系方式 Contact", venue.contact or "—"),
        ("日期 Date", schedules.date),
        ("规则包 Rule pack", result.rule_pack),
    ]
    story.append(KeyValueTable(kv, (110, width / 2 - 110), st=st))
    story.append(Spacer(1, 10))
    rows = []
    for level in project.levels:
        rows.append([
            _level_title(level),
            str(len(level.cameras)),
            str(sum(1 for c in level.cameras if c.face_recognition)),
            str(sum(1 for c in level.cameras if c.privacy_masks)),
            str(len(level.signs)),
            str(len(schedules.proposed.get(level.id, {}))),
        ])
    rows.append(["合计 Total", str(len(schedules.cameras)),
                 str(sum(1 for r in schedules.cameras if r["face_recognition_key"])),
                 str(sum(1 for r in schedules.cameras if r["privacy_masks"] != "—")),
                 str(sum(1 for r in schedules.signs if r["status_key"] == "placed")),
                 str(sum(1 for r in schedules.signs if r["status_key"] == "to_add"))])
    header = ["楼层 Level", "摄像机 Cameras", "人脸识别 FR", "隐私遮蔽 Masked", "已设标识 Signs placed",
              "待增设 Signs to add"]
    col = (width - 200) / 5
    table = data_table(header, rows, [200, col, col, col, col, col], st=st,
                       row_styles=lambda i, row: [("BACKGROUND", (0, i), (-1, i), style.NAVY_LIGHT)]
                       if row[0] == "合计 Total" else [])
    story += [para("概况 Overview", st["h2"]), table, Spacer(1, 10)]
    notes = [
        "平面图按标准比例绘制（见每页比例尺），坐标单位为米，x 向东、y 向北，朝向以正北为 0°、顺时针计。"
        " Plans are to scale (see each page's scale bar); coordinates in metres, x east, y north; "
        "headings and facings in degrees clockwise from north.",
        "圆形为视频监控摄像机（蓝色），菱形加“FR”为人脸识别摄像机（橙色），短线指向镜头朝向；浅色区域为其覆盖范围，"
        "虚线为人脸识别范围。 Discs are CCTV cameras (blue), diamonds marked “FR” are face-recognition cameras "
        "(orange); the tick shows where the lens looks; the tinted area is what it sees, the dashed outline where "
        "it recognises faces.",
        "方块为标识（编号 S…），箭头指向标识正面朝向，即来人方向；实心为已设置，白底虚线框为规则要求但尚未设置的标识"
        "（橙色为人脸识别提示）。 Squares are signs (S…); the arrow points the way the sign faces, towards people "
        "approaching. Filled: placed; white with a dashed outline: required, not placed yet (orange: face "
        "recognition).",
        "每页平面图带基准点（0,0）和米制网格；紫色尺寸线给出每台摄像机和每块标识到最近两面墙的距离（沿 x、y 方向，"
        "单位 m），与表中“到最近墙面”一致。 Every plan carries the datum (0,0) and a metre grid; purple "
        "dimension lines give each camera's and sign's distance to its nearest walls along x and y (m), as in the "
        "schedules' “to nearest walls”.",
        "红色斜线区域为私密空间：任何摄像机不得安装在其内或拍摄其内部。"
        " Red-hatched zones are private spaces: no camera inside them or looking into them.",
    ]
    story.append(para("图例说明 How to read the plans", st["h2"]))
    for n in notes:
        story.append(para("• " + n, st["body"]))
        story.append(Spacer(1, 3))
    return story


def _two(text: str) -> str:
    """Put the English half of a bilingual label on its own line."""
    zh, _, en = text.partition(" ")
    return f"{zh}\n{en}" if en else zh


def _sign_schedule(schedules: Schedules, st: dict[str, Any], width: float) -> list[Flowable]:
    header = ["编号\nNo.", "状态\nStatus", "类型\nKind", "尺寸\nSize",
              "安装位置\nWhere to mount", "坐标\nx, y (m)", "到最近墙面\nTo walls", "朝向\nFaces",
              "中心高\nHeight", "告知的摄像机\nCameras"]
    widths: list[float] = [30, 44, 66, 30, 300, 58, 70, 56, 40]
    widths.append(width - sum(widths))
    rows = []
    for r in schedules.signs:
        where = f"{r['id']} · {r['level_name']}\n{r['where_zh']}\n{r['where_en']}"
        rows.append([r["no"], _two(r["status"]), _two(r["kind"]), r["size"], where,
                     f"{r['x_m']:.2f}, {r['y_m']:.2f}", r["to_walls"].replace(" · ", "\n"),
                     f"{r['facing_deg']:.0f}° {r['facing']}", f"{r['mount_height_m']:.2f} m",
                     ", ".join(r["camera_labels"]) or "—"])
    table = data_table(header, rows, widths, st=st, row_styles=lambda i, row: [
        ("TEXTCOLOR", (0, i), (1, i), style.AMBER)] if "to add" in str(row[1]) else [])
    return [para("标识表 Sign schedule", st["h1"]),
            para(f"共 {len(rows)} 块。尺寸按来向的可视距离选择；“待增设”为规则要求、项目中尚未设置的标识。"
                 "“A2 → A1”：已设标识对其来向的可视距离过小，应改用 A1 打印。"
                 "“到最近墙面”：W 1.20 m 表示西侧最近墙面在 1.20 m 处（沿 x 方向），N/S 沿 y 方向。"
                 f" {len(rows)} signs. Sizes follow each approach's viewing distance; “to add” marks signs the rules "
                 "require that are not in the project yet. “A2 → A1”: the placed sign is too small for its "
                 "approach; print it on A1. “To walls”: W 1.20 m means the nearest wall to the west "
                 "is 1.20 m away along x; N/S along y.", st["note"]), Spacer(1, 4), table]


def _camera_schedule(schedules: Schedules, st: dict[str, Any], width: float) -> list[Flowable]:
    header = ["编号\nNo.", "摄像机\nCamera", "楼层\nLevel", "坐标\nx, y (m)", "到最近墙面\nTo walls",
              "安装方式\nMount", "安装高\nHeight", "朝向\nHeading", "俯角\nTilt", "镜头\nLens",
              "分辨率\nResolution", "范围\nRange", "人脸识别\nFR", "隐私遮蔽 → 图像列\nPrivacy masks → columns"]
    widths: list[float] = [28, 120, 30, 56, 62, 46, 40, 56, 30, 66, 54, 36, 40]
    widths.append(width - sum(widths))
    rows = []
    for r in schedules.cameras:
        name = r["id"] + (f"\n{r['name']}" if r["name"] else "")
        masks = r["privacy_masks"]
        if masks != "—":
            masks = f"{masks} → px {r['mask_columns']}"
        rng = r["range_m"] if r["range_m"] == "—" else f"{r['range_m']} m"
        lens = r["lens"].replace(" · ", "\n") + f"\n{r['kind']}"
        rows.append([r["no"], name, r["level"], f"{r['x_m']:.2f}, {r['y_m']:.2f}", r["to_walls"].replace(" · ", "\n"),
                     _two(r["mount"]), f"{r['mount_height_m']:.2f} m", r["heading"], f"{r['tilt_deg']:.0f}°", lens,
                     r["resolution"], rng, _two(r["face_recognition"]), masks])
    table = data_table(header, rows, widths, st=st, row_styles=lambda i, row: [
        ("TEXTCOLOR", (12, i), (12, i), style.AMBER)] if str(row[12]).startswith("是") else [])
    return [para("摄像机表 Camera schedule", st["h1"]),
            para(f"共 {len(rows)} 台。朝向为方位角（正北 0° 顺时针）；俯角为光轴低于水平的角度；安装方式：距墙面 0.3 m "
                 "以内为壁装，否则吸顶（项目可另行指定）；焦距在已知传感器尺寸时给出；隐私遮蔽角度相对光轴，顺时针为正。"
                 f" {len(rows)} cameras. Heading as a compass bearing (clockwise from north); tilt below the "
                 "horizontal; mount: wall within 0.3 m of a wall face, else ceiling (unless the project says); "
                 "focal length where the sensor is known; mask angles relative to the optical axis, clockwise "
                 "positive.", st["note"]), Spacer(1, 4), table]


def _checklist(project: Project, schedules: Schedules, result: CheckResult, st: dict[str, Any],
               width: float) -> list[Flowable]:
    rows = []
    for zh, en in checklist_items(project, schedules, result):
        rows.append([CheckBox(False, 9), Paragraph(esc(zh), st["body"]), Paragraph(esc(en), st["body"])])
    text_w = (width - 24) / 2
    table = Table(rows, colWidths=[24, text_w, text_w])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, style.GREY_LIGHT),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    sign_off = Table([["安装单位 Installer：", "", "日期 Date：", ""],
                      ["运营方确认 Operator：", "", "日期 Date：", ""]],
                     colWidths=[110, width / 2 - 110, 70, width / 2 - 70], rowHeights=[26, 26])
    sign_off.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), "VPSans"),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
        ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
    ]))
    return [para("安装检查清单 Installer checklist", st["h1"]), table, Spacer(1, 16),
            KeepTogether([para("签字确认 Sign-off", st["h2"]), sign_off])]


def guide_pdf_bytes(project: Project, *, result: CheckResult,
                    engine: ComplianceEngine | None = None) -> tuple[bytes, int]:
    """The placement guide of ``result`` (of :func:`planner.rules.check_project`) in memory, and its page count.

    Pass the check's long-lived ``engine`` to reuse the coverage already computed.
    """
    own = engine is None or engine.project is not project
    if own:
        engine = ComplianceEngine(project)
    assert engine is not None
    try:
        return _guide(project, result, engine)
    finally:
        if own:
            engine.close()


def _guide(project: Project, result: CheckResult, engine: ComplianceEngine) -> tuple[bytes, int]:
    schedules = build_schedules(project, result)
    st = styles()
    from planner.output.document import MARGIN

    width = PAGE[0] - 2 * MARGIN
    frame_h = PAGE[1] - 2 * MARGIN - style.mm(15)
    story: list[Flowable] = _cover(project, schedules, result, st, width)
    for level in project.levels:
        story.append(PageBreak())
        story.append(LevelSheet(project, level, engine, schedules, width, frame_h))
    story.append(PageBreak())
    story += _sign_schedule(schedules, st, width)
    story.append(CondPageBreak(200))
    story.append(Spacer(1, 14))
    story += _camera_schedule(schedules, st, width)
    story.append(PageBreak())
    story += _checklist(project, schedules, result, st, width)
    date = document_date(project.venue)
    return build_document(project, story, pagesize=PAGE, title=f"{project.venue.name}: placement guide 安装布置指南",
                          subject="Installer placement guide", running_title="安装布置指南 Installer placement guide",
                          date=date)


def write_guide_pdf(project: Project, path: str | Path, *, result: CheckResult,
                    engine: ComplianceEngine | None = None) -> int:
    """Write the placement guide to ``path`` atomically; return the number of pages."""
    data, pages = guide_pdf_bytes(project, result=result, engine=engine)
    atomic_write(path, data)
    return pages
