"""Drive the real Export dialog: checklist first, drafts, the worker thread, progress, cancelling,
errors shown in the dialog, and existing bundles never overwritten silently."""

from __future__ import annotations

import threading

import pytest
from ui_support import fill_wizard as _fill_wizard

from pipwriter.export.bundle import ExportResult
from pipwriter.export.manifest import verify_bundle
from pipwriter.ui import export_dialog, export_worker

TIMEOUT = 60000


def _capture_dialogs(window):
    shown = []

    def run_dialog(dialog):
        shown.append(dialog)
        dialog.show()
        return True
    window.run_dialog = run_dialog
    return shown


@pytest.fixture
def demo_window(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    return window


@pytest.fixture
def new_window(controller, qtbot):
    controller.run_wizard = _fill_wizard
    window = controller.new_article()
    qtbot.addWidget(window)
    return window


def _open_dialog(window, folder):
    shown = _capture_dialogs(window)
    window.export_action.trigger()           # File › Export for submission…
    dialog = shown[-1]
    window.dialogs.queue("folder", folder)
    dialog.choose_folder()
    return dialog


def _export(qtbot, dialog):
    with qtbot.waitSignal(dialog.finished_export, timeout=TIMEOUT) as blocker:
        assert dialog.start_export()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=TIMEOUT)
    return blocker.args[0]


def _visible_names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_export_demo_into_chosen_folder(demo_window, qtbot, tmp_path):
    dialog = _open_dialog(demo_window, tmp_path)
    assert dialog.folder() == tmp_path
    assert not dialog.problems.isVisibleTo(dialog)           # nothing blocks the demo
    assert dialog.export_button.isEnabled()
    dialog.zip_box.setChecked(True)
    result = _export(qtbot, dialog)
    assert isinstance(result, ExportResult), result
    assert result.folder.parent == tmp_path and not result.draft
    assert all(p.is_file() for p in result.files)
    assert result.zip_path is not None and result.zip_path.is_file()
    assert verify_bundle(result.folder) == []
    assert _visible_names(tmp_path) == sorted([result.folder.name, result.zip_path.name])
    assert str(result.folder) in dialog.status.text()
    assert dialog.progress.value() == 100
    assert not dialog.open_button.isHidden()
    dialog.close()

    # the folder is remembered, and the existing bundle is kept: the next one gets a new name
    second = _open_dialog(demo_window, tmp_path)
    demo_window.dialogs.queue("folder", None)                # "Choose…" cancelled: unchanged
    second.choose_folder()
    assert second.folder() == tmp_path
    assert export_dialog.default_folder(demo_window.session, demo_window.settings) == tmp_path
    assert "already there" in second.name_label.text()
    assert not second.replace_box.isHidden()
    again = _export(qtbot, second)
    assert again.folder.name == f"{result.folder.name} (2)"
    assert verify_bundle(result.folder) == []                # the first one is untouched


def test_replacing_an_existing_bundle_asks_first(demo_window, qtbot, tmp_path):
    first = _export(qtbot, _open_dialog(demo_window, tmp_path))
    (first.folder / "note-from-me.txt").write_text("old")
    dialog = _open_dialog(demo_window, tmp_path)
    dialog.replace_box.setChecked(True)
    demo_window.dialogs.queue("confirm", False)               # "No": nothing happens
    assert not dialog.start_export()
    assert (first.folder / "note-from-me.txt").exists()
    demo_window.dialogs.queue("confirm", True)
    result = _export(qtbot, dialog)
    assert result.folder == first.folder
    assert not (first.folder / "note-from-me.txt").exists()
    assert _visible_names(tmp_path) == [first.folder.name]


def test_blocked_article_needs_a_draft(new_window, qtbot, tmp_path):
    dialog = _open_dialog(new_window, tmp_path)
    blocking = dialog.report.blocking()
    assert blocking and dialog.problems.count() == len(blocking)
    assert not dialog.draft_box.isChecked()
    assert not dialog.export_button.isEnabled()
    assert not dialog.start_export()
    assert _visible_names(tmp_path) == []
    dialog.draft_box.setChecked(True)
    assert dialog.export_button.isEnabled()
    result = _export(qtbot, dialog)
    assert isinstance(result, ExportResult), result
    assert result.draft and result.folder.name.endswith("-DRAFT")
    assert all(p.is_file() for p in result.files)


def test_activating_a_problem_closes_and_jumps(new_window, qtbot, tmp_path):
    dialog = _open_dialog(new_window, tmp_path)
    row = next(r for r in range(dialog.problems.count())
               if dialog.problems.item(r).data(export_dialog.ROLE).where.section_id)
    finding = dialog.problems.item(row).data(export_dialog.ROLE)
    dialog.problems.itemActivated.emit(dialog.problems.item(row))
    assert not dialog.isVisible()
    assert new_window.navigator.current_key() == f"section:{finding.where.section_id}"


def test_export_error_is_shown_in_the_dialog(demo_window, qtbot, tmp_path):
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("x")
    dialog = _open_dialog(demo_window, not_a_folder)
    message = _export(qtbot, dialog)
    assert isinstance(message, str) and "is a file, not a folder" in message
    assert message in dialog.status.text()
    assert dialog.open_button.isHidden()
    assert _visible_names(tmp_path) == ["a file"]
    # another folder chosen: the error was about the last one (walk 19a: it stayed on screen)
    dialog.folder_edit.setText(str(tmp_path))
    assert dialog.status.text() == ""


