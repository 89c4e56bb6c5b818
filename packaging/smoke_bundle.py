"""Smoke-test the one-folder desktop build: run the bundled program headless and start its editor.

    python packaging/smoke_bundle.py dist/venue-planner
    python packaging/smoke_bundle.py dist/venue-planner --screenshot dist/bundle-screenshot.png

Steps: (Linux) every bundled library finds the libraries it needs; the
bundle's self-test (``VENUE_PLANNER_SELFTEST=1``: planner imported from the
bundle, assets, fonts, translations, icons, Qt plugins); every headless
subcommand on the bundled sample; the editor on Qt's offscreen platform; and,
where ``xvfb-run`` exists, the editor on a real X11 display (the xcb platform
plugin and its libraries), optionally saving a screenshot of it.
Exit 0 when every step passed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smokelib import (
    EDITOR_TROUBLE,
    Smoke,
    SmokeError,
    checkout_translations,
    editor_runs,
    isolated_env,
    project_commands,
    run,
    selftest_result,
)

#: Qt plugins the program cannot do without; the others (Wayland, EGL, ...) are for other systems and may
#: lack libraries on this one (Qt then uses another plugin).
ESSENTIAL_PLUGINS = re.compile(
    r"plugins/(platforms/libq(xcb|offscreen)|imageformats/|iconengines/|printsupport/|"
    r"platformthemes/libqxdgdesktopportal|xcbglintegrations/)"
)
#: Qt libraries that only those optional plugins load.
OPTIONAL_QT_LIBS = re.compile(r"Qt/lib/libQt6(WaylandClient|WaylandEgl|WlShell|EglFS|EglFs)")


def executable(bundle: Path) -> Path:
    """The console ``planner`` program inside a bundle folder (or a macOS ``.app``)."""
    candidates = [bundle / "planner.exe", bundle / "planner", bundle / "Contents" / "MacOS" / "planner"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SmokeError(f"no planner program in {bundle}")


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def linked_libraries(bundle: Path) -> str:
    """(Linux) Every ELF file of the bundle resolves its libraries from the bundle or the system."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return "ldd not found: skipped"
    internal = bundle / "_internal"
    folders = sorted({str(p.parent) for p in bundle.rglob("*.so*") if p.is_file()} | {str(internal)})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(folders)}
    broken: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    for path in files:
        proc = subprocess.run([ldd, str(path)], env=env, capture_output=True, text=True, check=False)
        missing = sorted({line.split()[0] for line in proc.stdout.splitlines() if "not found" in line})
        if not missing:
            continue
        rel = path.relative_to(bundle).as_posix()
        if ("/plugins/" in f"/{rel}" and not ESSENTIAL_PLUGINS.search(rel)) or OPTIONAL_QT_LIBS.search(rel):
            notes[rel] = missing
        else:
            broken[rel] = missing
    if broken:
        raise SmokeError("libraries not found:\n" + "\n".join(f"{k}: {', '.join(v)}" for k, v in broken.items()))
    text = f"{len(files)} ELF files resolve their libraries"
    if notes:
        text += "; optional plugins that need libraries this system lacks: " + "; ".join(
            f"{Path(k).name} ({', '.join(v)})" for k, v in sorted(notes.items())
        )
    return text


def desktop_install(bundle: Path, exe: Path, prefix: Path) -> str:
    """(Linux) The bundle's install-desktop.sh installs a menu entry that starts this bundle's planner."""
    script = bundle / "install-desktop.sh"
    if not script.is_file():
        raise SmokeError(f"{script} is missing")
    env = {**os.environ, "XDG_DATA_HOME": str(prefix)}
    run(["bash", script], env=env, cwd=bundle, timeout=60)
    desktop = prefix / "applications" / "org.venueplanner.VenuePlanner.desktop"
    text = desktop.read_text(encoding="utf-8") if desktop.is_file() else ""
    if f"Exec={exe} open %f" not in text and f'Exec="{exe}" open %f' not in text:
        raise SmokeError(f"{desktop} does not start {exe}:\n{text}")
    icons = sorted(prefix.glob("icons/hicolor/*/apps/org.venueplanner.VenuePlanner.*"))
    mime = prefix / "mime" / "packages" / "org.venueplanner.VenuePlanner.xml"
    if len(icons) < 10 or not mime.is_file():
        raise SmokeError(f"expected 10 icons and the MIME type under {prefix}: {len(icons)} icons, {mime.is_file()=}")
    run(["bash", script, "--uninstall"], env=env, cwd=bundle, timeout=60)
    if desktop.exists():
        raise SmokeError("--uninstall left the menu entry behind")
    return f"menu entry runs {exe.name} from the bundle; {len(icons)} icons; uninstall clean"


