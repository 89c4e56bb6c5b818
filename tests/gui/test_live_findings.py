"""The editor's live findings are the full check's: cameras moved through the samples, compared after each move."""

from __future__ import annotations

import math
import random

import pytest
import shapely

from planner.assets import sample_path
from planner.io import load_project
from planner.model import Camera, Level, Project, Venue, Wall, Zone
from planner.rules import check_project
from planner.rules.engine import ComplianceEngine
from planner.ui.compliance import LiveCompliance

pytestmark = pytest.mark.gui


def _keys(findings, codes) -> list[tuple]:  # type: ignore[no-untyped-def]
    return sorted((f.code, f.level, f.camera, f.zone, f.severity, None if f.area_m2 is None else round(f.area_m2, 6))
                  for f in findings if f.code in codes)


def _targets(project: Project, rng: random.Random) -> list[tuple[str, tuple[float, float], float]]:
    """(camera, position, heading): each camera into a few zones, private ones among them, and onto a wall."""
    moves = []
    for level, camera in project.cameras():
        zones = [z for z in level.zones if len(z.polygon) >= 3]
        for zone in rng.sample(zones, min(3, len(zones))):
            inside = shapely.Polygon(zone.polygon).representative_point()
            moves.append((camera.id, (round(inside.x, 3), round(inside.y, 3)), rng.uniform(0, 360)))
        # set in a wall: sight is computed from a point snapped off it, perhaps on a private side
        wall = rng.choice(level.walls)
        (ax, ay), (bx, by) = wall.path[0], wall.path[1]
        t = rng.uniform(0.2, 0.8)
        moves.append((camera.id, (round(ax + t * (bx - ax), 3), round(ay + t * (by - ay), 3)), rng.uniform(0, 360)))
    rng.shuffle(moves)
    return moves


def _thick_wall() -> Project:
    """A restroom and a corridor drawn to the faces of a 0.3 m wall, a camera to be set in the wall."""
    level = Level(id="L1", walls=[Wall(id="w", path=((0.0, 3.0), (20.0, 3.0)), thickness_m=0.3)],
                  zones=[Zone(id="corr", use="corridor", polygon=((0, 3.15), (20, 3.15), (20, 6), (0, 6))),
                         Zone(id="wc", use="restroom", polygon=((0, 0), (20, 0), (20, 2.85), (0, 2.85)))],
                  cameras=[Camera(id="c1", position=(7.0, 5.0), heading_deg=90.0, range_m=10.0)])
    return Project(venue=Venue(name="Wall"), levels=[level])


@pytest.mark.parametrize("sample", ["harbour-hotel", "mall-fitting", "thick-wall"])
def test_live_findings_equal_the_full_check_after_every_move(qtbot, sample: str) -> None:  # type: ignore[no-untyped-def]
    project = _thick_wall() if sample == "thick-wall" else load_project(sample_path(sample))
    live = LiveCompliance()
    live.set_project(project)
    live.set_interacting(True)  # as during a drag: only the live updates run
    codes = ComplianceEngine.CAMERA_CODES
    assert _keys(live.findings, codes) == _keys(check_project(project).findings, codes)
    moves = _targets(project, random.Random(sample))
    if sample == "thick-wall":  # set in the wall, looking at the restroom: its sight starts on the private side
        moves += [("c1", (x, 3.0), 180.0) for x in (3.0, 9.5, 15.0)]
    assert len(moves) >= 5
    seen_codes = set()
    for camera_id, position, heading in moves:
        project.update(camera_id, position=position, heading_deg=heading)
        qtbot.waitUntil(lambda: not live.pending, timeout=3000)
        expected = check_project(load_project_copy(project)).findings
        assert _keys(live.findings, codes) == _keys(expected, codes), (camera_id, position)
        seen_codes |= {f.code for f in live.findings}
    # the moves took cameras into private rooms and let them look into others
    privacy = {"DEVICE_IN_PRIVATE_SPACE", "VIEW_INTO_PRIVATE_SPACE"}
    assert ({"DEVICE_IN_PRIVATE_SPACE"} if sample == "thick-wall" else privacy) <= seen_codes
    live.set_interacting(False)
    live.refresh()
    full = check_project(load_project_copy(project))
    assert [f.to_json() for f in live.findings] == [f.to_json() for f in full.findings]
    live.set_project(None)


