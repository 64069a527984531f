"""What a user on a small screen or with only a keyboard runs into, measured on real windows.

``fit_problems`` finds a window bigger than the screen's available area, or a control a user
cannot see or scroll to (cut off by its parent, squashed below the size its text needs, or
shrunk to nothing). ``tab_problems`` presses Tab through a window as a keyboard user does and
finds controls Tab never reaches, controls Tab cannot leave (a keyboard trap), stops on
invisible widgets, and stops that look no different when they have the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QWidget,
)


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        text = widget.text()
    text = (widget.accessibleName() or text or widget.objectName()).replace("\n", " ")
    return f"{type(widget).__name__} {text[:50]!r}"


def _title(window: QWidget) -> str:
    title = window.windowTitle().replace("[*]", "")
    return title if 0 < len(title) <= 40 else type(window).__name__


def _scrolls(parent: QWidget) -> bool:
    """True if ``parent`` is the viewport of a scroll area, so what it holds can scroll."""
    area = parent.parentWidget()
    return isinstance(area, QAbstractScrollArea) and area.viewport() is parent


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisible() and widget.window() is window and not isinstance(
        widget, (QMenu, QScrollBar))


def _inside_a_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _matters(widget: QWidget) -> bool:
    """A control, or a label with something to read."""
    if isinstance(widget, QLabel):
        return bool(widget.text().strip()) or widget.pixmap() is not None and \
            not widget.pixmap().isNull()
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def fit_problems(window: QWidget, area: QRect | None = None) -> list[str]:
    """Everything about ``window`` that does not fit ``area`` (by default the available area
    of its screen: the screen less the taskbar or Dock)."""
    area = area or window.screen().availableGeometry()
    title = _title(window)
    out = []
    frame = window.frameGeometry()
    if not area.contains(frame):
        out.append(f"{title}: the window {frame.getRect()} is not inside the screen's "
                   f"available area {area.getRect()}")
    minimum = window.minimumSize()
    if window.layout() is not None:
        minimum = minimum.expandedTo(window.layout().totalMinimumSize())
    if minimum.width() > area.width() or minimum.height() > area.height():
        out.append(f"{title}: cannot be made smaller than {minimum.toTuple()}, bigger than "
                   f"the available {area.size().toTuple()}")
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or not _matters(widget) or _inside_a_combo(widget):
            continue
        problem = _clipped(widget, window)
        if problem:
            out.append(f"{title}: {_name(widget)} {problem}")
    return out


def _clipped(widget: QWidget, window: QWidget) -> str:
    if widget.width() <= 0 or widget.height() <= 0:
        return "has no size, so nobody can see it"
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.hasHeightForWidth():
        need = widget.heightForWidth(widget.width())
        if widget.height() < need - 1:
            return f"is {widget.height()} px high but its text needs {need}"
    elif isinstance(widget, (QLabel, QAbstractButton)):
        hint = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.sizePolicy().horizontalPolicy() == \
                widget.sizePolicy().Policy.Ignored:
            hint.setWidth(0)        # a label that elides or wraps by design
        if widget.width() < hint.width() - 1 or widget.height() < hint.height() - 1:
            return f"is squashed to {widget.size().toTuple()}, below {hint.toTuple()}"
    current = widget
    while current is not window:
        parent = current.parentWidget()
        if parent is None:
            break
        if _scrolls(parent):
            area = parent.parentWidget()
            if area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff \
                    and current.geometry().right() > parent.width() + 1 \
                    and not isinstance(area, QAbstractItemView):
                return (f"is cut off at the right of a {type(area).__name__} that cannot "
                        f"scroll sideways ({current.width()} px wide in {parent.width()})")
            current = area                         # it scrolls into view; check the area
            continue
        if not current.isWindow() and not parent.rect().contains(current.geometry()):
            return (f"is cut off by {type(parent).__name__} (at {current.geometry().getRect()}"
                    f" in {parent.rect().getRect()})")
        current = parent
    return ""


# --- the keyboard --------------------------------------------------------------------------------
def tab_stops(window: QWidget) -> list[QWidget]:
    """The controls Tab should reach: visible, enabled, taking focus by Tab."""
    stops = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or not widget.isEnabled() or widget.focusProxy():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or _inside_a_combo(widget):
            continue
        if isinstance(widget, QTabBar) and widget.count() < 2:
            continue
        stops.append(widget)
    return stops


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def _press_tab(backwards: bool = False) -> None:
    widget = _focus()
    if widget is not None:
        QTest.keyClick(widget, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ShiftModifier if backwards else
                       Qt.KeyboardModifier.NoModifier)
        QApplication.processEvents()


def _look(widget: QWidget) -> QImage:
    """The control and a few pixels round it (a focus ring may be drawn just outside)."""
    window = widget.window()
    corner = widget.mapTo(window, QPoint(0, 0))
    return window.grab(QRect(corner, widget.size()).adjusted(-3, -3, 3, 3)).toImage()


def _same_group(a: QWidget, b: QWidget) -> bool:
    """Radio buttons of one group share one Tab stop (the arrow keys move between them)."""
    if not (isinstance(a, QRadioButton) and isinstance(b, QRadioButton)):
        return False
    if a.group() is not None or b.group() is not None:
        return a.group() is b.group()
    return a.autoExclusive() and b.autoExclusive() and a.parentWidget() is b.parentWidget()


def tab_problems(window: QWidget, check_focus_shows: bool = True) -> list[str]:
    """Press Tab around ``window`` (which must be the active window) as a keyboard user does."""
    title = _title(window)
    stops = tab_stops(window)
    if not stops:
        return []
    out = []
    stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    visited: list[QWidget] = []
    for _ in range(3 * len(stops) + 10):
        widget = _focus()
        if widget is None or widget.window() is not window:
            out.append(f"{title}: Tab took the focus out of the window (to {widget!r})")
            break
        if widget in visited:
            break
        visited.append(widget)
        if not widget.isVisible() or widget.width() <= 1 or widget.height() <= 1:
            out.append(f"{title}: Tab stops on {_name(widget)}, which cannot be seen")
        _press_tab()
    for widget in stops:
        if widget not in visited and not any(_same_group(widget, v) for v in visited):
            out.append(f"{title}: Tab never reaches {_name(widget)}")
    if len(stops) == 1:
        return out          # one control alone (OK in a message): Tab has nowhere else to go
    # every stop can be left, forwards and backwards, and shows that it has the focus
    for widget in stops:
        if not widget.isVisible():
            continue          # e.g. a page the Tab walk turned
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        # as if Tab had brought it here (setFocus alone hides the focus frame, as a click does)
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        QApplication.processEvents()
        if _focus() is not widget:
            continue
        focused = _look(widget) if check_focus_shows else None
        _press_tab()
        if _focus() is widget:
            out.append(f"{title}: Tab cannot leave {_name(widget)} (a keyboard trap)")
            continue
        if check_focus_shows and widget.isVisible() and focused == _look(widget):
            out.append(f"{title}: {_name(widget)} looks the same with and without the focus")
        widget.setFocus(Qt.FocusReason.BacktabFocusReason)
        QApplication.processEvents()
        _press_tab(backwards=True)
        if _focus() is widget:
            out.append(f"{title}: Shift+Tab cannot leave {_name(widget)}")
    return out
