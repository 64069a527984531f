"""Spelling items for a text editor's right-click menu.

``add_spelling_actions`` puts, above the standard items, for a misspelt word under the mouse:
the best suggestions (edit distance 1, a few milliseconds), a "More suggestions" submenu that
searches further on a worker thread when opened (it fills in while the menu stays usable),
"Add to my dictionary" and "Ignore in this article"; and, at the end, a "Check spelling" switch
for all panels. The editor's context-menu hook calls it; nothing here blocks the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit

from ..model.language.spelling import SpellEngine
from .spell_highlighter import SpellHighlighter
from .worker_jobs import run_on

log = logging.getLogger(__name__)

SUGGESTIONS_SHOWN = 6
MORE_SHOWN = 10


class _Relay(QObject):
    """Carries worker results to the GUI thread. One per process, made in the GUI thread and
    never deleted, so a worker can always emit safely; requests are matched by number."""

    ready = Signal(int, list)

    def __init__(self):
        super().__init__()
        self._pending: dict[int, Callable[[list], None]] = {}
        self._next = 0
        self.ready.connect(self._deliver)  # receiver lives in the GUI thread: queued

    def register(self, callback: Callable[[list], None]) -> int:
        self._next += 1
        self._pending[self._next] = callback
        return self._next

    @Slot(int, list)
    def _deliver(self, request: int, results: list) -> None:
        callback = self._pending.pop(request, None)
        if callback is not None:
            callback(results)


_relay: _Relay | None = None


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def _suggest_more(engine: SpellEngine, word: str, request: int, limit: int) -> None:
    """On a worker (``run_on``): the slower suggestions, handed to the GUI thread's relay."""
    try:
        found = engine.suggest_more(word, limit=limit)
    except Exception:  # noqa: BLE001 - a failed search just shows no more suggestions
        # (the word itself is the user's text: it stays out of the log)
        log.warning("the search for more spelling suggestions failed", exc_info=True)
        found = []
    _get_relay().ready.emit(request, found)


def word_under(text_edit: QTextEdit | QPlainTextEdit, highlighter: SpellHighlighter,
               pos: QPoint) -> tuple[QTextCursor, str] | None:
    """A cursor selecting the misspelt word at viewport position ``pos``, and the word."""
    cursor = text_edit.cursorForPosition(pos)
    block = cursor.block()
    span = highlighter.misspelling_at(block, cursor.positionInBlock())
    if span is None:
        return None
    start, end, word = span
    selection = QTextCursor(block)
    selection.setPosition(block.position() + start)
    selection.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
    return selection, word


def replace_word(selection: QTextCursor, replacement: str, text_edit: object = None) -> None:
    """Replace the selected word as one undo step, keeping its formatting (bold, key quote);
    in Suggest mode (:mod:`.suggest_typing`) the replacement is suggested instead."""
    suggest = getattr(text_edit, "suggest", None)
    if suggest is not None and suggest.active and isinstance(text_edit, QTextEdit):
        text_edit.setTextCursor(selection)
        suggest.insert(None, replacement)
        return
    probe = QTextCursor(selection.document())
    probe.setPosition(selection.selectionStart() + 1)
    fmt = probe.charFormat()
    selection.beginEditBlock()
    selection.insertText(replacement, fmt)
    selection.endEditBlock()


def add_spelling_actions(menu: QMenu, text_edit: QTextEdit | QPlainTextEdit, engine: SpellEngine,
                         highlighter: SpellHighlighter, pos: QPoint,
                         on_ignore: Callable[[str], None], *,
                         on_toggle: Callable[[bool], None] | None = None,
                         thread_pool: QThreadPool | None = None) -> list[QAction]:
    """Add the spelling items to ``menu`` (see the module docstring); returns the suggestion
    actions. ``pos`` is in viewport coordinates (a context-menu event's ``pos()``).

    ``on_ignore(word)`` lets the project record the word (the engine already ignores it);
    ``on_toggle(on)`` lets the caller remember the "Check spelling" setting."""
    found = word_under(text_edit, highlighter, pos)
    first = menu.actions()[0] if menu.actions() else None
    suggestion_actions: list[QAction] = []

    def put(item: QAction | QMenu | None) -> None:
        if item is None:
            sep = QAction(menu)
            sep.setSeparator(True)
            item = sep
        action = item.menuAction() if isinstance(item, QMenu) else item
        if first is None:
            menu.addAction(action)
        else:
            menu.insertAction(first, action)

    if found is not None:
        selection, word = found
        for suggestion in engine.suggest(word, limit=SUGGESTIONS_SHOWN):
            action = _suggestion_action(menu, selection, suggestion, text_edit)
            suggestion_actions.append(action)
            put(action)
        if not suggestion_actions:
            none = QAction("(No suggestions)", menu)
            none.setEnabled(False)
            put(none)
        shown = {action.data() for action in suggestion_actions}
        more = _more_menu(menu, selection, word, engine, shown,
                          thread_pool or QThreadPool.globalInstance(), text_edit)
        put(more)
        put(None)
        add = QAction(f"Add “{word}” to my dictionary", menu)
        add.triggered.connect(lambda: engine.add_user_word(word))
        put(add)
        ignore = QAction(f"Ignore “{word}” in this article", menu)

        def ignore_it() -> None:
            engine.ignore_word(word)
            on_ignore(word)
        ignore.triggered.connect(ignore_it)
        put(ignore)
        put(None)

    toggle = QAction("Check &spelling", menu)
    toggle.setCheckable(True)
    toggle.setChecked(engine.enabled and highlighter.is_enabled())

    def switch(on: bool) -> None:
        highlighter.set_enabled(True)
        engine.set_enabled(on)
        if on_toggle is not None:
            on_toggle(on)
    toggle.toggled.connect(switch)
    menu.addSeparator()
    menu.addAction(toggle)
    return suggestion_actions


def _suggestion_action(parent: QObject, selection: QTextCursor, suggestion: str,
                       text_edit: object = None) -> QAction:
    action = QAction(suggestion.replace("&", "&&"), parent)
    action.setData(suggestion)
    font = action.font()
    font.setBold(True)
    action.setFont(font)
    action.triggered.connect(lambda: replace_word(QTextCursor(selection), suggestion, text_edit))
    return action


def _more_menu(parent: QMenu, selection: QTextCursor, word: str, engine: SpellEngine,
               already: set[str], pool: QThreadPool, text_edit: object = None) -> QMenu:
    """A submenu that starts the distance-2 search the first time it opens."""
    more = QMenu("More suggestions…", parent)
    searching = more.addAction("Searching…")
    searching.setEnabled(False)
    started = False

    def deliver(results: list) -> None:
        try:
            more.removeAction(searching)
        except RuntimeError:  # the menu closed and was deleted first
            return
        extra = [s for s in results if s not in already][:MORE_SHOWN]
        for suggestion in extra:
            more.addAction(_suggestion_action(more, selection, suggestion, text_edit))
        if not extra:
            nothing = more.addAction("(No more suggestions)")
            nothing.setEnabled(False)

    def start() -> None:
        nonlocal started
        if started:
            return
        started = True
        request = relay.register(deliver)
        limit = MORE_SHOWN + len(already)
        run_on(pool, lambda: _suggest_more(engine, word, request, limit))

    relay = _get_relay()
    more.aboutToShow.connect(start)
    return more
