"""Build the one-folder desktop program with PyInstaller, pack it for download, and smoke-test it.

    python packaging/build_bundle.py                       # build, archive, smoke-test
    python packaging/build_bundle.py --screenshot dist/bundle-screenshot.png
    python packaging/build_bundle.py --skip-build          # smoke-test the bundle already in dist/

Needs the ``packaging`` extra (``pip install -e '.[packaging]'``). Writes, in
``dist/``: the folder ``venue-planner/`` (on macOS ``Venue Planner.app``), an
archive of it to hand to users (``.tar.gz`` on Linux, ``.zip`` on Windows and
macOS) and ``bundle-report.json`` with the build time and the sizes.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "venue-planner.spec"


def version() -> str:
    text = (ROOT / "planner" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    if match is None:
        raise SystemExit("build_bundle: no __version__ in planner/__init__.py")
    return match.group(1)


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("aarch64", "arm64")
    return f"{system}-{machine}"


def folder_size(folder: Path) -> int:
    """Bytes of the files under ``folder`` (symbolic links count as links, not as their targets)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller on the spec; return the seconds it took."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("build_bundle: PyInstaller is missing: pip install -e '.[packaging]'") from None
    started = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.monotonic() - started


def archive(bundle: Path, dist: Path) -> Path:
    """Pack the bundle for download: ``.tar.gz`` on Linux (keeps the symbolic links), ``.zip`` elsewhere."""
    base = dist / f"venue-planner-{version()}-{platform_tag()}"
    for old in (Path(f"{base}.tar.gz"), Path(f"{base}.zip")):
        old.unlink(missing_ok=True)
    if not sys.platform.startswith("linux"):
        return Path(shutil.make_archive(str(base), "zip", root_dir=bundle.parent, base_dir=bundle.name))
    target = Path(f"{base}.tar.gz")
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:  # level 9 takes three times as long for 1 % less
        tar.add(bundle, arcname=bundle.name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--skip-build", action="store_true", help="smoke-test the bundle already built")
    parser.add_argument("--no-archive", action="store_true", help="do not pack the bundle into an archive")
    parser.add_argument("--no-smoke", action="store_true", help="do not run the smoke check")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of the editor under Xvfb (Linux)")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()

    report_path = dist / "bundle-report.json"
    report: dict[str, object] = {}
    if args.skip_build and report_path.is_file():
        report = json.loads(report_path.read_text(encoding="utf-8"))
    if not args.skip_build:
        report = {"version": version(), "platform": platform_tag(), "python": platform.python_version()}
        report["build_seconds"] = round(build(dist, args.work.resolve()), 1)
    bundle = dist / ("Venue Planner.app" if sys.platform == "darwin" else "venue-planner")
    if not bundle.is_dir():
        raise SystemExit(f"build_bundle: no bundle at {bundle}")
    report["bundle"] = str(bundle.relative_to(ROOT) if bundle.is_relative_to(ROOT) else bundle)
    report["bundle_mib"] = round(folder_size(bundle) / 2**20, 1)
    report["files"] = sum(1 for p in bundle.rglob("*") if p.is_file())
    if not args.no_archive and not args.skip_build:
        started = time.monotonic()
        packed = archive(bundle, dist)
        report["archive"] = packed.name
        report["archive_mib"] = round(packed.stat().st_size / 2**20, 1)
        report["archive_seconds"] = round(time.monotonic() - started, 1)
    dist.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"bundle: {bundle} ({report['bundle_mib']} MiB in {report['files']} files)", end="")
    if "build_seconds" in report:
        print(f", built in {report['build_seconds']} s", end="")
    if "archive" in report:
        print(f"; download: {report['archive']} ({report['archive_mib']} MiB)", end="")
    print(flush=True)
    if args.no_smoke:
        return 0
    sys.path.insert(0, str(PACKAGING))
    from smoke_bundle import main as smoke

    smoke_args = [str(bundle)]
    if args.screenshot:
        smoke_args += ["--screenshot", str(args.screenshot)]
    return smoke(smoke_args)


if __name__ == "__main__":
    sys.exit(main())
