"""A list of one kind of model item with a form for the chosen one.

:class:`ListFormTab` lays the list and its buttons out on the left and the (scrolled) form on the
right, finds the chosen item by id, and turns "remove" and "edit" into one undoable
``session.change`` each. A subclass says which list of the article it shows (``ITEMS``), how each
row reads, how the form shows an item and how the form's values go back into a copy of it.
The small builders below make the form's controls, each telling the tab when an edit is done.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..model.rules.findings import ERROR, Finding
from ..model.rules.series_rules import SeriesRules
from .form_guard import form_handler
from .id_list import ROLE, current_id, fill_id_list
from .media_widgets import (
    PROBLEM_COLOUR,
    WARNING_COLOUR,
    show_problem,
    wrapping_list,
)
from .screen_fit import ReadableForm, SideBySide
from .spell_line_edit import SpellLineEdit, mark_field, session_spelling

log = logging.getLogger(__name__)
FormRow = QWidget | QLayout | tuple[str, QWidget]


class PlainEdit(QPlainTextEdit):
    """A multi-line box that says when the user has finished editing (on leaving it)."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not isValid(self):       # losing the focus as it is destroyed: nothing to finish
            return
        try:
            super().focusOutEvent(event)
            self.editingFinished.emit()
        except RuntimeError:        # taken down as the focus moves (see SpellLineEdit)
            log.info("a text box lost the focus while it was being taken down", exc_info=True)


