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
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
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

#: Item data role holding what a row shows (severity, column texts, remedy texts), to update by difference.
_ROW_STATE = Qt.ItemDataRole.UserRole + 1

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


def _unique_keys(findings: Sequence[Finding]) -> list[tuple[Any, ...]]:
    """:func:`finding_key` of each finding, numbered where the same key comes again."""
    seen: dict[tuple[Any, ...], int] = {}
    keys = []
    for finding in findings:
        key = finding_key(finding)
        n = seen.get(key, 0)
        seen[key] = n + 1
        keys.append((*key, n))
    return keys


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
        #: The tree's top-level rows and the finding keys they show, in list order.
        self._rows: list[QTreeWidgetItem] = []
        self._row_keys: list[tuple[Any, ...]] = []
        #: What the remedy buttons below the list show (rebuilt only when it changes).
        self._remedy_bar_state: Any = None
        #: id(remedy) -> (remedy, language, its text), for the remedies listed now.
        self._remedy_texts: dict[int, tuple[Remedy, str, str]] = {}
        #: Widths of names in the list's font, and the widest names when the columns were last fitted.
        self._widths: dict[str, int] = {}
        self._name_columns_state: Any = None
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
        # long remedies scroll sideways instead of widening the window past the screen
        self.remedy_scroll = QScrollArea(body)
        self.remedy_scroll.setWidget(self.remedy_bar)
        self.remedy_scroll.setWidgetResizable(True)
        self.remedy_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.remedy_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.remedy_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.remedy_scroll.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        bar = self.remedy_scroll.horizontalScrollBar()
        self.remedy_scroll.setFixedHeight(self.fix_all_button.sizeHint().height()
                                          + (bar.sizeHint().height() if bar is not None else 0) + 2)
        layout.addWidget(self.remedy_scroll)
        self._show_remedy_bar(False)
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
        """List ``findings`` (in the order given), keeping the current row where it still exists.

        The list is brought up to date by difference: rows of findings that are still there are
        kept (their texts changed where they differ), others are removed or inserted, so a live
        update during a drag touches only the rows of the camera that moved.
        """
        current = self.current_finding()
        keep = finding_key(current) if current is not None else None
        self._findings = list(findings)
        self.tree.blockSignals(True)
        if self.tree.topLevelItemCount() != len(self._rows):  # a failure row, or rows added from outside
            self.tree.clear()
            self._rows, self._row_keys = [], []
        keys = _unique_keys(self._findings)
        self._diff_rows(keys)
        names: dict[str, str] = {}  # each entity's name looked up once per update

        def name_of(entity_id: str) -> str:
            name = names.get(entity_id)
            if name is None:
                name = names[entity_id] = self.namer(entity_id)
            return name

        texts = {id(r): t for r, lang, t in self._remedy_texts.values() if lang == self.language}
        self._remedy_texts = {}
        restore = None
        for index, (finding, row) in enumerate(zip(self._findings, self._rows, strict=True)):
            for remedy in finding.remedies:
                text = texts.get(id(remedy))
                if text is None:
                    text = texts[id(remedy)] = remedy_text(remedy, self.language)
                self._remedy_texts[id(remedy)] = (remedy, self.language, text)
            self._fill_row(row, index, finding, name_of)
            if keep is not None and restore is None and finding_key(finding) == keep:
                restore = row
        if restore is not None:
            if self.tree.currentItem() is not restore:
                self.tree.setCurrentItem(restore)
            self.tree.scrollToItem(restore)
        elif self.tree.currentItem() is not None:
            self.tree.setCurrentItem(None)  # type: ignore[call-overload]  # no current row, as before the update
        self.tree.blockSignals(False)
        self._fit_name_columns([{name_of(f.camera) for f in self._findings if f.camera},
                                {name_of(f.zone) for f in self._findings if f.zone}])
        self._show_remedies(restore)
        errors = sum(1 for f in self._findings if f.severity == "error")
        warnings = sum(1 for f in self._findings if f.severity == "warning")
        n = len(self._findings)
        title = self.tr("Findings (%n)", None, n) + " · " + self.tr("%n errors", None, errors)
        if self.windowTitle() != title:
            self.setWindowTitle(title)
        summary = (self.tr("%n errors", None, errors) + ", " + self.tr("%n warnings", None, warnings)
                   if self._findings else self.tr("No findings"))
        if self.summary.text() != summary:
            self.summary.setText(summary)
        missing = sum(1 for f in self._findings if f.code == "SIGN_MISSING") if signs_missing is None else signs_missing
        self.add_signs_button.setEnabled(missing > 0)

    def _fit_name_columns(self, names: list[set[str]]) -> None:
        """Fit the camera and zone columns to the ``names`` listed in them (at most 200 px: the message keeps
        the width). Qt measures the rows again only when the widest name changed (names come and go in a drag).
        """
        metrics = self.tree.fontMetrics()
        widths = tuple(max((self._text_width(metrics, text) for text in shown), default=0) for shown in names)
        header = self.tree.headerItem()
        state = (widths, header.text(2), header.text(3), self.tree.font().key())
        if state == self._name_columns_state:
            return
        self._name_columns_state = state
        for column in (2, 3):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 200))

    def _text_width(self, metrics: Any, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) > 4096:
                self._widths.clear()
            width = self._widths[text] = metrics.horizontalAdvance(text)
        return width

    def _diff_rows(self, keys: list[tuple[Any, ...]]) -> None:
        """Make the tree's rows follow ``keys`` (one per finding, in order), reusing the rows of kept keys."""
        tree = self.tree
        if keys == self._row_keys:
            return
        wanted = set(keys)
        for i in range(len(self._rows) - 1, -1, -1):  # rows of findings that are gone
            if self._row_keys[i] not in wanted:
                tree.takeTopLevelItem(i)
                del self._rows[i], self._row_keys[i]
        by_key = dict(zip(self._row_keys, self._rows, strict=True))
        for i, key in enumerate(keys):
            if i < len(self._row_keys) and self._row_keys[i] == key:
                continue
            row = by_key.get(key)
            if row is not None:  # further down: move it up here
                tree.takeTopLevelItem(self._rows.index(row))
                j = self._rows.index(row)
                del self._rows[j], self._row_keys[j]
            else:
                row = QTreeWidgetItem()
            tree.insertTopLevelItem(i, row)
            self._rows.insert(i, row)
            self._row_keys.insert(i, key)
            row.setExpanded(True)

    def _fill_row(self, row: QTreeWidgetItem, index: int, finding: Finding, namer: Callable[[str], str]) -> None:
        """Show ``finding`` in ``row`` (finding number ``index``), touching only what differs."""
        message = self.message(finding, namer)
        texts = (_severity_name(finding.severity), finding.code,
                 namer(finding.camera) if finding.camera else "",
                 namer(finding.zone) if finding.zone else "", message)
        remedies = tuple(self._remedy_texts[id(remedy)][2] for remedy in finding.remedies)
        state = (finding.severity, texts, remedies)
        old = row.data(4, _ROW_STATE)
        moved = row.data(0, Qt.ItemDataRole.UserRole) != index
        if moved:
            row.setData(0, Qt.ItemDataRole.UserRole, index)
        if old == state:
            if moved:
                for number, item in enumerate(_children(row)):
                    item.setData(0, Qt.ItemDataRole.UserRole, (index, number))
            return
        old_texts = old[1] if old else ("",) * 5
        if old is None or old[0] != finding.severity:
            icon, color = _SEVERITY_STYLE.get(finding.severity, _SEVERITY_STYLE["info"])
            row.setIcon(0, self.style().standardIcon(icon))
            row.setForeground(0, QBrush(color))
        for column, text in enumerate(texts):
            if old_texts[column] != text:
                row.setText(column, text)
        if old_texts[4] != message:
            row.setToolTip(4, message)
        old_remedies = old[2] if old else ()
        if old_remedies != remedies:
            for number, stale in reversed(list(enumerate(_children(row)))):
                if number >= len(remedies):
                    row.removeChild(stale)
            for number, text in enumerate(remedies):
                child = row.child(number) if number < row.childCount() else None
                if child is None:
                    child = QTreeWidgetItem(["", "", "", "", ""])
                    child.setForeground(4, QBrush(QColor(21, 101, 192)))
                    child.setToolTip(4, self.tr("Point to preview it on the plan; click to apply it"))
                    row.addChild(child)
                child.setText(4, "→ " + text)
            if remedies and not old_remedies:
                row.setExpanded(True)
        for number, item in enumerate(_children(row)):
            item.setData(0, Qt.ItemDataRole.UserRole, (index, number))
        row.setData(4, _ROW_STATE, state)

    def show_failure(self, message: str) -> None:
        """Show that the checks could not run."""
        self.set_findings([])
        row = QTreeWidgetItem(["", "", "", "", message])  # not one of the finding rows: the next list clears it
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

    def message(self, finding: Finding, namer: Callable[[str], str] | None = None) -> str:
        """The finding's message in the interface language, its camera and zone called by their names."""
        text = finding.text(self.language)
        for entity_id in (finding.camera, finding.zone):
            if entity_id:
                name = (namer or self.namer)(entity_id)
                if name and name != entity_id:
                    text = re.sub(rf"(?:(\w+)(\s*))?(?<![\w-]){re.escape(entity_id)}(?![\w-])",
                                  partial(_named, name=name), text)
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
        """The remedy buttons of the finding in ``row`` (rebuilt only when what they show changed)."""
        finding, _ = self._finding_of(self._top_row(row))
        index = self._findings.index(finding) if finding is not None else None
        fix_all = self.fix_all_remedy(finding)
        state = None if finding is None else (
            index, finding_key(finding), tuple((r.kind, remedy_text(r, self.language)) for r in finding.remedies),
            None if fix_all is None else (fix_all[0], remedy_text(fix_all[1], self.language)))
        if state is not None and state == self._remedy_bar_state:
            return
        self._remedy_bar_state = state
        for button in self.remedy_buttons:
            self.remedy_layout.removeWidget(button)
            button.deleteLater()
        self.remedy_buttons = []
        if finding is None or index is None:
            self._show_remedy_bar(False)
            return
        for number, remedy in enumerate(finding.remedies):
            button = QPushButton(remedy_text(remedy, self.language), self.remedy_bar)
            button.setProperty("remedy_kind", remedy.kind)
            button.setProperty("finding_index", index)
            button.setProperty("remedy_index", number)
            button.installEventFilter(self)
            button.clicked.connect(lambda _=False, i=index, n=number: self._remedy_clicked(i, n))
            self.remedy_layout.insertWidget(self.remedy_layout.count() - 2, button)
            self.remedy_buttons.append(button)
        self.fix_all_button.setVisible(fix_all is not None)
        if fix_all is not None:
            self.fix_all_button.setToolTip(remedy_text(fix_all[1], self.language))
        self._show_remedy_bar(bool(self.remedy_buttons))

    def _show_remedy_bar(self, shown: bool) -> None:
        self.remedy_bar.setVisible(shown)
        self.remedy_scroll.setVisible(shown)

    def _remedy_clicked(self, index: int, number: int) -> None:
        """A remedy button: apply remedy ``number`` of finding ``index`` (as listed now)."""
        if 0 <= index < len(self._findings):
            remedies = list(self._findings[index].remedies)
            if 0 <= number < len(remedies):
                self.remedy_requested.emit(self._findings[index], remedies[number])


def _children(row: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The row's child items, in order."""
    return [c for c in (row.child(n) for n in range(row.childCount())) if c is not None]


def _named(match: re.Match[str], name: str) -> str:
    """The id in ``match`` replaced by ``name``; the word before the id is dropped when the name starts with
    it ("Camera c1" with c1 named "Camera 1" reads "Camera 1", not "Camera Camera 1")."""
    word, space = match.group(1), match.group(2) or ""
    if word is None:
        return name
    if name.casefold().startswith(word.casefold()):
        return name
    return f"{word}{space}{name}"
