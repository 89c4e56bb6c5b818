"""The plan scene: a projection of one level of the model.

:class:`LevelScene` builds one item per zone, wall, opening, camera and sign of
the level (plus its backgrounds), keeps an id → item map, listens to
``project.changed`` and updates only the affected items. It never changes the
model; swapping the project or level disconnects from the old one.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QObject, QRectF
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from planner.model import Change, Level, ModelError, Project
from planner.ui.items import (
    ITEM_TYPES,
    BackgroundItem,
    CameraItem,
    EntityItem,
    OpeningItem,
    PointItem,
    SignItem,
    WallItem,
    ZoneItem,
)

__all__ = ["LevelScene"]


class LevelScene(QGraphicsScene):
    """A QGraphicsScene showing one :class:`~planner.model.Level` of a :class:`~planner.model.Project`."""

    #: Emitted after the scene was rebuilt from the model (new project, level or a reset).
    rebuilt = QtSignal()

    #: Free space around the content, in metres, so the view can pan past the plan's edges.
    MARGIN_M = 30.0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._level_id: str | None = None
        self._items: dict[str, QGraphicsItem] = {}
        self._backgrounds: list[BackgroundItem] = []
        self._label_scale: float | None = None  # pixels per metre of the view the labels are placed for
        self.selectionChanged.connect(self.declutter)

    # -- what it shows ---------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return self._project

    @property
    def level_id(self) -> str | None:
        return self._level_id

    @property
    def items_by_id(self) -> Mapping[str, QGraphicsItem]:
        """Read-only map from entity id to its item."""
        return MappingProxyType(self._items)

    @property
    def background_items(self) -> tuple[BackgroundItem, ...]:
        return tuple(self._backgrounds)

    def item_for(self, entity_id: str) -> QGraphicsItem | None:
        """The item drawing ``entity_id`` on this level, or None."""
        return self._items.get(entity_id)

    def set_level(self, project: Project | None, level_id: str | None = None) -> None:
        """Show ``level_id`` (default: the first level) of ``project``; None shows nothing."""
        if project is not self._project:
            if self._project is not None:
                self._project.changed.disconnect(self._on_changed)
            self._project = project
            if project is not None:
                project.changed.connect(self._on_changed)
        if project is not None and level_id is None and project.levels:
            level_id = project.levels[0].id
        if project is not None and level_id is not None and not any(lv.id == level_id for lv in project.levels):
            raise ModelError(f"no level {level_id!r}")
        self._level_id = level_id if project is not None else None
        self._rebuild()

    def detach(self) -> None:
        """Stop listening to the project and empty the scene."""
        self.set_level(None)

    def content_rect(self) -> QRectF:
        """Bounding rectangle of everything drawn (backgrounds included), in scene units (metres)."""
        rect = QRectF()
        for item in [*self._items.values(), *self._backgrounds]:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def plan_rect(self) -> QRectF:
        """Bounding rectangle of the plan itself: backgrounds, zones, walls, openings, device positions.

        Lens wedges are left out, so fitting the view to this shows the building, not the reach of
        the longest lens.
        """
        rect = QRectF()
        for item in [*self._items.values(), *self._backgrounds]:
            if isinstance(item, (CameraItem, SignItem)):
                p = item.scenePos()
                rect = rect.united(QRectF(p.x() - 0.5, p.y() - 0.5, 1.0, 1.0))
            else:
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def select_entity(self, entity_id: str) -> QGraphicsItem | None:
        """Select only the item of ``entity_id`` (when it is selectable); return it."""
        self.clearSelection()
        item = self._items.get(entity_id)
        if item is not None and item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
            item.setSelected(True)
        return item

    def declutter(self, scale: float | None = None) -> None:
        """Place the camera and sign ids for a view at ``scale`` pixels per metre (default: the last one).

        Labels go behind their device where there is room, else turn around it; a label that would
        overlap another label, a device symbol or a zone name is hidden. The selected device is
        placed first and always labelled; below :attr:`PointItem.LABEL_MIN_SCALE` only it is.
        """
        if scale is not None:
            self._label_scale = float(scale)
        scale = self._label_scale
        devices = [item for item in self._items.values() if isinstance(item, PointItem)]
        if scale is None or scale <= 0:
            return
        zones = [item.label.text_rect(scale) for item in self._items.values() if isinstance(item, ZoneItem)]
        taken = [r for r in zones if not r.isEmpty()] + [item.symbol_rect(scale) for item in devices]
        devices.sort(key=lambda item: (not item.isSelected(), not isinstance(item, CameraItem)))
        for item in devices:
            chosen = None
            if item.isSelected() or scale >= PointItem.LABEL_MIN_SCALE:
                candidates = item.label_candidates(scale)
                free = [c for c in candidates if not any(item.label_rect(c, scale).intersects(t) for t in taken)]
                chosen = free[0] if free else (candidates[0] if item.isSelected() else None)
            item.label.set_placement(chosen)
            if chosen is not None:
                taken.append(item.label_rect(chosen, scale))

    # -- the ModelSource protocol of planner.ui.items ---------------------------------------
    def entity(self, entity_id: str) -> Any:
        assert self._project is not None
        return self._project.get(entity_id)

    def current_level(self) -> Level | None:
        if self._project is None or self._level_id is None:
            return None
        return self._project.level(self._level_id)

    def file_data(self, name: str) -> bytes | None:
        return None if self._project is None else self._project.files.get(name)

    def has_backgrounds(self) -> bool:
        level = self.current_level()
        return bool(level and level.backgrounds)

    # -- building ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        self._items.clear()  # first: clearing the selection below re-places labels
        self._backgrounds.clear()
        self.clearSelection()
        self.clear()
        level = self.current_level()
        if level is not None:
            self._build_backgrounds(level)
            for entity in level.items():
                self._add(entity.id, entity.ENTITY)
        self._fit_scene_rect(reset=True)
        self.declutter()
        self.rebuilt.emit()

    def _build_backgrounds(self, level: Level) -> None:
        for item in self._backgrounds:
            self.removeItem(item)
        self._backgrounds = [BackgroundItem(i, self) for i in range(len(level.backgrounds))]
        for item in self._backgrounds:
            self.addItem(item)
            item.sync()

    def _add(self, entity_id: str, kind: str) -> None:
        item = ITEM_TYPES[kind](entity_id, self)
        assert isinstance(item, QGraphicsItem)
        self.addItem(item)
        self._items[entity_id] = item
        item.sync()

    def _sync_all(self, item_type: type[EntityItem]) -> None:
        for item in self._items.values():
            if isinstance(item, item_type):
                item.sync()

    def _fit_scene_rect(self, *, reset: bool = False) -> None:
        content = self.content_rect()
        if content.isNull():
            content = QRectF(-10, -10, 20, 20)
        m = self.MARGIN_M + max(content.width(), content.height()) / 2
        wanted = content.adjusted(-m, -m, m, m)
        self.setSceneRect(wanted if reset else self.sceneRect().united(wanted))

    # -- following the model ------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        project = self._project
        if project is None:
            return
        if change.action == "reset":
            keep = self._level_id if any(lv.id == self._level_id for lv in project.levels) else None
            self.set_level(project, keep)
            return
        if change.level_id != self._level_id or change.entity_id is None:
            return
        entity_id = change.entity_id
        wall_changed = isinstance(self._items.get(entity_id), WallItem)
        if entity_id == self._level_id:  # the level's own fields (its backgrounds)
            level = self.current_level()
            assert level is not None
            self._build_backgrounds(level)
            self._sync_all(ZoneItem)  # zones turn translucent over a background
        elif change.action == "insert":
            self._add(entity_id, project.get(entity_id).ENTITY)
        elif change.action == "remove":
            item = self._items.pop(entity_id, None)
            if item is not None:
                self.removeItem(item)
        elif change.action == "update" and isinstance(item := self._items.get(entity_id), EntityItem):
            item.sync()
        if wall_changed or isinstance(self._items.get(entity_id), WallItem):
            self._sync_all(OpeningItem)  # an opening's gap is as thick as the wall it cuts
        self._fit_scene_rect()
        self.declutter()
