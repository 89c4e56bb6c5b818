"""Image and PDF import: formats, scale from a drawing scale or two points, limits, bad files."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from planner.importers import IMPORT_LIMITS, PlanImportError, detect_kind, import_plan
from planner.importers.calibrate import pixel_to_plan
from planner.io import load_project, save_project
from tests.unit.import_fixtures import plan_pdf, plan_png


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def background(result):
    (bg,) = result.project.levels[0].backgrounds
    return bg, result.project.files[bg.source]


def test_png_with_drawing_scale_and_recorded_dpi(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.png", plan_png(400, 300, dpi=100))
    result = import_plan(path, scale="1:100")
    assert result.kind == "image" and result.calibrated
    bg, data = background(result)
    assert data == path.read_bytes()  # PNG embedded as it is
    assert bg.source.endswith(".png")
    # 400 px at 100 dpi = 4 in on paper = 101.6 mm -> 10.16 m at 1:100
    assert pixel_to_plan(bg.transform, (400, 300)) == pytest.approx((10.16, 0.0))
    assert pixel_to_plan(bg.transform, (0, 0)) == pytest.approx((0.0, 7.62))


def test_scale_needs_a_resolution(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.png", plan_png())
    with pytest.raises(PlanImportError, match="does not record its resolution"):
        import_plan(path, scale="1:100")
    result = import_plan(path, scale="1:50", dpi=200)
    bg, _ = background(result)
    assert bg.transform[0] == pytest.approx(0.0254 / 200 * 50)


def test_two_point_calibration(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.jpg", plan_png(fmt="JPEG"))
    result = import_plan(path, calibrate=((20, 150), (380, 150), 12.0))
    bg, data = background(result)
    assert data == path.read_bytes() and bg.source.endswith(".jpg")
    a = pixel_to_plan(bg.transform, (20, 150))
    b = pixel_to_plan(bg.transform, (380, 150))
    assert b[0] - a[0] == pytest.approx(12.0) and b[1] == pytest.approx(a[1])


def test_uncalibrated_images_say_so(tmp_path: Path) -> None:
    result = import_plan(write(tmp_path / "plan.png", plan_png()))
    assert not result.calibrated and result.units is None
    assert any("calibrate" in w for w in result.warnings)
    assert "NOT calibrated" in result.summary_text()


@pytest.mark.parametrize("fmt", ["TIFF", "BMP"])
def test_other_formats_are_embedded_as_png(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path / f"plan.{fmt.lower()}", plan_png(fmt=fmt))
    assert detect_kind(path) == "image"
    bg, data = background(import_plan(path))
    assert data.startswith(b"\x89PNG") and bg.source.endswith(".png")
    assert Image.open(io.BytesIO(data)).size == (400, 300)


def test_multipage_tiff_page_choice(tmp_path: Path) -> None:
    pages = [Image.new("L", (100 * (i + 1), 50), 255) for i in range(3)]
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:])
    path = write(tmp_path / "plans.tif", buf.getvalue())
    _, data = background(import_plan(path, page=2))
    assert Image.open(io.BytesIO(data)).size == (300, 50)
    with pytest.raises(PlanImportError, match="page 5 requested; the image has 3 page"):
        import_plan(path, page=4)


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels (a decompression bomb's calling card)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(
        b"IEND", b"")


@pytest.mark.parametrize("size", [(30000, 30000), (14000, 12000)])
def test_decompression_bombs_are_refused(tmp_path: Path, size: tuple[int, int]) -> None:
    path = write(tmp_path / "bomb.png", _png_claiming(*size))
    with pytest.raises(PlanImportError) as info:
        import_plan(path)
    assert "decompression bomb" in str(info.value) and str(info.value).startswith(str(path))


def test_large_images_are_scaled_down_and_stay_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(IMPORT_LIMITS, "background_pixels", 30_000)
    path = write(tmp_path / "plan.png", plan_png(400, 300, dpi=100))
    result = import_plan(path, scale="1:100")
    bg, data = background(result)
    w, h = Image.open(io.BytesIO(data)).size
    assert w * h <= 30_000 and w < 400
    assert pixel_to_plan(bg.transform, (w, h)) == pytest.approx((10.16, 0.0), abs=0.05)
    assert any("scaled down" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image"), (b"BM" + b"\x00" * 10, "image")],
)
def test_damaged_images(tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path / "bad.png", content)
    with pytest.raises(PlanImportError) as info:
        import_plan(path)
    text = str(info.value)
    assert message in text and text.startswith(str(path)) and "\n" not in text


# -- PDF ----------------------------------------------------------------------------------------


def test_pdf_page_at_a_drawing_scale(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.pdf", plan_pdf([(595.0, 842.0), (842.0, 595.0)]))
    result = import_plan(path, page=1, dpi=72, scale="1:100")
    assert result.kind == "pdf" and result.calibrated
    bg, data = background(result)
    assert data.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(data))
    assert image.size == (842, 595)
    # an A4 landscape page at 1:100 spans 29.7 m
    assert pixel_to_plan(bg.transform, (842, 595)) == pytest.approx((29.7, 0.0), abs=0.01)
    assert bg.extra["pdf_page"] == 1 and result.details["pages"] == 2
    out = tmp_path / "p.vplan"
    save_project(result.project, out)
    assert load_project(out).files[bg.source] == data


def test_pdf_default_resolution_and_calibration(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.pdf", plan_pdf())
    result = import_plan(path, calibrate=((0, 0), (1700, 0), 30.0))
    bg, data = background(result)
    assert Image.open(io.BytesIO(data)).size == pytest.approx((1754, 1240), abs=1)  # A4 landscape at 150 dpi
    assert pixel_to_plan(bg.transform, (1700, 0))[0] == pytest.approx(30.0)


def test_pdf_page_out_of_range(tmp_path: Path) -> None:
    path = write(tmp_path / "plan.pdf", plan_pdf())
    with pytest.raises(PlanImportError, match="page 3 requested; the PDF has 1 page"):
        import_plan(path, page=2)


def _pdf_without_pages() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_pdf_without_pages(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.pdf", _pdf_without_pages())
    with pytest.raises(PlanImportError, match="the PDF has no pages"):
        import_plan(path)


def test_giant_pdf_page_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "giant.pdf", plan_pdf([(20000.0, 20000.0)]))
    with pytest.raises(PlanImportError, match="larger than any PDF page may be"):
        import_plan(path)


def test_too_fine_a_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(IMPORT_LIMITS, "background_pixels", 1_000_000)
    path = write(tmp_path / "plan.pdf", plan_pdf())
    with pytest.raises(PlanImportError, match=r"use at most \d+ dpi"):
        import_plan(path, dpi=300)
    result = import_plan(path)  # the default resolution is lowered instead
    assert result.details["dpi"] < 150 and any("rendered at" in w for w in result.warnings)
    _, data = background(result)
    w, h = Image.open(io.BytesIO(data)).size
    assert w * h <= 1_000_000


def test_damaged_pdf(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50)
    with pytest.raises(PlanImportError) as info:
        import_plan(path)
    assert "PDF" in str(info.value) and str(info.value).startswith(str(path))


def test_unknown_format(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.txt", b"hello")
    with pytest.raises(PlanImportError, match="unknown plan format"):
        import_plan(path)
