"""Where a file chooser starts, and remembering where the user went.

Each kind of file choice (:data:`~pipwriter.ui.settings.ARTICLES`, pictures and clips, Word
documents, the export folder...) starts in the folder the user last chose a file or folder in
for that kind, kept in the settings between runs. Someone who keeps their work in
"Documents/BMJ article" then finds it there each time instead of looking for it again.

A folder the caller gives (the article's own folder, say) is used first while it is there. A
remembered folder that has gone (a USB stick taken out) is passed over without a word, and the
chooser starts in Documents (for articles, first the folder of the most recent article).

:class:`~pipwriter.ui.dialogs.Dialogs` uses these for every file chooser; they open no window,
so tests call them directly.
"""

from __future__ import annotations

from pathlib import Path

from .settings import ARTICLES, Settings, documents_folder


def _folder_of_recent_article(settings: Settings) -> Path | None:
    """The folder of the newest recent article that is still there."""
    for path in settings.recent_files:
        if path.parent.is_dir():
            return path.parent
    return None


def start_folder(settings: Settings, kind: str, folder: str = "") -> str:
    """The folder an open-a-file or choose-a-folder chooser for ``kind`` starts in: ``folder``
    when the caller gives one that is there; else the folder last chosen for ``kind``; else,
    for articles, the folder of the most recent article; else Documents. (Not the chooser's
    own default: that is the folder the app was started from, on an installed copy the
    program's own folder, found by a walk of the app.)"""
    if folder and Path(folder).is_dir():
        return folder
    remembered = settings.last_folder(kind)
    if remembered is None and kind == ARTICLES:
        remembered = _folder_of_recent_article(settings)
    return str(remembered if remembered is not None else documents_folder())


def start_file(settings: Settings, kind: str, suggested: str = "") -> str:
    """The path a save chooser for ``kind`` starts with. A ``suggested`` path whose folder is
    there is kept (the caller's choice: beside the article's file, say). A suggested name
    alone (or one whose folder has gone) is put in the folder last chosen for ``kind``, else
    in Documents, where a first save has always been offered."""
    if not suggested:
        return start_folder(settings, kind)
    path = Path(suggested)
    if path.parent != Path(".") and path.parent.is_dir():
        return suggested
    folder = settings.last_folder(kind) or documents_folder()
    return str(folder / path.name)


def remember_choice(settings: Settings, kind: str, chosen: Path, is_folder: bool = False) -> None:
    """Keep the folder of the file the user chose for ``kind`` (``is_folder``: the folder
    they chose), so the next chooser for ``kind`` starts there."""
    chosen = Path(chosen)
    settings.set_last_folder(kind, chosen if is_folder else chosen.parent)
