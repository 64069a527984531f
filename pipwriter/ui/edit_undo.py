"""Edit › Undo and Edit › Redo say and do what Ctrl+Z and Ctrl+Shift+Z do where the keyboard is.

In a text box with edits to undo (the article's text, a heading, a key message), the keys take
back the last edit there (typing one word at a time, a citation, a key-quote flag), and the menu
items read "Undo in the text" and are available. Anywhere else (the list of parts, a button),
they take back whichever is newer: the typing in the text last written in, while it is still
on the screen, or the last change to the article's parts ("Undo Add “What we learnt”"); Redo
brings back whichever was undone last. In a box with nothing left to undo they take back the
article's last change.

Found by walks of the app: the menu showed only the article's changes, greyed out while Ctrl+Z
in the text still worked; and, with the list of parts chosen, Ctrl+Z took back an older change
to the article while the words just typed stayed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

from .keyboard import typing_box
from .snapshot_undo import TypingTimes

if TYPE_CHECKING:
    from .main_window import MainWindow

TYPING = "typing"
RESTING = "resting"     # typing in the text last written in, the keyboard being elsewhere


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
        self._box: QTextEdit | QPlainTextEdit | None = None       # has the keyboard
        self._resting: QTextEdit | QPlainTextEdit | None = None   # had it last
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
        """``widget`` has the keyboard: a text box becomes the one followed (and the resting
        one, still followed once the keyboard goes elsewhere); anything else leaves no box."""
        box = widget if isinstance(widget, (QTextEdit, QPlainTextEdit)) \
            and self.window.isAncestorOf(widget) and not widget.isReadOnly() else None
        if box is not None and box is not self._resting:
            previous, self._resting = self._resting, box
            box.undoAvailable.connect(self.update)
            box.redoAvailable.connect(self.update)
            box.destroyed.connect(self._forget_box)
            if previous is not None and isValid(previous):
                previous.undoAvailable.disconnect(self.update)
                previous.redoAvailable.disconnect(self.update)
                previous.destroyed.disconnect(self._forget_box)
        self._box = box         # None, or the resting box
        self.update()

    def _forget_box(self) -> None:
        self._box = self._resting = None
        self.update()

    # --- what Undo and Redo do now --------------------------------------------------------------
    def target(self, redo: bool) -> str:
        """``"typing"`` when the keys would take back (or redo) an edit in the text box that
        has the keyboard, ``"resting"`` for one in the text last written in (the keyboard being
        elsewhere, and that typing newer than the article's last change), ``"article"`` for the
        article's last change, ``""`` for nothing."""
        box = self._box
        if box is not None and isValid(box) and box.isVisible():
            document = box.document()
            if document.isRedoAvailable() if redo else document.isUndoAvailable():
                return TYPING
        if box is None and self._resting_is_newer(redo):
            return RESTING
        if self.stack.canRedo() if redo else self.stack.canUndo():
            return "article"
        return ""

    def _resting_is_newer(self, redo: bool) -> bool:
        """Whether the text last written in (still on the screen) has typing to undo that is
        newer than the article's last change (to redo: that was undone after it)."""
        resting = self._resting
        if resting is None or not isValid(resting) or not resting.isVisible():
            return False
        times = resting.document().findChild(TypingTimes)
        if times is None:
            return False
        typing = times.last_undone() if redo else times.newest_made()
        if typing is None:
            return False
        index = self.stack.index() if redo else self.stack.index() - 1
        change = self.stack.command(index) if 0 <= index < self.stack.count() else None
        if change is None:
            return True
        article = getattr(change, "undone_at" if redo else "made", 0.0)
        return typing > article

    def update(self) -> None:
        if not isValid(self.stack):         # the article's window is closing
            return
        for action, redo in ((self.undo_action, False), (self.redo_action, True)):
            target = self.target(redo)
            word = "&Redo" if redo else "&Undo"
            if target in (TYPING, RESTING):
                action.setText(f"{word} in the text")
            else:
                text = self.stack.redoText() if redo else self.stack.undoText()
                action.setText(f"{word} {text}" if target and text else word)
            action.setEnabled(bool(target))

    def _act(self, redo: bool) -> None:
        target = self.target(redo)
        box = self._box if target == TYPING else self._resting if target == RESTING else None
        if box is not None:
            if redo:
                box.redo()
            else:
                box.undo()
        elif target:
            if redo:
                self.stack.redo()
            else:
                self.stack.undo()
        self.update()
