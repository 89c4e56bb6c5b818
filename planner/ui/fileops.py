"""The File menu: new, open, save, recent files, import, export, print, autosave and recovery.

Nothing unsaved is dropped without asking (:meth:`FileOps.confirm_discard`);
a failed save shows why and leaves both the previous file and the modified
flag as they were (:func:`planner.io.save_project` writes atomically).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QImage
from PySide6.QtPrintSupport import QPrinter

from planner.io import ProjectFileError, load_project
from planner.model import Background
from planner.model.commands import SetBackgrounds
from planner.rules.pack import shown_private_uses
from planner.ui.dialogs import background_filter, import_filter, pdf_filter, project_filter
from planner.ui.document import new_project
from planner.ui.files import Autosave, RecentFiles, RecoveryEntry, default_recovery_dir, pending_recoveries
from planner.ui.i18n import translate

if TYPE_CHECKING:
    from planner.ui.window import MainWindow

__all__ = ["FileOps", "DEFAULT_BACKGROUND_M_PER_PX"]

log = logging.getLogger(__name__)

#: Scale of a background imported without a known scale (then calibrate it).
DEFAULT_BACKGROUND_M_PER_PX = 0.02


class FileOps:
    """File handling of one window."""

    def __init__(self, window: MainWindow, *, recovery_dir: Path | None = None, autosave: bool = True) -> None:
        self.window = window
        self.recent = RecentFiles(window.settings)
        self.recovery_dir = Path(recovery_dir) if recovery_dir is not None else default_recovery_dir()
        #: Crashed sessions' copies opened here: deleted once their work is saved or discarded.
        self._recovered: list[RecoveryEntry] = []
        doc = window.document
        self.autosave = Autosave(self.recovery_dir, lambda: doc.project, lambda: doc.modified, lambda: doc.path,
                                 window)
        if not autosave:
            self.autosave.timer.stop()

    @property
    def _doc(self) -> Any:
        return self.window.document

    def _start_dir(self) -> str:
        path = self._doc.path
        if path is not None:
            return str(path.parent)
        recent = self.recent.paths()
        return str(recent[0].parent) if recent else str(Path.home())

    def _error(self, title: str, message: str) -> None:
        self.window.show_error(title, message)

    # -- open / new ---------------------------------------------------------------------------------
    def ask_project_path(self) -> str | None:
        return self.window.dialogs.ask_open_path(self.window, translate("FileOps", "Open project"), self._start_dir(),
                                                 project_filter())

    def open_dialog(self) -> None:
        """File ▸ Open…"""
        if not self.confirm_discard():
            return
        path = self.window.ask_open_path()
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        try:
            project = load_project(path)
        except ProjectFileError as exc:
            self._error(translate("FileOps", "Cannot open project"), str(exc))
            return False
        except Exception as exc:  # the UI boundary: report, never a traceback
            log.exception("loading %s failed", path)
            self._error(translate("FileOps", "Cannot open project"), f"{path}: {exc}")
            return False
        self.autosave.discard()
        self._forget_recovered()
        self.window.set_project(project, Path(path))
        self.recent.add(Path(path))
        # the file a crashed session was editing: offer its unsaved work (a double-click must not hide it)
        mine = [e for e in pending_recoveries(self.recovery_dir) if e.original is not None and _same_file(e.original,
                                                                                                         Path(path))]
        if mine:
            self._offer(mine)
        return True

    def open_sample(self, path: Path) -> bool:
        """Open a bundled sample as a new, untitled project (Save asks where; the sample stays as shipped)."""
        try:
            project = load_project(path)
        except Exception as exc:
            log.exception("loading the sample %s failed", path)
            self._error(translate("FileOps", "Cannot open project"), f"{path}: {exc}")
            return False
        self.window.set_project(project, None)
        return True

    def new(self) -> None:
        """File ▸ New: an empty project with one level."""
        if not self.confirm_discard():
            return
        self.autosave.discard()
        self._forget_recovered()
        self.window.set_project(new_project(translate("FileOps", "Ground floor")))

    def fill_recent_menu(self) -> None:
        menu = self.window.acts.recent_menu
        menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = QAction(str(path), menu)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
            menu.addAction(action)
        if paths:
            menu.addSeparator()
            menu.addAction(translate("FileOps", "Clear Recent Files"), self.recent.clear)
        else:
            menu.addAction(translate("FileOps", "(none)")).setEnabled(False)

    def open_recent(self, path: Path) -> bool:
        if not self.confirm_discard():
            return False
        if not path.exists():
            self.recent.remove(path)
            self._error(translate("FileOps", "Cannot open project"),
                        translate("FileOps", "{0} no longer exists").replace("{0}", str(path)))
            return False
        return self.open_path(path)

    # -- save --------------------------------------------------------------------------------------------
    def save(self) -> bool:
        """File ▸ Save (Save As for a project never saved)."""
        if self._doc.project is None:
            return False
        if self._doc.path is None:
            return self.save_as()
        return self.save_to(self._doc.path)

    def save_as(self) -> bool:
        if self._doc.project is None:
            return False
        start = str(self._doc.path) if self._doc.path else str(Path(self._start_dir()) / (
            (self._doc.project.venue.name or translate("FileOps", "Untitled")) + ".vplan"))
        name = self.window.dialogs.ask_save_path(self.window, translate("FileOps", "Save project as"), start,
                                                 project_filter())
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in (".vplan", ".json"):
            path = path.with_name(path.name + ".vplan")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Save to ``path``; on failure tell why and keep everything as it was."""
        try:
            self._doc.save(path)
        except ProjectFileError as exc:
            self._error(translate("FileOps", "Cannot save project"), str(exc))
            return False
        except Exception as exc:
            log.exception("saving %s failed", path)
            self._error(translate("FileOps", "Cannot save project"), f"{path}: {exc}")
            return False
        self.recent.add(path)
        self.autosave.discard()
        self._forget_recovered()
        self.window.status(translate("FileOps", "Saved {0}").replace("{0}", str(path)))
        return True

    def confirm_discard(self) -> bool:
        """Ask before dropping unsaved changes; True when it is fine to go on.

        A never-saved project with nothing in it is not worth a question (nor a Save As dialog).
        """
        if not self._doc.modified:
            return True
        if self._doc.path is None and _is_empty(self._doc.project):
            return True
        project, path = self._doc.project, self._doc.path
        name = path.name if path else (project.venue.name or translate("FileOps", "Untitled"))
        answer = self.window.dialogs.ask_save_changes(self.window, name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # -- autosave ---------------------------------------------------------------------------------------------
    def changed(self) -> None:
        self.autosave.mark_dirty()

    def closing(self) -> None:
        """A clean close (saved, or the user chose to discard): no recovery copy is left behind."""
        self.autosave.timer.stop()
        self.autosave.discard()
        self._forget_recovered()

    def offer_recovery(self) -> bool:
        """At start: offer each crashed session's autosaved copy (newest first, with its time); True when one
        was opened."""
        return self._offer(pending_recoveries(self.recovery_dir))

    def _offer(self, entries: list[RecoveryEntry]) -> bool:
        """Ask for each copy in turn until one is opened. A declined copy is deleted; an opened one is kept
        until its work is saved (or discarded on a clean close); the others stay for the next start."""
        for entry in entries:
            if not self.window.dialogs.ask_recover(self.window, [entry]):
                entry.discard()
                continue
            try:
                project = entry.load()
            except ProjectFileError as exc:
                self._error(translate("FileOps", "Cannot recover"), str(exc))
                continue
            self.window.set_project(project, entry.original, modified=True)
            self._recovered.append(entry)
            self.autosave.mark_dirty()
            self.autosave.save_now()
            return True
        return False

    def _forget_recovered(self) -> None:
        for entry in self._recovered:
            entry.discard()
        self._recovered.clear()

    # -- import -------------------------------------------------------------------------------------------------
    def import_plan_dialog(self) -> bool:
        """File ▸ Import Plan…: a new project from a DXF, IMDF, image or PDF, with a review of the zone uses."""
        if not self.confirm_discard():
            return False
        name = self.window.dialogs.ask_open_path(self.window, translate("FileOps", "Import plan"), self._start_dir(),
                                                 import_filter())
        return name is not None and bool(name) and self.import_plan(Path(name))

    def import_plan(self, path: Path, **options: Any) -> bool:
        try:
            from planner.importers import import_plan
        except ImportError:
            self._error(translate("FileOps", "Cannot import"), translate("FileOps", "The importers are not installed"))
            return False
        try:
            result = import_plan(path, **options)
        except ProjectFileError as exc:
            suggested = getattr(exc, "suggested", None)
            if type(exc).__name__ == "UnitsRequiredError":
                units = self.window.dialogs.ask_text(
                    self.window, translate("FileOps", "Drawing units"),
                    translate("FileOps", "The drawing does not say its units. Units (mm, cm, m, in, ft):"),
                    suggested or "mm")
                return bool(units) and self.import_plan(path, units=units, **options)
            self._error(translate("FileOps", "Cannot import"), str(exc))
            return False
        except Exception as exc:
            log.exception("importing %s failed", path)
            self._error(translate("FileOps", "Cannot import"), f"{path}: {exc}")
            return False
        # a drawing with layers (a DXF, a vector PDF's groups): the review shows it and imports again from it
        drawing = getattr(result, "kind", "") == "dxf" or "layers" in getattr(result, "details", {})
        if result.review or drawing:

            def reimport(choices: dict[str, Any]) -> Any:
                try:
                    return import_plan(path, **{**options, **choices})
                except Exception as exc:  # the dialog stays open on the previous import
                    self._error(translate("FileOps", "Cannot import"), f"{path}: {exc}")
                    return None

            reviewed = self.window.dialogs.review_import(
                self.window, result.review, private_uses=shown_private_uses(result.project.venue.rule_pack),
                result=result if drawing else None, reimport=reimport if drawing else None)
            if reviewed is None:
                return False
            uses, latest = reviewed
            result = latest if latest is not None else result  # the drawing imported again with other layers
            for zone, use in uses.items():
                result.confirm(zone, use)
        self.autosave.discard()
        self._forget_recovered()
        self.window.set_project(result.project, None, imported_from=path)
        for warning in getattr(result, "warnings", [])[:1]:
            self.window.status(warning)
        return True

    def import_background_dialog(self) -> bool:
        name = self.window.dialogs.ask_open_path(self.window, translate("FileOps", "Import background"),
                                                 self._start_dir(), background_filter())
        return name is not None and bool(name) and self.import_background(Path(name))

    def import_background(self, path: Path) -> bool:
        """Put an image or a PDF page under the current level (one undoable step); calibrate it next."""
        level, project = self.window.level(), self.window.project
        if level is None or project is None:
            return False
        try:
            background, files = self._background_from(path)
        except Exception as exc:
            log.exception("background %s failed", path)
            self._error(translate("FileOps", "Cannot import background"), f"{path.name}: {exc}")
            return False
        text = translate("FileOps", "Import background {0}").replace("{0}", path.name)
        if not self.window.push(SetBackgrounds(level.id, [*level.backgrounds, background], files=files), text=text):
            return False
        self.window.fit_to_view()
        self.window.status(translate("FileOps", "Background imported; use Calibrate Scale (K) to set its scale"))
        return True

    def _background_from(self, path: Path) -> tuple[Background, dict[str, bytes]]:
        project = self.window.project
        assert project is not None
        stem = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in path.stem) or "plan"
        source = f"backgrounds/{stem}.png"
        n = 2
        while source in project.files:
            source = f"backgrounds/{stem}-{n}.png"
            n += 1
        try:
            from planner.importers import import_plan
        except ImportError:
            import_plan = None  # type: ignore[assignment]  # an editor built without the importers
        if import_plan is not None:
            result = import_plan(path)
            level = result.project.levels[0]
            if level.backgrounds:
                bg = level.backgrounds[0]
                data = result.project.files[bg.source]
                source = source.rsplit(".", 1)[0] + "." + bg.source.rsplit(".", 1)[-1]
                return Background(source=source, page=bg.page, transform=bg.transform, opacity=bg.opacity,
                                  locked=True), {source: data}
        image = QImage(str(path))
        if image.isNull():
            raise ValueError(translate("FileOps", "not an image this program can read"))
        data = path.read_bytes() if path.suffix.lower() == ".png" else _png_bytes(image)
        k = DEFAULT_BACKGROUND_M_PER_PX
        transform = (k, 0.0, 0.0, -k, 0.0, image.height() * k)
        return Background(source=source, transform=transform), {source: data}

    # -- export and print ------------------------------------------------------------------------------------------
    def export(self, kind: str) -> bool:
        """Write the signs, the placement guide or the report as PDF."""
        project = self._doc.project
        if project is None:
            return False
        titles = {"signs": translate("FileOps", "Export signs"),
                  "guide": translate("FileOps", "Export placement guide"),
                  "report": translate("FileOps", "Export compliance report")}
        stem = (self._doc.path.stem if self._doc.path else project.venue.name) or "venue"
        start = str(Path(self._start_dir()) / f"{stem}-{kind}.pdf")
        name = self.window.dialogs.ask_save_path(self.window, titles[kind], start, pdf_filter())
        if not name:
            return False
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        return self.export_to(kind, path)

    def export_to(self, kind: str, path: Path) -> bool:
        project = self._doc.project
        assert project is not None
        result = self.window.compliance.current_result()
        if result is None:  # the checks failed: nothing trustworthy to print
            self._error(translate("FileOps", "Cannot export"), f"{path}: {self.window.compliance.failure}")
            return False
        try:
            from planner.output.guide import write_guide_pdf
            from planner.output.report import write_report_pdf
            from planner.output.signs import write_signs_pdf

            writers: dict[str, Callable[..., int]] = {"signs": write_signs_pdf, "guide": write_guide_pdf,
                                                      "report": write_report_pdf}
            write = writers[kind]
            pages = write(project, path, result=result)
        except ImportError:
            self._error(translate("FileOps", "Cannot export"),
                        translate("FileOps", "This export is not available in this version"))
            return False
        except Exception as exc:
            log.exception("export %s failed", kind)
            self._error(translate("FileOps", "Cannot export"), f"{path}: {exc}")
            return False
        self.window.status(translate("FileOps", "Wrote {0} pages to {1}").replace("{0}", str(pages))
                           .replace("{1}", str(path)))
        return True

    def print_signs(self, printer: QPrinter | None = None) -> int:
        """File ▸ Print Signs…: choose a printer, print one page per sign; return the pages printed."""
        project = self._doc.project
        if project is None:
            return 0
        from planner.ui.printing import print_pdf, signs_pdf

        self.window.compliance.refresh()
        try:
            pdf, pages = signs_pdf(project, self.window.compliance.result)
        except Exception as exc:
            log.exception("signs failed")
            self._error(translate("FileOps", "Cannot print"), str(exc))
            return 0
        if pages == 0:
            self.window.status(translate("FileOps", "There is no sign to print"))
            return 0
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"{project.venue.name or 'Venue'} signs")
        if not self.window.dialogs.ask_printer(self.window, printer):
            return 0
        try:
            printed = print_pdf(pdf, printer)
        except Exception as exc:
            log.exception("printing failed")
            self._error(translate("FileOps", "Cannot print"), str(exc))
            return 0
        self.window.status(translate("FileOps", "Sent {0} sign pages to {1}").replace("{0}", str(printed))
                           .replace("{1}", printer.printerName() or printer.outputFileName()))
        return printed


def _is_empty(project: Any) -> bool:
    """True when ``project`` holds nothing a user made: no items, backgrounds or venue facts."""
    if project is None:
        return True
    if any(True for level in project.levels for _ in level.items()) or any(lv.backgrounds for lv in project.levels):
        return False
    from planner.model import Venue

    blank = Venue()
    return all(getattr(project.venue, name) == getattr(blank, name) for name in Venue.FIELDS)


def _png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(data.data())


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)
