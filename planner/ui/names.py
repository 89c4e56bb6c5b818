"""Display names of the model's vocabulary (zone uses, materials, kinds, venue fields), translated."""

from __future__ import annotations

import math
from typing import Any

from planner import vocabulary
from planner.ui.i18n import translate

__all__ = [
    "display_name",
    "level_counts",
    "step_name",
    "next_camera_name",
    "automatic_name",
    "sign_place_name",
    "use_name",
    "use_label",
    "relabel_uses",
    "material_name",
    "opening_kind_name",
    "camera_kind_name",
    "sign_kind_name",
    "field_name",
    "measure_name",
    "layer_name",
    "entity_name",
]


def use_name(use: str) -> str:
    """The name of a zone use, e.g. ``restroom`` -> "Restroom" (卫生间).

    The names come from the zone-use vocabulary; ``tools/update_translations.py`` writes them into the
    catalogue's ``Uses`` context with their Chinese names from the same table.
    """
    return translate("Uses", vocabulary.use_name(use, "en"))


def use_label(use: str, private_uses: frozenset[str] | set[str]) -> str:
    """A zone use as a choice in a list: its name, marked private when the project's rule pack says so."""
    return use_name(use) + (translate("Names", " (private)") if use in private_uses else "")


def relabel_uses(combo: Any, private_uses: frozenset[str] | set[str]) -> None:
    """Rename the items of a combo box whose item data are zone uses (after the rule pack changed)."""
    for i in range(combo.count()):
        combo.setItemText(i, use_label(str(combo.itemData(i)), private_uses))


def material_name(material: str) -> str:
    names = {
        "opaque": translate("Names", "Opaque"),
        "glass": translate("Names", "Glass (see-through)"),
        "frosted": translate("Names", "Frosted glass"),
    }
    return names.get(material, material)


def opening_kind_name(kind: str) -> str:
    names = {
        "door": translate("Names", "Door"),
        "doorway": translate("Names", "Doorway"),
        "window": translate("Names", "Window"),
    }
    return names.get(kind, kind)


def camera_kind_name(kind: str) -> str:
    names = {
        "fixed": translate("Names", "Fixed"),
        "ptz": translate("Names", "PTZ (pan-tilt-zoom)"),
        "fisheye": translate("Names", "Fisheye (360°)"),
    }
    return names.get(kind, kind)


def sign_kind_name(kind: str) -> str:
    names = {
        "fr_notice": translate("Names", "face-recognition notice"),
        "cctv_notice": translate("Names", "CCTV notice"),
    }
    return names.get(kind, kind)


def field_name(name: str) -> str:
    """The label of a venue field."""
    names = {
        "name": translate("Fields", "Venue name"),
        "operator": translate("Fields", "Operator"),
        "contact": translate("Fields", "Contact"),
        "purpose": translate("Fields", "Purpose"),
        "necessity": translate("Fields", "Why the cameras are necessary"),
        "retention": translate("Fields", "Retention period"),
        "storage": translate("Fields", "Storage"),
        "alternative": translate("Fields", "Alternative to face recognition"),
        "rights": translate("Fields", "How to exercise rights"),
        "notice_url": translate("Fields", "Notice URL"),
        "rule_pack": translate("Fields", "Rule pack"),
        "languages": translate("Fields", "Sign languages"),
        "expected_enrolled_people": translate("Fields", "Expected enrolled people"),
        "face_height_m": translate("Fields", "Face height"),
        "security_measures": translate("Fields", "Security measures"),
        "impact_assessment_date": translate("Fields", "Impact assessment date"),
        "filing_reference": translate("Fields", "Filing reference"),
    }
    return names.get(name, name)


def measure_name(measure: str) -> str:
    """A security measure (FR measures Art. 14)."""
    names = {
        "encryption": translate("Fields", "Encryption"),
        "security_audit": translate("Fields", "Security audit"),
        "access_control": translate("Fields", "Access control"),
        "authorisation_management": translate("Fields", "Authorisation management"),
        "intrusion_detection": translate("Fields", "Intrusion detection"),
    }
    return names.get(measure, measure)


def layer_name(layer: str) -> str:
    names = {
        "backgrounds": translate("Layers", "Backgrounds"),
        "zones": translate("Layers", "Zones"),
        "walls": translate("Layers", "Walls and openings"),
        "cameras": translate("Layers", "Cameras"),
        "coverage": translate("Layers", "Coverage"),
        "density": translate("Layers", "Pixel-density bands (all cameras)"),
        "signs": translate("Layers", "Signs"),
    }
    return names.get(layer, layer)


def entity_name(entity: str) -> str:
    names = {
        "zone": translate("Entities", "Zone"),
        "wall": translate("Entities", "Wall"),
        "opening": translate("Entities", "Opening"),
        "camera": translate("Entities", "Camera"),
        "sign": translate("Entities", "Sign"),
        "level": translate("Entities", "Level"),
    }
    return names.get(entity, entity)


