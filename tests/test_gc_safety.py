"""Garbage collection never deletes a window's parts (see tests/gc_walk.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_collections_during_the_walk_leave_every_window_whole(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PIPWRITER_USER_DIR=str(tmp_path),
               PYTHONPATH=os.pathsep.join([str(HERE.parent), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-X", "faulthandler", str(HERE / "gc_walk.py")],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