def load_project_copy(project: Project) -> Project:
    """The project as saved and read back: the full check runs with no cache shared with the editor."""
    from planner.io import decode_project, encode_project

    return decode_project(encode_project(project))


def test_a_pause_during_a_drag_still_ends_with_the_full_check(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The full check comes due while the mouse is held still; it runs at the release, not never."""
    project = load_project(sample_path("harbour-hotel"))
    live = LiveCompliance()
    live.set_project(project)
    live.set_interacting(True)
    camera = "L1-cam-corridor-sees-wc-f"
    x, y = project.get(camera).position
    project.update(camera, position=(x - 1.0, y))
    qtbot.wait(LiveCompliance.FULL_DELAY_MS + 250)  # held still: the live list follows, the full check waits
    assert all(not f.remedies for f in live.findings if f.camera == camera)  # the live list: no remedies yet
    live.set_interacting(False)  # the release
    expected = [f.to_json() for f in check_project(load_project_copy(project)).findings]
    assert any(f["remedies"] for f in expected if f.get("camera") == camera)
    qtbot.waitUntil(lambda: [f.to_json() for f in live.findings] == expected, timeout=5000)
    live.set_project(None)


def _shown(panel) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Everything the findings list shows, row by row (texts, colours, tooltips, remedy rows, what a row stands for)."""
    from PySide6.QtCore import Qt

    tree = panel.tree
    rows = []
    for i in range(tree.topLevelItemCount()):
        row = tree.topLevelItem(i)
        children = [(child.text(4), child.toolTip(4), child.foreground(4).color().name(),
                     tuple(child.data(0, Qt.ItemDataRole.UserRole))) for child in
                    (row.child(k) for k in range(row.childCount()))]
        rows.append((tuple(row.text(c) for c in range(5)), row.toolTip(4), row.foreground(0).color().name(),
                     row.icon(0).isNull(), row.data(0, Qt.ItemDataRole.UserRole), row.isExpanded(), children))
    return [*rows, ("title", panel.windowTitle()), ("summary", panel.summary.text())]


def _remedy_bar(panel) -> list:  # type: ignore[no-untyped-def]
    """The remedy buttons below the list (those of the current finding)."""
    return [[b.text() for b in panel.remedy_buttons], panel.fix_all_button.isVisibleTo(panel),
            panel.remedy_bar.isVisibleTo(panel)]


def _fresh(findings, namer) -> list[tuple]:  # type: ignore[no-untyped-def]
    """What a list built from nothing shows for ``findings``."""
    from planner.ui.findings import FindingsPanel

    panel = FindingsPanel()
    panel.namer = namer
    panel.set_findings(findings)
    shown = _shown(panel)
    panel.deleteLater()
    return shown


def test_the_list_updated_by_difference_shows_what_a_list_built_anew_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Random sequences of finding lists (kept, dropped, reordered, reworded, remedies lost and back, repeated
    keys): after each, the same rows as a new list; rows of findings still listed are the rows they were."""
    import dataclasses

    from planner.ui.compliance import finding_key
    from planner.ui.findings import FindingsPanel

    everything = check_project(load_project(sample_path("harbour-hotel"))).findings
    everything += check_project(load_project(sample_path("mall-fitting"))).findings
    rng = random.Random(11)
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    for step in range(60):
        findings = rng.sample(everything, rng.randint(0, min(12, len(everything))))
        for k, finding in enumerate(findings):
            roll = rng.random()
            if roll < 0.15:
                findings[k] = dataclasses.replace(finding, message=finding.message + f" ({step})")
            elif roll < 0.3:
                findings[k] = dataclasses.replace(finding, remedies=list(finding.remedies)[: rng.randint(0, 2)])
            elif roll < 0.35:
                findings[k] = dataclasses.replace(finding, severity=rng.choice(["error", "warning", "info"]))
        if findings and rng.random() < 0.2:  # the same key twice
            findings.insert(rng.randint(0, len(findings)), dataclasses.replace(findings[0], message="again"))
        if panel.findings and rng.random() < 0.5:  # a current row, kept or not
            panel.tree.setCurrentItem(panel.row_of(rng.randrange(len(panel.findings))))
        before = {finding_key(f): panel.row_of(i) for i, f in enumerate(panel.findings)}
        repeated = {k for k in before if sum(finding_key(f) == k for f in panel.findings) > 1}
        current = panel.current_finding()
        panel.set_findings(findings)
        assert _shown(panel) == _fresh(findings, panel.namer), step
        kept = [f for f in findings if current is not None and finding_key(f) == finding_key(current)]
        assert panel.current_finding() is (kept[0] if kept else None), step  # the current row stays if it can
        if kept:  # its remedies below the list are those now listed
            assert _remedy_bar(panel)[0] == [b.text() for b in _bar_of(kept[0], panel.namer)], step
        for i, finding in enumerate(findings):
            key = finding_key(finding)
            if key in before and key not in repeated and sum(finding_key(f) == key for f in findings) == 1:
                assert panel.row_of(i) is before[key], (step, key)  # the same row, updated in place


def _bar_of(finding, namer) -> list:  # type: ignore[no-untyped-def]
    """The remedy buttons a new list shows when ``finding`` is made current."""
    from planner.ui.findings import FindingsPanel

    panel = FindingsPanel()
    panel.namer = namer
    panel.set_findings([finding])
    panel.tree.setCurrentItem(panel.row_of(0))
    return list(panel.remedy_buttons)


def _drag(qtbot, window, pointer, camera_id: str, points: list[tuple[float, float]], check) -> None:  # type: ignore
    """Drag a camera through ``points`` with the mouse; after each point, once the live update is in, ``check()``."""
    start = window.project.get(camera_id).position
    pointer.move(start)
    pointer.press(start)
    here = start
    for target in points:
        for k in range(1, 5):
            t = k / 4
            pointer.move((here[0] + (target[0] - here[0]) * t, here[1] + (target[1] - here[1]) * t))
        here = target
        qtbot.waitUntil(lambda: not window.compliance.pending, timeout=5000)
        check()
    pointer.release(here)


def test_dragging_one_camera_then_another_then_the_first_back(qtbot, tmp_path) -> None:  # type: ignore
    """In the editor, with the mouse: the live list is the full check's for the cameras' own findings during each
    drag and exactly the full check after each release; the list is updated in place (the rows of findings the
    drag leaves alone are the same rows) and shows what a list built anew shows."""
    from planner.ui.compliance import finding_key
    from tests.gui.helpers import Pointer, make_editor

    project = load_project(sample_path("harbour-hotel"))
    window, _ = make_editor(qtbot, tmp_path, project, scale=26.0, centre=(20.0, 12.0))
    pointer = Pointer(window)
    compliance, panel = window.compliance, window.findings
    codes = ComplianceEngine.CAMERA_CODES
    qtbot.waitUntil(lambda: not compliance.pending, timeout=5000)
    a, b = "L1-cam-corridor-sees-wc-f", "L1-cam-gym"
    a_home = project.get(a).position
    seen: set[tuple] = set()

    def rows_by_key() -> dict[tuple, object]:
        return {finding_key(f): panel.row_of(i) for i, f in enumerate(panel.findings)}

    for camera_id, points in ((a, [(24.0, 16.8), (18.5, 16.8), (14.5, 17.0)]),
                              (b, [(6.0, 20.0), (2.0, 21.0)]),
                              (a, [(22.0, 16.6), a_home])):
        others = {k: row for k, row in rows_by_key().items() if k[2] != camera_id}

        def check(others: dict = others, camera_id: str = camera_id) -> None:  # type: ignore[type-arg]
            expected = check_project(load_project_copy(window.project))
            assert _keys(panel.findings, codes) == _keys(expected.findings, codes)
            assert _shown(panel) == _fresh(panel.findings, panel.namer)
            now = rows_by_key()
            for key, row in others.items():
                if key in now and key[0] in codes:
                    assert now[key] is row, key  # another camera's finding: its row is reused
            seen.update(finding_key(f) for f in panel.findings if f.camera == camera_id)

        _drag(qtbot, window, pointer, camera_id, points, check)
        full = [f.to_json() for f in check_project(load_project_copy(window.project)).findings]
        qtbot.waitUntil(lambda full=full: [f.to_json() for f in panel.findings] == full, timeout=5000)
        assert _shown(panel) == _fresh(panel.findings, panel.namer)
        now = rows_by_key()
        assert all(now[k] is row for k, row in others.items() if k in now)
    assert math.dist(window.project.get(a).position, a_home) < 1.0  # back home (the drag snaps to the grid)
    # the drags took the cameras into views of other private rooms and into one
    assert {"DEVICE_IN_PRIVATE_SPACE", "VIEW_INTO_PRIVATE_SPACE"} <= {k[0] for k in seen}
    assert len({k[3] for k in seen if k[0] == "VIEW_INTO_PRIVATE_SPACE"}) >= 2


def test_live_findings_of_a_camera_by_self_closing_doors_and_an_unnamed_room(qtbot) -> None:  # type: ignore
    """A camera's door-open and unknown-use findings are replaced, not piled up, by the live updates."""
    from tests.venues import hotel_corridor

    project = hotel_corridor(window=True)
    level = project.levels[0]
    unnamed = next(z for z in level.zones if z.id == "r101")  # seen through its window
    unnamed.use = "other"
    live = LiveCompliance()
    live.set_project(project)
    live.set_interacting(True)
    codes = {"DEVICE_IN_PRIVATE_SPACE", "VIEW_INTO_PRIVATE_SPACE", "VIEW_WHEN_DOOR_OPEN", "USE_NOT_SET"}
    camera = level.cameras[0]
    x, y = camera.position
    for k in range(6):
        project.update(camera.id, position=(x + 0.2 * k, y), heading_deg=camera.heading_deg + 3 * (k % 2))
        qtbot.waitUntil(lambda: not live.pending, timeout=3000)
        expected = check_project(load_project_copy(project)).findings
        assert _keys(live.findings, codes) == _keys(expected, codes), k
    seen = {f.code for f in live.findings}
    assert {"VIEW_WHEN_DOOR_OPEN", "USE_NOT_SET"} <= seen, seen
    live.set_project(None)


def test_a_camera_named_camera_is_not_called_camera_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    """"Camera c1 can see ..." with c1 named "Camera 1" reads "Camera 1 can see ...", in either language."""
    from planner.rules.findings import make_finding
    from planner.rules.pack import load_rule_pack
    from planner.ui.findings import FindingsPanel

    pack = load_rule_pack("cn-2025")
    finding = make_finding(pack, "VIEW_INTO_PRIVATE_SPACE", level="L1", camera="c1", zone="z1", zone_name="WC",
                           use="restroom", area_m2=1.5)
    names = {"c1": "Camera 1", "z1": "WC"}
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    text = panel.message(finding, names.__getitem__)
    assert "Camera 1" in text and "Camera Camera" not in text
    names["c1"] = "Lobby dome"  # a name without the word keeps it
    assert "Camera Lobby dome" in panel.message(finding, names.__getitem__)
    names["c1"] = "camera at gate"
    assert "camera at gate" in panel.message(finding, names.__getitem__)
    assert "Camera camera" not in panel.message(finding, names.__getitem__)
