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

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from planner.model import Project, Venue
from planner.output import style
from planner.output.fonts import string_width
from planner.output.pictograms import draw_pictogram
from planner.output.qr import draw_qr
from planner.output.text import has_cjk, localise_duration, split_bilingual, wrap

__all__ = [
    "HEADLINES",
    "SUBLINES",
    "LABELS",
    "NoticeItem",
    "bilingual",
    "storage_statement",
    "MISSING_TEXT",
    "DRAFT_MARK",
    "required_facts",
    "sign_items",
    "missing_items",
    "notice_gaps",
    "fr_method",
    "NoticeSection",
    "notice_sections",
    "draw_notice_sheet",
]

#: Headline of each sign kind: (Chinese, English).
HEADLINES: dict[str, tuple[str, str]] = {
    "fr_notice": ("人脸识别区域", "Facial recognition in use"),
    "cctv_notice": ("视频监控区域", "CCTV in operation"),
}
#: The sentence under the headline, as a public notice says it.
SUBLINES: dict[str, tuple[str, str]] = {
    "fr_notice": ("本区域设有人脸识别设备", "Face-recognition cameras operate in this area"),
    "cctv_notice": ("您已进入视频监控区域", "You are entering an area under CCTV"),
}
#: Labels of the notice facts: key -> (Chinese, English).
LABELS: dict[str, tuple[str, str]] = {
    "operator": ("处理者", "Operator"),
    "cctv_operator": ("管理单位", "Operator"),
    "contact": ("联系方式", "Contact"),
    "purpose": ("处理目的", "Purpose"),
    "cctv_purpose": ("监控目的", "Purpose"),
    "method": ("处理方式", "Method"),
    "necessity": ("必要性及影响", "Necessity and impact"),
    "retention": ("保存期限", "Retention"),
    "storage": ("存储方式", "Storage"),
    "rights": ("行使权利", "Your rights"),
    "alternative": ("替代方式", "Alternative"),
    "consent": ("单独同意", "Consent"),
    "security": ("安全措施", "Security"),
    "notice_url": ("完整告知", "Full notice"),
    "more": ("了解更多", "More information"),
    "basis": ("法律依据", "Legal basis"),
}
#: What a missing fact prints as, only ever on a page marked DRAFT.
MISSING_TEXT = ("（待填写）", "(to be completed)")
#: The DRAFT mark of signs and notice sheets whose required facts are missing.
DRAFT_MARK = "草稿 DRAFT: notice incomplete"
#: Facts every CCTV sign names when the rule pack does not list its own (``cctv_notice_fields``).
CCTV_FIELDS_DEFAULT = ("operator", "contact")
#: Purpose printed on CCTV signs unless the venue states its own (``cctv_purpose``).
CCTV_PURPOSE_DEFAULT = ("维护公共安全", "Public safety and security")
_ON_DEVICE = {"on-device", "on device", "device", "local", "on-premises device", "本地", "设备", "设备本地", "本机"}
_ON_DEVICE_TEXT = ("人脸信息仅存储在设备内，不经互联网传输",
                   "Face data stays on the device, not sent over the internet")
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


def _pack_data(venue: Venue) -> dict[str, Any]:
    from planner.rules import load_rule_pack

    try:
        return load_rule_pack(venue.rule_pack).data
    except Exception:  # an unknown rule pack is reported by the check; the notice falls back to Art. 5
        return {}


def required_facts(venue: Venue, kind: str) -> list[str]:
    """Venue fields the rule pack requires on a notice of ``kind``, in reading order.

    ``kind`` is ``fr_notice``, ``cctv_notice`` or ``notice_sheet`` (the full
    face-recognition notice). Face recognition needs the pack's
    ``fr_notice_fields``, the alternative when the pack checks it
    (``NO_ALTERNATIVE``, Art. 10) and, on the notice sheet, the necessity when
    the pack checks it (``NECESSITY_NOT_STATED``); CCTV signs need the pack's
    ``cctv_notice_fields`` (the operator and the contact by default).

    >>> required_facts(Venue(), "cctv_notice")
    ['operator', 'contact']
    >>> required_facts(Venue(), "fr_notice")
    ['operator', 'contact', 'purpose', 'retention', 'storage', 'rights', 'alternative']
    """
    data = _pack_data(venue)
    rules = data.get("rules", {})
    if kind == "cctv_notice":
        return list(data.get("cctv_notice_fields", CCTV_FIELDS_DEFAULT))
    keys = list(data.get("fr_notice_fields", ("operator", "contact", "purpose", "retention", "storage", "rights")))
    if "NO_ALTERNATIVE" in rules or not data:
        keys.append("alternative")
    if kind == "notice_sheet" and "NECESSITY_NOT_STATED" in rules:
        keys.append("necessity")
    return list(dict.fromkeys(keys))


