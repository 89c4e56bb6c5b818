"""Project files: round trips, schema, migration, atomic saves and every safe rejection."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest

from planner.io import (
    FORMAT_VERSION,
    ProjectFileError,
    UnsafeArchiveError,
    UnsupportedFormatVersionError,
    atomic,
    encode_project,
    load_project,
    project_json_bytes,
    projectfile,
    save_project,
)
from planner.model import Background
from tests.venues import corridor_and_restroom

SCHEMA = json.loads((Path(__file__).parents[2] / "docs" / "project.schema.json").read_text(encoding="utf-8"))
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _data() -> dict:
    return encode_project(corridor_and_restroom())


def _write_json(tmp_path: Path, data: object, name: str = "project.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _write_zip(tmp_path: Path, members: dict[str, bytes], name: str = "p.vplan") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return path


# -- round trips ------------------------------------------------------------
def test_vplan_round_trip_keeps_everything(tmp_path: Path) -> None:
    project = corridor_and_restroom()
    project.extra["x_future"] = {"kept": True}
    project.level("L1").extra["x_note"] = "level note"
    project.get("c1").extra["x_vendor"] = "ACME"
    project.level("L1").backgrounds.append(Background(source="backgrounds/plan.png"))
    project.files["backgrounds/plan.png"] = PNG_1PX
    save_project(project, tmp_path / "a.vplan")
    again = load_project(tmp_path / "a.vplan")
    assert encode_project(again) == encode_project(project)
    assert again.files == {"backgrounds/plan.png": PNG_1PX}
    assert again.get("c1").extra == {"x_vendor": "ACME"}
    jsonschema.validate(encode_project(again), SCHEMA)


def test_bare_json_round_trip_with_side_files(tmp_path: Path) -> None:
    project = corridor_and_restroom()
    project.level("L1").backgrounds.append(Background(source="backgrounds/plan.png"))
    project.files["backgrounds/plan.png"] = PNG_1PX
    save_project(project, tmp_path / "project.json")
    assert (tmp_path / "backgrounds" / "plan.png").read_bytes() == PNG_1PX
    again = load_project(tmp_path / "project.json")
    assert encode_project(again) == encode_project(project)
    assert again.files["backgrounds/plan.png"] == PNG_1PX


def test_saving_is_deterministic(tmp_path: Path) -> None:
    save_project(corridor_and_restroom(), tmp_path / "a.vplan")
    save_project(corridor_and_restroom(), tmp_path / "b.vplan")
    assert (tmp_path / "a.vplan").read_bytes() == (tmp_path / "b.vplan").read_bytes()


def test_design_example_loads(tmp_path: Path) -> None:
    data = {
        "format": "venue-planner-project",
        "format_version": 1,
        "venue": {"name": "Harbour Hotel", "languages": ["zh", "en"], "expected_enrolled_people": 20000},
        "levels": [
            {
                "id": "L1",
                "name": "Ground floor",
                "elevation_m": 0.0,
                "zones": [
                    {"id": "z1", "name": "Lobby", "use": "lobby", "polygon": [[0, 0], [20, 0], [20, 12], [0, 12]]}
                ],
                "walls": [{"id": "w1", "path": [[0, 0], [20, 0]], "thickness_m": 0.15, "material": "opaque"}],
                "openings": [{"id": "d1", "kind": "door", "segment": [[4, 0], [5, 0]]}],
                "cameras": [
                    {
                        "id": "c1",
                        "name": "Lobby FR",
                        "position": [2, 2],
                        "mount_height_m": 2.8,
                        "heading_deg": 45,
                        "hfov_deg": 90,
                        "tilt_deg": 15,
                        "resolution": [1920, 1080],
                        "range_m": 20,
                        "face_recognition": True,
                        "kind": "fixed",
                        "privacy_masks": [],
                    }
                ],
                "signs": [
                    {
                        "id": "s1",
                        "kind": "fr_notice",
                        "position": [5, -1],
                        "facing_deg": 180,
                        "mount_height_m": 1.6,
                        "size": "A3",
                    }
                ],
            }
        ],
    }
    jsonschema.validate(data, SCHEMA)
    project = load_project(_write_json(tmp_path, data))
    assert project.get("c1").face_recognition is True
    assert project.get("d1").kind == "door"


# -- migration ----------------------------------------------------------------
def test_version_0_file_is_migrated(tmp_path: Path) -> None:
    old = {
        "format": "venue-planner-project",
        "format_version": 0,
        "venue": {"name": "Old"},
        "levels": [
            {
                "id": "L1",
                "zones": [{"id": "z1", "type": "restroom", "polygon": [[0, 0], [3, 0], [3, 3]]}],
                "cameras": [{"id": "c1", "position": [1, 1], "fov_deg": 70, "fr": True, "direction_deg": 90}],
            }
        ],
    }
    project = load_project(_write_json(tmp_path, old))
    cam = project.get("c1")
    assert (cam.hfov_deg, cam.face_recognition, cam.heading_deg) == (70.0, True, 0.0)
    assert project.get("z1").use == "restroom"
    data = encode_project(project)
    assert data["format_version"] == FORMAT_VERSION
    jsonschema.validate(data, SCHEMA)


# -- atomic save ----------------------------------------------------------------
def test_save_keeps_backup_of_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "h.vplan"
    project = corridor_and_restroom()
    save_project(project, path)
    first = path.read_bytes()
    project.update("c1", heading_deg=10)
    save_project(project, path)
    assert (tmp_path / "h.vplan.bak").read_bytes() == first
    assert load_project(path).get("c1").heading_deg == 10.0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.vplan", "h.vplan.bak"]


def test_failed_save_leaves_previous_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "h.vplan"
    save_project(corridor_and_restroom(), path)
    before = path.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(ProjectFileError, match="No space left"):
        save_project(corridor_and_restroom(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_save_refuses_missing_background_data(tmp_path: Path) -> None:
    project = corridor_and_restroom()
    project.level("L1").backgrounds.append(Background(source="backgrounds/gone.png"))
    with pytest.raises(ProjectFileError, match=r"gone\.png"):
        save_project(project, tmp_path / "x.vplan")
    assert not (tmp_path / "x.vplan").exists()


# -- rejections ------------------------------------------------------------------
def _mutate(fn) -> dict:
    data = _data()
    fn(data)
    return data


BAD_JSON = {
    "truncated": (b'{"format": "venue-planner-project", "format_version": 1, "levels": [', "invalid JSON at line 1"),
    "empty": (b"", "empty"),
    "array": (b"[1, 2, 3]", "expected a JSON object"),
    "string": (b'"hello"', "expected a JSON object"),
    "nan": (b'{"format": "venue-planner-project", "format_version": 1, "venue": {"face_height_m": NaN}}', "NaN"),
    "infinity": (b'{"format": "venue-planner-project", "format_version": 1, "x": -Infinity}', "Infinity"),
    "not utf8": (b'{"format": "\xff\xfe"}', "not UTF-8"),
    "duplicate key": (b'{"format": "venue-planner-project", "format": "x"}', "duplicate key"),
    "deep": (b'{"a":' * 100 + b"1" + b"}" * 100, "deeper"),
}


@pytest.mark.parametrize("case", BAD_JSON)
def test_malformed_json_is_rejected(tmp_path: Path, case: str) -> None:
    raw, message = BAD_JSON[case]
    path = tmp_path / "project.json"
    path.write_bytes(raw)
    with pytest.raises(ProjectFileError, match=message) as err:
        load_project(path)
    assert str(path) in str(err.value)


def _set(path: list, value: object):
    def fn(data: dict) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return fn


BAD_VALUES = {
    "future version": (
        _set(["format_version"], 99),
        "format_version: format version 99 is newer",
        UnsupportedFormatVersionError,
    ),
    "string version": (_set(["format_version"], "1"), "format_version: expected an integer", ProjectFileError),
    "wrong format": (_set(["format"], "other"), "format: expected 'venue-planner-project'", ProjectFileError),
    "levels not list": (_set(["levels"], {"L1": {}}), "levels: expected a list", ProjectFileError),
    "wrong type": (
        _set(["levels", 0, "cameras", 0, "hfov_deg"], "wide"),
        "levels[0].cameras[0].hfov_deg: expected a number",
        ProjectFileError,
    ),
    "bool as number": (
        _set(["levels", 0, "cameras", 0, "tilt_deg"], True),
        "levels[0].cameras[0].tilt_deg",
        ProjectFileError,
    ),
    "two-point polygon": (
        _set(["levels", 0, "zones", 1, "polygon"], [[0, 0], [1, 1]]),
        "levels[0].zones[1].polygon: a polygon needs at least 3 distinct points",
        ProjectFileError,
    ),
    "bad vertex": (
        _set(["levels", 0, "zones", 0, "polygon", 2], [1, None]),
        r"levels\[0\].zones\[0\].polygon\[2\]\[1\]",
        ProjectFileError,
    ),
    "huge coordinate": (_set(["levels", 0, "walls", 0, "path", 1], [1e300, 0]), "out of range", ProjectFileError),
    "negative thickness": (
        _set(["levels", 0, "walls", 0, "thickness_m"], -0.1),
        "levels[0].walls[0].thickness_m",
        ProjectFileError,
    ),
    "unknown use": (
        _set(["levels", 0, "zones", 0, "use"], "sauna"),
        "levels[0].zones[0].use: expected one of",
        ProjectFileError,
    ),
    "unknown material": (
        _set(["levels", 0, "walls", 0, "material"], "brick"),
        "levels[0].walls[0].material",
        ProjectFileError,
    ),
    "missing id": (
        lambda d: d["levels"][0]["cameras"][0].pop("id"),
        "levels[0].cameras[0]: missing required field 'id'",
        ProjectFileError,
    ),
    "duplicate id": (
        _set(["levels", 0, "cameras", 1, "id"], "wc"),
        "levels[0].cameras[1].id: duplicate id 'wc'",
        ProjectFileError,
    ),
    "duplicate level id": (
        lambda d: d["levels"].append({"id": "L1"}),
        "levels[1].id: duplicate id 'L1'",
        ProjectFileError,
    ),
    "dangling wall reference": (
        _set(["levels", 0, "openings", 0, "wall"], "w_nope"),
        "levels[0].openings[0].wall: refers to wall 'w_nope'",
        ProjectFileError,
    ),
    "bad resolution": (
        _set(["levels", 0, "cameras", 0, "resolution"], [1920]),
        "levels[0].cameras[0].resolution",
        ProjectFileError,
    ),
    "item not object": (
        _set(["levels", 0, "signs", 0], "s1"),
        "levels[0].signs[0]: expected an object",
        ProjectFileError,
    ),
    "venue not object": (_set(["venue"], []), "venue: expected an object", ProjectFileError),
    "bad language": (_set(["venue", "languages"], ["de"]), r"venue.languages\[0\]", ProjectFileError),
}


@pytest.mark.parametrize("case", BAD_VALUES)
def test_invalid_values_are_rejected_with_their_path(tmp_path: Path, case: str) -> None:
    mutate, message, exc_type = BAD_VALUES[case]
    path = _write_json(tmp_path, _mutate(mutate))
    with pytest.raises(exc_type) as err:
        load_project(path)
    text = str(err.value)
    assert text.startswith(str(path) + ": ")
    if message.startswith("levels") and "\\" not in message:
        assert message in text
    else:
        import re

        assert re.search(message, text), text
    assert "\n" not in text


def test_vplan_rejections(tmp_path: Path) -> None:
    good = project_json_bytes(corridor_and_restroom())
    cases = {
        "not a zip": (tmp_path / "junk.vplan", b"this is not a zip file", "not a ZIP archive"),
    }
    for path, raw, message in cases.values():
        path.write_bytes(raw)
        with pytest.raises(ProjectFileError, match=message):
            load_project(path)
    with pytest.raises(ProjectFileError, match=r"no project\.json"):
        load_project(_write_zip(tmp_path, {"other.json": good}, "nojson.vplan"))
    with pytest.raises(UnsafeArchiveError, match="outside the archive"):
        load_project(_write_zip(tmp_path, {"project.json": good, "backgrounds/../../evil.png": b"x"}, "dots.vplan"))
    with pytest.raises(UnsafeArchiveError, match="absolute"):
        load_project(_write_zip(tmp_path, {"project.json": good, "/etc/passwd": b"x"}, "abs.vplan"))
    with pytest.raises(UnsafeArchiveError, match="absolute"):
        load_project(_write_zip(tmp_path, {"project.json": good, "C:\\evil.png": b"x"}, "win.vplan"))
    data = encode_project(corridor_and_restroom())
    data["levels"][0]["backgrounds"] = [{"source": "backgrounds/missing.png"}]
    with pytest.raises(
        ProjectFileError, match=r"levels\[0\].backgrounds\[0\].source: background 'backgrounds/missing.png'"
    ):
        load_project(_write_zip(tmp_path, {"project.json": json.dumps(data).encode()}, "missing.vplan"))


def test_truncated_vplan_is_rejected(tmp_path: Path) -> None:
    save_project(corridor_and_restroom(), tmp_path / "ok.vplan")
    raw = (tmp_path / "ok.vplan").read_bytes()
    cut = tmp_path / "cut.vplan"
    cut.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(ProjectFileError):
        load_project(cut)


def test_zip_bomb_is_rejected_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.vplan"
    good = project_json_bytes(corridor_and_restroom())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.json", good)
        zf.writestr("backgrounds/bomb.png", b"\0" * (50 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    with pytest.raises(UnsafeArchiveError, match="ZIP bomb"):
        load_project(path)


def test_total_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(projectfile.LIMITS, "total_uncompressed", 1000)
    path = _write_zip(
        tmp_path,
        {"project.json": project_json_bytes(corridor_and_restroom()), "backgrounds/a.png": bytes(range(256)) * 8},
    )
    with pytest.raises(UnsafeArchiveError, match="expands to more than"):
        load_project(path)


def test_forged_member_size_is_caught(tmp_path: Path) -> None:
    """A member whose header understates its size cannot inflate past it."""
    buf = io.BytesIO()
    payload = b"A" * 5000
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("project.json", project_json_bytes(corridor_and_restroom()))
        zf.writestr("backgrounds/a.png", payload)
    raw = bytearray(buf.getvalue())
    # Patch the central directory's uncompressed size of the second member to 10 bytes.
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 24 : cd + 28] = (10).to_bytes(4, "little")
    path = tmp_path / "forged.vplan"
    path.write_bytes(bytes(raw))
    with pytest.raises(ProjectFileError):
        load_project(path)


def test_oversized_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(projectfile.LIMITS, "file_size", 100)
    path = _write_json(tmp_path, _data())
    with pytest.raises(ProjectFileError, match="too large"):
        load_project(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="file not found"):
        load_project(tmp_path / "nope.vplan")
    with pytest.raises(ProjectFileError, match="folder"):
        load_project(tmp_path)


def test_new_files_get_normal_permissions(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        save_project(corridor_and_restroom(), tmp_path / "p.vplan")
    finally:
        os.umask(mask)
    assert (tmp_path / "p.vplan").stat().st_mode & 0o777 == 0o644


def test_bare_json_background_must_stay_in_its_folder(tmp_path: Path) -> None:
    data = encode_project(corridor_and_restroom())
    for source in ("../secret.png", "/etc/passwd"):
        data["levels"][0]["backgrounds"] = [{"source": source}]
        path = _write_json(tmp_path, data)
        with pytest.raises(ProjectFileError, match=r"levels\[0\]\.backgrounds\[0\]\.source: background"):
            load_project(path)
