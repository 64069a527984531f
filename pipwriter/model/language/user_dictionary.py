"""The personal dictionary: words a user has added, shared by all their projects (Qt-free).

A plain UTF-8 text file, one word per line (lines starting with "#" are comments), so a user or
an IT department can read and edit it. The caller chooses the path (normally
``pipwriter.paths.user_dictionary_path()``). Every addition is saved at once and atomically; the
file is re-read first so that words added by another open PiP Writer window are kept.
Words are matched ignoring case: adding "Metformin" at the start of a sentence also accepts
"metformin" later.
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

from ..storage.atomic import write_bytes_atomic

HEADER = "# PiP Writer personal dictionary: one word per line. Shared by all your projects.\n"
MAX_WORD_LENGTH = 100


def normalise_word(word: str) -> str:
    """The form a word is stored and compared in: NFC, straight apostrophes, no outer spaces."""
    return unicodedata.normalize("NFC", word.strip()).replace("\u2019", "'").replace("\u02bc", "'")


def valid_word(word: str) -> bool:
    word = normalise_word(word)
    return 0 < len(word) <= MAX_WORD_LENGTH and not any(ch.isspace() for ch in word)


class UserDictionary:
    """Words the user added. ``path=None`` keeps them in memory only (tests, locked-down PCs)."""

    def __init__(self, path: Path | None):
        self.path = Path(path) if path is not None else None
        self._words: dict[str, str] = {}  # casefolded -> as the user wrote it
        self._lock = threading.Lock()
        self.last_error: OSError | None = None
        self.reload()

    # --- reading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the file again (a missing or unreadable file gives an empty dictionary)."""
        words = self._read()
        with self._lock:
            self._words = words

    def _read(self) -> dict[str, str]:
        if self.path is None:
            return dict(self._words)
        try:
            text = self.path.read_bytes().decode("utf-8-sig", errors="replace")
        except FileNotFoundError:
            return {}
        except OSError as error:
            self.last_error = error
            return {}
        words: dict[str, str] = {}
        for line in text.splitlines():
            word = normalise_word(line)
            if word and not word.startswith("#") and valid_word(word) and "\ufffd" not in word:
                words.setdefault(word.casefold(), word)
        return words

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and normalise_word(word).casefold() in self._words

    def __len__(self) -> int:
        return len(self._words)

    def words(self) -> list[str]:
        """The words as written, sorted ignoring case."""
        with self._lock:
            return sorted(self._words.values(), key=lambda w: (w.casefold(), w))

    def folded(self) -> frozenset[str]:
        """The casefolded words (what the spell checker compares with)."""
        with self._lock:
            return frozenset(self._words)

    # --- changing -----------------------------------------------------------------------------
    def add(self, word: str) -> bool:
        """Add a word and save at once. Returns False if saving failed (see ``last_error``);
        the word is then still accepted until PiP Writer closes. Raises ValueError for text
        that is not a single word."""
        return self._change(word, add=True)

    def remove(self, word: str) -> bool:
        """Remove a word and save at once; False if saving failed."""
        return self._change(word, add=False)

    def _change(self, word: str, add: bool) -> bool:
        word = normalise_word(word)
        if add and not valid_word(word):
            raise ValueError(f"Not a single word: {word!r}")
        with self._lock:
            merged = self._read() if self.path is not None else dict(self._words)
            merged.update({k: v for k, v in self._words.items() if k not in merged})
            if add:
                merged.setdefault(word.casefold(), word)
            else:
                merged.pop(word.casefold(), None)
            self._words = merged
            return self._save(merged)

    def _save(self, words: dict[str, str]) -> bool:
        if self.path is None:
            return True
        body = "".join(f"{w}\n" for w in sorted(words.values(), key=lambda w: (w.casefold(), w)))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(self.path, (HEADER + body).encode("utf-8"))
        except OSError as error:
            self.last_error = error
            return False
        self.last_error = None
        return True
