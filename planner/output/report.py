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
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from shapely.geometry import Point, Polygon

from planner.geometry.convert import to_polygon
from planner.model import Camera, Level, Project
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
from planner.rules.fixes import privacy_clear
from planner.rules.pack import Citation, RulePack, cite_line, load_rule_pack
from planner.rules.remedies import AddSign, CameraRemedy, Remedy, describe

__all__ = [
    "PAGE",
    "RECORD_YEARS",
    "AssessmentRow",
    "FindingGroup",
    "assessment_rows",
    "clears_camera",
    "finding_citations",
    "group_findings",
    "remedy_text",
    "rule_status",
    "report_pdf_bytes",
    "write_report_pdf",
]

PAGE = A4
#: The assessment report is kept at least this many years (Art. 9).
RECORD_YEARS = 3
_SEVERITY = {"error": ("错误", "error", style.RED), "warning": ("警告", "warning", style.AMBER),
             "info": ("提示", "info", style.GREY_DARK)}


def remedy_text(remedy: Remedy) -> tuple[str, str]:
    """A remedy as ``(Chinese, English)`` instructions: the rules' one description in both languages."""
    return describe(remedy, "zh"), describe(remedy, "en")


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
    missing = sum(1 for r in result.signs_required if not r.satisfied_by)
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
                      pack.reference(code, "zh") or "—"])
    story += [para("各项规则 Rules", st["h2"]),
              data_table(header, rows2, [width * 0.3, width * 0.14, width * 0.08, width * 0.48], st=st)]
    return story


#: Findings about one camera in a private space, grouped per camera in the report: every remedy offered for
#: one of them leaves the camera with no privacy error at all (DESIGN §5), so one remedy clears them all.
CAMERA_PRIVACY_CODES = ("DEVICE_IN_PRIVATE_SPACE", "VIEW_INTO_PRIVATE_SPACE")


@dataclass
class FindingGroup:
    """One numbered entry of the findings chapter: a finding, or all privacy findings of one camera."""

    findings: list[Finding]

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def grouped(self) -> bool:
        return len(self.findings) > 1

    def remedies(self) -> list[Any]:
        """The remedies of the group's findings, each once, in the order offered."""
        seen: dict[str, Any] = {}
        for f in self.findings:
            for r in f.remedies:
                seen.setdefault(json.dumps(_remedy_json(r), sort_keys=True, default=str), r)
        return list(seen.values())


def _remedy_json(remedy: Any) -> dict[str, Any]:
    to_json = getattr(remedy, "to_json", None)
    return to_json() if callable(to_json) else dict(remedy)


def best_per_kind(remedies: Sequence[Any]) -> list[Any]:
    """One remedy of each kind (two turns): the one keeping most coverage, else the first offered."""
    best: dict[str, list[Any]] = {}
    ranked = sorted(remedies, key=lambda r: -float(_remedy_json(r).get("coverage_kept") or 0.0))
    for r in ranked:
        kind = str(_remedy_json(r).get("kind"))
        kept = best.setdefault(kind, [])
        if len(kept) < (2 if kind == "rotate" else 1):
            kept.append(r)
    return [r for rs in best.values() for r in rs]


def clears_camera(engine: ComplianceEngine, level: Level, camera: Camera, remedy: Remedy) -> bool:
    """True when ``camera`` changed by ``remedy`` stands in no private space and sees into none."""
    if not isinstance(remedy, CameraRemedy):
        return True  # removed, or not a change of the camera
    return privacy_clear(engine.level_geometry(level), remedy.applied(camera), engine.private_zones(level),
                         engine.pack.view_tolerance_m2, face_height_m=engine.project.venue.face_height_m,
                         identify_px_per_m=engine.identify_px_per_m)


def group_findings(findings: Sequence[Finding]) -> list[FindingGroup]:
    """The findings in report order, a camera's findings over several private spaces in one group.

    The group takes the place of the camera's first privacy finding.
    """
    groups: list[FindingGroup] = []
    by_camera: dict[tuple[str | None, str], FindingGroup] = {}
    for f in findings:
        if f.code in CAMERA_PRIVACY_CODES and f.camera:
            key = (f.level, f.camera)
            if key in by_camera:
                by_camera[key].findings.append(f)
                continue
            by_camera[key] = FindingGroup([f])
            groups.append(by_camera[key])
        else:
            groups.append(FindingGroup([f]))
    return groups


