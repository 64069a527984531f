"""Running a GUI benchmark in a child process of its own (a fresh Qt, offscreen, and an empty
user folder, so the user's own settings and recovery copies are never touched)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent


def run_child(script: str, quick: bool, what: str, timeout: int = 900) -> list[dict]:
    """Run ``script`` (a benchmark module's file) with ``--json`` (and ``--quick``); its rows,
    from the last line it prints. RuntimeError naming ``what`` when it fails."""
    with tempfile.TemporaryDirectory(prefix="pipwriter-bench-") as user_dir:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PIPWRITER_USER_DIR=user_dir)
        command = [sys.executable, str(Path(script).resolve()), "--json"]
        if quick:
            command.append("--quick")
        done = subprocess.run(command, env=env, capture_output=True, text=True,
                              timeout=timeout, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def own_user_folder() -> str | None:
    """An empty user folder for this process unless one is set (a benchmark never touches the
    real settings); its path, for :func:`finish` to remove, or None."""
    if "PIPWRITER_USER_DIR" in os.environ:
        return None
    folder = tempfile.mkdtemp(prefix="pipwriter-bench-")
    os.environ["PIPWRITER_USER_DIR"] = folder
    return folder


def finish(rows: list[dict] | None, as_json: bool, line: Callable[[dict], str],
           own_folder: str | None) -> NoReturn:
    """Print ``rows`` (one JSON line, or a ``line`` each), remove the folder made by
    :func:`own_user_folder`, and leave without Qt's teardown: nothing is left to save."""
    for text in ([json.dumps(rows)] if as_json else [line(row) for row in rows]) \
            if rows is not None else []:
        print(text)
    sys.stdout.flush()
    if own_folder:
        shutil.rmtree(own_folder, ignore_errors=True)
    os._exit(0)
