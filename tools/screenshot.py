"""Take a screenshot of the main window with the demo article (for README and docs).

Run under a real X server: ``xvfb-run -s "-screen 0 1400x900x24" python tools/screenshot.py OUT.png``.

``--fit`` leaves the window at the size the app gives it on that screen (the whole screen is
shot), and ``--wizard`` shows the new-article wizard's authors page instead (Debian needs
``xvfb`` and Qt's ``libxcb-cursor0``; set PIPWRITER_USER_DIR to an empty folder so no saved
window size is used)::

    xvfb-run -s "-screen 0 1366x768x24" python tools/screenshot.py docs/screenshot-main-1366x768.png --fit
    xvfb-run -s "-screen 0 1024x600x24" python tools/screenshot.py docs/screenshot-wizard-1024x600.png --wizard
    xvfb-run -s "-screen 0 1400x900x24" python tools/screenshot.py docs/screenshot-preview.png --preview

``--preview`` opens View › Preview the whole article beside the main window, with the words
that count shaded.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    out = args[0] if args else "docs/screenshot-main.png"
    panel = args[1] if len(args) > 1 else ""
    app = QApplication(sys.argv[:1])
    if "--wizard" in flags:
        return _wizard(app, out)
    from pipwriter.ui.app_controller import AppController
    controller = AppController()
    window = controller.open_demo()
    if "--fit" not in flags:
        window.resize(1360, 860)
        window.move(20, 20)
    if panel:
        window.open_panel(panel)
    else:
        window.open_panel(f"section:{window.session.article.viewpoints()[1].id}")
    if "--preview" in flags:
        from pipwriter.ui.preview import show_preview
        window.resize(700, 860)
        preview = show_preview(window)
        preview.mark_box.setChecked(True)
        preview.resize(660, 860)
        preview.move(730, 20)

    def shoot():
        screen = app.primaryScreen()
        size = screen.geometry().size() if "--fit" in flags else None
        image = screen.grabWindow(0, 0, 0, size.width() if size else 1400,
                                  size.height() if size else 900)
        image.save(out)
        window.session.set_modified(False)
        app.quit()
    QTimer.singleShot(1500, shoot)
    return app.exec()


def _wizard(app, out: str) -> int:
    """The new-article wizard on its authors page, two authors typed in."""
    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.new_article_wizard import NewArticleWizard
    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))
    wizard.show()
    wizard.title_page.title_edit.setText("Walking together after a stroke")
    wizard.next()
    table = wizard.authors_page.table
    table.item(0, 0).setText("Dr Asha Patel")
    table.item(1, 0).setText("Sam Jones")
    table.setFocus()

    def shoot():
        screen = app.primaryScreen()
        size = screen.geometry().size()
        screen.grabWindow(0, 0, 0, size.width(), size.height()).save(out)
        wizard.confirm_discard = lambda: True
        app.quit()
    QTimer.singleShot(1500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
