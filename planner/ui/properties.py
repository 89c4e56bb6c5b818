"""The properties dock: every field of the selected entity (or of the level), each edit one undoable command.

Edits of one field in a row (spin-box arrows, the wheel) merge into one undo
step; a new selection or another field starts a new step. Cameras get a lens
calculator (focal length and sensor format to field of view) and resolution
presets.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry import Polygon

from planner.geometry.openings import walls_pierced
from planner.model import (
    CAMERA_KINDS,
    COVERAGE_LEVELS,
    OPENING_KINDS,
    SIGN_KINDS,
    SIGN_SIZES,
    WALL_MATERIALS,
    ZONE_USES,
    Background,
    Camera,
    FieldError,
    Level,
    Opening,
    Project,
    SetProperty,
    Zone,
)
from planner.model.commands import SetBackgrounds
from planner.rules.pack import DEFAULT_RULE_PACK, shown_private_uses
from planner.ui.inputs import FieldMessage, NumberField, guard_wheel
from planner.ui.lens import (
    RESOLUTION_PRESETS,
    SENSOR_FORMATS,
    catalogue_models,
    focal_length_mm,
    hfov_deg,
    preset_name,
)
from planner.ui.names import (
    camera_kind_name,
    display_name,
    entity_name,
    level_counts,
    material_name,
    opening_kind_name,
    relabel_uses,
    sign_kind_name,
    use_label,
)
from planner.ui.tools.snap import opening_on_segment

__all__ = ["PropertiesPanel", "parse_masks", "format_masks", "resize_segment"]


def parse_masks(text: str) -> list[tuple[float, float]]:
    """Privacy masks from text such as ``"-20..-5; 10..30"`` (degrees off the axis, clockwise positive).

    >>> parse_masks("-20..-5; 10 .. 30")
    [(-20.0, -5.0), (10.0, 30.0)]
    >>> parse_masks("")
    []
    """
    masks = []
    for part in text.replace("，", ";").replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        lo, sep, hi = part.partition("..")
        if not sep:
            raise ValueError(f"expected FROM..TO, got {part!r}")
        masks.append((float(lo), float(hi)))
    return masks


def format_masks(masks: Any) -> str:
    """The text :func:`parse_masks` reads.

    >>> format_masks([(-20.0, -5.0), (10.0, 30.5)])
    '-20..-5; 10..30.5'
    """
    return "; ".join(f"{lo:g}..{hi:g}" for lo, hi in masks)


def resize_segment(segment: Any, width: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The segment ``width`` long with the same middle and direction.

    >>> resize_segment(((0, 0), (1, 0)), 2.0)
    ((-0.5, 0.0), (1.5, 0.0))
    """
    (x0, y0), (x1, y1) = segment
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    h = width / 2
    return ((mx - ux * h + 0.0, my - uy * h + 0.0), (mx + ux * h + 0.0, my + uy * h + 0.0))


def _spin(low: float, high: float, decimals: int = 2, suffix: str = "", step: float = 0.1,
          wrapping: bool = False) -> NumberField:
    return NumberField(low, high, decimals, suffix, step, wrapping=wrapping)


