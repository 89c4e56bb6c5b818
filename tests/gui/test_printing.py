"""Print the notice signs through the print dialog: to a PDF file printer, and on a real CUPS queue.

The CUPS test needs ``cupsd`` and the ``cups-pdf`` queue that ``tools/start-cups.sh`` sets up (CI runs
it before the tests). Outside CI it is skipped when no such queue exists; in CI a missing queue fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from planner.ui.printing import pdf_page_sizes, print_pdf, signs_pdf
from tests.gui.helpers import make_editor
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui

QUEUE = "VenuePlannerPDF"
ROOT = Path(__file__).resolve().parents[2]


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def _ink(pdf: Path) -> float:
    """Share of non-white pixels on the first page."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=0.5).to_pil().convert("L")
    finally:
        document.close()
    histogram = image.histogram()
    return 1.0 - sum(histogram[240:]) / sum(histogram)


@pytest.fixture
def editor(qtbot, tmp_path: Path):
    return make_editor(qtbot, tmp_path, corridor_and_restroom(fr=True), centre=(5.0, 2.5))


def test_sign_pages_are_printed_to_a_pdf_file(editor, tmp_path: Path) -> None:
    window, dialogs = editor
    target = tmp_path / "printed.pdf"

    def choose_file(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    dialogs.printer_setup = choose_file
    window.compliance.refresh()
    expected, pages = signs_pdf(window.project, window.compliance.result)
    assert pages >= 1
    window.acts.print_signs.trigger()
    assert any(kind == "printer" for kind, _ in dialogs.asked)
    assert target.exists() and _pages(target) == pages
    assert _ink(target) > 0.02  # the sign is on the page, not a blank sheet
    # each page keeps its paper's shape
    printed, wanted = pdf_page_sizes(target.read_bytes()), pdf_page_sizes(expected)
    for (pw, ph), (ew, eh) in zip(printed, wanted, strict=True):
        assert (pw > ph) == (ew > eh)
    assert "Sent" in window.statusBar().currentMessage()


def test_cancelled_print_dialog_prints_nothing(editor) -> None:
    window, dialogs = editor
    dialogs.printer_setup = lambda printer: False
    assert window.files.print_signs() == 0


def _queue_output_dir() -> Path:
    conf = Path("/etc/cups/cups-pdf.conf")
    out = "/var/spool/cups-pdf/${USER}"
    if conf.exists():
        for line in conf.read_text(encoding="utf-8", errors="replace").splitlines():
            match = re.match(r"^Out\s+(\S+)", line)
            if match:
                out = match.group(1)
    user = os.environ.get("USER") or Path.home().name
    return Path(out.replace("${HOME}", str(Path.home())).replace("${USER}", user))


def _cups_queue_ready() -> bool:
    if shutil.which("lpstat") is None:
        return False
    try:
        state = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return state.returncode == 0


@pytest.fixture
def cups_queue() -> Path:
    if not _cups_queue_ready() and shutil.which("cupsd") and os.geteuid() == 0:
        subprocess.run([str(ROOT / "tools" / "start-cups.sh"), QUEUE], check=False, capture_output=True, timeout=60)
    if not _cups_queue_ready():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the CUPS queue {QUEUE}: run tools/start-cups.sh before the tests")
        pytest.skip(f"no CUPS queue {QUEUE} (run tools/start-cups.sh)")
    return _queue_output_dir()


def test_sign_pages_print_on_a_real_cups_printer(editor, cups_queue: Path, tmp_path: Path) -> None:
    window, dialogs = editor
    assert QUEUE in [p.printerName() for p in QPrinterInfo.availablePrinters()]
    job = f"vp-test-{uuid.uuid4().hex[:10]}"

    def choose_queue(printer: QPrinter) -> bool:
        printer.setPrinterName(QUEUE)
        printer.setDocName(job)
        return True

    dialogs.printer_setup = choose_queue
    window.compliance.refresh()
    _, pages = signs_pdf(window.project, window.compliance.result)
    assert window.files.print_signs() == pages
    deadline = time.monotonic() + 60
    found: list[Path] = []
    while time.monotonic() < deadline and not found:
        found = sorted(cups_queue.glob(f"*{job}*.pdf")) if cups_queue.exists() else []
        time.sleep(0.25)
    assert found, f"cups-pdf wrote nothing for {job} in {cups_queue}"
    printed = None
    while time.monotonic() < deadline and printed is None:  # cups-pdf may still be writing it
        try:
            printed = _pages(found[0])
        except Exception:
            time.sleep(0.25)
    assert printed == pages and _ink(found[0]) > 0.02
    found[0].unlink()


def test_print_pdf_refuses_a_printer_it_cannot_open(tmp_path: Path) -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "missing-folder" / "x.pdf"))
    pdf, _ = signs_pdf(corridor_and_restroom(fr=True))
    with pytest.raises(RuntimeError):
        print_pdf(pdf, printer)
