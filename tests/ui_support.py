"""Shared helpers for tests that drive the app's windows."""

from __future__ import annotations


def fill_wizard(wizard) -> bool:
    """Answer the new-article wizard: a titled article by a nurse and a patient."""
    wizard.show()
    wizard.title_page.title_edit.setText("Walking together")
    wizard.next()
    table = wizard.authors_page.table
    table.item(0, 0).setText("Dr Asha Patel")
    table.item(1, 0).setText("Sam Jones")
    for row, partner in ((0, "health_professional"), (1, "patient")):
        combo = table.cellWidget(row, 1)
        combo.setCurrentIndex(combo.findData(partner))
    assert wizard.authors_page.isComplete()
    wizard.next()
    assert wizard.viewpoints_page.list.count() == 2
    return True


def demo_window_on(controller, qtbot, panel: str, section: int = 0):
    """The demo in a shown window of a usual size, on ``panel`` ("section" means the
    ``section``-th section)."""
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    key = f"section:{window.session.article.sections[section].id}" if panel == "section" \
        else panel
    window.open_panel(key)
    qtbot.wait(5)
    return window
