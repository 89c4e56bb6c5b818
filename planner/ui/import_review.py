"""Review an imported plan: every zone with the use the importer suggested and the label it read.

The user confirms each use or picks another before the first check (a wrong
use hides a toilet from the privacy checks). :meth:`ImportReviewDialog.uses`
returns zone id -> use for every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.model import ZONE_USES
from planner.ui.names import use_label

__all__ = ["ImportReviewDialog"]

#: Suggestions below this confidence are highlighted for a closer look.
LOW_CONFIDENCE = 0.8


class ImportReviewDialog(QDialog):
    """A table of imported zones: level, zone, label read, suggested use (editable), confidence, reason."""

    def __init__(self, entries: Sequence[Any], parent: QWidget | None = None, *,
                 private_uses: frozenset[str] = frozenset()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review imported zones"))
        self.entries = list(entries)
        intro = QLabel(self.tr("Check the use of every zone before the first check: private spaces (restrooms, "
                               "changing rooms, guest rooms …) must be marked as such. Rows in yellow are guesses."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.entries), 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Level"), self.tr("Zone"), self.tr("Label in the plan"),
                                              self.tr("Use"), self.tr("Confidence"), self.tr("Why")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.combos: dict[str, QComboBox] = {}
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
                combo.addItem(use_label(use, private_uses), use)
            combo.setCurrentIndex(max(0, combo.findData(entry.suggested_use)))
            self.table.setCellWidget(row, 3, combo)
            self.combos[entry.zone] = combo
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Confirm uses"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(860, 520)

    def uses(self) -> dict[str, str]:
        """Zone id -> the use chosen in its row."""
        return {zone: str(combo.currentData()) for zone, combo in self.combos.items()}
