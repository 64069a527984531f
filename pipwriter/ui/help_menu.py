"""The Help menu's windows for one main window: the help pages (each in a window that can stay
open beside the article, made once and shown again), About, and Report a problem.

The pages themselves (:mod:`.help_dialogs`) are imported when one is first asked for, so the
main window does not make their PySide6 classes at start-up (issue 23).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..resources import resource

if TYPE_CHECKING:
    from .help_dialogs import HelpDialog
    from .main_window import MainWindow


class HelpWindows:
    """The Help menu of one main window (see the module docstring)."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.pages: dict[str, HelpDialog] = {}

    def show(self, page: str) -> HelpDialog:
        """Help › Getting started (F1) ``"start"``, the series' guidance ``"guidance"``, or the
        keyboard shortcuts ``"keys"``."""
        from .help_dialogs import HelpDialog, getting_started_html, guidance_html, shortcuts_html
        window = self.window
        pages = {"start": ("Getting started", getting_started_html),
                 "guidance": ("The series' guidance",
                              lambda: guidance_html(window.session.template)),
                 "keys": ("Keyboard shortcuts", lambda: shortcuts_html(window))}
        title, make = pages[page]
        dialog = self.pages.get(page)
        if dialog is None:
            dialog = self.pages[page] = HelpDialog(title, make(), window)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def report_problem(self) -> None:
        """Help › Report a problem…: the details to send, with Copy and Open log folder."""
        from .problem_report import show_problem_report
        show_problem_report(self.window)

    def about(self) -> None:
        from .. import APP_NAME, __version__
        from ..logs import log_file
        licences = resource("dictionaries", "LICENCES.md")
        self.window.dialogs.info(
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nWrite a Partnership in Practice article for The BMJ "
            "with your co-authors. Then make all the editors need.\n\n"
            "Your work stays on this computer. PiP Writer sends nothing over the internet.\n\n"
            "Free software under the MIT licence. The spelling word lists keep their own "
            f"licences, listed in {licences}.\n\n"
            "If something goes wrong, tell whoever gave you PiP Writer what you were doing, "
            f"and send them the log file named below.\n\nLog file: {log_file()}")
