"""Edits that are not tool gestures: clipboard, delete, remedies, signs, venue, levels, view settings."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from planner import __version__
from planner.model import VENUE_ID, AddItem, Level, Macro, RemoveItem, SetProperty
from planner.model.commands import AddLevel, RemoveLevel
from planner.rules import Finding
from planner.rules.remedies import FillVenueField, Redraw, Remedy, RemedyError, sign_commands
from planner.ui import clipboard
from planner.ui.i18n import chosen_language, install_translators, set_language_setting, translate
from planner.ui.names import step_name

if TYPE_CHECKING:
    from planner.ui.window import MainWindow

__all__ = ["EditOps", "PASTE_OFFSET_M"]

log = logging.getLogger(__name__)

#: Pasted and duplicated items land this far east and south of the originals (metres).
PASTE_OFFSET_M = (1.0, -1.0)


class EditOps:
    """The Edit menu, remedies and the level commands of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def _ids(self) -> list[str]:
        return self.window.scene.selected_ids()

    def update_actions(self) -> None:
        has = bool(self._ids)
        for action in self.window.acts.edit:
            action.setEnabled(has)

    # -- clipboard ---------------------------------------------------------------------------------
    def copy(self) -> bool:
        project = self.window.project
        if project is None or not self._ids:
            return False
        data = clipboard.copy_data(project, self._ids)
        mime = QMimeData()
        raw = clipboard.encode(data)
        mime.setData(clipboard.MIME_TYPE, raw)
        mime.setText(raw.decode("utf-8"))
        QApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> None:
        if self.copy():
            n = len(self._ids)
            self.delete(single=translate("EditOps", "Cut {0}"), several=translate("EditOps", "Cut %n items", None, n))

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        raw = bytes(mime.data(clipboard.MIME_TYPE).data()) if mime is not None and \
            mime.hasFormat(clipboard.MIME_TYPE) else (mime.text().encode("utf-8") if mime is not None else b"")
        data = clipboard.decode(raw) if raw else None
        if data is None:
            self.window.status(translate("EditOps", "The clipboard holds nothing to paste"))
            return
        self._add_copies(data, "paste")

    def duplicate(self) -> None:
        project = self.window.project
        if project is None or not self._ids:
            return
        self._add_copies(clipboard.copy_data(project, self._ids), "duplicate")

    def _add_copies(self, data: dict[str, Any], text: str) -> None:
        project, level = self.window.project, self.window.level()
        if project is None or level is None:
            return
        try:
            entities = clipboard.paste_entities(project, data, level.id, offset=PASTE_OFFSET_M)
        except ValueError as exc:
            self.window.status(str(exc))
            return
        if not entities:
            return
        n = len(entities)
        step = translate("EditOps", "Paste %n items", None, n) if text == "paste" else \
            translate("EditOps", "Duplicate %n items", None, n)
        if self.window.push(Macro(step, [AddItem(level.id, e) for e in entities]), text=step):
            self.window.scene.select_ids([e.id for e in entities])

    def delete(self, *, single: str | None = None, several: str | None = None) -> None:
        ids = self._ids
        if not ids:
            return
        if len(ids) == 1:
            project = self.window.project
            name = step_name(project.get(ids[0]), project) if project is not None else ids[0]
            step = (single or translate("EditOps", "Delete {0}")).replace("{0}", name)
        else:
            n = len(ids)
            step = several or translate("EditOps", "Delete %n items", None, n)
        self.window.push(Macro(step, [RemoveItem(i) for i in ids]), text=step)

    def select_all(self) -> None:
        level = self.window.level()
        if level is not None:
            self.window.scene.select_ids([e.id for e in level.items()
                                          if (item := self.window.scene.item_for(e.id)) is not None
                                          and item.isVisible()])

    # -- compliance ---------------------------------------------------------------------------------
    def apply_remedy(self, finding: Finding, remedy: Remedy) -> bool:
        """Apply one remedy of a finding as one undoable step (or open what the user must fill in)."""
        from planner.ui.findings import remedy_text

        project = self.window.project
        if project is None:
            return False
        if isinstance(remedy, FillVenueField):
            return self.edit_venue(remedy.field)
        if isinstance(remedy, Redraw):
            self.window.focus_finding(finding)
            return False
        try:
            command = remedy.command(project, finding)
        except RemedyError as exc:
            self.window.status(str(exc))
            return False
        if command is None:
            return False
        text = remedy_text(remedy, self.window.language)
        camera = finding.camera
        if camera and camera in project:
            text = f"{text} — {step_name(project.get(camera), project)}"
        ok = self.window.push(command, text=text)
        if ok:
            self.window.status(translate("EditOps", "Applied: {0} (Undo takes it back)").replace("{0}", text))
            self.window.focus_finding(finding)  # select and frame the camera (or the zone, if it went)
        return ok

    def fix_all(self, camera: str, remedy: Remedy) -> bool:
        """Apply, for one camera, the remedy that clears all of its findings (one step)."""
        finding = next((f for f in self.window.findings.findings if f.camera == camera and remedy in f.remedies),
                       None)
        return finding is not None and self.apply_remedy(finding, remedy)

    def add_suggested_signs(self) -> bool:
        """Place every sign the last check asked for, as one step."""
        project = self.window.project
        if project is None:
            return False
        self.window.compliance.refresh()
        command = sign_commands(project, self.window.compliance.findings)
        if command is None:
            self.window.status(translate("EditOps", "No sign is missing"))
            return False
        n = len(command.commands)
        text = translate("EditOps", "Add %n suggested signs", None, n)
        return self.window.push(command, text=text)

    def edit_venue(self, focus: str | None = None) -> bool:
        """Open the venue & notice dialog; apply the changes as one step."""
        project = self.window.project
        if project is None:
            return False
        changes = self.window.dialogs.edit_venue(self.window, project.venue, focus)
        if not changes:
            return False
        return self.window.push(SetProperty(VENUE_ID, changes), text=translate("EditOps", "Edit venue and notice"))

    # -- levels -------------------------------------------------------------------------------------------
    def add_level(self) -> bool:
        project = self.window.project
        if project is None:
            return False
        default = translate("EditOps", "Level {0}").replace("{0}", str(len(project.levels) + 1))
        name = self.window.dialogs.ask_text(self.window, translate("EditOps", "Add level"),
                                            translate("EditOps", "Name of the new level:"), default)
        if not name:
            return False
        level_id = project.new_id("L")
        top = max((lv.elevation_m for lv in project.levels), default=-4.0)
        level = Level(id=level_id, name=name, elevation_m=top + 4.0)
        if self.window.push(AddLevel(level), text=translate("EditOps", "Add level {0}").replace("{0}", name)):
            self.window.set_level(level_id)
            return True
        return False

    def remove_level(self) -> bool:
        level = self.window.level()
        project = self.window.project
        if project is None or level is None:
            return False
        if len(project.levels) == 1:
            self.window.status(translate("EditOps", "A project keeps at least one level"))
            return False
        text = translate("EditOps", "Delete level {0}").replace("{0}", level.name or level.id)
        return self.window.push(RemoveLevel(level.id), text=text)

    # -- view settings -------------------------------------------------------------------------------------
    def set_grid(self, on: bool) -> None:
        self.window.view.show_grid = bool(on)
        self.window.view.snap_to_grid = bool(on)
        self.window.view.viewport().update()
        self.window.settings.setValue("view/grid", bool(on))

    def set_snapping(self, on: bool) -> None:
        self.window.view.snap_enabled = bool(on)
        self.window.settings.setValue("view/snap", bool(on))

    def set_language(self, value: str) -> None:
        """View ▸ Language: remember the choice and switch the interface now (every text is translated again)."""
        set_language_setting(value, self.window.settings)
        language = chosen_language(self.window.settings)
        install_translators(language)  # Qt sends every widget a LanguageChange
        self.window.set_language(language)

    def user_guide(self) -> None:
        """Help ▸ User Guide: the bundled bilingual guide."""
        from planner.ui.help import UserGuideDialog

        dialog = UserGuideDialog(self.window.language, self.window)
        self.window.dialogs.show_dialog(dialog)

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard Shortcuts: every action's keys and the plan's gestures."""
        from planner.ui.help import ShortcutsDialog

        actions = [a for a in self.window.findChildren(QAction) if not a.shortcut().isEmpty()]
        self.window.dialogs.show_dialog(ShortcutsDialog(actions, self.window))

    def about(self) -> None:
        QMessageBox.about(self.window, translate("EditOps", "About Venue Planner"),
                          translate("EditOps", "<b>Venue Planner</b> {0}<br>Plan CCTV and face-recognition cameras, "
                                               "see what they really cover, and check them against privacy rules.")
                          .replace("{0}", __version__))