def missing_items(venue: Venue, kind: str) -> list[str]:
    """Keys of the facts the rule pack requires on a notice of ``kind`` that the venue leaves empty."""
    return [key for key in required_facts(venue, kind) if not str(getattr(venue, key, "") or "").strip()]


def notice_gaps(project: Project, kinds: Sequence[str]) -> dict[str, list[str]]:
    """Missing required facts per notice kind printed (``kinds``; ``notice_sheet`` for the full notice)."""
    out = {}
    for kind in dict.fromkeys(kinds):
        missing = missing_items(project.venue, kind)
        if missing:
            out[kind] = missing
    return out


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
        if self.missing:
            return [(lang, MISSING_TEXT[0] if lang == "zh" else MISSING_TEXT[1])
                    for lang in ("zh", "en") if lang in languages]
        out = []
        if "zh" in languages and self.zh:
            out.append(("zh", self.zh))
        if "en" in languages and self.en and self.en != self.zh:
            out.append(("en", self.en))
        if not out and (self.zh or self.en):
            out.append(("zh" if self.zh else "en", self.zh or self.en))
        return out


def _item(key: str, zh: str, en: str, *, label: str | None = None) -> NoticeItem:
    label_zh, label_en = LABELS[label or key]
    return NoticeItem(key, label_zh, label_en, zh, en, missing=not (zh or en))


def fr_method(project: Project) -> tuple[str, str]:
    """How face data is collected: the venue's ``method`` and where the face-recognition cameras are."""
    venue = project.venue
    m_zh, m_en = bilingual(venue.method)
    areas_zh, areas_en, count = _fr_areas(project)
    where_zh = f"{count} 台人脸识别摄像机：{areas_zh}" if areas_zh else (
        f"{count} 台人脸识别摄像机" if count else "")
    where_en = f"{count} face-recognition camera{'s' if count != 1 else ''}: {areas_en}" if areas_en else (
        f"{count} face-recognition camera{'s' if count != 1 else ''}" if count else "")
    zh = "；".join(x for x in (m_zh or m_en, where_zh) if x)
    en = "; ".join(x for x in (m_en or m_zh, where_en) if x)
    return zh, en


def sign_items(venue: Venue, kind: str, project: Project | None = None) -> list[NoticeItem]:
    """The facts a first-layer sign of ``kind`` prints, in reading order.

    FR signs carry the facts of Art. 5 that fit a sign (operator, contact,
    purpose, method, retention, on-device storage, how to exercise rights) and
    the alternative of Art. 10; CCTV signs name the operator, the purpose and
    the contact (the 条例's first-layer notice). A required fact the venue
    leaves empty comes back ``missing``; an optional one is left out.
    """
    required = set(required_facts(venue, kind))
    if kind != "fr_notice":
        purpose = bilingual(str(venue.extra.get("cctv_purpose", "") or "")) if venue.extra.get("cctv_purpose") \
            else CCTV_PURPOSE_DEFAULT
        items = [_item("operator", *bilingual(venue.operator), label="cctv_operator"),
                 _item("purpose", *purpose, label="cctv_purpose"),
                 _item("contact", *bilingual(venue.contact))]
    else:
        method = fr_method(project) if project is not None else bilingual(venue.method)
        operator, contact = _item("operator", *bilingual(venue.operator)), _item("contact", *bilingual(venue.contact))
        if not operator.missing and not contact.missing:  # one row: the operator and how to reach it
            operator = NoticeItem("operator", operator.label_zh, operator.label_en,
                                  f"{operator.zh or operator.en}（联系方式：{contact.zh or contact.en}）",
                                  f"{operator.en or operator.zh} (contact: {contact.en or contact.zh})")
        items = [
            operator,
            *([contact] if contact.missing else []),
            _item("purpose", *bilingual(venue.purpose)),
            _item("method", *method),
            _item("retention", *bilingual(venue.retention)),
            _item("storage", *storage_statement(venue.storage)),
            _item("rights", *bilingual(venue.rights)),
            _item("alternative", *bilingual(venue.alternative)),
        ]
    return [i for i in items if (i.zh or i.en or i.key in required) and (not i.missing or i.key in required)]