def _small(box: QComboBox) -> QComboBox:
    """A combo box that may be narrower than its longest entry (the dock decides the width)."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    guard_wheel(box)
    return box


def _combo(values: tuple[str, ...], name: Callable[[str], str]) -> QComboBox:
    box = _small(QComboBox())
    for value in values:
        box.addItem(name(value), value)
    return box


def _set_combo(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    box.setCurrentIndex(index)


class _Page(QWidget):
    """One form; ``load(entity)`` fills it from the model without emitting edits."""

    def __init__(self, panel: PropertiesPanel) -> None:
        super().__init__()
        self.panel = panel
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._loaders: list[Callable[[Any], None]] = []
        self.entity_id: str | None = None
        #: Field name -> the line under it that says why an input was refused.
        self.messages: dict[str, FieldMessage] = {}

    def load(self, entity: Any) -> None:
        if getattr(entity, "id", None) != self.entity_id:
            self.clear_messages()
        self.entity_id = getattr(entity, "id", None)
        for loader in self._loaders:
            loader(entity)

    def message_for(self, field: str) -> FieldMessage:
        """The message line of ``field`` (added under the field's row on first use)."""
        message = self.messages.get(field)
        if message is None:
            message = FieldMessage(self)
            self.form.addRow(message)
            self.messages[field] = message
        return message

    def _add_message_row(self, field: str) -> FieldMessage:
        message = FieldMessage(self)
        self.form.addRow(message)
        self.messages.setdefault(field, message)
        return message

    def say(self, field: str, message: str) -> None:
        """Show ``message`` under ``field`` (and in the status bar)."""
        self.message_for(field).say(message)
        self.panel.host.status(message)

    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear_message()

    # -- field builders: each edits one field (or several) of the shown entity ----------------------
    def number(self, label: str, field: str, box: QDoubleSpinBox, step_text: str,
               get: Callable[[Any], float] | None = None, put: Callable[[Any, float], dict[str, Any]] | None = None,
               *, row: QHBoxLayout | None = None) -> QDoubleSpinBox:
        if row is not None:
            self.form.addRow(label, row)
        else:
            self.form.addRow(label, box)
        if not box.objectName():
            box.setObjectName(field)
        name = box.objectName()
        reader = get or (lambda e: float(getattr(e, field)))
        writer = put or (lambda _e, v: {field: v})

        def load(entity: Any) -> None:
            box.blockSignals(True)
            box.setValue(reader(entity))
            box.blockSignals(False)

        box.valueChanged.connect(lambda v: self.panel.edit(field, lambda e: writer(e, v), step_text, where=name))
        if isinstance(box, NumberField):
            box.refused.connect(lambda text: self.say(name, text))
        self._add_message_row(name)
        self._loaders.append(load)
        return box

    def text(self, label: str, field: str, step_text: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(field)
        self.form.addRow(label, edit)

        def load(entity: Any) -> None:
            if not edit.hasFocus() or not edit.isModified():
                edit.setText(str(getattr(entity, field)))
                edit.setCursorPosition(0)  # long names show their beginning

        def done() -> None:
            shown = self.panel.entity() if self.panel.shown_ids() else self.panel.host.level()
            if edit.text() != str(getattr(shown, field, "")):
                self.panel.edit(field, lambda e: {field: edit.text()}, step_text)
            edit.setModified(False)

        edit.editingFinished.connect(done)
        self._add_message_row(field)
        self._loaders.append(load)
        return edit

    def choice(self, label: str, field: str, box: QComboBox, step_text: str) -> QComboBox:
        box.setObjectName(field)
        self.form.addRow(label, box)

        def load(entity: Any) -> None:
            box.blockSignals(True)
            _set_combo(box, getattr(entity, field))
            box.blockSignals(False)

        box.currentIndexChanged.connect(lambda _i: self.panel.edit(field, lambda e: {field: box.currentData()},
                                                                    step_text))
        self._loaders.append(load)
        return box

    def check(self, label: str, field: str, step_text: str) -> QCheckBox:
        box = QCheckBox(label)
        box.setObjectName(field)
        self.form.addRow("", box)

        def load(entity: Any) -> None:
            box.blockSignals(True)
            box.setChecked(bool(getattr(entity, field)))
            box.blockSignals(False)

        box.toggled.connect(lambda on: self.panel.edit(field, lambda e: {field: on}, step_text))
        self._loaders.append(load)
        return box

    def info(self, label: str, compute: Callable[[Any], str]) -> QLabel:
        out = QLabel()
        out.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        out.setWordWrap(True)
        self.form.addRow(label, out)
        self._loaders.append(lambda e: out.setText(compute(e)))
        return out

    def position(self, label_x: str, label_y: str, step_text: str) -> None:
        x, y = _spin(-1e5, 1e5, 2, " m"), _spin(-1e5, 1e5, 2, " m")
        x.setObjectName("position_x")
        y.setObjectName("position_y")
        self.number(label_x, "position", x, step_text,
                    get=lambda e: e.position[0], put=lambda e, v: {"position": (v, e.position[1])})
        self.number(label_y, "position", y, step_text,
                    get=lambda e: e.position[1], put=lambda e, v: {"position": (e.position[0], v)})


def _zone_area(zone: Zone) -> str:
    return f"{Polygon(zone.polygon).buffer(0).area:.2f} m²"


class PropertiesPanel(QDockWidget):
    """Shows and edits the selected entity; the level's own fields when nothing is selected."""

    #: Interval of the fields' updates during a drag (ms).
    DRAG_REFRESH_MS = 100

    def __init__(self, host: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Properties"), parent)
        self.setObjectName("properties")
        self.host = host
        self._ids: list[str] = []
        self._gestures: dict[tuple[str, str], Any] = {}
        self._interacting = False
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(self.DRAG_REFRESH_MS)
        self._pending.timeout.connect(self.refresh)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold")
        self.stack = QStackedWidget()
        self.pages: dict[str, _Page] = {}
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)
        self._build_pages()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.stack)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.setMinimumWidth(280)

    def _build_pages(self) -> None:
        self.setWindowTitle(self.tr("Properties"))
        self.empty.setText(self.tr("Open or create a project"))
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        for kind, build in (("level", self._level_page), ("zone", self._zone_page), ("wall", self._wall_page),
                            ("opening", self._opening_page), ("camera", self._camera_page),
                            ("sign", self._sign_page)):
            page = _Page(self)
            build(page)
            self.pages[kind] = page
            self.stack.addWidget(page)

    def retranslate(self) -> None:
        """Build the fields again in the language now installed, showing the same selection."""
        self._build_pages()
        self.refresh()

    # -- what it shows -----------------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return self.host.project

    def _private_uses(self) -> frozenset[str]:
        project = self.project
        return shown_private_uses(project.venue.rule_pack if project is not None else DEFAULT_RULE_PACK)

    def shown_kind(self) -> str | None:
        page = self.stack.currentWidget()
        return next((k for k, p in self.pages.items() if p is page), None)

    def page(self, kind: str) -> _Page:
        return self.pages[kind]

    def entity(self) -> Any:
        project = self.project
        if project is None or len(self._ids) != 1 or self._ids[0] not in project:
            return None
        return project.get(self._ids[0])

    def show_ids(self, ids: list[str]) -> None:
        """Show the entity of ``ids`` (one), a count (several) or the current level (none)."""
        self._ids = [i for i in ids if self.project is not None and i in self.project]
        self._gestures.clear()
        self.refresh()

    def refresh(self) -> None:
        """Reload the shown values from the model."""
        project = self.project
        if project is None:
            self.title.setText("")
            self.stack.setCurrentWidget(self.empty)
            return
        self._ids = [i for i in self._ids if i in project]
        if len(self._ids) > 1:
            n = len(self._ids)
            self.title.setText(self.tr("%n items selected", None, n))
            self.empty.setText(self.tr("Select one item to edit its properties. Drag to move them together; "
                                       "Delete removes them."))
            self.stack.setCurrentWidget(self.empty)
            return
        entity = self.entity() if self._ids else self.host.level()
        if entity is None:
            self.title.setText("")
            self.stack.setCurrentWidget(self.empty)
            return
        kind = entity.ENTITY
        page = self.pages[kind]
        name = display_name(entity, project)
        self.title.setText(name if name.startswith(entity_name(kind)) else f"{entity_name(kind)} · {name}")
        page.load(entity)
        self.stack.setCurrentWidget(page)

    def on_changed(self, change: Any) -> None:
        """The model changed (one change or a batch): reload once if it concerns what is shown."""
        shown = self._ids[0] if len(self._ids) == 1 else (None if self._ids else self.host.level_id())
        for part in change.expand():
            if part.action in ("reset", "remove") or part.entity_id == shown or \
                    (not self._ids and part.action == "insert" and part.level_id == shown):
                if self._interacting:  # a drag: the fields follow a few times a second
                    if not self._pending.isActive():
                        self._pending.start()
                else:
                    self.refresh()  # (inserts on the level shown change its "Contents" line)
                return

    def set_interacting(self, interacting: bool) -> None:
        """While the user drags, reload the fields at most every :attr:`DRAG_REFRESH_MS`; at the end, at once."""
        self._interacting = interacting
        if not interacting and self._pending.isActive():
            self._pending.stop()
            self.refresh()

    # -- editing -------------------------------------------------------------------------------------
    def shown_ids(self) -> list[str]:
        return list(self._ids)

    def edit(self, field: str, values: Callable[[Any], dict[str, Any]], text: str, *, where: str | None = None) -> bool:
        """Push one merging SetProperty of the shown entity (or level).

        A value the model refuses is not pushed: the message appears under the field ``where``
        (default: ``field``) and the field shows the model's value again.
        """
        entity = self.entity() if self._ids else self.host.level()
        if entity is None:
            return False
        page = self.pages.get(entity.ENTITY)
        where = where or field
        new = values(entity)
        for name, value in new.items():
            try:
                type(entity).convert(name, value)
            except FieldError as exc:
                if page is not None:
                    page.say(where, self.tr("Not applied: {0}").replace("{0}", exc.message))
                self.refresh()
                return False
        if page is not None and where in page.messages:
            page.messages[where].clear_message()
        key = (entity.id, field)
        if key not in self._gestures:
            self._gestures = {key: self.host.new_gesture()}  # another field: a new step
        step = text.replace("{0}", display_name(entity, self.project))
        ok = bool(self.host.push(SetProperty(entity.id, new, merge=True), text=step, gesture=self._gestures[key]))
        if not ok:
            self.refresh()  # show the model's value again
        return ok

    # -- pages -----------------------------------------------------------------------------------------
    def _level_page(self, page: _Page) -> None:
        page.text(self.tr("Name"), "name", self.tr("Rename level {0}"))
        page.number(self.tr("Elevation"), "elevation_m", _spin(-500, 5000, 2, " m"),
                    self.tr("Change elevation of level {0}"))
        page.number(self.tr("Ceiling height"), "ceiling_height_m", _spin(0.5, 100, 2, " m"),
                    self.tr("Change ceiling height of level {0}"))
        opacity = _spin(0, 100, 0, " %", 5)
        opacity.setObjectName("background_opacity")
        page.form.addRow(self.tr("Background opacity"), opacity)

        def load(level: Level) -> None:
            opacity.blockSignals(True)
            opacity.setEnabled(bool(level.backgrounds))
            opacity.setValue(level.backgrounds[0].opacity * 100 if level.backgrounds else 0)
            opacity.blockSignals(False)

        def fade(value: float) -> None:
            level = self.host.level()
            if level is None or not level.backgrounds:
                return
            first = level.backgrounds[0]
            faded = Background(source=first.source, page=first.page, transform=first.transform,
                               opacity=value / 100.0, locked=first.locked, extra=dict(first.extra))
            key = (level.id, "background_opacity")
            if key not in self._gestures:
                self._gestures = {key: self.host.new_gesture()}
            self.host.push(SetBackgrounds(level.id, [faded, *level.backgrounds[1:]], merge=True),
                           text=self.tr("Change background opacity"), gesture=self._gestures[key])

        opacity.valueChanged.connect(fade)
        page._loaders.append(load)
        page.info(self.tr("Contents"), lambda lv: ", ".join(level_counts(lv)))

    def _zone_page(self, page: _Page) -> None:
        page.text(self.tr("Name"), "name", self.tr("Rename zone {0}"))
        uses = _small(QComboBox())
        for use in ZONE_USES:
            uses.addItem(use_label(use, frozenset()), use)
        page._loaders.insert(0, lambda _zone: relabel_uses(uses, self._private_uses()))
        page.choice(self.tr("Use"), "use", uses, self.tr("Change use of zone {0}"))
        ceiling = page.number(self.tr("Ceiling (0: the level's)"), "ceiling_height_m", _spin(0, 100, 2, " m"),
                              self.tr("Change ceiling of zone {0}"), get=lambda z: z.ceiling_height_m or 0.0,
                              put=lambda _z, v: {"ceiling_height_m": v or None})
        ceiling.setSpecialValueText(self.tr("as the level"))
        self._zone_coverage(page)
        page.info(self.tr("Area"), _zone_area)

    def _zone_coverage(self, page: _Page) -> None:
        """What the venue requires watched in the zone: as the coverage profile says, or a DORI level."""
        box = _small(QComboBox())
        box.setObjectName("coverage")
        box.setToolTip(self.tr("Overrides the coverage profile for this zone (private uses are never watched)"))
        names = {"none": self.tr("Not watched"), "detect": self.tr("Detect (25 px/m)"),
                 "observe": self.tr("Observe (62.5 px/m)"), "recognise": self.tr("Recognise (125 px/m)"),
                 "identify": self.tr("Identify (250 px/m)")}
        box.addItem(self.tr("As the profile says"), "")
        for level in COVERAGE_LEVELS:
            box.addItem(names[level], level)
        page.form.addRow(self.tr("Coverage"), box)

        def load(zone: Any) -> None:
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(zone.coverage or "")))
            box.blockSignals(False)

        step = self.tr("Change coverage of zone {0}")
        box.currentIndexChanged.connect(
            lambda _i: self.edit("coverage", lambda e: {"coverage": box.currentData() or None}, step))
        page._loaders.append(load)

    def _wall_page(self, page: _Page) -> None:
        page.number(self.tr("Thickness"), "thickness_m", _spin(0.01, 5, 2, " m", 0.05),
                    self.tr("Change thickness of wall {0}"))
        page.choice(self.tr("Material"), "material", _combo(WALL_MATERIALS, material_name),
                    self.tr("Change material of wall {0}"))
        height = page.number(self.tr("Height (0: full)"), "height_m", _spin(0, 100, 2, " m"),
                             self.tr("Change height of wall {0}"), get=lambda w: w.height_m or 0.0,
                             put=lambda _w, v: {"height_m": v or None})
        height.setSpecialValueText(self.tr("floor to ceiling"))
        page.info(self.tr("Length"), lambda w: f"{sum(math.dist(a, b) for a, b in itertools.pairwise(w.path)):.2f} m")

    def _opening_page(self, page: _Page) -> None:
        page.choice(self.tr("Kind"), "kind", _combo(OPENING_KINDS, opening_kind_name),
                    self.tr("Change kind of opening {0}"))

        def widen(opening: Opening, width: float) -> dict[str, Any]:
            level = self.host.level()
            wall = next((w for w in level.walls if w.id == opening.wall), None) if level is not None else None
            if wall is not None:
                mid = ((opening.segment[0][0] + opening.segment[1][0]) / 2,
                       (opening.segment[0][1] + opening.segment[1][1]) / 2)
                for a, b in zip(wall.path, wall.path[1:], strict=False):
                    seg = opening_on_segment(mid, a, b, width)
                    if seg is not None and _on_segment(mid, a, b):
                        return {"segment": seg}
            return {"segment": resize_segment(opening.segment, width)}

        page.number(self.tr("Width"), "segment", _spin(0.1, 50, 2, " m", 0.05), self.tr("Resize opening {0}"),
                    get=lambda o: o.width_m, put=widen)
        page.info(self.tr("Wall"), self._pierced_walls)
        closing = page.check(self.tr("Self-closing (checked shut)"), "self_closing",
                             self.tr("Switch self-closing of door {0}"))
        closing.setToolTip(self.tr("A door that closes by itself (guest rooms, toilet cubicles): views are judged "
                                   "with it shut, and what a camera sees while it stands open is a warning"))
        page._loaders.append(lambda o: closing.setEnabled(o.kind == "door"))

    def _pierced_walls(self, opening: Opening) -> str:
        """The walls an opening goes through, as the checks see them."""
        level = self.host.level()
        walls = [p.wall.id for p in walls_pierced(opening, level.walls)] if level is not None else []
        return ", ".join(dict.fromkeys(walls)) or self.tr("(none: on no wall)")

    def _camera_page(self, page: _Page) -> None:
        page.text(self.tr("Name"), "name", self.tr("Rename camera {0}"))
        page.position(self.tr("Position x"), self.tr("Position y"), self.tr("Move camera {0}"))
        page.number(self.tr("Mounting height"), "mount_height_m", _spin(0, 100, 2, " m"),
                    self.tr("Change mounting height of camera {0}"))
        page.number(self.tr("Heading"), "heading_deg", _spin(0, 359.9, 1, "°", 1, wrapping=True),
                    self.tr("Aim camera {0}"))
        page.number(self.tr("Field of view"), "hfov_deg", _spin(0.1, 360, 1, "°", 1),
                    self.tr("Change field of view of camera {0}"))
        tilt = page.number(self.tr("Tilt"), "tilt_deg", _spin(-90, 90, 1, "°", 1), self.tr("Tilt camera {0}"))
        tilt.setToolTip(self.tr("Angle of the optical axis below the horizontal (90°: straight down)"))
        presets = _small(QComboBox())
        presets.setObjectName("resolution_preset")
        presets.addItem(self.tr("Custom"), None)
        for name, value in RESOLUTION_PRESETS.items():
            presets.addItem(name, value)
        page.form.addRow(self.tr("Resolution"), presets)
        width, height = _spin(1, 100000, 0, " px", 1), _spin(1, 100000, 0, " px", 1)
        width.setObjectName("resolution_width")
        height.setObjectName("resolution_height")
        page.number(self.tr("Width"), "resolution", width, self.tr("Change resolution of camera {0}"),
                    get=lambda c: c.resolution[0], put=lambda c, v: {"resolution": (int(v), c.resolution[1])})
        page.number(self.tr("Height"), "resolution", height, self.tr("Change resolution of camera {0}"),
                    get=lambda c: c.resolution[1], put=lambda c, v: {"resolution": (c.resolution[0], int(v))})

        def load_preset(camera: Camera) -> None:
            presets.blockSignals(True)
            presets.setCurrentIndex(max(0, presets.findText(preset_name(camera.resolution) or "")))
            presets.blockSignals(False)

        def pick(_index: int) -> None:
            value = presets.currentData()
            if value is not None:
                self.edit("resolution", lambda _c: {"resolution": tuple(value)},
                          self.tr("Change resolution of camera {0}"))

        presets.currentIndexChanged.connect(pick)
        page._loaders.append(load_preset)
        auto = QCheckBox(self.tr("auto"))
        auto.setObjectName("range_auto")
        auto.setToolTip(self.tr("Automatic range: as far as the pixel density reaches the detect level (25 px/m)"))
        reach = _spin(0.1, 10000, 1, " m", 0.5)
        line = QHBoxLayout()
        line.addWidget(reach, 1)
        line.addWidget(auto)
        page.number(self.tr("Range"), "range_m", reach, self.tr("Change range of camera {0}"),
                    get=lambda c: c.range_m or 0.1, row=line)

        def load_range(camera: Camera) -> None:
            auto.blockSignals(True)
            auto.setChecked(camera.range_m is None)
            auto.blockSignals(False)
            reach.setEnabled(camera.range_m is not None)

        def toggle(on: bool) -> None:
            self.edit("range_m", lambda c: {"range_m": None if on else round(self._reach(c) or 10.0, 1)},
                      self.tr("Change range of camera {0}"))

        auto.toggled.connect(toggle)
        page._loaders.append(load_range)
        page.check(self.tr("Face recognition"), "face_recognition", self.tr("Switch face recognition of camera {0}"))
        page.choice(self.tr("Kind"), "kind", _combo(CAMERA_KINDS, camera_kind_name),
                    self.tr("Change kind of camera {0}"))
        masks = QLineEdit()
        masks.setObjectName("privacy_masks")
        masks.setPlaceholderText(self.tr("none, e.g. -20..-5; 10..30"))
        masks.setToolTip(self.tr("Masked angles off the optical axis in degrees, clockwise positive"))
        clear = QPushButton(self.tr("Clear"))
        row = QHBoxLayout()
        row.addWidget(masks, 1)
        row.addWidget(clear)
        page.form.addRow(self.tr("Privacy masks"), row)

        def set_masks(text: str) -> None:
            try:
                values = parse_masks(text)
            except ValueError as exc:
                self.host.status(str(exc))
                self.refresh()
                return
            camera = self.entity()
            if camera is not None and list(camera.privacy_masks) != values:
                self.edit("privacy_masks", lambda _c: {"privacy_masks": values},
                          self.tr("Change privacy masks of camera {0}"))

        masks.editingFinished.connect(lambda: set_masks(masks.text()))
        clear.clicked.connect(lambda: set_masks(""))
        page._loaders.append(lambda c: masks.setText(format_masks(c.privacy_masks)))
        page.info(self.tr("Coverage"), self._coverage_text)
        page.form.addRow(self._lens_calculator())

    def _reach(self, camera: Camera) -> float | None:
        coverage = self.host.camera_coverage(camera.id)
        return coverage.reach_m if coverage is not None and coverage.reach_m > 0 else None

    def _coverage_text(self, camera: Camera) -> str:
        coverage = self.host.camera_coverage(camera.id)
        if coverage is None:
            return "—"
        text = self.tr("{0} m² seen, reach {1} m").replace("{0}", f"{coverage.area_m2:.1f}") \
            .replace("{1}", f"{coverage.reach_m:.1f}")
        if coverage.fr_region is not None:
            text += "\n" + self.tr("faces identifiable over {0} m²").replace("{0}", f"{coverage.fr_area_m2:.1f}")
        return text

    def _lens_calculator(self) -> QGroupBox:
        box = QGroupBox(self.tr("Lens calculator"))
        box.setObjectName("lens_calculator")
        form = QFormLayout(box)
        self.sensor = _small(QComboBox())
        self.sensor.setObjectName("sensor_format")
        for name, width in SENSOR_FORMATS.items():
            self.sensor.addItem(f"{name} ({width:g} mm)", width)
        self.sensor.setCurrentIndex(list(SENSOR_FORMATS).index('1/2.8"'))
        self.focal = _spin(0.5, 300, 2, " mm", 0.1)
        self.focal.setObjectName("focal_length")
        self.focal.setKeyboardTracking(True)
        self.focal.setValue(2.8)
        self.lens_result = QLabel()
        apply = QPushButton(self.tr("Use this field of view"))
        apply.setObjectName("apply_lens")
        self._catalogue_row(form)
        form.addRow(self.tr("Sensor format"), self.sensor)
        form.addRow(self.tr("Focal length"), self.focal)
        form.addRow(self.tr("Field of view"), self.lens_result)
        form.addRow("", apply)

        def update() -> None:
            self.lens_result.setText(f"{hfov_deg(self.focal.value(), self.sensor.currentData()):.1f}°")

        def use() -> None:
            value = round(hfov_deg(self.focal.value(), self.sensor.currentData()), 1)
            self.edit("hfov_deg", lambda _c: {"hfov_deg": value},
                      self.tr("Set lens of camera {0} to {1} mm").replace("{1}", f"{self.focal.value():g}"))

        self.sensor.currentIndexChanged.connect(update)
        self.focal.valueChanged.connect(update)
        apply.clicked.connect(use)
        update()
        self.lens_apply = apply
        return box

    def _catalogue_row(self, form: QFormLayout) -> None:
        """A model of the camera catalogue (the one the layout optimiser uses): fills the calculator, and
        sets the camera's kind, lens and resolution in one step."""
        lang = "zh" if str(getattr(self.host, "language", "en")).startswith("zh") else "en"
        self.model_box = _small(QComboBox())
        self.model_box.setObjectName("catalogue_model")
        self.model_box.addItem("—", None)
        for model in catalogue_models():
            self.model_box.addItem(model.label(lang), model)
        use_model = QPushButton(self.tr("Use this model"))
        use_model.setObjectName("apply_model")
        form.addRow(self.tr("Catalogue model"), self.model_box)
        form.addRow("", use_model)

        def chosen() -> None:
            model = self.model_box.currentData()
            use_model.setEnabled(model is not None)
            if model is not None and model.sensor in SENSOR_FORMATS and model.focal_mm and model.kind == "fixed":
                self.sensor.setCurrentIndex(list(SENSOR_FORMATS).index(model.sensor))
                self.focal.setValue(model.focal_mm)

        def use() -> None:
            model = self.model_box.currentData()
            if model is not None:
                self.edit("model", lambda _c: {"kind": model.kind, "hfov_deg": round(model.hfov_deg, 1),
                                               "resolution": model.resolution},
                          self.tr("Set camera {0} to {1}").replace("{1}", model.label(lang)))

        self.model_box.currentIndexChanged.connect(chosen)
        use_model.clicked.connect(use)
        chosen()

    def focal_for(self, camera: Camera) -> float | None:
        """The focal length of the current sensor format that gives the camera's field of view."""
        try:
            return focal_length_mm(camera.hfov_deg, self.sensor.currentData())
        except ValueError:
            return None

    def _sign_page(self, page: _Page) -> None:
        page.text(self.tr("Name"), "name", self.tr("Rename sign {0}"))
        page.choice(self.tr("Kind"), "kind", _combo(SIGN_KINDS, sign_kind_name), self.tr("Change kind of sign {0}"))
        page.position(self.tr("Position x"), self.tr("Position y"), self.tr("Move sign {0}"))
        page.number(self.tr("Facing"), "facing_deg", _spin(0, 359.9, 1, "°", 1, wrapping=True),
                    self.tr("Turn sign {0}"))
        page.number(self.tr("Mounting height"), "mount_height_m", _spin(0, 20, 2, " m"),
                    self.tr("Change mounting height of sign {0}"))
        page.choice(self.tr("Paper size"), "size", _combo(SIGN_SIZES, str), self.tr("Change paper size of sign {0}"))


def _on_segment(p: Any, a: Any, b: Any, tolerance: float = 1e-6) -> bool:
    from planner.ui.tools.snap import nearest_on_segment

    return nearest_on_segment(p, a, b)[2] <= tolerance + 0.05

