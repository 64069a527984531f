"""Article › Spelling (check as I type, suggestions, the language), and telling the user, once,
when spelling cannot work.

Spelling cannot work when a word list of the installation is missing or damaged
(language_lists.py). The window still opens and everything else works: no word is underlined,
the checklist says spelling has not been checked, and "Check spelling as I type" is greyed out
until a language whose lists can be read is chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ..model.language.spelling import LANGUAGES

if TYPE_CHECKING:
    from .main_window import MainWindow

NOTICE_TITLE = "Spelling is off"


class SpellingControls:
    """The Spelling menu of ``window``; follows its spelling engine (held while the window is)."""

    def __init__(self, window: MainWindow, article_menu: QMenu):
        self._window = window
        self._told: object | None = None      # the lists the user was told about
        session = window.session
        menu = article_menu.addMenu("S&pelling")
        add = window._action            # the window's one way of making a menu item
        self.as_you_type = add(menu, "&Check spelling as I type", self._toggle, "Ctrl+Alt+S")
        self.as_you_type.setCheckable(True)
        self.as_you_type.setChecked(session.spelling.enabled)
        add(menu, "&Suggest spellings for this word", window.commands.suggest_spellings,
            tip="Spelling ideas for the word at the cursor. Shift+F10 or the Menu key show them "
                "too.")
        self.languages: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = add(menu, f"&{name}", lambda _c=False, c=code: session.set_spelling_language(c))
            action.setCheckable(True)
            self.languages[code] = action
        self.show_language()
        session.spelling.add_listener(self.spelling_changed)
        self.spelling_changed()

    def _toggle(self) -> None:
        self._window.session.spelling.set_enabled(self.as_you_type.isChecked())

    def show_language(self) -> None:
        """Tick the article's spelling language (it may have changed by undo or a merge)."""
        language = self._window.session.article.settings.spelling_language
        for code, action in self.languages.items():
            action.setChecked(code == language)

    def spelling_changed(self) -> None:
        """Never waits for the word lists: until they are read there is nothing to say."""
        window = self._window
        lists = window.session.spelling.lists
        damaged = lists.ready() and not lists.loaded()
        self.as_you_type.setEnabled(not damaged)
        if not damaged or lists is self._told:
            return
        self._told = lists
        text = (f"PiP Writer cannot check spelling. {lists.damage()}\n\n"
                "Until then, no words are underlined, and the checklist says that spelling has "
                "not been checked. Everything else works as usual, and your writing is safe.")
        # after the change that found it has finished (it may come from inside a paint)
        QTimer.singleShot(0, window, lambda: window.dialogs.error(NOTICE_TITLE, text))
