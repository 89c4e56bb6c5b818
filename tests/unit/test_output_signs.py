"""Notice signs PDF: pages, paper sizes, text, embedded fonts, layout ratios, nothing off the page."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pypdf
import pypdfium2 as pdfium
import pytest
from pypdf.generic import RectangleObject

from planner.assets import sample_path
from planner.cli import main
from planner.io import load_project
from planner.model import Project, Sign
from planner.output import style
from planner.output.fonts import CJK_LETTER_HEIGHT, LATIN_CAP_HEIGHT, string_width
from planner.output.notice import bilingual, required_facts
from planner.output.schedules import requirements
from planner.output.signs import (
    BODY_MIN_MM,
    SignSheet,
    compose_sign,
    page_size,
    sign_sheets,
    signs_document,
    signs_pdf_bytes,
    write_signs_pdf,
)
from planner.output.signs import _resolve_orientation as sign_sheets_orientation
from planner.rules import check_project
from planner.rules.signs import HEADLINE_RATIO, PAPER_MM, PICTOGRAM_RATIO
from tests.venues import FULL_NOTICE, corridor_and_restroom

MM = 72 / 25.4


# -- PDF inspection helpers (shared by the other test_output_* modules through import) -----------------
def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def font_problems(data: bytes) -> list[str]:
    """Fonts that are not embedded TrueType (FontFile2) subsets."""
    problems = []
    reader = pypdf.PdfReader(io.BytesIO(data))
    for n, page in enumerate(reader.pages):
        fonts = page.get("/Resources", {}).get("/Font", {})
        for name, ref in fonts.items():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for d in font.get("/DescendantFonts", []):
                descriptors.append(d.get_object().get("/FontDescriptor"))
            descriptors = [d.get_object() for d in descriptors if d is not None]
            if not descriptors or not all("/FontFile2" in d for d in descriptors):
                problems.append(f"page {n + 1} {name} {font.get('/BaseFont')}")
    return problems


def render(data: bytes, page: int = 0, scale: float = 0.4):
    pdf = pdfium.PdfDocument(data)
    try:
        return pdf[page].render(scale=scale).to_pil().convert("L")
    finally:
        pdf.close()


def ink_ratio(image) -> float:
    hist = image.histogram()
    return 1.0 - sum(hist[245:]) / sum(hist)


def drawn_outside(data: bytes, margin: float = 36.0) -> list[int]:
    """Pages with ink in a band around the page box (rendered with the box enlarged by ``margin``)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter(clone_from=reader)
    for page in writer.pages:
        box = page.mediabox
        big = RectangleObject([float(box.left) - margin, float(box.bottom) - margin,
                               float(box.right) + margin, float(box.top) + margin])
        page.mediabox = big
        page.cropbox = big
    buf = io.BytesIO()
    writer.write(buf)
    bad = []
    scale = 0.25
    band = int(margin * scale) - 2
    for n in range(len(writer.pages)):
        img = render(buf.getvalue(), n, scale)
        w, h = img.size
        strips = [img.crop((0, 0, w, band)), img.crop((0, h - band, w, h)), img.crop((0, 0, band, h)),
                  img.crop((w - band, 0, w, h))]
        if any(s.getextrema()[0] < 250 for s in strips):
            bad.append(n + 1)
    return bad


# -- fixtures ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hotel() -> Project:
    return load_project(sample_path("harbour-hotel"))


@pytest.fixture(scope="module")
def mall() -> Project:
    return load_project(sample_path("mall-fitting"))


def _without_signs(project: Project) -> Project:
    for level in project.levels:
        level.signs.clear()
    project._reindex()
    return project


FILLED = dict(
    rights="向前台或拨打联系电话申请查阅、更正、删除 Ask at reception or call the contact number to access, correct or "
    "delete your data",
    alternative="前台人工核验身份证件 ID card check by staff at the front desk",
    necessity="入住实名登记须核验身份 Check-in must verify each guest's identity",
)


def _filled(name: str) -> Project:
    """A sample with the notice facts its venue leaves empty written in."""
    project = load_project(sample_path(name))
    for key, value in FILLED.items():
        if not getattr(project.venue, key):
            setattr(project.venue, key, value)
    return project


def _unplaced(result) -> int:
    return sum(1 for r in requirements(result) if not r.satisfied_by)


