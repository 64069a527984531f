"""Windows and dialogs that fit the screen they open on, and scroll rather than cut off.

A hospital laptop is often 1366×768 with a taskbar, some netbooks 1024×600, and people who
need bigger text use 150 % or 200 % scaling or the app's own larger text. So no window asks
for more than the screen's *available* area (the screen less the taskbar or Dock), and what a
window holds scrolls when it needs more room than there is. A control that the Tab key reaches
inside a scroll area is scrolled into view, so a keyboard user sees where they are.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# Room left for what the system draws round a window (title bar and borders), which Qt only
# knows once the window is shown.
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the screen a window may use: its own screen (or its parent's, or the
    primary screen) less the taskbar or Dock."""
    screen = None
    if widget is not None:
        holder = widget.parentWidget() or widget
        screen = holder.window().screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room_for(widget: QWidget | None = None) -> QSize:
    """The biggest window content that fits the available area with its frame."""
    area = available_area(widget)
    return QSize(max(area.width() - FRAME_ALLOWANCE.width(), 200),
                 max(area.height() - FRAME_ALLOWANCE.height(), 150))


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Size ``window`` as ``preferred`` where the screen has room, smaller where it has not
    (its minimum size included), and keep a window of its own inside the available area."""
    room = room_for(window)
    window.setMinimumSize(window.minimumSize().boundedTo(room))
    size = preferred.boundedTo(room)
    window.resize(size)
    if window.parentWidget() is None:
        area = available_area(window)
        frame = window.frameGeometry()
        if not area.contains(frame):
            extra = frame.size() - window.size()
            window.move(area.x() + max((area.width() - size.width() - extra.width()) // 2, 0),
                        area.y() + max((area.height() - size.height() - extra.height()) // 2,
                                       0))


class FitScrollArea(QScrollArea):
    """The frameless scroll area :func:`scrolling` makes. When :func:`make_scrollable` made it,
    it also holds the layout it moved in (``moved_layout``) and the one that holds it
    (``outer``): Python keeps what it made alive too."""

    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fitScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(content)
        self.content = content
        self.moved_layout: QLayout | None = None
        self.outer: QVBoxLayout | None = None


class PageStack(QStackedWidget):
    """Pages shown one at a time in a scroll area, which scrolls for the page shown only.

    Qt's own stack asks for the room of its largest page, every page it has held counted: once
    a long panel had been opened, every shorter one scrolled too, its last lines cut off, and a
    form jumped sideways as the scroll bar came and went (found on a 1366×768 screen)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        """The page's height at ``width``: as it would like when that is shown whole; else
        the height shown, its lists and boxes smaller, when they may be that small; else (it
        scrolls anyway) as it would like again, so nothing is squeezed for nothing."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        layout = page.layout()
        if layout is None or not layout.hasHeightForWidth():
            return page.minimumSizeHint().height()
        margins = page.contentsMargins()
        inner = width - margins.left() - margins.right()
        extra = margins.top() + margins.bottom()
        wanted = layout.heightForWidth(inner) + extra
        shown = self.parentWidget()     # the scroll area's viewport
        room = shown.height() if shown is not None else wanted
        if wanted <= room:
            return wanted
        return room if layout.minimumHeightForWidth(inner) + extra <= room else wanted


class SideBySide(QBoxLayout):
    """Its parts side by side when the width gives each the least it needs, one above the
    other when not (the largest text, a small screen): found by a walk, a form beside a list
    was squeezed to a few letters a box. What a scroll area holds counts at its least width."""

    def __init__(self) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight)

    def _least_width(self) -> int:
        total = self.spacing() * max(self.count() - 1, 0)
        for index in range(self.count()):
            item = self.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QScrollArea) and widget.widget() is not None:
                inner = widget.widget()
                total += (inner.minimumSizeHint().width() if inner is not None else 0) + \
                    widget.verticalScrollBar().sizeHint().width() + 2 * widget.frameWidth()
            elif item is not None:
                total += item.minimumSize().width()
        margins = self.contentsMargins()
        return total + margins.left() + margins.right()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        wanted = QBoxLayout.Direction.LeftToRight if rect.width() >= self._least_width() \
            else QBoxLayout.Direction.TopToBottom
        if self.direction() != wanted:
            self.setDirection(wanted)
        super().setGeometry(rect)


class SplitterTurn(QObject):
    """Puts a splitter's parts one above the other while the room shown for it is less than
    ``least()`` wide, and side by side again once it is not. Found by a walk at 200 % with the
    largest text: the guidance beside the section's text was cut off and the page scrolled
    sideways, its heading box showing "Why". The room is the width of the scroll area the
    splitter is shown in (:meth:`watch`; else its own width), so a page held wide by its least
    width still turns. (Not its view: the first time Python is handed a widget Qt made itself,
    such as a scroll area's view, PySide makes some 70 classes of QtWidgets, 12 ms, and this is
    set up before the first paint: issue 23.)"""

    def __init__(self, splitter, least, shares: tuple[int, ...],
                 rows: tuple[QBoxLayout, ...] = ()) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.least = least
        self.shares = shares        # each part's share of the room once turned
        self.rows = rows            # rows of the parts that turn with it (one above the other)
        self._view: QWidget | None = None
        splitter.installEventFilter(self)
        for index in range(splitter.count()):   # a part laid out again may need more height
            splitter.widget(index).installEventFilter(self)

    def watch(self, area: QWidget) -> None:
        """The scroll area the splitter is shown in: its width is the room."""
        self._view = area
        area.installEventFilter(self)

    def _room(self) -> int:
        return self._view.width() if self._view is not None else self.splitter.width()

    def fit(self) -> None:
        wanted = Qt.Orientation.Vertical if self._room() < self.least() \
            else Qt.Orientation.Horizontal
        splitter = self.splitter
        if splitter.orientation() != wanted:
            splitter.setOrientation(wanted)
            for row in self.rows:
                row.setDirection(QBoxLayout.Direction.TopToBottom if wanted ==
                                 Qt.Orientation.Vertical else QBoxLayout.Direction.LeftToRight)
            room = splitter.height() if wanted == Qt.Orientation.Vertical else splitter.width()
            total = sum(self.shares)
            splitter.setSizes([room * share // total for share in self.shares])
        self._hold_heights()

    def _hold_heights(self) -> None:
        """One above the other, each part is at least as tall as it needs at its width (a
        splitter knows only a part's least height at its widest: its wrapped lines were cut
        off); side by side, as the splitter says."""
        vertical = self.splitter.orientation() == Qt.Orientation.Vertical
        for index in range(self.splitter.count()):
            part = self.splitter.widget(index)
            layout = part.layout()
            least = layout.minimumHeightForWidth(part.width()) \
                if vertical and layout is not None and layout.hasHeightForWidth() else 0
            if part.minimumHeight() != least:
                part.setMinimumHeight(least)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        elif kind == QEvent.Type.LayoutRequest and watched is not self.splitter:
            self._hold_heights()
        return False


FIELD_CHARACTERS = 16      # a form's box is never narrower than this many characters


class ReadableForm(QObject):
    """A form whose boxes are never squeezed to a few letters: each is at least
    ``FIELD_CHARACTERS`` wide at the text size of the moment, and a row too wide for the room
    puts its box under its label (found by a walk at the largest text: "Jo Sm")."""

    def __init__(self, form, owner: QWidget) -> None:
        from PySide6.QtWidgets import QFormLayout  # made with the first form, not at start
        super().__init__(owner)
        self.form = form
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        owner.installEventFilter(self)
        self.size_fields()

    def size_fields(self) -> None:
        from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if isinstance(field, (QLineEdit, QComboBox, QPlainTextEdit)):
                field.setMinimumWidth(field.fontMetrics().averageCharWidth() * FIELD_CHARACTERS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self.size_fields()
        return False


def scrolling(content: QWidget, *, sideways: bool = True,
              parent: QWidget | None = None) -> FitScrollArea:
    """``content`` in a frameless scroll area that fills with it when there is room and scrolls
    when there is not (its text wraps first; it scrolls sideways only for what cannot wrap,
    and never sideways if not ``sideways``). The area itself is not a Tab stop: Tab goes to
    the controls inside it."""
    area = FitScrollArea(content, parent)
    if not sideways:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    follow_focus()
    return area


def make_scrollable(widget: QWidget, *, sideways: bool = True) -> FitScrollArea:
    """Move what ``widget`` lays out into a scroll area that fills it (a wizard page, a
    dialog), so on a small screen its lower part scrolls into view instead of being cut off."""
    layout = widget.layout()
    # made with their parent, so Qt owns them from the start: PySide must never think they
    # are Python's to delete (their children would go with them)
    inner = QWidget(widget)
    inner.setObjectName("fitContent")
    if layout is not None:
        inner.setLayout(layout)          # a widget takes a layout by setting it as its own
    area = scrolling(inner, sideways=sideways, parent=widget)
    outer = QVBoxLayout(widget)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    area.moved_layout, area.outer = layout, outer
    # The widget's Python object must hold what was made here: without these references a
    # garbage collection at the wrong moment let PySide delete a wizard page's parts and the
    # app crashed (tests/test_gc_safety.py). An attribute of our own on a Qt object, so set
    # by name.
    setattr(widget, "fit_parts", (area, inner, layout, outer))  # noqa: B010
    return area


def scroll_area_of(widget: QWidget) -> FitScrollArea | None:
    """The scroll area :func:`make_scrollable` put ``widget``'s contents in, if it did."""
    for area in widget.findChildren(FitScrollArea, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if area.outer is not None:
            return area
    return None


def _scroll_into_view(_old: QWidget | None, new: QWidget | None) -> None:
    """The scroll areas holding ``new`` (innermost first) scroll it into view. They are found
    among the window's scroll areas, not by walking up from ``new``: asking Python for each
    parent made PySide 6.11 build wrappers for Qt's own private widget classes (a wizard's
    inner widgets) inside this focus signal, which crashed it now and then (tests, SIGSEGV in
    shiboken's lazy type set-up)."""
    if new is None or not new.isVisible():
        return
    for area in reversed(new.window().findChildren(QScrollArea)):
        inner = area.widget()
        if inner is not None and (inner is new or inner.isAncestorOf(new)):
            bars = (area.horizontalScrollBar(), area.verticalScrollBar())
            before = [bar.value() for bar in bars]
            area.ensureWidgetVisible(new, 8, 8)
            if [bar.value() for bar in bars] != before:
                # scrolled: painted afresh, or the box just left kept its focus frame, moved
                # along with the picture of the page (found by a walk: two boxes "focused").
                # What it holds, not its view: handed a widget Qt made itself, PySide sets up
                # some 70 classes, here inside the focus signal (the crash above, again)
                inner.update()


def show_in_view(widget: QWidget) -> None:
    """Scroll the scroll areas round ``widget`` so that it is in view (as focus does)."""
    _scroll_into_view(None, widget)


FOLLOW_FOCUS_PROPERTY = "pip_follow_focus"      # on the application: scroll areas follow it


def follow_focus() -> None:
    """Scroll every scroll area round the focused control so the control is in view (once per
    application: Tab into a long form shows the field it lands on)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.property(FOLLOW_FOCUS_PROPERTY):
        return
    app.setProperty(FOLLOW_FOCUS_PROPERTY, True)
    app.focusChanged.connect(_scroll_into_view)


def fit_window(window: QWidget, width: int, height: int) -> None:
    """:func:`fit_to_screen` for a preferred ``width`` × ``height``."""
    fit_to_screen(window, QSize(width, height))


def fit_wizard(wizard, width: int, height: int) -> None:
    """Each page of ``wizard`` scrolls when it needs more room than there is (its buttons stay
    in view below), and the wizard is sized as :func:`fit_window`."""
    from .keyboard import keyboard_ready
    for page_id in wizard.pageIds():
        make_scrollable(wizard.page(page_id))
    keyboard_ready(wizard)
    fit_window(wizard, width, height)


def content_layout(widget: QWidget) -> QLayout | None:
    """The layout of what ``widget`` shows: the one :func:`make_scrollable` moved into its
    scroll area, or the widget's own."""
    area = scroll_area_of(widget)
    moved = area.moved_layout if area is not None else None
    return moved if moved is not None else widget.layout()


def grow_to_fit(window: QWidget) -> None:
    """After what ``window`` shows grew (a longer message), make it taller so all of it shows,
    as far as the screen has room; past that, it scrolls (:func:`make_scrollable`)."""
    area = scroll_area_of(window)
    content = area.widget() if area is not None else None
    if area is None or content is None:
        return
    layout = content.layout()
    if layout is not None:
        layout.activate()
    width = area.viewport().width()
    need = content.heightForWidth(width) if content.hasHeightForWidth() \
        else content.sizeHint().height()
    extra = need - area.viewport().height()
    if extra > 0:
        window.resize(window.width(), min(window.height() + extra, room_for(window).height()))


def fit_dialog(dialog: QWidget, width: int = 0, height: int = 0) -> None:
    """What ``dialog`` lays out scrolls when the screen has too little room for it, and the
    dialog is as big as it asks to be (at least ``width`` × ``height``) where there is room."""
    layout = dialog.layout()
    hint = layout.totalSizeHint() if layout is not None else dialog.sizeHint()
    from PySide6.QtWidgets import QDialogButtonBox  # made when a dialog first is, not at start

    from .keyboard import keyboard_ready
    last = layout.itemAt(layout.count() - 1) if layout is not None and layout.count() else None
    buttons = last.widget() if last is not None else None
    area = make_scrollable(dialog)
    if isinstance(buttons, QDialogButtonBox) and area.moved_layout is not None \
            and area.outer is not None:
        # the dialog's buttons stay in sight under what scrolls (found by a walk: opening
        # the merge's combined text pushed Merge and Cancel off a 1366×768 screen)
        area.moved_layout.removeWidget(buttons)
        area.outer.addWidget(buttons)
    keyboard_ready(dialog)
    fit_window(dialog, max(width, hint.width()), max(height, hint.height()))
