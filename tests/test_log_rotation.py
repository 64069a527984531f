"""The log file stays small: the rule of the standard library's RotatingFileHandler, kept by
pipwriter.logs.RotatingFile (which does not import logging.handlers at every start)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from pipwriter.logs import RotatingFile


def _write(handler: logging.Handler, lines: int) -> None:
    handler.setFormatter(logging.Formatter("%(message)s"))
    for number in range(lines):
        handler.handle(logging.LogRecord("t", logging.INFO, __file__, 1,
                                         f"line {number:04d} " + "x" * 40, None, None))
    handler.close()


def _files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_the_log_rotates_as_the_standard_handler_does(tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    _write(RotatingFile(ours / "pipwriter.log", max_bytes=500, backups=2), 57)
    _write(logging.handlers.RotatingFileHandler(theirs / "pipwriter.log", maxBytes=500,
                                                backupCount=2, encoding="utf-8"), 57)
    assert _files(ours) == _files(theirs)
    assert sorted(_files(ours)) == ["pipwriter.log", "pipwriter.log.1", "pipwriter.log.2"]
    assert all(len(text.encode()) < 500 for text in _files(ours).values())


def test_a_log_that_cannot_rotate_keeps_writing(tmp_path):
    path = tmp_path / "pipwriter.log"
    _write(RotatingFile(path, max_bytes=200, backups=0), 10)
    assert path.read_text(encoding="utf-8").count("\n") == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipwriter.log"]
