"""The compliance and impact-assessment report: summary, findings with plan snippets, Art. 9 assessment.

1. Summary: venue, date, rule pack, overall result, counts, pass / fail per rule with its legal reference.
2. Findings: each with where it is, a plan snippet (an overlap hatched in red, the camera or entrance
   marked), its remedies and its reference.
3. Personal-information protection impact assessment (Art. 9 of the FR measures), prefilled from
   the project: purpose, method and necessity; impact on individuals and mitigations; risks of leak,
   tampering, loss and misuse; protection measures (Art. 14) as a checklist; the alternative
   (Art. 10); storage and retention (Art. 8); filing (Art. 15); record keeping (at least 3 years).
4. Legal references.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import shapely
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, TableStyle
from shapely.geometry import Point, Polygon

from planner.geometry.convert import to_polygon
from planner.model import Level, Project
from planner.output import style
from planner.output.document import (
    MARGIN,
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
from planner.output.notice import bilingual, measures, storage_statement
from planner.output.pdf import atomic_write, document_date
from planner.output.plan import PlanFlowable, PlanMarks
from planner.output.schedules import Schedules, build_schedules
from planner.rules.engine import ComplianceEngine
from planner.rules.findings import CheckResult, Finding
from planner.rules.pack import RulePack, load_rule_pack

__all__ = ["PAGE", "remedy_text", "rule_status", "report_pdf_bytes", "write_report_pdf", "RECORD_YEARS"]

PAGE = A4
#: The assessment report is kept at least this many years (Art. 9).
RECORD_YEARS = 3
_SEVERITY = {"error": ("错误", "error", style.RED), "warning": ("警告", "warning", style.AMBER),
             "info": ("提示", "info", style.GREY_DARK)}


def remedy_text(remedy: dict[str, Any], labels: dict[str, str] | None = None) -> tuple[str, str]:
    """A remedy as ``(Chinese, English)`` instructions.

    >>> remedy_text({"kind": "rotate", "heading_deg": 112.0})
    ('将摄像机转向 112°', 'turn the camera to heading 112°')
    """
    kind = remedy.get("kind")
    if kind == "rotate":
        h = f"{float(remedy['heading_deg']):g}°"
        return f"将摄像机转向 {h}", f"turn the camera to heading {h}"
    if kind == "narrow":
        v = f"{float(remedy['hfov_deg']):g}°"
        return f"将水平视场角缩小至 {v}", f"narrow the lens to {v} horizontal field of view"
    if kind == "shorten":
        v = f"{float(remedy['range_m']):g} m"
        return f"将监控范围缩短至 {v}", f"shorten the range to {v}"
    if kind == "privacy_mask":
        a, b = float(remedy["from_deg"]), float(remedy["to_deg"])
        cols = remedy.get("columns")
        col = f"（图像列 {cols[0]}–{cols[1]} px）" if cols else ""
        col_en = f" (image columns {cols[0]}–{cols[1]} px)" if cols else ""
        return (f"设置隐私遮蔽 {a:+.1f}°…{b:+.1f}°{col}", f"privacy-mask {a:+.1f}°…{b:+.1f}°{col_en}")
    if kind == "move":
        x, y = remedy["position"]
        return f"将摄像机移至 x {x:.2f}, y {y:.2f} m", f"move the camera to x {x:.2f}, y {y:.2f} m"
    if kind == "remove":
        return "拆除该设备", "remove the device"
    if kind == "add_sign":
        sign = remedy.get("sign", {})
        x, y = sign.get("position", (0, 0))
        name = ("人脸识别提示", "face-recognition notice") if sign.get("kind") == "fr_notice" else (
            "视频监控提示", "CCTV notice")
        label = (labels or {}).get("sign", "")
        tag = f" {label}" if label else ""
        return (f"增设{name[0]}标识{tag}（{sign.get('size', 'A3')}），位于 x {x:.2f}, y {y:.2f} m，"
                f"朝向 {float(sign.get('facing_deg', 0)):.0f}°，中心离地 {sign.get('mount_height_m', 1.6)} m",
                f"post a {name[1]}{tag} ({sign.get('size', 'A3')}) at x {x:.2f}, y {y:.2f} m facing "
                f"{float(sign.get('facing_deg', 0)):.0f}°, centre {sign.get('mount_height_m', 1.6)} m above floor")
    if kind == "fill_venue_field":
        field = str(remedy.get("field", ""))
        names = _FIELD_NAMES.get(field, (field, field.replace("_", " ")))
        return f"填写场所信息“{names[0]}”", f"fill in the venue's {names[1]}"
    if kind == "redraw":
        what = remedy.get("zone") or remedy.get("wall") or ""
        return f"重新绘制 {what}", f"redraw {what}"
    return str(remedy), str(remedy)


_FIELD_NAMES = {
    "operator": ("处理者名称", "operator"),
    "contact": ("联系方式", "contact"),
    "purpose": ("处理目的", "purpose"),
    "retention": ("保存期限", "retention period"),
    "storage": ("存储方式", "storage"),
    "rights": ("行使权利的方式", "how to exercise rights"),
    "alternative": ("替代方式", "alternative"),
    "notice_url": ("详细告知网址", "full notice URL"),
    "expected_enrolled_people": ("预计人脸信息人数", "expected number of enrolled people"),
    "filing_reference": ("备案编号", "filing reference"),
    "impact_assessment_date": ("影响评估日期", "impact-assessment date"),
}


def rule_status(pack: RulePack, code: str, findings: Sequence[Finding], has_fr: bool) -> str:
    """``pass``, ``fail``, ``warning`` or ``n/a`` for one rule of the pack."""
    rule = pack.rule(code)
    hits = [f for f in findings if f.code == code]
    if not hits:
        return "n/a" if rule.get("applies_to") == "face_recognition" and not has_fr else "pass"
    return "fail" if any(f.severity == "error" for f in hits) else "warning"


_STATUS = {"pass": ("通过", "pass", style.GREEN), "fail": ("不通过", "fail", style.RED),
           "warning": ("警告", "warning", style.AMBER), "n/a": ("不适用", "n/a", style.GREY)}


def _badge(status: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    zh, en, colour = _STATUS[status]
    return Paragraph(f'<font color="{colour.hexval()}">■</font> {esc(zh)} {esc(en)}', st["cell"])


def _zone_label(level: Level | None, zone_id: str | None) -> str:
    if level is None or zone_id is None:
        return zone_id or ""
    zone = next((z for z in level.zones if z.id == zone_id), None)
    if zone is None:
        return zone_id
    zh, en = bilingual(zone.name or zone.id)
    name = " ".join(dict.fromkeys(x for x in (zh, en) if x))
    return f"{zone_id}（{name}）" if name and name != zone_id else zone_id


def _summary(project: Project, result: CheckResult, pack: RulePack, schedules: Schedules,
             st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    venue = project.venue
    errors, warnings = result.count("error"), result.count("warning")
    has_fr = result.face_recognition_cameras > 0
    if errors:
        verdict = ("不合格", f"FAIL: {errors} error(s), {warnings} warning(s)", style.RED)
    elif warnings:
        verdict = ("基本合格，有警告", f"PASS with {warnings} warning(s)", style.AMBER)
    else:
        verdict = ("合格", "PASS", style.GREEN)
    pack_name = pack.data.get("name", {})
    op_zh, op_en = bilingual(venue.operator)
    story: list[Flowable] = [
        para("合规检查与个人信息保护影响评估报告", st["title"]),
        para("Compliance check and personal-information protection impact assessment", st["subtitle"]),
        KeyValueTable([
            ("场所 Venue", venue.name or "—"),
            ("处理者 Operator", " ".join(dict.fromkeys(x for x in (op_zh, op_en) if x)) or "—"),
            ("联系方式 Contact", venue.contact or "—"),
            ("报告日期 Date", document_date(venue)),
            ("规则包 Rule pack", f"{pack.id}: {pack_name.get('zh', '')} / {pack_name.get('en', '')}"),
        ], (120, width - 120), st=st),
        Spacer(1, 10),
    ]
    banner = Table([[Paragraph(f'<font color="white" size="15">{esc(verdict[0])}</font>　'
                               f'<font color="white" size="11">{esc(verdict[1])}</font>', st["body"])]],
                   colWidths=[width], rowHeights=[30])
    banner.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), verdict[2]), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 10)]))
    story += [banner, Spacer(1, 10)]
    all_private = pack.private_uses("all_devices") | pack.private_uses("face_recognition")
    private_zones = sum(1 for lv in project.levels for z in lv.zones if z.use in all_private)
    placed = sum(len(lv.signs) for lv in project.levels)
    missing = sum(1 for r in result.signs_required if not r.get("satisfied_by"))
    counts = [
        ("楼层 Levels", len(project.levels)),
        ("摄像机 Cameras", result.cameras),
        ("其中人脸识别 of which face recognition", result.face_recognition_cameras),
        ("私密空间 Private spaces", private_zones),
        ("已设标识 Signs placed", placed),
        ("要求的标识 Signs required (entrances)", len(result.signs_required)),
        ("缺少的标识 Signs missing", missing),
        ("错误 / 警告 Errors / warnings", f"{errors} / {warnings}"),
    ]
    half = (len(counts) + 1) // 2
    rows = []
    for i in range(half):
        left = counts[i]
        right = counts[i + half] if i + half < len(counts) else ("", "")
        rows.append([left[0], str(left[1]), right[0], str(right[1])])
    t = Table([[para(str(c), st["body"]) for c in row] for row in rows],
              colWidths=[width * 0.32, width * 0.18, width * 0.32, width * 0.18])
    t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.25, style.GREY_LIGHT),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [para("统计 Counts", st["h2"]), t, Spacer(1, 8)]
    header = ["规则\nRule", "结果\nResult", "问题数\nFindings", "依据\nLegal reference"]
    rows2 = []
    for code in pack.data["rules"]:
        status = rule_status(pack, code, result.findings, has_fr)
        n = sum(1 for f in result.findings if f.code == code)
        rows2.append([f"{pack.title(code, 'zh')}\n{pack.title(code, 'en')}\n{code}", _badge(status, st), str(n),
                      f"{pack.reference(code, 'zh')}"])
    story += [para("各项规则 Rules", st["h2"]),
              data_table(header, rows2, [width * 0.3, width * 0.14, width * 0.08, width * 0.48], st=st)]
    return story


def _finding_bounds(level: Level, finding: Finding) -> tuple[tuple[float, float, float, float], Any, Any] | None:
    """Plan window, highlight geometry and highlighted segment of a finding, or None."""
    cam = next((c for c in level.cameras if c.id == finding.camera), None) if finding.camera else None
    geoms = []
    highlight = None
    segment = None
    if finding.code == "VIEW_INTO_PRIVATE_SPACE" and finding.details.get("overlap"):
        ring = finding.details["overlap"]
        if len(ring) >= 3:
            highlight = Polygon(ring)
            geoms.append(highlight)
    if finding.zone:
        zone = next((z for z in level.zones if z.id == finding.zone), None)
        if zone is not None and finding.code in ("DEVICE_IN_PRIVATE_SPACE", "INVALID_GEOMETRY",
                                                 "VIEW_INTO_PRIVATE_SPACE"):
            geoms.append(to_polygon(zone.polygon))
    if cam is not None:
        geoms.append(Point(cam.position).buffer(1.0))
    if finding.code == "SIGN_MISSING" and finding.details.get("entrance"):
        (ax, ay), (bx, by) = finding.details["entrance"]
        segment = ((ax, ay), (bx, by))
        geoms.append(Point((ax + bx) / 2, (ay + by) / 2).buffer(4.0))
        for r in finding.remedies:
            if r.get("kind") == "add_sign":
                geoms.append(Point(r["sign"]["position"]).buffer(1.0))
    geoms = [g for g in geoms if not g.is_empty]  # a degenerate zone repairs to nothing
    if not geoms:
        return None
    minx, miny, maxx, maxy = shapely.union_all(geoms).bounds
    pad = 1.5
    return (minx - pad, miny - pad, maxx + pad, maxy + pad), highlight, segment


def _findings(project: Project, result: CheckResult, pack: RulePack, engine: ComplianceEngine,
              schedules: Schedules, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [para("问题详情 Findings", st["h1"])]
    if not result.findings:
        story.append(para("未发现问题。No findings.", st["body"]))
        return story
    levels = {lv.id: lv for lv in project.levels}
    proposed_by_pos = {}
    for row in schedules.signs:
        if row["status_key"] == "to_add":
            proposed_by_pos[(row["level"], row["x_m"], row["y_m"])] = row["no"]
    for n, f in enumerate(result.findings, start=1):
        zh_sev, en_sev, colour = _SEVERITY.get(f.severity, ("", f.severity, style.GREY_DARK))
        level = levels.get(f.level) if f.level else None
        head = (f'<font color="{colour.hexval()}">■ {esc(zh_sev)} {esc(en_sev)}</font>　'
                f"{n}. {esc(pack.title(f.code, 'zh') if f.code in pack.data['rules'] else f.code)} · "
                f"{esc(pack.title(f.code, 'en') if f.code in pack.data['rules'] else '')}")
        block: list[Flowable] = [Paragraph(head, st["h2"])]
        where = []
        if level is not None:
            zh, en = bilingual(level.name or "")
            where.append(f"楼层 Level {level.id} {' '.join(dict.fromkeys(x for x in (zh, en) if x))}")
        if f.camera:
            where.append(f"摄像机 Camera {schedules.camera_labels.get(f.camera, '')} {f.camera}".replace("  ", " "))
        if f.zone:
            where.append(f"区域 Zone {_zone_label(level, f.zone)}")
        if f.area_m2 is not None and f.code == "VIEW_INTO_PRIVATE_SPACE":
            where.append(f"可见面积 Area seen {f.area_m2:.2f} m²")
        if where:
            block.append(para(" · ".join(where), st["note"]))
        block.append(para(f.message_zh or f.message, st["body"]))
        if f.message_zh:
            block.append(para(f.message, ParagraphStyle("en", parent=st["body"], textColor=style.GREY_DARK)))
        if level is not None:
            win = _finding_bounds(level, f)
            if win is not None:
                bounds, highlight, segment = win
                cams = None
                if f.camera:
                    cams = [f.camera]
                elif f.details.get("cameras"):
                    cams = list(f.details["cameras"])
                proposed = {}
                for r in f.remedies:
                    if r.get("kind") == "add_sign":
                        x, y = r["sign"]["position"]
                        label = proposed_by_pos.get((level.id, round(x, 2), round(y, 2)), "+")
                        proposed[label] = ((float(x), float(y)), float(r["sign"].get("facing_deg", 0)),
                                           str(r["sign"].get("kind", "")))
                marks = PlanMarks(camera_labels=schedules.camera_labels, sign_labels=schedules.sign_labels,
                                  proposed_signs=proposed, cameras=cams, highlight=highlight,
                                  highlight_zone=f.zone if f.code != "SIGN_MISSING" else None,
                                  highlight_camera=f.camera if f.severity == "error" else None,
                                  highlight_segment=segment)
                caption = "红色斜线：问题区域 · red hatch: the problem area" if highlight is not None else (
                    "红线：缺少标识的入口 · red line: entrance without a sign" if segment else "")
                aspect = (bounds[3] - bounds[1]) / max(bounds[2] - bounds[0], 1e-6)
                height = max(190.0, min(330.0, width * aspect + 16))
                block += [Spacer(1, 4), PlanFlowable(project, level, engine, width, height, bounds=bounds,
                                                     marks=marks, min_scale=50, caption=caption)]
        if f.remedies:
            block.append(para("整改措施 Remedies", ParagraphStyle("rh", parent=st["small"], textColor=style.NAVY,
                                                                 spaceBefore=4)))
            for i, r in enumerate(f.remedies, start=1):
                zh, en = remedy_text(r)
                block.append(para(f"{i}. {zh} · {en}", st["small"]))
        if f.code in pack.data["rules"]:
            block.append(para(f"依据 Reference: {pack.reference(f.code, 'zh')} · {pack.reference(f.code, 'en')}",
                              ParagraphStyle("ref", parent=st["small"], textColor=style.GREY, spaceBefore=2)))
        block.append(Spacer(1, 8))
        story.append(KeepTogether(block))
    return story


def _check_row(checked: bool | None, zh: str, en: str, st: dict[str, ParagraphStyle], note: str = "") -> list[Any]:
    box: Any = CheckBox(bool(checked), 8) if checked is not None else para("—", st["cell"])
    return [box, para(zh, st["cell"]), para(en, st["cell"]), para(note, st["cell"])]


def _checklist_table(rows: list[list[Any]], width: float, head: Sequence[str],
                     st: dict[str, ParagraphStyle]) -> Table:
    data = [[para(h, st["cell_head"]) for h in head], *rows]
    widths = [18, (width - 18) * 0.34, (width - 18) * 0.4, (width - 18) * 0.26]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), style.NAVY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, style.GREY_LIGHT),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


def _keep_until(date: str) -> str:
    try:
        d = _dt.date.fromisoformat(date)
    except ValueError:
        return ""
    try:
        return d.replace(year=d.year + RECORD_YEARS).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + RECORD_YEARS, day=28).isoformat()


def _assessment(project: Project, result: CheckResult, pack: RulePack, schedules: Schedules,
                st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    venue = project.venue
    has_fr = result.face_recognition_cameras > 0
    story: list[Flowable] = [para("个人信息保护影响评估 Personal-information protection impact assessment", st["h1"]),
                             para("依据《人脸识别技术应用安全管理办法》第九条，根据项目数据预先填写，评估人应逐项核实。"
                                  " Art. 9 of the FR measures; prefilled from the project, to be verified item by item "
                                  "by the assessor.", st["note"])]
    if not has_fr:
        story.append(para("本项目未使用人脸识别，无需按第九条进行人脸识别个人信息保护影响评估；视频监控仍须遵守《公共安全视频图像信息系统管理条例》。"
                          " The project uses no face recognition, so no Art. 9 assessment is required; the CCTV still "
                          "falls under the video-system regulation.", st["body"]))
        return story
    codes = {f.code for f in result.findings}
    fr_ids = {cam.id for _, cam in project.cameras() if cam.face_recognition}
    fr_private = [f for f in result.findings if f.camera in fr_ids and f.code in ("DEVICE_IN_PRIVATE_SPACE",
                                                                                 "VIEW_INTO_PRIVATE_SPACE")]
    fr_signs_missing = [r for r in result.signs_required if r["kind"] == "fr_notice" and not r.get("satisfied_by")]
    p_zh, p_en = bilingual(venue.purpose)
    m_zh, m_en = bilingual(venue.method)
    n_zh, n_en = bilingual(venue.necessity)
    fr_rows = [r for r in schedules.cameras if r["face_recognition_key"]]
    missing = "未填写 not stated"
    story += [para("1. 处理目的和方式的合法性、正当性、必要性 "
                   "Lawfulness, legitimacy and necessity of purpose and method", st["h2"]),
              KeyValueTable([
                  ("处理目的 Purpose", " / ".join(dict.fromkeys(x for x in (p_zh, p_en) if x)) or missing),
                  ("处理方式 Method", " / ".join(dict.fromkeys(x for x in (m_zh, m_en) if x)) or
                   f"{len(fr_rows)} 台人脸识别摄像机 face-recognition cameras: "
                   + short_list([f"{r['no']} {r['id']}" for r in fr_rows])),
                  ("必要性 Necessity", " / ".join(dict.fromkeys(x for x in (n_zh, n_en) if x)) or missing),
                  ("采集区域 Collection areas", short_list(
                      [f"{r['no']} {r['level']} ({r['x_m']:.1f}, {r['y_m']:.1f}) {r['heading_deg']:.0f}°"
                       for r in fr_rows], sep="; ")),
                  ("预计人数 Expected enrolled people",
                   f"{venue.expected_enrolled_people:,}" if venue.expected_enrolled_people is not None else missing),
              ], (130, width - 130), st=st)]
    head = ["", "影响 Impact on individuals", "降低不利影响的措施 Mitigation", "本项目 This project"]
    s_zh, s_en = storage_statement(venue.storage)
    fr_private_note = "符合 met" if not fr_private else f"{len(fr_private)} 项问题 finding(s)"
    if fr_signs_missing:
        notice_note = f"缺少 {len(fr_signs_missing)} 块 {len(fr_signs_missing)} missing"
    elif "NOTICE_INCOMPLETE" in codes:
        notice_note = "告知事项不完整 incomplete"
    else:
        notice_note = "符合 met"
    on_device = s_en.startswith("Face data stays")
    rows = [
        _check_row(not fr_private, "私密空间被拍摄，隐私受侵害 Privacy intrusion in private spaces",
                   "人脸识别设备不安装在私密空间内、不拍摄其内部（第十三条） No FR device in or looking into a "
                   "private space (Art. 13)", st, fr_private_note),
        _check_row(not fr_signs_missing and "NOTICE_INCOMPLETE" not in codes,
                   "在不知情时被采集 Collection without awareness",
                   "人脸识别区域每个入口设置显著提示标识并告知第五条事项 A notice sign with the Art. 5 facts at "
                   "every entrance of the FR area", st, notice_note),
        _check_row("NO_ALTERNATIVE" not in codes, "被迫接受人脸识别 Forced use of face recognition",
                   "提供非人脸识别的替代方式（第十条） A non-FR alternative is offered (Art. 10)", st,
                   venue.alternative or "未提供 none"),
        _check_row(bool(venue.retention.strip()), "超期保存 Excessive retention",
                   "最短必要保存期限，期满删除（第八条） Minimal retention, deleted afterwards (Art. 8)", st,
                   venue.retention or missing),
        _check_row(on_device, "人脸信息外传 Face data leaving the device",
                   "人脸信息存储在设备内，不通过互联网对外传输（第八条） Face data stays on the device (Art. 8)",
                   st, venue.storage or missing),
        _check_row(None, "未成年人信息 Children's data",
                   "不满十四周岁须取得监护人同意（第七条） Guardian consent under 14 (Art. 7)", st,
                   "现场核实 verify on site"),
        _check_row(None, "未经同意处理 Processing without consent",
                   "处理前取得单独同意（第六条） Separate consent before processing (Art. 6)", st,
                   "现场核实 verify on site"),
    ]
    story.append(KeepTogether([para("2. 对个人权益的影响及降低不利影响的措施 Impact on individuals and mitigations",
                                    st["h2"]), _checklist_table(rows, width, head, st)]))
    measures_set = set(venue.security_measures)
    risks = [
        ("泄露 Leak", ("encryption", "access_control"), "加密存储和传输、访问控制；人脸信息存于设备内",
         "encrypted storage and transfer, access control; face data kept on the device"),
        ("篡改 Tampering", ("security_audit", "authorisation_management"), "安全审计记录、分级授权",
         "security audit trail, role-based authorisation"),
        ("丢失 Loss", ("encryption", "intrusion_detection"), "设备失窃时数据加密不可读、入侵检测",
         "data unreadable if a device is stolen, intrusion detection"),
        ("滥用 Misuse", ("authorisation_management", "security_audit"), "仅授权人员按目的使用、操作可追溯",
         "only authorised staff use it for the stated purpose, every action traceable"),
    ]
    head3 = ["", "风险 Risk", "措施 Measures", "已具备 In place"]
    rows3 = []
    for name, needed, zh, en in risks:
        have = [m for m in needed if m in measures_set]
        ok = len(have) == len(needed)
        names = {m: n for m, n in zip(("encryption", "security_audit", "access_control", "authorisation_management",
                                       "intrusion_detection"),
                                      ("加密 encryption", "安全审计 audit", "访问控制 access control",
                                       "授权管理 authorisation", "入侵检测 intrusion detection"), strict=True)}
        rows3.append(_check_row(ok, name, f"{zh} · {en}", st,
                                ", ".join(names[m] for m in needed if m in measures_set) or "无 none"))
    story.append(KeepTogether([para("3. 泄露、篡改、丢失、滥用的风险 Risks of leak, tampering, loss and misuse",
                                    st["h2"]), _checklist_table(rows3, width, head3, st)]))
    head4 = ["", "措施 Measure (Art. 14)", "说明 What it means", "状态 Status"]
    rows4 = []
    explain = {
        "encryption": ("人脸信息加密存储、加密传输", "face data encrypted at rest and in transit"),
        "security_audit": ("记录并定期审查访问和操作日志", "access and operation logs kept and reviewed"),
        "access_control": ("设备和系统仅限授权人员访问", "devices and systems reachable by authorised staff only"),
        "authorisation_management": ("按最小必要原则分级授权", "least-privilege roles"),
        "intrusion_detection": ("监测并告警入侵行为", "intrusions detected and alerted"),
    }
    m_zh_all, m_en_all = measures(venue)
    for key, (zh, en) in explain.items():
        label = {"encryption": "加密 Encryption", "security_audit": "安全审计 Security audit",
                 "access_control": "访问控制 Access control",
                 "authorisation_management": "授权管理 Authorisation management",
                 "intrusion_detection": "入侵检测 Intrusion detection"}[key]
        rows4.append(_check_row(key in measures_set, label, f"{zh} · {en}", st,
                                "已采取 in place" if key in measures_set else "未采取 missing"))
    story.append(KeepTogether([para("4. 保护措施 Protection measures", st["h2"]),
                               _checklist_table(rows4, width, head4, st)]))
    a_zh, a_en = bilingual(venue.alternative)
    r_zh, r_en = bilingual(venue.retention)
    story.append(KeepTogether([
        para("5. 替代方式 Alternative to face recognition (Art. 10)", st["h2"]),
        para(" / ".join(dict.fromkeys(x for x in (a_zh, a_en) if x)) or
             "未提供：须为不同意人脸识别的个人提供其他合理、便捷的方式。"
             " None: people who refuse face recognition must be offered another reasonable, convenient way.",
             st["body"])]))
    story.append(KeepTogether([
        para("6. 存储和保存期限 Storage and retention (Art. 8)", st["h2"]),
        KeyValueTable([("存储 Storage", f"{s_zh} / {s_en}" if s_zh and s_en and s_zh != s_en else
                        (s_zh or s_en or missing)),
                       ("保存期限 Retention", " / ".join(dict.fromkeys(x for x in (r_zh, r_en) if x)) or missing),
                       ("安全措施 Security measures", f"{m_zh_all} / {m_en_all}" if m_zh_all else "无 none")],
                      (130, width - 130), st=st)]))
    threshold = pack.filing_threshold
    people = venue.expected_enrolled_people
    if people is None:
        filing = "无法判断：未填写预计人数 Unknown: the expected number of enrolled people is not given"
    elif people >= threshold:
        filing = (f"需要备案：预计 {people:,} 人 ≥ {threshold:,} 人，"
                  "须在达到之日起 30 个工作日内向所在地省级网信部门备案。"
                  f" Filing required: {people:,} ≥ {threshold:,} people; file with the provincial cyberspace "
                  "administration within 30 working days.")
    else:
        filing = (f"暂不需要备案：预计 {people:,} 人，低于 {threshold:,} 人。"
                  f" No filing needed yet: {people:,} people, under {threshold:,}.")
    story.append(KeepTogether([para("7. 备案 Filing (Art. 15)", st["h2"]),
                               KeyValueTable([("结论 Result", filing),
                                              ("备案编号 Filing reference", venue.filing_reference or "—")],
                                             (130, width - 130), st=st)]))
    assessed = venue.impact_assessment_date.strip()
    until = _keep_until(assessed) if assessed else ""
    story.append(KeepTogether([
        para("8. 记录保存 Record keeping", st["h2"]),
        para(f"本评估报告和处理情况记录应当至少保存 {RECORD_YEARS} 年。"
             f" Keep this assessment report and the processing records for at least {RECORD_YEARS} years.",
             st["body"]),
        KeyValueTable([("评估日期 Assessment date", assessed or "待填写 to be completed"),
                       ("保存至 Keep until", until or "评估日期起 3 年 3 years from the assessment date")],
                      (130, width - 130), st=st)]))
    story.append(Spacer(1, 14))
    sign_off = Table([["评估人 Assessor：", "", "日期 Date：", ""],
                      ["负责人 Approved by：", "", "日期 Date：", ""]],
                     colWidths=[100, width / 2 - 100, 60, width / 2 - 60], rowHeights=[26, 26])
    sign_off.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "VPSans"), ("FONTSIZE", (0, 0), (-1, -1), 9),
                                  ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                  ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                                  ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black)]))
    story.append(KeepTogether([para("签字 Sign-off", st["h2"]), sign_off]))
    return story


def _references(pack: RulePack, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [para("法律依据 Legal references", st["h1"])]
    for key, ref in pack.data.get("references", {}).items():
        block: list[Flowable] = [para(f"{ref.get('zh', '')}", st["h2"]), para(ref.get("en", ""), st["note"])]
        rows = []
        for code, rule in pack.data["rules"].items():
            if rule.get("reference") != key:
                continue
            art = rule.get("article", {})
            rows.append([f"{pack.title(code, 'zh')}\n{pack.title(code, 'en')}",
                         f"{art.get('zh', '')}\n{art.get('en', '')}".strip() or "—"])
        if rows:
            block.append(data_table(["规则 Rule", "条款 Provision"], rows, [width * 0.34, width * 0.66], st=st))
        block.append(Spacer(1, 6))
        story.append(KeepTogether(block))
    return story


def report_pdf_bytes(project: Project, *, result: CheckResult | None = None,
                     engine: ComplianceEngine | None = None) -> tuple[bytes, int]:
    """The report in memory and its page count.

    Pass the ``result`` of :func:`planner.rules.check_project` and its long-lived
    ``engine`` to reuse the checks and the coverage already computed.
    """
    pack = load_rule_pack(project.venue.rule_pack if result is None else result.rule_pack)
    own = engine is None or engine.project is not project or engine.pack.id != pack.id
    if own:
        engine = ComplianceEngine(project, pack)
    assert engine is not None
    try:
        return _report(project, result, pack, engine)
    finally:
        if own:
            engine.close()


def _report(project: Project, result: CheckResult | None, pack: RulePack,
            engine: ComplianceEngine) -> tuple[bytes, int]:
    if result is None:
        from planner.rules import check_project

        result = check_project(project, pack, engine=engine)
    schedules = build_schedules(project, result)
    st = styles()
    width = PAGE[0] - 2 * MARGIN
    story: list[Flowable] = _summary(project, result, pack, schedules, st, width)
    story.append(PageBreak())
    story += _findings(project, result, pack, engine, schedules, st, width)
    story.append(PageBreak())
    story += _assessment(project, result, pack, schedules, st, width)
    story.append(CondPageBreak(220))
    story.append(Spacer(1, 12))
    story += _references(pack, st, width)
    return build_document(project, story, pagesize=PAGE,
                          title=f"{project.venue.name}: compliance and impact-assessment report 合规与影响评估报告",
                          subject="Compliance and impact-assessment report",
                          running_title="合规检查与影响评估报告 Compliance & impact assessment",
                          date=document_date(project.venue))


def write_report_pdf(project: Project, path: str | Path, *, result: CheckResult | None = None,
                     engine: ComplianceEngine | None = None) -> int:
    """Write the compliance and impact-assessment report to ``path`` atomically; return the number of pages."""
    data, pages = report_pdf_bytes(project, result=result, engine=engine)
    atomic_write(path, data)
    return pages
