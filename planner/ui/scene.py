"""The plan scene: a projection of one level of the model.

:class:`LevelScene` builds one item per zone, wall, opening, camera and sign of
the level (plus its backgrounds and one coverage item per camera), keeps an
id → item map, listens to ``project.changed`` and updates only the affected
items. It never changes the model; swapping the project or level disconnects
from the old one. Layers (View ▸ Layers) show or hide groups of items.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, QTimer
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from planner.model import Camera, Change, Level, ModelError, Project
from planner.rules.pack import DEFAULT_RULE_PACK, shown_private_uses
from planner.ui import qtgeom
from planner.ui.compliance import LiveCompliance
from planner.ui.coverage import CoverageItem, LiveCoverageItem
from planner.ui.items import (
    ITEM_TYPES,
    BackgroundItem,
    CameraItem,
    EntityItem,
    OpeningItem,
    PlanLabelItem,
    PointItem,
    SignItem,
    ZoneItem,
)

__all__ = ["LevelScene", "LAYERS"]

#: Layers in the order the Layers dock lists them; ``density`` draws bands for every camera.
LAYERS = ("backgrounds", "zones", "walls", "cameras", "coverage", "density", "signs")
_HIDDEN_BY_DEFAULT = frozenset({"density"})


class _RectIndex:
    """Rectangles bucketed on a square grid, for "does this rectangle hit any of them?" in near-constant time."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1e-6)
        self._cells: dict[tuple[int, int], list[QRectF]] = {}

    def _keys(self, rect: QRectF) -> list[tuple[int, int]]:
        c = self.cell
        x0, x1 = int(rect.left() // c), int(rect.right() // c)
        y0, y1 = int(rect.top() // c), int(rect.bottom() // c)
        return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]

    def add(self, rect: QRectF) -> None:
        for key in self._keys(rect):
            self._cells.setdefault(key, []).append(rect)

    def hits(self, rect: QRectF) -> bool:
        return any(rect.intersects(other) for key in self._keys(rect) for other in self._cells.get(key, ()))


class LevelScene(QGraphicsScene):
    """A QGraphicsScene showing one :class:`~planner.model.Level` of a :class:`~planner.model.Project`."""

    #: Emitted after the scene was rebuilt from the model (new project, level or a reset).
    rebuilt = QtSignal()
    #: Emitted just before every item is dropped for a rebuild (tools drop their previews).
    about_to_rebuild = QtSignal()
    #: Emitted after the scene has followed a model change (a :class:`~planner.model.Change`): what
    #: reads the scene (the window's panels, the select tool's handles) listens here, not to the model.
    followed = QtSignal(object)

    #: Free space around the content, in metres, so the view can pan past the plan's edges.
    MARGIN_M = 30.0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._level_id: str | None = None
        self._items: dict[str, QGraphicsItem] = {}
        self._backgrounds: list[BackgroundItem] = []
        self._label_scale: float | None = None  # pixels per metre of the view the labels are placed for
        self._coverage: dict[str, CoverageItem] = {}
        self._compliance: LiveCompliance | None = None
        self._private_uses: tuple[str, frozenset[str]] | None = None
        self._layers = {name: name not in _HIDDEN_BY_DEFAULT for name in LAYERS}
        self._stale_coverage: set[str] = set()
        self._coverage_timer = QTimer(self)
        self._coverage_timer.setSingleShot(True)
        self._coverage_timer.setInterval(0)
        self._coverage_timer.timeout.connect(self._refresh_stale_coverage)
        self._snap_cache: Any = None
        self._labels_held = False
        #: Draws the coverage of the camera being dragged (see LiveCoverageItem); one per build of the scene.
        self._live: LiveCoverageItem | None = None
        #: The coverage items (the live one among them) in their stacking order, bottom first.
        self._coverage_stack: list[CoverageItem] = []
        self._declutter_timer = QTimer(self)
        self._declutter_timer.setSingleShot(True)
        self._declutter_timer.setInterval(120)
        self._declutter_timer.timeout.connect(lambda: self.declutter())
        self._handlers = self._dispatch_table()
        self._following = False
        self.selectionChanged.connect(self.declutter)
        self.selectionChanged.connect(self._highlight_coverage)

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

    def coverage_item(self, camera_id: str) -> CoverageItem | None:
        """The item drawing the coverage of camera ``camera_id``, or None."""
        return self._coverage.get(camera_id)

    def selected_ids(self) -> list[str]:
        """Ids of the selected entities, in drawing order."""
        return [item.entity_id for item in self.selectedItems() if isinstance(item, EntityItem)]

    def select_ids(self, ids: list[str] | set[str] | tuple[str, ...]) -> None:
        """Select exactly the items of ``ids`` that are on this level."""
        wanted = set(ids)
        self.blockSignals(True)
        try:
            for entity_id, item in self._items.items():
                item.setSelected(entity_id in wanted)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()

    # -- layers -----------------------------------------------------------------------------------
    def layer_visible(self, layer: str) -> bool:
        return self._layers[layer]

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        """Show or hide a layer (see :data:`LAYERS`)."""
        if layer not in self._layers:
            raise ValueError(f"no layer {layer!r}")
        self._layers[layer] = bool(visible)
        if layer == "density":
            for item in self._coverage.values():
                item.update()
            if self._live is not None:
                self._live.update()
            return
        if layer == "coverage":
            self._release_live()
            if self._live is not None:
                self._live.setVisible(visible)
        for member in self._layer_items(layer):
            member.setVisible(visible)
            if not visible and member.isSelected():
                member.setSelected(False)

    def _layer_items(self, layer: str) -> list[QGraphicsItem]:
        items: list[QGraphicsItem] = []
        if layer == "backgrounds":
            items.extend(self._backgrounds)
        elif layer == "coverage":
            items.extend(self._coverage.values())
        else:
            items.extend(item for item in self._items.values() if getattr(item, "LAYER", "") == layer)
        return items

    # -- coverage -----------------------------------------------------------------------------------
    @property
    def compliance(self) -> LiveCompliance | None:
        return self._compliance

    def set_compliance(self, compliance: LiveCompliance | None) -> None:
        """Draw coverage from ``compliance`` (None: no coverage)."""
        self._compliance = compliance
        self._rebuild()

    def camera_coverage(self, camera_id: str) -> tuple[Camera, Any, Any] | None:
        """``(camera, coverage, private overlap)`` for drawing (the CoverageSource protocol)."""
        level = self.current_level()
        if self._compliance is None or self._project is None or level is None or camera_id not in self._project:
            return None
        camera = self._project.get(camera_id)
        coverage = self._compliance.coverage(level, camera)
        overlap = self._compliance.private_overlap(level, camera, coverage) if coverage is not None else None
        return camera, coverage, overlap

    def show_density(self) -> bool:
        return self._layers["density"]

    def _add_coverage(self, camera_id: str) -> None:
        if self._compliance is None:
            return
        item = CoverageItem(camera_id, self)
        item.setVisible(self._layers["coverage"])
        self.addItem(item)
        self._coverage[camera_id] = item
        self._coverage_stack.append(item)
        item.sync()
        camera = self._items.get(camera_id)
        item.set_highlight(bool(camera is not None and camera.isSelected()))

    def _invalidate_coverage(self) -> None:
        """Every camera's coverage is stale (walls, zones or the venue changed): refresh them soon, once."""
        self._stale_coverage.update(self._coverage)
        self._coverage_timer.start()

    def _refresh_stale_coverage(self) -> None:
        stale, self._stale_coverage = self._stale_coverage, set()
        for camera_id in stale:
            self._sync_coverage(camera_id)

    def flush(self) -> None:
        """Bring every pending coverage refresh and label placement up to date now."""
        self._coverage_timer.stop()
        self._refresh_stale_coverage()
        if self._declutter_timer.isActive():
            self._declutter_timer.stop()
            self.declutter()

    def _highlight_coverage(self) -> None:
        for camera_id, item in self._coverage.items():
            camera = self._items.get(camera_id)
            item.set_highlight(bool(camera is not None and camera.isSelected()))
            if self._live is not None and self._live.camera_id == camera_id:
                self._live.set_highlight(bool(camera is not None and camera.isSelected()))

    def hold_labels(self, hold: bool) -> None:
        """Keep the device labels where they are during a drag; place them again at its end."""
        self._labels_held = hold
        if not hold:
            self._declutter_timer.start()
            self._release_live()

    def _take_live(self, camera_id: str, item: CoverageItem) -> None:
        """Let the live item draw ``camera_id``'s coverage from its stacking place; hide the camera's own item."""
        live = self._live
        if live is None or live.camera_id == camera_id:
            return
        self._release_live()
        order = self._coverage_stack
        k_live, k_item = order.index(live), order.index(item)
        if k_live > k_item:
            live.stackBefore(item)  # just below the hidden item: where it is drawn
            order.insert(k_item, order.pop(k_live))
        else:
            for other in order[k_live + 1 : k_item + 1]:  # move those in between (in order) below the live item
                other.stackBefore(live)
            order.insert(k_item, order.pop(k_live))
        live.take(item)
        item.setVisible(False)

    def _release_live(self) -> None:
        """The dragged camera's own item draws its coverage again."""
        live = self._live
        if live is None or not live.active:
            return
        camera_id = live.camera_id
        live.release()
        item = self._coverage.get(camera_id)
        if item is not None:
            item.sync()
            item.setVisible(self._layers["coverage"])

    def _sync_coverage(self, camera_id: str) -> None:
        live = self._live
        if live is not None and live.camera_id == camera_id:
            live.sync()
            return
        item = self._coverage.get(camera_id)
        if item is not None:
            item.sync()

    # -- remedy preview ------------------------------------------------------------------------------
    def show_ghost(self, region: Any, overlap: Any = None, camera_at: Any = None) -> None:
        """Draw a coverage ``region`` (shapely, plan metres) as a dashed ghost, its ``overlap`` with private
        spaces in red and the camera's position ``camera_at``: what a remedy would leave."""
        from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
        from PySide6.QtWidgets import QGraphicsPathItem

        self.clear_ghost()
        path = qtgeom.geometry_path(region) if region is not None else QPainterPath()
        if camera_at is not None:
            centre = qtgeom.to_scene(camera_at)
            path.addEllipse(centre, 0.25, 0.25)
        item = QGraphicsPathItem(path)
        pen = QPen(QColor(0, 120, 60), 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        item.setPen(pen)
        item.setBrush(QBrush(QColor(40, 170, 90, 70)))
        item.setZValue(900.0)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.addItem(item)
        self._ghost = [item]
        if overlap is not None and not getattr(overlap, "is_empty", True):
            red = QGraphicsPathItem(qtgeom.geometry_path(overlap))
            red.setPen(QPen(Qt.PenStyle.NoPen))
            red.setBrush(QBrush(QColor(220, 30, 30, 140)))
            red.setZValue(901.0)
            self.addItem(red)
            self._ghost.append(red)

    def clear_ghost(self) -> None:
        for item in getattr(self, "_ghost", []):
            if item.scene() is self:
                self.removeItem(item)
        self._ghost = []

    def ghost_items(self) -> list[Any]:
        """The items of the remedy preview now shown (empty: none)."""
        return list(getattr(self, "_ghost", []))

    # -- snapping -----------------------------------------------------------------------------------
    def snap_targets(self) -> Any:
        """Wall ends, zone vertices, wall and zone edges of the level (cached until the level changes)."""
        from planner.ui.tools.snap import SnapTargets, level_targets

        if self._snap_cache is None:
            level = self.current_level()
            self._snap_cache = SnapTargets() if level is None else level_targets(
                [w.path for w in level.walls], [z.polygon for z in level.zones])
        return self._snap_cache

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
        if self._following:
            self._declutter_timer.start()  # once the scene has caught up with the model
            return
        scale = self._label_scale
        devices = [item for item in self._items.values() if isinstance(item, PointItem)]
        if scale is None or scale <= 0:
            return
        zones = [item.label.text_rect(scale) for item in self._items.values() if isinstance(item, ZoneItem)]
        taken = _RectIndex(cell=120.0 / scale)
        for rect in [r for r in zones if not r.isEmpty()] + [item.symbol_rect(scale) for item in devices]:
            taken.add(rect)
        devices.sort(key=lambda item: (not item.isSelected(), not isinstance(item, CameraItem)))
        for item in devices:
            chosen = None
            if item.isSelected() or scale >= PointItem.LABEL_MIN_SCALE:
                candidates = item.label_candidates(scale)
                chosen = next((c for c in candidates if not taken.hits(item.label_rect(c, scale))), None)
                if chosen is None and item.isSelected():
                    chosen = candidates[0]
            item.label.set_placement(chosen)
            if chosen is not None:
                taken.add(item.label_rect(chosen, scale))

    # -- the ModelSource protocol of planner.ui.items ---------------------------------------
    def entity(self, entity_id: str) -> Any:
        assert self._project is not None
        return self._project.get(entity_id)

    def current_level(self) -> Level | None:
        if self._project is None or self._level_id is None:
            return None
        try:
            return self._project.level(self._level_id)
        except ModelError:  # removed; the scene moves to another level on the reset that follows
            return None

    def file_data(self, name: str) -> bytes | None:
        return None if self._project is None else self._project.files.get(name)

    def has_backgrounds(self) -> bool:
        level = self.current_level()
        return bool(level and level.backgrounds)

    def private_uses(self) -> frozenset[str]:
        """Zone uses the project's rule pack makes private (the default pack's if it names none that loads)."""
        ref = self._project.venue.rule_pack if self._project is not None else DEFAULT_RULE_PACK
        if self._private_uses is None or self._private_uses[0] != ref:
            self._private_uses = (ref, shown_private_uses(ref))
        return self._private_uses[1]

    # -- building ---------------------------------------------------------------------------
    def _rebuild(self) -> None:
        self.about_to_rebuild.emit()
        self._ghost = []  # cleared with every item below
        self._items.clear()  # first: clearing the selection below re-places labels
        self._backgrounds.clear()
        self._coverage.clear()
        self._coverage_stack.clear()
        self._stale_coverage.clear()
        self._live = None
        self._snap_cache = None
        self.clearSelection()
        self.clear()
        level = self.current_level()
        if level is not None:
            self._build_backgrounds(level)
            for entity in level.items():
                self._add(entity.id, entity.ENTITY)
            if self._compliance is not None:  # empty until a camera is dragged; built with the rest
                self._live = LiveCoverageItem(self)
                self._live.setVisible(self._layers["coverage"])
                self.addItem(self._live)
                self._coverage_stack.append(self._live)
        self._fit_scene_rect(reset=True)
        self.declutter()
        self.rebuilt.emit()

    def _build_backgrounds(self, level: Level) -> None:
        for item in self._backgrounds:
            self.removeItem(item)
        self._backgrounds = [BackgroundItem(i, self) for i in range(len(level.backgrounds))]
        for item in self._backgrounds:
            item.setVisible(self._layers["backgrounds"])
            self.addItem(item)
            item.sync()

    def _add(self, entity_id: str, kind: str) -> None:
        item = ITEM_TYPES[kind](entity_id, self)  # type: ignore[call-arg]  # every item class takes (id, scene)
        assert isinstance(item, QGraphicsItem)
        item.setVisible(self._layers.get(item.LAYER, True))
        self.addItem(item)
        self._items[entity_id] = item
        item.sync()
        if kind == "camera":
            self._add_coverage(entity_id)

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
    def _dispatch_table(self) -> dict[tuple[str, str], Any]:
        """Handler per (action, kind); each returns what the change touches (see :meth:`_on_changed`)."""
        table: dict[tuple[str, str], Any] = {}
        for kind in ITEM_TYPES:
            table[("insert", kind)] = self._on_insert
            table[("remove", kind)] = self._on_remove
        table[("update", "camera")] = self._on_device_update
        table[("update", "sign")] = self._on_device_update
        table[("update", "label")] = self._on_device_update
        table[("update", "zone")] = self._on_shape_update
        table[("update", "opening")] = self._on_shape_update
        table[("update", "wall")] = self._on_wall_update
        table[("update", "level")] = self._on_level_update
        table[("update", "venue")] = self._on_venue_update
        return table

    def _kind_of(self, change: Change) -> str:
        """The kind a change is about (older emitters leave ``Change.kind`` empty)."""
        if change.kind:
            return change.kind
        if change.entity_id == "venue":
            return "venue"
        if change.entity_id is not None and change.entity_id == change.level_id:
            return "level"
        item = self._items.get(change.entity_id or "")
        if isinstance(item, EntityItem):
            return next((k for k, t in ITEM_TYPES.items() if isinstance(item, t)), "")
        if self._project is not None and change.entity_id is not None and change.entity_id in self._project:
            return str(getattr(self._project.get(change.entity_id), "ENTITY", ""))
        return ""

    def _on_changed(self, change: Change) -> None:
        """Bring the items up to date with ``change`` (one edit or a batch), then emit :attr:`followed`.

        Each single change goes to its handler in the (action, kind) table; what they touch is
        gathered and acted on once: new snap targets and stale coverage after shape edits (the
        coverage is recomputed on the next turn of the event loop, so nothing here depends on
        whether the compliance engine has seen the change yet), openings re-cut after wall edits,
        a larger scene rect, labels placed again.
        """
        project = self._project
        if project is None:
            return
        if change.action == "reset":
            keep = self._level_id if any(lv.id == self._level_id for lv in project.levels) else None
            self.set_level(project, keep)
            self.followed.emit(change)
            return
        touched: set[str] = set()
        self._following = True  # items of later parts may be gone from the model already: no label placing now
        try:
            for part in change.expand():
                if part.entity_id != "venue" and (part.level_id != self._level_id or part.entity_id is None):
                    continue
                handler = self._handlers.get((part.action, self._kind_of(part)))
                if handler is not None:
                    touched |= handler(part)
        finally:
            self._following = False
        if "shapes" in touched:
            self._snap_cache = None
            self._invalidate_coverage()
        if "walls" in touched:
            self._sync_all(OpeningItem)  # an opening's gap is as thick as the wall it cuts
        if "extent" in touched:
            self._fit_scene_rect()
        if touched and not self._declutter_timer.isActive() and not self._labels_held:
            self._declutter_timer.start()  # labels follow edits a few times a second
        self.followed.emit(change)

    def _on_insert(self, change: Change) -> set[str]:
        assert self._project is not None and change.entity_id is not None
        kind = self._kind_of(change)
        self._add(change.entity_id, kind)
        return {"extent", "labels"} | ({"shapes"} if kind in ("zone", "wall", "opening") else set()) | \
            ({"walls"} if kind == "wall" else set())

    def _on_remove(self, change: Change) -> set[str]:
        kind = self._kind_of(change)
        item = self._items.pop(change.entity_id or "", None)
        if item is not None:
            self.removeItem(item)
        if self._live is not None and self._live.active and self._live.camera_id == change.entity_id:
            self._live.release()
        coverage = self._coverage.pop(change.entity_id or "", None)
        if coverage is not None:
            self._coverage_stack.remove(coverage)
            self.removeItem(coverage)
        return {"extent", "labels"} | ({"shapes"} if kind in ("zone", "wall", "opening") else set()) | \
            ({"walls"} if kind == "wall" else set())

    def _sync_item(self, entity_id: str) -> None:
        item = self._items.get(entity_id)
        if isinstance(item, EntityItem):
            item.sync()
        coverage = self._coverage.get(entity_id)
        if coverage is not None:
            self._stale_coverage.discard(entity_id)
            if self._labels_held and coverage.isVisible():  # changing during a drag: the live item draws it
                self._take_live(entity_id, coverage)
            self._sync_coverage(entity_id)

    def _on_device_update(self, change: Change) -> set[str]:
        self._sync_item(change.entity_id or "")
        return {"labels"}

    def _on_shape_update(self, change: Change) -> set[str]:
        self._sync_item(change.entity_id or "")
        touched = {"shapes", "extent", "labels"}
        if self._kind_of(change) == "zone" and {"name", "use"} & set(change.fields):
            self._sync_all(SignItem)  # a sign without a name is named after the zone it hangs in
        return touched

    def _on_wall_update(self, change: Change) -> set[str]:
        self._sync_item(change.entity_id or "")
        return {"shapes", "walls", "extent", "labels"}

    def _on_level_update(self, change: Change) -> set[str]:
        level = self.current_level()
        if level is None:
            return set()
        touched = {"extent"}
        if "backgrounds" in change.fields or not change.fields:
            self._build_backgrounds(level)
            self._sync_all(ZoneItem)  # zones turn translucent over a background
            self._sync_all(PlanLabelItem)  # and the plan's own text shows there
        if "ceiling_height_m" in change.fields:
            self._invalidate_coverage()
        return touched

    def _on_venue_update(self, change: Change) -> set[str]:
        if {"face_height_m", "rule_pack"} & set(change.fields):
            self._invalidate_coverage()
        if "rule_pack" in change.fields or not change.fields:
            self._private_uses = None
            self._sync_all(ZoneItem)  # private zones follow the pack
            self._sync_all(PlanLabelItem)
        return set()
