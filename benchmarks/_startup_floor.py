"""Started by bench_startup.py in a fresh process: the floor any PySide6 app pays on this machine.

``python benchmarks/_startup_floor.py TEXT_FILE`` with ``PIPWRITER_BENCH_T0`` (the parent's
``time.time()`` just before it started this process) in the environment. A bare Qt app: a
QApplication, a QMainWindow holding a QTextEdit that shows the demo article's text (read from
``TEXT_FILE``, written by the parent), shown and painted. It prints one JSON line of seconds
since T0, measured as ``_startup_probe.py`` measures PiP Writer:

- ``ready``: the interpreter is running this script;
- ``window``: the text box has been painted for the first time (its ``paintEvent`` has returned,
  as the probe measures: ``_first_paint.py``).

PiP Writer's window time minus this is the part of the start that is ours.
"""

import time

READY = time.time()

import os  # noqa: E402
import sys  # noqa: E402

T0 = float(os.environ.get("PIPWRITER_BENCH_T0", READY))


def main() -> None:
    from _first_paint import report_first_paint
    from PySide6 import QtCore
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit

    class Editor(QTextEdit):       # a class of its own, so the probe can watch its paint
        pass

    app = QApplication([sys.argv[0]])
    watcher = report_first_paint(QtCore, Editor, {"ready": READY - T0}, T0)  # noqa: F841
    with open(sys.argv[1], encoding="utf-8") as handle:
        text = handle.read()
    window = QMainWindow()
    editor = Editor()
    editor.setPlainText(text)
    window.setCentralWidget(editor)
    window.resize(1160, 720)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
