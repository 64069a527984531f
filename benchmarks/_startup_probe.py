"""Started by bench_startup.py in a fresh process: the app as a user starts it, with a file.

``python benchmarks/_startup_probe.py ARTICLE.pipw`` with ``PIPWRITER_BENCH_T0`` (the parent's
``time.time()`` just before it started this process) in the environment. Runs the real start-up
(``pipwriter.app.run_app``, as the ``pipwriter`` command does), importing nothing of the app's
before the app does (the editor's paints are watched from the moment its module has run:
:class:`WhenImported`), and prints one JSON line of seconds since T0:

- ``ready``: the interpreter is running this script;
- ``window``: the main window has been painted for the first time with the article open (its
  editor's ``paintEvent`` has returned: ``_first_paint.py``);
- ``figures``: the window's figures (words, references...) are in its figures strip: the app
  shows the text first and works these out on the event-loop turn after the first paint;
- ``underline``: a misspelt word typed then has been painted with its red underline;
- ``rss_open_mb``: peak resident memory at that point; ``rss_panels_mb``: after every panel and
  section of the article has been opened once (the app in use).

Nothing is saved: the process ends with ``os._exit`` once the figures are printed.
"""

import time

READY = time.time()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
T0 = float(os.environ.get("PIPWRITER_BENCH_T0", READY))
MISSPELT = " recieve "


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (1024 x 1024 bytes)."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                        ("PeakWorkingSetSize", ctypes.c_size_t),
                        ("WorkingSetSize", ctypes.c_size_t),
                        ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                        ("QuotaPagedPoolUsage", ctypes.c_size_t),
                        ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                        ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                        ("PagefileUsage", ctypes.c_size_t),
                        ("PeakPagefileUsage", ctypes.c_size_t)]
        counters = Counters()
        counters.cb = ctypes.sizeof(counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()
        ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
        return counters.PeakWorkingSetSize / 1048576
    if sys.platform.startswith("linux"):
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec() from the forked parent,
        # so a probe started by a big benchmark runner would report the runner's size.
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1048576 if sys.platform == "darwin" else peak / 1024   # bytes / kilobytes


class Probe:
    """Watches the editor of the first window opened and records when things are painted."""

    def __init__(self):
        self.app = None
        self.window = None
        self.watcher = None
        self.times: dict[str, float] = {"ready": READY - T0}
        self.stage = "window"
        # a thread, not a QTimer: nothing of Qt is loaded before the app loads it
        self.timeout = threading.Timer(
            30, lambda: self.finish(f"timed out at stage {self.stage}"))
        self.timeout.daemon = True
        self.timeout.start()

    def watch(self, editor_class) -> None:
        """Called as soon as the editor's module has run (:class:`WhenImported`): the editor's
        paints are watched before any editor is made (see _first_paint.py)."""
        from _first_paint import when_painted
        from PySide6 import QtCore
        self.watcher = when_painted(QtCore, editor_class, self.painted)

    def find_window(self) -> None:
        """The first article window the app opened (``run_app`` gives the app its controller)."""
        if self.window is None:
            from PySide6.QtWidgets import QApplication
            self.app = QApplication.instance()
            controller = getattr(self.app, "controller", None)
            if controller is not None and controller.windows:
                self.window = controller.windows[0]

    def painted(self, now: float) -> None:
        """The editor has painted (at ``now``): the next step on the next event-loop turn."""
        from PySide6.QtCore import QTimer
        self.find_window()
        if self.window is not None:
            QTimer.singleShot(0, lambda: self.step(now - T0))

    def step(self, now: float) -> None:
        try:
            self._painted(now)
        except Exception as error:  # noqa: BLE001 - report it in the figures and stop
            self.finish(f"{self.stage}: {type(error).__name__}: {error}")

    def _painted(self, now: float) -> None:
        if self.stage == "window":
            self.times["window"] = now
            self.stage = "underline"
            self.wait_for_figures()
            self.type_misspelling()
        elif self.stage == "underline" and self.underlined():
            self.times["underline"] = now
            self.times["rss_open_mb"] = peak_rss_mb()
            self.stage = "panels"
            self.visit_panels()

    def wait_for_figures(self) -> None:
        """Record when the figures strip has the figures (looked at every event-loop turn)."""
        from PySide6.QtCore import QTimer
        if self.window.figures is not None:
            self.times["figures"] = time.time() - T0
        else:
            QTimer.singleShot(0, self.wait_for_figures)

    def type_misspelling(self) -> None:
        from PySide6.QtGui import QTextCursor
        editor = self.window.section_panel.editor
        editor.moveCursor(QTextCursor.MoveOperation.End)
        editor.textCursor().insertText(MISSPELT)
        editor.ensureCursorVisible()

    def underlined(self) -> bool:
        from PySide6.QtGui import QTextCharFormat
        block = self.window.section_panel.editor.document().lastBlock()
        wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        return any(r.format.underlineStyle() == wavy for r in block.layout().formats())

    def visit_panels(self) -> None:
        from pipwriter.ui.navigator import PANELS
        window = self.window
        keys = [f"section:{s.id}" for s in window.session.article.sections] + list(PANELS)
        for key in keys:
            window.open_panel(key)
            self.app.processEvents()
        self.times["rss_panels_mb"] = peak_rss_mb()
        self.finish()

    def finish(self, error: str = "") -> None:
        if error:
            self.times["error"] = error
        print(json.dumps(self.times), flush=True)
        sys.stderr.flush()
        os._exit(0)


class WhenImported:
    """Calls ``then(module)`` right after the module called ``name`` has run, when the app
    first imports it: the probe imports nothing of the app's before the app does, so the start
    measured is the app's own (``run_app`` pauses the garbage collector before its imports)."""

    def __init__(self, name: str, then) -> None:
        self.name, self.then = name, then

    def find_spec(self, name, path, target=None):
        if name != self.name:
            return None
        import importlib.machinery
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            run = spec.loader.exec_module

            def exec_module(module):
                run(module)
                self.then(module)
            spec.loader.exec_module = exec_module
        return spec


def main() -> None:
    from pipwriter.app import run_app

    probe = Probe()
    sys.meta_path.insert(0, WhenImported("pipwriter.ui.text_editor",
                                         lambda module: probe.watch(module.TextEditor)))
    run_app(sys.argv[1:])
    probe.finish("the app closed before the figures were taken")


if __name__ == "__main__":
    main()
