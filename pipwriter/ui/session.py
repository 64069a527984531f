"""The open article in the app: the project, one live text document per section, undo, signals.

Text is edited in QTextDocuments (one per section, kept while the article is open so each keeps
its own undo history); the model is brought up to date from them with :meth:`sync` before
anything reads it (save, export, checks). Changes to the article's structure go through
:meth:`change`, which records an undoable snapshot.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFont, QTextDocument, QUndoStack

from ..model.article.article import Article
from ..model.article.citations import group_label
from ..model.article.later_typing import keep_later_typing
from ..model.article.text import RichText
from ..model.article.text_surface import standing_block
from ..model.language.counts import ParagraphCounter
from ..model.language.wordcount import countable
from ..model.rules.template import Template, get_template
from ..model.storage.project import Project
from ..model.storage.safe_save import save_with_backup
from .live_figures import BlockTally
from .richtext_bridge import (
    CitationRenderer,
    document_to_rich,
    install_citation_renderer,
    rich_to_document,
)
from .snapshot_undo import SnapshotCommand, TypingTimes
from .worker_jobs import run_then

PARKED_MAX = 20   # removed sections whose typing history an undo can still bring back


class Session(QObject):
    structureChanged = Signal()        # sections, authors or references added/removed/moved
    restored = Signal()                # an undo or redo of a change to the article
    typingKept = Signal(str)           # ...that left typing done since in place: what to say
    textChanged = Signal(str)          # a section's text changed (section id)
    articleChanged = Signal()          # anything changed
    modifiedChanged = Signal(bool)
    pathChanged = Signal()

    def __init__(self, project: Project, template: Template | None = None, parent=None,
                 spelling_later: bool = False):
        """``spelling_later``: the word lists are read by :meth:`read_spelling_lists`."""
        super().__init__(parent)
        self._outside_generation = 0     # changes outside the sections' text
        self.edits = 0                   # every change of the article, typing included
        self.figures_memo: tuple | None = None    # live_figures' structure-derived parts
        self.figures_result: tuple | None = None  # live_figures' last figures, with their key
        self._words_version = 0          # increases whenever a section's words may have changed
        self._extra: tuple[tuple[str, int], Article, Template, tuple[int, int]] | None = None
        self.project = project
        self.template = template or get_template(project.article.template_id)
        self.home_folder: Path | None = None     # offered by Save as… while there is no file
        self.undo_stack = QUndoStack(self)
        self.counter = ParagraphCounter()
        self._documents: dict[str, QTextDocument] = {}
        # removed sections' documents (and typing history) for an undo to bring back; PARKED_MAX
        self._parked: dict[str, tuple[QTextDocument, object]] = {}
        self._stale: set[str] = set()     # sections whose document is newer than the model
        self._undo_media: set[str] = set()  # media the undo history may bring back
        self._numbers: dict[str, int] | None = None  # cached reference numbering
        self._words: dict[str, tuple[str, int]] = {}  # section id -> (profile, words)
        self._tallies: dict[str, BlockTally] = {}     # section id -> its document's paragraphs
        self._citations_moved = False   # typing added or removed a citation since the last sync
        self._modified = False
        self._font = QFont()
        self._renderer = CitationRenderer(self.citation_label, self.superscript, self,
                                          labels_version=self.labels_version)
        self.highlighters: dict[str, object] = {}
        self.spelling = self._make_spell_engine(spelling_later)
        self.structureChanged.connect(self._update_spelling_names)

    # --- spelling -----------------------------------------------------------------------------
    def _make_spell_engine(self, later: bool):
        from ..model.language.spelling import SpellEngine
        from ..paths import user_dictionary_path
        settings = self.article.settings
        engine = SpellEngine(settings.spelling_language, user_dictionary_path(),
                             lists_later=later)
        engine.set_ignored(settings.spell_ignore)
        engine.set_project_names(a.name for a in self.article.authors)
        return engine

    def read_spelling_lists(self, then: Callable[[], None], owner: QObject) -> None:
        """The word lists read on a worker thread (if they are not in); then the underlines
        are drawn and ``then()`` is called, on the GUI thread, unless ``owner`` (the window)
        has been deleted meanwhile."""
        lists = self.spelling.lists

        def loaded() -> None:
            self.spelling.lists_loaded()
            then()
        if lists.ready():
            then()
        else:
            run_then(owner, lists.load, loaded)

    def _update_spelling_names(self) -> None:
        self.spelling.set_project_names(a.name for a in self.article.authors)
        self.spelling.set_ignored(self.article.settings.spell_ignore)
        if self.spelling.language != self.article.settings.spelling_language:
            self.spelling.set_language(self.article.settings.spelling_language)

    def ignore_word(self, word: str) -> None:
        """"Ignore in this article": kept in the project file."""
        ignored = self.article.settings.spell_ignore
        if word not in ignored:
            ignored.append(word)
            self.set_modified(True)

    def set_spelling_language(self, language: str) -> None:
        self.change("Change spelling language",
                    lambda article: setattr(article.settings, "spelling_language", language))

    # --- state ------------------------------------------------------------------------
    @property
    def article(self) -> Article:
        return self.project.article

    @property
    def path(self) -> Path | None:
        return self.project.path

    def is_modified(self) -> bool:
        return self._modified

    @property
    def outside_generation(self) -> int:
        """Increases at every change other than typing in a section."""
        return self._outside_generation

    @property
    def words_version(self) -> int:
        """Increases whenever a section's word count may have changed."""
        return self._words_version

    def set_modified(self, value: bool = True, *, text_only: bool = False) -> None:
        """``text_only``: the change was typing in a section (nothing outside the sections'
        text changed, so figures of the other parts still hold)."""
        if not text_only:
            self._outside_generation += 1
        if value != self._modified:
            self._modified = value
            self.modifiedChanged.emit(value)
        if value:
            self.edits += 1
            self.articleChanged.emit()

    # --- documents ----------------------------------------------------------------------
    def document(self, section_id: str) -> QTextDocument:
        """The live document for a section (made on first use)."""
        document = self._documents.get(section_id)
        if document is None and section_id in self._parked:
            return self._unpark(section_id)
        if document is None:
            section = self.article.section(section_id)
            document = QTextDocument(self)
            document.setDefaultFont(self._font)
            TypingTimes(document)           # for Edit › Undo away from the text
            install_citation_renderer(document, self._renderer)
            rich_to_document(section.body if section else RichText(), document)
            tally = self._tallies[section_id] = BlockTally(document, self.counter)
            self._words_version += 1        # counted from the document from now on
            document.contentsChange.connect(tally.changed)    # comes before contentsChanged
            document.contentsChanged.connect(lambda sid=section_id: self._on_text(sid))
            self._documents[section_id] = document
            from .spell_highlighter import SpellHighlighter
            self.highlighters[section_id] = SpellHighlighter(document, self.spelling)
            # each paragraph's model form, made now rather than by the first sync, which may
            # come while someone types (the journal's, a second in: ~7 ms at 10,000 words)
            QTimer.singleShot(0, document, lambda: tally.rich(
                self.article.settings.word_count_profile))
        return document

    def _unpark(self, section_id: str) -> QTextDocument:
        """A removed section is back: its document returns with its typing history (its text
        is set again only if the section came back with other text)."""
        document, highlighter = self._parked.pop(section_id)
        self._words_version += 1
        section = self.article.section(section_id)
        body = section.body if section else RichText()
        if document_to_rich(document) != body:
            self._set_quietly(section_id, body, document)
        document.setDefaultFont(self._font)
        self._documents[section_id] = document
        self.highlighters[section_id] = highlighter
        return document

    def set_text_font(self, font: QFont) -> None:
        self._font = QFont(font)
        for document in self._documents.values():
            document.setDefaultFont(self._font)

    def _set_quietly(self, section_id: str, body: RichText, document: QTextDocument) -> None:
        """Replace a document's text without signalling an edit (its counts are then redone)."""
        document.blockSignals(True)
        rich_to_document(body, document)
        document.blockSignals(False)
        self._forget_counts(section_id)

    def _forget_counts(self, section_id: str | None = None) -> None:
        """Count again (one section's document, or all) at the next figures."""
        self._words_version += 1
        for sid, tally in self._tallies.items():
            if section_id is None or sid == section_id:
                tally.reset()
        if section_id is None:
            self._words.clear()
        else:
            self._words.pop(section_id, None)

    def _on_text(self, section_id: str) -> None:
        self._stale.add(section_id)
        self._words.pop(section_id, None)
        tally = self._tallies.get(section_id)
        if tally is None or tally.total_changed:         # a letter inside a word changes none
            self._words_version += 1
            if tally is not None:
                tally.total_changed = False
        if tally is None or tally.citations_changed:    # plain typing keeps the numbering
            if tally is not None:
                tally.citations_changed = False
            self._citations_moved = True
            self._numbers = None
        self.set_modified(True, text_only=True)
        self.textChanged.emit(section_id)

    def sync(self) -> None:
        """Copy edited text from the documents into the model (only changed paragraphs are
        converted again)."""
        profile = self.article.settings.word_count_profile
        for section_id in list(self._stale):
            section = self.article.section(section_id)
            document = self._documents.get(section_id)
            tally = self._tallies.get(section_id)
            if section is not None and document is not None:
                section.body = tally.rich(profile) if tally else document_to_rich(document)
        self._stale.clear()
        if self._citations_moved:       # the numbering follows the model's citations
            self._citations_moved = False
            self._numbers = None

    def extra_words(self) -> tuple[int, int]:
        """(counted, total) words of everything but the sections (model ``counted_extra_words``),
        worked out again only when something other than a section's text may have changed:
        typing costs no recount of the title, references or declaration."""
        from ..model.language.counts import counted_extra_words
        profile = self.article.settings.word_count_profile
        key = (profile, self._outside_generation)
        known = self._extra
        # the same article and template objects (held here, so never a reused address)
        if known is not None and known[0] == key and known[1] is self.article and \
                known[2] is self.template and "key_quotes" not in self.template.counted:
            return known[3]                                 # key quotes live in the sections
        value = counted_extra_words(self.article, self.template, profile, self.counter)
        self._extra = (key, self.article, self.template, value)
        return value

    def section_words(self, section_id: str) -> int:
        """Words in a section now. Only a section whose text changed is counted again (and then
        only its changed paragraphs miss the counter's cache), so a keystroke never recounts
        the whole article."""
        profile = self.article.settings.word_count_profile
        known = self._words.get(section_id)
        if known is not None and known[0] == profile:
            return known[1]
        words = self._count_section(section_id, profile)
        self._words[section_id] = (profile, words)
        return words

    def _count_section(self, section_id: str, profile: str) -> int:
        tally = self._tallies.get(section_id)
        if tally is None or section_id not in self._documents:
            section = self.article.section(section_id)
            return sum(self.counter.count(countable(standing_block(p)), profile)
                       for p in section.body.paragraphs) if section else 0
        return tally.total(profile)       # only paragraphs changed since the last count

    def refresh_citations(self) -> None:
        """Repaint citations after the numbering changed."""
        self._numbers = None
        for document in self._documents.values():
            document.markContentsDirty(0, document.characterCount())

    def reference_numbers(self) -> dict[str, int]:
        """BMJ numbering, computed once per change rather than once per citation drawn."""
        if self._numbers is None:
            self._numbers = self.article.reference_numbers()
        return self._numbers

    def citation_label(self, ref_ids: list[str]) -> str:    # as printed: group_label
        return group_label(self.reference_numbers(), ref_ids, self.article.settings.citation_style)

    def labels_version(self) -> object:
        """What the citations' labels are made from (equal while they stay the same)."""
        return self.reference_numbers(), self.article.settings.citation_style

    def superscript(self) -> bool:
        return self.article.settings.citation_style == "superscript"

    # --- undoable structure changes -----------------------------------------------------
    def snapshot(self) -> str:
        """The article as it is now, the typing in the open sections included (JSON)."""
        self.sync()
        return json.dumps(self.article.to_json(), ensure_ascii=False)

    def change(self, description: str, mutate: Callable[[Article], object]) -> object:
        """Apply ``mutate`` to the article as one undoable step named ``description``."""
        before = self.snapshot()
        self._undo_media.update(ref.name for ref in self.article.media_refs())
        shown = {sid: copy.deepcopy(section.body) for sid in self._documents
                 if (section := self.article.section(sid)) is not None}
        result = mutate(self.article)
        after = self.snapshot()
        if after != before:
            self._show_changed_text(shown)
            self.undo_stack.push(SnapshotCommand(self, description, before, after))
            self._after_structure_change()
        return result

    def _show_changed_text(self, shown: dict[str, RichText]) -> None:
        """A change that edited a section's text (removing a reference's citations, say)
        puts the new text in that section's open document."""
        for section_id, body in shown.items():
            section = self.article.section(section_id)
            document = self._documents.get(section_id)
            if section is not None and document is not None and section.body != body:
                self._set_quietly(section_id, section.body, document)

    def replace_article(self, article: Article, description: str,
                        also: Callable[[bool], object] | None = None, kept: str = "") -> bool:
        """Put a whole other article (a version, a backup, a merge) in place as one undoable
        step. False when it is the same as now. ``also(True)`` is called once it is in place
        and at each redo, ``also(False)`` at each undo; ``kept``: where the article before it
        is kept (see ``SnapshotCommand``)."""
        before = self.snapshot()
        self._undo_media.update(ref.name for ref in self.article.media_refs())
        after = json.dumps(article.to_json(), ensure_ascii=False)
        if before == after:
            return False
        self.restore_snapshot(after)
        self.undo_stack.push(SnapshotCommand(self, description, before, after, also, kept))
        if also is not None:
            also(True)
        return True

    def restore_snapshot(self, snapshot: str, expected: str | None = None) -> list[str]:
        """Go to ``snapshot``; an undo or redo (``expected``: the article as it should be now)
        keeps the typing done since (model/article/later_typing.py). Returns the titles of the
        sections where, for that typing, some of what the undo or redo would change stays."""
        self.sync()
        restored = Article.from_json(json.loads(snapshot))
        kept = [] if expected is None else keep_later_typing(
            restored, Article.from_json(json.loads(expected)), self.article)
        for section in restored.sections:
            current = self.article.section(section.id)
            document = self._documents.get(section.id)
            if document is not None and (current is None or current.body != section.body):
                self._set_quietly(section.id, section.body, document)
        self.project.article = restored
        self._forget_counts()
        self._after_structure_change()
        self.restored.emit()
        return [section.title for section in restored.sections if section.id in kept]

    def _after_structure_change(self) -> None:
        self._forget_counts()     # a change may have replaced any section's text
        live = {s.id for s in self.article.sections}
        for section_id in [s for s in self._documents if s not in live]:
            self._parked[section_id] = (self._documents.pop(section_id),
                                        self.highlighters.pop(section_id, None))
        while len(self._parked) > PARKED_MAX:
            section_id = next(iter(self._parked))
            document, _highlighter = self._parked.pop(section_id)
            self._tallies.pop(section_id, None)
            document.deleteLater()
        self.refresh_citations()
        self.set_modified(True)
        self.structureChanged.emit()

    # --- saving -------------------------------------------------------------------------
    def save(self, path: Path | None = None) -> Path:
        """Save to ``path`` (or the current file); raises ProjectFileError with a message."""
        self.sync()
        old = self.project.path
        written = save_with_backup(self.project, path, keep_media=self._undo_media)
        self.set_modified(False)
        if written != old:
            self.pathChanged.emit()
        return written
