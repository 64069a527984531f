"""What the Suggest mode tests share beyond ui_support: Suggest mode on, what is waiting, a
section's text as the model has it."""

from __future__ import annotations

from pipwriter.model.coauthoring.suggestions import pending


def suggest_on(window, who=1):
    window.dialogs.queue("choice", who)             # who am I (asked once)
    window.suggest_mode.action.setChecked(True)


def waiting(window):
    window.session.sync()
    return pending(window.session.article)


def body(window, section):
    window.session.sync()
    return window.session.article.section(section.id).body