# -- the full notice sheet ----------------------------------------------------------
@dataclass
class NoticeSection:
    """A section of the full notice: title and text in each language; ``missing`` when a required fact is empty."""

    key: str
    title_zh: str
    title_en: str
    zh: str
    en: str
    missing: bool = False


def _join(*parts: str, sep: str = " ") -> str:
    return sep.join(p for p in parts if p)


def _fr_areas(project: Project) -> tuple[str, str, int]:
    """Where the FR cameras are, grouped by level: ``(zh, en, camera count)``.

    >>> from planner.model import Camera, Level, Project, Venue, Zone
    >>> z = [Zone(id="a", name="Lobby 大堂", polygon=((0, 0), (4, 0), (4, 4), (0, 4))),
    ...      Zone(id="b", name="Reception 前台", polygon=((4, 0), (8, 0), (8, 4), (4, 4)))]
    >>> cams = [Camera(id="c1", position=(1, 1), face_recognition=True),
    ...         Camera(id="c2", position=(6, 1), face_recognition=True)]
    >>> _fr_areas(Project(venue=Venue(), levels=[Level(id="L1", name="Ground floor 首层", zones=z, cameras=cams)]))
    ('首层大堂、前台', 'Lobby, Reception (Ground floor)', 2)
    """
    from planner.geometry.convert import to_point, to_polygon

    zh_parts: list[str] = []
    en_parts: list[str] = []
    count = 0
    for level in project.levels:
        zones = [(z, to_polygon(z.polygon)) for z in level.zones]
        zh_names: list[str] = []
        en_names: list[str] = []
        for cam in level.cameras:
            if not cam.face_recognition:
                continue
            count += 1
            where = to_point(cam.position)
            zone = next((z for z, g in zones if g.buffer(0.3).contains(where)), None)
            if zone is None:
                continue
            zh, en = bilingual(zone.name or zone.use.replace("_", " "))
            if (zh or en) not in zh_names:
                zh_names.append(zh or en)
            if (en or zh) not in en_names:
                en_names.append(en or zh)
        if not zh_names:
            continue
        lv_zh, lv_en = bilingual(level.name or level.id)
        lv = lv_zh or lv_en
        sep = "" if has_cjk(lv[-1:] + zh_names[0][:1]) else " "
        zh_parts.append(f"{lv}{sep}{'、'.join(zh_names[:6])}" + (f"等 {len(zh_names)} 处" if len(zh_names) > 6 else ""))
        en_parts.append(f"{', '.join(en_names[:6])}" + (f" and {len(en_names) - 6} more" if len(en_names) > 6 else "")
                        + f" ({lv_en or lv_zh})")
    return "；".join(zh_parts), "; ".join(en_parts), count


