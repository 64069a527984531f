"""Working the app by keyboard alone: Tab moves on from every box, and the focus always shows.

- **Tab leaves every text box** (:func:`settle_tab_stops`), whose text cursor is 2 pixels
  wide; where a tab character is wanted (a reference's authors or text, a competing-interests
  statement) Ctrl+Tab types one (:func:`ctrl_tab_types_tab`).
- **No invisible Tab stops**: a scroll area is not one (Tab goes to what is inside it).
- **The focus always shows** (:func:`show_focus_ring`): a ring in the text colour round the
  control that has the keyboard focus, for controls whose own look does not change (a list with
  nothing chosen, read-only text, the figures strip's buttons).
- **Escape asks first** in a wizard with typed answers (:mod:`.wizard_cancel`).
- **A menu looked at leaves the words picked** (:func:`typing_box`): a menu opened with Alt and
  closed with Escape leaves the keyboard on the menu bar, so commands that act on the words
  picked in a text box take the box that last had the keyboard.
- **The menu bar shows when the keyboard is on it** (:func:`menu_bar_showing_choice`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFocusFrame,
    QLineEdit,
    QMainWindow,
    QMenuBar,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

CARET_WIDTH = 2     # pixels: the text cursor of a text box (Qt's own line is 1 pixel wide)


def settle_tab_stops(root: QWidget) -> None:
    """Tab moves on from every text box in ``root``, its text cursor is ``CARET_WIDTH`` wide
    (a low-vision walk lost Qt's 1-pixel line in a page of text), and no scroll area in it is a
    Tab stop."""
    for edit in root.findChildren(QTextEdit) + root.findChildren(QPlainTextEdit):
        edit.setTabChangesFocus(True)
        if edit.cursorWidth() < CARET_WIDTH:
            edit.setCursorWidth(CARET_WIDTH)
    for area in root.findChildren(QScrollArea):
        if type(area) is QScrollArea:
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class _CtrlTabTypesTab(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and \
                event.key() == Qt.Key.Key_Tab and \
                event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            if event.type() == QEvent.Type.KeyPress and not watched.isReadOnly():
                watched.insertPlainText("\t")
            event.accept()
            return event.type() == QEvent.Type.KeyPress
        return False


def ctrl_tab_types_tab(edit: QTextEdit | QPlainTextEdit) -> None:
    """Tab leaves ``edit`` like any box; Ctrl+Tab types a tab character in it."""
    edit.setTabChangesFocus(True)
    edit.installEventFilter(_CtrlTabTypesTab(edit))
    if "Ctrl+Tab" not in edit.toolTip():
        edit.setToolTip((edit.toolTip() + "\n" if edit.toolTip() else "")
                        + "Tab goes to the next box; Ctrl+Tab types a tab.")


# --- a focus ring that always shows -----------------------------------------------------------
FOCUS_RING_PROPERTY = "pip_focus_ring"      # on the application: the ring is set up
OWN_RING_PROPERTY = "pip_own_focus_ring"    # on a control that draws its own: no second ring


def _move_ring(_old: QWidget | None, new: QWidget | None) -> None:
    if new is None:
        return
    window = new.window()
    ring = window.findChild(QFocusFrame, "focusRing")    # it moves in beside the control
    if ring is None:
        ring = QFocusFrame(window)
        ring.setObjectName("focusRing")
        ring.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    if new.width() > 0 and new.height() > 0 and not new.property(OWN_RING_PROPERTY):
        ring.setWidget(new)
    else:
        ring.setWidget(None)  # type: ignore[arg-type]  # the stub is wrong: Qt takes nullptr


def show_focus_ring() -> None:
    """From now on a ring shows round whatever control has the keyboard focus (once per
    application)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property(FOCUS_RING_PROPERTY):
        return
    app.setProperty(FOCUS_RING_PROPERTY, True)
    app.focusChanged.connect(_move_ring)


class _LastTextBox(QObject):
    """The text box of a window that last had the keyboard (a child of the window: Qt drops
    the connection when the window goes)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._last: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    @property
    def last(self) -> QWidget | None:
        box = self._last
        return box if box is not None and isValid(box) and box.window() is self._window \
            else None

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, (QLineEdit, QTextEdit, QPlainTextEdit)) and isValid(new) and \
                new.window() is self._window:
            self._last = new


def remember_text_boxes(window: QWidget) -> None:
    """Follow which of ``window``'s text boxes last had the keyboard, for :func:`typing_box`."""
    if window.findChild(_LastTextBox) is None:
        _LastTextBox(window)


def typing_box(window: QWidget) -> QWidget | None:
    """The widget with the keyboard, or, while a menu opened from the keyboard and closed
    with Escape has left it on the menu bar, the text box of ``window`` that had it before."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QMenuBar):
        memory = window.findChild(_LastTextBox)
        return memory.last if memory is not None else None
    return widget


def keyboard_ready(root: QWidget) -> None:
    """:func:`settle_tab_stops` in ``root``, :func:`show_focus_ring`, and its buttons pressed
    by their Alt-letter take what is being typed first (:class:`_TypingFirst`)."""
    settle_tab_stops(root)
    show_focus_ring()
    typing_first = root.findChild(_TypingFirst) or _TypingFirst(root)
    for button in root.findChildren(QAbstractButton):
        if not button.property(TYPING_FIRST_PROPERTY):
            button.setProperty(TYPING_FIRST_PROPERTY, True)
            button.installEventFilter(typing_first)


# --- a button pressed by its Alt-letter keeps what was being typed --------------------------------
TYPING_FIRST_PROPERTY = "pip_typing_first"      # on a button: it is watched


def commit_typing(window: QWidget) -> None:
    """Tell the box of ``window`` being typed in that the typing is done, as leaving it does:
    the panels keep a field's text when it says so."""
    widget = QApplication.focusWidget()
    if widget is not None and widget is not window and window.isAncestorOf(widget):
        widget.clearFocus()
        if isValid(widget) and widget.isVisible():
            widget.setFocus()


class _TypingFirst(QObject):
    """A button pressed by its Alt-letter (Alt+N for Add a reference) leaves the keyboard in the
    box being typed in, so the box never said the typing was done, and a panel that rebuilt its
    form dropped it: a reference's pages, an author's Twitter/X, a key message (found by a walk
    of the app). The box is told first. (A click takes the keyboard, which tells it.)"""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QWidget):
            commit_typing(watched.window())
        return False


