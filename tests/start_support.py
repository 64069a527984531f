"""Start the real app in a fresh offscreen process with a script of the test's, and read what
the script printed last (one JSON line): for the tests of what happens as the app starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"        # _first_paint.py: watching a class's first paint


def run_start_script(script: str, user_dir: Path) -> dict:
    """Run ``script`` (with the project and the benchmarks on its path) and return its last
    line as JSON; the app's own user folder is ``user_dir``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PIPWRITER_USER_DIR=str(user_dir))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120)
    lines = done.stdout.strip().splitlines()
    assert lines, f"the app did not paint (exit {done.returncode}): {done.stderr[-2000:]}"
    return json.loads(lines[-1])
