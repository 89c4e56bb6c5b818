"""Review an imported plan: every zone with the use the importer suggested and the label it read.

The user confirms each use or picks another before the first check (a wrong
use hides a toilet from the privacy checks). :meth:`ImportReviewDialog.uses`
returns zone id -> use for every row.

Given the import itself (``result``) and a way to import again
(``reimport``), the dialog also shows the drawing with the walls, rooms and
doors found over it, and the drawing's layers with what each gave: the user
marks layers as walls, doors or ignored and runs the import again without
leaving the dialog. :attr:`ImportReviewDialog.import_result` is then the latest import.
A drawing with several floors shows one level at a time: the level chooser
above the drawing, or a zone row of another level, brings that level up; a
new import keeps the level shown when it still has it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPixmap, QPolygonF, QResizeEvent, QTransform
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model import ZONE_USES
from planner.ui.names import use_label

__all__ = ["LAYER_ROLES", "ImportPreview", "ImportReviewDialog"]

#: Suggestions below this confidence are highlighted for a closer look.
LOW_CONFIDENCE = 0.8
#: What the user can say a layer is, and the import option each choice feeds.
LAYER_ROLES: dict[str, str | None] = {"auto": None, "walls": "wall_layers", "doors": "door_layers",
                                      "ignore": "ignore_layers"}


class ImportPreview(QGraphicsView):
    """One level of an import: its background, and the zones, walls and openings found, drawn over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(self.renderHints().Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.counts: dict[str, int] = {}
        #: The id of the level shown (``None`` before one is).
        self.level_id: str | None = None

    def show_level(self, project: Any, level_index: int = 0) -> None:
        scene = self.scene()
        scene.clear()
        self.counts = {}
        self.level_id = None
        if not project.levels:
            return
        level = project.levels[max(0, min(level_index, len(project.levels) - 1))]
        self.level_id = level.id
        for bg in level.backgrounds:
            data = project.files.get(bg.source)
            pixmap = QPixmap()
            if data and pixmap.loadFromData(data):
                a, b, c, d, e, f = bg.transform  # pixel -> plan; the scene is plan with y down
                item = scene.addPixmap(pixmap)
                item.setTransform(QTransform(a, -b, c, -d, e, -f))
                item.setOpacity(0.45)
        for zone in level.zones:
            poly = QPolygonF([QPointF(x, -y) for x, y in zone.polygon])
            private = zone.use in ("restroom", "bath", "changing_room", "fitting_room", "lactation_room",
                                   "hotel_room", "dormitory")
            colour = QColor(230, 120, 150, 90) if private else QColor(120, 160, 230, 70)
            scene.addPolygon(poly, QPen(QColor(60, 90, 160), 0), QBrush(colour))
        for wall in level.walls:
            path = QPainterPath(QPointF(wall.path[0][0], -wall.path[0][1]))
            for x, y in wall.path[1:]:
                path.lineTo(x, -y)
            colour = QColor(40, 150, 60) if wall.material == "glass" else QColor(20, 20, 20)
            pen = QPen(colour, max(wall.thickness_m, 0.03))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            scene.addPath(path, pen)
        for opening in level.openings:
            (x0, y0), (x1, y1) = opening.segment
            colour = QColor(220, 40, 40) if opening.kind == "door" else QColor(30, 170, 220)
            scene.addLine(x0, -y0, x1, -y1, QPen(colour, 0.12))
        self.counts = {"zones": len(level.zones), "walls": len(level.walls), "openings": len(level.openings)}
        self.fit()

    def fit(self) -> None:
        """The whole level in view (again once the view has its size: before, it would be a speck)."""
        self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class ImportReviewDialog(QDialog):
    """A table of imported zones: level, zone, label read, suggested use (editable), confidence, reason.

    With ``result`` and ``reimport`` (options -> a new import), also the drawing with what was found
    over it and the layer choices that run the import again.
    """

    def __init__(self, entries: Sequence[Any], parent: QWidget | None = None, *,
                 private_uses: frozenset[str] = frozenset(), result: Any = None,
                 reimport: Callable[[dict[str, Any]], Any] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review imported zones"))
        self.private_uses = private_uses
        self.import_result = result
        self.reimport = reimport
        self.entries: list[Any] = []
        intro = QLabel(self.tr("Check the use of every zone before the first check: private spaces (restrooms, "
                               "changing rooms, guest rooms …) must be marked as such. Rows in yellow are guesses."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Level"), self.tr("Zone"), self.tr("Label in the plan"),
                                              self.tr("Use"), self.tr("Confidence"), self.tr("Why")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
        self._fill_zones(entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Confirm uses"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.preview: ImportPreview | None = None
        self.layers: QTableWidget | None = None
        self.layer_roles: dict[str, QComboBox] = {}
        self.found = QLabel()
        self.level_choice = QComboBox()
        if result is not None:
            splitter = QSplitter(Qt.Orientation.Horizontal, self)
            drawing = QWidget(splitter)
            drawing_layout = QVBoxLayout(drawing)
            drawing_layout.setContentsMargins(0, 0, 0, 0)
            choose = QHBoxLayout()
            choose.addWidget(QLabel(self.tr("Level shown")))
            self.level_choice.setParent(drawing)
            self.level_choice.currentIndexChanged.connect(self._show_chosen_level)
            choose.addWidget(self.level_choice, 1)
            drawing_layout.addLayout(choose)
            self.preview = ImportPreview(drawing)
            drawing_layout.addWidget(self.preview, 1)
            side = QWidget(splitter)
            side_layout = QVBoxLayout(side)
            side_layout.setContentsMargins(0, 0, 0, 0)
            self.layers = QTableWidget(0, 3, side)
            self.layers.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Found"), self.tr("This layer is")])
            self.layers.verticalHeader().setVisible(False)
            self.layers.horizontalHeader().setStretchLastSection(True)
            side_layout.addWidget(self.layers)
            row = QHBoxLayout()
            self.rerun = QPushButton(self.tr("Import again with these layers"), side)
            self.rerun.setEnabled(reimport is not None)
            self.rerun.clicked.connect(self.run_again)
            row.addWidget(self.found, 1)
            row.addWidget(self.rerun)
            side_layout.addLayout(row)
            splitter.addWidget(drawing)
            splitter.addWidget(side)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setSizes([640, 440])
            layout.addWidget(splitter, 3)
            self._show_result(result)
            self.table.currentCellChanged.connect(self._follow_row)
        layout.addWidget(self.table, 2)
        layout.addWidget(buttons)
        self.resize(1100 if result is not None else 860, 760 if result is not None else 520)

    # -- zones -------------------------------------------------------------------------------
    def _fill_zones(self, entries: Sequence[Any]) -> None:
        self.entries = list(entries)
        self.combos = {}
        blocked = self.table.blockSignals(True)  # refilling is no choice of a row: the level shown stays
        self.table.clearContents()
        self.table.setRowCount(len(self.entries))
        self.table.setCurrentCell(-1, -1)
        self.table.blockSignals(blocked)
        for row, entry in enumerate(self.entries):
            cells = [entry.level, f"{entry.zone} {entry.name}".strip(), entry.source_label or "—", None,
                     f"{entry.confidence:.0%}", entry.reason]
            for column, text in enumerate(cells):
                if text is None:
                    continue
                item = QTableWidgetItem(str(text))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if entry.confidence < LOW_CONFIDENCE:
                    item.setBackground(QBrush(QColor(255, 243, 196)))
                self.table.setItem(row, column, item)
            combo = QComboBox()
            for use in ZONE_USES:
                combo.addItem(use_label(use, self.private_uses), use)
            combo.setCurrentIndex(max(0, combo.findData(entry.suggested_use)))
            self.table.setCellWidget(row, 3, combo)
            self.combos[entry.zone] = combo

    def uses(self) -> dict[str, str]:
        """Zone id -> the use chosen in its row."""
        return {zone: str(combo.currentData()) for zone, combo in self.combos.items()}

    # -- the drawing and its layers ------------------------------------------------------------
    def _show_result(self, result: Any) -> None:
        self.import_result = result
        if self.preview is not None:
            shown = self.preview.level_id
            levels = result.project.levels
            self.level_choice.blockSignals(True)
            self.level_choice.clear()
            for level in levels:
                counts = (self.tr("{0} zones, {1} walls, {2} doors and windows")
                          .replace("{0}", str(len(level.zones))).replace("{1}", str(len(level.walls)))
                          .replace("{2}", str(len(level.openings))))
                self.level_choice.addItem(f"{level.id} {level.name}".strip() + f" — {counts}", level.id)
            index = max(0, self.level_choice.findData(shown)) if shown is not None else 0
            self.level_choice.setCurrentIndex(index if levels else -1)
            self.level_choice.setEnabled(len(levels) > 1)
            self.level_choice.blockSignals(False)
            self.preview.show_level(result.project, index)
        summary = result.summary()
        openings = sum(summary["openings"].values())
        self.found.setText(self.tr("{0} zones, {1} walls, {2} doors and windows")
                           .replace("{0}", str(summary["zones"])).replace("{1}", str(summary["walls"]))
                           .replace("{2}", str(openings)))
        if self.layers is None:
            return
        previous = {name: str(combo.currentData()) for name, combo in self.layer_roles.items()}
        rows = result.details.get("layers", [])
        self.layers.clearContents()
        self.layers.setRowCount(len(rows))
        self.layer_roles = {}
        for r, row in enumerate(rows):
            made = [f"{row[k]} {k}" for k in ("walls", "doors", "windows", "labels") if row.get(k)]
            found = self.tr("ignored") if row.get("ignored") else (", ".join(made) or "—")
            for column, text in enumerate((row["layer"], found)):
                item = QTableWidgetItem(str(text))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.layers.setItem(r, column, item)
            combo = QComboBox()
            for role, label in (("auto", self.tr("as found")), ("walls", self.tr("walls")),
                                ("doors", self.tr("doors")), ("ignore", self.tr("ignore"))):
                combo.addItem(label, role)
            combo.setCurrentIndex(max(0, combo.findData(previous.get(row["layer"], "auto"))))
            self.layers.setCellWidget(r, 2, combo)
            self.layer_roles[row["layer"]] = combo

    def _show_chosen_level(self, index: int) -> None:
        if self.preview is not None and self.import_result is not None and index >= 0:
            self.preview.show_level(self.import_result.project, index)

    def show_level(self, level_id: str) -> bool:
        """Show the level with this id over the drawing; ``False`` when the import has no such level."""
        index = self.level_choice.findData(level_id)
        if index < 0:
            return False
        self.level_choice.setCurrentIndex(index)  # the chooser's signal redraws the preview
        return True

    def _follow_row(self, row: int, *_: int) -> None:
        """A zone row of another level brings that level up."""
        if 0 <= row < len(self.entries) and self.preview is not None \
                and self.entries[row].level != self.preview.level_id:
            self.show_level(str(self.entries[row].level))

    def layer_options(self) -> dict[str, list[str]]:
        """The import options the layer choices make: ``wall_layers``, ``door_layers``, ``ignore_layers``."""
        options: dict[str, list[str]] = {}
        for name, combo in self.layer_roles.items():
            key = LAYER_ROLES.get(str(combo.currentData()))
            if key is not None:
                options.setdefault(key, []).append(_literal(name))
        return options

    def run_again(self) -> None:
        """Import again with the layer choices; the drawing, the layers and the zones show the new import."""
        if self.reimport is None:
            return
        result = self.reimport(self.layer_options())
        if result is None:
            return
        self._show_result(result)
        self._fill_zones(result.review)


def _literal(name: str) -> str:
    """A layer name as an fnmatch pattern that matches only itself."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)
