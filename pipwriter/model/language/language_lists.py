"""A language's word lists, loaded now or on another thread (Qt-free).

Reading the lists takes 40–50 ms (unzipping, splitting, building the sets). The window need not
wait for them to show the article: the app loads them on a worker thread while the window is
painted, and the underlines appear when they are in (issue 23, cold start). Nothing may be
judged without them, so whoever asks for the lists first waits for a load going on, or loads
them there and then if nobody has started: :meth:`LanguageLists.get` never returns without
the lists, and never waits for a load that is not happening.

A missing or damaged list does not stop the app: it is kept as its error (:meth:`damage`), the
checks say spelling was not checked, and the window tells the user why and how to mend it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from .wordlists import DictionaryError, WordList, load_wordlist

logger = logging.getLogger(__name__)


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
        return cls((directory / f"{language}.words.gz", *(directory / name for name in others)))

    def load(self) -> None:
        """Read the lists unless they have been (any thread; a second caller waits for the
        first). A damaged list is kept as its error, raised to whoever asks for the lists."""
        with self._lock:
            if self._lists is not None or self._error is not None:
                return
            try:
                for path in self.paths:
                    if not path.exists():
                        raise DictionaryError(
                            f"The spelling word list {path.name} is missing from this "
                            "installation. Reinstalling PiP Writer should fix this.")
                self._lists = tuple(load_wordlist(path) for path in self.paths)
            except DictionaryError as error:
                cause = f" ({error.__cause__!r})" if error.__cause__ else ""
                logger.warning("Spelling is off: %s%s", error, cause)
                self._error = error

    def ready(self) -> bool:
        """True once the lists are read (or found damaged): asking for them will not wait."""
        return self._lists is not None or self._error is not None

    def loaded(self) -> bool:
        """True once the lists are read and sound: checking words will neither wait nor fail."""
        return self._lists is not None

    def damage(self) -> DictionaryError | None:
        """Why the lists cannot be used (missing or damaged), or None: read here if need be."""
        self.load()
        return self._error

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
