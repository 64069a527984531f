"""The article's title and standfirst (the short summary under the title)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ..model.article.limits import TITLE_MAX
from .list_form_tab import PlainEdit, form_handler
from .spell_line_edit import SpellLineEdit, mark_field, session_spelling


class TitlePanel(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.session = window.session
        panel = self.session.template.panels.get("title")
        intro = QLabel(panel.prompt if panel else "")
        intro.setWordWrap(True)
        self.title_edit = SpellLineEdit(self.session.spelling, self.session.ignore_word,
                                        field="title", accessible_name="Article title")
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.editingFinished.connect(self._apply)
        self.standfirst = mark_field(PlainEdit(), "standfirst")
        self.standfirst.setAccessibleName("Standfirst (if you wish)")
        session_spelling(self.standfirst, self.session)
        self.standfirst.setTabChangesFocus(True)
        self.standfirst.setPlaceholderText("The standfirst: one or two lines under the title. "
                                           "Say what the article is about and who wrote it.")
        self.standfirst.setMaximumHeight(120)
        self.standfirst.editingFinished.connect(self._apply)     # on leaving the box
        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Standfirst (if you wish):", self.standfirst)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Title and standfirst</h2>"))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.form_parts = (form,)   # held: see ListFormTab.lay_out
        self.refresh()

    def refresh(self) -> None:
        article = self.session.article
        if self.title_edit.text() != article.title:
            # a file from elsewhere may hold a longer title: never cut what is already there
            self.title_edit.setMaxLength(max(TITLE_MAX, len(article.title)))
            self.title_edit.setText(article.title)
        if self.standfirst.toPlainText() != article.standfirst:
            self.standfirst.setPlainText(article.standfirst)

    @form_handler
    def _apply(self) -> None:
        title = self.title_edit.text().strip()
        standfirst = self.standfirst.toPlainText().strip()
        article = self.session.article
        if (title, standfirst) == (article.title, article.standfirst):
            return

        def apply(a):
            a.title, a.standfirst = title, standfirst
        self.session.change("Edit title", apply)
        self.window_._update_title()
