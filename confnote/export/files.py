"""Writing an export: atomically, never over an existing file unless asked, never
outside the folder the user chose.

The text goes to a temporary file in the target's own folder, is flushed to disk,
then renamed into place, so a reader sees the old file or the whole new one. The
file is readable by the user only, unless it goes into an existing folder the
user named whose contents others can read (a blog checkout): then it gets the
permissions any new file there gets.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from confnote.errors import ConfnoteError

PRIVATE_FILE = 0o600


class ExportError(ConfnoteError):
    """An export that could not be written: names the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a file goes and with which permissions."""

    path: Path
    mode: int = PRIVATE_FILE


def destination(output: str | os.PathLike[str] | None, relative: str) -> Destination:
    """Where an export goes.

    ``output`` None: ``relative`` under the current folder, private. An existing
    folder: ``relative`` inside it, shared like that folder's files. Anything else:
    that file, private.
    """
    if output is None:
        return Destination(_inside(Path.cwd(), relative))
    chosen = Path(output).expanduser()
    if chosen.is_dir():
        return Destination(_inside(chosen, relative), _mode_for(chosen))
    return Destination(chosen)


def _inside(folder: Path, relative: str) -> Path:
    path = folder / relative
    root = folder.resolve()
    resolved = path.resolve()
    if "\x00" in relative or Path(relative).is_absolute() or not resolved.is_relative_to(root):
        raise ExportError(path, f"refused: it would be written outside {folder}")
    return path


def _mode_for(folder: Path) -> int:
    """A shared folder's new files get the usual 0666 less umask; others stay private."""
    if folder.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH):
        return 0o666 & ~_umask()
    return PRIVATE_FILE


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(target: Destination, text: str, *, force: bool = False) -> Path:
    """Write ``text`` (UTF-8) to ``target.path``; refuse to replace a file without ``force``.

    On failure nothing is left behind: no temporary file, no folder made for it.
    """
    path = target.path
    if path.is_dir():
        raise ExportError(path, "is a folder")
    if not force and path.exists():
        raise ExportError(path, "already exists (use --force to replace it)")
    made = _make_folders(path.parent, target.mode)
    try:
        _write(path, text.encode("utf-8"), target.mode, force)
    except BaseException:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return path


def _make_folders(folder: Path, mode: int) -> list[Path]:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    made = []
    folder_mode = 0o700 if mode == PRIVATE_FILE else 0o777
    try:
        for each in reversed(missing):
            each.mkdir(mode=folder_mode)
            made.append(each)
    except OSError as error:
        for each in reversed(made):
            with contextlib.suppress(OSError):
                each.rmdir()
        raise ExportError(folder, f"cannot make folder: {error.strerror or error}") from None
    return made


def _write(path: Path, data: bytes, mode: int, force: bool) -> None:
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ExportError(path, f"cannot write: {error.strerror or error}") from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(mode)
        if force:
            temporary.replace(path)
        else:
            _link_without_replacing(temporary, path)
        _sync_folder(path.parent)
    except OSError as error:
        raise ExportError(path, f"cannot write: {error.strerror or error}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _link_without_replacing(temporary: Path, path: Path) -> None:
    """Put the file in place only if nothing is there yet, even if one appeared meanwhile."""
    try:
        path.hardlink_to(temporary)
    except FileExistsError:
        raise ExportError(path, "already exists (use --force to replace it)") from None
    except OSError:
        # File systems without hard links: a plain check, then rename.
        if path.exists():
            raise ExportError(path, "already exists (use --force to replace it)") from None
        temporary.replace(path)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
