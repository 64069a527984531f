"""Writing a bundle safely: everything goes into a hidden temporary folder inside the destination
(same disk, so the final rename is instant and whole), then is moved into place. On any failure,
or when the user cancels, the temporary folder is removed: no half-written bundle is ever left.

Disk errors become one plain sentence saying what to do (:func:`explain`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from pathlib import Path

from ..model.storage.atomic import fsync_dir, replace_with_retry
from .errors import ExportError

_mkdir = os.mkdir      # replaced in tests to simulate a folder that refuses writing
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def explain(error: OSError, destination: Path) -> ExportError:
    """A message for the user about a failed write to ``destination``."""
    where = str(destination)
    code = getattr(error, "errno", None)
    if code in _FULL or getattr(error, "winerror", None) in (39, 112):
        return ExportError(f"There is not enough space to write the bundle in '{where}'. "
                           "Nothing was written. Free some space, or choose another place.")
    if code == errno.EROFS:
        return ExportError(f"'{where}' cannot be written to (it is read-only, like a CD or a "
                           "locked memory stick). Nothing was written. Choose another folder.")
    if isinstance(error, PermissionError):
        return ExportError(f"PiP Writer is not allowed to write in '{where}'. Nothing was "
                           "written. Choose another folder, such as Documents.")
    if code == errno.ENAMETOOLONG:
        return ExportError(f"The folder '{where}' is too deep for the bundle's file names. "
                           "Nothing was written. Choose a folder nearer the top, such as "
                           "Documents.")
    reason = error.strerror or str(error)
    missing = getattr(error, "filename", None)
    if isinstance(error, FileNotFoundError) and missing and \
            not str(missing).startswith(str(destination)):
        return ExportError(f"PiP Writer is missing one of its own files ({Path(missing).name}), "
                           "so the bundle could not be made. Nothing was written. Please "
                           "reinstall PiP Writer.")
    return ExportError(f"The bundle could not be written in '{where}': {reason}. "
                       "Nothing was written.")


def prepare_destination(out_dir: Path) -> None:
    """Create the destination folder if needed, or raise ExportError."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(f"'{out_dir}' is a file, not a folder. Choose a folder to export to.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise explain(error, out_dir) from None


def make_staging(out_dir: Path, name: str) -> Path:
    """A new hidden folder in ``out_dir`` for the bundle. Made with ``os.mkdir(..., 0o777)``
    so that the user's umask decides its permissions, as for any folder they make: it becomes
    the bundle folder, which co-authors on a shared drive must be able to open
    (``tempfile.mkdtemp`` would leave it readable by its owner only, mode 0700)."""
    for _attempt in range(100):
        path = Path(out_dir) / f".{name[:24]}.{secrets.token_hex(6)}.partial"
        try:
            _mkdir(path, 0o777)
        except FileExistsError:
            continue
        except OSError as error:
            raise explain(error, out_dir) from None
        return path
    raise ExportError(f"No temporary folder could be made in '{out_dir}'. Nothing was written.")


def remove_quietly(path: Path | None) -> None:
    if path is None:
        return
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists() or path.is_symlink():
            path.unlink()


def _rename(source: Path, target: Path) -> None:
    replace_with_retry(source, target, replace=os.rename)


def _restore(moves: list[tuple[Path, Path]], asides: list[tuple[Path, Path]]) -> None:
    """Undo a partial move: new ones back out of the way, old ones back in place."""
    for staged, target in reversed(moves):
        with contextlib.suppress(OSError):
            _rename(target, staged)
    for target, aside in asides:
        if not target.exists():
            with contextlib.suppress(OSError):
                _rename(aside, target)


def move_into_place(pairs: list[tuple[Path, Path]], *, replace: bool) -> None:
    """Rename each staged folder or file to its target, all or none.

    Without ``replace`` an existing target is an error (never overwritten silently). With it,
    the old targets are first moved aside, put back if the new ones cannot take their place,
    and deleted only once all new ones are in place. A file held open in another program (Word
    on Windows) makes the rename fail: the message says so and the old bundle is intact.
    """
    for _staged, target in pairs:
        if target.exists() and not replace:
            raise ExportError(f"'{target.name}' already exists in '{target.parent}'. Nothing was "
                              "overwritten; export again to get a new name.")
    asides: list[tuple[Path, Path]] = []
    moves: list[tuple[Path, Path]] = []
    replacing: Path | None = None      # the old target being moved aside, if that failed
    try:
        for _staged, target in pairs:
            if target.exists():
                replacing = target
                aside = target.with_name(f".{target.name[:24]}.{secrets.token_hex(6)}.old")
                _rename(target, aside)
                asides.append((target, aside))
        replacing = None
        for staged, target in pairs:
            _rename(staged, target)
            moves.append((staged, target))
    except PermissionError:
        _restore(moves, asides)
        if replacing is not None:
            raise ExportError(f"'{replacing.name}' in '{replacing.parent}' could not be "
                              "replaced: a file in it is open in another program (perhaps "
                              "Word). Close it and export again. The old bundle is "
                              "unchanged.") from None
        raise ExportError(f"The bundle could not be put in place in '{pairs[0][1].parent}': "
                          "another program (perhaps an antivirus scanner or OneDrive) is "
                          "using it. Nothing was written; export again.") from None
    except OSError as error:
        _restore(moves, asides)
        raise explain(error, pairs[0][1].parent) from None
    for _target, aside in asides:
        remove_quietly(aside)
    fsync_dir(pairs[0][1].parent)
