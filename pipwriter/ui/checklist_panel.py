"""The submission checklist: the article's figures, then every finding grouped by how much it
matters. Double-click or Enter on a finding (or "Go to it") jumps to the place; a tip or warning
can be dismissed for this article (undoable) and shown again.

The findings are worked out when the panel is shown or on "Check again", never while typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..model.language.counts import WORDS_TOTAL_LABEL
from ..model.rules.checks import can_dismiss
from ..model.rules.findings import ERROR, TIP, WARNING, Finding
from ..model.rules.report import Report, build_report
from .wrapping_tree import WrappingTree

ROLE = Qt.ItemDataRole.UserRole
GROUPS = ((ERROR, "Must fix before sending"), (WARNING, "Worth fixing"), (TIP, "Tips"))
DISMISSED = "dismissed"
SPOKEN = {ERROR: "Must fix", WARNING: "Worth fixing", TIP: "Tip", DISMISSED: "Dismissed"}
ICONS = {ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
         WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
         TIP: QStyle.StandardPixmap.SP_MessageBoxInformation}


def _number(value) -> str:
    return f"{value:,}" if isinstance(value, int) else "?"


def _band(limits: dict, name: str) -> str:
    limit = limits.get(name) or {}
    low, high = limit.get("min"), limit.get("max")
    if low is not None and high is not None:
        return f"aim {low:,}–{high:,}"
    if low is not None:
        return f"at least {low:,}"
    if high is not None:
        return f"up to {high:,}"
    return ""


def figures_summary(counts: dict) -> str:
    """One line of the article's figures from a report's counts (empty parts left out)."""
    limits = counts.get("limits") or {}
    parts = []
    band = _band(limits, "words")
    parts.append(f"Words counted: {_number(counts.get('words_counted'))}"
                 + (f" ({band})" if band else ""))
    parts.append(f"{WORDS_TOTAL_LABEL}: {_number(counts.get('words_total'))}")
    refs = f"References: {_number(counts.get('references'))}"
    high = (limits.get("references") or {}).get("max")
    parts.append(refs + (f" (up to {high:,})" if high is not None else ""))
    readability = counts.get("readability") or {}
    ease = readability.get("reading_ease")
    if ease is not None:
        target = readability.get("target_reading_ease")
        parts.append(f"Reading ease: {ease:.0f}"
                     + (f" (plain English is {target:.0f} or more)" if target else ""))
    return "  ·  ".join(parts)


class ChecklistPanel(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.session = window.session
        self.report: Report | None = None
        self._stale = True
        self._entries: list[tuple[Finding, bool]] = []   # (finding, dismissed) per item

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription("The article's figures")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setAccessibleDescription("Is the article ready to send")
        self.approvals = QLabel()
        self.approvals.setWordWrap(True)
        self.approvals.setAccessibleDescription("Each author's approval")
        self.tree = WrappingTree()
        self.tree.setAccessibleName("Checklist findings")
        self.tree.setAccessibleDescription("Double-click or press Enter on a finding to go to "
                                           "the place it is about.")
        self.tree.itemActivated.connect(lambda item, _col: self.activate(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.go_button = QPushButton("&Go to it")
        self.dismiss_button = QPushButton("&Dismiss")
        self.dismiss_button.setToolTip("Hide this tip or warning for this article. Problems "
                                       "that must be fixed cannot be dismissed.")
        self.show_dismissed = QPushButton("&Show dismissed")
        self.show_dismissed.setCheckable(True)
        self.check_button = QPushButton("Check agai&n")
        # for a word the spelling check does not know
        self.add_word_button = QPushButton("Add to my dic&tionary")
        self.ignore_word_button = QPushButton("&Ignore in this article")
        self.add_word_button.clicked.connect(self.add_word)
        self.ignore_word_button.clicked.connect(self.ignore_word)
        self.go_button.clicked.connect(lambda: self.activate(self.tree.currentItem()))
        self.dismiss_button.clicked.connect(self.toggle_dismissed)
        self.show_dismissed.toggled.connect(lambda _on: self._fill())
        self.check_button.clicked.connect(self.recompute)
        buttons = QHBoxLayout()
        for button in (self.go_button, self.dismiss_button, self.add_word_button,
                       self.ignore_word_button, self.show_dismissed):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Submission checklist</h2>"))
        layout.addWidget(self.summary)
        layout.addWidget(self.headline)
        layout.addWidget(self.approvals)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- working it out -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute now if the panel is on screen, otherwise when it is next shown."""
        if self.isVisible() or self.window_.stack.currentWidget() is self:
            self.recompute()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def recompute(self) -> None:
        self.session.sync()
        self.report = build_report(self.session.project, self.session.template,
                                   speller=self.session.spelling)
        self._stale = False
        self._fill()

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        current = self._current_key()
        row = self._current_row()
        self.summary.setText(figures_summary(report.counts))
        from ..model.coauthoring.approval import approvals_summary
        article = self.session.article
        summary = approvals_summary(article)
        self.approvals.setText(f"Approval: {summary}" + ("" if summary.endswith(("…", "."))
                                                        else ".") if article.authors else "")
        errors = len(report.blocking())
        others = len(report.findings) - errors
        if errors:
            self.headline.setText(f"<b>{errors} {'thing' if errors == 1 else 'things'} must be "
                                  "fixed before you send the article.</b>")
        elif others:
            self.headline.setText("<b>Nothing stops you sending the article.</b> Some things "
                                  "are still worth a look.")
        else:
            self.headline.setText("<b>Nothing stops you sending the article.</b> Nothing else "
                                  "to look at either.")
        self.show_dismissed.setText(f"&Show dismissed ({len(report.dismissed)})")
        self.show_dismissed.setEnabled(bool(report.dismissed) or self.show_dismissed.isChecked())

        self.tree.clear()
        self._entries = []
        groups = [(title, report.by_severity(severity), False) for severity, title in GROUPS]
        if self.show_dismissed.isChecked():
            groups.append(("Dismissed", report.dismissed, True))
        style = self.style()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for title, findings, dismissed in groups:
            if not findings:
                continue
            group = QTreeWidgetItem([f"{title} ({len(findings)})"])
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for finding in findings:
                place = finding.where.label
                if place and f"“{place}”" in finding.message:
                    place = ""                          # the message already says where
                item = QTreeWidgetItem([finding.message + (f"\nWhere: {place}" if place else "")])
                item.setData(0, ROLE, len(self._entries))
                item.setIcon(0, style.standardIcon(ICONS.get(finding.severity, ICONS[TIP])))
                spoken = SPOKEN[DISMISSED if dismissed else finding.severity]
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole,
                             f"{spoken}: {finding.message}" + (f" Where: {place}." if place
                                                               else ""))
                item.setToolTip(0, "Double-click or press Enter to go there")
                self._entries.append((finding, dismissed))
                group.addChild(item)
            group.setExpanded(True)
        self._restore_current(current, row)
        self._update_buttons()

    # --- selection ------------------------------------------------------------------------------
    def _items(self) -> list[QTreeWidgetItem]:
        groups = (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount()))
        children = (group.child(c) for group in groups if group is not None
                    for c in range(group.childCount()))
        return [item for item in children if item is not None]

    def entry(self, item: QTreeWidgetItem | None) -> tuple[Finding, bool] | None:
        index = item.data(0, ROLE) if item is not None else None
        return self._entries[index] if isinstance(index, int) else None

    def _current_key(self) -> str:
        entry = self.entry(self.tree.currentItem())
        return entry[0].key if entry else ""

    def _current_row(self) -> int:
        items = self._items()
        current = self.tree.currentItem()
        return items.index(current) if current in items else -1

    def _restore_current(self, key: str, row: int) -> None:
        items = self._items()
        if not items:
            return
        match = next((i for i in items if key and self._finding(i).key == key), None)
        if match is None and row >= 0:
            match = items[min(row, len(items) - 1)]
        if match is not None:
            self.tree.setCurrentItem(match)

    def items_for(self, severity: str | None = None, dismissed: bool = False
                  ) -> list[QTreeWidgetItem]:
        """The finding items shown (of one severity), for keyboard code and tests."""
        return [i for i in self._items() if self._dismissed(i) == dismissed and
                (severity is None or self._finding(i).severity == severity)]

    def _finding(self, item: QTreeWidgetItem) -> Finding:
        """The finding a shown item stands for (every item :meth:`_items` gives has one)."""
        entry = self.entry(item)
        assert entry is not None, "a finding item without its entry"
        return entry[0]

    def _dismissed(self, item: QTreeWidgetItem) -> bool:
        entry = self.entry(item)
        assert entry is not None, "a finding item without its entry"
        return entry[1]

    def _update_buttons(self) -> None:
        entry = self.entry(self.tree.currentItem())
        # a finding about the whole article has no place to go to (found by a walk: the
        # button was on and did nothing)
        self.go_button.setEnabled(entry is not None and bool(entry[0].where.panel
                                                             or entry[0].where.section_id))
        word = self._spelling_word(entry[0] if entry else None)
        for button in (self.add_word_button, self.ignore_word_button):
            button.setVisible(bool(word))
            button.setEnabled(bool(word))
        if entry is not None and entry[1]:
            self.dismiss_button.setText("Show &again")
            self.dismiss_button.setEnabled(True)
        else:
            self.dismiss_button.setText("&Dismiss")
            self.dismiss_button.setEnabled(entry is not None and can_dismiss(entry[0]))

    # --- actions --------------------------------------------------------------------------------
    def activate(self, item: QTreeWidgetItem | None) -> None:
        """Jump to the place the finding is about."""
        entry = self.entry(item)
        if entry is None:
            return
        word, where = self._spelling_word(entry[0]), entry[0].where
        if word or where.field:     # the keyboard in the field the finding is about
            from .field_locator import show_place
            show_place(self.window_, where, word=word)
        else:
            self.window_.go_to(where)

    @staticmethod
    def _spelling_word(finding: Finding | None) -> str:
        from ..model.rules.spelling_findings import CODE
        return finding.subject if finding is not None and finding.code == CODE else ""

    def add_word(self) -> None:
        """Add the flagged word to the personal dictionary (every article, this computer)."""
        entry = self.entry(self.tree.currentItem())
        word = self._spelling_word(entry[0] if entry else None)
        if word:
            engine = self.session.spelling
            if not engine.add_user_word(word):
                error = engine.user.last_error
                self.window_.dialogs.error(
                    "Add to my dictionary",
                    f"“{word}” is fine until PiP Writer closes. But your dictionary could "
                    f"not be saved ({error.strerror if error else 'unknown reason'}).")
            self.recompute()

    def ignore_word(self) -> None:
        """Ignore the flagged word in this article (kept in the project file)."""
        entry = self.entry(self.tree.currentItem())
        word = self._spelling_word(entry[0] if entry else None)
        if word:
            self.session.ignore_word(word)
            self.session.spelling.ignore_word(word)
            self.recompute()

    def toggle_dismissed(self) -> None:
        entry = self.entry(self.tree.currentItem())
        if entry is not None:
            finding, dismissed = entry
            (self.restore if dismissed else self.dismiss)(finding)

    def dismiss(self, finding: Finding) -> None:
        """Hide a tip or warning for this article (kept in the project file; undoable)."""
        if not can_dismiss(finding):
            return

        def apply(article) -> None:
            if finding.key not in article.settings.dismissed_findings:
                article.settings.dismissed_findings.append(finding.key)
        self.session.change("Dismiss a checklist item", apply)   # the window refreshes us

    def restore(self, finding: Finding) -> None:
        """Show a dismissed tip or warning again."""
        def apply(article) -> None:
            kept = article.settings.dismissed_findings
            kept[:] = [k for k in kept if k != finding.key]
        self.session.change("Show a checklist item again", apply)
