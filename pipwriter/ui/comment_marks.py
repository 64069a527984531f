"""The words an open comment is on are shaded in the section's text, as Word shades them.

A walk found that a patient reading their own section could not see where a co-author had
commented: only the preview marked the words. Each open comment on the section shown now has
its words on a pale background (black text on it: 17:1, ``colours.COMMENTED``). The shading is
Qt's extra selections, which move with the text as it is typed, so nothing is worked out while
typing: only when another section is shown or a change to the article (a comment added,
resolved, reopened; an undo) is made.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QTextEdit

from ..model.article.text_surface import TextField
from ..model.language.utf16 import utf16_spans
from ..model.rules.findings import Where
from .colours import COMMENTED


class CommentMarks(QObject):
    """Shades the words of the open comments on the section ``editor`` shows."""

    def __init__(self, editor: QTextEdit, session, parent: QObject | None = None) -> None:
        super().__init__(parent or editor)
        self.editor, self.session = editor, session
        self.section_id = ""
        session.structureChanged.connect(self.refresh)   # every change, undo and redo

    def show(self, section_id: str) -> None:
        self.section_id = section_id
        self.refresh()

    def refresh(self) -> None:
        where = Where("section", self.section_id, field="body")
        comments = [c for c in self.session.article.comments if not c.resolved and
                    c.where.key() == where.key() and c.where.field == "body"]
        if not comments:
            if self.editor.extraSelections():
                self.editor.setExtraSelections([])
            return
        from ..model.coauthoring.comments import locate  # not at start: only with comments
        document = self.editor.document()
        blocks, block = [], document.begin()
        while block.isValid():
            blocks.append(block.text())
            block = block.next()
        # the words as the editor holds them now (the model may not have the last typing)
        fields = {(where.key(), "body"): TextField(where, tuple(blocks), rich=True)}
        shaded = QColor(COMMENTED)
        selections = []
        for comment in comments:
            anchor = locate(self.session.article, comment, fields)
            if anchor is None:
                continue
            found = document.findBlockByNumber(anchor.block)
            [(first, last, _tag)] = utf16_spans(found.text(), [(anchor.start, anchor.end, "")])
            cursor = QTextCursor(document)
            cursor.setPosition(found.position() + first)
            cursor.setPosition(found.position() + last, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format.setBackground(shaded)
            selections.append(selection)
        self.editor.setExtraSelections(selections)
