"""Notice signs PDF: pages, paper sizes, text, embedded fonts, layout ratios, nothing off the page."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
from pypdf.generic import RectangleObject

from planner.assets import sample_path
from planner.cli import main
from planner.io import load_project
from planner.model import Project
from planner.output import style
from planner.output.fonts import CJK_LETTER_HEIGHT, LATIN_CAP_HEIGHT
from planner.output.signs import (
    BODY_MIN_MM,
    SignSheet,
    compose_sign,
    page_size,
    sign_sheets,
    signs_pdf_bytes,
    write_signs_pdf,
)
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


# -- tests -------------------------------------------------------------------------------------------------
def test_one_page_per_placed_sign_plus_notice_sheet(mall: Project) -> None:
    data, pages = signs_pdf_bytes(mall)
    placed = [s for lv in mall.levels for s in lv.signs]
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert pages == len(reader.pages) == len(placed) + 1  # FR is used: the full notice sheet follows
    for sign, page in zip(placed, reader.pages, strict=False):
        w, h = page_size(sign.size)
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
    assert "L1-sign-fr-1" in text


def test_text_fonts_and_determinism(mall: Project) -> None:
    data, _ = signs_pdf_bytes(mall)
    text = pdf_text(data)
    assert "人脸识别区域" in text and "视频监控区域" in text
    assert "滨江购物中心物业管理有限公司" in text and "Riverside Mall Property Management Co., Ltd." in text
    assert "L1-sign-fr-outside" in text
    assert font_problems(data) == []
    again, _ = signs_pdf_bytes(load_project(sample_path("mall-fitting")))
    assert again == data


def test_pages_are_not_blank_and_stay_on_the_page(mall: Project) -> None:
    data, pages = signs_pdf_bytes(mall)
    for n in range(pages):
        assert ink_ratio(render(data, n, 0.15)) > 0.05
    assert drawn_outside(data) == []


def test_paper_and_orientation_override(mall: Project) -> None:
    data, _ = signs_pdf_bytes(mall, paper="A3", orientation="landscape")
    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages[:-1]:
        assert abs(float(page.mediabox.width) - 420 * MM) < 0.5
        assert abs(float(page.mediabox.height) - 297 * MM) < 0.5
    with pytest.raises(ValueError, match="paper"):
        sign_sheets(mall, paper="B5")


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
    if kind == "cctv_notice":
        assert body.size * CJK_LETTER_HEIGHT >= style.mm(BODY_MIN_MM) - 1e-6


def test_long_operator_names_fit(tmp_path: Path) -> None:
    long_venue = dict(FULL_NOTICE, operator="Harbour Hotel International Hospitality and Property Management "
                      "Group Holdings Co., Ltd. (Shanghai Branch, Building 7, Pudong New Area) "
                      "海港国际酒店物业管理集团控股有限公司上海浦东新区第七分公司" * 2,
                      rights="Write to the data protection officer at the address on our website " * 6)
    project = corridor_and_restroom(fr=True, venue=long_venue)
    project.levels[0].signs[0].kind = "fr_notice"
    for size in ("A4", "Letter"):
        for sheet in sign_sheets(project, paper=size):
            lay, body = compose_sign(sheet, project)
            assert body.height <= lay.body.h + 1e-6
    out = tmp_path / "signs.pdf"
    pages = write_signs_pdf(project, out, paper="A4")
    data = out.read_bytes()
    assert pages == len(pypdf.PdfReader(io.BytesIO(data)).pages)
    assert drawn_outside(data) == []
    assert "海港国际酒店物业管理集团控股有限公司" in pdf_text(data).replace("\n", "")


def test_cli_signs(tmp_path: Path) -> None:
    out_pdf = tmp_path / "signs.pdf"
    buf = io.StringIO()
    assert main(["signs", str(sample_path("mall-fitting")), "-o", str(out_pdf), "--paper", "A3"], out=buf) == 0
    assert out_pdf.read_bytes().startswith(b"%PDF")
    assert "page(s)" in buf.getvalue()
    err = io.StringIO()
    assert main(["signs", str(tmp_path / "missing.vplan"), "-o", str(out_pdf)], out=io.StringIO(), err=err) == 2
    assert err.getvalue().count("\n") == 1
    assert main(["signs", str(sample_path("mall-fitting")), "-o", str(tmp_path / "no" / "x.pdf")],
                out=io.StringIO(), err=io.StringIO()) == 2
    assert not (tmp_path / "no").exists()
