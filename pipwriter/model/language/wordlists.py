"""The spelling word lists: loading them (once per process) and asking them about words.

Lists come from ``resources/dictionaries/`` (built by ``tools/build_dictionaries.py``): a
language list (SCOWL, gzip-compressed, in sections) with frequency scores, and plain lists of
words such as ``health.words``. They load as plain Python sets in tens of milliseconds.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PipError
from .user_dictionary import normalise_word


class DictionaryError(PipError):
    """A word list is missing or damaged (the installation is incomplete)."""


# --- word lists -------------------------------------------------------------------------------
@dataclass(eq=False)
class WordList:
    """One loaded word list. ``lower`` matches any capitalisation; ``cased`` entries (names,
    acronyms) match as written or in capitals; ``forms`` maps their lower case to the entry."""

    name: str
    lower: frozenset[str]
    cased: frozenset[str]
    forms: dict[str, str]
    _freq_text: str = ""
    _freq: dict[str, int] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def scores(self) -> dict[str, int]:
        """Lower-case word -> frequency score (10 x ln count); parsed on first use."""
        if self._freq is None:
            with self._lock:
                if self._freq is None:
                    flat = self._freq_text.replace("\t", "\n").split("\n") if self._freq_text else []
                    try:
                        self._freq = dict(zip(flat[0::2], map(int, flat[1::2]), strict=True))
                    except ValueError:  # damaged scores only make suggestions unranked
                        self._freq = {}
                    self._freq_text = ""
        return self._freq

    def __contains__(self, word: str) -> bool:
        return word in self.lower or word in self.cased

    def __len__(self) -> int:
        return len(self.lower) + len(self.cased)


def _make(name: str, lower: Iterable[str], cased: Iterable[str], freq_text: str = "") -> WordList:
    cased = frozenset(cased)
    forms: dict[str, str] = {}
    for word in sorted(cased):
        forms.setdefault(word.lower(), word)
    return WordList(name, frozenset(lower), cased, forms, freq_text)


def read_wordlist(path: Path) -> WordList:
    """Read a ``*.words.gz`` file written by tools/build_dictionaries.py (no caching)."""
    try:
        text = gzip.decompress(Path(path).read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as error:   # the details go to the log
        raise DictionaryError(f"The spelling word list {Path(path).name} is damaged and could "
                              "not be read. Reinstalling PiP Writer should fix this.") from error
    if not text.startswith("#pipwriter-wordlist 1\n"):
        raise DictionaryError(f"The spelling word list {Path(path).name} is not in a format "
                              "this version of PiP Writer understands. Reinstalling "
                              "PiP Writer should fix this.")
    sections = {}
    for chunk in text.split("\n#section ")[1:]:
        name, _, body = chunk.partition("\n")
        sections[name] = body.rstrip("\n")
    lower = sections.get("lower", "").split("\n")
    cased = sections.get("cased", "").split("\n")
    return _make(Path(path).name, filter(None, lower), filter(None, cased),
                 sections.get("freq", ""))


def read_plain_words(path: Path) -> WordList:
    """Read a plain word list: one word per line, '#' comments (health.words)."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:     # the details go to the log
        raise DictionaryError(f"The spelling word list {Path(path).name} is damaged and could "
                              "not be read. Reinstalling PiP Writer should fix this.") from error
    words = {normalise_word(line) for line in lines if line.strip() and not line.startswith("#")}
    return _make(Path(path).name, (w for w in words if w == w.lower()),
                 (w for w in words if w != w.lower()))


_loaded: dict[Path, WordList] = {}
_loaded_lock = threading.Lock()


def load_wordlist(path: Path, use_cache: bool = True) -> WordList:
    """Read a word list once per process (``.gz`` = sectioned list, else plain words)."""
    path = Path(path)
    with _loaded_lock:
        cached = _loaded.get(path) if use_cache else None
    if cached is not None:
        return cached
    wordlist = read_wordlist(path) if path.suffix == ".gz" else read_plain_words(path)
    if use_cache:
        with _loaded_lock:
            _loaded[path] = wordlist
    return wordlist


def clear_wordlist_cache() -> None:
    """Forget loaded word lists (benchmarks measure loading from disk with it)."""
    with _loaded_lock:
        _loaded.clear()


def default_dictionaries_dir() -> Path:
    from ...resources import resource
    return resource("dictionaries")


