"""Illustrations (pictures with caption, alt text, credit) and media clips (files or links).

Two tabs, each a list and a form for the chosen item. Every edit is one undoable step
(``session.change``). The rules (the template's limit, discouraged kinds, clip sizes, links) live
in :mod:`pipwriter.model.media_rules`; this panel only shows them.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..model.article import Article
from ..model.media import CLIP_KINDS, ILLUSTRATION_KINDS, Illustration, MediaClip, MediaRef
from ..model.media_rules import (
    MediaRuleError,
    check_clip_file,
    clip_file_filter,
    clip_size_warning,
    clip_warning_mb,
    format_size,
    illustration_kind_warning,
    illustration_limit_problem,
    normalise_clip_url,
)
from ..model.ordering import move_item
from .id_list import current_id, fill_id_list
from .media_widgets import (
    ImageDrop,
    dropped_file,
    import_picture,
    picture_info,
    problem_label,
    show_problem,
    small_picture_warning,
    store_picture,
    warning_label,
    wrapping_list,
)

ROLE = Qt.ItemDataRole.UserRole
KIND_LABELS = {"photo": "Photograph", "diagram": "Diagram", "infographic": "Infographic",
               "drawing": "Drawing or artwork", "chart": "Chart or graph", "table": "Table",
               "other": "Other"}
CLIP_LABELS = {"video": "Video", "audio": "Audio (sound only)"}
ALT_TEXT_HINT = ("Alt text is read aloud to people who cannot see the picture. Say what it shows "
                 "and why it matters, in a sentence or two (about 125 characters). Don't start "
                 "with “Picture of”, and don't repeat the caption.")


class PlainEdit(QPlainTextEdit):
    """A multi-line box that says when the user has finished editing (on leaving it)."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.editingFinished.emit()


