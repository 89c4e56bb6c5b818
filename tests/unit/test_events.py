"""Model change events: weak slots, blocked and paused signals, one event per step."""

from __future__ import annotations

import gc

from planner.model import AddItem, Camera, Change, Macro, Move, Signal
from tests.venues import corridor_and_restroom


class _Listener:
    def __init__(self) -> None:
        self.seen: list[Change] = []

    def on_change(self, change: Change) -> None:
        self.seen.append(change)


def test_a_listener_that_goes_away_is_dropped_not_kept_alive() -> None:
    project = corridor_and_restroom()
    listener = _Listener()
    project.changed.connect(listener.on_change)
    project.update("c1", heading_deg=10)
    assert len(listener.seen) == 1 and len(project.changed) == 1
    del listener
    gc.collect()
    project.update("c1", heading_deg=20)  # nothing to call, nothing raised
    assert len(project.changed) == 0


def test_plain_functions_stay_connected_and_connect_once() -> None:
    signal = Signal()
    seen: list[int] = []
    signal.connect(seen.append)
    signal.connect(seen.append)
    signal.emit(1)
    assert seen == [1]
    signal.disconnect(seen.append)
    signal.emit(2)
    assert seen == [1]


def test_blocked_emits_nothing() -> None:
    project = corridor_and_restroom()
    seen: list[Change] = []
    project.changed.connect(seen.append)
    with project.changed.blocked():
        project.update("c1", heading_deg=10)
    assert seen == [] and project.get("c1").heading_deg == 10


def test_a_macro_of_n_inserts_emits_once() -> None:
    project = corridor_and_restroom()
    seen: list[Change] = []
    project.changed.connect(seen.append)
    cameras = [Camera(id=f"n{i}", position=(1.0 + i * 0.1, 1.0)) for i in range(5)]
    macro = Macro("Add five", [AddItem("L1", c) for c in cameras])
    macro.apply(project)
    assert len(seen) == 1 and seen[0].action == "batch"
    assert [(c.action, c.entity_id, c.kind) for c in seen[0].expand()] == [
        ("insert", f"n{i}", "camera") for i in range(5)]
    macro.revert(project)
    assert len(seen) == 2 and [c.action for c in seen[1].expand()] == ["remove"] * 5
    assert all(f"n{i}" not in project for i in range(5))


def test_moving_several_items_is_one_event_and_a_single_edit_stays_single() -> None:
    project = corridor_and_restroom()
    seen: list[Change] = []
    project.changed.connect(seen.append)
    Move(["c1", "c2"], 1.0, 0.0).apply(project)
    assert len(seen) == 1 and {c.entity_id for c in seen[0].expand()} == {"c1", "c2"}
    Move(["c1"], 1.0, 0.0).apply(project)
    assert seen[-1] == Change("update", "L1", "c1", ("position",), kind="camera")


def test_nested_batches_emit_once_at_the_outer_end() -> None:
    project = corridor_and_restroom()
    seen: list[Change] = []
    project.changed.connect(seen.append)
    with project.batch():
        project.update("c1", heading_deg=1)
        with project.batch():
            project.update("c2", heading_deg=2)
        assert seen == []
    assert len(seen) == 1 and len(list(seen[0].expand())) == 2
