"""File choosers start in the folder last chosen for their kind of file (pipwriter/ui/start_folders.py
and Dialogs), remembered in the settings between runs; a folder that has gone is passed over."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipwriter.ui import dialogs as dialogs_module
from pipwriter.ui.dialogs import Dialogs
from pipwriter.ui.settings import (
    ARTICLES,
    EXPORT,
    PICTURES,
    WORD,
    Settings,
    documents_folder,
)
from pipwriter.ui.start_folders import remember_choice, start_file, start_folder


@pytest.fixture
def settings(tmp_path):
    return Settings(path=tmp_path / "settings.ini")


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- the helper ---------------------------------------------------------------------------------
def test_nothing_remembered_starts_in_documents(settings, tmp_path):
    """Not where the app was started from (the chooser's own default): on an installed copy,
    the program's folder (found by a walk of the app)."""
    assert start_folder(settings, PICTURES) == str(documents_folder())
    assert start_folder(settings, WORD, "missing folder") == str(documents_folder())
    assert start_file(settings, WORD, "Walking - for Sam.docx") == \
        str(documents_folder() / "Walking - for Sam.docx")
    here = _folder(tmp_path, "here")
    assert start_file(settings, ARTICLES, str(here / "walking.pipw")) == \
        str(here / "walking.pipw")


def test_each_kind_starts_in_the_folder_last_chosen_for_it(settings, tmp_path):
    bmj = _folder(tmp_path, "Documents/BMJ article")
    photos = _folder(tmp_path, "Pictures/For the article")
    remember_choice(settings, ARTICLES, bmj / "walking.pipw")
    remember_choice(settings, PICTURES, photos / "sam.jpg")
    assert start_folder(settings, ARTICLES) == str(bmj)
    assert start_folder(settings, PICTURES) == str(photos)
    assert start_folder(settings, WORD) == str(documents_folder())   # none chosen for Word
    assert start_file(settings, ARTICLES, "My article.pipw") == str(bmj / "My article.pipw")
    remember_choice(settings, EXPORT, bmj, is_folder=True)
    assert start_folder(settings, EXPORT) == str(bmj)
    assert settings.export_folder == bmj                      # the export dialog's box too


def test_the_folder_is_remembered_between_runs(tmp_path):
    bmj = _folder(tmp_path, "BMJ article")
    remember_choice(Settings(path=tmp_path / "settings.ini"), WORD, bmj / "draft.docx")
    assert start_folder(Settings(path=tmp_path / "settings.ini"), WORD) == str(bmj)


def test_a_folder_that_has_gone_is_passed_over_silently(settings, tmp_path):
    stick = _folder(tmp_path, "USB stick/Article")
    remember_choice(settings, PICTURES, stick / "sam.jpg")
    remember_choice(settings, WORD, stick / "draft.docx")
    shutil.rmtree(tmp_path / "USB stick")                      # the stick is taken out
    assert start_folder(settings, PICTURES) == str(documents_folder())
    assert start_file(settings, WORD, "copy.docx") == str(documents_folder() / "copy.docx")
    stick.mkdir(parents=True)                                  # and put back
    assert start_folder(settings, PICTURES) == str(stick)


def test_articles_start_in_the_most_recent_articles_folder_until_one_is_chosen(settings,
                                                                                tmp_path):
    old, new = _folder(tmp_path, "old"), _folder(tmp_path, "new")
    settings.add_recent_file(old / "first.pipw")
    settings.add_recent_file(new / "second.pipw")
    assert start_folder(settings, ARTICLES) == str(new)
    shutil.rmtree(new)
    assert start_folder(settings, ARTICLES) == str(old)       # the newest one still there
    chosen = _folder(tmp_path, "chosen")
    remember_choice(settings, ARTICLES, chosen / "third.pipw")
    assert start_folder(settings, ARTICLES) == str(chosen)
    assert start_folder(settings, PICTURES) == str(documents_folder())  # only articles


def test_a_callers_own_folder_comes_first_while_it_is_there(settings, tmp_path):
    remembered, own = _folder(tmp_path, "remembered"), _folder(tmp_path, "own")
    remember_choice(settings, ARTICLES, remembered / "a.pipw")
    assert start_folder(settings, ARTICLES, str(own)) == str(own)
    assert start_file(settings, ARTICLES, str(own / "walking (mine).pipw")) == \
        str(own / "walking (mine).pipw")
    gone = tmp_path / "gone"
    assert start_folder(settings, ARTICLES, str(gone)) == str(remembered)
    assert start_file(settings, ARTICLES, str(gone / "walking.pipw")) == \
        str(remembered / "walking.pipw")


# --- Dialogs --------------------------------------------------------------------------------------
def _fake_chooser(monkeypatch, answers: list[str]) -> list[tuple[str, str, str]]:
    """Put a stand-in for QFileDialog in dialogs.py: each call is logged as (what, title,
    start) and answered with the next of ``answers`` ("" is Cancel)."""
    calls: list[tuple[str, str, str]] = []

    class Chooser:
        @staticmethod
        def getOpenFileName(parent, title, start, file_filter):
            calls.append(("open", title, start))
            return answers.pop(0), file_filter

        @staticmethod
        def getSaveFileName(parent, title, start, file_filter):
            calls.append(("save", title, start))
            return answers.pop(0), file_filter

        @staticmethod
        def getExistingDirectory(parent, title, start):
            calls.append(("folder", title, start))
            return answers.pop(0)

    monkeypatch.setattr(dialogs_module, "_file_dialog", lambda: Chooser)
    return calls


def test_dialogs_start_each_chooser_in_the_folder_last_chosen_for_its_kind(monkeypatch,
                                                                           tmp_path):
    bmj = _folder(tmp_path, "Documents/BMJ article")
    photos = _folder(tmp_path, "Pictures")
    calls = _fake_chooser(monkeypatch, [
        str(bmj / "walking.pipw"), str(photos / "sam.jpg"), "",
        str(bmj / "Walking again"), str(photos / "clip.mp4"), "", str(bmj / "draft.docx")])
    dialogs = Dialogs(None, Settings(path=tmp_path / "settings.ini"))
    assert dialogs.ask_open_path() == bmj / "walking.pipw"
    assert dialogs.ask_file("Choose a picture", "Pictures (*.jpg)", kind=PICTURES) == \
        photos / "sam.jpg"
    assert dialogs.ask_file("Import a Word draft", "Word documents (*.docx)", kind=WORD) is None
    assert dialogs.ask_save_path("Walking again.pipw") == bmj / "Walking again.pipw"
    # the next run of the app
    dialogs = Dialogs(None, Settings(path=tmp_path / "settings.ini"))
    dialogs.ask_file("Attach an audio or video clip", "Clips (*.mp4)", kind=PICTURES)
    dialogs.ask_open_path()
    dialogs.ask_save_word("Save the Word copy", "Walking - for Sam.docx")
    assert [(what, start) for what, _title, start in calls] == [
        ("open", str(documents_folder())), ("open", str(documents_folder())),
        ("open", str(documents_folder())),
        ("save", str(bmj / "Walking again.pipw")),
        ("open", str(photos)), ("open", str(bmj)),
        ("save", str(documents_folder() / "Walking - for Sam.docx"))]
    assert dialogs.settings.last_folder(WORD) == bmj           # where the Word copy went


def test_dialogs_remember_the_export_folder_for_the_export_dialog(monkeypatch, tmp_path):
    bundles = _folder(tmp_path, "USB stick/Bundles")
    calls = _fake_chooser(monkeypatch, [str(bundles), str(bundles)])
    settings = Settings(path=tmp_path / "settings.ini")
    dialogs = Dialogs(None, settings)
    assert dialogs.ask_folder("Where should the bundle go?", str(tmp_path / "gone"),
                              kind=EXPORT) == bundles
    assert settings.export_folder == bundles                  # the box shows it next time
    dialogs.ask_folder("Where should the bundle go?", "", kind=EXPORT)
    assert calls[-1] == ("folder", "Where should the bundle go?", str(bundles))


# --- saving an article for the first time ---------------------------------------------------------
def test_a_new_article_is_offered_in_the_folder_articles_were_last_saved_in(controller, qtbot,
                                                                           monkeypatch,
                                                                           tmp_path):
    bmj = _folder(tmp_path, "Documents/BMJ article")
    calls = _fake_chooser(monkeypatch, [str(bmj / "Walking together"), ""])
    first = controller.open_demo()
    qtbot.addWidget(first)
    first.dialogs = Dialogs(first, first.settings)
    assert first.save_as()
    assert first.session.path == bmj / "Walking together.pipw"
    second = controller.open_demo()
    qtbot.addWidget(second)
    second.dialogs = Dialogs(second, second.settings)
    assert not second.save_as()
    assert Path(calls[-1][2]).parent == bmj
