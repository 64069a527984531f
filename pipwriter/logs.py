"""The app's log file, and the hook that writes an unexpected error into it.

On Windows the installed ``pipwriter.exe`` has no console: without a file, a crash or a failed
self-test would leave no trace. So the app writes a small log in the user's log folder
(``%LOCALAPPDATA%\\pipwriter\\Logs`` on Windows, ``~/Library/Logs/pipwriter`` on macOS,
``~/.local/state/pipwriter/log`` on Linux; under ``PIPWRITER_USER_DIR`` it is ``log/``). The
uninstaller leaves it there, with the user's other data. It never holds article text: only
what the code logs (file names, errors and their tracebacks).

The file is ``pipwriter.log``, at most 1 MB, with two older copies beside it. Logging must
never stop the app: if the folder cannot be written, nothing is logged to a file.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "pipwriter.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 2
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("pipwriter")


def log_dir() -> Path:
    """The folder the log is written to (not created here)."""
    override = os.environ.get("PIPWRITER_USER_DIR")
    if override:
        return Path(override) / "log"
    from platformdirs import PlatformDirs
    return Path(PlatformDirs("pipwriter", appauthor=False).user_log_dir)


def log_file() -> Path:
    return log_dir() / LOG_NAME


class RotatingFile(logging.FileHandler):
    """The log file, kept under ``max_bytes``: before a record would take it there, it becomes
    ``.1`` (``.1`` becomes ``.2`` ..., the oldest of ``backups`` copies is dropped) and a new file
    is begun. The rule of :class:`logging.handlers.RotatingFileHandler`, which is not used
    because importing :mod:`logging.handlers` (pickle, socket, queue...) cost about 10 ms of
    every start."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_with(record):
                self._rotate()
        except Exception:  # noqa: BLE001 - as logging does: report on stderr, never raise
            self.handleError(record)
            return
        super().emit(record)

    def _full_with(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        if not os.path.isfile(self.baseFilename):
            return False        # a device or a pipe: never rotated
        self.stream.seek(0, 2)
        return self.stream.tell() + len(f"{self.format(record)}{self.terminator}") >= \
            self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None      # emit opens the new file
        base = self.baseFilename
        for number in range(self.backups, 0, -1):
            older = f"{base}.{number - 1}" if number > 1 else base
            if os.path.exists(older):
                os.replace(older, f"{base}.{number}")


def _file_handler() -> logging.Handler | None:
    """The handler this module added to the root logger for the current log file, if any."""
    wanted = str(log_file())
    for handler in logging.getLogger().handlers:
        if getattr(handler, "baseFilename", None) == wanted:
            return handler
    return None


def start_logging(level: int = logging.INFO) -> Path | None:
    """Send log records of ``level`` and above to the log file; returns its path, or None if
    the folder cannot be written. Calling it again adds no second handler."""
    if _file_handler() is not None:
        return log_file()
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handler = RotatingFile(log_file())
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return log_file()


def _log_uncaught(kind: type[BaseException], error: BaseException,
                  trace: TracebackType | None, where: str) -> None:
    log.critical("unexpected error in %s", where, exc_info=(kind, error, trace))
    for handler in logging.getLogger().handlers:
        handler.flush()


ErrorListener = Callable[[str, BaseException], None]


class ErrorHooks:
    """What :func:`install_excepthook` installed: ``listeners`` are called as
    ``listener(where, error)`` after an uncaught error is logged (the app adds one that keeps
    the work safe and tells the user calmly). They may be called from any thread; one that
    fails is logged and never hides the first error."""

    def __init__(self) -> None:
        self.listeners: list[ErrorListener] = []

    def tell(self, where: str, error: BaseException) -> None:
        for listener in list(self.listeners):
            try:
                listener(where, error)
            except Exception:  # noqa: BLE001 - a listener failing must not hide the first error
                log.exception("telling the user about an error failed")


def install_excepthook() -> ErrorHooks:
    """Log every uncaught exception (main thread and other threads) with its traceback, then
    let the previous hook run as before (it prints to the console, where there is one)."""
    previous = sys.excepthook
    previous_thread = threading.excepthook
    hooks = ErrorHooks()
    tell = hooks.tell

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            _log_uncaught(kind, error, trace, "the main thread")
            tell("the main thread", error)
        previous(kind, error, trace)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit:
            name = args.thread.name if args.thread is not None else "a thread"
            _log_uncaught(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback,
                          name)
            if args.exc_value is not None:
                tell(name, args.exc_value)
        previous_thread(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return hooks


def log_tail(lines: int = 80) -> str:
    """The last ``lines`` lines of the log file ("" when there is none or it cannot be read)."""
    try:
        with open(log_file(), encoding="utf-8", errors="replace") as handle:
            return "".join(deque(handle, maxlen=lines))
    except OSError:
        return ""


def problem_details(version: str, qt_version: str, lines: int = 80) -> str:
    """What Help › Report a problem shows and copies: versions, the system and the end of the
    log. Article text is never in it (the log holds none)."""
    import platform
    head = [f"PiP Writer {version}",
            f"System: {platform.platform()} ({platform.machine() or 'unknown machine'})",
            f"Python {platform.python_version()}, Qt {qt_version}",
            f"Log file: {log_file()}",
            ""]
    tail = log_tail(lines)
    head.append(f"The last lines of the log:\n{tail}" if tail else "The log is empty.")
    return "\n".join(head)
