"""Kill the real app while it is in use, then recover in a fresh process, as after a crash.

``CHILD`` starts the app on a file, waits until its window is active (keys go to the active
window, as a user's do), then calls ``use(window)``: the test gives that function's code,
which prints a line when it has done what should be kept safe.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pipwriter.app import _application_class, run_app
app = _application_class()([sys.argv[0]])

def start():
    controller = QApplication.instance().controller
    if not controller or not controller.windows:
        QTimer.singleShot(50, start)
        return
    window = controller.windows[0]
    if not window.isActiveWindow():
        window.activateWindow()
        QTimer.singleShot(50, start)
        return
    use(window)

{use}

QTimer.singleShot(0, start)
del app
run_app([{path!r}])
"""


def kill_once_used(use: str, path: Path, env: dict, ready: str, settle: float) -> None:
    """Run the app on ``path`` with ``use`` (code defining ``use(window)``), wait for the line
    ``ready``, give the app ``settle`` seconds, then SIGKILL it."""
    script = CHILD.format(root=str(ROOT), use=use, path=str(path))
    child = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == ready, child.stderr.read()[-2000:]
        time.sleep(settle)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def recovered(env: dict, expression: str) -> object:
    """``expression`` (of ``article``, each recovered article) for every set of unsaved work a
    fresh process finds, as JSON."""
    code = ("import json\n"
            "from pipwriter.model.storage.recovery import find_recoveries, load_recovery\n"
            "found = [load_recovery(e).article for e in find_recoveries()]\n"
            f"print(json.dumps([({expression}) for article in found]))\n")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=120, cwd=str(ROOT))
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
