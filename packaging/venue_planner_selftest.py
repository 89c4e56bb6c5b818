"""Check that an installed or bundled Venue Planner is complete: code, assets, fonts, translations, Qt.

Runs wherever the program was installed and uses only the program and its
dependencies, so the same checks serve the wheel and the desktop bundle:

- the wheel's smoke check runs it with the clean environment's Python::

      VENV/bin/python packaging/venue_planner_selftest.py --forbid-under CHECKOUT

- the bundle carries it, and its ``planner`` runs it instead of the program when
  ``VENUE_PLANNER_SELFTEST=1`` is set (``packaging/launch_planner.py``); a user
  can do the same to report what is broken on their machine.

It prints one line per check and a JSON summary on the last line, and exits 1
when any check failed. It needs no display (Qt runs on the offscreen platform).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

__all__ = ["main", "run_checks"]

#: Modules that run the program when imported.
_SKIP_MODULES = {"planner.__main__"}


class _Report:
    def __init__(self) -> None:
        self.results: list[dict[str, object]] = []
        self.facts: dict[str, object] = {}

    def check(self, name: str, func: Callable[[], object]) -> object:
        try:
            detail = func()
        except Exception as exc:  # every failure is reported, none stops the other checks
            self.results.append({"check": name, "ok": False, "detail": f"{type(exc).__name__}: {exc}"})
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
            if os.environ.get("VENUE_PLANNER_SELFTEST_TRACEBACK"):
                traceback.print_exc()
            return None
        self.results.append({"check": name, "ok": True, "detail": detail})
        print(f"ok   {name}: {detail}", flush=True)
        return detail

    @property
    def failed(self) -> list[str]:
        return [str(r["check"]) for r in self.results if not r["ok"]]


def _is_under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def run_checks(
    *,
    expect_under: Path | None = None,
    forbid_under: Path | None = None,
    require_translations: bool = False,
) -> _Report:
    """Run every check and return the report (nothing raises)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report = _Report()
    frozen = bool(getattr(sys, "frozen", False))
    report.facts["frozen"] = frozen
    report.facts["python"] = sys.version.split()[0]

    def location() -> str:
        import planner

        where = Path(planner.__file__).resolve()
        report.facts["planner"] = str(where)
        report.facts["version"] = planner.__version__
        if expect_under is not None and not _is_under(where, expect_under):
            raise AssertionError(f"planner was imported from {where}, not from under {expect_under}")
        if forbid_under is not None and _is_under(where, forbid_under):
            raise AssertionError(f"planner was imported from the checkout ({where}), not from the installation")
        return f"{planner.__version__} from {where.parent}"

    report.check("planner imported from the installation", location)

    def assets_inside() -> str:
        import planner
        from planner import assets

        folder = assets.assets_dir().resolve()
        report.facts["assets"] = str(folder)
        expected = (Path(planner.__file__).resolve().parent / "assets").resolve()
        if folder != expected:
            raise AssertionError(f"assets found at {folder}, expected the packaged copy at {expected}")
        files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
        report.facts["asset_files"] = files
        return f"{len(files)} files in {folder}"

    report.check("assets packaged inside planner/", assets_inside)

    def samples() -> str:
        from planner import assets
        from planner.io import load_project

        names = []
        for name in assets.SAMPLES:
            project = load_project(assets.sample_path(name))
            names.append(f"{name} ({sum(len(level.cameras) for level in project.levels)} cameras)")
        return ", ".join(names)

    report.check("sample venues load", samples)

    def rule_packs() -> str:
        from planner.rules import available_rule_packs, load_rule_pack

        packs = available_rule_packs()
        if not packs:
            raise AssertionError("no rule pack is shipped")
        for pack in packs:
            load_rule_pack(pack)
        return ", ".join(packs)

    report.check("rule packs load", rule_packs)

    def every_module() -> str:
        import planner

        names, broken = [], []
        for info in pkgutil.walk_packages(planner.__path__, "planner.", onerror=broken.append):
            if info.name in _SKIP_MODULES:
                continue
            try:
                importlib.import_module(info.name)
            except Exception as exc:  # name every module that fails, not only the first
                broken.append(f"{info.name}: {type(exc).__name__}: {exc}")
            names.append(info.name)
        if broken:
            raise AssertionError("; ".join(broken))
        if len(names) < 10:
            raise AssertionError(f"only {len(names)} modules found: {names}")
        return f"{len(names)} modules import"

    report.check("every planner module imports", every_module)

    def pdf_font() -> str:
        from planner.output.fonts import register_fonts, string_width

        name = register_fonts()
        width = string_width("人脸识别", 10.0)
        if width <= 0:
            raise AssertionError("the font measures Chinese text as empty")
        return f"reportlab font {name}, 人脸识别 at 10 pt is {width:g} pt wide"

    report.check("PDF font registers (reportlab)", pdf_font)

    def projections() -> str:
        try:
            from pyproj import Transformer
        except ImportError:
            return "pyproj not installed: skipped"
        x, y = Transformer.from_crs(4326, 32651, always_xy=True).transform(121.47, 31.23)
        if not (300_000 < x < 400_000 and 3_400_000 < y < 3_500_000):
            raise AssertionError(f"Shanghai projected to ({x:.0f}, {y:.0f})")
        return "EPSG:4326 → EPSG:32651 works (PROJ data present)"

    report.check("map projections (pyproj)", projections)

    app_holder: list[object] = []

    def qt_app() -> str:
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "selftest"])
        app_holder.append(app)
        return f"Qt platform {QGuiApplication.platformName()}"

    if report.check("Qt starts", qt_app) is None:
        return report

    def qt_fonts() -> str:
        from PySide6.QtGui import QFontDatabase

        from planner import assets

        fonts = sorted(assets.asset_path("fonts").glob("*.tt[cf]"))
        if not fonts:
            raise AssertionError("no font in assets/fonts")
        families = []
        for font in fonts:
            font_id = QFontDatabase.addApplicationFont(str(font))
            if font_id < 0:
                raise AssertionError(f"Qt cannot load {font.name}")
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
        return ", ".join(sorted(set(families)))

    report.check("bundled fonts load in Qt", qt_fonts)

    def translations() -> str:
        from PySide6.QtCore import QTranslator

        from planner import assets

        folder = assets.asset_path("translations")
        catalogues = sorted(folder.glob("*.qm")) if folder.is_dir() else []
        if not catalogues:
            if require_translations:
                raise AssertionError(f"no compiled translation (*.qm) in {folder}")
            return f"no *.qm in {folder} (none expected)"
        loaded = []
        for qm in catalogues:
            translator = QTranslator()
            if not translator.load(str(qm)):
                raise AssertionError(f"QTranslator cannot load {qm.name}")
            if translator.isEmpty():
                raise AssertionError(f"{qm.name} is empty")
            loaded.append(f"{qm.name} ({translator.language() or '?'})")
        return ", ".join(loaded)

    report.check("translations load (QTranslator)", translations)

    def qt_translations() -> str:
        from PySide6.QtCore import QLibraryInfo, QTranslator

        path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator()
        if not translator.load("qtbase_zh_CN", path):
            raise AssertionError(f"Qt's own Chinese catalogue qtbase_zh_CN.qm is not in {path}")
        return f"qtbase_zh_CN.qm from {path}"

    report.check("Qt's Chinese catalogue loads", qt_translations)

    def icons() -> str:
        from PySide6.QtGui import QIcon, QImageReader
        from PySide6.QtSvg import QSvgRenderer

        from planner import assets

        svg = assets.asset_path("icons", "venue-planner.svg")
        if not QSvgRenderer(str(svg)).isValid():
            raise AssertionError(f"cannot render {svg}")
        pngs = sorted(assets.asset_path("icons").glob("venue-planner-*.png"))
        if not pngs:
            raise AssertionError("no rendered PNG icon")
        for png in pngs:
            if QIcon(str(png)).isNull():
                raise AssertionError(f"cannot load {png.name}")
        formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        missing = {"png", "jpg", "svg", "ico"} - formats
        if missing:
            raise AssertionError(f"Qt image plugins missing for {sorted(missing)}")
        return f"SVG and {len(pngs)} PNG sizes; image formats {', '.join(sorted(formats))}"

    report.check("icons load", icons)

    def widgets() -> str:
        from PySide6 import QtPrintSupport, QtWidgets  # noqa: F401  (the editor needs both)

        return "QtWidgets and QtPrintSupport import"

    report.check("Qt modules for the editor", widgets)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="venue-planner-selftest", description=__doc__.splitlines()[0])
    parser.add_argument("--expect-under", type=Path, help="fail unless planner is imported from under this folder")
    parser.add_argument("--forbid-under", type=Path, help="fail if planner is imported from under this folder")
    parser.add_argument("--require-translations", action="store_true", help="fail when no *.qm is packaged")
    args = parser.parse_args(argv)
    report = run_checks(
        expect_under=args.expect_under,
        forbid_under=args.forbid_under,
        require_translations=args.require_translations,
    )
    summary = {"ok": not report.failed, "failed": report.failed, **report.facts}
    print(json.dumps(summary, ensure_ascii=False))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
