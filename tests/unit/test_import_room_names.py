"""A room's name is its own label: no floor finish, stair arrow or small annotation glued to it."""

from __future__ import annotations

from pathlib import Path

from shapely.geometry import Point, Polygon

from planner.importers import import_plan
from planner.importers.labels import PlacedText, is_plan_note, room_name

# rooms (metres): name -> outline corner and the texts inside it (text, insert, height)
ROOMS: dict[str, tuple[tuple[float, float], list[tuple[str, tuple[float, float], float]]]] = {
    "toilet": ((0, 0), [("STRANIŠČE", (0.5, 2.0), 0.25), ("Keramika", (0.5, 1.65), 0.25)]),
    "kitchen": ((5, 0), [("KITCHEN", (5.5, 2.5), 0.2), ("DN", (7.5, 0.8), 0.2)]),
    "storage": ((10, 0), [("UP", (10.5, 2.5), 0.2), ("STORAGE", (11.5, 0.6), 0.2)]),
    "utility": ((15, 0), [("UTILITY", (15.5, 2.0), 0.25), ("Keramika", (15.5, 1.65), 0.25), ("W", (17.5, 0.5), 0.15)]),
    "two lines": ((20, 0), [("Staff", (20.5, 2.0), 0.25), ("Rest Room", (20.5, 1.65), 0.25)]),
    "two rooms": ((25, 0), [("LIVING", (25.5, 2.5), 0.25), ("FOYER", (27.5, 0.5), 0.25)]),
    "chinese": ((30, 0), [("男", (30.5, 1.5), 0.3), ("厕", (30.82, 1.5), 0.3), ("地砖", (30.5, 0.5), 0.3)]),
    "chinese down": ((35, 0), [("女", (36.0, 2.4), 0.3), ("厕", (36.0, 2.0), 0.3)]),
}
EXPECTED = {
    "toilet": "STRANIŠČE", "kitchen": "KITCHEN", "storage": "STORAGE", "utility": "UTILITY",
    "two lines": "Staff Rest Room", "two rooms": "LIVING / FOYER", "chinese": "男厕", "chinese down": "女厕",
}


def _rooms_dxf(path: Path) -> Path:
    import ezdxf

    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for (x, y), texts in ROOMS.values():
        msp.add_lwpolyline([(x, y), (x + 4, y), (x + 4, y + 3), (x, y + 3)], close=True,
                           dxfattribs={"layer": "SPACE"})
        for text, insert, height in texts:
            msp.add_text(text, height=height, dxfattribs={"layer": "ROOM_TEXT", "insert": insert})
    doc.saveas(path)
    return path


def test_room_names_leave_out_finishes_stair_arrows_and_small_notes(tmp_path: Path) -> None:
    result = import_plan(_rooms_dxf(tmp_path / "rooms.dxf"), render=False)
    zones = result.project.levels[0].zones
    names = {}
    for key, ((x, y), _texts) in ROOMS.items():
        zone = next(z for z in zones if Polygon(z.polygon).contains(Point(x + 2, y + 1.5)))
        names[key] = zone.name
    assert names == EXPECTED
    uses = {z.name: z.use for z in zones}
    assert uses["KITCHEN"] == "service" and uses["STORAGE"] == "storage"
    assert uses["男厕"] == "restroom" and uses["女厕"] == "restroom"
    # floor finishes and stair arrows are notes, not room labels the vocabulary lacks
    assert not {"Keramika", "DN", "UP", "地砖"} & set(result.unclassified_labels)
    assert "STRANIŠČE" in result.unclassified_labels


def test_plan_notes_and_names_without_sizes() -> None:
    assert all(is_plan_note(t) for t in ("UP", "dn", "Down", "Parket", "Carpet", "地毯", "上"))
    assert not any(is_plan_note(t) for t in ("Upper Hall", "Store", "Tiled Bathroom", "DN Hall"))
    # without font sizes the texts stay together, in the drawing's order, less the notes
    assert room_name([PlacedText("Lecture Hall", (0, 0)), PlacedText("Parket", (0, -1)),
                      PlacedText("Kaiserslautern", (0, -2))]) == "Lecture Hall Kaiserslautern"
    # a room that holds only a stair arrow keeps it as its name
    assert room_name([PlacedText("UP", (0, 0), 0.2)]) == "UP"
    # the same text twice is named once
    assert room_name([PlacedText("WC", (0, 0), 0.2), PlacedText("WC", (0, -0.3), 0.2)]) == "WC"
