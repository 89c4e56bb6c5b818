"""What the command line says of files that are not what a command expects, and of outputs it cannot write."""

from __future__ import annotations

import errno
import io
import os
import zipfile
from pathlib import Path

import pytest

from planner.cli import main
from planner.io import save_project
from planner.io.atomic import atomic_write, temp_files_of
from tests.unit.import_fixtures import hotel_floor_dxf, plan_pdf, plan_png, write_imdf
from tests.venues import corridor_and_restroom


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def one_line(err: str) -> bool:
    return err.startswith("planner: ") and err.count("\n") == 1 and "internal error" not in err


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    return _project(tmp_path)


def _project(folder: Path) -> Path:
    path = folder / "p.vplan"
    save_project(corridor_and_restroom(venue={"name": "T", "operator": "Op"}), path)
    return path


def _plans(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Plans of every kind, some under names that hide what they are: path and what the message must say."""
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png())
    jpeg = tmp_path / "scan.jpg"
    jpeg.write_bytes(plan_png(fmt="JPEG"))
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(plan_pdf())
    dxf = hotel_floor_dxf(tmp_path / "floor.dxf")
    hidden_dxf = tmp_path / "drawing.vplan"
    hidden_dxf.write_bytes(dxf.read_bytes())
    hidden_pdf = tmp_path / "plan.json"
    hidden_pdf.write_bytes(pdf.read_bytes())
    return {
        "png": (png, "is a PNG image"),
        "jpeg": (jpeg, "is a JPEG image"),
        "pdf": (pdf, "is a PDF document"),
        "dxf": (dxf, "is a DXF drawing"),
        "dxf named .vplan": (hidden_dxf, "is a DXF drawing"),
        "pdf named .json": (hidden_pdf, "is a PDF document"),
        "imdf": (write_imdf(tmp_path / "venue.zip"), "is an IMDF venue archive"),
    }


@pytest.mark.parametrize("command", [["check"], ["coverage"], ["signs", "-o", "out.pdf"], ["guide", "-o", "out.pdf"],
                                     ["report", "-o", "out.pdf"], ["layout", "-o", "out.vplan"]])
def test_a_plan_given_where_a_project_is_read_says_what_it_is_and_how_to_import_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    for case, (path, said) in _plans(tmp_path).items():
        code, out, err = run(command[0], str(path), *command[1:])
        assert code == 2 and one_line(err) and out == "", (case, err)
        assert err.startswith(f"planner: {path}: {said}, not a Venue Planner project: import it first with "
                              f"`planner import {path} -o "), (case, err)
        assert "JSON" not in err and "UTF-8" not in err, (case, err)
    assert not (tmp_path / "out.pdf").exists() and not (tmp_path / "out.vplan").exists()


def test_other_files_are_not_called_broken_projects(tmp_path: Path) -> None:
    cases = {
        "notes.txt": (b"Ground floor: 12 cameras\n", "is not a Venue Planner project: text"),
        "blob.vplan.json": (bytes(range(256)) * 4, "is not a Venue Planner project: binary data"),
        "old.dwg": (b"AC1032" + bytes(200), "is a DWG drawing, not a Venue Planner project: save it as DXF"),
        "pic.gif": (b"GIF89a" + bytes(200), "is a GIF image, not a Venue Planner project"),
    }
    for name, (data, said) in cases.items():
        (tmp_path / name).write_bytes(data)
        code, _, err = run("check", str(tmp_path / name))
        assert code == 2 and one_line(err) and f"{tmp_path / name}: {said}" in err, err
    docx = tmp_path / "letter.vplan"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    code, _, err = run("check", str(docx))
    assert code == 2 and one_line(err) and "a ZIP archive, but not a Venue Planner project" in err
    # JSON that is no project: coverage output given back, or anything else
    code, out, _ = run("coverage", str(_project(tmp_path)))
    (tmp_path / "cov.geojson").write_text(out, encoding="utf-8")
    (tmp_path / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    for name, said in (("cov.geojson", "is GeoJSON (as `planner coverage` writes), not a Venue Planner project"),
                       ("settings.json", "is JSON, not a Venue Planner project")):
        code, _, err = run("check", str(tmp_path / name))
        assert code == 2 and one_line(err) and f"{tmp_path / name}: {said}" in err, err
    # a broken project is still described as one
    (tmp_path / "cut.json").write_bytes(b'{"format": "venue-planner-project", "levels": [')
    code, _, err = run("check", str(tmp_path / "cut.json"))
    assert code == 2 and "invalid JSON at line 1" in err


# -- outputs that cannot be written ------------------------------------------------------------------
def _no_new_files(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int = errno.ENOENT) -> None:
    """Make creating a file in ``folder`` fail as a special file system (``/proc``) or a full disk does."""
    real_open = os.open

    def refusing_open(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
        if Path(path).parent == folder and flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr("planner.io.atomic.os.open", refusing_open)


@pytest.mark.parametrize("command", [["guide"], ["report"], ["signs"]])
def test_a_failed_write_names_the_output_given_not_a_temporary_file(
        project_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "g.pdf"
    _no_new_files(monkeypatch, out_dir)
    code, _, err = run(*command, str(project_file), "-o", str(target))
    last = err.splitlines()[-1]  # signs warns of missing venue facts first
    assert code == 2 and one_line(last + "\n"), err
    assert last == (f"planner: -o {target}: cannot create a file in the folder {out_dir} (the file system there "
                    "does not allow new files)")
    assert ".partial-" not in err and list(out_dir.iterdir()) == []


def test_a_failed_schedule_write_names_its_option(project_file: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    full = tmp_path / "full"
    full.mkdir()
    _no_new_files(monkeypatch, full, errno.ENOSPC)
    code, _, err = run("guide", str(project_file), "-o", str(tmp_path / "g.pdf"), "--xlsx", str(full / "s.xlsx"))
    assert code == 2 and one_line(err)
    assert err == (f"planner: --xlsx {full / 's.xlsx'}: the disk holding the folder {full} is full (No space left "
                   "on device)\n")


def test_a_failed_import_save_names_the_output_and_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png())
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "o.vplan"
    _no_new_files(monkeypatch, out_dir, errno.EACCES)
    code, _, err = run("import", str(png), "-o", str(target))
    assert code == 2 and one_line(err), err
    assert err == f"planner: -o {target}: cannot save: cannot write in the folder {out_dir} (permission denied)\n"


def test_atomic_write_error_keeps_the_old_file_and_names_the_target(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"old")
    _no_new_files(monkeypatch, tmp_path, errno.EROFS)
    with pytest.raises(OSError) as caught:
        atomic_write(target, b"new")
    assert caught.value.filename == str(target) and "read-only file system" in str(caught.value.strerror)
    assert target.read_bytes() == b"old" and temp_files_of(target) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_proc_as_output_folder_is_explained(project_file: Path) -> None:
    code, _, err = run("guide", str(project_file), "-o", "/proc/g.pdf")
    assert code == 2 and one_line(err) and err.startswith("planner: -o /proc/g.pdf: ") and ".partial-" not in err


# -- the name of a project written by import and layout -----------------------------------------------
@pytest.mark.parametrize("name", ["out.txt", "out.pdf", "out"])
def test_a_project_is_not_written_under_another_kind_of_name(tmp_path: Path, project_file: Path, name: str) -> None:
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png())
    notes = tmp_path / name
    notes.write_bytes(b"my notes")
    stem = str(tmp_path / "out")
    for argv in (["import", str(png)], ["layout", str(project_file)]):
        code, out, err = run(*argv, "-o", str(notes))
        assert code == 2 and one_line(err) and out == "", err
        assert f"-o {notes}: the name " in err and f"give -o {stem}.vplan" in err
        assert notes.read_bytes() == b"my notes" and not Path(str(notes) + ".bak").exists()
    code, _, err = run("import", str(png), "-o", str(tmp_path / "bare.JSON"))
    assert code == 0, err


# -- import: content that differs from its name -----------------------------------------------------------
def test_import_says_when_the_content_is_not_what_the_name_says(tmp_path: Path) -> None:
    fake_pdf = tmp_path / "plan.pdf"
    fake_pdf.write_bytes(plan_png())
    code, out, err = run("import", str(fake_pdf), "-o", str(tmp_path / "a.vplan"))
    assert code == 0, err
    assert "Imported" in out and "(image)" in out
    assert "warning: the file's content is PNG, not PDF as its name says: it was read as an image" in out
    fake_dxf = tmp_path / "plan.dxf"
    fake_dxf.write_bytes(plan_pdf())
    code, out, err = run("import", str(fake_dxf), "-o", str(tmp_path / "b.vplan"))
    assert "the file's content is PDF, not DXF as its name says: it was read as a PDF" in out + err
    jpeg_png = tmp_path / "scan.png"
    jpeg_png.write_bytes(plan_png(fmt="JPEG"))
    code, out, err = run("import", str(jpeg_png), "-o", str(tmp_path / "c.vplan"))
    assert code == 0 and "content is" not in out  # one image for another: nothing to say


def test_import_of_a_project_says_it_is_a_project(tmp_path: Path, project_file: Path) -> None:
    code, out, err = run("import", str(project_file), "-o", str(tmp_path / "again.vplan"))
    assert code == 2 and one_line(err) and out == ""
    assert f"{project_file}: is a Venue Planner project, not a plan to import" in err
