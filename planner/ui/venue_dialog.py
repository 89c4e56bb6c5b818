"""The venue & notice dialog: every venue field the notices, checks and report use.

:class:`VenueDialog` edits a copy; :meth:`VenueDialog.changes` returns the
fields that differ from the venue, which the window applies as one undoable
step. The dialog can open with one field focused (a "fill in" remedy).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.model import Venue
from planner.model.project import SECURITY_MEASURES
from planner.rules import available_rule_packs
from planner.ui.names import field_name, measure_name

__all__ = ["VenueDialog", "TEXT_FIELDS", "LONG_FIELDS"]

#: One-line text fields, in the order shown.
TEXT_FIELDS = ("name", "operator", "contact", "notice_url", "retention", "storage", "filing_reference")
#: Fields that often take a sentence or two.
LONG_FIELDS = ("purpose", "necessity", "alternative", "rights")


class VenueDialog(QDialog):
    """Edit the venue's facts and the notice information (FR measures Art. 5, 10, 14, 15)."""

    def __init__(self, venue: Venue, parent: QWidget | None = None, *, focus: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Venue & Notice"))
        self.setObjectName("venue_dialog")
        self.venue = venue
        self.editors: dict[str, QWidget] = {}
        tabs = QTabWidget(self)
        tabs.addTab(self._notice_tab(), self.tr("Venue and notice"))
        tabs.addTab(self._compliance_tab(), self.tr("Face recognition duties"))
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Notices and signs show these facts; face recognition needs all of them "
                               "(operator, contact, purpose, retention, rights, alternative)."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.load(venue)
        self.resize(640, 560)
        if focus:
            self.focus_field(focus)

    # -- layout -------------------------------------------------------------------------------------
    def _notice_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for name in ("name", "operator", "contact", "notice_url"):
            self.editors[name] = QLineEdit()
            form.addRow(field_name(name), self.editors[name])
        for name in LONG_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            self.editors[name] = edit
            form.addRow(field_name(name), edit)
        for name in ("retention", "storage"):
            self.editors[name] = QLineEdit()
            form.addRow(field_name(name), self.editors[name])
        self.editors["retention"].setPlaceholderText(self.tr("e.g. 30 days"))  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        self.editors["storage"].setPlaceholderText(self.tr("e.g. on the device only"))  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        rule_pack = QComboBox()
        for pack in available_rule_packs():
            rule_pack.addItem(pack, pack)
        self.editors["rule_pack"] = rule_pack
        form.addRow(field_name("rule_pack"), rule_pack)
        langs = QWidget()
        row = QHBoxLayout(langs)
        row.setContentsMargins(0, 0, 0, 0)
        self.lang_zh = QCheckBox(self.tr("Chinese"))
        self.lang_en = QCheckBox(self.tr("English"))
        row.addWidget(self.lang_zh)
        row.addWidget(self.lang_en)
        row.addStretch(1)
        self.editors["languages"] = langs
        form.addRow(field_name("languages"), langs)
        return page

    def _compliance_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        people = QSpinBox()
        people.setRange(-1, 2_000_000_000)
        people.setSpecialValueText(self.tr("unknown"))
        people.setSingleStep(1000)
        people.setGroupSeparatorShown(True)
        self.editors["expected_enrolled_people"] = people
        form.addRow(field_name("expected_enrolled_people"), people)
        face = QDoubleSpinBox()
        face.setRange(0.5, 2.5)
        face.setSingleStep(0.05)
        face.setSuffix(" m")
        self.editors["face_height_m"] = face
        form.addRow(field_name("face_height_m"), face)
        measures = QGroupBox()
        col = QVBoxLayout(measures)
        self.measure_boxes: dict[str, QCheckBox] = {}
        for measure in SECURITY_MEASURES:
            box = QCheckBox(measure_name(measure))
            self.measure_boxes[measure] = box
            col.addWidget(box)
        self.editors["security_measures"] = measures
        form.addRow(field_name("security_measures"), measures)
        date_row = QWidget()
        row = QHBoxLayout(date_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.assessed = QCheckBox(self.tr("Done on"))
        self.assessment_date = QDateEdit()
        self.assessment_date.setCalendarPopup(True)
        self.assessment_date.setDisplayFormat("yyyy-MM-dd")
        self.assessment_date.setDate(QDate.currentDate())
        self.assessed.toggled.connect(self.assessment_date.setEnabled)
        row.addWidget(self.assessed)
        row.addWidget(self.assessment_date)
        row.addStretch(1)
        self.editors["impact_assessment_date"] = date_row
        form.addRow(field_name("impact_assessment_date"), date_row)
        self.editors["filing_reference"] = QLineEdit()
        form.addRow(field_name("filing_reference"), self.editors["filing_reference"])
        note = QLabel(self.tr("Filing with the provincial cyberspace administration is required when face data of "
                              "100,000 people or more is stored."))
        note.setWordWrap(True)
        form.addRow("", note)
        return page

    # -- values ---------------------------------------------------------------------------------------
    def load(self, venue: Venue) -> None:
        for name in ("name", "operator", "contact", "notice_url", "retention", "storage", "filing_reference"):
            self.editors[name].setText(getattr(venue, name))  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        for name in LONG_FIELDS:
            self.editors[name].setPlainText(getattr(venue, name))  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        pack = self.editors["rule_pack"]
        assert isinstance(pack, QComboBox)
        if pack.findData(venue.rule_pack) < 0:
            pack.addItem(venue.rule_pack, venue.rule_pack)
        pack.setCurrentIndex(pack.findData(venue.rule_pack))
        self.lang_zh.setChecked("zh" in venue.languages)
        self.lang_en.setChecked("en" in venue.languages)
        people = self.editors["expected_enrolled_people"]
        assert isinstance(people, QSpinBox)
        people.setValue(-1 if venue.expected_enrolled_people is None else min(venue.expected_enrolled_people,
                                                                                people.maximum()))
        face = self.editors["face_height_m"]
        assert isinstance(face, QDoubleSpinBox)
        face.setValue(venue.face_height_m)
        for measure, box in self.measure_boxes.items():
            box.setChecked(measure in venue.security_measures)
        date = QDate.fromString(venue.impact_assessment_date, "yyyy-MM-dd")
        self.assessed.setChecked(bool(venue.impact_assessment_date.strip()))
        self.assessment_date.setEnabled(self.assessed.isChecked())
        if date.isValid():
            self.assessment_date.setDate(date)

    def values(self) -> dict[str, Any]:
        """Every field as the dialog shows it."""
        out: dict[str, Any] = {}
        for name in ("name", "operator", "contact", "notice_url", "retention", "storage", "filing_reference"):
            out[name] = self.editors[name].text().strip()  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        for name in LONG_FIELDS:
            out[name] = self.editors[name].toPlainText().strip()  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        out["rule_pack"] = self.editors["rule_pack"].currentData()  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        out["languages"] = tuple(lang for lang, box in (("zh", self.lang_zh), ("en", self.lang_en))
                                 if box.isChecked()) or ("zh",)
        people = self.editors["expected_enrolled_people"].value()  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        out["expected_enrolled_people"] = None if people < 0 else int(people)
        out["face_height_m"] = round(float(self.editors["face_height_m"].value()), 3)  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        out["security_measures"] = tuple(m for m, box in self.measure_boxes.items() if box.isChecked())
        out["impact_assessment_date"] = self.assessment_date.date().toString("yyyy-MM-dd") \
            if self.assessed.isChecked() else ""
        return out

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the venue the dialog was opened with."""
        return {name: value for name, value in self.values().items() if getattr(self.venue, name) != value}

    def set_value(self, name: str, value: Any) -> None:
        """Fill one field as a user would (tests and remedies use this)."""
        editor = self.editors[name]
        if isinstance(editor, QLineEdit):
            editor.setText(str(value))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value))
        elif name == "expected_enrolled_people":
            editor.setValue(-1 if value is None else int(value))  # type: ignore[attr-defined]  # editors of several widget kinds, by field
        elif name == "impact_assessment_date":
            self.assessed.setChecked(bool(value))
            if value:
                self.assessment_date.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
        elif name == "security_measures":
            for measure, box in self.measure_boxes.items():
                box.setChecked(measure in value)
        elif name == "languages":
            self.lang_zh.setChecked("zh" in value)
            self.lang_en.setChecked("en" in value)
        else:
            raise KeyError(name)

    def focus_field(self, name: str) -> None:
        """Show the tab of field ``name`` and put the cursor in it."""
        editor = self.editors.get(name)
        if editor is None:
            return
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and page.isAncestorOf(editor):
                self.tabs.setCurrentIndex(index)
        target = self.assessed if name == "impact_assessment_date" else editor
        target.setFocus(Qt.FocusReason.OtherFocusReason)