def _pause_after_first_step(monkeypatch):
    """Make the export wait after its first progress report until the test lets it go on."""
    go_on = threading.Event()
    real = export_worker.export_bundle

    def slow_export(*args, progress=None, **kwargs):
        def paused(percent, message):
            progress(percent, message)
            go_on.wait(10)
        return real(*args, progress=paused, **kwargs)
    monkeypatch.setattr(export_worker, "export_bundle", slow_export)
    return go_on


def test_cancel_leaves_nothing_half_written(demo_window, qtbot, tmp_path, monkeypatch):
    go_on = _pause_after_first_step(monkeypatch)
    dialog = _open_dialog(demo_window, tmp_path)
    dialog.zip_box.setChecked(True)
    with qtbot.waitSignal(dialog.finished_export, timeout=TIMEOUT) as blocker:
        assert dialog.start_export()
        qtbot.waitUntil(lambda: dialog.status.text() != "Starting…", timeout=TIMEOUT)
        assert dialog.running() and dialog.cancel_button.isEnabled()
        assert list(tmp_path.iterdir())                      # the staging folder exists now
        dialog.cancel()
        go_on.set()
    message = blocker.args[0]
    assert isinstance(message, str) and "cancelled" in message.lower()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=TIMEOUT)
    assert list(tmp_path.iterdir()) == []
    assert dialog.export_button.isEnabled()


def test_closing_while_exporting_cancels_first(demo_window, qtbot, tmp_path, monkeypatch):
    go_on = _pause_after_first_step(monkeypatch)
    dialog = _open_dialog(demo_window, tmp_path)
    with qtbot.waitSignal(dialog.finished_export, timeout=TIMEOUT):
        assert dialog.start_export()
        dialog.reject()                                      # Escape / the close box
        assert dialog.isVisible()                            # stays until the worker stops
        go_on.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert list(tmp_path.iterdir()) == []


def test_typing_during_export_does_not_change_the_bundle(demo_window, qtbot, tmp_path,
                                                         monkeypatch):
    import docx
    go_on = _pause_after_first_step(monkeypatch)
    session = demo_window.session
    section = session.article.sections[0]
    dialog = _open_dialog(demo_window, tmp_path)
    with qtbot.waitSignal(dialog.finished_export, timeout=TIMEOUT) as blocker:
        assert dialog.start_export()
        session.document(section.id).setPlainText("Typed while exporting.")
        session.sync()
        go_on.set()
    result = blocker.args[0]
    article = next(p for p in result.files if p.name.endswith("-article.docx"))
    text = "\n".join(p.text for p in docx.Document(str(article)).paragraphs)
    assert "Typed while exporting." not in text


def _shows_in_full(widget) -> bool:
    """The widget is tall enough for all its wrapped lines at its width."""
    return widget.height() >= widget.heightForWidth(widget.width()) > 0


def test_result_shows_in_full_without_the_clash_note_and_enter_is_safe(demo_window, qtbot,
                                                                       tmp_path):
    # one long "word": a Windows path has no spaces or slashes to wrap at
    folder = tmp_path / ("Documents-of-the-stroke-follow-up-group" + "x" * 100)
    folder.mkdir()
    first = _export(qtbot, _open_dialog(demo_window, folder))
    dialog = _open_dialog(demo_window, folder)
    qtbot.waitExposed(dialog)
    assert "already there" in dialog.name_label.text()
    assert dialog.name_label.wordWrap()
    qtbot.waitUntil(lambda: _shows_in_full(dialog.name_label))
    width = dialog.width()
    dialog.zip_box.setChecked(True)
    result = _export(qtbot, dialog)
    assert result.folder.name == f"{first.folder.name} (2)"
    status = dialog.status
    assert status.text().startswith("The bundle is ready in:")
    assert str(result.folder) in status.text() and str(result.zip_path) in status.text()
    qtbot.waitUntil(lambda: _shows_in_full(status))
    assert status.geometry().bottom() <= dialog.contentsRect().bottom()
    assert dialog.width() == width                      # the long path did not widen it
    # only the result: no note that reads as if the bundle went somewhere else
    assert dialog.name_label.isHidden() and dialog.replace_box.isHidden()
    # Enter now closes rather than making a second bundle
    assert dialog.focusWidget() is dialog.close_button
    assert dialog.close_button.isDefault() and not dialog.export_button.isDefault()
    # changing an option shows what the next export would do again
    dialog.draft_box.setChecked(True)
    assert not dialog.name_label.isHidden() and dialog.export_button.isDefault()


def test_the_outcome_of_an_export_and_of_a_search_is_announced(demo_window, qtbot, tmp_path,
                                                               monkeypatch):
    """Found by a keyboard and screen-reader walk: "The bundle is ready" and Find's "Found in
    … (1 of 6)" changed labels the keyboard was not on, and a screen reader said nothing."""
    from pipwriter.ui import announce
    from pipwriter.ui.find_replace import FindReplaceDialog
    said: list[str] = []
    monkeypatch.setattr(announce, "announce", lambda widget, message: said.append(message))
    dialog = _open_dialog(demo_window, tmp_path)
    _export(qtbot, dialog)
    assert any(message.startswith("The bundle is ready in:") for message in said)
    finder = FindReplaceDialog(demo_window)
    qtbot.addWidget(finder)
    finder.find_edit.setText("stroke")
    assert finder.find_next()
    assert any(message.startswith("Found in") for message in said)
