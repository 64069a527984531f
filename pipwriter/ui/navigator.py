"""The navigator: every panel in article order with its status mark and word count.

Sections and viewpoints can be reordered by dragging or with Alt+Up / Alt+Down; the other
panels (key messages, references, authors...) stay below them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from ..model.rules.check_context import plural
from ..model.rules.progress import DONE, EMPTY, LOWER_PANELS, TOP_PANELS
from .status_icons import STATUS_TEXT, checklist_icon, status_icon
from .timers import pause_timer

ROWS_PAUSE_MS = 300      # a row's word count follows typing after this pause

ROLE = Qt.ItemDataRole.UserRole
PANELS = (*LOWER_PANELS, "checklist")    # below the sections
ALL_PANELS = TOP_PANELS + PANELS


def _mark_tip(status: str) -> str:
    """The first line of a row's tooltip: what its mark means, and where to read more (found by
    a walk: the half mark after a spelling slip was explained only in the checklist)."""
    if status in ("", DONE):
        return ""
    return (f"Its mark: {STATUS_TEXT[status]}. The Submission checklist says what.\n\n")


class Navigator(QListWidget):
    panelChosen = Signal(str)              # "section:<id>" or a panel key
    sectionsReordered = Signal(list)       # new order of section ids
    moveRequested = Signal(int)            # -1 up, +1 down
    filtered = Signal(int)                 # sections "Show only my sections" hides now

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._typed_in: set[str] = set()
        self._rows_timer = pause_timer(self, ROWS_PAUSE_MS, self._refresh_typed_in)
        self.setAccessibleName("Article panels")
        self.setAccessibleDescription("Each part of the article in order. To move the "
                                      "chosen part, press Alt+Up or Alt+Down.")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._current = ""          # the current row's key, kept: it is asked at every key typed
        self._shown_anyway = ""     # a section not mine opened on purpose (see select)
        self.currentItemChanged.connect(self._on_current)
        self.model().rowsMoved.connect(self._on_rows_moved)
        self._rebuilding = False
        self.only_author = ""              # "Show only my sections": that author's id, or ""
        self.statuses: dict[str, str] = {}  # panel key -> mark (model/rules/progress.py), from the checks

    # --- contents -------------------------------------------------------------------------
    def rebuild(self, select: str | None = None) -> None:
        """List the panels and sections again, keeping (or choosing) the one open. One section
        that has come back (a removal undone, an adding redone) opens. When the open section
        has gone, the one now in its place opens (the one above, if it was last), never a
        panel of a section that is not there."""
        before = {self.item(r).data(ROLE) for r in range(self.count())}
        back = [f"section:{s.id}" for s in self.session.article.sections
                if f"section:{s.id}" not in before]
        current = select or (back[0] if len(back) == 1 and before else self.current_key())
        old_row = self.currentRow()
        self._rebuilding = True
        self.clear()
        template = self.session.template
        for key in TOP_PANELS:
            self._add_panel_item(key, template)
        for section in self.session.article.sections:
            item = QListWidgetItem()
            item.setData(ROLE, f"section:{section.id}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            self.addItem(item)
        for key in PANELS:
            self._add_panel_item(key, template)
        self._rebuilding = False
        self.refresh()
        self.select(current or f"section:{self.session.article.sections[0].id}"
                    if self.session.article.sections else "authors")
        if self.currentItem() is None:
            sections = [r for r in range(self.count())
                        if self.item(r).data(ROLE).startswith("section:")]
            above = [r for r in sections if r < old_row]
            self.setCurrentRow(old_row if old_row in sections else
                               above[-1] if above else sections[0] if sections else 0)
        self._leave_hidden()

    def _add_panel_item(self, key: str, template) -> None:
        item = QListWidgetItem()
        item.setData(ROLE, key)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDragEnabled
                      & ~Qt.ItemFlag.ItemIsDropEnabled)
        panel = template.panels.get(key)
        item.setToolTip(panel.tooltip if panel else "")
        self.addItem(item)

    def refresh(self) -> None:
        """Update titles, marks and counts without rebuilding."""
        article, template = self.session.article, self.session.template
        for row in range(self.count()):
            item = self.item(row)
            key = item.data(ROLE)
            if key.startswith("section:"):
                section = article.section(key.split(":", 1)[1])
                if section is None:
                    continue
                words = self.session.section_words(section.id)
                status = self._status(key)
                text = self.section_text(section, words)
                item.setHidden(not self.shows(section) and key != self._shown_anyway)
                spec = template.section_spec(section.key)
                item.setToolTip(_mark_tip(status) + (spec.tooltip if spec else ""))
            else:
                status = self._status(key) if key != "checklist" else ""
                panel = template.panels.get(key)
                text = panel.title if panel else key.replace("_", " ").capitalize()
            if not key.startswith("section:"):
                item.setToolTip(_mark_tip(status) + (panel.tooltip if panel else ""))
            item.setText(text)
            item.setIcon(checklist_icon() if key == "checklist" else status_icon(status))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         text.replace("\n", ", ") + (f", {STATUS_TEXT[status]}" if status else ""))
        if not self._rebuilding:
            self._leave_hidden()
        self.filtered.emit(self.hidden_sections())

    def hidden_sections(self) -> int:
        """How many sections "Show only my sections" leaves out of the list now."""
        if not self.only_author:
            return 0
        return sum(1 for section in self.session.article.sections if not self.shows(section))

    def _leave_hidden(self) -> None:
        """The panel open is never one the list hides ("Show only my sections" turned on, or
        the open section given to someone else): the first section listed opens instead (or
        the first row)."""
        current = self.currentItem()
        if current is None or not current.isHidden():
            return
        shown = [self.item(r) for r in range(self.count()) if not self.item(r).isHidden()]
        sections = [item for item in shown if item.data(ROLE).startswith("section:")]
        if sections or shown:
            self.setCurrentItem((sections or shown)[0])

    def _status(self, key: str) -> str:
        """A row's mark; none at all until the checks have given the first ones (a window
        being opened shows its text before they are worked out)."""
        return self.statuses.get(key, EMPTY) if self.statuses else ""

    def set_statuses(self, statuses: dict[str, str]) -> None:
        """New marks from the checks; only rows whose mark changed are touched."""
        if statuses != self.statuses:
            self.statuses = dict(statuses)
            self.refresh()

    def section_typed_in(self, section_id: str) -> None:
        """Typing in a section: its row's word count is brought up to date once typing pauses
        (setting a row's text repaints and lays out the whole list: about 3 ms a word)."""
        self._typed_in.add(section_id)
        self._rows_timer.start()

    def _refresh_typed_in(self) -> None:
        for section_id in self._typed_in:
            self.refresh_section(section_id)
        self._typed_in.clear()

    def refresh_section(self, section_id: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(ROLE) == f"section:{section_id}":
                section = self.session.article.section(section_id)
                words = self.session.section_words(section_id)
                item = self.item(row)
                text = self.section_text(section, words)
                if item.text() == text:      # the same words: nothing to lay out again
                    return
                item.setText(text)
                status = self._status(f"section:{section_id}")
                item.setIcon(status_icon(status))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", ")
                             + (f", {STATUS_TEXT[status]}" if status else ""))
                return

    # --- who writes what ------------------------------------------------------------------
    def section_text(self, section, words: int) -> str:
        """The item's text: the title, then the words and who writes it (when assigned)."""
        writer = self.session.article.author(section.assignee) if section.assignee else None
        by = f" · {writer.name}" if writer else ""
        return f"{section.title}\n{plural(words, 'word')}{by}"

    def shows(self, section) -> bool:
        """With "Show only my sections", only sections assigned to that author (or their own
        viewpoints) are listed."""
        return not self.only_author or section.assignee == self.only_author or \
            self.only_author in section.author_ids

    def set_only_author(self, author_id: str) -> None:
        self.only_author = author_id or ""
        self._shown_anyway = ""
        self.refresh()

    # --- selection ------------------------------------------------------------------------
    def current_key(self) -> str:
        return self._current

    def select(self, key: str) -> None:
        """Make ``key``'s row the current one. A section "Show only my sections" hides, opened
        on purpose (a key quote or a checklist item in it), is listed while it is open: with
        nothing highlighted, the list did not say where the user was."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(ROLE) == key:
                if item.isHidden():
                    self._shown_anyway = key
                    item.setHidden(False)
                self.setCurrentRow(row)
                return

    def _on_current(self, current, _previous) -> None:
        self._current = current.data(ROLE) if current is not None else ""
        if self._shown_anyway and self._current != self._shown_anyway:
            self._shown_anyway = ""             # left: hidden again
            self.refresh()
        if current is not None and not self._rebuilding:
            self.panelChosen.emit(current.data(ROLE))

    # --- reordering -----------------------------------------------------------------------
    def section_order(self) -> list[str]:
        keys = [self.item(r).data(ROLE) for r in range(self.count())]
        return [k.split(":", 1)[1] for k in keys if k.startswith("section:")]

    def _on_rows_moved(self, *args) -> None:
        if not self._rebuilding:
            order = self.section_order()
            if order != [s.id for s in self.session.article.sections]:
                self.sectionsReordered.emit(order)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)
