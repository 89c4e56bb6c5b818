"""Placement guide PDF and the sign / camera schedules (CSV, XLSX)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook

from planner.assets import sample_path
from planner.cli import main
from planner.io import load_project
from planner.model import Project
from planner.output.guide import guide_pdf_bytes, write_guide_pdf
from planner.output.schedules import build_schedules, mask_columns, schedules_csv, xlsx_bytes
from planner.rules import check_project
from tests.unit.test_output_signs import drawn_outside, font_problems, ink_ratio, pdf_text, render


@pytest.fixture(scope="module")
def hotel() -> Project:
    return load_project(sample_path("harbour-hotel"))


@pytest.fixture(scope="module")
def hotel_guide(hotel: Project) -> tuple[bytes, int]:
    hotel.venue.report_date = "2025-07-01"
    return guide_pdf_bytes(hotel, result=check_project(hotel))


def test_guide_pages_and_text(hotel: Project, hotel_guide: tuple[bytes, int]) -> None:
    data, pages = hotel_guide
    assert pages == len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1 + len(hotel.levels) + 2
    text = pdf_text(data)
    for needle in ("安装布置指南", "Installer placement guide", "标识表 Sign schedule", "摄像机表 Camera schedule",
                   "安装检查清单", "L1-sign-cctv-main-entrance", "L1-cam-lobby-fr", "1:", "2025-07-01",
                   "海港酒店管理有限公司"):
        assert needle in text, needle
    # every level has its own plan page, titled with its id and name
    for level in hotel.levels:
        assert level.id in text


def test_guide_fonts_pages_and_determinism(hotel: Project, hotel_guide: tuple[bytes, int]) -> None:
    data, pages = hotel_guide
    assert font_problems(data) == []
    assert drawn_outside(data) == []
    for n in range(pages):
        assert ink_ratio(render(data, n, 0.15)) > 0.01
    again = load_project(sample_path("harbour-hotel"))
    again.venue.report_date = "2025-07-01"
    assert guide_pdf_bytes(again, result=check_project(again))[0] == data


def test_schedules_number_signs_and_cameras(hotel: Project) -> None:
    result = check_project(hotel)
    schedules = build_schedules(hotel, result)
    placed = [s for lv in hotel.levels for s in lv.signs]
    missing = [r for r in result.signs_required if not r.satisfied_by]
    assert len(schedules.signs) == len(placed) + len(missing)
    assert [r["no"] for r in schedules.signs] == [f"S{i}" for i in range(1, len(schedules.signs) + 1)]
    assert len(schedules.cameras) == sum(len(lv.cameras) for lv in hotel.levels)
    assert sum(1 for r in schedules.signs if r["status_key"] == "to_add") == len(missing)
    lobby = next(r for r in schedules.cameras if r["id"] == "L1-cam-lobby-fr")
    assert lobby["face_recognition_key"] and lobby["resolution"] == "2688×1520"


def test_mask_columns_follow_the_lens() -> None:
    from planner.model import Camera

    cam = Camera(id="c", position=(0, 0), hfov_deg=90, resolution=(2000, 1000), privacy_masks=((-45.0, 0.0),))
    assert mask_columns(cam) == [(0, 1000)]
    assert mask_columns(Camera(id="p", position=(0, 0), kind="ptz", privacy_masks=((0.0, 10.0),))) == []


def test_csv_and_xlsx(hotel: Project) -> None:
    schedules = build_schedules(hotel, check_project(hotel))
    files = schedules_csv(schedules)
    rows = list(csv.reader(io.StringIO(files["signs"].decode("utf-8-sig"))))
    assert rows[0][0] == "编号 No." and len(rows) == len(schedules.signs) + 1
    cams = list(csv.reader(io.StringIO(files["cameras"].decode("utf-8-sig"))))
    assert len(cams) == len(schedules.cameras) + 1
    data = xlsx_bytes(schedules)
    assert data == xlsx_bytes(build_schedules(hotel, check_project(hotel)))  # reproducible
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Signs 标识", "Cameras 摄像机"]
    assert wb["Signs 标识"].max_row == len(schedules.signs) + 1
    assert wb["Cameras 摄像机"]["B2"].value == schedules.cameras[0]["id"]


def test_cli_guide_with_schedules(tmp_path: Path) -> None:
    out = io.StringIO()
    pdf, xlsx = tmp_path / "guide.pdf", tmp_path / "schedules.xlsx"
    code = main(["guide", str(sample_path("mall-fitting")), "-o", str(pdf), "--xlsx", str(xlsx),
                 "--csv", str(tmp_path / "mall")], out=out)
    assert code == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    assert (tmp_path / "mall-signs.csv").exists() and (tmp_path / "mall-cameras.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["guide.pdf", "mall-cameras.csv", "mall-signs.csv",
                                                          "schedules.xlsx"]  # no temporary files left


def test_write_guide_pdf_returns_pages(tmp_path: Path) -> None:
    project = load_project(sample_path("mall-fitting"))
    pages = write_guide_pdf(project, tmp_path / "g.pdf", result=check_project(project))
    assert pages == len(pypdf.PdfReader(tmp_path / "g.pdf").pages)


def test_plan_pages_carry_the_datum_dimensions_and_print_note(hotel: Project, hotel_guide: tuple[bytes, int]) -> None:
    import pdfplumber

    data, _ = hotel_guide
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plan_pages = ["".join((pdf.pages[1 + i].extract_text() or "").split()) for i in range(len(hotel.levels))]
    for text in plan_pages:
        assert "按100%比例打印" in text and "Printat100%" in text and "1:" in text
        assert "网格grid" in text  # the grid's label; the origin mark where 0,0 is on the plan
    assert "基准点datum0,0" in plan_pages[0]
    schedules = build_schedules(hotel, check_project(hotel))
    for level in hotel.levels:  # every camera and sign is dimensioned to its walls, and the lines are drawn
        dims = schedules.dimensions[level.id]
        items = len(level.cameras) + sum(1 for r in schedules.signs if r["level"] == level.id)
        assert len(dims) >= items
        for (x0, y0), (x1, y1), text in dims:
            assert float(text) == pytest.approx(abs(x1 - x0) + abs(y1 - y0), abs=0.006)


def test_camera_schedule_for_the_installer(hotel: Project) -> None:
    schedules = build_schedules(hotel, check_project(hotel))
    rows = {r["id"]: r for r in schedules.cameras}
    lobby = rows["L1-cam-lobby-fr"]
    assert lobby["heading"] == "180° (S)" and lobby["mount_key"] == "wall"
    assert lobby["to_walls"] != "—" and lobby["lens"].startswith("70°")
    assert {r["mount_key"] for r in rows.values()} == {"wall", "ceiling"}
    for r in schedules.signs:
        assert r["where_zh"] and r["where_en"] and r["to_walls"]
    # the placed A2 sign at the main entrance is read from 12 m: the schedule says it needs A1
    main = next(r for r in schedules.signs if r["id"] == "L1-sign-cctv-main-entrance")
    assert main["size"] == "A2 → A1"


def test_mount_type_and_focal_length() -> None:
    from shapely.geometry import box

    from planner.model import Camera
    from planner.output.schedules import focal_length_mm, mount_type, wall_offsets

    walls = [box(-0.1, 0, 0, 10), box(0, -0.1, 10, 0), box(10, 0, 10.1, 10), box(0, 10, 10, 10.1)]
    near = wall_offsets(walls, (0.2, 5.0))
    assert [o.text for o in near] == ["W 0.20 m", "N 5.00 m"]  # N and S tie: the first found
    mid = wall_offsets(walls, (4.0, 3.0))
    assert [o.text for o in mid] == ["W 4.00 m", "S 3.00 m"]
    cam = Camera(id="c", position=(0.2, 5.0), hfov_deg=90)
    assert mount_type(cam, near) == "wall"
    assert mount_type(Camera(id="c", position=(4, 3)), mid) == "ceiling"
    assert mount_type(Camera(id="c", position=(4, 3)), mid, in_zone=False) == "pole"
    assert mount_type(Camera(id="c", position=(4, 3), extra={"mount": "pole"}), mid) == "pole"
    assert focal_length_mm(cam) is None  # no sensor, no focal length
    assert focal_length_mm(Camera(id="c", hfov_deg=90, extra={"sensor_width_mm": 6.4})) == pytest.approx(3.2)
    assert focal_length_mm(Camera(id="c", hfov_deg=90, extra={"focal_length_mm": 4})) == 4.0


def _marker_mask(face_recognition: bool):
    """The camera marker drawn alone, rendered in grayscale: the set of inked pixels."""
    from reportlab.pdfgen.canvas import Canvas

    from planner.model import Camera
    from planner.output.plan import draw_camera_marker

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(60, 60))
    cam = Camera(id="c", position=(0, 0), face_recognition=face_recognition, kind="fisheye")  # no heading tick
    draw_camera_marker(c, 30, 30, cam, "", radius=12)
    c.showPage()
    c.save()
    img = render(buf.getvalue(), 0, 4.0)  # grayscale
    return [(x, y) for y in range(img.height) for x in range(img.width) if img.getpixel((x, y)) < 200]


def _fill_ratio(ink: list[tuple[int, int]], seed: tuple[int, int]) -> float:
    """How full its bounding box the inked blob around ``seed`` is (a disc ~0.79, a diamond ~0.5)."""
    inked = set(ink)
    blob, stack = set(), [seed]
    while stack:
        p = stack.pop()
        if p in blob or p not in inked:
            continue
        blob.add(p)
        x, y = p
        stack += [(x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)]
    xs, ys = [p[0] for p in blob], [p[1] for p in blob]
    return len(blob) / ((max(xs) - min(xs) + 1) * (max(ys) - min(ys) + 1))


def test_fr_and_cctv_markers_differ_in_grayscale() -> None:
    """Printed in grayscale, a CCTV camera (disc) and an FR camera (diamond) still look different."""
    centre = (120, 120)  # (30, 30) pt at 4 px/pt
    disc = _fill_ratio(_marker_mask(False), centre)
    diamond = _fill_ratio(_marker_mask(True), centre)
    assert disc == pytest.approx(0.785, abs=0.06)
    assert diamond == pytest.approx(0.5, abs=0.06)
