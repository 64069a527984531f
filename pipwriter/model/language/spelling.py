"""Spell checking in British (or American) English with health vocabulary (Qt-free).

Word lists come from ``resources/dictionaries/`` (built by ``tools/build_dictionaries.py``):
a language list (SCOWL) with frequency scores, ``health.words`` and, for American English only,
``health-en_US.words``; a British article is offered the British form of an American spelling
first (:mod:`.british_forms`). They load as plain Python sets in tens of milliseconds. Results
are cached per paragraph text, so retyping one paragraph re-checks only that paragraph.

What is never flagged: URLs, e-mail addresses, DOIs, @handles, #hashtags, file names, anything
containing a digit (3.5mg, 45%, 2019/20), acronyms in capitals of up to six letters (NHS, A&E,
GPs), words with a capital inside (eGFR, mRNA, McDonald), single letters, the authors' names,
the user's personal dictionary and words ignored in this article. Curly and straight
apostrophes are the same (patient’s = patient's; "'s" is accepted after any known word), and
each part of a hyphenated word is checked on its own (co-production: "co" is a known prefix).
The language lists carry their own inflections (from SCOWL); the health list mostly names things,
so the regular plural of a health word is accepted too (gastroenterologists, colposcopies,
echocardiograms) by the spelling rules alone: -s, -es after s/x/z/ch/sh, -ies for consonant + y.

Offsets are Python string indices. Qt counts UTF-16 code units, which differ after characters
outside the Basic Multilingual Plane (emoji): use :func:`utf16_spans` / :func:`python_index`.

Thread safety: the checker's state is replaced, never mutated, so ``suggest_more`` may run on a
worker thread while the user keeps typing.
"""

from __future__ import annotations

import inspect
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from .british_forms import british_forms
from .language_lists import LanguageLists
from .spelling_suggestions import best_first, distance_two, splits
from .spelling_words import (
    HYPHEN_PREFIXES,
    HYPHEN_SPLIT,
    SKIP,
    SKIP_HINT,
    TOKEN,
    edits1,
    has_inner_capital,
    in_pieces,
    is_acronym,
    name_words,
    normalise,
    plural_stem,
)
from .user_dictionary import UserDictionary, normalise_word
from .utf16 import Span, python_index, utf16_spans
from .wordlists import (
    DictionaryError,
    WordList,
    clear_wordlist_cache,
    default_dictionaries_dir,
    load_wordlist,
    read_plain_words,
    read_wordlist,
)

__all__ = ["DictionaryError", "Span", "SpellEngine", "WordList", "clear_wordlist_cache",
           "default_dictionaries_dir", "load_wordlist", "name_words", "python_index",
           "read_plain_words", "read_wordlist", "utf16_spans"]

LANGUAGES = {"en_GB": "British English", "en_US": "American English"}
DEFAULT_LANGUAGE = "en_GB"
HEALTH_FILE = "health.words"
HEALTH_FILES = {"en_GB": (HEALTH_FILE,), "en_US": (HEALTH_FILE, "health-en_US.words")}
CACHE_SIZE = 4096  # paragraphs, and pieces of paragraphs
CACHED_TEXT_MAX = 8_000  # characters: longer ones are checked again, not kept (memory bound)
WORD_CACHE_SIZE = 50_000  # words (and parts of hyphenated words) already judged
SUGGESTION_CACHE_SIZE = 512  # words
SUGGEST_MORE_SECONDS = 0.6  # bound on the distance-2 search
USER_WORD_SCORE = 60  # frequency score given to personal words, extra words and names
MAX_SUGGEST_LENGTH = 50  # longer "words" get no suggestions (bounds time and memory)

