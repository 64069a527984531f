"""A language's word lists, loaded now or on another thread (Qt-free).

Reading the lists takes 40–50 ms (unzipping, splitting, building the sets). The window need not
wait for them to show the article: the app loads them on a worker thread while the window is
painted, and the underlines appear when they are in (issue 23, cold start). Nothing may be
judged without them, so whoever asks for the lists first waits for a load going on, or loads
them there and then if nobody has started: :meth:`LanguageLists.get` never returns without
the lists, and never waits for a load that is not happening.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .wordlists import DictionaryError, WordList, load_wordlist


class LanguageLists:
    """The word lists in ``paths``, read once by whichever thread gets there first."""

    def __init__(self, paths: tuple[Path, ...]):
        self.paths = paths
        self._lists: tuple[WordList, ...] | None = None
        self._error: DictionaryError | None = None
        self._lock = threading.Lock()

    @classmethod
    def of(cls, directory: Path, language: str, *others: str) -> LanguageLists:
        """The lists of ``language`` (and the ``others`` in ``directory``), not read yet."""
        paths = (directory / f"{language}.words.gz", *(directory / name for name in others))
        for path in paths:
            if not path.exists():
                raise DictionaryError(f"The spelling dictionary {path.name} is missing from this "
                                      "installation. Reinstalling PiP Writer should fix this.")
        return cls(paths)

    def load(self) -> None:
        """Read the lists unless they have been (any thread; a second caller waits for the
        first). A damaged list is kept as its error, raised to whoever asks for the lists."""
        with self._lock:
            if self._lists is not None or self._error is not None:
                return
            try:
                self._lists = tuple(load_wordlist(path) for path in self.paths)
            except DictionaryError as error:
                self._error = error

    def ready(self) -> bool:
        """True once the lists are read (or found damaged): asking for them will not wait."""
        return self._lists is not None or self._error is not None

    def get(self) -> tuple[WordList, ...]:
        """The lists, read here if no other thread is reading them (then waited for)."""
        lists = self._lists
        if lists is None:
            self.load()
            if self._error is not None:
                raise self._error
            lists = self._lists
            assert lists is not None
        return lists
