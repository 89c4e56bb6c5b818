"""Odd input found in review: each once crashed, double-counted or gave a remedy that did not help."""

from __future__ import annotations

import io
import json
from pathlib import Path

from planner.cli import main
from planner.io import decode_project
from planner.rules import check_project


def project(levels: list) -> object:
    return decode_project({"format": "venue-planner-project", "format_version": 1, "venue": {"name": "T"},
                           "levels": levels})


def codes(p: object) -> list[tuple]:
    return [(f.code, f.camera, f.zone) for f in check_project(p).findings]  # type: ignore[arg-type]


def test_wall_folding_back_is_invalid_geometry_not_a_crash() -> None:
    p = project([{"id": "L1", "walls": [{"id": "w1", "path": [[0, 0], [3, 0], [0, 0]]}],
                  "cameras": [{"id": "c", "position": [1, 1]}]}])
    assert ("INVALID_GEOMETRY", None, None) in codes(p)


def test_move_remedy_leaves_a_private_zone_drawn_over_a_public_one() -> None:
    p = project([{"id": "L1",
                  "zones": [{"id": "lobby", "use": "lobby", "polygon": [[0, 0], [20, 0], [20, 10], [0, 10]]},
                            {"id": "wc", "use": "restroom", "polygon": [[0, 0], [3, 0], [3, 3], [0, 3]]}],
                  "cameras": [{"id": "c", "position": [1, 1]}]}])
    (device,) = [f for f in check_project(p).findings if f.code == "DEVICE_IN_PRIVATE_SPACE"]
    move = next(r for r in device.remedies if r.kind == "move")
    move.command(p, device).apply(p)
    assert ("DEVICE_IN_PRIVATE_SPACE", "c", "wc") not in codes(p)


def test_door_in_a_gap_between_walls_is_one_entrance() -> None:
    p = project([{"id": "L1",
                  "walls": [{"id": "w1", "path": [[0, 3], [4, 3]]}, {"id": "w2", "path": [[5, 3], [20, 3]]},
                            {"id": "w4", "path": [[0, 6], [20, 6]]}],
                  "openings": [{"id": "d1", "kind": "door", "segment": [[4, 3], [5, 3]]}],
                  "zones": [{"id": "corr", "use": "corridor", "polygon": [[0, 3], [20, 3], [20, 6], [0, 6]]},
                            {"id": "shop", "use": "entrance", "polygon": [[0, 0], [20, 0], [20, 3], [0, 3]]}],
                  "cameras": [{"id": "c1", "position": [10, 5.9], "heading_deg": 180, "hfov_deg": 120,
                               "range_m": 15, "face_recognition": True}]}])
    result = check_project(p)
    into_corridor = [(r.entrance.opening, r.kind) for r in result.signs_required if r.entrance.inside_zone == "corr"]
    assert into_corridor == [("d1", "fr_notice")]


def test_camera_inside_a_wall_that_sees_from_the_private_side_is_inside() -> None:
    p = project([{"id": "L1",
                  "walls": [{"id": "w1", "path": [[0, 3], [20, 3]], "thickness_m": 0.3}],
                  "zones": [{"id": "corr", "use": "corridor", "polygon": [[0, 3], [20, 3], [20, 6], [0, 6]]},
                            {"id": "wc", "use": "restroom", "polygon": [[0, 0], [20, 0], [20, 3], [0, 3]]}],
                  "cameras": [{"id": "c1", "position": [7, 3.1], "heading_deg": 180, "range_m": 10}]}])
    found = codes(p)
    assert ("DEVICE_IN_PRIVATE_SPACE", "c1", "wc") in found
    assert ("VIEW_INTO_PRIVATE_SPACE", "c1", "wc") not in found


def test_privacy_mask_top_level_interval_alone_clears_a_split_view() -> None:
    """A bow-tie restroom seen around its waist: the mask remedy's own interval must clear it."""
    p = project([{"id": "L1", "zones": [{"id": "wc", "use": "restroom",
                                         "polygon": [[0, 0], [3, 3], [3, 0], [0, 3]]}],
                  "cameras": [{"id": "c1", "position": [1.5, 5], "heading_deg": 180}]}])
    views = [f for f in check_project(p).findings if f.code == "VIEW_INTO_PRIVATE_SPACE"]
    assert views
    mask = next(r for r in views[0].remedies if r.kind == "privacy_mask")
    p.update("c1", privacy_masks=[(mask.from_deg, mask.to_deg)])  # type: ignore[attr-defined]
    assert not [f for f in check_project(p).findings if f.code == "VIEW_INTO_PRIVATE_SPACE"]


def _cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out=out, err=err), err.getvalue()


def test_version_0_file_with_wrong_types_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": "venue-planner-project", "format_version": 0, "levels": 5}))
    code, err = _cli("check", str(path))
    assert code == 2 and err.count("\n") == 1 and "levels: expected a list" in err


def test_report_on_a_degenerate_zone_and_coverage_with_unknown_pack(tmp_path: Path) -> None:
    data = {"format": "venue-planner-project", "format_version": 1, "venue": {"name": "T"},
            "levels": [{"id": "L1", "zones": [{"id": "z1", "use": "restroom", "polygon": [[0, 0], [3, 0], [6, 0]]}],
                        "cameras": [{"id": "c", "position": [1, 1]}]}]}
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data))
    code, err = _cli("report", str(path), "-o", str(tmp_path / "r.pdf"))
    assert code == 0, err
    data["venue"]["rule_pack"] = "nope"
    path.write_text(json.dumps(data))
    assert _cli("coverage", str(path))[0] == 0  # coverage needs no rule pack
    code, err = _cli("check", str(path))
    assert code == 2 and "venue.rule_pack" in err
