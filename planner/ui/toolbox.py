"""The tools dock: tool buttons, and the options new walls, rooms, openings, cameras and signs take."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.model import SIGN_KINDS, SIGN_SIZES, WALL_MATERIALS, ZONE_USES
from planner.rules.pack import DEFAULT_RULE_PACK, shown_private_uses
from planner.ui.inputs import guard_wheel
from planner.ui.names import material_name, relabel_uses, sign_kind_name, use_label
from planner.ui.tools.base import ToolOptions

__all__ = ["ToolsPanel"]


def _small(box: QComboBox) -> QComboBox:
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    guard_wheel(box)
    return box


def _spin(low: float, high: float, value: float, suffix: str, step: float, decimals: int = 2) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setSuffix(suffix)
    box.setValue(value)
    guard_wheel(box)
    return box


class ToolsPanel(QDockWidget):
    """Tool buttons in a grid, and below them the options the drawing tools use."""

    COLUMNS = 6

    def __init__(self, actions: list[QAction], options: ToolOptions, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Tools"), parent)
        self.setObjectName("tools")
        self.options = options
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        grid = QGridLayout()
        grid.setSpacing(2)
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.buttons: dict[str, QToolButton] = {}
        for i, action in enumerate(actions):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setIconSize(QSize(26, 26))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            grid.addWidget(button, i // self.COLUMNS, i % self.COLUMNS)
            self.buttons[str(action.data())] = button
        layout.addLayout(grid)
        layout.addWidget(self._options_box())
        layout.addStretch(1)
        self.setWidget(body)

    def _options_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("New items"))
        form = QFormLayout(box)
        o = self.options
        self.use = _small(QComboBox())
        self.use.setObjectName("option_use")
        for use in ZONE_USES:
            self.use.addItem(use_label(use, shown_private_uses(DEFAULT_RULE_PACK)), use)
        self.use.setCurrentIndex(self.use.findData(o.zone_use))
        self.use.currentIndexChanged.connect(lambda _i: setattr(o, "zone_use", self.use.currentData()))
        form.addRow(self.tr("Room use"), self.use)
        self.thickness = _spin(0.02, 2.0, o.wall_thickness_m, " m", 0.05)
        self.thickness.setObjectName("option_thickness")
        self.thickness.valueChanged.connect(lambda v: setattr(o, "wall_thickness_m", float(v)))
        form.addRow(self.tr("Wall thickness"), self.thickness)
        self.material = _small(QComboBox())
        self.material.setObjectName("option_material")
        for material in WALL_MATERIALS:
            self.material.addItem(material_name(material), material)
        self.material.currentIndexChanged.connect(lambda _i: setattr(o, "wall_material", self.material.currentData()))
        form.addRow(self.tr("Wall material"), self.material)
        self.widths: dict[str, QDoubleSpinBox] = {}
        labels = {"door": self.tr("Door width"), "doorway": self.tr("Doorway width"),
                  "window": self.tr("Window width")}
        for kind, label in labels.items():
            spin = _spin(0.3, 10.0, o.opening_width_m[kind], " m", 0.05)
            spin.setObjectName(f"option_{kind}_width")
            spin.valueChanged.connect(self._width_setter(kind))
            self.widths[kind] = spin
            form.addRow(label, spin)
        self.hfov = _spin(1.0, 360.0, o.camera_hfov_deg, "°", 5.0, 1)
        self.hfov.setObjectName("option_hfov")
        self.hfov.valueChanged.connect(lambda v: setattr(o, "camera_hfov_deg", float(v)))
        form.addRow(self.tr("Camera field of view"), self.hfov)
        self.mount = _spin(0.0, 50.0, o.camera_mount_height_m, " m", 0.1)
        self.mount.valueChanged.connect(lambda v: setattr(o, "camera_mount_height_m", float(v)))
        form.addRow(self.tr("Camera height"), self.mount)
        self.fr = QCheckBox(self.tr("Face recognition"))
        self.fr.setObjectName("option_fr")
        self.fr.toggled.connect(lambda on: setattr(o, "camera_face_recognition", bool(on)))
        form.addRow("", self.fr)
        self.sign_kind = _small(QComboBox())
        for kind in SIGN_KINDS:
            self.sign_kind.addItem(sign_kind_name(kind), kind)
        self.sign_kind.setCurrentIndex(self.sign_kind.findData(o.sign_kind))
        self.sign_kind.currentIndexChanged.connect(lambda _i: setattr(o, "sign_kind", self.sign_kind.currentData()))
        form.addRow(self.tr("Sign"), self.sign_kind)
        self.sign_size = _small(QComboBox())
        for size in SIGN_SIZES:
            self.sign_size.addItem(size, size)
        self.sign_size.setCurrentIndex(self.sign_size.findData(o.sign_size))
        self.sign_size.currentIndexChanged.connect(lambda _i: setattr(o, "sign_size", self.sign_size.currentData()))
        form.addRow(self.tr("Sign paper"), self.sign_size)
        return box

    def set_private_uses(self, private_uses: frozenset[str]) -> None:
        """Mark the room uses the project's rule pack makes private."""
        relabel_uses(self.use, private_uses)

    def _width_setter(self, kind: str) -> Callable[[float], None]:
        def set_width(value: float) -> None:
            self.options.opening_width_m[kind] = float(value)

        return set_width
