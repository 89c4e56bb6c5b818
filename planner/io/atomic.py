"""Write files atomically: a temporary file in the same folder, fsync, ``os.replace``.

A reader never sees a half-written file, and a failure leaves the previous file
(and no temporary file) behind. New files get the usual ``0o666 & ~umask``
permissions; replaced files keep theirs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

__all__ = ["atomic_write", "backup_path"]


def backup_path(path: str | Path) -> Path:
    """Where :func:`atomic_write` keeps the previous version: ``NAME.bak`` beside it."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def atomic_write(path: str | Path, data: bytes, *, backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically; with ``backup`` keep the old file as ``NAME.bak``.

    Raises :class:`OSError` (after cleaning up) when the folder is not writable,
    the disk is full, and so on.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    bak_tmp = path.with_name(f".{path.name}.bak.tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
            if backup:
                shutil.copy2(path, bak_tmp)
                os.replace(bak_tmp, backup_path(path))
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException:
        for leftover in (tmp, bak_tmp):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
