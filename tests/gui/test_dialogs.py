"""The venue & notice dialog and the import review dialog, filled in as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from planner.model import VENUE_ID, SetProperty, Venue
from planner.ui.import_review import ImportReviewDialog
from planner.ui.venue_dialog import LONG_FIELDS, TEXT_FIELDS, VenueDialog
from tests.venues import FULL_NOTICE, corridor_and_restroom

pytestmark = pytest.mark.gui


def test_venue_dialog_shows_and_returns_every_field(qtbot) -> None:
    venue = Venue(**FULL_NOTICE)
    dialog = VenueDialog(venue)
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}  # opened and closed: nothing changed
    for name in (*TEXT_FIELDS, *LONG_FIELDS):
        assert name in dialog.editors
    for name in ("rule_pack", "languages", "expected_enrolled_people", "security_measures", "face_height_m",
                 "impact_assessment_date"):
        assert name in dialog.editors
    dialog.set_value("operator", "Harbour Hotel Management Co.")
    dialog.set_value("rights", "Call +86 21 5555 0100 to access or delete your data")
    dialog.set_value("security_measures", ("encryption", "intrusion_detection"))
    dialog.set_value("languages", ("zh",))
    dialog.set_value("expected_enrolled_people", None)
    dialog.set_value("impact_assessment_date", "2025-05-20")
    changes = dialog.changes()
    assert changes == {
        "operator": "Harbour Hotel Management Co.",
        "rights": "Call +86 21 5555 0100 to access or delete your data",
        "security_measures": ("encryption", "intrusion_detection"),
        "languages": ("zh",),
        "expected_enrolled_people": None,
        "impact_assessment_date": "2025-05-20",
    }
    project = corridor_and_restroom()
    SetProperty(VENUE_ID, changes).apply(project)  # the model accepts what the dialog returns
    assert project.venue.impact_assessment_date == "2025-05-20"


def test_venue_dialog_opens_at_the_field_to_fill(qtbot) -> None:
    dialog = VenueDialog(Venue(), focus="filing_reference")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.tabs.currentIndex() == 1
    assert dialog.focusWidget() is dialog.editors["filing_reference"]
    assert dialog.values()["rule_pack"] == "cn-2025"


class _Item:
    def __init__(self, zone: str, use: str, label: str, confidence: float) -> None:
        self.level, self.zone, self.name, self.suggested_use = "L1", zone, label, use
        self.source_label, self.confidence, self.reason = label, confidence, "keyword"


def test_import_review_lists_every_zone_and_takes_corrections(qtbot) -> None:
    items = [_Item("z1", "restroom", "男卫生间", 0.95), _Item("z2", "other", "", 0.0),
             _Item("z3", "office", "办公", 0.9)]
    dialog = ImportReviewDialog(items)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 2).text() == "男卫生间" and dialog.table.item(1, 2).text() == "—"
    assert dialog.uses() == {"z1": "restroom", "z2": "other", "z3": "office"}
    combo = dialog.table.cellWidget(1, 3)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("changing_room"))
    assert dialog.uses()["z2"] == "changing_room"