def finding_citations(pack: RulePack, finding: Finding, fr_cameras: set[str] | frozenset[str]) -> list[Citation]:
    """What a finding cites in ``pack``: the rule's citations for its sign kind, plus the face-recognition
    measures when it concerns a face-recognition camera. Codes unknown to the pack cite nothing."""
    if finding.code not in pack.data["rules"]:
        return []
    return pack.citations(finding.code, sign_kind=finding.details.get("sign_kind"),
                          face_recognition=finding.camera in fr_cameras)


def _citation_block(citations: Sequence[Citation], st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not citations:
        return []
    ref = ParagraphStyle("ref", parent=st["small"], textColor=style.GREY_DARK, spaceBefore=2)
    out: list[Flowable] = [para("依据 Legal basis", ParagraphStyle("rh", parent=st["small"], textColor=style.NAVY,
                                                                  spaceBefore=4))]
    for c in dict.fromkeys(citations):
        text = f"{c.short('zh')}：{c.provision('zh')}" if c.provision("zh") else c.short("zh")
        en = f"{c.short('en')}: {c.provision('en')}" if c.provision("en") else c.short("en")
        out.append(para(f"• {text} · {en}", ref))
    return out


def _group_bounds(level: Level, group: FindingGroup) -> tuple[tuple[float, float, float, float], Any, Any] | None:
    """Plan window, highlight geometry and highlighted segment of a group of findings, or None."""
    windows = [w for w in (_finding_bounds(level, f) for f in group.findings) if w is not None]
    if not windows:
        return None
    highlights = [w[1] for w in windows if w[1] is not None]
    minx = min(w[0][0] for w in windows)
    miny = min(w[0][1] for w in windows)
    maxx = max(w[0][2] for w in windows)
    maxy = max(w[0][3] for w in windows)
    highlight = shapely.union_all(highlights) if highlights else None
    return (minx, miny, maxx, maxy), highlight, windows[0][2]


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
    if finding.details.get("label_position"):  # a private plan label in no zone: its spot, hatched
        highlight = Point(finding.details["label_position"]).buffer(0.4)
        geoms.append(highlight.buffer(0.6))
    if finding.code == "SIGN_MISSING" and finding.details.get("entrance"):
        (ax, ay), (bx, by) = finding.details["entrance"]
        segment = ((ax, ay), (bx, by))
        geoms.append(Point((ax + bx) / 2, (ay + by) / 2).buffer(4.0))
        for r in finding.remedies:
            if isinstance(r, AddSign):
                geoms.append(Point(r.sign.position).buffer(1.0))
    geoms = [g for g in geoms if not g.is_empty]  # a degenerate zone repairs to nothing
    if not geoms:
        return None
    minx, miny, maxx, maxy = shapely.union_all(geoms).bounds
    pad = 1.5
    return (minx - pad, miny - pad, maxx + pad, maxy + pad), highlight, segment


def _title(pack: RulePack, code: str, lang: str) -> str:
    return pack.title(code, lang) if code in pack.data["rules"] else (code if lang == "zh" else "")


def _group_head(n: int, group: FindingGroup, pack: RulePack, schedules: Schedules,
                st: dict[str, ParagraphStyle]) -> Paragraph:
    f = group.first
    severity = "error" if any(x.severity == "error" for x in group.findings) else f.severity
    zh_sev, en_sev, colour = _SEVERITY.get(severity, ("", severity, style.GREY_DARK))
    if group.grouped:
        label = f"{schedules.camera_labels.get(f.camera or '', '')} {f.camera}".strip()
        title_zh = f"摄像机 {label}：{len(group.findings)} 处私密空间问题"
        title_en = f"Camera {label}: {len(group.findings)} private-space findings"
    else:
        title_zh, title_en = _title(pack, f.code, "zh"), _title(pack, f.code, "en")
    return Paragraph(f'<font color="{colour.hexval()}">■ {esc(zh_sev)} {esc(en_sev)}</font>　'
                     f"{n}. {esc(title_zh)} · {esc(title_en)}", st["h2"])


def _where(f: Finding, level: Level | None, schedules: Schedules, *, zone: bool = True) -> list[str]:
    where = []
    if level is not None:
        zh, en = bilingual(level.name or "")
        where.append(f"楼层 Level {level.id} {' '.join(dict.fromkeys(x for x in (zh, en) if x))}".strip())
    if f.camera:
        where.append(f"摄像机 Camera {schedules.camera_labels.get(f.camera, '')} {f.camera}".replace("  ", " "))
    if zone and f.zone:
        where.append(f"区域 Zone {_zone_label(level, f.zone)}")
    if zone and f.area_m2 is not None and f.code == "VIEW_INTO_PRIVATE_SPACE":
        where.append(f"可见面积 Area seen {f.area_m2:.2f} m²")
    return where


def _group_zone_table(group: FindingGroup, level: Level | None, pack: RulePack, width: float,
                      st: dict[str, ParagraphStyle]) -> Table:
    rows = []
    for f in group.findings:
        area = f"{f.area_m2:.2f} m²" if f.area_m2 is not None and f.code == "VIEW_INTO_PRIVATE_SPACE" else (
            "设备在内 inside" if f.code == "DEVICE_IN_PRIVATE_SPACE" else "—")
        rows.append([_zone_label(level, f.zone), f"{_title(pack, f.code, 'zh')}\n{_title(pack, f.code, 'en')}",
                     area])
    return data_table(["私密空间 Private space", "问题 Finding", "可见面积 Area seen"], rows,
                      [width * 0.42, width * 0.38, width * 0.2], st=st)


def _plan_for(project: Project, level: Level, group: FindingGroup, engine: ComplianceEngine, schedules: Schedules,
              proposed_by_pos: dict[tuple[str, float, float], str], width: float) -> Flowable | None:
    win = _group_bounds(level, group) if group.grouped else _finding_bounds(level, group.first)
    if win is None:
        return None
    f = group.first
    bounds, highlight, segment = win
    cams = [f.camera] if f.camera else (list(f.details["cameras"]) if f.details.get("cameras") else None)
    proposed = {}
    for r in f.remedies:
        if isinstance(r, AddSign):
            x, y = r.sign.position
            label = proposed_by_pos.get((level.id, round(x, 2), round(y, 2)), "+")
            proposed[label] = ((x, y), r.sign.facing_deg, r.sign.kind)
    marks = PlanMarks(camera_labels=schedules.camera_labels, sign_labels=schedules.sign_labels,
                      proposed_signs=proposed, cameras=cams, highlight=highlight,
                      highlight_zone=f.zone if f.code != "SIGN_MISSING" and not group.grouped else None,
                      highlight_camera=f.camera if f.severity == "error" else None,
                      highlight_segment=segment)
    caption = "红色斜线：问题区域 · red hatch: the problem area" if highlight is not None else (
        "红线：缺少标识的入口 · red line: entrance without a sign" if segment else "")
    aspect = (bounds[3] - bounds[1]) / max(bounds[2] - bounds[0], 1e-6)
    height = max(170.0, min(280.0, width * aspect + 16))
    return PlanFlowable(project, level, engine, width, height, bounds=bounds, marks=marks, min_scale=50,
                        caption=caption)


def _remedies_block(group: FindingGroup, level: Level | None, engine: ComplianceEngine, project: Project,
                    st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The remedies of a finding; for a camera's group, those that clear all its findings first and marked."""
    offered = group.remedies()
    if not offered:
        return []
    heading_style = ParagraphStyle("rh", parent=st["small"], textColor=style.NAVY, spaceBefore=4)
    camera = next((c for c in level.cameras if c.id == group.first.camera), None) if level else None
    if not group.grouped or camera is None or level is None:
        out: list[Flowable] = [para("整改措施 Remedies", heading_style)]
        for i, r in enumerate(offered, start=1):
            zh, en = remedy_text(r)
            out.append(para(f"{i}. {zh} · {en}", st["small"]))
        return out
    n = len(group.findings)
    whole = [r for r in offered if clears_camera(engine, level, camera, r)]
    partial = best_per_kind([r for r in offered if r not in whole])
    whole = best_per_kind(whole)
    out = []
    if whole:
        out.append(para(f"一次消除全部 {n} 项问题的整改措施（任选一项）Remedies that clear all {n} findings at once "
                        "(any one of them)", heading_style))
        for i, r in enumerate(whole, start=1):
            zh, en = remedy_text(r)
            out.append(para(f"{i}. {zh} · {en}", st["small"]))
    else:
        out.append(para(f"没有一项措施能一次消除全部 {n} 项问题：请组合以下措施，或移动、拆除该摄像机。"
                        f" No single remedy clears all {n} findings: combine those below, or move or remove the "
                        "camera.", ParagraphStyle("warn", parent=heading_style, textColor=style.RED)))
    if partial:
        out.append(para("只消除部分问题的措施 Remedies that clear only some of them", heading_style))
        for i, r in enumerate(partial, start=1):
            zh, en = remedy_text(r)
            out.append(para(f"{i}. {zh} · {en}", st["small"]))
    return out


def _findings(project: Project, result: CheckResult, pack: RulePack, engine: ComplianceEngine,
              schedules: Schedules, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [para("问题详情 Findings", st["h1"])]
    if not result.findings:
        story.append(para("未发现问题。No findings.", st["body"]))
        return story
    levels = {lv.id: lv for lv in project.levels}
    fr_ids = {cam.id for _, cam in project.cameras() if cam.face_recognition}
    proposed_by_pos = {}
    for row in schedules.signs:
        if row["status_key"] == "to_add":
            proposed_by_pos[(row["level"], row["x_m"], row["y_m"])] = row["no"]
    en_style = ParagraphStyle("en", parent=st["body"], textColor=style.GREY_DARK)
    for n, group in enumerate(group_findings(result.findings), start=1):
        f = group.first
        level = levels.get(f.level) if f.level else None
        head: list[Flowable] = [_group_head(n, group, pack, schedules, st)]
        where = _where(f, level, schedules, zone=not group.grouped)
        if where:
            head.append(para(" · ".join(where), st["note"]))
        if group.grouped:
            head.append(_group_zone_table(group, level, pack, width, st))
        else:
            head.append(para(f.message_zh or f.message, st["body"]))
            if f.message_zh:
                head.append(para(f.message, en_style))
        plan = _plan_for(project, level, group, engine, schedules, proposed_by_pos, width) if level else None
        block = [*head, Spacer(1, 4), plan] if plan is not None else head
        remedies = _remedies_block(group, level, engine, project, st)
        cites: list[Citation] = []
        for x in group.findings:
            cites += finding_citations(pack, x, fr_ids)
        # the heading stays with its plan; remedies and citations, each kept whole, may follow on the next page
        story.append(KeepTogether(block))
        if remedies:
            story.append(KeepTogether(remedies))
        story += [KeepTogether(_citation_block(cites, st)), Spacer(1, 8)]
    return story


# -- the impact assessment, derived from the findings and the venue's facts -----------------------------

@dataclass(frozen=True)
class AssessmentRow:
    """One row of the assessment's checklist: what could harm people, what prevents it, and whether this
    project does: ``met``, ``not_met`` or ``verify`` (to be checked on site)."""

    id: str
    impact: tuple[str, str]
    mitigation: tuple[str, str]
    status: str
    evidence: tuple[str, str]
    findings: tuple[Finding, ...] = ()
    citations: tuple[Citation, ...] = ()


_ROW_STATUS = {"met": ("符合", "met", style.GREEN), "not_met": ("不符合", "not met", style.RED),
               "verify": ("待核实", "verify on site", style.AMBER)}


def venue_fact(venue: Any, name: str) -> str:
    """A venue fact by name: a field of the venue, else a key kept in ``venue.extra``; empty when absent."""
    value = getattr(venue, name, None)
    if value is None:
        value = venue.extra.get(name, "")
    return str(value or "").strip()


def _field_label(pack: RulePack, name: str) -> tuple[str, str]:
    return pack.field_name(name, "zh"), pack.field_name(name, "en")


def _finding_evidence(findings: Sequence[Finding], project: Project, pack: RulePack) -> tuple[str, str]:
    levels = {lv.id: lv for lv in project.levels}
    items = []
    for f in findings:
        level = levels.get(f.level) if f.level else None
        if f.camera and f.zone:
            items.append(f"{f.camera} → {_zone_label(level, f.zone)}")
        elif f.zone:
            items.append(f"{_title(pack, f.code, 'zh')} {_zone_label(level, f.zone)}")
        else:
            items.append(f"{_title(pack, f.code, 'zh')} {_title(pack, f.code, 'en')}".strip())
    listed = short_list(list(dict.fromkeys(items)), limit=6, sep="；")
    return (f"不符合：{len(findings)} 项问题（{listed}）", f"not met: {len(findings)} finding(s) ({listed})")


def assessment_rows(project: Project, result: CheckResult, pack: RulePack) -> list[AssessmentRow]:
    """The checklist of the pack's impact assessment, each row judged from the findings and the venue.

    A row is ``not_met`` while a finding of its ``not_met_while`` codes stands or one of the venue facts it
    ``needs`` is empty (or face data is not kept on the device where the row asks for it); rows marked
    ``verify_on_site`` cannot be judged from the plan.
    """
    venue = project.venue
    on_device = {v.lower() for v in pack.assessment.get("on_device_storage", [])}
    rows = []
    for item in pack.assessment.get("checklist", []):
        impact = (item["impact"]["zh"], item["impact"]["en"])
        mitigation = (item["mitigation"]["zh"], item["mitigation"]["en"])
        cites = tuple(pack.cite(c) for c in item.get("cites", []))
        if item.get("verify_on_site"):
            rows.append(AssessmentRow(item["id"], impact, mitigation, "verify", ("现场核实", "verify on site"),
                                      citations=cites))
            continue
        hits = tuple(f for f in result.findings if f.code in item.get("not_met_while", []))
        missing = [name for name in item.get("needs", []) if not venue_fact(venue, name)]
        reasons_zh, reasons_en = [], []
        if hits:
            zh, en = _finding_evidence(hits, project, pack)
            reasons_zh.append(zh)
            reasons_en.append(en)
        if missing:
            names = [_field_label(pack, name) for name in missing]
            reasons_zh.append("未填写：" + "、".join(n[0] for n in names))
            reasons_en.append("not stated: " + ", ".join(n[1] for n in names))
        storage = venue_fact(venue, "storage")
        if item.get("storage_on_device") and storage and storage.lower() not in on_device:
            reasons_zh.append(f"存储方式“{storage}”不是存储于设备内")
            reasons_en.append(f"storage \"{storage}\" is not on the device")
        if reasons_zh:
            rows.append(AssessmentRow(item["id"], impact, mitigation, "not_met",
                                      ("；".join(reasons_zh), "; ".join(reasons_en)), hits, cites))
            continue
        facts = [venue_fact(venue, name) for name in item.get("needs", [])]
        zh, en = bilingual(" / ".join(x for x in facts if x)) if facts else ("", "")
        rows.append(AssessmentRow(item["id"], impact, mitigation, "met",
                                  ("符合" + (f"：{zh}" if zh else ""), "met" + (f": {en}" if en else "")),
                                  citations=cites))
    return rows


def _status_cell(status: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    zh, en, colour = _ROW_STATUS[status]
    return Paragraph(f'<font color="{colour.hexval()}">■</font> {esc(zh)}<br/>{esc(en)}', st["cell"])


def _rows_table(rows: Sequence[AssessmentRow], width: float, st: dict[str, ParagraphStyle]) -> Table:
    head = ["结果\nResult", "影响 Impact on individuals", "降低不利影响的措施 Mitigation", "本项目 This project"]
    cite_style = ParagraphStyle("cite", parent=st["cell"], textColor=style.GREY_DARK)
    data: list[list[Any]] = [[para(h, st["cell_head"]) for h in head]]
    for row in rows:
        mitigation: list[Flowable] = [para(f"{row.mitigation[0]} {row.mitigation[1]}", st["cell"])]
        if row.citations:
            mitigation.append(para(cite_line(list(row.citations), "zh"), cite_style))
        data.append([_status_cell(row.status, st), para(f"{row.impact[0]} {row.impact[1]}", st["cell"]),
                     mitigation, para(f"{row.evidence[0]} · {row.evidence[1]}", st["cell"])])
    t = Table(data, colWidths=[46, (width - 46) * 0.24, (width - 46) * 0.4, (width - 46) * 0.36], repeatRows=1)
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), style.NAVY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, style.GREY_LIGHT),
                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return t


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


def _keep_until(date: str, years: int) -> str:
    try:
        d = _dt.date.fromisoformat(date)
    except ValueError:
        return ""
    try:
        return d.replace(year=d.year + years).isoformat()
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28).isoformat()


def _both(value: str) -> str:
    zh, en = bilingual(value)
    return " / ".join(dict.fromkeys(x for x in (zh, en) if x))


def _facts_section(project: Project, pack: RulePack, schedules: Schedules, st: dict[str, ParagraphStyle],
                   width: float) -> list[Flowable]:
    venue = project.venue
    fr_rows = [r for r in schedules.cameras if r["face_recognition_key"]]
    rows: list[tuple[str, Any]] = []
    bad = ParagraphStyle("bad", parent=st["body"], textColor=style.RED)
    for fact in pack.assessment.get("facts", []):
        label = f"{fact['label']['zh']} {fact['label']['en']}"
        value = _both(venue_fact(venue, fact["field"]))
        if fact["field"] == "method" and not value:
            value = (f"{len(fr_rows)} 台人脸识别摄像机 face-recognition cameras: "
                     + short_list([f"{r['no']} {r['id']}" for r in fr_rows]))
        cites = [pack.cite(c) for c in fact.get("cites", [])]
        note = f"（{cite_line(cites, 'zh')}）" if cites else ""
        if value:
            rows.append((label, value))
        elif fact.get("required"):
            rows.append((label, Paragraph(esc(f"未填写，必须说明 not stated: required {note}"), bad)))
        else:
            rows.append((label, "未填写 not stated"))
    rows.append(("采集区域 Collection areas", short_list(
        [f"{r['no']} {r['level']} ({r['x_m']:.1f}, {r['y_m']:.1f}) {r['heading_deg']:.0f}°" for r in fr_rows],
        sep="; ")))
    people = venue.expected_enrolled_people
    rows.append(("预计人数 Expected enrolled people", f"{people:,}" if people is not None else "未填写 not stated"))
    return [para("1. 处理目的和方式的合法性、正当性、必要性 "
                 "Lawfulness, legitimacy and necessity of purpose and method", st["h2"]),
            KeyValueTable(rows, (130, width - 130), st=st)]


def _risks_section(project: Project, pack: RulePack, st: dict[str, ParagraphStyle],
                   width: float) -> list[Flowable]:
    names = {k: f"{v['name']['zh']} {v['name']['en']}" for k, v in pack.assessment.get("measures", {}).items()}
    in_place = set(project.venue.security_measures)
    rows = []
    for risk in pack.assessment.get("risks", []):
        needed = list(risk.get("measures", []))
        have = [m for m in needed if m in in_place]
        rows.append(_check_row(len(have) == len(needed), f"{risk['risk']['zh']} {risk['risk']['en']}",
                               f"{risk['control']['zh']} · {risk['control']['en']}", st,
                               ", ".join(names.get(m, m) for m in have) or "无 none"))
    heading = para("3. 泄露、篡改、丢失、滥用的风险 Risks of leak, tampering, loss and misuse", st["h2"])
    out: list[Flowable] = [KeepTogether([heading, _checklist_table(rows, width, ["", "风险 Risk", "措施 Measures",
                                                                               "已具备 In place"], st)])]
    rows4 = []
    for key, measure in pack.assessment.get("measures", {}).items():
        rows4.append(_check_row(key in in_place, names[key], f"{measure['explain']['zh']} · {measure['explain']['en']}",
                                st, "已采取 in place" if key in in_place else "未采取 missing"))
    cites = [pack.cite(c) for c in pack.assessment.get("measures_cites", [])]
    heading = "4. 保护措施 Protection measures" + (f"（{cite_line(cites, 'zh')}）" if cites else "")
    out.append(KeepTogether([para(heading, st["h2"]),
                             _checklist_table(rows4, width, ["", "措施 Measure", "说明 What it means", "状态 Status"],
                                              st)]))
    return out


def _filing_text(project: Project, pack: RulePack) -> str:
    people = project.venue.expected_enrolled_people
    threshold = pack.filing_threshold
    filing = pack.assessment.get("filing", {})
    authority = filing.get("authority", {"zh": "网信部门", "en": "the cyberspace administration"})
    days = filing.get("working_days", 30)
    if people is None:
        return "无法判断：未填写预计人数 Unknown: the expected number of enrolled people is not given"
    if people >= threshold:
        return (f"需要备案：预计 {people:,} 人 ≥ {threshold:,} 人，须在达到之日起 {days} 个工作日内向"
                f"{authority['zh']}备案。 Filing required: {people:,} ≥ {threshold:,} people; file with "
                f"{authority['en']} within {days} working days.")
    return (f"暂不需要备案：预计 {people:,} 人，低于 {threshold:,} 人。"
            f" No filing needed yet: {people:,} people, under {threshold:,}.")


def _assessment(project: Project, result: CheckResult, pack: RulePack, schedules: Schedules,
                st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    venue = project.venue
    spec = pack.assessment
    title = spec.get("title", {"zh": "个人信息保护影响评估", "en": "Personal-information protection impact assessment"})
    cites = [pack.cite(c) for c in spec.get("cites", [])]
    story: list[Flowable] = [para(f"{title['zh']} {title['en']}", st["h1"])]
    basis = cite_line(cites, "zh")
    story.append(para(f"依据{basis}，由本项目的检查结果和场所信息得出，评估人应逐项核实。"
                      f" Under {cite_line(cites, 'en')}; derived from this project's findings and venue facts, "
                      "to be verified item by item by the assessor.", st["note"]))
    if result.face_recognition_cameras == 0 or not spec:
        story.append(para("本项目未使用人脸识别，无需进行人脸识别个人信息保护影响评估；视频监控仍须遵守"
                          "《公共安全视频图像信息系统管理条例》。 The project uses no face recognition, so no face-"
                          "recognition impact assessment is required; the CCTV still falls under the video-system "
                          "regulation.", st["body"]))
        return story
    story += _facts_section(project, pack, schedules, st, width)
    rows = assessment_rows(project, result, pack)
    # a long table may continue on the next page (its header repeats): no half-empty page before it
    story += [CondPageBreak(120), para("2. 对个人权益的影响及降低不利影响的措施 Impact on individuals and mitigations",
                                        st["h2"]), _rows_table(rows, width, st)]
    story += _risks_section(project, pack, st, width)
    missing = "未填写 not stated"
    s_zh, s_en = storage_statement(venue.storage)
    m_zh_all, m_en_all = measures(venue)
    story.append(KeepTogether([
        para("5. 替代方式 Alternative to face recognition", st["h2"]),
        para(_both(venue.alternative) or "未提供：须为不同意人脸识别的个人提供其他合理、便捷的方式。"
             " None: people who refuse face recognition must be offered another reasonable, convenient way.",
             st["body"])]))
    story.append(KeepTogether([
        para("6. 存储和保存期限 Storage and retention", st["h2"]),
        KeyValueTable([("存储 Storage", f"{s_zh} / {s_en}" if s_zh and s_en and s_zh != s_en else
                        (s_zh or s_en or missing)),
                       ("保存期限 Retention", _both(venue.retention) or missing),
                       ("安全措施 Security measures", f"{m_zh_all} / {m_en_all}" if m_zh_all else "无 none")],
                      (130, width - 130), st=st)]))
    filing_cites = [pack.cite(c) for c in spec.get("filing", {}).get("cites", [])]
    story.append(KeepTogether([para("7. 备案 Filing" + (f"（{cite_line(filing_cites, 'zh')}）" if filing_cites else ""),
                                    st["h2"]),
                               KeyValueTable([("结论 Result", _filing_text(project, pack)),
                                              ("备案编号 Filing reference", venue.filing_reference or "—")],
                                             (130, width - 130), st=st)]))
    years = int(spec.get("record_years", RECORD_YEARS))
    assessed = venue.impact_assessment_date.strip()
    until = _keep_until(assessed, years) if assessed else ""
    story.append(KeepTogether([
        para("8. 记录保存 Record keeping", st["h2"]),
        para(f"本评估报告和处理情况记录应当至少保存 {years} 年。"
             f" Keep this assessment report and the processing records for at least {years} years.", st["body"]),
        KeyValueTable([("评估日期 Assessment date", assessed or "待填写 to be completed"),
                       ("保存至 Keep until", until or f"评估日期起 {years} 年 {years} years from the assessment date")],
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


def _all_citations(pack: RulePack) -> list[tuple[Citation, list[str]]]:
    """Every citation of the pack with the titles of the rules and checklist rows that rest on it."""
    found: dict[Citation, list[str]] = {}

    def add(raw: Sequence[dict[str, Any]], title: str) -> None:
        for c in raw:
            cite = pack.cite(c)
            found.setdefault(cite, [])
            if title not in found[cite]:
                found[cite].append(title)

    for code, rule in pack.data["rules"].items():
        title = f"{pack.title(code, 'zh')} {pack.title(code, 'en')}"
        if "cites" in rule:
            add(rule["cites"], title)
            add(rule.get("cites_fr", []), title)
            for cites in (rule.get("cites_by_sign_kind") or {}).values():
                add(cites, title)
        else:
            add([{"reference": rule["reference"], "provision": rule.get("article") or {}}], title)
    spec = pack.assessment
    add(spec.get("cites", []), "影响评估 Impact assessment")
    for item in spec.get("checklist", []):
        add(item.get("cites", []), f"{item['impact']['zh']} {item['impact']['en']}")
    for fact in spec.get("facts", []):
        add(fact.get("cites", []), f"{fact['label']['zh']} {fact['label']['en']}")
    add(spec.get("measures_cites", []), "保护措施 Protection measures")
    add(spec.get("filing", {}).get("cites", []), "备案 Filing")
    return list(found.items())


def _references(pack: RulePack, st: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = [para("法律依据 Legal references", st["h1"])]
    cited = _all_citations(pack)
    for key, ref in pack.data.get("references", {}).items():
        rows = []
        for cite, users in cited:
            if cite.reference != key or not (cite.provision_zh or cite.article_zh):
                continue
            article = f"{cite.article_zh} {cite.article_en}".strip() or "—"
            rows.append([article, f"{cite.provision_zh}\n{cite.provision_en}".strip(), "\n".join(users)])
        if not rows:
            continue
        head: list[Flowable] = [para(ref.get("zh", ""), st["h2"]), para(ref.get("en", ""), st["note"])]
        if ref.get("source"):
            head.append(para(f"来源 Source: {ref['source']}", st["note"]))
        rows.sort(key=lambda r: (r[0] == "—", _article_number(r[0])))
        table = data_table(["条款 Article", "规定 Provision", "本报告中 Used for"], rows,
                           [width * 0.14, width * 0.56, width * 0.3], st=st)
        story += [CondPageBreak(140), *head, table, Spacer(1, 6)]
    return story


def _article_number(article: str) -> int:
    """The number of ``第五十六条 Art. 56`` (its English part), for sorting; 0 when there is none.

    >>> _article_number("第五十六条 Art. 56"), _article_number("—")
    (56, 0)
    """
    digits = "".join(ch for ch in article.split("Art.")[-1] if ch.isdigit())
    return int(digits) if digits and "Art." in article else 0


def report_pdf_bytes(project: Project, *, result: CheckResult,
                     engine: ComplianceEngine | None = None) -> tuple[bytes, int]:
    """The report of ``result`` (of :func:`planner.rules.check_project`) in memory, and its page count.

    Pass the check's long-lived ``engine`` to reuse the coverage already computed.
    """
    pack = load_rule_pack(result.rule_pack)
    own = engine is None or engine.project is not project or engine.pack.id != pack.id
    if own:
        engine = ComplianceEngine(project, pack)
    assert engine is not None
    try:
        return _report(project, result, pack, engine)
    finally:
        if own:
            engine.close()


def _report(project: Project, result: CheckResult, pack: RulePack,
            engine: ComplianceEngine) -> tuple[bytes, int]:
    schedules = build_schedules(project, result)
    st = styles()
    width = PAGE[0] - 2 * MARGIN
    story: list[Flowable] = _summary(project, result, pack, schedules, st, width)
    story.append(CondPageBreak(PAGE[1] * 0.45))  # the findings start on a fresh page unless much is left
    story += _findings(project, result, pack, engine, schedules, st, width)
    story.append(CondPageBreak(PAGE[1] * 0.45))  # the assessment starts on a fresh page unless much is left
    story += _assessment(project, result, pack, schedules, st, width)
    story.append(CondPageBreak(220))
    story.append(Spacer(1, 12))
    story += _references(pack, st, width)
    return build_document(project, story, pagesize=PAGE,
                          title=f"{project.venue.name}: compliance and impact-assessment report 合规与影响评估报告",
                          subject="Compliance and impact-assessment report",
                          running_title="合规检查与影响评估报告 Compliance & impact assessment",
                          date=document_date(project.venue))


def write_report_pdf(project: Project, path: str | Path, *, result: CheckResult,
                     engine: ComplianceEngine | None = None) -> int:
    """Write the compliance and impact-assessment report to ``path`` atomically; return the number of pages."""
    data, pages = report_pdf_bytes(project, result=result, engine=engine)
    atomic_write(path, data)
    return pages
