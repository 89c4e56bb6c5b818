"""The findings dock: what the checks found, where, and one-click remedies.

Every finding row shows its remedies inline as child rows, each with the
share of the camera's view it keeps; pointing at one emits
:attr:`FindingsPanel.remedy_hovered` (the plan shows the coverage after it as
a ghost), activating it emits :attr:`FindingsPanel.remedy_requested`.
Selecting a finding (mouse or keyboard) emits
:attr:`FindingsPanel.finding_activated` (the window selects and zooms to it);
its remedies also appear as buttons below the list, with "Fix all" when one
remedy clears every finding of its camera. Cameras and zones are shown by
name (:attr:`FindingsPanel.namer`), never by id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
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
    #: The pointer is on a remedy (Finding, Remedy), or left it (None, None).
    remedy_hovered = QtSignal(object, object)
    #: "Fix all" for one camera: (camera id, Remedy) clearing every finding of that camera.
    fix_all_requested = QtSignal(object, object)
    add_signs_requested = QtSignal()

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Findings"), parent)
        self.setObjectName("findings")
        self.language = language
        self._findings: list[Finding] = []
        #: Entity id -> the name to show (the window sets it to the project's names).
        self.namer: Callable[[str], str] = lambda entity_id: entity_id
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
        self.tree.setIndentation(12)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setMouseTracking(True)
        self.tree.itemEntered.connect(self._entered)
        self.tree.viewport().installEventFilter(self)
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Code"), self.tr("Camera"), self.tr("Zone"),
                                   self.tr("Message")])
        head = self.tree.header()
        head.setStretchLastSection(True)
        for column in range(2):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._activated)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(self._current_changed)
        layout.addWidget(self.tree, 1)
        self.remedy_bar = QWidget(body)
        self.remedy_layout = QHBoxLayout(self.remedy_bar)
        self.remedy_layout.setContentsMargins(0, 0, 0, 0)
        self.remedy_label = QLabel(self.tr("Remedies:"), self.remedy_bar)
        self.remedy_layout.addWidget(self.remedy_label)
        self.remedy_buttons: list[QPushButton] = []
        self.fix_all_button = QPushButton(self.tr("Fix All for This Camera"), self.remedy_bar)
        self.fix_all_button.setObjectName("fix_all")
        self.fix_all_button.clicked.connect(self._fix_all)
        self.fix_all_button.installEventFilter(self)
        self.remedy_layout.addWidget(self.fix_all_button)
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
        self.fix_all_button.setText(self.tr("Fix All for This Camera"))
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
            message = self.message(finding)
            row = QTreeWidgetItem([_severity_name(finding.severity), finding.code,
                                   self.namer(finding.camera) if finding.camera else "",
                                   self.namer(finding.zone) if finding.zone else "", message])
            row.setIcon(0, self.style().standardIcon(icon))
            row.setForeground(0, QBrush(color))
            row.setToolTip(4, message)
            row.setData(0, Qt.ItemDataRole.UserRole, index)
            self.tree.addTopLevelItem(row)
            for number, remedy in enumerate(finding.remedies):
                child = QTreeWidgetItem(["", "", "", "", "→ " + remedy_text(remedy, self.language)])
                child.setData(0, Qt.ItemDataRole.UserRole, (index, number))
                child.setForeground(4, QBrush(QColor(21, 101, 192)))
                child.setToolTip(4, self.tr("Point to preview it on the plan; click to apply it"))
                row.addChild(child)
            row.setExpanded(True)
            if keep is not None and finding_key(finding) == keep:
                restore = row
        if restore is not None:
            self.tree.setCurrentItem(restore)
            self.tree.scrollToItem(restore)
        self.tree.blockSignals(False)
        for column in (2, 3):  # names can be long: the message keeps most of the width
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 200))
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

    def message(self, finding: Finding) -> str:
        """The finding's message in the interface language, its camera and zone called by their names."""
        text = finding.text(self.language)
        for entity_id in (finding.camera, finding.zone):
            if entity_id:
                name = self.namer(entity_id)
                if name and name != entity_id:
                    text = re.sub(rf"(?<![\w-]){re.escape(entity_id)}(?![\w-])", name.replace("\\", r"\\"), text)
        return text

    def _finding_of(self, row: QTreeWidgetItem | None) -> tuple[Finding | None, Remedy | None]:
        data = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        if isinstance(data, int) and 0 <= data < len(self._findings):
            return self._findings[data], None
        if isinstance(data, (tuple, list)) and len(data) == 2 and 0 <= data[0] < len(self._findings):
            finding = self._findings[data[0]]
            remedies = list(finding.remedies)
            return finding, remedies[data[1]] if 0 <= data[1] < len(remedies) else None
        return None, None

    def current_finding(self) -> Finding | None:
        return self._finding_of(self.tree.currentItem())[0]

    def _top_row(self, row: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
        return row.parent() if row is not None and row.parent() is not None else row

    def _current_changed(self, row: QTreeWidgetItem | None, _old: QTreeWidgetItem | None) -> None:
        """Keyboard or mouse: the plan, the properties and the remedy buttons follow the current finding."""
        top = self._top_row(row)
        self._show_remedies(top)
        finding, _ = self._finding_of(top)
        if finding is not None:
            self.finding_activated.emit(finding)

    def _activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        finding, remedy = self._finding_of(row)
        if finding is None:
            return
        if remedy is not None:
            self.remedy_hovered.emit(None, None)
            self.remedy_requested.emit(finding, remedy)
            return
        self._show_remedies(row)
        self.tree.scrollToItem(row)
        self.finding_activated.emit(finding)

    def _entered(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        finding, remedy = self._finding_of(row)
        self.remedy_hovered.emit(finding if remedy is not None else None, remedy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self.remedy_hovered.emit(None, None)
        elif event.type() == QEvent.Type.Enter and isinstance(watched, QPushButton):
            finding = watched.property("finding_index")
            if watched is self.fix_all_button:
                pair = self.fix_all_remedy(self.current_finding())
                if pair is not None:
                    camera_findings = [f for f in self._findings if f.camera == pair[0]]
                    self.remedy_hovered.emit(camera_findings[0], pair[1])
            elif isinstance(finding, int) and 0 <= finding < len(self._findings):
                number = watched.property("remedy_index")
                remedies = list(self._findings[finding].remedies)
                if isinstance(number, int) and 0 <= number < len(remedies):
                    self.remedy_hovered.emit(self._findings[finding], remedies[number])
        return False

    def fix_all_remedy(self, finding: Finding | None) -> tuple[str, Remedy] | None:
        """For the camera of ``finding``: (camera id, the remedy in every one of its findings' lists, keeping the
        most view), when the camera has more than one finding with remedies; else None."""
        if finding is None or not finding.camera:
            return None
        mine = [f for f in self._findings if f.camera == finding.camera and f.remedies]
        if len(mine) < 2:
            return None
        common = [r for r in mine[0].remedies if r.direct and all(r in f.remedies for f in mine[1:])]
        if not common:
            return None
        best = max(common, key=lambda r: r.coverage_kept if r.coverage_kept is not None else -1.0)
        return finding.camera, best

    def _fix_all(self) -> None:
        pair = self.fix_all_remedy(self.current_finding())
        if pair is not None:
            self.remedy_hovered.emit(None, None)
            self.fix_all_requested.emit(*pair)

    def _show_remedies(self, row: QTreeWidgetItem | None) -> None:
        for button in self.remedy_buttons:
            self.remedy_layout.removeWidget(button)
            button.deleteLater()
        self.remedy_buttons = []
        finding, _ = self._finding_of(self._top_row(row))
        if finding is None:
            self.remedy_bar.setVisible(False)
            return
        index = self._findings.index(finding)
        for number, remedy in enumerate(finding.remedies):
            button = QPushButton(remedy_text(remedy, self.language), self.remedy_bar)
            button.setProperty("remedy_kind", remedy.kind)
            button.setProperty("finding_index", index)
            button.setProperty("remedy_index", number)
            button.installEventFilter(self)
            button.clicked.connect(lambda _=False, f=finding, r=remedy: self.remedy_requested.emit(f, r))
            self.remedy_layout.insertWidget(self.remedy_layout.count() - 2, button)
            self.remedy_buttons.append(button)
        fix_all = self.fix_all_remedy(finding)
        self.fix_all_button.setVisible(fix_all is not None)
        if fix_all is not None:
            self.fix_all_button.setToolTip(remedy_text(fix_all[1], self.language))
        self.remedy_bar.setVisible(bool(self.remedy_buttons))
