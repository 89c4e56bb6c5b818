"""The layers dock: show or hide backgrounds, zones, walls, cameras, coverage, density bands and signs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDockWidget, QVBoxLayout, QWidget

from planner.ui.names import layer_name
from planner.ui.scene import LAYERS

__all__ = ["LayersPanel"]


class LayersPanel(QDockWidget):
    """One check box per layer of the plan."""

    def __init__(self, visible: Callable[[str], bool], set_visible: Callable[[str, bool], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Layers"), parent)
        self.setObjectName("layers")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        self.boxes: dict[str, QCheckBox] = {}
        for layer in LAYERS:
            box = QCheckBox(layer_name(layer))
            box.setObjectName(f"layer_{layer}")
            box.setChecked(visible(layer))
            box.toggled.connect(lambda on, name=layer: set_visible(name, on))
            layout.addWidget(box)
            self.boxes[layer] = box
        layout.addStretch(1)
        self.setWidget(body)

    def sync(self, visible: Callable[[str], bool]) -> None:
        for layer, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(visible(layer))
            box.blockSignals(False)