def xcb_child(exe: Path, screenshot: Path | None, wait_s: float, quit_after_ms: int) -> int:
    """Inside ``xvfb-run``: start the bundled editor on X11, optionally grab the screen, check it exits cleanly."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "VENUE_PLANNER_QUIT_AFTER_MS": str(quit_after_ms)}
    started = time.monotonic()
    proc = subprocess.Popen([str(exe)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            errors="replace", stdin=subprocess.DEVNULL)
    time.sleep(wait_s)
    shot = ""
    if screenshot is not None and proc.poll() is None:
        shot = grab_screen(screenshot)
    try:
        _out, err = proc.communicate(timeout=quit_after_ms / 1000 + 60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
        print(f"the editor did not quit by itself\n{err[-3000:]}")
        return 1
    trouble = [line for line in err.splitlines() if EDITOR_TROUBLE.search(line)]
    if proc.returncode != 0 or trouble:
        print(f"the editor exited {proc.returncode}\n--- stderr\n{err[-3000:]}")
        return 1
    print(f"xcb: started, showed the sample and quit cleanly after {time.monotonic() - started:.1f} s{shot}")
    return 0


def grab_screen(target: Path) -> str:
    """Save the X display's root window as PNG (with this Python's PySide6, if it has one)."""
    try:
        from PySide6.QtGui import QGuiApplication
    except ImportError:
        return "; no screenshot (PySide6 is not installed in the Python running the check)"
    env_platform = os.environ.get("QT_QPA_PLATFORM")
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    app = QGuiApplication.instance() or QGuiApplication(["grab"])
    pixmap = app.primaryScreen().grabWindow(0)
    if env_platform is not None:
        os.environ["QT_QPA_PLATFORM"] = env_platform
    target.parent.mkdir(parents=True, exist_ok=True)
    if pixmap.isNull() or not pixmap.save(str(target), "PNG"):
        return f"; could not save a screenshot to {target}"
    return f"; screenshot {target} ({pixmap.width()}×{pixmap.height()})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder (dist/venue-planner) or macOS .app")
    parser.add_argument("--screenshot", type=Path, help="save a screenshot of the editor under Xvfb here")
    parser.add_argument("--no-xvfb", action="store_true", help="skip the run on a real X11 display")
    parser.add_argument("--xcb-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    exe = executable(bundle)
    if args.xcb_child:
        return xcb_child(exe, args.screenshot.resolve() if args.screenshot else None, wait_s=6.0,
                         quit_after_ms=9000)

    smoke = Smoke(f"bundle smoke check: {bundle}")
    tmp = Path(tempfile.mkdtemp(prefix="venue-planner-bundle-"))
    try:
        work = tmp / "work"
        work.mkdir()
        env = isolated_env(tmp / "home")
        if sys.platform.startswith("linux"):
            smoke.step("bundled libraries resolve (ldd)", lambda: linked_libraries(bundle))
        facts: dict[str, object] = {}

        def selftest() -> str:
            cmd = [exe, "--expect-under", bundle]
            if checkout_translations():
                cmd.append("--require-translations")
            proc = run(cmd, env={**env, "VENUE_PLANNER_SELFTEST": "1"}, cwd=work, expect=(0, 1))
            return selftest_result(proc, facts, frozen=True)

        smoke.step("self-test inside the bundle", selftest)
        if "assets" not in facts:
            return smoke.finish()
        sample = Path(str(facts["assets"])) / "samples" / "harbour-hotel.vplan"
        project_commands(smoke, [exe], sample, work, env)
        smoke.step("editor starts offscreen and quits", lambda: editor_runs([exe], env, work, quit_after_ms=3000))

        if sys.platform.startswith("linux"):
            smoke.step("install-desktop.sh (menu entry, icons, .vplan type)",
                       lambda: desktop_install(bundle, exe, tmp / "share"))

        xvfb = shutil.which("xvfb-run")
        if sys.platform.startswith("linux") and xvfb and not args.no_xvfb:

            def xcb() -> str:
                cmd = [xvfb, "-a", "-s", "-screen 0 1440x900x24", sys.executable, Path(__file__).resolve(),
                       bundle, "--xcb-child"]
                if args.screenshot:
                    cmd += ["--screenshot", args.screenshot.resolve()]
                proc = run(cmd, env=env, cwd=work, timeout=180)
                return proc.stdout.strip().splitlines()[-1]

            smoke.step("editor on X11 (Xvfb, xcb platform plugin)", xcb)
        elif sys.platform.startswith("linux"):
            print("skip editor on X11: xvfb-run is not installed (apt-get install xvfb xauth)")
        return smoke.finish()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
