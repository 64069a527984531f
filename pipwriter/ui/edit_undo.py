"""Edit › Undo and Edit › Redo say and do what Ctrl+Z and Ctrl+Shift+Z do where the keyboard is.

In a text box with edits to undo (the article's text, a heading, a key message), the keys take
back the last edit there (typing one word at a time, a citation, a key-quote flag), and the menu
items read "Undo in the text" and are available. Anywhere else, or when the box has nothing
left to undo, they undo the last change to the article's parts ("Undo Add “What we learnt”").
Before, the menu showed only the article's changes: it was greyed out while Ctrl+Z in the text
still worked, so the menu was wrong about what could be undone (found by a walk of the app).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

from .keyboard import typing_box

if TYPE_CHECKING:
    from .main_window import MainWindow

TYPING = "typing"


class EditUndo(QObject):
    """The window's Undo and Redo items (``undo_action``, ``redo_action``), kept up to date
    with the keyboard's text box and the article's undo stack."""

    def __init__(self, window: MainWindow, stack: QUndoStack) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack
        keys = QKeySequence.StandardKey
        self.undo_action = QAction("&Undo", window)
        self.redo_action = QAction("&Redo", window)
        # every key the system gives Undo and Redo (Redo is Ctrl+Y and Ctrl+Shift+Z on Linux;
        # QKeySequence(StandardKey) would take only the first)
        self.undo_action.setShortcuts(keys.Undo)
        self.redo_action.setShortcuts(keys.Redo)
        self.undo_action.triggered.connect(lambda: self._act(redo=False))
        self.redo_action.triggered.connect(lambda: self._act(redo=True))
        # Ctrl+Alt+Z and Ctrl+Alt+Y: the article's last change even from a box with typing
        for keys_, slot in (("Ctrl+Alt+Z", stack.undo), ("Ctrl+Alt+Y", stack.redo)):
            action = QAction(window)
            action.setShortcut(QKeySequence(keys_))
            action.triggered.connect(slot)
            window.addAction(action)
        self._box: QTextEdit | QPlainTextEdit | None = None
        for signal in (stack.canUndoChanged, stack.canRedoChanged, stack.undoTextChanged,
                       stack.redoTextChanged):
            signal.connect(self.update)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        # a text put in place without an edit (an undone change, another section opened)
        # sends no signal of its own: look again then, and whenever the menu opens
        window.session.structureChanged.connect(self.update)
        # an undo that left typing in place says so, once the undo is over (not inside it)
        window.session.typingKept.connect(lambda text: QTimer.singleShot(
            0, self, lambda: window.dialogs.info("Your typing was kept", text)))
        self._follow(typing_box(window))

    def watch_menu(self, menu) -> None:
        """``menu`` (Edit) shows the items as they are at the moment it opens."""
        menu.aboutToShow.connect(lambda: self._follow(typing_box(self.window)))

    # --- which text box -------------------------------------------------------------------------
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not (isValid(self.window) and isValid(self.stack)):   # the window is closing
            return
        if new is not None:     # focus leaving the app, or to a menu, keeps the last box
            self._follow(typing_box(self.window))

    def _follow(self, widget: QWidget | None) -> None:
        box = widget if isinstance(widget, (QTextEdit, QPlainTextEdit)) \
            and self.window.isAncestorOf(widget) and not widget.isReadOnly() else None
        if box is not self._box:
            if self._box is not None:
                self._box.undoAvailable.disconnect(self.update)
                self._box.redoAvailable.disconnect(self.update)
            self._box = box
            if box is not None:
                box.undoAvailable.connect(self.update)
                box.redoAvailable.connect(self.update)
                box.destroyed.connect(self._forget_box)
        self.update()

    def _forget_box(self) -> None:
        self._box = None
        self.update()

    # --- what Undo and Redo do now --------------------------------------------------------------
    def target(self, redo: bool) -> str:
        """``"typing"`` when the keys would take back (or redo) an edit in the text box that
        has the keyboard, ``"article"`` for the article's last change, ``""`` for nothing."""
        box = self._box
        if box is not None and isValid(box) and box.isVisible():
            document = box.document()
            if document.isRedoAvailable() if redo else document.isUndoAvailable():
                return TYPING
        if self.stack.canRedo() if redo else self.stack.canUndo():
            return "article"
        return ""

    def update(self) -> None:
        if not isValid(self.stack):         # the article's window is closing
            return
        for action, redo in ((self.undo_action, False), (self.redo_action, True)):
            target = self.target(redo)
            word = "&Redo" if redo else "&Undo"
            if target == TYPING:
                action.setText(f"{word} in the text")
            else:
                text = self.stack.redoText() if redo else self.stack.undoText()
                action.setText(f"{word} {text}" if target and text else word)
            action.setEnabled(bool(target))

    def _act(self, redo: bool) -> None:
        target = self.target(redo)
        if target == TYPING and self._box is not None:
            if redo:
                self._box.redo()
            else:
                self._box.undo()
        elif target:
            if redo:
                self.stack.redo()
            else:
                self.stack.undo()
        self.update()
