"""Rule packs by id or file: the pack decides which spaces are private, and a bad pack is named."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import LineString

from planner.assets import sample_path
from planner.cli import main
from planner.importers.imdf import import_imdf
from planner.io import save_project
from planner.rules import check_project, load_rule_pack
from planner.rules.pack import RULE_PACKS_ENV, RulePackError, available_rule_packs, shown_private_uses
from tests.venues import corridor_and_restroom


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def gym_pack(private: str = "gym", **changes: Any) -> dict[str, Any]:
    """The shipped pack with ``gym`` (or ``private``) private for every device, as a new pack ``gym-private``."""
    data = json.loads(json.dumps(load_rule_pack("cn-2025").data))
    data["id"] = "gym-private"
    for devices in ("all_devices", "face_recognition"):
        data["private_uses"][devices].append(private)
    data.update(changes)
    return data


def gym_venue():  # type: ignore[no-untyped-def]
    """corridor_and_restroom with the room a gym: c2 stands in it, c1 looks into it."""
    project = corridor_and_restroom()
    project.update("wc", use="gym", name="Gym")
    return project


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_pack_from_a_file_makes_gym_private(tmp_path: Path) -> None:
    pack = load_rule_pack(str(write(tmp_path / "gym.json", gym_pack())))
    assert pack.id == "gym-private" and "gym" in pack.private_uses("all_devices")
    codes = {(f.code, f.camera) for f in check_project(gym_venue(), pack).findings}
    assert {("DEVICE_IN_PRIVATE_SPACE", "c2"), ("VIEW_INTO_PRIVATE_SPACE", "c1")} <= codes
    default = {f.code for f in check_project(gym_venue()).findings}
    assert not default & {"DEVICE_IN_PRIVATE_SPACE", "VIEW_INTO_PRIVATE_SPACE"}


def test_check_takes_an_id_or_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project_file = tmp_path / "gym.vplan"
    save_project(gym_venue(), project_file)
    pack_file = write(tmp_path / "gym.json", gym_pack())
    code, out, err = run("check", str(project_file), "--format", "json", "--rule-pack", str(pack_file))
    assert code == 1, err
    data = json.loads(out)
    assert data["rule_pack"] == "gym-private"
    assert {f["code"] for f in data["findings"] if f["zone"] == "wc"} >= {"DEVICE_IN_PRIVATE_SPACE"}
    assert run("check", str(project_file))[0] == 0  # the venue's own pack: a gym is no private space
    # a folder of packs makes the id known: projects name it in venue.rule_pack
    folder = tmp_path / "packs"
    folder.mkdir()
    write(folder / "gym-private.json", gym_pack())
    monkeypatch.setenv(RULE_PACKS_ENV, str(folder))
    assert "gym-private" in available_rule_packs() and "cn-2025" in available_rule_packs()
    assert run("check", str(project_file), "--rule-pack", "gym-private")[0] == 1
    project = gym_venue()
    project.venue.rule_pack = "gym-private"
    save_project(project, project_file)
    assert run("check", str(project_file))[0] == 1
    assert "gym" in shown_private_uses("gym-private") and "gym" not in shown_private_uses("cn-2025")


@pytest.mark.parametrize(("change", "message"), [
    ({"private_uses": {"all_devices": ["gymnasium"]}}, "private_uses.all_devices[0]: unknown zone use 'gymnasium'"),
    ({"private_uses": {"drones": []}}, "private_uses.drones: unknown device class"),
    ({"id": "gym private"}, "id: expected 1-64 letters"),
    ({"filing_threshold_people": "many"}, "filing_threshold_people: expected a number"),
])
def test_a_bad_pack_names_its_file_and_field(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    pack_file = write(tmp_path / "bad.json", gym_pack(**change))
    with pytest.raises(RulePackError) as exc:
        load_rule_pack(str(pack_file))
    assert str(exc.value) == f"rule pack file {pack_file}: {message}" or str(exc.value).startswith(
        f"rule pack file {pack_file}: {message}")


def test_bad_packs_on_the_command_line(tmp_path: Path) -> None:
    project_file = tmp_path / "t.vplan"
    save_project(gym_venue(), project_file)
    data = gym_pack()
    data["rules"]["SIGN_MISSING"]["severity"] = "fatal"
    bad = write(tmp_path / "bad.json", data)
    code, out, err = run("check", str(project_file), "--rule-pack", str(bad))
    assert code == 2 and out == ""
    assert err == f"planner: --rule-pack: rule pack file {bad}: rules.SIGN_MISSING.severity: must be one of " \
                  "error, warning, info\n"
    (tmp_path / "broken.json").write_text('{"id": "x",', encoding="utf-8")
    code, _, err = run("check", str(project_file), "--rule-pack", str(tmp_path / "broken.json"))
    assert code == 2 and "broken.json: not valid JSON" in err and "line 1" in err and err[-1] == "\n"
    code, _, err = run("check", str(project_file), "--rule-pack", str(tmp_path / "missing.json"))
    assert code == 2 and err.strip().endswith("missing.json: not found")
    code, _, err = run("check", str(project_file), "--rule-pack", "no-such-pack")
    assert code == 2 and "unknown rule pack 'no-such-pack'" in err and "cn-2025" in err


def test_imdf_walls_follow_the_pack_of_the_new_project(tmp_path: Path) -> None:
    """The IMDF importer walls in the units private under the pack the new project names, not a fixed list."""
    from tests.unit.import_fixtures import write_imdf

    archive = write_imdf(tmp_path / "venue.zip")

    def outline_m(result: Any) -> float:
        return sum(LineString(w.path).length for level in result.project.levels for w in level.walls
                   if w.extra.get("import", {}).get("outline_of_private_units"))

    default = import_imdf(archive)
    lobby = import_imdf(archive, rule_pack=str(write(tmp_path / "lobby.json", gym_pack("lobby"))))
    assert default.project.venue.rule_pack == "cn-2025" and lobby.project.venue.rule_pack == "gym-private"
    assert outline_m(lobby) > outline_m(default) + 30  # the 12 x 8 m lobby's outline joins the walls


def test_an_unreadable_rule_pack_folder_hides_its_packs_and_stops_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import planner.rules.pack as pack_module

    real_is_dir = Path.is_dir
    locked = tmp_path / "locked"

    def is_dir(self: Path) -> bool:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    monkeypatch.setenv(pack_module.RULE_PACKS_ENV, str(locked))
    assert "cn-2025" in pack_module.available_rule_packs()
    assert "cannot be read" in caplog.text and str(locked) in caplog.text
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(sample_path("mall-fitting"))], out=out, err=err) == 1, err.getvalue()
