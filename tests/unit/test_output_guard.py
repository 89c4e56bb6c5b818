"""Outputs never destroy inputs; nothing is written that cannot be read back; temp files never linger."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from planner.cli import main
from planner.io import OutputPathError, ProjectFileError, load_project, save_project
from planner.io.atomic import atomic_write, check_output, temp_files_of
from planner.model import Background
from tests.unit.import_fixtures import imdf_features, plan_png, write_imdf
from tests.venues import corridor_and_restroom


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def one_line(err: str) -> bool:
    return err.startswith("planner: ") and err.count("\n") == 1 and "internal error" not in err


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.vplan"
    save_project(corridor_and_restroom(venue={"name": "T", "operator": "Op"}), path)
    return path


@pytest.mark.parametrize("command", [["report"], ["signs"], ["guide"]])
def test_output_onto_the_input_is_refused(project_file: Path, command: list[str]) -> None:
    before = project_file.read_bytes()
    code, out, err = run(*command, str(project_file), "-o", str(project_file))
    assert code == 2 and one_line(err) and "is the input file" in err and out == ""
    assert project_file.read_bytes() == before
    assert not Path(str(project_file) + ".bak").exists()


def test_links_to_the_input_are_the_input(project_file: Path, tmp_path: Path) -> None:
    before = project_file.read_bytes()
    (tmp_path / "sym.pdf").symlink_to(project_file)
    os.link(project_file, tmp_path / "hard.pdf")
    for name in ("sym.pdf", "hard.pdf"):
        code, _, err = run("report", str(project_file), "-o", str(tmp_path / name))
        assert code == 2 and "is the input file" in err, err
    code, _, err = run("guide", str(project_file), "-o", str(tmp_path / "g.pdf"), "--xlsx", str(tmp_path / "hard.pdf"))
    assert code == 2 and err.startswith("planner: --xlsx ") and "is the input file" in err
    code, _, err = run("guide", str(project_file), "-o", str(tmp_path / "g.pdf"), "--csv", str(tmp_path / "x"),
                       "--xlsx", str(tmp_path / "g.pdf"))
    assert code == 2 and "the same file as -o" in err
    assert project_file.read_bytes() == before
    assert not (tmp_path / "g.pdf").exists()


def test_import_onto_its_source_or_a_read_only_project_is_refused(tmp_path: Path) -> None:
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png())
    code, _, err = run("import", str(png), "-o", str(png))
    assert code == 2 and "is the input file" in err
    target = tmp_path / "ro.vplan"
    save_project(corridor_and_restroom(), target)
    before = target.read_bytes()
    target.chmod(0o444)
    code, _, err = run("import", str(png), "-o", str(target))
    assert code == 2 and one_line(err) and "read-only" in err
    assert target.read_bytes() == before and (target.stat().st_mode & 0o777) == 0o444
    assert not Path(str(target) + ".bak").exists() and temp_files_of(target) == []


@pytest.mark.parametrize("name", [".", "", "..", "sub/", "/dev/null", "fifo", "folder"])
def test_outputs_that_are_not_files_are_refused(project_file: Path, tmp_path: Path, name: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")
    for command in (["report", str(project_file)], ["import", str(project_file)]):
        code, out, err = run(*command, "-o", name)
        assert code == 2 and one_line(err) and out == "", (name, err)
    assert Path("/dev/null").is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo", "folder", "p.vplan", "sub"]


def test_csv_prefix_naming_a_folder_writes_into_it(project_file: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "sched"
    out_dir.mkdir()
    code, _out, err = run("guide", str(project_file), "-o", str(tmp_path / "g.pdf"), "--csv", str(out_dir))
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["cameras.csv", "signs.csv"]
    code, _, err = run("guide", str(project_file), "-o", str(tmp_path / "g.pdf"), "--csv", "")
    assert code == 2 and one_line(err)


def test_temp_files_are_removed_on_error_and_stale_ones_cleaned(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    atomic_write(target, b"old")

    def refuse(path: Path) -> None:
        assert path.parent == tmp_path and path.name.startswith(".out.bin.partial-")
        raise ProjectFileError(str(target), "refused")

    with pytest.raises(ProjectFileError):
        atomic_write(target, b"new", verify=refuse)
    assert target.read_bytes() == b"old" and temp_files_of(target) == []
    # a killed writer's temp file: its process is gone
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f".out.bin.partial-{proc.stdout.strip()}-0123abcd.tmp"
    dead.write_bytes(b"x" * 1000)
    live = tmp_path / f".out.bin.partial-{os.getppid()}-0123abcd.tmp"  # a running process: left alone
    live.write_bytes(b"y")
    other = tmp_path / f".other.bin.partial-{proc.stdout.strip()}-0123abcd.tmp"
    other.write_bytes(b"z")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert not dead.exists() and live.exists() and other.exists()


def test_killed_imports_leave_nothing_the_next_write_keeps(tmp_path: Path) -> None:
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png())
    out = tmp_path / "out.vplan"
    script = (
        "import os, sys\n"
        "from planner.io import atomic\n"
        "real = atomic.os.replace\n"
        "def stop(*a):\n"
        "    os._exit(9)\n"
        "atomic.os.replace = stop\n"
        "from planner.cli import main\n"
        f"main(['import', {str(png)!r}, '-o', {str(out)!r}])\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False, timeout=120)
    assert temp_files_of(out) and not out.exists()
    code, _, err = run("import", str(png), "-o", str(out))
    assert code == 0, err
    assert temp_files_of(out) == [] and load_project(out).levels


def test_guard_itself() -> None:
    with pytest.raises(OutputPathError, match="empty"):
        check_output("")
    with pytest.raises(OutputPathError, match="folder"):
        check_output("/tmp/")
    with pytest.raises(OutputPathError, match="does not exist"):
        check_output("/nonexistent-folder/x.pdf")


# -- nothing written that cannot be read back -------------------------------------------
@pytest.mark.parametrize("option", [["--dpi", "nan"], ["--dpi", "0"], ["--dpi", "1e300"], ["--dpi", "inf"],
                                    ["--calibrate", "0,0,100,0,1e-320"], ["--calibrate", "0,0,100,0,1e300"],
                                    ["--scale", "1:100", "--dpi", "1e-300"]])
def test_imports_refuse_values_the_format_refuses(tmp_path: Path, option: list[str]) -> None:
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png())
    code, _out, err = run("import", str(png), "-o", str(tmp_path / "x.vplan"), *option)
    assert code == 2 and one_line(err) and err.startswith(f"planner: {png}: "), err
    assert not (tmp_path / "x.vplan").exists() and temp_files_of(tmp_path / "x.vplan") == []


@pytest.mark.parametrize("ordinal", ["1e100", "1e308", "10e400", "1" + "0" * 400, "-1000"])
def test_imdf_ordinals_the_format_cannot_hold_are_refused(tmp_path: Path, ordinal: str) -> None:
    import json

    files = imdf_features()
    text = json.dumps(files["level.geojson"])
    assert '"ordinal": 0' in text
    files["level.geojson"] = text.replace('"ordinal": 0', f'"ordinal": {ordinal}', 1)  # type: ignore[assignment]
    src = write_imdf(tmp_path / "v.zip", files)
    code, _, err = run("import", str(src), "-o", str(tmp_path / "v.vplan"))
    assert code == 2 and one_line(err) and "ordinal" in err, err


def test_save_refuses_a_project_that_would_not_open(tmp_path: Path) -> None:
    project = corridor_and_restroom()
    project.levels[0].backgrounds.append(Background(source="backgrounds/x.png",
                                                    transform=(1e-200, 0.0, 0.0, 1e-200, 0.0, 0.0)))
    project.files["backgrounds/x.png"] = plan_png()
    target = tmp_path / "p.vplan"
    save_project(corridor_and_restroom(), target)
    before = target.read_bytes()
    with pytest.raises(ProjectFileError, match="would not open again"):
        save_project(project, target)
    assert target.read_bytes() == before and temp_files_of(target) == []


def test_two_imports_in_one_folder_keep_their_own_backgrounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.chdir(tmp_path)
    for colour in ("red", "blue"):
        buf = io.BytesIO()
        Image.new("RGB", (300, 200), colour).save(buf, "PNG")
        Path(f"{colour}.png").write_bytes(buf.getvalue())
        code, _, err = run("import", f"{colour}.png", "-o", f"{colour}.json")
        assert code == 0, err
    red, blue = load_project("red.json"), load_project("blue.json")
    (red_bg,), (blue_bg,) = red.levels[0].backgrounds, blue.levels[0].backgrounds
    assert red_bg.source != blue_bg.source
    assert Image.open(io.BytesIO(red.files[red_bg.source])).getpixel((5, 5)) == (255, 0, 0)
    assert Image.open(io.BytesIO(blue.files[blue_bg.source])).getpixel((5, 5)) == (0, 0, 255)
