"""Import real plans into a new project: images, PDF pages, DXF drawings and IMDF venues.

One entry point serves the command line (``planner import``) and the
editor's Import menu::

    result = import_plan("floor.dxf", units="mm")
    result.project          # a new Project: levels, zones, walls, openings, backgrounds
    result.review           # every zone with its suggested use, for the user to confirm
    result.summary()        # counts, labels not classified, warnings

Every problem with the input raises :class:`PlanImportError` (a
:class:`~planner.io.errors.ProjectFileError`) whose message names the file
and the problem on one line. A DXF without units raises
:class:`UnitsRequiredError`, whose ``suggested`` unit a dialog can preselect.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.importers.result import (
    IMPORT_LIMITS,
    ImportLimits,
    ImportResult,
    PlanImportError,
    ReviewItem,
    UnitsRequiredError,
)
from planner.io import ProjectFileError, decode_project, encode_project
from planner.model import Project

__all__ = [
    "IMPORT_KINDS",
    "IMPORT_LIMITS",
    "ImportLimits",
    "ImportResult",
    "PlanImportError",
    "ReviewItem",
    "UnitsRequiredError",
    "check_readable",
    "detect_kind",
    "import_plan",
]

#: Resolutions accepted for ``dpi`` (an image's scan resolution, a PDF's render resolution).
MIN_DPI = 1.0
MAX_DPI = 10_000.0

#: Kinds of plans, with the file extensions an open dialog offers for them.
IMPORT_KINDS: dict[str, tuple[str, ...]] = {
    "image": (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"),
    "pdf": (".pdf",),
    "dxf": (".dxf",),
    "imdf": (".zip", ".imdf"),
}


def detect_kind(source: str | Path) -> str:
    """Return ``image``, ``pdf``, ``dxf`` or ``imdf`` for ``source``, from its content first.

    A folder is an IMDF venue when it holds ``manifest.json``.
    """
    path = Path(source)
    file = str(path)
    if path.is_dir():
        if (path / "manifest.json").is_file():
            return "imdf"
        raise PlanImportError(file, "a folder can be imported only as an IMDF venue (it has no manifest.json)")
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except FileNotFoundError:
        raise PlanImportError(file, "file not found") from None
    except OSError as exc:
        raise PlanImportError(file, f"cannot read: {exc.strerror or exc}") from None
    if not head:
        raise PlanImportError(file, "the file is empty")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    if head.startswith(b"PK"):
        return "imdf"
    if head.startswith(b"AC10"):
        return "dxf"  # a DWG: the DXF importer says how to convert it
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"AutoCAD Binary DXF") or text.startswith((b"0\r\nSECTION", b"0\nSECTION", b"999")):
        return "dxf"
    suffix = path.suffix.lower()
    for kind, extensions in IMPORT_KINDS.items():
        if suffix in extensions:
            return kind
    raise PlanImportError(
        file, "unknown plan format: import an image (PNG, JPEG, TIFF, BMP), a PDF, a DXF or an IMDF archive"
    )


def _importer(kind: str) -> Callable[..., ImportResult]:
    if kind == "image":
        from planner.importers.raster import import_image

        return import_image
    if kind == "pdf":
        from planner.importers.pdf import import_pdf

        return import_pdf
    if kind == "dxf":
        from planner.importers.dxf import import_dxf

        return import_dxf
    if kind == "imdf":
        from planner.importers.imdf import import_imdf

        return import_imdf
    raise ValueError(f"unknown import kind {kind!r}")


def import_plan(source: str | Path, *, kind: str | None = None, **options: Any) -> ImportResult:
    """Import a plan into a new project; the kind is detected from the file unless given.

    Options, each used by the kinds it concerns (others ignore it):

    ``name``
        the venue's name (default: from the file).
    ``level_name``
        the name of the single level of an image, PDF or DXF import.
    ``page``
        0-based page of a PDF or multi-page TIFF.
    ``dpi``
        PDF render resolution; for an image, the resolution it was scanned at.
    ``scale``
        drawing scale, ``"1:100"``, for images and PDFs.
    ``calibrate``
        ``((u1, v1), (u2, v2), metres)``: two pixel points and their distance.
    ``units``
        DXF drawing units (``mm``, ``cm``, ``m`` ...) when the file has none.
    ``layers`` / ``wall_layers``
        DXF wall-layer name patterns (``["A-WALL*", "墙*"]``); for a vector PDF, patterns of the
        groups its summary lists (``["line 0.50pt*", "fill #808080"]``) or of its optional content groups.
    ``door_layers``, ``ignore_layers``
        DXF layers (PDF groups) whose arcs and blocks are doors; layers not read at all.
    ``hotel``
        DXF: bare room numbers are guest rooms (default: when a label says hotel).
    ``render``
        draw the DXF (or a vector PDF's page) as the level's background (default true).
    ``lang``
        preferred language of IMDF names (``zh-Hans``, ``en`` ...).
    """
    dpi = options.get("dpi")
    if dpi is not None and (not isinstance(dpi, (int, float)) or not math.isfinite(dpi)
                            or not MIN_DPI <= dpi <= MAX_DPI):
        raise PlanImportError(str(source), f"resolution {dpi!r} dpi is out of range ({MIN_DPI:g} to {MAX_DPI:g})")
    detected = kind or detect_kind(source)
    if detected == "imdf":
        _refuse_projects(Path(source))
    result = _importer(detected)(source, **options)
    check_readable(result.project, str(source))
    if kind is None:
        note = _misnamed(Path(source), detected)
        if note:
            result.warnings.insert(0, note)
    return result


_KIND_WORDS = {"image": "an image", "pdf": "a PDF", "dxf": "a DXF drawing", "imdf": "an IMDF venue"}


def _misnamed(path: Path, detected: str) -> str | None:
    """A note when the file's name says one kind of plan and its content another (a PNG named ``.pdf``)."""
    from planner.io.sniff import file_content_kind

    suffix = path.suffix.lower()
    named = next((k for k, extensions in IMPORT_KINDS.items() if suffix in extensions), None)
    if named is None or named == detected or path.is_dir():
        return None
    content = file_content_kind(path)
    what = content.name if content is not None else detected.upper()
    return (f"the file's content is {what}, not {suffix[1:].upper()} as its name says: it was read as "
            f"{_KIND_WORDS.get(detected, detected)}")


def _refuse_projects(path: Path) -> None:
    """A Venue Planner project given to import: say so instead of "not an IMDF venue"."""
    import zipfile

    if path.is_dir():
        return
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return
    if "project.json" in names and "manifest.json" not in names:
        raise PlanImportError(str(path), "is a Venue Planner project, not a plan to import: open it in the editor, "
                              "or give it to planner check, guide, report or signs as it is")


def check_readable(project: Project, file: str) -> None:
    """Refuse a project the file format would refuse (ids, transforms, non-finite numbers) with one line.

    The project is encoded and decoded exactly as saving and opening would do it.
    """
    try:
        data = json.loads(json.dumps(encode_project(project), allow_nan=False))
        decode_project(data)
    except ValueError as exc:
        raise PlanImportError(file, f"the plan gives values a project cannot hold ({exc})") from None
    except ProjectFileError as exc:
        where = f"{exc.path}: " if exc.path else ""
        raise PlanImportError(file, f"the plan gives a project that could not be opened again ({where}{exc.message})"
                              ) from None
