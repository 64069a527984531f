"""Saving an article from its window: File › Save and Save as…, and what happens when the save
cannot simply go ahead — the file or its folder has gone, the file is read-only, someone else
changed it since it was opened, or the save failed (disk full, a USB stick removed...).

Whatever happens the text stays in the window, and the user is told what is safe and asked
where to save instead. Questions go through ``window.dialogs`` (tests answer them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.errors import PipError
from ..model.storage.locks import resolved
from ..model.storage.project import Project
from ..model.storage.project_file import load_project
from ..model.storage.safe_save import (
    accept_disk_state,
    changed_on_disk,
    is_read_only,
    read_only_message,
)
from .data_safety import replace_article

if TYPE_CHECKING:
    from .main_window import MainWindow


def open_elsewhere(window: MainWindow, path: Path) -> bool:
    """Another window of the app has the file at ``path`` open."""
    from PySide6.QtWidgets import QApplication
    target = resolved(path)
    for other in QApplication.topLevelWidgets():
        session = getattr(other, "session", None)
        if other is not window and other.isVisible() and session is not None \
                and session.path is not None and resolved(session.path) == target:
            return True
    return False


def save_to(window: MainWindow, path: Path) -> bool:
    """Save the window's article to ``path`` (the field being typed in first); a failure is
    told and another place offered (:func:`save_failed`). Never over a file another window
    has open (found by a walk: a restored copy saved over the file its twin window had open,
    and that window then saved over it in turn, each without a word). True once saved."""
    if open_elsewhere(window, path):
        window.dialogs.error("Save", f"“{path.name}” is open in another window. Saving here "
                             "would replace what that window has. Choose another name, or "
                             "close that window first.")
        return False
    window.commit_pending_edits()
    try:
        written = window.session.save(path)
    except PipError as error:
        return save_failed(window, str(error))
    window.settings.add_recent_file(written)
    window.statusBar().showMessage(f"Saved {written.name}", 4000)
    return True


def save_as(window: MainWindow) -> bool:
    """File › Save as…: ask where, offering the article's folder (for a restored copy with no
    file, its original's folder; else the folder articles were last saved or opened in, else
    Documents: see Dialogs.ask_save_path) and a name made from its title."""
    from ..export.names import safe_component
    session = window.session
    suggested = safe_component(session.article.title or "My article") + ".pipw"
    folder = session.path.parent if session.path else session.home_folder
    path = window.dialogs.ask_save_path(str(folder / suggested) if folder else suggested)
    return save_to(window, path) if path else False


# --- saving when the file has gone ---------------------------------------------------------------
def vanished(path: Path) -> str:
    """Why the article's file cannot simply be saved over (it or its folder has gone), or ""."""
    if not path.parent.is_dir():
        return (f"The folder “{path.parent}” that held “{path.name}” is no longer there. If it "
                "was on a USB stick or a network drive, it may have been removed or "
                "disconnected.")
    if not path.exists():
        return (f"“{path.name}” is no longer in “{path.parent}”. It may have been moved, "
                "renamed or deleted while it was open (cloud folders such as OneDrive or "
                "Dropbox sometimes rename files).")
    return ""


def _suggested(window: MainWindow) -> str:
    from ..export.names import safe_component
    path = window.session.path
    name = path.name if path else safe_component(window.session.article.title or "My article") \
        + ".pipw"
    folder = path.parent if path and path.parent.is_dir() else Path.home()
    return str(folder / name)


def save_or_relocate(window: MainWindow) -> bool:
    """File › Save: save to the article's file, or, if the file or its folder has gone, explain
    and ask where to save instead. The text stays in the window whatever happens."""
    path = window.session.path
    if path is None:
        return window.save_as()
    problem = vanished(path)
    if problem:
        window.dialogs.error("Your article’s file has gone",
                             f"{problem}\n\nYour text is safe in PiP Writer. Choose where to "
                             "save it now.")
        target = window.dialogs.ask_save_path(_suggested(window))
        return save_to(window, target) if target else False
    if is_read_only(path):
        window.dialogs.error("This file is read-only", read_only_message(path))
        target = window.dialogs.ask_save_path(_suggested_copy(window, "copy"))
        return save_to(window, target) if target else False
    if changed_on_disk(window.session.project):
        return save_over_changed_file(window, path)
    return save_to(window, path)


