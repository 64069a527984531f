"""``pipwriter self-test``: prove that this installation (or frozen build) has everything it needs.

Loads every resource and dependency, builds the demo article, saves and reopens it, exports its
bundle to a temporary folder and reads the documents back. Prints one line per check; exit 0/1.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path


def _templates() -> str:
    from .model.template import available_templates
    templates = available_templates()
    return f"{len(templates)} template(s): {', '.join(sorted(templates))}"


def _icmje() -> str:
    from .model.icmje import load_items
    return f"{len(load_items())} disclosure items"


def _spelling() -> str:
    from .model.spelling import SpellEngine
    engine = SpellEngine("en_GB", None)
    flagged = [w for _s, _e, w in engine.misspelt_spans("The paediatric programme recieved")]
    if flagged != ["recieved"]:
        raise RuntimeError(f"unexpected spelling result {flagged}")
    return "British English dictionary loaded"


def _qt() -> str:
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if os.name == "posix" and not _is_macos() and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(["pipwriter-self-test"])
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    if image.isNull() or app is None:
        raise RuntimeError("Qt could not create an image")
    return f"Qt {QtCore.qVersion()} ({app.platformName()})"


def _is_macos() -> bool:
    import sys
    return sys.platform == "darwin"


def _demo_roundtrip(workdir: Path) -> str:
    from .model.demo import demo_project
    from .model.project_file import load_project, save_project
    project = demo_project()
    path = save_project(project, workdir / "demo.pipw")
    again = load_project(path)
    if again.article != project.article or again.missing_media():
        raise RuntimeError("the demo article changed on save and reopen")
    return f"demo article saved and reopened ({path.stat().st_size // 1024} KB)"


def _export(workdir: Path) -> str:
    import docx

    from .export.bundle import export_bundle
    from .model.demo import demo_project
    project = demo_project()
    result = export_bundle(project, workdir / "bundle", draft=False, make_zip=True)
    article_docx = next(p for p in result.files if p.name.endswith(".docx"))
    text = "\n".join(p.text for p in docx.Document(str(article_docx)).paragraphs)
    if project.article.title not in text:
        raise RuntimeError("the exported article does not contain its title")
    return f"bundle exported and read back ({len(result.files)} files)"


def run_self_test(print_line: Callable[[str], None] = print) -> int:
    failures = 0
    with tempfile.TemporaryDirectory(prefix="pipwriter-selftest-") as tmp:
        workdir = Path(tmp)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("templates", _templates), ("disclosure items", _icmje), ("spelling", _spelling),
            ("Qt", _qt), ("project file", lambda: _demo_roundtrip(workdir)),
            ("export", lambda: _export(workdir)),
        ]
        for name, check in checks:
            try:
                print_line(f"ok    {name}: {check()}")
            except Exception as error:  # noqa: BLE001 - every failure is reported, not raised
                failures += 1
                print_line(f"FAIL  {name}: {error}")
                if os.environ.get("PIPWRITER_DEBUG"):
                    traceback.print_exc()
    print_line("self-test passed" if not failures else f"self-test failed ({failures})")
    return 1 if failures else 0
