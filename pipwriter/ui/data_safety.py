"""Keeping the user's writing safe in a main window: autosave, the file lock, versions, backups,
restoring an older state, and recovery after a crash.

:class:`DataSafety` is made at the end of ``MainWindow.__init__`` (``window.data_safety``);
``check_recoveries(controller)`` when the app starts. Saving itself, and what happens when the
file has gone or changed, is in :mod:`.saving`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from ..model.errors import PipError
from ..model.storage.locks import ProjectLock, ProjectLockedError, acquire, resolved
from .autosave import Autosaver
from .field_typing import FieldTyping

if TYPE_CHECKING:
    from ..model.storage.project import Project
    from ..model.storage.recovery import RecoveryEntry
    from .main_window import MainWindow

# Versions, backups, restoring and recovery import what they need when they run: the window
# opens with only the lock and autosave, and the start needs only the list of recovery copies.


class DataSafety(QObject):
    """Everything that keeps one window's article safe; reachable as ``window.data_safety``."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.lock: ProjectLock | None = None
        self.refused = False                # the user chose not to open a file open elsewhere
        self._told_failure = False
        self._crashed = False
        window.once_painted(self._keep_media)
        self.autosaver = Autosaver(self.session, self, save_to_file=self._autosave_to_file)
        # words typed in a form's box reach the journal before they reach the article
        self.field_typing = FieldTyping(window)
        self.autosaver.typed_fields = self.field_typing.pending
        self.field_typing.typed.connect(self.autosaver.field_typed)
        from .back_to_saved import BackToSaved
        BackToSaved(self.session, self.field_typing.pending)     # undone back to the file
        self.autosaver.saved.connect(self._on_saved)
        self.autosaver.failed.connect(self._on_failed)
        self.status = QLabel()
        self.status.setObjectName("safetyStatus")
        window.statusBar().addPermanentWidget(self.status)
        self.session.pathChanged.connect(self._on_path_changed)
        window.closed.connect(self._on_closed)
        self._make_actions()
        self._take_lock(first=True)

    # --- the lock ----------------------------------------------------------------------------
    def _take_lock(self, first: bool = False) -> None:
        path = self.session.path
        if self.lock is not None and path is not None and self.lock.path == resolved(path):
            return
        self._release_lock()
        if path is None:
            return
        try:
            self.lock = acquire(path)
        except ProjectLockedError as error:
            if first and not self.session.is_modified():
                if not self.window.dialogs.confirm(
                        "This article is already open",
                        f"{error}\n\nIf it is open in two places, changes made in one can be "
                        "lost when the other is saved. Close it there first, or open it here "
                        "anyway.", yes="Open it anyway"):
                    self.refused = True
                    QTimer.singleShot(0, self.window.close)
                    return
            else:
                self.window.dialogs.error(
                    "This article is open twice",
                    f"{error} Save your changes in one place only, or they may overwrite "
                    "each other.")
            self._force_lock(path)
        except OSError:
            self.lock = None        # the data folder cannot be written: carry on unlocked

    def _force_lock(self, path: Path) -> None:
        try:
            self.lock = acquire(path, force=True)
        except OSError:
            self.lock = None

    def _release_lock(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _on_path_changed(self) -> None:
        self._take_lock()

    # --- the file and its media while open ---------------------------------------------------
    def _keep_media(self) -> None:
        """Keep the attached files where the app can always reach them, and remember the
        article as its file holds it (the base for merging someone else's change to it)."""
        project = self.session.project
        project.keep_media_private()
        if project.disk is not None and project.disk_article is None \
                and project.disk.path == project.path:
            project.remember_disk_article()

    def _autosave_to_file(self) -> bool:
        """Autosave into the file itself only when the user chose to, and never over a file
        that is read-only or that someone else changed (File › Save asks about that)."""
        if not self.window.settings.autosave_to_file:
            return False
        from ..model.storage.safe_save import changed_on_disk, is_read_only
        project = self.session.project
        return not is_read_only(project.path) and not changed_on_disk(project)

    def _note_file_written(self, result) -> None:
        """Autosave wrote the file itself: it now holds what this window wrote."""
        from ..model.storage.safe_save import accept_disk_state, article_json_in
        project = self.session.project
        if result.wrote_file and result.original is not None \
                and result.original == project.path:
            accept_disk_state(project)
            project.disk_article = article_json_in(result.original)

    # --- autosave feedback ------------------------------------------------------------------
    def _on_saved(self, result) -> None:
        from ..model.storage.history_store import local_time
        self._note_file_written(result)
        when = local_time(result.entry.saved_at).split(" on ")[0] if result.entry else ""
        where = "saved to your file" if result.wrote_file else "recovery copy kept"
        self.status.setText(f"Changes kept safe at {when}")
        self.status.setToolTip(f"Your latest changes are safe ({where}). If the computer "
                               "crashes, PiP Writer offers them back when it next starts.")
        if result.message:
            self.window.statusBar().showMessage(result.message, 10000)

    def _on_failed(self, message: str) -> None:
        self.status.setText("Changes not kept safe")
        self.status.setToolTip(message)
        if not self._told_failure:
            self._told_failure = True
            self.window.dialogs.error(
                "Your changes could not be kept safe",
                f"PiP Writer could not keep a recovery copy of your work: {message}\n\n"
                "Your text is still here. Save it now (File › Save) to be sure of keeping it.")

    # --- closing ------------------------------------------------------------------------------
    def _on_closed(self, _window=None) -> None:
        # The window only closes once the work is saved or the user chose to close without
        # saving: either way the recovery copy is no longer wanted.
        if self._crashed:
            return
        self.autosaver.discard()
        self.shutdown(clean=True)
        self.session.project.release_media()

    def shutdown(self, clean: bool = True) -> None:
        """Stop autosaving. ``clean=False`` leaves the recovery copy and the lock behind, as a
        crash would (used by the tests to simulate one)."""
        self.autosaver.shutdown()
        if clean:
            self._release_lock()
        else:
            self._crashed = True
            self.lock = None

    # --- menu ---------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        window = self.window
        file_menu, close = window.file_menu, window.close_action

        def add(text: str, slot, tip: str) -> QAction:
            action = QAction(text, window)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            file_menu.insertAction(close, action)
            return action

        self.version_action = add("Save a &version…", self.save_version,
                                  "Keep the article as it is now under a name you choose")
        self.versions_action = add("Ve&rsions…", self.show_versions,
                                   "See, compare and restore the versions you kept")
        self.backups_action = add("&Backups…", self.show_backups,
                                  "See, compare and restore earlier saves of this article")
        self.to_file_action = add("Also save to the &file itself when autosaving",
                                  self._set_autosave_to_file,
                                  "Autosave normally keeps a separate recovery copy; with this "
                                  "on it also saves into your article's file")
        self.to_file_action.setCheckable(True)
        self.to_file_action.setChecked(window.settings.autosave_to_file)
        file_menu.aboutToShow.connect(
            lambda: self.to_file_action.setChecked(window.settings.autosave_to_file))
        file_menu.insertSeparator(close)

    def _set_autosave_to_file(self, on: bool) -> None:
        self.window.settings.autosave_to_file = on

    def save_version(self, name: str | None = None):
        """File › Save a version…: ask for a name and keep the article as it is now."""
        if not name:
            name = self.window.dialogs.ask_text(
                "Save a version", "Name this version, for example “sent to my co-author for "
                "comments”:")
        if not name:
            return None
        from ..model.language.counts import total_words
        from ..model.storage.versions import save_project_version
        self.session.sync()
        try:
            version = save_project_version(self.session.project, name,
                                           total_words(self.session.article))
        except (PipError, OSError) as error:
            self.window.dialogs.error("Could not save the version", str(error))
            return None
        self.window.statusBar().showMessage(
            f"Kept the version “{version.name}”. See it in File › Versions…", 8000)
        return version

    def show_versions(self):
        from .history_dialogs import VersionsDialog
        return self._show(VersionsDialog(self.window))

    def show_backups(self):
        from .history_dialogs import BackupsDialog
        return self._show(BackupsDialog(self.window))

    def _show(self, dialog):
        self._dialog = dialog       # keep it alive while shown (not modal)
        dialog.show()
        return dialog


# --- restoring an older state into a window ------------------------------------------------------
def replace_article(session, project: Project, description: str, also=None,
                    kept: str = "") -> bool:
    """Put ``project``'s article into the session as one undoable step (Edit › Undo brings the
    text before back). Attached files it needs are copied into memory. False if no change.
    ``also``, ``kept``: see ``Session.replace_article``."""
    from ..model.storage.media_store import carry_media
    carry_media(project.article, project.media, session.project.media)
    return session.replace_article(project.article, description, also, kept)


def keep_current_as_backup(session, note: str):
    """Keep the text as it is now in the article's backups (before replacing it)."""
    import json

    from ..model.storage.backups import backup_snapshot
    from ..model.storage.history_store import project_key
    from ..model.storage.project_file import media_snapshot
    session.sync()
    project = session.project
    article = project.article
    names = sorted({r.name for r in article.media_refs()} & set(project.media.names()))
    return backup_snapshot(project_key(article), json.dumps(article.to_json(), ensure_ascii=False),
                           media_snapshot(project.media, names), names, article.template_id,
                           article.id, article.title, note, str(project.path or ""))


def restore_into(window, project: Project, what: str) -> bool:
    """Replace the window's text with ``project``'s, keeping the current text as a backup."""
    kept = f"File › Backups…, the copy kept before restoring {what}"
    try:
        keep_current_as_backup(window.session, f"before restoring {what}")
    except (PipError, OSError) as error:
        kept = ""
        if not window.dialogs.confirm(
                "Restore", f"PiP Writer could not keep a copy of the text as it is now "
                f"({error}). Restore {what} anyway? You can still undo it with Edit › Undo.",
                yes="Restore anyway"):
            return False
    try:
        changed = replace_article(window.session, project, f"Restore {what}", kept=kept)
    except (PipError, OSError) as error:
        window.dialogs.error("Could not restore", str(error))
        return False
    window.statusBar().showMessage(
        f"Restored {what}. The text as it was is kept in File › Backups, and Edit › Undo "
        "brings it back." if changed else f"{what[0].upper()}{what[1:]} is the same as now.",
        10000)
    return changed


# --- recovery at start ---------------------------------------------------------------------------
def describe_differences(entry: RecoveryEntry) -> str:
    """What restoring a recovery copy would change, section by section, in words."""
    from ..model.coauthoring.compare import compare_articles
    from ..model.language.counts import total_words
    from ..model.storage.project_file import load_project
    from ..model.storage.recovery import load_recovery
    try:
        recovered = load_recovery(entry).article
    except PipError as error:
        return f"The recovery copy cannot be read: {error}"
    words = f"{len(recovered.sections)} sections, {total_words(recovered):,} words"
    if entry.original is None:
        return (f"This article was never saved. The recovery copy holds all of it ({words}).")
    if not entry.original_exists():
        return (f"“{entry.original.name}” is no longer in “{entry.original.parent}”. Restoring "
                f"gives you back everything in the recovery copy ({words}); you will then be "
                "asked where to save it.")
    try:
        saved = load_project(entry.original).article
    except PipError as error:
        return f"The saved file cannot be read ({error}). The recovery copy holds {words}."
    comparison = compare_articles(saved, recovered, "Your saved file",
                                  "the unsaved work kept for you")
    return comparison.text()


def restore_entry(controller, entry: RecoveryEntry):
    """Open a recovery copy in a new window (unsaved, belonging to its original file). When a
    window already has that file open (two sets of unsaved work for one file, both restored),
    it opens as an untitled copy instead: saving either must never silently overwrite the
    other (found by a walk: both windows saved to the one file without a word)."""
    from ..model.storage.recovery import load_recovery
    try:
        project = load_recovery(entry)
    except PipError as error:
        controller.dialogs.error("Could not restore the article",
                                 f"{error}\n\nThe recovery copy has been kept in case it can "
                                 "be rescued.")
        return None
    message = "Your unsaved work is back. Save it to keep it in your file."
    from ..model.storage.safe_save import changed_on_disk
    if changed_on_disk(project):
        message = ("Your unsaved work is back. The file was saved again after it (perhaps "
                   "from another window). When you save, PiP Writer shows what differs, so "
                   "that you can keep both.")
    original = project.path
    if original is not None and any(w.session.path == original for w in controller.windows):
        project.path = None
        message = (f"This is more unsaved work for “{original.name}”, which is open in another "
                   "window. It opened as a copy: use File › Save as… to keep it.")
    window = controller._window_for(project)
    if original is not None and project.path is None:
        window.session.home_folder = original.parent     # Save as… starts beside it
    safety = getattr(window, "data_safety", None)
    if safety is not None:
        safety.autosaver.adopt(entry)
    window.session.set_modified(True)
    window.statusBar().showMessage(message, 30000)
    return window


def check_recoveries(controller) -> list[tuple[RecoveryEntry, str]]:
    """At start: offer each orphaned recovery copy back (restore, compare, discard, later).

    Returns what was done with each: [(entry, "restore" | "discard" | "later")].
    """
    from ..model.storage.recovery import discard_recovery, find_recoveries
    try:
        pending = find_recoveries()
    except OSError:
        return []
    if not pending:
        return []
    from .recovery_dialog import COMPARE, DISCARD, LATER, RESTORE
    done: list[tuple[RecoveryEntry, str]] = []
    for _round in range(50):
        if not pending:
            break
        answers = controller.dialogs.ask_recovery(pending, describe_differences)
        pending = []
        for entry, action in answers:
            if action == COMPARE:
                controller.dialogs.info("What is different", describe_differences(entry))
                pending.append(entry)
            elif action == RESTORE:
                window = restore_entry(controller, entry)
                done.append((entry, RESTORE if window is not None else LATER))
            elif action == DISCARD:
                discard_recovery(entry)
                done.append((entry, DISCARD))
            else:
                done.append((entry, LATER))
    done += [(entry, LATER) for entry in pending]
    return done
