"""Started by bench_startup.py in a fresh process: the floor any PySide6 app pays on this machine.

``python benchmarks/_startup_floor.py TEXT_FILE`` with ``PIPWRITER_BENCH_T0`` (the parent's
``time.time()`` just before it started this process) in the environment. A bare Qt app: a
QApplication, a QMainWindow holding a QTextEdit that shows the demo article's text (read from
``TEXT_FILE``, written by the parent), shown and painted. It prints one JSON line of seconds
since T0, measured as ``_startup_probe.py`` measures PiP Writer:

- ``ready``: the interpreter is running this script;
- ``window``: the text box has been painted for the first time (the next event-loop turn after
  its viewport's first Paint event, as the probe does).

PiP Writer's window time minus this is the part of the start that is ours.
"""

import time

READY = time.time()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

T0 = float(os.environ.get("PIPWRITER_BENCH_T0", READY))


def main() -> None:
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit

    times = {"ready": READY - T0}

    def painted() -> None:
        times["window"] = time.time() - T0
        print(json.dumps(times), flush=True)
        os._exit(0)

    class Watcher(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == event.Type.Paint:
                QTimer.singleShot(0, painted)
            return False

    app = QApplication([sys.argv[0]])
    with open(sys.argv[1], encoding="utf-8") as handle:
        text = handle.read()
    window = QMainWindow()
    editor = QTextEdit()
    editor.setPlainText(text)
    window.setCentralWidget(editor)
    watcher = Watcher()
    editor.viewport().installEventFilter(watcher)
    window.resize(1160, 720)
    window.show()
    QTimer.singleShot(30_000, lambda: (print(json.dumps({"error": "timed out"}), flush=True),
                                       os._exit(0)))
    app.exec()


if __name__ == "__main__":
    main()