# --- the engine -------------------------------------------------------------------------------
class SpellEngine:
    """Checks paragraphs and suggests corrections. See the module docstring for the rules."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, user_words_path: Path | None = None,
                 extra_words: Iterable[str] = (), *, dictionaries_dir: Path | None = None,
                 lists_later: bool = False):
        """``lists_later``: the word lists are read by ``self.lists.load()`` (on a worker
        thread) or by the first check, which waits for them (language_lists.py)."""
        self._dir = Path(dictionaries_dir) if dictionaries_dir else default_dictionaries_dir()
        self.language = self._check_language(language)
        self.lists = LanguageLists.of(self._dir, self.language, *HEALTH_FILES[self.language])
        if not lists_later:
            self.lists.load()   # a missing or damaged list is kept: see lists.damage()
        self.user = UserDictionary(user_words_path)
        self._extra = frozenset(normalise_word(w) for w in extra_words if normalise_word(w))
        self._names: frozenset[str] = frozenset()
        self._ignored: dict[str, str] = {}  # casefolded -> as given
        self._accepted: dict[str, str] = {}  # casefolded -> written form (user, extra, names)
        self._ignored_folded: frozenset[str] = frozenset()
        self.enabled = True
        self.generation = 0  # increases whenever results may have changed
        self._cache: OrderedDict[str, tuple[Span, ...]] = OrderedDict()
        # each word's verdict, alone and as a hyphenated prefix, and each piece's spans (typing
        # re-checks one piece of a paragraph, and only its new words)
        self._verdicts: tuple[dict[str, bool], dict[str, bool]] = ({}, {})
        self._pieces: dict[str, tuple[Span, ...]] = {}
        # distance-1 suggestions, remembered: the checklist's spelling findings ask for the
        # same words each time the marks are worked out
        self._suggestions: OrderedDict[tuple[str, int], tuple[str, ...]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._listeners: list[Callable[[], Callable[[], None] | None]] = []  # weak refs
        self._rebuild_accepted()

    # --- set-up -------------------------------------------------------------------------
    @staticmethod
    def _check_language(language: str) -> str:
        language = (language or DEFAULT_LANGUAGE).replace("-", "_")
        if language not in LANGUAGES:
            raise ValueError(f"Unknown spelling language {language!r}; "
                             f"choose one of {', '.join(LANGUAGES)}")
        return language

    @property
    def _lists(self) -> tuple[WordList, ...]:
        return self.lists.get()

    def lists_loaded(self) -> None:
        """``self.lists.load()`` ran on another thread: the listeners check again."""
        self._changed()

    def _rebuild_accepted(self) -> None:
        accepted: dict[str, str] = {}
        for word in (*self._names, *self._extra, *self.user.words()):
            accepted.setdefault(word.casefold(), word)
        self._accepted = accepted
        self._ignored_folded = frozenset(self._ignored)

    def warm_up(self) -> None:
        """Parse the frequency scores now (otherwise the first suggestion does it, ~30 ms).
        Safe to call from a worker thread."""
        for wordlist in self._lists:
            wordlist.scores()

    # --- change notification ----------------------------------------------------------------
    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever results may have changed (word added, language...).
        Bound methods are held weakly, so a deleted highlighter does not linger."""
        if inspect.ismethod(callback):
            self._listeners.append(weakref.WeakMethod(callback))
        else:
            self._listeners.append(lambda: callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        self._listeners = [r for r in self._listeners if r() not in (None, callback)]

    def _changed(self) -> None:
        self.clear_cache()
        self.generation += 1
        for ref in list(self._listeners):
            callback = ref()
            if callback is not None:
                callback()
        self._listeners = [ref for ref in self._listeners if ref() is not None]

    def clear_cache(self) -> None:
        with self._cache_lock:
            self._cache.clear()
            self._suggestions.clear()
            for verdicts in self._verdicts:
                verdicts.clear()
            self._pieces.clear()

    # --- settings -----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        language = self._check_language(language)
        if language != self.language:
            lists = LanguageLists.of(self._dir, language, *HEALTH_FILES[language])
            lists.load()
            self.lists = lists
            self.language = language
            self._changed()

    def set_enabled(self, enabled: bool) -> None:
        """Spell checking on or off for every panel (highlighters listen)."""
        if bool(enabled) != self.enabled:
            self.enabled = bool(enabled)
            self._changed()

    def set_project_names(self, names: Iterable[str]) -> None:
        """The authors' names (whole names are fine: they are split into words)."""
        words = frozenset(name_words(names))
        if words != self._names:
            self._names = words
            self._rebuild_accepted()
            self._changed()

    @property
    def ignore_words(self) -> frozenset[str]:
        """Words ignored in this article (as given; the project file keeps them)."""
        return frozenset(self._ignored.values())

    def set_ignored(self, words: Iterable[str]) -> None:
        """Replace the per-article ignore list (e.g. after opening a project)."""
        ignored: dict[str, str] = {}
        for word in words:
            word = normalise_word(word)
            if word:
                ignored.setdefault(word.casefold(), word)
        if ignored != self._ignored:
            self._ignored = ignored
            self._rebuild_accepted()
            self._changed()

    def ignore_word(self, word: str) -> None:
        """Ignore one more word in this article (any capitalisation)."""
        word = normalise_word(word)
        if word and word.casefold() not in self._ignored:
            self.set_ignored([*self._ignored.values(), word])

    def add_user_word(self, word: str) -> bool:
        """Add to the personal dictionary, saved at once. False if it could not be saved (the
        word is still accepted until PiP Writer closes; ``self.user.last_error`` says why)."""
        saved = self.user.add(word)
        self._rebuild_accepted()
        self._changed()
        return saved

    def reload_user_words(self) -> None:
        """Re-read the personal dictionary (words added in another PiP Writer window)."""
        self.user.reload()
        self._rebuild_accepted()
        self._changed()

    # --- checking -----------------------------------------------------------------------------
    def is_known(self, word: str) -> bool:
        """True if a single word (no hyphens) is spelt correctly under the rules above."""
        return self._part_ok(normalise(word), prefix=False)

    def _in_lists(self, word: str) -> bool:
        lower = word.lower()
        for wordlist in self._lists:
            if word in wordlist.lower or word in wordlist.cased:
                return True
            if lower != word and (lower in wordlist.lower
                                  or (word.isupper() and lower in wordlist.forms)):
                return True
        folded = word.casefold()
        return folded in self._accepted or folded in self._ignored_folded

    def _part_ok(self, word: str, prefix: bool) -> bool:
        if len(word) < 2 or any(ch.isdigit() for ch in word) or "_" in word:
            return True
        if is_acronym(word) or has_inner_capital(word) or self._in_lists(word):
            return True
        if (word.endswith("'s") or word.endswith("'S")) and len(word) > 3:
            if self._in_lists(word[:-2]):
                return True
        if self._is_health_plural(word.lower()):
            return True
        return prefix and word.lower() in HYPHEN_PREFIXES

    def _is_health_plural(self, lower: str) -> bool:
        """The regular plural of a lower-case health word (see the module docstring)."""
        stem = plural_stem(lower)
        return stem is not None and any(stem in wordlist.lower for wordlist in self._lists
                                        if wordlist.name == HEALTH_FILE)

    def _word_ok(self, part: str, prefix: bool) -> bool:
        """:meth:`_part_ok` of a part as written, remembered until the lists change."""
        verdicts = self._verdicts[prefix]
        if (known := verdicts.get(part)) is None:
            if len(verdicts) > WORD_CACHE_SIZE:
                verdicts.clear()
            known = verdicts[part] = self._part_ok(normalise(part), prefix)
        return known

    def _check(self, paragraph: str) -> tuple[Span, ...]:
        skips = [m.span() for m in SKIP.finditer(paragraph)] \
            if SKIP_HINT.search(paragraph) else []
        out: list[Span] = []
        skip_index = 0
        for match in TOKEN.finditer(paragraph):
            start, end = match.span()
            while skip_index < len(skips) and skips[skip_index][1] <= start:
                skip_index += 1
            if skip_index < len(skips) and skips[skip_index][0] < end:
                continue  # inside (or touching) a URL, address, DOI, handle...
            token = match.group()
            if "_" in token:
                continue
            if not HYPHEN_SPLIT.search(token):       # most words: one part
                if not self._word_ok(token, False):
                    out.append((start, end, token))
                continue
            parts = list(HYPHEN_SPLIT.finditer(token))
            bounds = [0, *(p for m in parts for p in m.span()), len(token)]
            for index in range(0, len(bounds), 2):
                part_start, part_end = bounds[index], bounds[index + 1]
                part = token[part_start:part_end]
                is_prefix = index + 2 < len(bounds)
                if not self._word_ok(part, is_prefix):
                    out.append((start + part_start, start + part_end, part))
        return tuple(out)

    def misspelt_spans(self, paragraph: str) -> list[Span]:
        """(start, end, word) for each misspelt word, as Python string offsets (cached, and so
        are the paragraph's sentences: an edit re-checks only the sentence it changed)."""
        with self._cache_lock:
            cached = self._cache.get(paragraph)
            if cached is not None:
                self._cache.move_to_end(paragraph)
                return list(cached)
        result = in_pieces(paragraph, self._piece_spans)
        if len(paragraph) <= CACHED_TEXT_MAX:   # a pasted 120,000-character paragraph, kept
            with self._cache_lock:              # at every pause, would fill the memory
                self._cache[paragraph] = result
                if len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)
        return list(result)

    def _piece_spans(self, piece: str) -> tuple[Span, ...]:
        """A piece's spans, remembered (a plain dict, as the verdicts: no lock to read it)."""
        if (found := self._pieces.get(piece)) is None:
            if len(self._pieces) > CACHE_SIZE:
                self._pieces.clear()
            found = self._check(piece)
            if len(piece) <= CACHED_TEXT_MAX:
                self._pieces[piece] = found
        return found

    # --- suggestions --------------------------------------------------------------------------
    def _score(self, lower: str) -> int:
        best = max((wordlist.scores().get(lower, 0) for wordlist in self._lists), default=0)
        return best or (USER_WORD_SCORE if lower in self._accepted else 0)

    def _known_forms(self, candidates: Iterable[str]) -> dict[str, str]:
        """Lower-case candidate -> how it is written, for candidates that are words."""
        candidates = set(candidates)
        found: dict[str, str] = {}
        for wordlist in self._lists:
            for word in wordlist.lower.intersection(candidates):
                found[word] = word
        for wordlist in self._lists:
            for word in candidates.intersection(wordlist.forms):
                found.setdefault(word, wordlist.forms[word])
        for word in candidates.intersection(self._accepted):
            found.setdefault(word, self._accepted[word])
        return found

    def suggest(self, word: str, max_distance: int = 1, limit: int = 8) -> list[str]:
        """Corrections for ``word``, best first, in the word's capitalisation. Distance 1 takes
        a few milliseconds; ``max_distance=2`` is :meth:`suggest_more` (keep it off the GUI
        thread)."""
        if max_distance >= 2:
            return self.suggest_more(word, limit)
        key = (word, limit)
        with self._cache_lock:
            known = self._suggestions.get(key)
            if known is not None:
                self._suggestions.move_to_end(key)
                return list(known)
        found = self._suggest(word, limit, deadline=None)
        with self._cache_lock:
            self._suggestions[key] = tuple(found)
            if len(self._suggestions) > SUGGESTION_CACHE_SIZE:
                self._suggestions.popitem(last=False)
        return found

    def suggest_more(self, word: str, limit: int = 8,
                     time_limit: float = SUGGEST_MORE_SECONDS) -> list[str]:
        """Distance-1 and then distance-2 corrections; the distance-2 search stops after
        ``time_limit`` seconds with what it has found."""
        return self._suggest(word, limit, deadline=time.perf_counter() + time_limit)

    def _suggest(self, word: str, limit: int, deadline: float | None) -> list[str]:
        typed = normalise(word.strip())
        suffix = ""
        if (len(typed) > 3 and typed[-2:] in ("'s", "'S")
                and not self._in_lists(typed)):
            suffix = word.strip()[-2:]  # keep the writer's own apostrophe
            typed = typed[:-2]
        lower = typed.lower()
        if not lower or len(lower) > MAX_SUGGEST_LENGTH:
            return []  # a pasted run of characters is not worth (or safe) editing letter by letter
        ranked: dict[str, tuple[int, int]] = {}  # written form -> (distance, score)
        exact = self._known_forms([lower]).get(lower)
        if exact is not None and exact != typed:
            ranked[exact] = (0, 0)
        if self.language == "en_GB":    # "centre" for "center", before "enter"
            ranked.update(dict.fromkeys(self._known_forms(british_forms(lower)).values(), (0, 0)))
        edits = edits1(lower)
        for cand, form in self._known_forms(edits).items():
            ranked.setdefault(form, (1, self._score(cand)))
        for form, key in splits(lower, self._score).items():
            ranked.setdefault(form, key)
        if deadline is not None and len(lower) <= MAX_SUGGEST_LENGTH // 2:
            distance_two(edits, ranked, deadline, self._known_forms, self._score)
        ranked.pop(typed, None)
        return best_first(ranked, word, typed, suffix, limit)
