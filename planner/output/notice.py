"""What a notice says (Art. 5 of the FR measures) and the full notice sheet, the second layer.

The first-layer sign (:mod:`planner.output.signs`) and the full A4 notice
sheet take their facts from here, so that both say the same thing. Venue
values are free text; a value written as ``English 中文`` is split into its
two languages, ``30 days`` gets a Chinese form, and the storage keyword
``on-device`` becomes the sentence that face data stays on the device.

>>> from planner.model import Venue
>>> items = sign_items(Venue(operator="Harbour Hotel 海港酒店", retention="30 days"), "fr_notice")
>>> [(i.key, i.zh, i.en) for i in items][:1]
[('operator', '海港酒店', 'Harbour Hotel')]
>>> next(i for i in items if i.key == "retention").zh
'30 天'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from planner.model import Project, Venue
from planner.output import style
from planner.output.pictograms import draw_pictogram
from planner.output.qr import draw_qr
from planner.output.text import localise_duration, split_bilingual, wrap

__all__ = [
    "HEADLINES",
    "SUBLINES",
    "LABELS",
    "NoticeItem",
    "bilingual",
    "storage_statement",
    "sign_items",
    "missing_items",
    "NoticeSection",
    "notice_sections",
    "draw_notice_sheet",
]

#: Headline of each sign kind: (Chinese, English).
HEADLINES: dict[str, tuple[str, str]] = {
    "fr_notice": ("人脸识别区域", "Facial recognition in use"),
    "cctv_notice": ("视频监控区域", "CCTV in operation"),
}
#: One-line explanation under the headline.
SUBLINES: dict[str, tuple[str, str]] = {
    "fr_notice": ("本区域的摄像机使用人脸识别技术", "Cameras in this area recognise faces"),
    "cctv_notice": ("本区域已安装视频图像采集设备", "Video cameras record images in this area"),
}
#: Labels of the notice facts: key -> (Chinese, English).
LABELS: dict[str, tuple[str, str]] = {
    "operator": ("处理者", "Operator"),
    "contact": ("联系方式", "Contact"),
    "purpose": ("处理目的", "Purpose"),
    "method": ("处理方式", "Method"),
    "necessity": ("必要性及影响", "Necessity and impact"),
    "retention": ("保存期限", "Retention"),
    "storage": ("存储方式", "Storage"),
    "rights": ("您的权利", "Your rights"),
    "alternative": ("替代方式", "Alternative"),
    "consent": ("单独同意", "Consent"),
    "security": ("安全措施", "Security"),
    "notice_url": ("完整告知", "Full notice"),
    "basis": ("法律依据", "Legal basis"),
}
_ON_DEVICE = {"on-device", "on device", "device", "local", "on-premises device", "本地", "设备", "设备本地", "本机"}
_ON_DEVICE_TEXT = ("人脸信息存储在采集设备内，不通过互联网对外传输",
                   "Face data stays on the device and is not sent over the internet")
_MEASURE_NAMES: dict[str, tuple[str, str]] = {
    "encryption": ("加密", "encryption"),
    "security_audit": ("安全审计", "security audit"),
    "access_control": ("访问控制", "access control"),
    "authorisation_management": ("授权管理", "authorisation management"),
    "intrusion_detection": ("入侵检测", "intrusion detection"),
}
def bilingual(value: str) -> tuple[str, str]:
    """``(zh, en)`` of a free-text venue value (see :func:`planner.output.text.split_bilingual`)."""
    zh, en = split_bilingual(value)
    if not zh and en:
        zh = localise_duration(en)
    return zh, en


def storage_statement(storage: str) -> tuple[str, str]:
    """``(zh, en)`` for the storage field: the on-device sentence for the ``on-device`` keyword."""
    if storage.strip().lower() in _ON_DEVICE:
        return _ON_DEVICE_TEXT
    return bilingual(storage)


def measures(venue: Venue) -> tuple[str, str]:
    """The venue's security measures as ``(zh, en)`` lists."""
    names = [_MEASURE_NAMES[m] for m in venue.security_measures if m in _MEASURE_NAMES]
    return "、".join(n[0] for n in names), ", ".join(n[1] for n in names)


