"""Help: the getting-started guide, the series' guidance in one page, and the keyboard shortcuts.

The guide is text in ``resources/help/``; the guidance page is made from the article's template
(so another series' template brings its own guidance); the shortcuts are read from the window's
own menus, so the list is always the one that works.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

from ..model.rules.template import Template
from ..resources import resource


class HelpDialog(QDialog):
    """A page of help text with a Close button (not modal: it can stay open while writing)."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(title)
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        from .screen_fit import fit_window
        fit_window(self, 640, 560)     # smaller on a small screen


def getting_started_html() -> str:
    return resource("help", "getting-started.html").read_text(encoding="utf-8")


def guidance_html(template: Template) -> str:
    """Every part the template asks for, in article order, with its questions and limits."""
    parts = [f"<h2>{escape(template.name)}</h2>"]
    words = template.limit("words")
    if words.min is not None or words.max is not None:
        band = "–".join(f"{n:,}" for n in (words.min, words.max) if n is not None)
        parts.append(f"<p>Length: {band} words.</p>")
    by_key = {spec.key: spec for spec in template.sections}
    for key in template.order:
        spec = template.viewpoint if key == "@viewpoints" else by_key.get(key)
        if spec is None:
            continue
        title = "Each partner's viewpoint" if key == "@viewpoints" else spec.title
        parts.append(f"<h3>{escape(title)}</h3><p>{escape(spec.prompt)}</p>")
        if spec.questions:
            parts.append("<ul>" + "".join(f"<li>{escape(q.text)}</li>" for q in spec.questions)
                         + "</ul>")
    for panel in template.panels.values():
        if panel.prompt:
            parts.append(f"<h3>{escape(panel.title)}</h3><p>{escape(panel.prompt)}</p>")
    return "\n".join(parts)


def _on_most_keyboards(keys: str) -> bool:
    """False for a key most keyboards lack, which the system's own list of a command's keys
    may name (F13 to F35, a key called "Undo" or "Copy"): the help listed "Ctrl+Z, F14, Undo"
    (found by a walk)."""
    if "+" in keys.rstrip("+"):
        return True                             # with Ctrl, Alt or Shift: an ordinary key
    if keys.startswith("F") and keys[1:].isdigit():
        return int(keys[1:]) <= 12
    return len(keys) == 1 or keys in COMMON_KEYS


COMMON_KEYS = {"Del", "Delete", "Backspace", "Ins", "Insert", "Home", "End", "PgUp", "PgDown",
               "Esc", "Tab", "Return", "Enter", "Space", "Up", "Down", "Left", "Right", "Menu"}


def _menu_shortcuts(menu: QMenu, path: list[str]) -> list[tuple[str, str, str]]:
    rows = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows += _menu_shortcuts(submenu, [*path, action.text()])
        elif not action.isSeparator() and action.shortcuts():
            named = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            keys = ", ".join(k for k in named if _on_most_keyboards(k)) or ", ".join(named)
            rows.append((" › ".join(p.replace("&", "") for p in path),
                         action.text().replace("&", "").replace("…", ""), keys))
    return rows


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(menu, command, keys) for every menu command that has a shortcut."""
    rows = []
    for action in window.menuBar().actions():
        if action.menu():
            rows += _menu_shortcuts(action.menu(), [action.text()])
    return rows


def shortcuts_html(window) -> str:
    rows = "".join(f"<tr><td>{escape(command)}</td><td><b>{escape(keys)}</b></td>"
                   f"<td>{escape(menu)}</td></tr>"
                   for menu, command, keys in shortcut_rows(window))
    return ("<h2>Keyboard shortcuts</h2>"
            "<p>Every control can also be reached with Tab (the formatting buttons above the "
            "text are in the Edit menu instead), and Alt with an underlined letter "
            "presses a button or opens a menu. In any text box, the Menu key or Shift+F10 "
            "opens the same menu as a right-click: for a word underlined in red, it offers "
            "spelling suggestions, Add to my dictionary and Ignore in this article. When you "
            "close a menu with Escape, its name stays marked at the top of the window: press "
            "Escape again to go back to your writing.</p>"
            "<table cellpadding='4'><tr><th align='left'>Command</th><th align='left'>Keys</th>"
            f"<th align='left'>Menu</th></tr>{rows}</table>")
