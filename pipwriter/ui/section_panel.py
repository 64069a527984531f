"""The writing panel: the guidance in plain words beside the text, with questions to tick off."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..model.article.limits import HEADING_MAX
from .colours import CHECKED_BUTTONS
from .comment_marks import CommentMarks
from .cursor_reports import CursorReports
from .form_guard import form_handler
from .richtext_bridge import standing_text
from .spell_line_edit import SpellLineEdit, mark_field
from .text_editor import TextEditor

EDITOR_CHARACTERS = 36      # the text is at least this wide beside the guidance


class SectionPanel(QWidget):
    renameRequested = Signal(str, str)        # section id, new title
    tickedChanged = Signal(str, list)         # section id, ticked question ids
    assigneeChanged = Signal(str, str)        # section id, author id ("" = nobody)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.section_id = ""
        self._loading = False

        self.title_edit = SpellLineEdit(session.spelling, session.ignore_word, field="heading",
                                        accessible_name="Section heading")
        self.title_edit.setMaxLength(HEADING_MAX)
        self.title_edit.setToolTip("The heading of this section as it will appear in the article")
        self.title_edit.editingFinished.connect(self._rename)
        self.owner_label = QLabel()
        self.owner_label.setWordWrap(True)
        self.owner_label.setAccessibleDescription("Whose viewpoint")
        self.assignee_combo = QComboBox()
        self.assignee_combo.setAccessibleName("Written by")
        self.assignee_combo.setToolTip("Which co-author is writing this section")
        self.assignee_combo.activated.connect(self._assignee_chosen)

        self.editor = mark_field(TextEditor(), "body")
        # the word being typed is underlined once the cursor leaves it (spell_highlighter)
        self.cursor_reports = CursorReports(
            self.editor, lambda: self.session.highlighters.get(self.section_id))
        self.comment_marks = CommentMarks(self.editor, session)    # words commented on, shaded
        self.editor.setViewportMargins(8, 4, 8, 4)
        self.toolbar = QToolBar("Formatting")
        self.toolbar.setAccessibleName("Formatting")
        self.toolbar.setStyleSheet(CHECKED_BUTTONS)     # Bold, Italic, Bulleted list: on or off
        for action in (self.editor.bold_action, self.editor.italic_action,
                       self.editor.bullet_action, self.editor.cite_action,
                       self.editor.quote_action):
            self.toolbar.addAction(action)

        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt.setAccessibleDescription("Guidance for this section")
        self.questions_label = QLabel("Questions to cover — tick them off as you go:")
        self.questions_label.setWordWrap(True)
        self.questions = QListWidget()
        self.questions.setAccessibleName("Questions to cover")
        self.questions.setWordWrap(True)
        self.questions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # each question wraps whole as the list narrows: cut short, "How did the partners…
        # start?" asked something else (found by a walk at the largest text)
        self.questions.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.questions.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.questions.itemChanged.connect(self._ticked)
        self.coverage = QLabel()
        self.coverage.setWordWrap(True)
        self.coverage.setAccessibleDescription("Questions covered")
        self.readability = QLabel()
        self.readability_later = False      # True: worked out once the window is painted
        self.readability.setWordWrap(True)
        self.readability.setAccessibleDescription("How easy this section is to read")
        self.readability.setToolTip("Reading ease: 60 or more is plain English, easy for "
                                    "most to read. Short sentences and everyday words help.")

        guide = QWidget()
        guide_layout = QVBoxLayout(guide)
        heading = QLabel("<b>What to write here</b>")
        heading.setWordWrap(True)
        guide_layout.addWidget(heading)
        guide_layout.addWidget(self.prompt)
        guide_layout.addWidget(self.questions_label)
        guide_layout.addWidget(self.questions, 1)
        guide_layout.addWidget(self.coverage)
        guide_layout.addWidget(self.readability)
        guide_layout.addStretch()   # takes the room only when there is no list of questions
        guide.setMinimumWidth(220)

        writing = QWidget()
        writing_layout = QVBoxLayout(writing)
        writing_layout.setContentsMargins(0, 0, 0, 0)
        from .screen_fit import SplitterTurn
        title_row = QHBoxLayout()               # "Written by" under the heading when narrow
        heading_pair, writer_pair = QHBoxLayout(), QHBoxLayout()
        heading_label = QLabel("Hea&ding:")
        heading_label.setBuddy(self.title_edit)
        heading_pair.addWidget(heading_label)
        heading_pair.addWidget(self.title_edit, 1)
        writer_label = QLabel("&Written by:")
        writer_label.setBuddy(self.assignee_combo)
        writer_pair.addWidget(writer_label)
        writer_pair.addWidget(self.assignee_combo, 1)
        title_row.addLayout(heading_pair, 1)
        title_row.addLayout(writer_pair)
        self._size_boxes()
        writing_layout.addLayout(title_row)
        writing_layout.addWidget(self.owner_label)
        writing_layout.addWidget(self.toolbar)
        writing_layout.addWidget(self.editor, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("sectionSplitter")
        self.splitter.addWidget(writing)
        from .screen_fit import scrolling
        # the guidance scrolls when it is long (held here: see screen_fit.make_scrollable)
        self.guide_area = guide_area = scrolling(guide, sideways=False)
        guide_area.setMinimumWidth(guide.minimumWidth()
                                   + guide_area.verticalScrollBar().sizeHint().width())
        self.splitter.addWidget(guide_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        # the guidance under the text when there is no room for both side by side
        self.turn = SplitterTurn(self.splitter, lambda: (
            self.editor.fontMetrics().averageCharWidth() * EDITOR_CHARACTERS
            + guide_area.minimumWidth() + self.splitter.handleWidth()), (3, 1), (title_row,))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _size_boxes(self) -> None:
        """The heading and writer boxes never squeezed to a few letters (screen_fit)."""
        from .screen_fit import FIELD_CHARACTERS
        for box in (self.title_edit, self.assignee_combo):
            box.setMinimumWidth(box.fontMetrics().averageCharWidth() * FIELD_CHARACTERS)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._size_boxes()

    def show_section(self, section_id: str) -> None:
        section = self.session.article.section(section_id)
        if section is None:
            return
        self._loading = True
        self.cursor_reports.left()          # the section shown until now
        self.section_id = section_id
        self.editor.setDocument(self.session.document(section_id))
        self.editor.spelling_menu_hook = self._spelling_menu
        self.title_edit.setMaxLength(max(HEADING_MAX, len(section.title)))   # never cut it
        self.title_edit.setText(section.title)
        self._fill_assignees(section)
        spec = self.session.template.section_spec(section.key)
        self.prompt.setText(spec.prompt if spec else "Write this part in your own words.")
        viewpoint = section.kind == "viewpoint"
        owners = self.session.article.viewpoint_owner_names(section)
        self.owner_label.setVisible(viewpoint)
        self.owner_label.setText(f"This is the viewpoint of <b>{owners or 'no one yet'}</b>. "
                                 "Write it in their own voice.")
        self.questions_label.setText("Topics this partner could cover — tick the ones you have:"
                                     if viewpoint else
                                     "Questions to cover — tick them off as you go:")
        self.questions.clear()
        asked = bool(spec and spec.questions)       # a section of our own has none to tick
        self.questions_label.setVisible(asked)
        self.questions.setVisible(asked)
        for question in spec.questions if spec else ():
            item = QListWidgetItem(question.text)
            item.setData(Qt.ItemDataRole.UserRole, question.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if question.id in section.ticked
                               else Qt.CheckState.Unchecked)
            self.questions.addItem(item)
        self._update_coverage()
        self.update_readability()
        self.comment_marks.show(section_id)
        self._loading = False

    def focus_editor(self) -> None:
        """Put the keyboard focus in the text, with the cursor after the last word."""
        self.editor.move_to_end()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_assignees(self, section) -> None:
        combo = self.assignee_combo
        combo.blockSignals(True)
        combo.clear()
        # a viewpoint is its owner's to write until someone else is chosen ("Show only my
        # sections" lists it as theirs): not "Nobody yet" under "This is the viewpoint of …"
        owners = self.session.article.viewpoint_owner_names(section) \
            if section.kind == "viewpoint" else ""
        combo.addItem(f"{owners}, whose viewpoint it is" if owners else "Nobody yet", "")
        for author in self.session.article.authors:
            combo.addItem(author.name or "Unnamed author", author.id)
        combo.setCurrentIndex(max(combo.findData(section.assignee), 0))
        combo.blockSignals(False)

    def _assignee_chosen(self, _index: int) -> None:
        section = self.session.article.section(self.section_id)
        chosen = self.assignee_combo.currentData() or ""
        if section is not None and not self._loading and chosen != section.assignee:
            self.assigneeChanged.emit(self.section_id, chosen)

    def update_readability(self) -> None:
        """Reading ease of the text as it is now (called when the typing pauses, not per key)."""
        if self.readability_later:
            return
        from ..model.language.readability import PLAIN_ENGLISH_FRE, analyse, describe
        # the text as it stands: suggestions still waiting do not count
        figures = analyse(standing_text(self.editor.document()).replace("\ufffc", ""))
        if figures.reading_ease is None:
            self.readability.setText("")
            return
        text = (f"<b>Reading ease {figures.reading_ease:.0f}</b> "
                f"(plain English is {PLAIN_ENGLISH_FRE[0]:.0f} or more): "
                f"{describe(figures.reading_ease)}.")
        if figures.longest_sentences:
            sentence, words = figures.longest_sentences[0]
            start = " ".join(sentence.split()[:8])
            text += f"<br>Longest sentence: {words} words, “{start}…”"
        self.readability.setText(text)

    def _spelling_menu(self, menu, pos) -> None:
        from .spell_menu import add_spelling_actions
        highlighter = self.session.highlighters.get(self.section_id)
        if highlighter is not None:
            add_spelling_actions(menu, self.editor, self.session.spelling, highlighter, pos,
                                 on_ignore=self.session.ignore_word)

    def _ticked_ids(self) -> list[str]:
        return [self.questions.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.questions.count())
                if self.questions.item(r).checkState() == Qt.CheckState.Checked]

    def _update_coverage(self) -> None:
        total = self.questions.count()
        self.coverage.setText(f"Covered {len(self._ticked_ids())} of {total}." if total else "")

    def _ticked(self, _item) -> None:
        if not self._loading:
            self._update_coverage()
            self.tickedChanged.emit(self.section_id, self._ticked_ids())

    @form_handler
    def _rename(self) -> None:
        section = self.session.article.section(self.section_id)
        title = self.title_edit.text().strip()
        if section is not None and title and title != section.title:
            self.renameRequested.emit(self.section_id, title)
        elif section is not None and not title:
            self.title_edit.setMaxLength(max(HEADING_MAX, len(section.title)))   # never cut it
        self.title_edit.setText(section.title)
