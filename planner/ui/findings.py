"""The findings dock: what the checks found, where, and one-click remedies.

Clicking a finding emits :attr:`FindingsPanel.finding_activated` (the window
selects and zooms to it); the current finding's remedies appear as buttons
below the list, each emitting :attr:`FindingsPanel.remedy_requested`. "Add
suggested signs" asks for every missing sign at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.rules import Finding
from planner.rules.remedies import Remedy, describe
from planner.ui.compliance import finding_key
from planner.ui.i18n import translate
from planner.ui.names import field_name

__all__ = ["FindingsPanel", "remedy_text"]

_SEVERITY_STYLE = {
    "error": (QStyle.StandardPixmap.SP_MessageBoxCritical, QColor(183, 28, 28)),
    "warning": (QStyle.StandardPixmap.SP_MessageBoxWarning, QColor(180, 110, 0)),
    "info": (QStyle.StandardPixmap.SP_MessageBoxInformation, QColor(21, 101, 192)),
}


def _severity_name(severity: str) -> str:
    return {
        "error": translate("FindingsPanel", "error"),
        "warning": translate("FindingsPanel", "warning"),
        "info": translate("FindingsPanel", "info"),
    }.get(severity, severity)


def remedy_text(remedy: Remedy, language: str) -> str:
    """What a remedy button says, in the interface language (the rules' one description, capitalised)."""
    text = describe(remedy, language, names=field_name)
    return text[:1].upper() + text[1:]


class FindingsPanel(QDockWidget):
    """A dock listing the compliance findings, with the remedies of the current one."""

    finding_activated = QtSignal(object)  # a planner.rules.Finding
    remedy_requested = QtSignal(object, object)  # Finding, Remedy
    add_signs_requested = QtSignal()

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Findings"), parent)
        self.setObjectName("findings")
        self.language = language
        self._findings: list[Finding] = []
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(4)
        header = QHBoxLayout()
        self.summary = QLabel(body)
        self.add_signs_button = QPushButton(self.tr("Add Suggested Signs"), body)
        self.add_signs_button.setToolTip(self.tr("Place every notice sign the checks ask for, as one undoable step"))
        self.add_signs_button.clicked.connect(self.add_signs_requested)
        header.addWidget(self.summary, 1)
        header.addWidget(self.add_signs_button)
        layout.addLayout(header)
        self.tree = QTreeWidget(body)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Code"), self.tr("Camera"), self.tr("Zone"),
                                   self.tr("Message")])
        head = self.tree.header()
        head.setStretchLastSection(True)
        for column in range(4):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda row, _old: self._show_remedies(row))
        layout.addWidget(self.tree, 1)
        self.remedy_bar = QWidget(body)
        self.remedy_layout = QHBoxLayout(self.remedy_bar)
        self.remedy_layout.setContentsMargins(0, 0, 0, 0)
        self.remedy_label = QLabel(self.tr("Remedies:"), self.remedy_bar)
        self.remedy_layout.addWidget(self.remedy_label)
        self.remedy_buttons: list[QPushButton] = []
        self.remedy_layout.addStretch(1)
        layout.addWidget(self.remedy_bar)
        self.remedy_bar.setVisible(False)
        self.setWidget(body)

    def retranslate(self, language: str) -> None:
        """Show the headers and the findings' messages in ``language`` (the one now installed)."""
        self.language = language
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Code"), self.tr("Camera"), self.tr("Zone"),
                                   self.tr("Message")])
        self.add_signs_button.setText(self.tr("Add Suggested Signs"))
        self.add_signs_button.setToolTip(self.tr("Place every notice sign the checks ask for, as one undoable step"))
        self.remedy_label.setText(self.tr("Remedies:"))
        self.set_findings(self._findings)

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_findings(self, findings: Sequence[Finding], *, signs_missing: int | None = None) -> None:
        """List ``findings`` (in the order given), keeping the current row where it still exists."""
        current = self.current_finding()
        keep = finding_key(current) if current is not None else None
        self._findings = list(findings)
        self.tree.blockSignals(True)
        self.tree.clear()
        restore = None
        for index, finding in enumerate(self._findings):
            icon, color = _SEVERITY_STYLE.get(finding.severity, _SEVERITY_STYLE["info"])
            message = finding.text(self.language)
            row = QTreeWidgetItem([_severity_name(finding.severity), finding.code, finding.camera or "",
                                   finding.zone or "", message])
            row.setIcon(0, self.style().standardIcon(icon))
            row.setForeground(0, QBrush(color))
            row.setToolTip(4, message)
            row.setData(0, Qt.ItemDataRole.UserRole, index)
            self.tree.addTopLevelItem(row)
            if keep is not None and finding_key(finding) == keep:
                restore = row
        if restore is not None:
            self.tree.setCurrentItem(restore)
            self.tree.scrollToItem(restore)
        self.tree.blockSignals(False)
        self._show_remedies(restore)
        errors = sum(1 for f in self._findings if f.severity == "error")
        warnings = sum(1 for f in self._findings if f.severity == "warning")
        n = len(self._findings)
        self.setWindowTitle(self.tr("Findings (%n)", None, n) + " · " + self.tr("%n errors", None, errors))
        self.summary.setText(self.tr("%n errors", None, errors) + ", " + self.tr("%n warnings", None, warnings)
                             if self._findings else self.tr("No findings"))
        missing = sum(1 for f in self._findings if f.code == "SIGN_MISSING") if signs_missing is None else signs_missing
        self.add_signs_button.setEnabled(missing > 0)

    def show_failure(self, message: str) -> None:
        """Show that the checks could not run."""
        self.set_findings([])
        row = QTreeWidgetItem(["", "", "", "", message])
        row.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical))
        self.tree.addTopLevelItem(row)
        self.setWindowTitle(self.tr("Findings (checks failed)"))

    def row_of(self, index: int) -> QTreeWidgetItem | None:
        """The list row of finding number ``index``."""
        return self.tree.topLevelItem(index)

    def index_of(self, code: str, camera: str | None = None) -> int | None:
        """Index of the first finding of ``code`` (and ``camera``), or None."""
        for i, f in enumerate(self._findings):
            if f.code == code and (camera is None or f.camera == camera):
                return i
        return None

    def current_finding(self) -> Finding | None:
        row = self.tree.currentItem()
        index = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        return self._findings[index] if isinstance(index, int) and 0 <= index < len(self._findings) else None

    def _activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        index = row.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(index, int) and 0 <= index < len(self._findings):
            self._show_remedies(row)
            self.tree.scrollToItem(row)
            self.finding_activated.emit(self._findings[index])

    def _show_remedies(self, row: QTreeWidgetItem | None) -> None:
        for button in self.remedy_buttons:
            self.remedy_layout.removeWidget(button)
            button.deleteLater()
        self.remedy_buttons = []
        index = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        if not isinstance(index, int) or not 0 <= index < len(self._findings):
            self.remedy_bar.setVisible(False)
            return
        finding = self._findings[index]
        for remedy in finding.remedies:
            button = QPushButton(remedy_text(remedy, self.language), self.remedy_bar)
            button.setProperty("remedy_kind", remedy.kind)
            button.clicked.connect(lambda _=False, f=finding, r=remedy: self.remedy_requested.emit(f, r))
            self.remedy_layout.insertWidget(self.remedy_layout.count() - 1, button)
            self.remedy_buttons.append(button)
        self.remedy_bar.setVisible(bool(self.remedy_buttons))
