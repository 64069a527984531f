"""Remembered preferences, in one typed object: :class:`Settings`.

They live in an ini file under the platformdirs config folder (:func:`pipwriter.paths.settings_file`).
Every key the app writes, and its default, is written in this module only; the rest of the app
reads and writes a preference through its property or method here, and never sees a key.

Each read opens the file afresh and each change is written to it at once, so windows (and a
second copy of the app) never keep an old value.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ..paths import settings_file

MAX_RECENT = 10

# --- the keys (the ini file's names: changing one forgets what users chose) ---------------------
_RECENT = "recent"                          # list of paths, newest first
_TEXT_SIZE = "text_size"                    # points; 0: the system's size
_AUTOSAVE_TO_FILE = "autosave/to_file"      # autosave also saves into the article's file
_EXPORT_FOLDER = "export/folder"            # the folder last exported to (or chosen for it)
_LAST_FOLDER = "folders/{kind}"             # the folder last chosen in a file chooser, by kind
_WINDOW_GEOMETRY = "window/geometry"        # the main window's size and place
_SPLITTER = "window/{name}"                 # a splitter's state, by its object name
_ME = "coauthor/me/{article_id}"            # "I am": the author using this computer, per article

# --- kinds of file choice: each file chooser starts in the folder last chosen for its kind ------
ARTICLES = "articles"          # opening, saving and merging articles (.pipw)
PICTURES = "pictures"          # author photos, illustrations and clips
WORD = "word"                  # Word documents: drafts to import, copies to send, reviewed copies
REFERENCES = "references"      # files of references
EXPORT = "export"              # the folder a bundle is exported to (kept at _EXPORT_FOLDER)


class Settings:
    """The app's remembered preferences. Make one with no arguments for the user's settings
    file; ``path`` names another file (tests)."""

    def __init__(self, path: Path | None = None):
        self._path = path

    def _store(self) -> QSettings:
        return QSettings(str(self._path or settings_file()), QSettings.Format.IniFormat)

    def _set(self, key: str, value: object) -> None:
        store = self._store()
        store.setValue(key, value)
        store.sync()

    # --- recent files -------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[Path]:
        """The articles opened or saved lately, newest first (at most :data:`MAX_RECENT`)."""
        value = self._store().value(_RECENT, [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in value] if isinstance(value, list) else []

    def add_recent_file(self, path: Path) -> None:
        """Put ``path`` first in the recent files."""
        path = Path(path).resolve()
        items = [p for p in self.recent_files if p != path]
        items.insert(0, path)
        self._set(_RECENT, [str(p) for p in items[:MAX_RECENT]])

    def remove_recent_file(self, path: Path) -> None:
        self._set(_RECENT, [str(p) for p in self.recent_files if p != Path(path)])

    # --- text size ----------------------------------------------------------------------------
    @property
    def text_size(self) -> float:
        """The text size chosen with View › Bigger text, in points; 0 for the system's size."""
        value = self._store().value(_TEXT_SIZE, 0)
        try:
            return float(value or 0) if isinstance(value, (str, int, float)) else 0.0
        except ValueError:
            return 0.0

    @text_size.setter
    def text_size(self, points: float) -> None:
        self._set(_TEXT_SIZE, points)

    # --- autosave -------------------------------------------------------------------------------
    @property
    def autosave_to_file(self) -> bool:
        """File › Also save to the file itself when autosaving (off unless chosen)."""
        value = self._store().value(_AUTOSAVE_TO_FILE, False)
        return value is True or str(value).lower() in ("true", "1")

    @autosave_to_file.setter
    def autosave_to_file(self, on: bool) -> None:
        self._set(_AUTOSAVE_TO_FILE, bool(on))

    # --- the folders last chosen in file choosers -------------------------------------------
    @staticmethod
    def _folder_key(kind: str) -> str:
        return _EXPORT_FOLDER if kind == EXPORT else _LAST_FOLDER.format(kind=kind)

    def last_folder(self, kind: str) -> Path | None:
        """The folder last chosen in a file chooser for ``kind`` (:data:`ARTICLES` and so on),
        while it is still there: None when none was chosen yet or it has gone (a USB stick
        taken out, a folder deleted). It is kept, so it is used again if it comes back."""
        value = self._store().value(self._folder_key(kind), "")
        if isinstance(value, str) and value and Path(value).is_dir():
            return Path(value)
        return None

    def set_last_folder(self, kind: str, folder: Path) -> None:
        self._set(self._folder_key(kind), str(folder))

    # --- export -------------------------------------------------------------------------------
    @property
    def export_folder(self) -> Path | None:
        """The folder last exported to or chosen for a bundle, while it is still there (else
        None)."""
        return self.last_folder(EXPORT)

    @export_folder.setter
    def export_folder(self, folder: Path) -> None:
        self.set_last_folder(EXPORT, folder)

    # --- the main window's layout ---------------------------------------------------------------
    @property
    def window_geometry(self) -> QByteArray | None:
        """The main window's size and place when it was last closed (None: never yet)."""
        value = self._store().value(_WINDOW_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def splitter_state(self, name: str) -> QByteArray | None:
        """The saved state of the splitter with object name ``name`` (None: never saved)."""
        value = self._store().value(_SPLITTER.format(name=name))
        return value if isinstance(value, QByteArray) else None

    def save_window_layout(self, geometry: QByteArray, splitters: dict[str, QByteArray]) -> None:
        """Keep the main window's geometry and its splitters' states (by object name)."""
        store = self._store()
        store.setValue(_WINDOW_GEOMETRY, geometry)
        for name, state in splitters.items():
            store.setValue(_SPLITTER.format(name=name), state)
        store.sync()

    # --- co-authoring ---------------------------------------------------------------------------
    def me(self, article_id: str) -> str:
        """The author id chosen in "I am" for the article ``article_id`` ("" when not chosen)."""
        return str(self._store().value(_ME.format(article_id=article_id), "") or "")

    def set_me(self, article_id: str, author_id: str) -> None:
        self._set(_ME.format(article_id=article_id), author_id or "")


def documents_folder() -> Path:
    """Where a first save or export is offered: the user's Documents folder (the home folder
    only where a system has none)."""
    from PySide6.QtCore import QStandardPaths
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


# --- for pipwriter/app.py, which reads these two at start (prefer a Settings object) -----------
def text_size() -> float:
    """:attr:`Settings.text_size` of the user's settings."""
    return Settings().text_size


def recent_files() -> list[Path]:
    """:attr:`Settings.recent_files` of the user's settings."""
    return Settings().recent_files
