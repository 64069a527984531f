"""Illustrations (pictures with caption, alt text, credit) and media clips (files or links).

Two tabs, each a list and a form for the chosen item (:mod:`.illustrations_tab`,
:mod:`.clips_tab`). Every edit is one undoable step (``session.change``). The rules (the
template's limit, discouraged kinds, clip sizes, links) live in :mod:`pipwriter.model.rules.media_rules`;
this panel only shows them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from .clips_tab import ClipsTab
from .illustrations_tab import IllustrationsTab
from .list_form_tab import ListFormTab


class IllustrationsPanel(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.session = window.session
        panel = self.session.template.panels.get("illustrations")
        intro = QLabel(panel.prompt if panel else "")
        intro.setWordWrap(True)
        self.illustrations = IllustrationsTab(window)
        self.clips = ClipsTab(window)
        self.tabs = QTabWidget()
        # both tabs always in full: the panel is as wide as they need, and scrolls sideways
        # rather than hide one behind Qt's little arrows (largest text at 200 %)
        self.tabs.setUsesScrollButtons(False)
        for tab in self._tabs():
            self.tabs.addTab(tab, tab.title())
            tab.refreshed.connect(lambda tab=tab: self._show_title(tab))
            tab.showRequested.connect(lambda tab=tab: self.tabs.setCurrentWidget(tab))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Illustrations and clips</h2>"))
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _tabs(self) -> tuple[ListFormTab, ...]:
        return (self.illustrations, self.clips)

    def _show_title(self, tab: ListFormTab) -> None:
        self.tabs.setTabText(self.tabs.indexOf(tab), tab.title())
        # pictures and clips are counted together: the other tab's count changes too
        for other in (self.illustrations, self.clips):
            other.show_limit()

    def refresh(self) -> None:
        for tab in self._tabs():
            tab.refresh()

    def focus_item(self, item_id: str) -> None:
        """Show the tab holding the illustration or clip ``item_id`` and choose it."""
        for tab in self._tabs():
            if tab.focus_item(item_id):
                return
