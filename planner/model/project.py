"""The project document: venue facts, levels and their items, change events.

All mutations go through :meth:`Project.insert`, :meth:`Project.remove` and
:meth:`Project.update`, which validate, keep the id index current and emit a
:class:`Change` on :attr:`Project.changed`. Undoable edits wrap these in
commands (:mod:`planner.model.commands`).

>>> from planner.model.entities import Zone
>>> p = Project(levels=[Level(id="L1", name="Ground")])
>>> seen = []
>>> p.changed.connect(seen.append)
>>> p.insert("L1", Zone(id="z1", polygon=((0, 0), (4, 0), (4, 3))))
>>> p.update("z1", use="restroom")
{'use': 'other'}
>>> [c.action for c in seen], p.get("z1").use
(['insert', 'update'], 'restroom')
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar

from planner.model import fields as f
from planner.model.entities import (
    LEVEL_ITEM_TYPES,
    REQUIRED,
    Background,
    Camera,
    Entity,
    Label,
    Opening,
    Sign,
    Wall,
    Zone,
    identifier,
)
from planner.model.events import Change, Signal, merge_changes

__all__ = ["VENUE_ID", "Change", "Level", "ModelError", "Project", "Signal", "Venue"]

#: The id by which commands address the venue record.
VENUE_ID = "venue"

SECURITY_MEASURES: tuple[str, ...] = (
    "encryption",
    "security_audit",
    "access_control",
    "authorisation_management",
    "intrusion_detection",
)


class ModelError(ValueError):
    """An edit the model refuses (unknown id, duplicate id, invalid value)."""


def _security_measures(value: Any) -> tuple[str, ...]:
    items = f.string_list(value)
    for i, item in enumerate(items):
        if item not in SECURITY_MEASURES:
            raise f.FieldError(f"expected one of {', '.join(SECURITY_MEASURES)}; got {item!r}", [i])
    return tuple(dict.fromkeys(items))


def _languages(value: Any) -> tuple[str, ...]:
    items = f.string_list(value)
    for i, item in enumerate(items):
        if item not in ("zh", "en"):
            raise f.FieldError(f"expected 'zh' or 'en', got {item!r}", [i])
    if not items:
        raise f.FieldError("at least one language is needed")
    return tuple(dict.fromkeys(items))


def _people(value: Any) -> int:
    n = f.integer(value)
    if n < 0:
        raise f.FieldError(f"must not be negative, got {n}")
    return n


@dataclass(eq=False)
class Venue:
    """Facts about the venue and its operator, used by notices and checks."""

    name: str = ""
    operator: str = ""
    contact: str = ""
    purpose: str = ""
    retention: str = ""
    storage: str = ""
    alternative: str = ""
    rights: str = ""
    notice_url: str = ""
    rule_pack: str = "cn-2025"
    languages: tuple[str, ...] = ("zh", "en")
    expected_enrolled_people: int | None = None
    face_height_m: float = 1.6
    security_measures: tuple[str, ...] = ()
    impact_assessment_date: str = ""
    filing_reference: str = ""
    method: str = ""
    necessity: str = ""
    lawful_basis: str = ""
    report_date: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    ENTITY: ClassVar[str] = "venue"
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "name": (f.text, ""),
        "operator": (f.text, ""),
        "contact": (f.text, ""),
        "purpose": (f.text, ""),
        "retention": (f.text, ""),
        "storage": (f.text, ""),
        "alternative": (f.text, ""),
        "rights": (f.text, ""),
        "notice_url": (f.text, ""),
        "rule_pack": (identifier, "cn-2025"),
        "languages": (_languages, ("zh", "en")),
        "expected_enrolled_people": (f.optional(_people), None),
        "face_height_m": (f.bounded(0.5, 2.5), 1.6),
        "security_measures": (_security_measures, ()),
        "impact_assessment_date": (f.iso_date, ""),
        "filing_reference": (f.text, ""),
        "method": (f.text, ""),
        "necessity": (f.text, ""),
        "lawful_basis": (f.text, ""),
        "report_date": (f.iso_date, ""),
    }

    @classmethod
    def convert(cls, name: str, value: Any) -> Any:
        try:
            converter, _ = cls.FIELDS[name]
        except KeyError:
            raise f.FieldError(f"venue has no field {name!r}") from None
        return converter(value)


@dataclass(eq=False)
class Level:
    """One floor: its backgrounds and the items drawn on it."""

    id: str
    name: str = ""
    elevation_m: float = 0.0
    ceiling_height_m: float = 3.0
    backgrounds: list[Background] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    walls: list[Wall] = field(default_factory=list)
    openings: list[Opening] = field(default_factory=list)
    cameras: list[Camera] = field(default_factory=list)
    signs: list[Sign] = field(default_factory=list)
    #: Room names of an imported plan that lie in no zone (:class:`~planner.model.entities.Label`).
    labels: list[Label] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    ENTITY: ClassVar[str] = "level"
    FIELDS: ClassVar[dict[str, tuple[f.Converter, Any]]] = {
        "id": (identifier, REQUIRED),
        "name": (f.text, ""),
        "elevation_m": (f.number, 0.0),
        "ceiling_height_m": (f.bounded(0.5, 100.0), 3.0),
    }

    @classmethod
    def convert(cls, name: str, value: Any) -> Any:
        try:
            converter, _ = cls.FIELDS[name]
        except KeyError:
            raise f.FieldError(f"level has no field {name!r}") from None
        return converter(value)

    def collection(self, name: str) -> list[Any]:
        """Return the item list called ``name`` (``zones``, ``walls`` ...)."""
        if name not in {t.COLLECTION for t in LEVEL_ITEM_TYPES}:
            raise ModelError(f"a level has no collection {name!r}")
        return getattr(self, name)  # type: ignore[no-any-return]  # the attribute the key names

    def items(self) -> Iterator[Entity]:
        """Yield every item of the level in file order."""
        for t in LEVEL_ITEM_TYPES:
            yield from self.collection(t.COLLECTION)


@dataclass(eq=False)
class _Location:
    level: Level
    entity: Entity


class Project:
    """A venue document: :class:`Venue`, :class:`Level` list, unknown keys kept."""

    def __init__(
        self,
        venue: Venue | None = None,
        levels: list[Level] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.venue = venue if venue is not None else Venue()
        self.levels: list[Level] = list(levels or [])
        self.extra: dict[str, Any] = dict(extra or {})
        #: Embedded files (background images, PDFs) keyed by their ``Background.source`` path.
        self.files: dict[str, bytes] = {}
        self.changed = Signal()
        self._index: dict[str, _Location] = {}
        self._reindex()

    # -- lookups ---------------------------------------------------------
    def _reindex(self) -> None:
        index: dict[str, _Location] = {}
        level_ids: set[str] = set()
        for level in self.levels:
            if level.id in level_ids or level.id == VENUE_ID:
                raise ModelError(f"duplicate level id {level.id!r}")
            level_ids.add(level.id)
            for item in level.items():
                if item.id in index or item.id in level_ids or item.id == VENUE_ID:
                    raise ModelError(f"duplicate id {item.id!r}")
                index[item.id] = _Location(level, item)
        clash = level_ids & index.keys()
        if clash:
            raise ModelError(f"duplicate id {sorted(clash)[0]!r}")
        self._index = index

    def level(self, level_id: str) -> Level:
        """Return the level with ``level_id``."""
        for level in self.levels:
            if level.id == level_id:
                return level
        raise ModelError(f"no level {level_id!r}")

    def get(self, entity_id: str) -> Any:
        """Return the item, level or venue with ``entity_id``."""
        if entity_id == VENUE_ID:
            return self.venue
        loc = self._index.get(entity_id)
        if loc is not None:
            return loc.entity
        return self.level(entity_id)

    def level_of(self, entity_id: str) -> Level:
        """Return the level that holds item ``entity_id``."""
        loc = self._index.get(entity_id)
        if loc is None:
            raise ModelError(f"no item {entity_id!r}")
        return loc.level

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._index or any(lv.id == entity_id for lv in self.levels)

    def ids(self) -> set[str]:
        """Return every id in use (levels and items)."""
        return set(self._index) | {lv.id for lv in self.levels}

    def new_id(self, prefix: str) -> str:
        """Return an unused id ``prefix1``, ``prefix2`` ..."""
        used = self.ids()
        n = 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    def cameras(self) -> Iterator[tuple[Level, Camera]]:
        """Yield ``(level, camera)`` for every camera of the project."""
        for level in self.levels:
            for cam in level.cameras:
                yield level, cam

    # -- mutations -------------------------------------------------------
    def insert(self, level_id: str, entity: Entity, index: int | None = None) -> None:
        """Insert ``entity`` into its collection on level ``level_id``."""
        level = self.level(level_id)
        if entity.id in self._index or entity.id == VENUE_ID or any(lv.id == entity.id for lv in self.levels):
            raise ModelError(f"duplicate id {entity.id!r}")
        items = level.collection(entity.COLLECTION)
        items.insert(len(items) if index is None else index, entity)
        self._index[entity.id] = _Location(level, entity)
        self.changed.emit(Change("insert", level_id, entity.id, kind=entity.ENTITY))

    def remove(self, entity_id: str) -> tuple[str, int, Entity]:
        """Remove item ``entity_id``; return ``(level_id, index, entity)`` for undo."""
        loc = self._index.get(entity_id)
        if loc is None:
            raise ModelError(f"no item {entity_id!r}")
        items = loc.level.collection(loc.entity.COLLECTION)
        index = items.index(loc.entity)
        del items[index]
        del self._index[entity_id]
        self.changed.emit(Change("remove", loc.level.id, entity_id, kind=loc.entity.ENTITY))
        return loc.level.id, index, loc.entity

    def update(self, entity_id: str, **values: Any) -> dict[str, Any]:
        """Set fields of an item, level or the venue; return the old values.

        Values are validated with the field's converter; a bad value raises
        :class:`ModelError` and changes nothing. Ids cannot be changed.
        """
        target = self.get(entity_id)
        if "id" in values:
            raise ModelError("ids cannot be changed")
        converted = {}
        for name, value in values.items():
            try:
                converted[name] = target.convert(name, value)
            except f.FieldError as exc:
                where = ".".join([name, *map(str, exc.path)])
                raise ModelError(f"{entity_id}.{where}: {exc.message}") from None
        old = {name: getattr(target, name) for name in converted}
        for name, value in converted.items():
            setattr(target, name, value)
        level_id = None if target is self.venue else (
            target.id if isinstance(target, Level) else self.level_of(entity_id).id
        )
        self.changed.emit(Change("update", level_id, entity_id, tuple(converted), kind=target.ENTITY))
        return old

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Edits inside the block emit one change (a ``batch`` of them) when it ends."""
        with self.changed.paused(merge_changes):
            yield
