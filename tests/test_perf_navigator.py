"""The navigator keeps the current row's key instead of asking Qt at every key typed (issue 23):
it is always the key of the row Qt has as current, through choosing, rebuilding, reordering,
filtering and removing rows."""

from __future__ import annotations

from pipwriter.model.storage.project_file import save_project
from pipwriter.ui.navigator import ROLE


def _qt_current(navigator) -> str:
    item = navigator.currentItem()
    return item.data(ROLE) if item else ""


def test_the_kept_key_is_always_the_current_row(controller, small_project, tmp_path, qtbot):
    window = controller.open_path(save_project(small_project, tmp_path / "a.pipw"))
    qtbot.addWidget(window)
    navigator = window.navigator
    assert navigator.current_key() == _qt_current(navigator) != ""
    sections = window.session.article.sections
    for key in [f"section:{sections[-1].id}", "references", "authors",
                f"section:{sections[0].id}", "checklist"]:
        window.open_panel(key)
        assert navigator.current_key() == _qt_current(navigator) == key
    navigator.setCurrentRow(2)
    assert navigator.current_key() == _qt_current(navigator)
    navigator.rebuild()
    assert navigator.current_key() == _qt_current(navigator)
    window.open_panel(f"section:{sections[0].id}")
    window.commands.move_current(1)
    assert navigator.current_key() == _qt_current(navigator)
    navigator.set_only_author(window.session.article.authors[0].id)
    assert navigator.current_key() == _qt_current(navigator)
    navigator.clear()
    assert navigator.current_key() == _qt_current(navigator) == ""