@dataclass
class NoticeItem:
    """One fact of a notice: its labels, its value in each language, and whether it is missing."""

    key: str
    label_zh: str
    label_en: str
    zh: str
    en: str
    missing: bool = False

    def lines(self, languages: Sequence[str]) -> list[tuple[str, str]]:
        """``(lang, text)`` pairs to print, Chinese first; a value in one language only is printed once."""
        out = []
        if "zh" in languages and self.zh:
            out.append(("zh", self.zh))
        if "en" in languages and self.en and self.en != self.zh:
            out.append(("en", self.en))
        if not out and (self.zh or self.en):
            out.append(("zh" if self.zh else "en", self.zh or self.en))
        return out


def _item(key: str, zh: str, en: str) -> NoticeItem:
    label_zh, label_en = LABELS[key]
    return NoticeItem(key, label_zh, label_en, zh, en, missing=not (zh or en))


def sign_items(venue: Venue, kind: str) -> list[NoticeItem]:
    """The facts a first-layer sign of ``kind`` prints, in reading order.

    FR signs carry the facts of Art. 5 (operator, contact, purpose, retention,
    on-device storage, rights) and the alternative of Art. 10; CCTV signs name
    the operator and the contact.
    """
    items = [_item("operator", *bilingual(venue.operator)), _item("contact", *bilingual(venue.contact))]
    if kind != "fr_notice":
        return items
    items += [
        _item("purpose", *bilingual(venue.purpose)),
        _item("retention", *bilingual(venue.retention)),
        _item("storage", *storage_statement(venue.storage)),
        _item("rights", *bilingual(venue.rights)),
        _item("alternative", *bilingual(venue.alternative)),
    ]
    return items


def missing_items(venue: Venue, kind: str) -> list[str]:
    """Keys of the facts a sign of ``kind`` would print as blanks."""
    return [i.key for i in sign_items(venue, kind) if i.missing]


# -- the full notice sheet ----------------------------------------------------------
@dataclass
class NoticeSection:
    """A section of the full notice: title and text in each language."""

    key: str
    title_zh: str
    title_en: str
    zh: str
    en: str


def _join(*parts: str, sep: str = " ") -> str:
    return sep.join(p for p in parts if p)


def _fr_areas(project: Project) -> tuple[str, str, int]:
    """Names of the zones that hold FR cameras, ``(zh, en, camera count)``."""
    zh_names: list[str] = []
    en_names: list[str] = []
    count = 0
    from planner.geometry.convert import to_point, to_polygon

    for level in project.levels:
        zones = [(z, to_polygon(z.polygon)) for z in level.zones]
        for cam in level.cameras:
            if not cam.face_recognition:
                continue
            count += 1
            where = to_point(cam.position)
            zone = next((z for z, g in zones if g.buffer(0.3).contains(where)), None)
            if zone is None:
                continue
            zh, en = bilingual(zone.name or zone.use.replace("_", " "))
            level_zh, level_en = bilingual(level.name or level.id)
            zh_name = f"{level_zh or level_en}{zh or en}"
            en_name = f"{en or zh} ({level_en or level_zh})"
            if zh_name not in zh_names:
                zh_names.append(zh_name)
            if en_name not in en_names:
                en_names.append(en_name)
    limit = 8
    more_zh = f"等 {len(zh_names)} 处" if len(zh_names) > limit else ""
    more_en = f" and {len(en_names) - limit} more" if len(en_names) > limit else ""
    return "、".join(zh_names[:limit]) + more_zh, "; ".join(en_names[:limit]) + more_en, count


