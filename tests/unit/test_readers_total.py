"""Every reader is total: hostile bytes end in exit 0/1 or exit 2 with one line naming the file and the problem."""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from pathlib import Path

import pytest

from planner.cli import main
from planner.io import encode_project, save_project
from planner.model import Background
from tests.unit.import_fixtures import imdf_features, plan_png
from tests.venues import corridor_and_restroom


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def refused(path: Path, *argv: str, expect: str) -> str:
    code, out, err = run(*argv)
    assert code == 2, (code, err)
    assert err.startswith(f"planner: {path}: ") and err.count("\n") == 1, err
    assert "internal error" not in err and expect in err, err
    assert out == ""
    return err


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    project = corridor_and_restroom(venue={"name": "T"})
    project.levels[0].backgrounds.append(Background(source="backgrounds/p.png", transform=(0.01, 0, 0, -0.01, 0, 3)))
    project.files["backgrounds/p.png"] = plan_png()
    path = tmp_path / "p.vplan"
    save_project(project, path)
    return path


def _member_offset(path: Path, name: str) -> int:
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    raw = path.read_bytes()
    return info.header_offset + 30 + len(info.filename.encode()) + int.from_bytes(
        raw[info.header_offset + 28: info.header_offset + 30], "little")


def test_corrupt_deflate_stream(archive: Path) -> None:
    raw = bytearray(archive.read_bytes())
    start = _member_offset(archive, "project.json")
    for i in range(start + 10, start + 60):
        raw[i] ^= 0x55
    archive.write_bytes(raw)
    refused(archive, "check", str(archive), expect="damaged archive")


def test_encrypted_entry_flag(archive: Path) -> None:
    raw = bytearray(archive.read_bytes())
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        raw[at + 8] |= 1
        at = raw.find(b"PK\x01\x02", at + 4)
    archive.write_bytes(raw)
    refused(archive, "check", str(archive), expect="encrypted")


@pytest.mark.parametrize("order", ["full-first", "empty-first"])
def test_duplicate_project_json_is_refused_either_way(archive: Path, tmp_path: Path, order: str) -> None:
    with zipfile.ZipFile(archive) as z:
        members = [(n, z.read(n)) for n in z.namelist()]
    full = dict(members)["project.json"]
    empty = json.dumps({**json.loads(full), "levels": []}).encode()
    first, second = (full, empty) if order == "full-first" else (empty, full)
    dup = tmp_path / "dup.vplan"
    with warnings.catch_warnings(), zipfile.ZipFile(dup, "w") as z:
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        z.writestr("project.json", first)
        z.writestr("project.json", second)
        for name, data in members:
            if name != "project.json":
                z.writestr(name, data)
    refused(dup, "check", str(dup), expect="two members named 'project.json'")


def _json_file(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    data = encode_project(corridor_and_restroom(venue={"name": "T"}))
    text = change(data)
    path = tmp_path / "p.json"
    path.write_text(text if isinstance(text, str) else json.dumps(data), encoding="utf-8")
    return path


def test_nul_byte_in_a_background_path(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["levels"][0]["backgrounds"] = [{"source": "backgrounds/a\x00b.png", "transform": [1, 0, 0, 1, 0, 0]}]

    path = _json_file(tmp_path, change)
    refused(path, "check", str(path), expect="control characters")


def test_integer_too_large_for_a_float(tmp_path: Path) -> None:
    def change(data: dict) -> str:
        data["venue"]["face_height_m"] = 1.5
        return json.dumps(data).replace('"face_height_m": 1.5', '"face_height_m": 1' + "0" * 400)

    path = _json_file(tmp_path, change)
    refused(path, "check", str(path), expect="venue.face_height_m")


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_lone_surrogate_in_a_name_prints_nothing_on_stdout(tmp_path: Path, fmt: str) -> None:
    def change(data: dict) -> None:
        data["levels"][0]["zones"][0]["name"] = "x\ud800y"

    path = _json_file(tmp_path, change)
    assert "\\ud800" in path.read_text()
    refused(path, "check", str(path), "--format", fmt, expect="surrogate")
    refused(path, "report", str(path), "-o", str(tmp_path / "r.pdf"), expect="surrogate")


def test_notice_url_too_long_for_a_qr_code(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["venue"]["notice_url"] = "https://example.com/" + "a" * 5000

    path = _json_file(tmp_path, change)
    refused(path, "signs", str(path), "-o", str(tmp_path / "s.pdf"), expect="venue.notice_url")
    assert not (tmp_path / "s.pdf").exists()


def test_imdf_archive_with_a_corrupt_member(tmp_path: Path) -> None:
    src = tmp_path / "v.zip"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as z:
        for name, value in imdf_features().items():
            z.writestr(name, json.dumps(value) * 3)
    raw = bytearray(src.read_bytes())
    start = _member_offset(src, "level.geojson")
    for i in range(start + 5, start + 40):
        raw[i] ^= 0x3C
    src.write_bytes(raw)
    code, _out, err = run("import", str(src), "-o", str(tmp_path / "o.vplan"))
    assert code == 2 and err.startswith(f"planner: {src}") and "internal error" not in err, err


def test_damaged_pdf_page(tmp_path: Path) -> None:
    from tests.unit.import_fixtures import plan_pdf

    raw = plan_pdf()
    at = raw.find(b"/Type /Page\n") if b"/Type /Page\n" in raw else raw.find(b"/Type /Page ")
    damaged = raw.replace(b"/Contents", b"/Contxnts").replace(b"/MediaBox", b"/MediaBax")
    src = tmp_path / "p.pdf"
    src.write_bytes(damaged if at >= 0 else raw[: len(raw) // 2])
    code, _, err = run("import", str(src), "-o", str(tmp_path / "o.vplan"))
    assert code in (0, 2) and "internal error" not in err, err
