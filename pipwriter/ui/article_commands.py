"""The Article menu's commands on the article's structure: add, rename, remove and move a
section, add a viewpoint, how words are counted, the questions ticked off, inserting a
citation, and the spelling menu from the keyboard. Each is one undoable change (``session.change``) made by the model's
:mod:`~pipwriter.model.article.structure`; the main window (``window.commands``) calls them
from its menus, navigator and section panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

from ..model.article import structure
from ..model.article.article import Article
from ..model.article.limits import HEADING_MAX
from ..model.article.text_surface import section_name
from ..model.rules.check_context import plural

if TYPE_CHECKING:
    from .dialogs import Dialogs
    from .main_window import MainWindow


class ArticleCommands:
    """The structure commands of one main window."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.session = window.session

    @property
    def dialogs(self) -> Dialogs:
        return self.window.dialogs

    def add_section(self) -> None:
        template = self.session.template
        keys = structure.missing_guidance_sections(self.session.article, template)
        labels = [template.section_spec(k).title for k in keys] + ["A section of our own…"]
        # every section of the guidance is there: straight to the heading of one of our own
        index = self.dialogs.ask_choice("Add a section", "Which section?", labels) \
            if keys else 0
        if index is None:
            return
        key, title = (keys[index], "") if index < len(keys) else ("", "")
        if not key:
            title = self.dialogs.ask_text("Add a section", "Heading of the new section:",
                                         max_length=HEADING_MAX) or ""
            if not title.strip():
                return
        current = self.window.current_section_id()
        try:
            section = self.session.change(
                f"Add “{title or labels[index]}”",
                lambda a: structure.add_section(a, template, key, title, current))
        except structure.LimitReached as error:
            self.dialogs.error("Add a section", str(error))
            return
        self.window.open_panel(f"section:{section.id}")

    def add_viewpoint(self) -> None:
        authors = self.session.article.authors
        if not authors:
            self.dialogs.error("Add a viewpoint", "Add the authors first (Authors and photos).")
            return
        index = self.dialogs.ask_choice("Add a viewpoint", "Whose viewpoint is it?",
                                        [a.name for a in authors])
        if index is None:
            return
        author_id, current = authors[index].id, self.window.current_section_id()
        try:
            section = self.session.change(
                f"Add {authors[index].name}'s viewpoint",
                lambda a: structure.add_viewpoint(a, self.session.template, [author_id],
                                                  current))
        except structure.LimitReached as error:
            self.dialogs.error("Add a viewpoint", str(error))
            return
        self.window.open_panel(f"section:{section.id}")

    def rename_section(self, section_id: str, title: str) -> None:
        self.session.change("Rename section",
                            lambda a: structure.rename_section(a, section_id, title))

    def rename_current(self) -> None:
        section = self.session.article.section(self.window.current_section_id())
        if section is None:
            return
        title = self.dialogs.ask_text("Rename section", "New heading:", section.title,
                                     max_length=HEADING_MAX)
        if title:
            self.rename_section(section.id, title)

    def remove_current(self) -> None:
        """Article › Remove section: asks first when the section has words in it."""
        section = self.session.article.section(self.window.current_section_id())
        if section is None:
            return
        words = self.session.section_words(section.id)
        if words and not self.dialogs.confirm(
                "Remove a section",
                f"Remove “{section_name(section)}” and the {plural(words, 'word')} in it? "
                "Edit › Undo (Ctrl+Z) brings it back.", yes="&Remove it", no="&Keep it",
                keep=True):
            return
        index = self.session.change(f"Remove “{section.title}”",
                                    lambda a: structure.remove_section(a, section.id))
        remaining = self.session.article.sections
        self.window.statusBar().showMessage(
            f"Removed “{section.title}”. Edit › Undo (Ctrl+Z) brings it back.", 8000)
        if remaining:
            self.window.open_panel(f"section:{remaining[min(index, len(remaining) - 1)].id}")
        # the keyboard in the list: there Ctrl+Z undoes the removal, as the message says (in
        # the text it would first take back typing there)
        self.window.navigator.setFocus()

    def move_current(self, delta: int) -> None:
        section_id = self.window.current_section_id()
        if section_id:
            self.session.change("Move section",
                                lambda a: structure.move_section(a, section_id, delta))
            self.window.navigator.select(f"section:{section_id}")

    def reorder_sections(self, order: list[str]) -> None:
        current = self.window.navigator.current_key()
        self.session.change("Move section", lambda a: structure.reorder_sections(a, order))
        self.window.navigator.select(current)

    def add_counting_menu(self, menu) -> dict:
        """Article › Count words as: Word's way or LibreOffice's; the actions by profile."""
        counting = menu.addMenu("Count &words as")
        actions = {}
        for profile, label in (("word", "&Microsoft Word does"),
                               ("libreoffice", "&LibreOffice Writer does")):
            action = counting.addAction(label)
            action.triggered.connect(lambda _c=False, p=profile: self.set_word_count_profile(p))
            action.setCheckable(True)
            actions[profile] = action
        self.show_counting(actions)
        return actions

    def show_counting(self, actions: dict) -> None:
        """The counting menu ticks the article's way of counting."""
        profile = self.session.article.settings.word_count_profile
        for key, action in actions.items():
            action.setChecked(key == profile)

    def set_word_count_profile(self, profile: str) -> None:
        """Count as the editors' word processor does (Word by default)."""
        def apply(article: Article) -> None:
            article.settings.word_count_profile = profile
        self.session.change("Change how words are counted", apply)

    def set_ticked(self, section_id: str, ticked: list[str]) -> None:
        section = self.session.article.section(section_id)
        if section is not None and section.ticked != ticked:
            section.ticked = list(ticked)
            self.session.set_modified(True)
            self.window.navigator.refresh_section(section_id)

    # --- citations --------------------------------------------------------------------------
    def suggest_spellings(self) -> bool:
        """Article › Spelling › Suggest spellings: the text box being typed in opens its menu
        at the text cursor, as the Menu key would (for keyboards without one)."""
        from .keyboard import typing_box
        from .spell_line_edit import keyboard_menu_event
        widget = typing_box(self.window)
        if not isinstance(widget, (QPlainTextEdit, QTextEdit)) or not self.window.isAncestorOf(widget):
            self.window.statusBar().showMessage("Put the text cursor in a word first, then "
                                                "choose Suggest spellings again.", 8000)
            return False
        QApplication.postEvent(widget.viewport(), keyboard_menu_event(widget))
        return True

    def insert_citation(self) -> None:
        references = self.session.article.references_in_order()
        if not references:
            self.dialogs.error("Insert citation", "There are no references yet. Add them in "
                                                  "the References panel, then cite them here.")
            return
        index = self.dialogs.ask_choice("Insert citation", "Which reference?",
                                        citation_choices(self.session.article))
        if index is None:
            return
        self.window.section_panel.editor.insert_citation([references[index].id])
        self.session.sync()
        self.session.refresh_citations()
        self.window.schedule_figures()


def citation_choices(article: Article) -> list[str]:
    """Insert citation's choices: each reference, numbered, as it will be printed (cut to 120
    characters), in the order they are cited."""
    from ..model.article.reference import format_bmj
    numbers = article.reference_numbers()
    return [f"{numbers[r.id]}. {format_bmj(r)[:120]}" for r in article.references_in_order()]