def notice_sections(project: Project) -> list[NoticeSection]:
    """The sections of the full notice (Art. 5, 6, 7, 8, 10 and 14 of the FR measures)."""
    from planner.rules import load_rule_pack

    venue = project.venue
    op_zh, op_en = bilingual(venue.operator)
    ct_zh, ct_en = bilingual(venue.contact)
    sections = [NoticeSection(
        "operator", "处理者及联系方式", "Operator and contact",
        _join(op_zh or op_en, f"联系方式：{ct_zh or ct_en}" if (ct_zh or ct_en) else "", sep="；"),
        _join(op_en or op_zh, f"Contact: {ct_en or ct_zh}" if (ct_zh or ct_en) else "", sep="; "),
    )]
    p_zh, p_en = bilingual(venue.purpose)
    sections.append(NoticeSection("purpose", "处理目的", "Purpose", p_zh or p_en, p_en or p_zh))
    m_zh, m_en = bilingual(venue.method)
    areas_zh, areas_en, count = _fr_areas(project)
    where_zh = f"人脸识别摄像机（共 {count} 台）设于：{areas_zh}。" if areas_zh else ""
    where_en = f"Face-recognition cameras ({count}) operate in: {areas_en}." if areas_en else ""
    sections.append(NoticeSection("method", "处理方式", "Method", _join(m_zh or m_en, where_zh),
                                  _join(m_en or m_zh, where_en)))
    n_zh, n_en = bilingual(venue.necessity)
    impact_zh = ("人脸信息属于敏感个人信息，一旦泄露或者被非法使用，可能危害人身、财产安全。"
                 "我们仅在上述区域、为上述目的处理，并采取下列保护措施。")
    impact_en = ("Face data is sensitive personal information: if leaked or misused it can harm your safety "
                 "or property. We process it only in the areas and for the purpose above, under the "
                 "protection measures below.")
    sections.append(NoticeSection("necessity", "必要性及对个人权益的影响", "Necessity and impact on you",
                                  _join(n_zh or n_en, impact_zh), _join(n_en or n_zh, impact_en)))
    r_zh, r_en = bilingual(venue.retention)
    sections.append(NoticeSection("retention", "保存期限", "Retention",
                                  _join(r_zh or r_en, "，期满后删除。" if (r_zh or r_en) else "", sep=""),
                                  _join(r_en or r_zh, "; deleted afterwards." if (r_zh or r_en) else "", sep="")))
    s_zh, s_en = storage_statement(venue.storage)
    sec_zh, sec_en = measures(venue)
    sections.append(NoticeSection(
        "storage", "存储与安全", "Storage and security",
        _join(s_zh or s_en, f"采取的安全措施：{sec_zh}。" if sec_zh else "", sep="。" if s_zh else ""),
        _join(s_en or s_zh, f"Security measures: {sec_en}." if sec_en else "", sep=". " if s_en else ""),
    ))
    g_zh, g_en = bilingual(venue.rights)
    sections.append(NoticeSection(
        "rights", "您的权利", "Your rights",
        _join("您有权查阅、复制、更正、删除您的人脸信息，并可撤回同意。", g_zh or g_en),
        _join("You may access, copy, correct or delete your face data and withdraw your consent.", g_en or g_zh),
    ))
    sections.append(NoticeSection(
        "consent", "单独同意", "Consent",
        "处理您的人脸信息前，将取得您的单独同意；不满十四周岁的未成年人，须取得其父母或者其他监护人的同意。",
        "We ask for your separate consent before processing your face data; for children under 14, "
        "the consent of a parent or guardian.",
    ))
    a_zh, a_en = bilingual(venue.alternative)
    sections.append(NoticeSection(
        "alternative", "不同意人脸识别时的替代方式", "If you do not want facial recognition",
        _join("您可以拒绝人脸识别，选择：", a_zh or a_en, sep="") if (a_zh or a_en) else "",
        _join("You may refuse it and choose instead:", a_en or a_zh) if (a_zh or a_en) else "",
    ))
    try:
        pack = load_rule_pack(venue.rule_pack)
        refs = pack.data.get("references", {})
        basis_zh = "；".join(str(r.get("zh", "")) for r in refs.values())
        basis_en = "; ".join(str(r.get("en", "")) for r in refs.values())
    except Exception:  # an unknown rule pack only loses this section
        basis_zh = basis_en = ""
    if basis_zh or basis_en:
        sections.append(NoticeSection("basis", "法律依据", "Legal basis", basis_zh, basis_en))
    return sections


