"""Entities of the venue document: plain data with a field specification each.

Geometry is stored as tuples of floats in plan metres (x east, y north).
Every entity class declares ``FIELDS``: name -> (converter, default), where
``REQUIRED`` as default marks a field the project file must contain. The
project-file reader and :class:`~planner.model.commands.SetProperty` both go
through these converters.

>>> z = Zone(id="z1", name="Lobby", use="lobby", polygon=((0, 0), (4, 0), (4, 3)))
>>> z.ENTITY
'zone'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from planner.model import fields as f
from planner.vocabulary import ZONE_USES as VOCABULARY_USES

__all__ = [
    "CAMERA_KINDS",
    "COVERAGE_LEVELS",
    "LEVEL_ITEM_TYPES",
    "OPENING_KINDS",
    "REQUIRED",
    "SIGN_KINDS",
    "SIGN_SIZES",
    "WALL_MATERIALS",
    "ZONE_USES",
    "Background",
    "Camera",
    "Entity",
    "Label",
    "Opening",
    "Sign",
    "Wall",
    "Zone",
    "identifier",
]


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()

#: Zone uses (DESIGN §4), from the vocabulary table. Which of them are private is decided by the rule pack.
ZONE_USES: tuple[str, ...] = VOCABULARY_USES
WALL_MATERIALS: tuple[str, ...] = ("opaque", "glass", "frosted")
OPENING_KINDS: tuple[str, ...] = ("door", "doorway", "window")
CAMERA_KINDS: tuple[str, ...] = ("fixed", "ptz", "fisheye")
SIGN_KINDS: tuple[str, ...] = ("fr_notice", "cctv_notice")
SIGN_SIZES: tuple[str, ...] = ("A4", "A3", "A2", "A1", "A0", "Letter", "Tabloid")
#: Per-zone override of the coverage a venue requires (DORI levels, or ``none``).
COVERAGE_LEVELS: tuple[str, ...] = ("none", "detect", "observe", "recognise", "identify")

_ID_RE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")


def identifier(value: Any) -> str:
    """Return a valid id: 1-64 letters, digits, ``_ . -``."""
    text = f.text(value)
    if not _ID_RE.match(text):
        raise f.FieldError(f"invalid id {text!r}: use 1-64 letters, digits, '_', '.' or '-'")
    return text


class Entity:
    """Base of every level item; subclasses are dataclasses with ``FIELDS``.

    Every subclass declares ``id`` as its first field and ``extra`` (unknown keys kept from the file) as its last.
    """

    id: str
    extra: dict[str, Any]

    ENTITY: ClassVar[str] = ""
    COLLECTION: ClassVar[str] = ""
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {}

    @classmethod
    def convert(cls, name: str, value: Any) -> Any:
        """Validate ``value`` for field ``name`` and return it normalised."""
        try:
            converter, _ = cls.FIELDS[name]
        except KeyError:
            raise f.FieldError(f"{cls.ENTITY} has no field {name!r}") from None
        return converter(value)

    def copy(self, **changes: Any) -> Entity:
        """Return a copy with ``changes`` applied (values converted)."""
        values = {name: getattr(self, name) for name in self.FIELDS}
        for name, value in changes.items():
            values[name] = self.convert(name, value)
        make: Callable[..., Entity] = type(self)  # a dataclass subclass: its fields are FIELDS plus ``extra``
        return make(**values, extra=dict(self.extra))


@dataclass(eq=False)
class Background:
    """An image or PDF page drawn under a level, placed by an affine transform."""

    source: str
    page: int = 0
    transform: tuple[float, float, float, float, float, float] = (1.0, 0.0, 0.0, -1.0, 0.0, 0.0)
    opacity: float = 0.6
    locked: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "source": (f.text, REQUIRED),
        "page": (f.integer, 0),
        "transform": (f.transform, (1.0, 0.0, 0.0, -1.0, 0.0, 0.0)),
        "opacity": (f.bounded(0.0, 1.0), 0.6),
        "locked": (f.boolean, True),
    }


@dataclass(eq=False)
class Zone(Entity):
    """A room or area of the plan, tagged by use; ``ceiling_height_m`` overrides the level's ceiling."""

    id: str
    name: str = ""
    use: str = "other"
    polygon: tuple[tuple[float, float], ...] = ()
    coverage: str | None = None
    ceiling_height_m: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    ENTITY: ClassVar[str] = "zone"
    COLLECTION: ClassVar[str] = "zones"
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "id": (identifier, REQUIRED),
        "name": (f.text, ""),
        "use": (f.choice(*ZONE_USES), "other"),
        "polygon": (f.polygon, REQUIRED),
        "coverage": (f.optional(f.choice(*COVERAGE_LEVELS)), None),
        "ceiling_height_m": (f.optional(f.bounded(0.5, 100.0)), None),
    }


