"""Writing one autosave: the recovery copy of the article and, when the user asked for it, the
article's own file too. Runs on a worker thread, from a :class:`Snapshot` the GUI thread took
(``ui/autosave.py``); no Qt here."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .backups import backup_file
from .history_store import key_of_file, project_key
from .journal import JournalWriter
from .media_store import MediaStore
from .project_file import write_project_json
from .recovery import RecoveryEntry, write_recovery
from .safe_save import file_lock, file_state

log = logging.getLogger(__name__)

FILE_BACKUP_INTERVAL = 600.0   # seconds between backups made by autosaving into the file


@dataclass
class Snapshot:
    """The article at one moment, taken on the GUI thread for a worker to write: its JSON text,
    attached files, where it goes, and the journal whose lines the copy makes unnecessary."""

    generation: int
    article_json: str
    media: MediaStore
    media_names: list[str]
    template_id: str
    article_id: str
    title: str
    original: Path | None
    to_file: bool
    ancestry: list[dict]
    file_state: tuple[int, int] | None = None   # the file as it was when the snapshot was taken
    folder: Path | None = None                  # where recovery copies go (fixed on GUI thread)
    journal_seq: int = 0                        # the last journal line the snapshot holds
    journal: JournalWriter | None = None        # whose lines the copy makes unnecessary
    original_content: str = ""                  # what the file held when last read or saved


@dataclass
class AutosaveResult:
    """What one autosave write did: whether the recovery copy was written, any message for the
    user, whether the user's own file was written too, and the copy's recovery entry."""

    generation: int
    ok: bool
    message: str = ""              # what went wrong (or a warning), for the user
    wrote_file: bool = False       # the user's own file was written too
    original: Path | None = None
    entry: RecoveryEntry | None = None



def write_snapshot(snapshot: Snapshot, session_id: str) -> AutosaveResult:
    """Write the recovery copy (and the user's file, if asked). Runs on the worker thread."""
    warning = ""
    try:
        entry = write_recovery(session_id, snapshot.article_json, snapshot.media,
                               snapshot.media_names, snapshot.template_id, snapshot.article_id,
                               snapshot.title, snapshot.original, snapshot.folder,
                               snapshot.journal_seq, snapshot.original_content)
    except Exception as error:  # noqa: BLE001 - a failed copy must never take the app down
        log.warning("could not write the recovery copy with its media; trying the text alone",
                    exc_info=True)
        try:                    # keep the text at least (an attached file may have gone)
            entry = write_recovery(session_id, snapshot.article_json, MediaStore(), [],
                                   snapshot.template_id, snapshot.article_id, snapshot.title,
                                   snapshot.original, snapshot.folder, snapshot.journal_seq,
                                   snapshot.original_content)
            warning = f"The attached pictures and clips could not be copied ({error})."
        except Exception as again:  # noqa: BLE001 - told to the user by the window
            log.exception("could not write the recovery copy")
            return AutosaveResult(snapshot.generation, False, str(again) or repr(again),
                                  original=snapshot.original)
    if snapshot.journal is not None and snapshot.journal_seq:
        snapshot.journal.compact(snapshot.journal_seq)     # the copy holds those lines now
    result = AutosaveResult(snapshot.generation, True, warning, original=snapshot.original,
                            entry=entry)
    target = snapshot.original
    if snapshot.to_file and target is not None:
        with file_lock(target):
            # Only over the very file the snapshot was taken against: never over a save made
            # since (newer text) nor over a file that has gone or was changed by someone else.
            if snapshot.file_state is None or file_state(target) != snapshot.file_state:
                return result
            try:
                backup_file(target, key_of_file(target, project_key(snapshot.article_id)),
                            snapshot.title, min_interval=FILE_BACKUP_INTERVAL)
            except OSError as error:    # the save itself matters more than its backup
                log.info("no backup of %s before autosaving into it: %s", target, error)
            try:
                write_project_json(target, snapshot.article_json, snapshot.media,
                                   snapshot.media_names, snapshot.template_id,
                                   snapshot.article_id, snapshot.ancestry)
                result.wrote_file = True
            except Exception as error:  # noqa: BLE001 - told to the user by the window
                log.warning("autosave could not write the article's file %s", target,
                            exc_info=True)
                result.message = str(error)
    return result