def page_texts(data: bytes) -> list[str]:
    """Each page's text without spaces; text set at a slant (the DRAFT mark) is appended as one run."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            level = page.filter(lambda o: o.get("object_type") != "char" or abs(o["matrix"][1]) < 1e-3)
            slanted = "".join(c["text"] for c in page.chars if abs(c["matrix"][1]) >= 1e-3)
            out.append("".join((level.extract_text() or "").split()) + "".join(slanted.split()))
    return out


def glyphs_off_page(data: bytes) -> list[str]:
    """Every character whose glyph box leaves its page box (pdfplumber)."""
    bad = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            for ch in page.chars:
                if ch["x0"] < -0.01 or ch["x1"] > page.width + 0.01 or ch["top"] < -0.01 \
                        or ch["bottom"] > page.height + 0.01:
                    bad.append(f"page {n} {ch['text']!r} at {ch['x0']:.1f},{ch['top']:.1f}")
    return bad


# -- tests -------------------------------------------------------------------------------------------------
def test_every_sign_the_plan_needs_hotel_as_shipped(tmp_path: Path) -> None:
    """Placed signs, the required ones not placed (待增设), the notice sheet; DRAFT and exit 1."""
    project = load_project(sample_path("harbour-hotel"))
    result = check_project(project)
    placed = sum(len(lv.signs) for lv in project.levels)
    to_add = _unplaced(result)
    assert to_add == 3  # the three face-recognition entrances of the lobby and reception
    doc = signs_document(project, result=result)
    assert doc.pages == placed + to_add + 1 == len(pypdf.PdfReader(io.BytesIO(doc.data)).pages)
    texts = page_texts(doc.data)
    assert sum("待增设" in t for t in texts) == to_add
    assert sum("人脸识别区域" in t and "待增设" in t for t in texts) == 3
    assert all("DRAFT:noticeincomplete" in t for t in texts)  # every page, the notice sheet too
    assert doc.gaps["fr_notice"] == ["rights", "alternative"]
    # the notice sheet says what is missing, never a dash
    assert "（待填写）" in texts[-1] and "—" not in texts[-1]
    out = tmp_path / "signs.pdf"
    err = io.StringIO()
    assert main(["signs", str(sample_path("harbour-hotel")), "-o", str(out)], out=io.StringIO(), err=err) == 1
    assert out.read_bytes() == doc.data
    assert "venue.rights, venue.alternative" in err.getvalue() and "DRAFT" in err.getvalue()


def test_mall_as_shipped(tmp_path: Path) -> None:
    """The mall states every fact its signs need; its notice sheet is a draft while the pack asks a necessity
    the venue does not state."""
    project = load_project(sample_path("mall-fitting"))
    needs_necessity = "necessity" in required_facts(project.venue, "notice_sheet") and not project.venue.necessity
    out = tmp_path / "signs.pdf"
    err = io.StringIO()
    code = main(["signs", str(sample_path("mall-fitting")), "-o", str(out)], out=io.StringIO(), err=err)
    texts = page_texts(out.read_bytes())
    assert code == (1 if needs_necessity else 0)
    assert all(("DRAFT:noticeincomplete" in t) == needs_necessity for t in texts)
    assert ("venue.necessity" in err.getvalue()) == needs_necessity


@pytest.mark.parametrize("name", ["harbour-hotel", "mall-fitting"])
def test_filled_in_notice_facts_give_a_clean_document(name: str, tmp_path: Path) -> None:
    project = _filled(name)
    result = check_project(project)
    doc = signs_document(project, result=result)
    placed = sum(len(lv.signs) for lv in project.levels)
    assert doc.pages == placed + _unplaced(result) + doc.notice_sheet_pages
    assert doc.notice_sheet_pages == 1 and not doc.draft
    texts = page_texts(doc.data)
    assert not any("DRAFT" in t or "待填写" in t or "tobecompleted" in t for t in texts)
    assert "—" not in texts[-1]
    alt_zh, alt_en = bilingual(project.venue.alternative)
    assert "".join(alt_zh.split())[:10] in texts[-1] and "".join(alt_en.split())[:16] in texts[-1]
    from planner.io import save_project

    path = tmp_path / "filled.vplan"
    save_project(project, path)
    out = tmp_path / "signs.pdf"
    buf = io.StringIO()
    assert main(["signs", str(path), "-o", str(out)], out=buf, err=io.StringIO()) == 0
    assert f"{doc.pages} page(s)" in buf.getvalue()


def test_what_the_signs_say() -> None:
    project = _filled("harbour-hotel")
    result = check_project(project)
    doc = signs_document(project, result=result)
    texts = page_texts(doc.data)
    fr = [t for t, s in zip(texts, doc.sheets, strict=False) if s.kind == "fr_notice"]
    cctv = [t for t, s in zip(texts, doc.sheets, strict=False) if s.kind == "cctv_notice"]
    assert fr and cctv
    for t in fr:  # every Art. 5 item that fits, the Art. 10 alternative, and where to read the rest
        for needed in ("本区域设有人脸识别设备", "海港酒店管理有限公司", "+862155550100", "入住身份核验", "处理方式",
                       "人脸识别摄像机", "30天", "人脸信息仅存储在设备内", "向前台或拨打联系电话",
                       "前台人工核验身份证件", "现场张贴的完整告知", "扫码查看完整告知",
                       "《人脸识别技术应用安全管理办法》"):
            assert needed in t, needed
    for t in cctv:  # a first-layer notice under the 条例: operator, purpose, contact, where to read more
        for needed in ("您已进入视频监控区域", "管理单位", "海港酒店管理有限公司", "维护公共安全", "+862155550100",
                       "扫码了解更多", "《公共安全视频图像信息系统管理条例》"):
            assert needed in t, needed
    # no internal ids and no coordinates on the public face; the placement code is there
    ids = project.ids()
    for t, sheet in zip(texts, doc.sheets, strict=False):
        assert sheet.code and sheet.code in t
        assert not [i for i in ids if i in t], sheet.code
        assert not re.search(r"x-?\d+\.\d\dm", t) and "坐标" not in t
    to_add = [t for t, s in zip(texts, doc.sheets, strict=False) if not s.placed]
    assert to_add and all("建议位置" in t and "Suggestedposition" in t and "入口门" in t for t in to_add)


def test_position_is_described_for_a_person() -> None:
    project = load_project(sample_path("harbour-hotel"))
    sheets = [s for s in sign_sheets(project, check_project(project)) if not s.placed]
    zh, en = sheets[0].placement("zh"), sheets[0].placement("en")
    assert zh.startswith("大堂入口门旁") and "一侧墙上" in zh and "中心离地 1.60 m" in zh
    assert en.startswith("beside the Lobby entrance door, on the ") and "facing S" in en


def test_size_follows_the_viewing_distance() -> None:
    project = corridor_and_restroom(fr=False, venue=FULL_NOTICE)
    level = project.levels[0]

    def sheet(size: str, distance: float) -> SignSheet:
        return SignSheet(id="s", kind="cctv_notice", size=size, orientation="portrait", level=level,
                         position=(0, 0), facing_deg=0, mount_height_m=1.6, viewing_distance_m=distance, code="S1")

    assert sheet("A2", 10.0).size_warning() is None
    warning = sheet("A2", 12.0).size_warning()  # pictogram 300 mm needed, A2 gives 252 mm
    assert warning is not None and "A1" in warning[0] and "A1" in warning[1]
    assert sheet("A1", 12.0).size_warning() is None
    even = sheet("A0", 25.0).size_warning()
    assert even is not None and "A0" in even[1] and "even" in even[1]
    # the warning is printed on the sign itself
    from planner.output.signs import footer_lines

    assert any("A1" in text for text, _, _ in footer_lines(sheet("A2", 12.0), ("zh", "en")))


def test_undersized_signs_are_reported(tmp_path: Path) -> None:
    out = tmp_path / "signs.pdf"
    err = io.StringIO()
    main(["signs", str(sample_path("harbour-hotel")), "-o", str(out)], out=io.StringIO(), err=err)
    # the placed main-entrance sign is A2 for a 12 m approach
    assert "Too small to read from 12 m: print on A1 or larger" in err.getvalue()
    assert any("尺寸不足" in t for t in page_texts(out.read_bytes()))


def test_one_page_per_sign_in_its_size(mall: Project) -> None:
    result = check_project(mall)
    data, pages = signs_pdf_bytes(mall, result=result)
    sheets = sign_sheets(mall, result)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert pages == len(reader.pages) == len(sheets) + 1  # FR is used: the full notice sheet follows
    for sheet, page in zip(sheets, reader.pages, strict=False):
        w, h = page_size(sheet.size, sheet.orientation)
        assert abs(float(page.mediabox.width) - w) < 0.5 and abs(float(page.mediabox.height) - h) < 0.5
    last = reader.pages[-1]
    assert abs(float(last.mediabox.width) - 210 * MM) < 0.5


def test_required_signs_when_none_placed(hotel: Project) -> None:
    project = _without_signs(load_project(sample_path("harbour-hotel")))
    result = check_project(project)
    data, pages = signs_pdf_bytes(project, result=result)
    assert pages == len(result.signs_required) + 1
    text = " ".join(pdf_text(data).split())
    assert "人脸识别区域" in text and "Facial recognition in use" in text
    assert "待增设" in text and "to be added" in text


def test_text_fonts_and_determinism(mall: Project) -> None:
    data, _ = signs_pdf_bytes(mall, result=check_project(mall))
    text = pdf_text(data)
    assert "人脸识别区域" in text and "视频监控区域" in text
    assert "滨江购物中心物业管理有限公司" in text and "Riverside Mall Property Management Co., Ltd." in text
    assert font_problems(data) == []
    again_mall = load_project(sample_path("mall-fitting"))
    again, _ = signs_pdf_bytes(again_mall, result=check_project(again_mall))
    assert again == data


def test_pages_are_not_blank_and_stay_on_the_page(mall: Project) -> None:
    data, pages = signs_pdf_bytes(mall, result=check_project(mall))
    for n in range(pages):
        assert ink_ratio(render(data, n, 0.15)) > 0.05
    assert drawn_outside(data) == []


def test_paper_and_orientation_override(mall: Project) -> None:
    data, _ = signs_pdf_bytes(mall, paper="A3", orientation="landscape", result=check_project(mall))
    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages[:-1]:
        assert abs(float(page.mediabox.width) - 420 * MM) < 0.5
        assert abs(float(page.mediabox.height) - 297 * MM) < 0.5
    with pytest.raises(ValueError, match="paper"):
        sign_sheets(mall, check_project(mall), paper="B5")


@pytest.mark.parametrize("size", list(PAPER_MM))
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("kind", ["fr_notice", "cctv_notice"])
def test_layout_keeps_the_legibility_ratios(size: str, orientation: str, kind: str) -> None:
    project = corridor_and_restroom(fr=True, venue=FULL_NOTICE)
    level = project.levels[0]
    sheet = SignSheet(id="s", kind=kind, size=size, orientation=orientation, level=level, position=(0, 0),
                      facing_deg=0, mount_height_m=1.6)
    lay, body = compose_sign(sheet, project)
    w = style.mm(PAPER_MM[size][0])
    assert lay.tile.h >= PICTOGRAM_RATIO * w - 1e-6
    assert lay.headline_zh_size * CJK_LETTER_HEIGHT >= HEADLINE_RATIO * w - 1e-6
    assert lay.headline_en_size * LATIN_CAP_HEIGHT >= 0.5 * HEADLINE_RATIO * w - 1e-6
    assert body.height <= lay.body.h + 1e-6
    page_w, page_h = lay.width, lay.height
    for box in (lay.tile, lay.headline, lay.body, lay.footer, *(b for b in (lay.qr, lay.caption) if b)):
        assert box.x >= 0 and box.x + box.w <= page_w + 1e-6 and box.y >= 0 and box.top <= page_h + 1e-6
    assert lay.headline.y >= lay.body.top - 1e-6  # the headline sits above the facts
    assert lay.body.y >= lay.footer.top - 1e-6
    # the Chinese headline wraps rather than run past its box
    assert all(string_width(line, lay.headline_zh_size) <= lay.headline.w + 1e-6 for line in lay.headline_zh_lines)
    if kind == "cctv_notice":  # in the orientation chosen for it, the facts reach the 5 mm minimum
        auto = SignSheet(id="s", kind=kind, size=size, orientation="auto", level=level, position=(0, 0),
                         facing_deg=0, mount_height_m=1.6)
        sign_sheets_orientation(auto, project)
        assert compose_sign(auto, project)[1].size * CJK_LETTER_HEIGHT >= style.mm(BODY_MIN_MM) - 1e-6


LONG_VENUE = dict(
    FULL_NOTICE,
    name="Harbour International Hotel and Conference Centre 海港国际大酒店及会议中心（浦东新区陆家嘴金融贸易区分店）",
    operator="Harbour Hotel International Hospitality and Property Management Group Holdings Co., Ltd. "
    "(Shanghai Branch, Building 7, Pudong New Area) 海港国际酒店物业管理集团控股有限公司上海浦东新区第七分公司" * 2,
    contact="+86 21 5555 0100 转 8008 (24 h), privacy-office@harbour-international-hotel-group.example.com",
    purpose="Verifying the identity of registered guests at check-in and at the executive lounge entrance "
    "入住登记及行政酒廊入口处核验已登记住客身份" * 2,
    rights="Write to the data protection officer at the address on our website " * 6,
    alternative="人工核验身份证件、护照或其他有效证件 Staff check of an ID card, passport or other valid document" * 2,
    necessity="实名登记 Real-name registration",
    retention="until 30 days after check-out 退房后 30 天",
)


@pytest.mark.parametrize("size", list(PAPER_MM))
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_no_glyph_leaves_the_page(size: str, orientation: str) -> None:
    """Every paper and orientation, long texts, both sign kinds, DRAFT mark and notice sheet: all on the page."""
    venue = dict(LONG_VENUE, rights="")  # one fact missing: the DRAFT mark is drawn too
    project = corridor_and_restroom(fr=True, venue=venue)
    level = project.levels[0]
    level.name = "Ground floor east wing and conference level 首层东翼及会议层"
    for zone in level.zones:
        zone.name = f"Very long zone name for the {zone.use} of the east wing 东翼{zone.use}超长区域名称"
    level.signs.append(Sign(id="s2", kind="fr_notice", position=(9.8, 1.0), facing_deg=90, size=size))
    doc = signs_document(project, paper=size, orientation=orientation, result=check_project(project))
    assert doc.draft and doc.pages >= 3
    assert glyphs_off_page(doc.data) == []
    texts = page_texts(doc.data)
    assert all("DRAFT:noticeincomplete" in t for t in texts)
    for sheet in doc.sheets:
        lay, body = compose_sign(sheet, project)
        assert body.height <= lay.body.h + 1e-6


def test_long_operator_names_fit(tmp_path: Path) -> None:
    project = corridor_and_restroom(fr=True, venue=LONG_VENUE)
    project.levels[0].signs[0].kind = "fr_notice"
    out = tmp_path / "signs.pdf"
    pages = write_signs_pdf(project, out, paper="A4", result=check_project(project))
    data = out.read_bytes()
    assert pages == len(pypdf.PdfReader(io.BytesIO(data)).pages)
    assert drawn_outside(data) == []
    # the notice sheet's header carries the operator's name in full
    whole = "".join(page_texts(data))
    assert whole.count("海港国际酒店物业管理集团控股有限公司上海浦东新区第七分公司") >= 2


def test_cli_signs(tmp_path: Path) -> None:
    out_pdf = tmp_path / "signs.pdf"
    buf = io.StringIO()
    assert main(["signs", str(sample_path("harbour-hotel")), "-o", str(out_pdf), "--paper", "A0"], out=buf,
                err=io.StringIO()) == 1
    assert out_pdf.read_bytes().startswith(b"%PDF")
    assert "page(s)" in buf.getvalue()
    err = io.StringIO()
    assert main(["signs", str(tmp_path / "missing.vplan"), "-o", str(out_pdf)], out=io.StringIO(), err=err) == 2
    assert err.getvalue().count("\n") == 1
    assert main(["signs", str(sample_path("mall-fitting")), "-o", str(tmp_path / "no" / "x.pdf")],
                out=io.StringIO(), err=io.StringIO()) == 2
    assert not (tmp_path / "no").exists()


def test_notice_sheet_continues_instead_of_dropping_sections() -> None:
    rights = ("您可以通过服务台、客服电话或电子邮件提出查阅、复制、更正、删除请求，我们将在十五个工作日内答复。" * 6
              + " You may ask at the desk. " * 30)
    project = corridor_and_restroom(fr=True, venue=dict(LONG_VENUE, rights=rights))
    doc = signs_document(project, paper="A4", result=check_project(project))
    assert doc.notice_sheet_pages == 2 and not doc.draft
    texts = page_texts(doc.data)
    assert "（续）人脸识别个人信息处理告知" in texts[-1] and "法律依据" in texts[-1]  # the last section is printed
    assert glyphs_off_page(doc.data) == []


def test_mall_without_its_alternative_is_a_draft(tmp_path: Path) -> None:
    """Take one required fact away (the Art. 10 alternative): every page a draft, the fact named, exit 1."""
    from planner.io import save_project

    project = load_project(sample_path("mall-fitting"))
    project.venue.alternative = ""
    path = tmp_path / "mall.vplan"
    save_project(project, path)
    out = tmp_path / "signs.pdf"
    err = io.StringIO()
    assert main(["signs", str(path), "-o", str(out)], out=io.StringIO(), err=err) == 1
    assert "venue.alternative" in err.getvalue()
    texts = page_texts(out.read_bytes())
    assert texts and all("DRAFT:noticeincomplete" in t for t in texts)