def _button(text: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    button.clicked.connect(lambda *_: slot())
    return button


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class IllustrationsPanel(QWidget):
    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window_ = window
        self.session = window.session
        self._loading = False
        self._loaded_clip = ""
        self._import_warnings: dict[str, list[str]] = {}
        panel = self.session.template.panels.get("illustrations")
        intro = QLabel(panel.prompt if panel else "")
        intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._illustrations_tab(), "Illustrations")
        self.tabs.addTab(self._clips_tab(), "Audio and video clips")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Illustrations and clips</h2>"))
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    @property
    def dialogs(self):
        return self.window_.dialogs

    @property
    def rules(self) -> dict:
        return self.session.template.rules

    def _line(self, accessible: str, slot) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        edit.editingFinished.connect(slot)
        return edit

    def _plain(self, accessible: str, slot, height: int = 80) -> PlainEdit:
        edit = PlainEdit()
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(height)
        edit.editingFinished.connect(slot)
        return edit

    # --- building ---------------------------------------------------------------------------
    def _illustrations_tab(self) -> QWidget:
        self.ill_list = wrapping_list()
        self.ill_list.setAccessibleName("Illustrations, in figure order")
        self.ill_list.currentItemChanged.connect(lambda *_: self._load_illustration())
        self.add_ill_button = _button("&Add an illustration…", self.add_illustration)
        self.remove_ill_button = _button("&Remove illustration", self.remove_illustration)
        self.up_ill_button = _button("Move &up", lambda: self.move_illustration(-1))
        self.down_ill_button = _button("Move do&wn", lambda: self.move_illustration(1))
        self.limit_label = QLabel()
        self.limit_label.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.ill_list, 1)
        for button in (self.add_ill_button, self.remove_ill_button, self.up_ill_button,
                       self.down_ill_button):
            left.addWidget(button)
        left.addWidget(self.limit_label)

        self.ill_preview = ImageDrop(self.drop_image, "Drop a picture here to add it.", 200)
        self.ill_preview.setAccessibleName("The picture (drop a picture file here)")
        self.replace_button = _button("Choose another &picture…", self.replace_image)
        self.ill_info = QLabel()
        self.ill_info.setWordWrap(True)
        self.ill_warnings = warning_label()
        self.caption = self._line("Caption", self._apply_illustration)
        self.alt_text = self._plain("Alt text: a description for people who cannot see the "
                                    "picture", self._apply_illustration)
        self.alt_hint = QLabel(ALT_TEXT_HINT)
        self.alt_hint.setWordWrap(True)
        self.alt_count = QLabel()
        self.alt_text.textChanged.connect(self._count_alt_text)
        self.credit = self._line("Credit: who made or owns the picture", self._apply_illustration)
        self.credit.setPlaceholderText("e.g. Photo: Jane Smith, or Drawn by the authors")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Type of illustration")
        for kind in ILLUSTRATION_KINDS:
            self.kind.addItem(KIND_LABELS.get(kind, kind.capitalize()), kind)
        self.kind.currentIndexChanged.connect(lambda *_: self._apply_illustration())
        self.kind_warning = problem_label()
        self.permission = QCheckBox("We have per&mission to publish this picture (or made it "
                                    "ourselves)")
        self.permission.toggled.connect(lambda *_: self._apply_illustration())
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.ill_preview)
        preview_row.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignTop)
        preview_row.addStretch(1)
        form = QFormLayout()
        form.addRow(preview_row)
        form.addRow(self.ill_info)
        form.addRow(self.ill_warnings)
        form.addRow("&Type:", self.kind)
        form.addRow("", self.kind_warning)
        form.addRow("&Caption:", self.caption)
        form.addRow("A&lt text:", self.alt_text)
        form.addRow("", self.alt_count)
        form.addRow("", self.alt_hint)
        form.addRow("Cre&dit:", self.credit)
        form.addRow("", self.permission)
        form_widget = QWidget()
        column = QVBoxLayout(form_widget)
        column.addLayout(form)
        column.addStretch(1)
        self.ill_form = [self.replace_button, self.caption, self.alt_text, self.credit,
                         self.kind, self.permission, self.remove_ill_button]
        tab = QWidget()
        row = QHBoxLayout(tab)
        row.addLayout(left, 1)
        row.addWidget(_scrolled(form_widget), 2)
        return tab

    def _clips_tab(self) -> QWidget:
        self.clip_list = wrapping_list()
        self.clip_list.setAccessibleName("Audio and video clips")
        self.clip_list.currentItemChanged.connect(lambda *_: self._load_clip())
        self.attach_button = _button("&Attach a clip file…", self.attach_clip_file)
        self.link_button = _button("Add a &link to a clip…", self.add_clip_link)
        self.remove_clip_button = _button("&Remove clip", self.remove_clip)
        left = QVBoxLayout()
        left.addWidget(self.clip_list, 1)
        for button in (self.attach_button, self.link_button, self.remove_clip_button):
            left.addWidget(button)
        note = QLabel(f"Clips over {clip_warning_mb(self.rules)} MB make the submission hard "
                      "to send; for long clips, add a link instead.")
        note.setWordWrap(True)
        left.addWidget(note)

        self.clip_source = QLabel()
        self.clip_source.setWordWrap(True)
        self.clip_source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clip_warnings = warning_label()
        self.clip_url = self._line("Web address of the clip", self._apply_clip)
        self.url_problem = problem_label()
        self.clip_kind = QComboBox()
        self.clip_kind.setAccessibleName("Video or audio")
        for kind in CLIP_KINDS:
            self.clip_kind.addItem(CLIP_LABELS.get(kind, kind.capitalize()), kind)
        self.clip_kind.currentIndexChanged.connect(lambda *_: self._apply_clip())
        self.clip_title = self._line("Title of the clip", self._apply_clip)
        self.clip_caption = self._line("Caption of the clip", self._apply_clip)
        self.transcript = self._plain("Transcript or description of the clip", self._apply_clip,
                                      160)
        self.transcript.setPlaceholderText("What is said in the clip (a transcript), or a "
                                           "description of what it shows, for people who cannot "
                                           "hear or see it.")
        self.clip_permission = QCheckBox("Everyone in the clip agreed to its &publication")
        self.clip_permission.toggled.connect(lambda *_: self._apply_clip())
        form = QFormLayout()
        form.addRow(self.clip_source)
        form.addRow(self.clip_warnings)
        form.addRow("&Web address:", self.clip_url)
        form.addRow("", self.url_problem)
        form.addRow("&Kind:", self.clip_kind)
        form.addRow("&Title:", self.clip_title)
        form.addRow("&Caption:", self.clip_caption)
        form.addRow("Tra&nscript or description:", self.transcript)
        form.addRow("", self.clip_permission)
        form_widget = QWidget()
        column = QVBoxLayout(form_widget)
        column.addLayout(form)
        column.addStretch(1)
        self.clip_form = [self.clip_title, self.clip_caption, self.transcript,
                          self.clip_permission, self.remove_clip_button]
        tab = QWidget()
        row = QHBoxLayout(tab)
        row.addLayout(left, 1)
        row.addWidget(_scrolled(form_widget), 2)
        return tab

    # --- both lists -------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        article = self.session.article
        rows = []
        for number, ill in enumerate(article.illustrations, start=1):
            label = KIND_LABELS.get(ill.kind, ill.kind)
            name = ill.caption or ill.media.original_name or "no caption yet"
            note = "  ⚠" if illustration_kind_warning(self.rules, ill.kind) else ""
            rows.append((ill.id, f"Figure {number}: {name} ({label}){note}"))
        fill_id_list(self.ill_list, rows)
        fill_id_list(self.clip_list, [
            (clip.id, f"{clip.title or 'Untitled clip'} "
                      f"({CLIP_LABELS.get(clip.kind, clip.kind).lower()}, "
                      f"{format_size(clip.media.size) if clip.media else 'link'})")
            for clip in article.clips])
        self._loading = False
        self._show_limit()
        self._load_illustration()
        self._load_clip()

    def _show_limit(self) -> None:
        count = len(self.session.article.illustrations)
        maximum = self.session.template.limit("illustrations").max
        if maximum is None:
            self.limit_label.setText(f"{count} illustrations.")
            self.tabs.setTabText(0, f"Illustrations ({count})")
        else:
            self.limit_label.setText(f"{count} of {maximum} illustrations (the series allows up "
                                     f"to {maximum}).")
            self.tabs.setTabText(0, f"Illustrations ({count} of {maximum})")
        self.tabs.setTabText(1, f"Audio and video clips ({len(self.session.article.clips)})")

    def focus_item(self, item_id: str) -> None:
        for tab, widget in ((0, self.ill_list), (1, self.clip_list)):
            for row in range(widget.count()):
                if widget.item(row).data(ROLE) == item_id:
                    self.tabs.setCurrentIndex(tab)
                    widget.setCurrentRow(row)
                    return

    # --- illustrations ----------------------------------------------------------------------
    def current_illustration_id(self) -> str:
        return current_id(self.ill_list)

    def current_illustration(self) -> Illustration | None:
        wanted = self.current_illustration_id()
        return next((i for i in self.session.article.illustrations if i.id == wanted), None)

    def _limit_problem(self) -> str:
        return illustration_limit_problem(len(self.session.article.illustrations),
                                          self.session.template.limit("illustrations").max)

    def add_illustration(self) -> bool:
        from .. import imaging
        problem = self._limit_problem()
        if problem:
            self.dialogs.error("Add an illustration", problem)
            return False
        path = self.dialogs.ask_file("Choose a picture", imaging.file_dialog_filter())
        return self.add_illustration_from(path) if path else False

    def add_illustration_from(self, path: Path) -> bool:
        problem = self._limit_problem()
        if problem:
            self.dialogs.error("Add an illustration", problem)
            return False
        image = import_picture(self.window_, path, "illustration", "Could not use this picture")
        if image is None:
            return False
        ref = store_picture(self.session, image)
        self._import_warnings[ref.name] = list(image.warnings)
        illustration = Illustration(ref)
        self.session.change("Add illustration", lambda a: a.illustrations.append(illustration))
        self.refresh()
        self.focus_item(illustration.id)
        self.caption.setFocus()
        return True

    def replace_image(self) -> bool:
        from .. import imaging
        if self.current_illustration() is None:
            return False
        path = self.dialogs.ask_file("Choose another picture", imaging.file_dialog_filter())
        return self.replace_image_from(path) if path else False

    def replace_image_from(self, path: Path) -> bool:
        current = self.current_illustration()
        if current is None:
            return False
        image = import_picture(self.window_, path, "illustration", "Could not use this picture")
        if image is None:
            return False
        ref = store_picture(self.session, image)
        self._import_warnings[ref.name] = list(image.warnings)
        self._edit_illustration(current.id, "Replace picture", lambda i: setattr(i, "media", ref))
        return True

    def drop_image(self, mime: QMimeData) -> bool:
        """A picture dropped on the preview replaces the chosen one, or is added if none is."""
        path = dropped_file(mime)
        if path is None:
            self.dialogs.error("Add an illustration", "Drop a picture file from your computer "
                                                      "(a JPEG, PNG or similar).")
            return False
        if self.current_illustration() is None:
            return self.add_illustration_from(path)
        return self.replace_image_from(path)

    def remove_illustration(self) -> None:
        current = self.current_illustration()
        if current is None:
            return
        row = self.ill_list.currentRow()
        wanted = current.id
        self.session.change("Remove illustration", lambda a: a.illustrations.__setitem__(
            slice(None), [i for i in a.illustrations if i.id != wanted]))
        self.refresh()
        if self.ill_list.count():
            self.ill_list.setCurrentRow(min(row, self.ill_list.count() - 1))
        self.window_.statusBar().showMessage("Removed the illustration. Edit › Undo (Ctrl+Z) brings it back.",
                                            8000)

    def move_illustration(self, delta: int) -> None:
        current = self.current_illustration()
        if current is None:
            return
        index = [i.id for i in self.session.article.illustrations].index(current.id)
        if move_item(list(self.session.article.illustrations), index, delta) is None:
            return
        self.session.change("Move illustration",
                            lambda a: move_item(a.illustrations, index, delta))
        self.refresh()
        self.focus_item(current.id)

    def _edit_illustration(self, ill_id: str, description: str, edit) -> None:
        def apply(article: Article) -> None:
            for illustration in article.illustrations:
                if illustration.id == ill_id:
                    edit(illustration)
        self.session.change(description, apply)
        self.refresh()

    def _load_illustration(self) -> None:
        if self._loading:
            return
        current = self.current_illustration()
        for widget in self.ill_form:
            widget.setEnabled(current is not None)
        index = self.ill_list.currentRow()
        self.up_ill_button.setEnabled(current is not None and index > 0)
        self.down_ill_button.setEnabled(current is not None
                                        and 0 <= index < self.ill_list.count() - 1)
        self.add_ill_button.setEnabled(not self._limit_problem())
        self._loading = True
        if current is None:
            for edit in (self.caption, self.credit, self.alt_text):
                edit.clear()
            self.permission.setChecked(False)
            self.ill_preview.show_media(self.session, None)
            self.ill_info.setText("")
            self.ill_warnings.setText("")
            show_problem(self.kind_warning, "")
        else:
            self.caption.setText(current.caption)
            self.credit.setText(current.credit)
            if self.alt_text.toPlainText() != current.alt_text:
                self.alt_text.setPlainText(current.alt_text)
            self.kind.setCurrentIndex(max(self.kind.findData(current.kind), 0))
            self.permission.setChecked(current.permission)
            ref = current.media
            self.ill_preview.show_media(self.session, ref, "The picture is missing from the "
                                        "project file. Choose it again.")
            self._show_picture_info(ref)
            show_problem(self.kind_warning, illustration_kind_warning(self.rules, current.kind))
        self._loading = False
        self._count_alt_text()

    def _show_picture_info(self, ref: MediaRef) -> None:
        self.ill_info.setText(picture_info(ref))
        warnings = list(self._import_warnings.get(ref.name, []))
        if not warnings:
            minimum = int(self.rules.get("photo_min_short_side_px", 600))
            warnings = [w for w in [small_picture_warning(ref, minimum)] if w]
        self.ill_warnings.setText("\n".join(warnings))

    def _count_alt_text(self) -> None:
        n = len(self.alt_text.toPlainText().strip())
        self.alt_count.setText("" if not n else f"{n} characters" +
                               (" — shorter is usually better." if n > 250 else "."))

    def _apply_illustration(self) -> None:
        if self._loading:
            return
        current = self.current_illustration()
        if current is None:
            return
        edited = copy.deepcopy(current)
        edited.caption = self.caption.text().strip()
        edited.alt_text = self.alt_text.toPlainText().strip()
        edited.credit = self.credit.text().strip()
        edited.kind = self.kind.currentData() or current.kind
        edited.permission = self.permission.isChecked()
        if edited == current:
            return

        def apply(article: Article) -> None:
            index = next(i for i, x in enumerate(article.illustrations) if x.id == current.id)
            article.illustrations[index] = edited
        self.session.change("Edit illustration", apply)
        self.refresh()

    # --- clips ------------------------------------------------------------------------------
    def current_clip_id(self) -> str:
        return current_id(self.clip_list)

    def current_clip(self) -> MediaClip | None:
        wanted = self.current_clip_id()
        return next((c for c in self.session.article.clips if c.id == wanted), None)

    def attach_clip_file(self) -> bool:
        path = self.dialogs.ask_file("Attach an audio or video clip", clip_file_filter())
        return self.attach_clip_from(path) if path else False

    def attach_clip_from(self, path: Path) -> bool:
        """Attach a clip file (checked first; hashed in chunks, copied only on saving)."""
        path = Path(path)
        title = "Could not attach this clip"
        try:
            check = check_clip_file(path, clip_warning_mb(self.rules))
        except MediaRuleError as error:
            self.dialogs.error(title, str(error))
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            name = self.session.project.media.add_file(path)
        except OSError as error:
            self.dialogs.error(title, f"'{path.name}' could not be read: "
                                      f"{error.strerror or error}.")
            return False
        finally:
            QApplication.restoreOverrideCursor()
        ref = MediaRef(name, path.name, check.mime, check.size)
        clip = MediaClip(kind=check.kind, media=ref, title=path.stem)
        self.session.change("Attach clip", lambda a: a.clips.append(clip))
        self._after_add_clip(clip)
        return True

    def add_clip_link(self) -> bool:
        text = self.dialogs.ask_text("Add a link to a clip", "Web address of the clip (for "
                                     "example https://www.youtube.com/watch?v=…):")
        if text is None:
            return False
        try:
            url = normalise_clip_url(text)
        except MediaRuleError as error:
            self.dialogs.error("Add a link to a clip", str(error))
            return False
        clip = MediaClip(kind="video", url=url)
        self.session.change("Add link to clip", lambda a: a.clips.append(clip))
        self._after_add_clip(clip)
        return True

    def _after_add_clip(self, clip: MediaClip) -> None:
        self.refresh()
        self.focus_item(clip.id)
        self.clip_title.setFocus()
        self.clip_title.selectAll()

    def remove_clip(self) -> None:
        current = self.current_clip()
        if current is None:
            return
        row = self.clip_list.currentRow()
        wanted = current.id
        self.session.change("Remove clip", lambda a: a.clips.__setitem__(
            slice(None), [c for c in a.clips if c.id != wanted]))
        self.refresh()
        if self.clip_list.count():
            self.clip_list.setCurrentRow(min(row, self.clip_list.count() - 1))
        self.window_.statusBar().showMessage("Removed the clip. Edit › Undo (Ctrl+Z) brings it back.", 8000)

    def _load_clip(self) -> None:
        if self._loading:
            return
        clip = self.current_clip()
        for widget in self.clip_form:
            widget.setEnabled(clip is not None)
        is_link = clip is not None and clip.media is None
        self.clip_url.setEnabled(is_link)
        self.clip_kind.setEnabled(is_link)
        self._loading = True
        if clip is None:
            for edit in (self.clip_title, self.clip_caption, self.clip_url, self.transcript):
                edit.clear()
            self.clip_permission.setChecked(False)
            self.clip_source.setText("No clip chosen.")
            self.clip_warnings.setText("")
            show_problem(self.url_problem, "")
        else:
            self.clip_title.setText(clip.title)
            self.clip_caption.setText(clip.caption)
            if self.transcript.toPlainText() != clip.transcript:
                self.transcript.setPlainText(clip.transcript)
            # a web address the user is still correcting keeps what they typed
            if not (clip.id == self._loaded_clip and self.url_problem.isVisible()):
                self.clip_url.setText(clip.url)
                show_problem(self.url_problem, "")
            self.clip_kind.setCurrentIndex(max(self.clip_kind.findData(clip.kind), 0))
            self.clip_permission.setChecked(clip.permission)
            self._show_clip_source(clip)
        self._loaded_clip = clip.id if clip else ""
        self._loading = False

    def _show_clip_source(self, clip: MediaClip) -> None:
        if clip.media is None:
            self.clip_source.setText(f"Link: {clip.url}")
            self.clip_warnings.setText("")
            return
        ref = clip.media
        kind = CLIP_LABELS.get(clip.kind, clip.kind).lower()
        self.clip_source.setText(f"File: {ref.original_name or ref.name} "
                                 f"({format_size(ref.size)}, {kind})")
        warnings = [clip_size_warning(ref.size, clip_warning_mb(self.rules))]
        if ref.name not in self.session.project.media:
            warnings.append("The clip file is missing from the project. Attach it again.")
        self.clip_warnings.setText("\n".join(w for w in warnings if w))

    def _apply_clip(self) -> None:
        if self._loading:
            return
        clip = self.current_clip()
        if clip is None:
            return
        edited = copy.deepcopy(clip)
        edited.title = self.clip_title.text().strip()
        edited.caption = self.clip_caption.text().strip()
        edited.transcript = self.transcript.toPlainText().strip()
        edited.permission = self.clip_permission.isChecked()
        if clip.media is None:
            edited.kind = self.clip_kind.currentData() or clip.kind
            try:
                edited.url = normalise_clip_url(self.clip_url.text())
            except MediaRuleError as error:
                show_problem(self.url_problem, str(error))
            else:
                show_problem(self.url_problem, "")
                if self.clip_url.text() != edited.url:
                    self._loading = True
                    self.clip_url.setText(edited.url)
                    self._loading = False
        if edited == clip:
            return

        def apply(article: Article) -> None:
            index = next(i for i, c in enumerate(article.clips) if c.id == clip.id)
            article.clips[index] = edited
        self.session.change("Edit clip", apply)
        self.refresh()