def notice_sections(project: Project) -> list[NoticeSection]:
    """The sections of the full notice (Art. 5, 6, 7, 8, 10 and 14 of the FR measures).

    A fact the rule pack requires (:func:`required_facts`, ``notice_sheet``)
    that the venue leaves empty gives a section marked ``missing`` whose text
    says so; such a sheet is only ever printed as a DRAFT.
    """
    venue = project.venue
    required = set(required_facts(venue, "notice_sheet"))
    gap_zh, gap_en = MISSING_TEXT

    def fact(key: str, zh: str, en: str) -> tuple[str, str, bool]:
        """The value of ``key``, or the missing text when it is required and empty."""
        if zh or en:
            return zh or en, en or zh, False
        if key in required:
            return gap_zh, gap_en, True
        return "", "", False

    op_zh, op_en, op_missing = fact("operator", *bilingual(venue.operator))
    ct_zh, ct_en, ct_missing = fact("contact", *bilingual(venue.contact))
    sections = [NoticeSection(
        "operator", "处理者及联系方式", "Operator and contact",
        _join(op_zh, f"联系方式：{ct_zh}" if ct_zh else "", sep="；"),
        _join(op_en, f"Contact: {ct_en}" if ct_en else "", sep="; "),
        op_missing or ct_missing,
    )]
    p_zh, p_en, p_missing = fact("purpose", *bilingual(venue.purpose))
    sections.append(NoticeSection("purpose", "处理目的", "Purpose", p_zh, p_en, p_missing))
    m_zh, m_en = fr_method(project)
    m_zh, m_en, m_missing = fact("method", m_zh, m_en)
    sections.append(NoticeSection("method", "处理方式", "Method", _join(m_zh, "。" if m_zh and not m_missing else "",
                                                                      sep=""), m_en, m_missing))
    n_zh, n_en, n_missing = fact("necessity", *bilingual(venue.necessity))
    impact_zh = ("人脸信息属于敏感个人信息，一旦泄露或者被非法使用，可能危害人身、财产安全。"
                 "我们仅在上述区域、为上述目的处理，并采取下列保护措施。")
    impact_en = ("Face data is sensitive personal information: if leaked or misused it can harm your safety "
                 "or property. We process it only in the areas and for the purpose above, under the "
                 "protection measures below.")
    sections.append(NoticeSection("necessity", "必要性及对个人权益的影响", "Necessity and impact on you",
                                  _join(_join(n_zh, "。" if n_zh and not n_missing and not n_zh.endswith("。")
                                              else "", sep=""), impact_zh, sep=""),
                                  _join(n_en.rstrip(".") + "." if n_en and not n_missing else n_en, impact_en),
                                  n_missing))
    r_zh, r_en, r_missing = fact("retention", *bilingual(venue.retention))
    sections.append(NoticeSection("retention", "保存期限", "Retention",
                                  r_zh if r_missing else _join(r_zh, "，期满后删除。", sep=""),
                                  r_en if r_missing else _join(r_en, "; deleted afterwards.", sep=""), r_missing))
    s_zh, s_en, s_missing = fact("storage", *storage_statement(venue.storage))
    sec_zh, sec_en = measures(venue)
    sections.append(NoticeSection(
        "storage", "存储与安全", "Storage and security",
        _join(s_zh, f"采取的安全措施：{sec_zh}。" if sec_zh else "", sep="。" if s_zh and not s_missing else " "),
        _join(s_en, f"Security measures: {sec_en}." if sec_en else "", sep=". " if s_en and not s_missing else " "),
        s_missing,
    ))
    g_zh, g_en, g_missing = fact("rights", *bilingual(venue.rights))
    sections.append(NoticeSection(
        "rights", "您的权利及行使方式", "Your rights and how to exercise them",
        "您有权查阅、复制、更正、删除您的人脸信息，并可撤回同意。行使方式：" + g_zh,
        "You may access, copy, correct or delete your face data and withdraw your consent. How: " + g_en,
        g_missing,
    ))
    sections.append(NoticeSection(
        "consent", "单独同意", "Consent",
        "处理您的人脸信息前，将取得您的单独同意；不满十四周岁的未成年人，须取得其父母或者其他监护人的同意。",
        "We ask for your separate consent before processing your face data; for children under 14, "
        "the consent of a parent or guardian.",
    ))
    a_zh, a_en, a_missing = fact("alternative", *bilingual(venue.alternative))
    if a_zh or a_en:
        sections.append(NoticeSection(
            "alternative", "不同意人脸识别时的替代方式", "If you do not want facial recognition",
            a_zh if a_missing else "您可以拒绝人脸识别，改用：" + a_zh,
            a_en if a_missing else "You may refuse it and use instead: " + a_en, a_missing,
        ))
    refs = _pack_data(venue).get("references", {})
    basis_zh = "；".join(str(r.get("zh", "")) for r in refs.values() if isinstance(r, dict))
    basis_en = "; ".join(str(r.get("en", "")) for r in refs.values() if isinstance(r, dict))
    if basis_zh or basis_en:
        sections.append(NoticeSection("basis", "法律依据", "Legal basis", basis_zh, basis_en))
    return sections