# --- saving when someone else changed the file ---------------------------------------------------
MERGE, SAVE_NEW, OVERWRITE = 0, 1, 2
CHANGED_CHOICES = ["Put their changes together with mine, then save",
                   "Save mine as a new file (leave theirs as it is)",
                   "Overwrite the file with mine (their changes are lost)"]


def _suggested_copy(window: MainWindow, word: str) -> str:
    """A new file name beside the article's file: “walking (mine).pipw”."""
    path = window.session.path
    if path is None or not path.parent.is_dir():
        return _suggested(window)
    for number in range(1, 100):
        extra = f" {number}" if number > 1 else ""
        candidate = path.with_name(f"{path.stem} ({word}{extra}){path.suffix}")
        if not candidate.exists():
            return str(candidate)
    return str(path)


def save_over_changed_file(window: MainWindow, path: Path) -> bool:
    """File › Save found the file changed by someone else since it was opened or saved: say so
    and let the user merge, save as a new file or overwrite. Nothing is lost whatever they
    choose (an overwritten file is kept in File › Backups)."""
    index = window.dialogs.ask_choice(
        "The file has changed",
        f"“{path.name}” was changed by another program or another PiP Writer window since you "
        "opened it or last saved it. Saving now would replace those changes with yours.\n\n"
        "What would you like to do?", CHANGED_CHOICES)
    if index == MERGE:
        return merge_changes_on_disk(window, path)
    if index == SAVE_NEW:
        target = window.dialogs.ask_save_path(_suggested_copy(window, "mine"))
        return save_to(window, target) if target else False
    if index == OVERWRITE:
        accept_disk_state(window.session.project)   # the version replaced goes to Backups
        return save_to(window, path)
    return False


def _copy_base(mine, theirs):
    """When what is now in the file is a co-author's copy (saved over it from an email, say),
    the article as it was sent to them: measured against what the file held before, your
    words written since the sending looked removed by them (found by a walk)."""
    from ..model.coauthoring.exchange import find_base, unmerged_copy
    if not unmerged_copy(mine, theirs):
        return None
    found = find_base(mine, theirs)
    return found[0].article if found is not None else None


def merge_changes_on_disk(window: MainWindow, path: Path) -> bool:
    """Merge what someone else saved into the file with the text in the window (the
    co-authoring merge: the article as the file held it when opened or last saved is the
    common ancestor), then save. False, with nothing changed, if the user cancels."""
    from ..model.article.article import Article
    from ..model.coauthoring.merge import merge_articles
    from .merge_dialog import ask_merge
    session, dialogs = window.session, window.dialogs
    window.commit_pending_edits()
    session.sync()
    try:
        theirs = load_project(path)
    except PipError as error:
        dialogs.error("Could not read the changed file",
                      f"{error}\n\nYour text is safe in PiP Writer. Choose a new name to save "
                      "it under.")
        target = dialogs.ask_save_path(_suggested_copy(window, "mine"))
        return save_to(window, target) if target else False
    base = _copy_base(session.project, theirs)
    if base is None and session.project.disk_article:
        try:
            base = Article.from_json(json.loads(session.project.disk_article))
        except (PipError, ValueError):
            base = None
    result = merge_articles(base, session.article, theirs.article)
    if result.has_changes():
        merged = ask_merge(window, result, "the changed file",
                           title=f"Bring in the changes made to “{path.name}”")
        if merged is None:
            return False
        replace_article(session, Project(merged, theirs.media),
                        f"Bring in the changes made to {path.name}")
    accept_disk_state(session.project, theirs.disk)
    saved = save_to(window, path)
    if saved:
        window.statusBar().showMessage(
            f"Brought in the changes made to {path.name} and saved. Edit › Undo takes them "
            "back out; the file as it was is kept in File › Backups.", 12000)
    return saved


def save_failed(window: MainWindow, message: str) -> bool:
    """A save failed (disk full, read-only, removed...): say so and offer another place."""
    window.dialogs.error("Could not save",
                         f"{message}\n\nYour text is still here in PiP Writer. Choose another "
                         "place to save it, for example your Documents folder.")
    target = window.dialogs.ask_save_path(_suggested(window))
    return save_to(window, target) if target else False