@dataclass(eq=False)
class Wall(Entity):
    """A wall as a centre-line polyline with a thickness and a material."""

    id: str
    path: tuple[tuple[float, float], ...] = ()
    thickness_m: float = 0.15
    material: str = "opaque"
    height_m: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    ENTITY: ClassVar[str] = "wall"
    COLLECTION: ClassVar[str] = "walls"
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "id": (identifier, REQUIRED),
        "path": (f.polyline, REQUIRED),
        "thickness_m": (f.bounded(0.0, 5.0, low_open=True), 0.15),
        "material": (f.choice(*WALL_MATERIALS), "opaque"),
        "height_m": (f.optional(f.bounded(0.0, 100.0, low_open=True)), None),
    }

    @property
    def closed(self) -> bool:
        """True when the first and last points coincide (a closed ring)."""
        return len(self.path) > 2 and self.path[0] == self.path[-1]


@dataclass(eq=False)
class Opening(Entity):
    """A door, doorway or window: a segment lying on a wall or a zone edge.

    ``self_closing`` (doors only) means the door normally stands shut: views are judged with it shut.
    """

    id: str
    kind: str = "door"
    segment: tuple[tuple[float, float], tuple[float, float]] = ((0.0, 0.0), (1.0, 0.0))
    wall: str | None = None
    self_closing: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    ENTITY: ClassVar[str] = "opening"
    COLLECTION: ClassVar[str] = "openings"
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "id": (identifier, REQUIRED),
        "kind": (f.choice(*OPENING_KINDS), "door"),
        "segment": (f.segment, REQUIRED),
        "wall": (f.optional(identifier), None),
        "self_closing": (f.boolean, False),
    }
    #: Fields written to the file only when they differ from their default.
    OPTIONAL_FIELDS: ClassVar[frozenset[str]] = frozenset({"self_closing"})

    @property
    def width_m(self) -> float:
        (x0, y0), (x1, y1) = self.segment
        return float(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)


@dataclass(eq=False)
class Camera(Entity):
    """A camera: where it hangs, where it looks, its lens and sensor."""

    id: str
    name: str = ""
    position: tuple[float, float] = (0.0, 0.0)
    mount_height_m: float = 2.8
    heading_deg: float = 0.0
    hfov_deg: float = 90.0
    tilt_deg: float = 15.0
    resolution: tuple[int, int] = (1920, 1080)
    range_m: float | None = None
    face_recognition: bool = False
    kind: str = "fixed"
    privacy_masks: tuple[tuple[float, float], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    ENTITY: ClassVar[str] = "camera"
    COLLECTION: ClassVar[str] = "cameras"
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "id": (identifier, REQUIRED),
        "name": (f.text, ""),
        "position": (f.point, REQUIRED),
        "mount_height_m": (f.bounded(0.0, 100.0), 2.8),
        "heading_deg": (f.angle, 0.0),
        "hfov_deg": (f.bounded(0.0, 360.0, low_open=True), 90.0),
        "tilt_deg": (f.bounded(-90.0, 90.0), 15.0),
        "resolution": (f.resolution, (1920, 1080)),
        "range_m": (f.optional(f.bounded(0.0, 10_000.0, low_open=True)), None),
        "face_recognition": (f.boolean, False),
        "kind": (f.choice(*CAMERA_KINDS), "fixed"),
        "privacy_masks": (f.privacy_masks, ()),
    }

    @property
    def omnidirectional(self) -> bool:
        """True for PTZ and fisheye cameras, whose coverage is a full circle."""
        return self.kind in ("ptz", "fisheye")


@dataclass(eq=False)
class Sign(Entity):
    """A notice sign placed on the plan."""

    id: str
    kind: str = "cctv_notice"
    name: str = ""
    position: tuple[float, float] = (0.0, 0.0)
    facing_deg: float = 0.0
    mount_height_m: float = 1.6
    size: str = "A3"
    extra: dict[str, Any] = field(default_factory=dict)

    ENTITY: ClassVar[str] = "sign"
    COLLECTION: ClassVar[str] = "signs"
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "id": (identifier, REQUIRED),
        "kind": (f.choice(*SIGN_KINDS), "cctv_notice"),
        "name": (f.text, ""),
        "position": (f.point, REQUIRED),
        "facing_deg": (f.angle, 0.0),
        "mount_height_m": (f.bounded(0.0, 20.0), 1.6),
        "size": (f.choice(*SIGN_SIZES), "A3"),
    }


@dataclass(eq=False)
class Label(Entity):
    """A room name read from an imported plan that lies in no zone, kept where it was written.

    ``use`` is what the vocabulary makes of ``text`` (``other`` when nothing); a label whose use is private
    tells the checks that a private room stands there although no zone was drawn for it.
    """

    id: str
    text: str = ""
    position: tuple[float, float] = (0.0, 0.0)
    use: str = "other"
    extra: dict[str, Any] = field(default_factory=dict)

    ENTITY: ClassVar[str] = "label"
    COLLECTION: ClassVar[str] = "labels"
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "id": (identifier, REQUIRED),
        "text": (f.text, ""),
        "position": (f.point, REQUIRED),
        "use": (f.choice(*ZONE_USES), "other"),
    }
    #: The collection is written to the file only when it holds something (older files stay as they were).
    OPTIONAL_COLLECTION: ClassVar[bool] = True


#: Level item classes in file order.
LEVEL_ITEM_TYPES: tuple[type[Entity], ...] = (Zone, Wall, Opening, Camera, Sign, Label)