def button(text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button named for screen readers by its text (without "&" and "…")."""
    widget = QPushButton(text)
    widget.setAccessibleName(text.replace("&", "").rstrip("…"))
    widget.clicked.connect(lambda *_: slot())
    return widget


def line_edit(accessible: str, slot: Callable[[], object], *, field: str = "",
              session=None) -> QLineEdit | SpellLineEdit:
    """A one-line field named ``field`` (the text surface's name) that calls ``slot`` when an
    edit is done. With the open article's ``session`` it is prose: its spelling is checked."""
    edit: QLineEdit | SpellLineEdit
    if session is not None:
        edit = SpellLineEdit(session.spelling, session.ignore_word)
    else:
        edit = QLineEdit()
    if field:
        mark_field(edit, field)
    edit.setAccessibleName(accessible)
    edit.editingFinished.connect(slot)
    return edit


def plain_edit(accessible: str, slot: Callable[[], object], height: int = 80, *,
               field: str = "", session=None) -> PlainEdit:
    """A multi-line field, as :func:`line_edit` (with ``session``, spell-checked)."""
    edit = PlainEdit()
    if field:
        mark_field(edit, field)
    session_spelling(edit, session)
    edit.setAccessibleName(accessible)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    edit.editingFinished.connect(slot)
    return edit


def choice_box(accessible: str, choices: Iterable[tuple[str, str]],
               slot: Callable[[], object]) -> QComboBox:
    """A drop-down list of ``(text, value)`` choices."""
    box = QComboBox()
    box.setAccessibleName(accessible)
    for text, value in choices:
        box.addItem(text, value)
    box.currentIndexChanged.connect(lambda *_: slot())
    return box


def check_box(text: str, slot: Callable[[], object]) -> QCheckBox:
    box = QCheckBox(text)
    box.toggled.connect(lambda *_: slot())
    return box


def replace_in_article(session, items: str, edited, description: str) -> None:
    """Put ``edited`` in place of the item with its id in ``article.<items>``, as one undoable
    step named ``description``."""
    def apply(article) -> None:
        listed = getattr(article, items)
        index = next(i for i, item in enumerate(listed) if item.id == edited.id)
        listed[index] = edited
    session.change(description, apply)


class ListFormTab(QWidget):
    """The list of ``article.<ITEMS>`` (left) and a form for the chosen item (right).

    A subclass builds its controls, lists the ones that need a chosen item in ``needs_item``,
    calls :meth:`lay_out`, and fills in :meth:`rows`, :meth:`show_item`, :meth:`read_form` and
    :meth:`title`.
    """

    ITEMS = ""            # the article's attribute holding the items, e.g. "clips"
    refreshed = Signal()          # the list was filled again (the tab's title may change)
    showRequested = Signal()      # an item was chosen from outside: bring this tab forward

    def __init__(self, window, noun: str, list_name: str, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.session = window.session
        self.noun = noun
        self._loading = False
        self.list = wrapping_list()
        self.list.setAccessibleName(list_name)
        self.list.currentItemChanged.connect(lambda *_: self.load_form())
        self.remove_button = button(f"&Remove {noun}", self.remove_current)
        self.needs_item: list[QWidget] = [self.remove_button]
        # field name -> (the field, the label under it): what the checks find about that field
        # of the chosen item shows there (see show_findings)
        self.finding_fields: dict[str, tuple[QWidget, QLabel]] = {}

    @property
    def dialogs(self):
        return self.window_.dialogs

    @property
    def rules(self) -> SeriesRules:
        return self.session.template.rules

    def lay_out(self, left: Iterable[QWidget], rows: Iterable[FormRow]) -> None:
        """The list with ``left`` under it, beside a scrolled form of ``rows``: a widget or
        layout spans the form; ``(label, widget)`` is a labelled field."""
        column = QVBoxLayout()
        column.addWidget(self.list, 1)
        for widget in left:
            column.addWidget(widget)
        # The form is put in its place first and the fields added after, so each field is a
        # child of a widget from the moment it is added (Qt owns it, not Python): built the
        # other way round, a garbage collection could delete a field while it had the focus.
        layout = SideBySide()       # one above the other when there is no room for both
        self.setLayout(layout)
        layout.addLayout(column, 1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        layout.addWidget(area, 2)
        form_widget = QWidget()
        area.setWidget(form_widget)
        form_column = QVBoxLayout(form_widget)
        form = QFormLayout()
        form_column.addLayout(form)
        for row in rows:
            if isinstance(row, tuple):
                form.addRow(*row)
            else:
                form.addRow(row)
        form_column.addStretch(1)
        self.readable = ReadableForm(form, form_widget)
        # what was made here stays held by the tab (see screen_fit.make_scrollable)
        self.form_parts = (area, form_widget, form_column, form, layout)

    # --- for a subclass to fill in -------------------------------------------------------------
    def title(self) -> str:
        """The tab's title, with how many items there are."""
        raise NotImplementedError

    def rows(self) -> Iterable[tuple[str, str]]:
        """``(id, text)`` for each row of the list."""
        raise NotImplementedError

    def show_item(self, item) -> None:
        """Show ``item`` (None: nothing is chosen) in the form; edits are not applied meanwhile."""
        raise NotImplementedError

    def read_form(self, edited) -> None:
        """Copy the form's values into ``edited`` (a copy of the chosen item)."""
        raise NotImplementedError

    # --- the list ------------------------------------------------------------------------------
    def items(self) -> list:
        return getattr(self.session.article, self.ITEMS)

    def current_id(self) -> str:
        return current_id(self.list)

    def current(self):
        """The chosen item of the article, or None."""
        wanted = self.current_id()
        return next((item for item in self.items() if item.id == wanted), None)

    def refresh(self) -> None:
        self._loading = True
        fill_id_list(self.list, self.rows())
        self._loading = False
        self.refreshed.emit()
        self.load_form()

    def focus_item(self, item_id: str) -> bool:
        """Bring this tab forward and choose the item; False if it is not in this list."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ROLE) == item_id:
                self.showRequested.emit()
                self.list.setCurrentRow(row)
                return True
        return False

    def remove_current(self) -> None:
        """Remove the chosen item (undoable, as the status bar says) and choose a neighbour."""
        current = self.current()
        if current is None:
            return
        row = self.list.currentRow()
        wanted = current.id

        def remove(article) -> None:
            listed = getattr(article, self.ITEMS)
            listed[:] = [item for item in listed if item.id != wanted]
        self.session.change(f"Remove {self.noun}", remove)
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.window_.statusBar().showMessage(
            f"Removed the {self.noun}. Edit › Undo (Ctrl+Z) brings it back.", 8000)

    # --- the form ------------------------------------------------------------------------------
    def load_form(self) -> None:
        if self._loading:
            return
        current = self.current()
        for widget in self.needs_item:
            widget.setEnabled(current is not None)
        self._loading = True
        try:
            self.show_item(current)
        finally:
            self._loading = False
        self.show_findings(current)

    def item_findings(self) -> dict[str, list[Finding]]:
        """What the checks find about each item of the article's lists, by id (the checklist's
        own findings: :func:`~pipwriter.model.rules.checks.item_findings`)."""
        from ..model.rules.checks import item_findings
        return item_findings(self.session.project, self.session.template)

    def show_findings(self, current) -> None:
        """Under each field of :attr:`finding_fields`, what the checks find about that field
        of ``current``; a screen reader hears it as the field's description."""
        if not self.finding_fields:
            return
        found = self.item_findings().get(current.id, []) if current is not None else []
        for field, (widget, label) in self.finding_fields.items():
            here = [finding for finding in found if finding.where.field == field]
            text = "\n".join(finding.message for finding in here)
            colour = PROBLEM_COLOUR if any(f.severity == ERROR for f in here) else WARNING_COLOUR
            label.setStyleSheet(f"color: {colour};")
            show_problem(label, text)
            widget.setAccessibleDescription(text)

    @form_handler
    def apply_form(self) -> None:
        """Store the form's values in the chosen item, as one undoable step if anything changed.

        A box of a tab being taken down (its panel replaced) still says it lost the focus: by
        then the form may be gone, and there is nothing to store."""
        if self._loading:
            return
        current = self.current()
        if current is None:
            return
        edited = copy.deepcopy(current)
        self.read_form(edited)
        if edited == current:
            return
        replace_in_article(self.session, self.ITEMS, edited, f"Edit {self.noun}")
        self.refresh()
