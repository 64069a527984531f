"""Take a screenshot of the main window with the demo article (for README and docs).

Run under a real X server: ``xvfb-run -s "-screen 0 1400x900x24" python tools/screenshot.py OUT.png``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    out = sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot-main.png"
    panel = sys.argv[2] if len(sys.argv) > 2 else ""
    app = QApplication(sys.argv[:1])
    from pipwriter.ui.app_controller import AppController
    controller = AppController()
    window = controller.open_demo()
    window.resize(1360, 860)
    window.move(20, 20)
    if panel:
        window.open_panel(panel)
    else:
        window.open_panel(f"section:{window.session.article.viewpoints()[1].id}")

    def shoot():
        screen = app.primaryScreen()
        image = screen.grabWindow(0, 0, 0, 1400, 900)
        image.save(out)
        window.session.set_modified(False)
        app.quit()
    QTimer.singleShot(1500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