def draw_notice_sheet(canvas: Canvas, project: Project, width: float, height: float, *,
                      decorate: Callable[[Canvas, float, float], None] | None = None) -> int:
    """Draw the full notice on pages of ``width`` × ``height`` points; return the number of pages.

    The sections are set as large as one page allows (11.5 pt down to 7 pt);
    what does not fit at 7 pt continues on another page, never dropped.
    ``decorate`` is called on every page (the DRAFT mark). The caller ends the
    last page.
    """
    venue = project.venue
    langs = venue.languages
    both = "zh" in langs and "en" in langs
    m = style.mm(14)
    frame = style.mm(7)
    gap = style.mm(7)
    col_w = (width - 2 * m - gap) / 2 if both else width - 2 * m
    langs_used = [lang for lang in ("zh", "en") if lang in langs]

    def page_frame() -> None:
        canvas.saveState()
        canvas.setStrokeColor(style.NAVY)
        canvas.setLineWidth(style.mm(1.6))
        canvas.roundRect(frame, frame, width - 2 * frame, height - 2 * frame, style.mm(4), stroke=1, fill=0)
        canvas.restoreState()

    # header: pictogram, title, the operator in full
    canvas.saveState()
    page_frame()
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
    operator = _join(op_zh, op_en, sep=" · ") if both else ((op_zh or op_en) if "zh" in langs else (op_en or op_zh))
    op_color = style.GREY_DARK
    if not operator:
        operator = _join(*(MISSING_TEXT[i] for i, lang in enumerate(("zh", "en")) if lang in langs))
        op_color = style.RED
    op_size = 10.0
    op_top = top - style.mm(24)
    op_lines = wrap(operator, op_size, tw)
    while len(op_lines) > 3 and op_size > 7.0:
        op_size -= 0.5
        op_lines = wrap(operator, op_size, tw)
    for i, line in enumerate(op_lines):
        style.draw_text(canvas, tx, op_top - i * op_size * 1.2, line, op_size, color=op_color)
    y = min(top - tile, op_top - (len(op_lines) - 1) * op_size * 1.2 - op_size * 0.4) - style.mm(5)
    canvas.setStrokeColor(style.NAVY)
    canvas.setLineWidth(style.mm(0.5))
    canvas.line(m, y, width - m, y)
    # footer: QR code and where to ask
    footer_h = style.mm(34)
    bottom = m

    def footer() -> None:
        if venue.notice_url:
            q = style.mm(28)
            draw_qr(canvas, venue.notice_url, width - m - q, bottom, q)
            lines: list[tuple[str, float]] = []
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
            text_w = width - 2 * m - (style.mm(34) if venue.notice_url else 0)
            size = 10.0
            while size > 7.0 and string_width(label + contact, size) > text_w:
                size -= 0.5
            for line in wrap(label + contact, size, text_w)[:1]:
                style.draw_text(canvas, m, bottom + style.mm(2), line, size, color=style.NAVY, bold=True)
        if venue.report_date:
            label = "更新日期 / Updated " if both else ("更新日期 " if "zh" in langs else "Updated ")
            style.draw_text(canvas, m, bottom + style.mm(2) + 14, label + venue.report_date, 8, color=style.GREY)

    footer()
    sections = notice_sections(project)

    def section_lines(s: NoticeSection, lang: str, size: float) -> tuple[str, list[str]]:
        title = s.title_zh if lang == "zh" else s.title_en
        text = s.zh if lang == "zh" else s.en
        return title, wrap(text, size, col_w)

    def section_height(s: NoticeSection, size: float) -> float:
        return max(size * 1.08 * 1.3 + len(section_lines(s, lang, size)[1]) * size * 1.42
                   for lang in langs_used) + size * 0.6

    body_top = y - style.mm(5)
    body_bottom = bottom + footer_h
    size = 7.0
    for candidate in (11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0):
        if sum(section_height(s, candidate) for s in sections) <= body_top - body_bottom:
            size = candidate
            break
    if decorate is not None:
        decorate(canvas, width, height)
    pages = 1
    # the Chinese and English text of a section start on the same line
    y = body_top
    for s in sections:
        h = section_height(s, size)
        if y - h < body_bottom and y < body_top:  # continue on a new page
            canvas.restoreState()
            canvas.showPage()
            pages += 1
            canvas.saveState()
            page_frame()
            cont = ("（续）人脸识别个人信息处理告知" if "zh" in langs
                    else "Notice on the processing of face data (cont.)")
            style.draw_text(canvas, m, height - m - 12, cont, 12, bold=True, color=style.NAVY)
            footer()
            if decorate is not None:
                decorate(canvas, width, height)
            y = height - m - style.mm(12)
        for i, lang in enumerate(langs_used):
            x = m + i * (col_w + gap)
            title, lines = section_lines(s, lang, size)
            yy = y - size * 1.08
            style.draw_text(canvas, x, yy, title, size * 1.08, bold=True, color=style.NAVY)
            yy -= size * 1.08 * 0.3 + size * 1.42
            for line in lines:
                style.draw_text(canvas, x, yy + size * 0.3, line, size, color=style.RED if s.missing else colors.black)
                yy -= size * 1.42
        y -= h
    canvas.restoreState()
    return pages
