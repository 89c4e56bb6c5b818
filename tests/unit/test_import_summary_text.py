"""The import summary's lines say something: no bare ``?`` layer, no heading with nothing under it."""

from __future__ import annotations

from pathlib import Path

from planner.importers import import_plan
from planner.importers.result import ImportResult
from planner.model import Level, Project
from tests.unit.import_fixtures import glazed_window_dxf


def _row(layer: str, entities: int, **made: int) -> dict:
    return {"layer": layer, "entities": entities, "walls": 0, "doors": 0, "windows": 0, "labels": 0,
            "ignored": False, **made}


def test_windows_from_glazing_on_any_layer_are_described_not_a_question_mark(tmp_path: Path) -> None:
    result = import_plan(glazed_window_dxf(tmp_path / "glazed.dxf"), render=False)
    assert any(row["layer"] == "?" for row in result.summary()["layers"])  # the data keeps its key
    text = result.summary_text()
    assert "?:" not in text and "0 entities" not in text
    assert "    glazing lines across wall gaps, on any layer -> 2 windows" in text


def test_no_per_layer_heading_without_a_row_that_says_something() -> None:
    result = ImportResult(Project(levels=[Level(id="L1")]), source="plan.dxf", kind="dxf",
                          details={"layers": [_row("EMPTY", 0), _row("DEFPOINTS", 0)]})
    text = result.summary_text()
    assert "per layer" not in text and "EMPTY" not in text
    result.details["layers"].append(_row("WALL", 3, walls=3))
    lines = result.summary_text().splitlines()
    at = lines.index("  per layer:")
    assert lines[at + 1:] == ["    WALL: 3 entities -> 3 walls"]


def test_rows_without_a_layer_but_not_glazing_are_said_plainly() -> None:
    result = ImportResult(Project(levels=[Level(id="L1")]), source="plan.pdf", kind="pdf",
                          details={"layers": [_row("?", 0, walls=4)]})
    assert "    found in any group, none in particular -> 4 walls" in result.summary_text()
