"""What the Suggest mode tests share beyond ui_support: Suggest mode on, a first suggestion,
what is waiting, a section's text as the model has it."""

from __future__ import annotations

from PySide6.QtTest import QTest
from ui_support import first_section, select, type_plainly

from pipwriter.model.coauthoring.suggestions import pending


def suggest_on(window, who=1):
    window.dialogs.queue("choice", who)             # who am I (asked once)
    window.suggest_mode.action.setChecked(True)


def weekly_becomes_monthly(window, text=" We met weekly."):
    """Types ``text`` (with “weekly” in it), then suggests “monthly” for “weekly”."""
    section, editor = first_section(window)
    type_plainly(editor, text)
    suggest_on(window)
    select(editor, "weekly")
    QTest.keyClicks(editor, "monthly")
    return section, editor


def waiting(window):
    window.session.sync()
    return pending(window.session.article)


def body(window, section):
    window.session.sync()
    return window.session.article.section(section.id).body