# --- the menu bar shows that the keyboard is on it ----------------------------------------------
class MenuBarShowingChoice(QMenuBar):
    """A menu bar that draws the menu the keyboard is on as chosen while no menu is open.

    After Escape closes a menu opened with Alt (or after Alt alone), Qt leaves the keyboard on
    the menu bar, as Windows does, until a second Escape. Fusion draws that state like the
    resting bar, so a keyboard walk found the keys typed next going nowhere with nothing on the
    screen to say why. The menu's title is now drawn as when its menu is open."""

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        action = self.activeAction()
        if action is None or not self.hasFocus():
            return
        menu = action.menu()
        if isinstance(menu, QWidget) and menu.isVisible():
            return          # its menu is open: the style draws the title chosen already
        # named here, not at the top: making QStyle's Python enums costs the start several ms
        from PySide6.QtGui import QPainter
        from PySide6.QtWidgets import QStyle, QStyleOptionMenuItem
        option = QStyleOptionMenuItem()
        self.initStyleOption(option, action)
        option.rect = self.actionGeometry(action)        # as QMenuBar's own paint sets it
        option.state |= QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Sunken
        painter = QPainter(self)
        self.style().drawControl(QStyle.ControlElement.CE_MenuBarItem, option, painter, self)
        painter.end()


def menu_bar_showing_choice(window: QMainWindow) -> QMenuBar:
    """``window``'s menu bar, made a :class:`MenuBarShowingChoice` when it has none yet."""
    if window.menuWidget() is None:
        window.setMenuBar(MenuBarShowingChoice(window))
    return window.menuBar()