def draw_notice_sheet(canvas: Canvas, project: Project, width: float, height: float) -> None:
    """Draw the full notice on one page of ``width`` × ``height`` points (A4 portrait)."""
    venue = project.venue
    langs = venue.languages
    both = "zh" in langs and "en" in langs
    m = style.mm(14)
    frame = style.mm(7)
    canvas.saveState()
    canvas.setStrokeColor(style.NAVY)
    canvas.setLineWidth(style.mm(1.6))
    canvas.roundRect(frame, frame, width - 2 * frame, height - 2 * frame, style.mm(4), stroke=1, fill=0)
    # header: pictogram, title, operator
    tile = style.mm(30)
    top = height - m
    draw_pictogram(canvas, "fr_notice", m, top - tile, tile)
    tx = m + tile + style.mm(6)
    tw = width - m - tx
    if "zh" in langs:
        style.draw_text(canvas, tx, top - style.mm(9), "人脸识别个人信息处理告知", 21, bold=True, color=style.NAVY)
    if "en" in langs:
        y_en = top - style.mm(17) if "zh" in langs else top - style.mm(9)
        style.draw_text(canvas, tx, y_en, "Notice on the processing of face data", 14 if both else 20,
                        bold="zh" not in langs, color=style.NAVY)
    op_zh, op_en = bilingual(venue.operator)
    operator = _join(op_zh, op_en, sep=" · ") if both else (op_zh or op_en)
    op_lines = wrap(operator or "—", 10, tw)[:2]
    for i, line in enumerate(op_lines):
        style.draw_text(canvas, tx, top - style.mm(24) - i * 12, line, 10, color=style.GREY_DARK)
    y = top - tile - style.mm(5)
    canvas.setStrokeColor(style.NAVY)
    canvas.setLineWidth(style.mm(0.5))
    canvas.line(m, y, width - m, y)
    # footer: QR code and where to ask
    footer_h = style.mm(34)
    bottom = m
    if venue.notice_url:
        q = style.mm(28)
        draw_qr(canvas, venue.notice_url, width - m - q, bottom, q)
        lines = []
        if "zh" in langs:
            lines.append(("扫码查看本告知的电子版并行使您的权利", 10))
        if "en" in langs:
            lines.append(("Scan for this notice online and to exercise your rights", 9))
        lines.append((venue.notice_url, 9))
        yy = bottom + q - 12
        for text, size in lines:
            for line in wrap(text, size, width - 2 * m - q - style.mm(6)):
                style.draw_text(canvas, m, yy, line, size, color=style.GREY_DARK)
                yy -= size * 1.35
    ct_zh, ct_en = bilingual(venue.contact)
    contact = ct_zh or ct_en
    if contact:
        label = "咨询 / Questions: " if both else ("咨询：" if "zh" in langs else "Questions: ")
        style.draw_text(canvas, m, bottom + style.mm(2), label + contact, 10, color=style.NAVY, bold=True)
    if venue.report_date:
        label = "更新日期 / Updated " if both else ("更新日期 " if "zh" in langs else "Updated ")
        style.draw_text(canvas, m, bottom + style.mm(2) + 14, label + venue.report_date, 8, color=style.GREY)
    # body: sections, two columns (Chinese left, English right) or one
    body_top = y - style.mm(5)
    body_bottom = bottom + footer_h
    sections = notice_sections(project)
    gap = style.mm(7)
    col_w = (width - 2 * m - gap) / 2 if both else width - 2 * m

    langs_used = [lang for lang in ("zh", "en") if lang in langs]

    def section_lines(s: NoticeSection, lang: str, size: float) -> tuple[str, list[str]]:
        title = s.title_zh if lang == "zh" else s.title_en
        text = (s.zh if lang == "zh" else s.en) or "—"
        return title, wrap(text, size, col_w)

    def section_height(s: NoticeSection, size: float) -> float:
        return max(size * 1.08 * 1.3 + len(section_lines(s, lang, size)[1]) * size * 1.42
                   for lang in langs_used) + size * 0.6

    size = 7.0
    for candidate in (11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0):
        if sum(section_height(s, candidate) for s in sections) <= body_top - body_bottom:
            size = candidate
            break
    # the Chinese and English text of a section start on the same line
    y = body_top
    for s in sections:
        h = section_height(s, size)
        if y - h < body_bottom - size:
            break
        for i, lang in enumerate(langs_used):
            x = m + i * (col_w + gap)
            title, lines = section_lines(s, lang, size)
            yy = y - size * 1.08
            style.draw_text(canvas, x, yy, title, size * 1.08, bold=True, color=style.NAVY)
            yy -= size * 1.08 * 0.3 + size * 1.42
            for line in lines:
                style.draw_text(canvas, x, yy + size * 0.3, line, size, color=colors.black)
                yy -= size * 1.42
        y -= h
    canvas.restoreState()
