"""Every modal question the editor asks, behind one interface tests replace.

The window calls ``self.dialogs.ask_...``; :class:`Dialogs` shows the real
Qt dialogs. A test sets ``window.dialogs`` to a subclass that answers at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from planner.model import Venue
from planner.ui.i18n import translate

__all__ = ["Dialogs", "project_filter", "background_filter", "pdf_filter", "import_filter"]


def project_filter() -> str:
    return translate("Dialogs", "Venue Planner projects (*.vplan *.json);;All files (*)")


def background_filter() -> str:
    return translate("Dialogs", "Plans (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.pdf);;All files (*)")


def pdf_filter() -> str:
    return translate("Dialogs", "PDF documents (*.pdf)")


def import_filter() -> str:
    return translate("Dialogs", "Floor plans (*.dxf *.zip *.imdf *.geojson *.osm *.png *.jpg *.jpeg *.pdf);;"
                                "All files (*)")


class Dialogs:
    """The real dialogs. Every method returns the user's answer (None or False: cancelled)."""

    def ask_open_path(self, parent: QWidget, title: str, start: str, filters: str) -> str | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
        return name or None

    def ask_save_path(self, parent: QWidget, title: str, start: str, filters: str) -> str | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
        return name or None

    def ask_save_changes(self, parent: QWidget, name: str) -> str:
        """``save``, ``discard`` or ``cancel``."""
        box = QMessageBox(QMessageBox.Icon.Warning, translate("Dialogs", "Unsaved changes"),
                          translate("Dialogs", "Save the changes to “{0}” before closing it?").replace("{0}", name),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def show_dialog(self, dialog: QDialog) -> None:
        """Show a window of information (the user guide, the shortcut list); tests look at it instead."""
        dialog.exec()

    def show_error(self, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.critical(parent, title, message)

    def show_info(self, parent: QWidget, title: str, message: str) -> None:
        QMessageBox.information(parent, title, message)

    def ask_distance(self, parent: QWidget, measured_m: float) -> float | None:
        value, ok = QInputDialog.getDouble(
            parent, translate("Dialogs", "Calibrate scale"),
            translate("Dialogs", "The two points are {0} m apart on the plan now. Their real distance (m):")
            .replace("{0}", f"{measured_m:.3f}"), measured_m, 0.001, 100000.0, 3)
        return float(value) if ok else None

    def ask_text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def edit_venue(self, parent: QWidget, venue: Venue, focus: str | None = None) -> dict[str, Any] | None:
        """The changed venue fields, or None when cancelled."""
        from planner.ui.venue_dialog import VenueDialog

        dialog = VenueDialog(venue, parent, focus=focus)
        return dialog.changes() if dialog.exec() == VenueDialog.DialogCode.Accepted else None

    def ask_recover(self, parent: QWidget, entries: Sequence[Any]) -> bool:
        """Offer the autosaved copies left by a crash; True to open them."""
        names = "\n".join(f"• {entry.title} ({entry.saved})" for entry in entries)
        answer = QMessageBox.question(
            parent, translate("Dialogs", "Recover unsaved work"),
            translate("Dialogs", "Venue Planner was not closed properly. Open the automatically saved copy of:\n"
                                 "{0}\n\nIf you do not, the copies are deleted.").replace("{0}", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def ask_printer(self, parent: QWidget, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(translate("Dialogs", "Print signs"))
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def review_import(self, parent: QWidget, entries: Sequence[Any], *, private_uses: frozenset[str] = frozenset(),
                      result: Any = None, reimport: Callable[[dict[str, Any]], Any] | None = None,
                      ) -> tuple[dict[str, str], Any] | None:
        """Let the user confirm or fix the suggested use of every imported zone, and for a drawing its layers.

        Returns (zone id -> use, the import as last run) or None. ``private_uses``: the uses the new project's
        rule pack makes private (marked in the lists); ``result`` and ``reimport``: the drawing's import and
        how to run it again with other layer choices (the dialog then shows the drawing and its layers)."""
        from planner.ui.import_review import ImportReviewDialog

        dialog = ImportReviewDialog(entries, parent, private_uses=private_uses, result=result, reimport=reimport)
        if dialog.exec() != ImportReviewDialog.DialogCode.Accepted:
            return None
        return dialog.uses(), dialog.import_result
