"""Display names of the model's vocabulary (zone uses, materials, kinds, venue fields), translated."""

from __future__ import annotations

from typing import Any

from planner import vocabulary
from planner.ui.i18n import translate

__all__ = [
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
