"""A screen reader speaks a label's accessible name instead of its text: a name that does not
carry the visible text hides it (the reader heard "Guidance for this section", never the
guidance). Every visible label with text either has no name of its own or one that includes
the text; what it is for goes in its description."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from ui_support import demo_window_on

from pipwriter.ui.navigator import ALL_PANELS


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    return " ".join(text.replace("&", "").split())


def _hidden_texts(root: QWidget) -> list[str]:
    found = []
    for label in root.findChildren(QLabel):
        text = _plain(label.text())
        name = " ".join(label.accessibleName().replace("&", "").split())
        if label.isVisible() and text and name and text.casefold() not in name.casefold():
            found.append(f"{name!r} hides {text[:60]!r}")
    return found


@pytest.mark.parametrize("panel", ["section", *ALL_PANELS])
def test_no_label_name_hides_its_text(controller, qtbot, panel):
    window = demo_window_on(controller, qtbot, panel, section=4)
    assert _hidden_texts(window) == []


def test_picture_previews_are_named_after_the_picture(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.open_panel("authors")
    authors = window.panels["authors"]
    authors.list.setCurrentRow(0)
    name = window.session.article.authors[0].name
    assert authors.photo.preview.accessibleName() == f"Photo of {name}"
    window.open_panel("illustrations")
    tab = window.panels["illustrations"]
    preview = next(w for w in tab.findChildren(QLabel) if hasattr(w, "show_media")
                   and w.isVisibleTo(tab))
    alt = window.session.article.illustrations[0].alt_text
    assert preview.accessibleName() == f"The picture: {alt}"
    assert "drop" in preview.accessibleDescription().lower()


def _authors_table(qtbot):
    """The new-article wizard on its authors page, and its table of names (the wizard is
    returned too: the table lives only as long as it does)."""
    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.new_article_wizard import NewArticleWizard
    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.title_page.title_edit.setText("T")
    wizard.next()
    return wizard, wizard.authors_page.table


def test_author_name_cells_say_which_author_and_the_name(qtbot):
    from PySide6.QtCore import Qt
    _wizard, table = _authors_table(qtbot)
    role = Qt.ItemDataRole.AccessibleTextRole
    assert table.item(0, 0).data(role) == "Name of author 1: no name typed yet"
    table.item(1, 0).setText("Sam Jones")
    assert table.item(1, 0).data(role) == "Name of author 2: Sam Jones"
    assert table.cellWidget(1, 1).accessibleName() == "How author 2 takes part"


def test_the_box_for_typing_an_authors_name_is_named(qtbot):
    """Found by a keyboard walk: the cell was named, but the box that opens to type the name
    was reported to a screen reader as just "text"."""
    from PySide6.QtWidgets import QLineEdit
    _wizard, table = _authors_table(qtbot)
    table.setCurrentCell(1, 0)
    table.editItem(table.item(1, 0))
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.accessibleName() == "Name of author 2"
