"""Undoable commands: apply / revert restore the exact project, merges make one step."""

from __future__ import annotations

import pytest

from planner.io import encode_project
from planner.model import AddItem, Camera, Macro, ModelError, Move, RemoveItem, SetProperty, Zone
from tests.venues import corridor_and_restroom


def _snapshot(project):
    return encode_project(project)


@pytest.mark.parametrize(
    "make",
    [
        lambda: AddItem("L1", Camera(id="c9", position=(2, 1))),
        lambda: AddItem("L1", Zone(id="z9", polygon=((0, 0), (1, 0), (1, 1))), index=0),
        lambda: RemoveItem("wc"),
        lambda: RemoveItem("c1"),
        lambda: SetProperty("c1", {"heading_deg": 45, "hfov_deg": 60}),
        lambda: SetProperty("venue", {"operator": "Other Co."}),
        lambda: SetProperty("L1", {"name": "Lobby level"}),
        lambda: Move(["c1", "wc", "w_wc", "d1", "s1"], 1.5, -2.0),
        lambda: Macro("Two things", [RemoveItem("c2"), SetProperty("c1", {"tilt_deg": 30})]),
    ],
)
def test_apply_then_revert_restores_project(make) -> None:
    project = corridor_and_restroom()
    before = _snapshot(project)
    cmd = make()
    cmd.apply(project)
    after = _snapshot(project)
    assert after != before
    assert cmd.text
    cmd.revert(project)
    assert _snapshot(project) == before
    cmd.apply(project)  # redo
    assert _snapshot(project) == after


def test_remove_restores_position_in_list() -> None:
    project = corridor_and_restroom()
    cmd = RemoveItem("corr")
    cmd.apply(project)
    cmd.revert(project)
    assert [z.id for z in project.level("L1").zones] == ["corr", "wc"]
    assert cmd.text == "Delete zone corr"


def test_move_translates_every_vertex() -> None:
    project = corridor_and_restroom()
    Move(["wc", "c1"], 1, 2).apply(project)
    assert project.get("wc").polygon[0] == (2.5, 4.0)
    assert project.get("c1").position == (1.5, 3.0)


def test_drag_merges_into_one_step() -> None:
    project = corridor_and_restroom()
    first = Move(["c1"], 0.1, 0, merge=True)
    first.apply(project)
    for _ in range(9):
        nxt = Move(["c1"], 0.1, 0, merge=True)
        nxt.apply(project)
        assert first.merge(nxt)
    assert first.dx == pytest.approx(1.0)
    first.revert(project)
    assert project.get("c1").position == pytest.approx((0.5, 1.0))
    assert not first.merge(Move(["c2"], 1, 0, merge=True))


def test_set_property_merge_keeps_first_old_value() -> None:
    project = corridor_and_restroom()
    a = SetProperty("c1", {"heading_deg": 100}, merge=True)
    a.apply(project)
    b = SetProperty("c1", {"heading_deg": 110}, merge=True)
    b.apply(project)
    assert a.merge(b)
    a.revert(project)
    assert project.get("c1").heading_deg == 90.0
    a.apply(project)
    assert project.get("c1").heading_deg == 110.0


def test_failing_macro_rolls_back() -> None:
    project = corridor_and_restroom()
    before = _snapshot(project)
    macro = Macro("Bad", [SetProperty("c1", {"tilt_deg": 20}), SetProperty("c1", {"hfov_deg": -1})])
    with pytest.raises(ModelError):
        macro.apply(project)
    assert _snapshot(project) == before


def test_add_and_remove_level_round_trip() -> None:
    from planner.model import Level
    from planner.model.commands import AddLevel, RemoveLevel

    project = corridor_and_restroom()
    before = _snapshot(project)
    seen = []
    project.changed.connect(seen.append)
    add = AddLevel(Level(id="L2", name="Upper", zones=[Zone(id="z9", polygon=((0, 0), (1, 0), (1, 1)))]))
    add.apply(project)
    assert [lv.id for lv in project.levels] == ["L1", "L2"] and project.level_of("z9").id == "L2"
    add.revert(project)
    assert _snapshot(project) == before and "z9" not in project
    remove = RemoveLevel("L1")
    with pytest.raises(ModelError):
        remove.apply(project)  # the last level stays
    add.apply(project)
    remove.apply(project)
    assert [lv.id for lv in project.levels] == ["L2"] and "c1" not in project
    remove.revert(project)
    assert [lv.id for lv in project.levels] == ["L1", "L2"] and project.level_of("c1").id == "L1"
    assert {c.action for c in seen} == {"reset"}
    with pytest.raises(ModelError):
        AddLevel(Level(id="c1")).apply(project)  # ids are unique across levels and items


def test_set_backgrounds_adds_files_and_reverts() -> None:
    from planner.model import Background
    from planner.model.commands import SetBackgrounds

    project = corridor_and_restroom()
    bg = Background(source="backgrounds/plan.png", transform=(0.02, 0, 0, -0.02, 0, 10))
    add = SetBackgrounds("L1", [bg], files={"backgrounds/plan.png": b"png"}, text="Import background")
    add.apply(project)
    assert project.level("L1").backgrounds == [bg] and project.files["backgrounds/plan.png"] == b"png"
    first = SetBackgrounds("L1", [Background(source=bg.source, transform=(0.03, 0, 0, -0.03, 0, 10))], merge=True)
    second = SetBackgrounds("L1", [Background(source=bg.source, transform=(0.04, 0, 0, -0.04, 0, 10))], merge=True)
    first.apply(project)
    second.apply(project)
    assert first.merge(second)
    first.revert(project)
    assert project.level("L1").backgrounds[0].transform == (0.02, 0, 0, -0.02, 0, 10)
    add.revert(project)
    assert project.level("L1").backgrounds == [] and "backgrounds/plan.png" not in project.files
    with pytest.raises(ModelError):
        SetBackgrounds("L1", [Background(source="missing.png")]).apply(project)
