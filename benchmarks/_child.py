"""Running a GUI benchmark in a child process of its own (a fresh Qt, offscreen, and an empty
user folder, so the user's own settings and recovery copies are never touched)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

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
