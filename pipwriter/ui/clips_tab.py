"""The Audio and video clips tab: clip files (checked, copied on saving) and links to clips.

The rules (clip sizes, what a web address may be) live in :mod:`pipwriter.model.rules.media_rules`;
this tab only shows them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from ..model.article.media import CLIP_KINDS, MediaClip, MediaRef
from ..model.rules.media_rules import (
    MediaRuleError,
    check_clip_file,
    clip_file_filter,
    clip_size_warning,
    format_size,
    normalise_clip_url,
)
from .list_form_tab import ListFormTab, button, check_box, choice_box, line_edit, plain_edit
from .media_limit import refused_by_limit, show_limit
from .media_widgets import problem_label, show_problem, warning_label
from .settings import PICTURES
from .spell_line_edit import mark_field

CLIP_LABELS = {"video": "Video", "audio": "Audio (sound only)"}


class ClipsTab(ListFormTab):
    ITEMS = "clips"

    def __init__(self, window, parent=None):
        super().__init__(window, "clip", "Audio and video clips", parent)
        self._loaded_clip = ""
        self.attach_button = button("Attach a clip f&ile…", self.attach_clip_file)
        self.link_button = button("Add a &link to a clip…", self.add_clip_link)
        self.limit_label = QLabel()
        self.limit_label.setWordWrap(True)
        note = QLabel(f"Clips over {self.rules.clip_size_warning_mb} MB are hard to send. "
                      "For a long clip, add a link to it.")
        note.setWordWrap(True)

        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = warning_label()
        self.url = line_edit("Web address of the clip", self.apply_form, field="clip_url")
        self.url_problem = problem_label()
        self.kind = choice_box("Video or audio",
                               [(CLIP_LABELS.get(kind, kind.capitalize()), kind)
                                for kind in CLIP_KINDS], self.apply_form)
        self.clip_title = line_edit("Title of the clip", self.apply_form, field="clip_title",
                                    session=self.session)
        self.caption = line_edit("Caption of the clip", self.apply_form, field="clip_caption",
                                 session=self.session)
        self.transcript = plain_edit("Transcript or description of the clip", self.apply_form,
                                     160, field="clip_transcript", session=self.session)
        self.transcript.setPlaceholderText("Write down what is said in the clip (a "
                                           "transcript), or what it shows. It is for people who "
                                           "cannot hear or see it.")
        self.permission = check_box("Everyone in the clip agreed to its &publication",
                                    self.apply_form)
        self.needs_item = [self.clip_title, self.caption, self.transcript, self.permission,
                           self.remove_button]
        mark_field(self.permission, "permission")    # "Go to it" from the checklist lands here
        self.url_finding = problem_label()
        self.caption_finding = problem_label()
        self.transcript_finding = problem_label()
        self.permission_finding = problem_label()
        self.finding_fields = {"clip_url": (self.url, self.url_finding),
                               "clip_caption": (self.caption, self.caption_finding),
                               "clip_transcript": (self.transcript, self.transcript_finding),
                               "permission": (self.permission, self.permission_finding)}
        self.lay_out(
            [self.attach_button, self.link_button, self.remove_button, self.limit_label, note],
            [self.source, self.warnings, ("&Web address:", self.url), ("", self.url_problem),
             ("", self.url_finding), ("&Kind:", self.kind), ("&Title:", self.clip_title),
             ("&Caption:", self.caption), ("", self.caption_finding),
             ("Tra&nscript or description:", self.transcript), ("", self.transcript_finding),
             ("", self.permission), ("", self.permission_finding)])

    # --- the list ------------------------------------------------------------------------------
    def title(self) -> str:
        return f"Audio and video clips ({len(self.items())})"

    def show_limit(self) -> None:
        """Illustrations and clips together against the series' limit (both tabs show it)."""
        show_limit(self.session, self.limit_label, [self.attach_button, self.link_button])

    def refresh(self) -> None:
        self.show_limit()
        super().refresh()

    def rows(self) -> list[tuple[str, str]]:
        found = self.item_findings()
        return [(clip.id, f"{clip.title or 'Untitled clip'} "
                          f"({CLIP_LABELS.get(clip.kind, clip.kind).lower()}, "
                          f"{format_size(clip.media.size) if clip.media else 'link'})"
                          + ("  ⚠ needs a look" if found.get(clip.id) else ""))
                for clip in self.items()]

    # --- adding --------------------------------------------------------------------------------
    def attach_clip_file(self) -> bool:
        if refused_by_limit(self.session, self.dialogs, "Attach a clip"):
            return False
        path = self.dialogs.ask_file("Attach an audio or video clip", clip_file_filter(),
                                     kind=PICTURES)
        return self.attach_clip_from(path) if path else False

    def attach_clip_from(self, path: Path) -> bool:
        """Attach a clip file (checked first; hashed in chunks, copied only on saving)."""
        path = Path(path)
        title = "Could not attach this clip"
        if refused_by_limit(self.session, self.dialogs, "Attach a clip"):
            return False
        try:
            check = check_clip_file(path, self.rules.clip_size_warning_mb)
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
        self._after_add(clip)
        return True

    def add_clip_link(self) -> bool:
        if refused_by_limit(self.session, self.dialogs, "Add a link to a clip"):
            return False
        text = self.dialogs.ask_text("Add a link to a clip", "The clip's web address. "
                                     "It might start https://www.youtube.com/…")
        if text is None:
            return False
        try:
            url = normalise_clip_url(text)
        except MediaRuleError as error:
            self.dialogs.error("Add a link to a clip", str(error))
            return False
        clip = MediaClip(kind="video", url=url)
        self.session.change("Add link to clip", lambda a: a.clips.append(clip))
        self._after_add(clip)
        return True

    def _after_add(self, clip: MediaClip) -> None:
        self.refresh()
        self.focus_item(clip.id)
        self.clip_title.setFocus()
        self.clip_title.selectAll()

    # --- the form ------------------------------------------------------------------------------
    def show_item(self, clip: MediaClip | None) -> None:
        is_link = clip is not None and clip.media is None
        self.url.setEnabled(is_link)
        self.kind.setEnabled(is_link)
        if clip is None:
            for edit in (self.clip_title, self.caption, self.url, self.transcript):
                edit.clear()
            self.permission.setChecked(False)
            self.source.setText("No clip chosen.")
            self.warnings.setText("")
            show_problem(self.url_problem, "")
        else:
            self.clip_title.setText(clip.title)
            self.caption.setText(clip.caption)
            if self.transcript.toPlainText() != clip.transcript:
                self.transcript.setPlainText(clip.transcript)
            # a web address the user is still correcting keeps what they typed
            if not (clip.id == self._loaded_clip and self.url_problem.isVisible()):
                self.url.setText(clip.url)
                show_problem(self.url_problem, "")
            self.kind.setCurrentIndex(max(self.kind.findData(clip.kind), 0))
            self.permission.setChecked(clip.permission)
            self._show_source(clip)
        self._loaded_clip = clip.id if clip else ""

    def _show_source(self, clip: MediaClip) -> None:
        if clip.media is None:
            self.source.setText(f"Link: {clip.url}")
            self.warnings.setText("")
            return
        ref = clip.media
        kind = CLIP_LABELS.get(clip.kind, clip.kind).lower()
        self.source.setText(f"File: {ref.original_name or ref.name} "
                            f"({format_size(ref.size)}, {kind})")
        warnings = [clip_size_warning(ref.size, self.rules.clip_size_warning_mb)]
        if ref.name not in self.session.project.media:
            warnings.append("The clip file is missing from the project. Attach it again.")
        self.warnings.setText("\n".join(w for w in warnings if w))

    def read_form(self, edited: MediaClip) -> None:
        edited.title = self.clip_title.text().strip()
        edited.caption = self.caption.text().strip()
        edited.transcript = self.transcript.toPlainText().strip()
        edited.permission = self.permission.isChecked()
        if edited.media is not None:
            return
        edited.kind = self.kind.currentData() or edited.kind
        try:
            edited.url = normalise_clip_url(self.url.text())
        except MediaRuleError as error:
            show_problem(self.url_problem, str(error))
        else:
            show_problem(self.url_problem, "")
            if self.url.text() != edited.url:
                self._loading = True
                self.url.setText(edited.url)
                self._loading = False