def _ordinal(entity: Any, project: Any) -> int:
    """1-based number of ``entity`` among the items of its kind in the project (level by level, file order)."""
    if project is None:
        return 0
    n = 0
    for level in project.levels:
        items = level.collection(entity.COLLECTION)
        for item in items:
            if item is entity:
                return n + 1
            if entity.ENTITY != "opening" or item.kind == entity.kind:
                n += 1
    return 0


def _numbered(kind_name: str, entity: Any, project: Any) -> str:
    n = _ordinal(entity, project)
    return f"{kind_name} {n}" if n else kind_name


def sign_place_name(position: Any, level: Any) -> str:
    """Where a sign hangs, in words: "Lobby entrance", "Lobby" ("" when no zone is near).

    The zone nearest to ``position`` (0 inside) names the place; a door or doorway within
    1.5 m makes it that zone's entrance.
    """
    if level is None or not level.zones:
        return ""
    best, best_d = None, math.inf
    for zone in level.zones:
        d = _distance_to_polygon(position, zone.polygon)
        if d < best_d:
            best, best_d = zone, d
    if best is None or best_d > 3.0:
        return ""
    place = best.name or use_name(best.use)
    near_door = any(o.kind != "window" and _distance_to_segment(position, *o.segment) <= 1.5 for o in level.openings)
    return translate("Names", "{0} entrance").replace("{0}", place) if near_door else place


def automatic_name(entity: Any, project: Any = None) -> str:
    """The name shown for an item the user did not name: "Camera 3", "Door 2", "Sign at Lobby entrance"."""
    kind = getattr(entity, "ENTITY", "")
    if kind == "camera":
        return _numbered(translate("Names", "Camera"), entity, project)
    if kind == "zone":
        return use_name(entity.use)
    if kind == "wall":
        return _numbered(translate("Names", "Wall"), entity, project)
    if kind == "opening":
        return _numbered(opening_kind_name(entity.kind), entity, project)
    if kind == "sign":
        level = None
        if project is not None and entity.id in project:
            try:
                level = project.level_of(entity.id)
            except Exception:
                level = None
        place = sign_place_name(entity.position, level)
        if place:
            return translate("Names", "Sign at {0}").replace("{0}", place)
        return _numbered(translate("Names", "Sign"), entity, project)
    if kind == "level":
        return translate("Names", "Level")
    if kind == "venue":
        return translate("Names", "Venue")
    return str(getattr(entity, "id", ""))


def display_name(entity: Any, project: Any = None) -> str:
    """What the interface calls an item, level or the venue: its name, else an automatic one; never its id."""
    name = str(getattr(entity, "name", "") or "").strip()
    return name or automatic_name(entity, project)


def _distance_to_segment(p: Any, a: Any, b: Any) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _distance_to_polygon(p: Any, ring: Any) -> float:
    """0 inside ``ring``, else the distance to its boundary."""
    points = list(ring)
    if len(points) < 3:
        return math.inf
    inside = False
    x, y = p
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            inside = not inside
    if inside:
        return 0.0
    return min(_distance_to_segment(p, a, b) for a, b in zip(points, points[1:] + points[:1], strict=True))


def next_camera_name(project: Any) -> str:
    """"Camera N" for a new camera: one more than the highest number in use (or than the camera count)."""
    word = translate("Names", "Camera")
    taken = 0
    count = 0
    for _, camera in project.cameras() if project is not None else []:
        count += 1
        head, _, tail = camera.name.rpartition(" ")
        if head == word and tail.isdigit():
            taken = max(taken, int(tail))
    return f"{word} {max(taken, count) + 1}"


def step_name(entity: Any, project: Any = None) -> str:
    """How an undo step names an item: "camera Corridor", "Camera 3", "zone Lobby"."""
    name = display_name(entity, project)
    if not str(getattr(entity, "name", "") or "").strip():
        return name  # an automatic name says what it is ("Door 2", "Sign at Lobby")
    kind = entity_name(getattr(entity, "ENTITY", "")).lower()
    if not kind or name.lower().startswith(kind):
        return name
    return f"{kind} {name}"


def level_counts(level: Any) -> list[str]:
    """"3 zones", "1 wall" ... for what is on ``level``, with the plural forms of the interface language."""
    zones, walls, openings = len(level.zones), len(level.walls), len(level.openings)
    cameras, signs = len(level.cameras), len(level.signs)
    return [
        translate("Counts", "%n zones", None, zones),
        translate("Counts", "%n walls", None, walls),
        translate("Counts", "%n openings", None, openings),
        translate("Counts", "%n cameras", None, cameras),
        translate("Counts", "%n signs", None, signs),
    ]
